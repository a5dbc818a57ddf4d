# Sourced by the scripts that keep a Python venv under <repo>/.cache built from a pinned requirements file.
#   venv_install VENV REQUIREMENTS LOCK
# (Re)creates VENV from REQUIREMENTS when the file's hash differs from the one stamped at the last install; pip's
# cache is <repo>/.cache/pip. A flock on LOCK keeps parallel runs (test JVMs) from building it over each other;
# the lock is released before the caller goes on, so a server started afterwards does not hold it.
# Progress goes to stderr.

ensure_venv_module() {
  if python3 -c 'import ensurepip, venv' 2>/dev/null; then
    return
  fi
  local minor
  minor="$(python3 -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
  echo "venv: installing python$minor-venv with apt" >&2
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "python$minor-venv" >&2 \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-venv >&2
}

venv_install() {
  local venv="$1" requirements="$2" lock="$3"
  mkdir -p "$(dirname "$lock")"
  (
    flock 9
    local stamp="$venv/.requirements.sha256" want
    want="$(sha256sum "$requirements" | cut -d' ' -f1)"
    if [[ -x "$venv/bin/python" && -f "$stamp" && "$(cat "$stamp")" == "$want" ]]; then
      exit 0
    fi
    ensure_venv_module
    echo "venv: installing $requirements into $venv" >&2
    rm -rf "$venv"
    python3 -m venv "$venv"
    "$venv/bin/pip" install -q --disable-pip-version-check --cache-dir "$(dirname "$venv")/pip" \
      -r "$requirements" >&2
    echo "$want" >"$stamp"
  ) 9>"$lock"
}

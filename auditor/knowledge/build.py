"""Regenerate ``rules/knowledge/people_generated.yml`` and ``offices_generated.yml``.

Usage::

    python -m auditor.knowledge.build [--data DIR] [--out DIR]

``--data`` defaults to ``../shared/data`` beside the repository root and must
hold ``officeholders/`` (see its SOURCE.txt) and ``place_name_variants/``
(country names, to map world leaders' countries to ISO codes).

What is taken, and why so little: the packs are loaded on every run, so they
keep only the offices an entity rule can check — UK posts of Secretary of
State rank and above (IfG Ministers Database, CC BY 4.0), the US, Ukrainian
and Russian cabinet posts that the curated ``offices.yml`` maps through its
``source_names``, US governors, UN leadership and every country's head of
state and government (Wikidata, CC0). Posts not mapped by ``offices.yml``
are skipped; world leaders' offices missing from it are generated.

Names: a person's canonical name is the curated one when ``people.yml``
knows the person (same Wikidata id or same name), else the source's name
with middle initials and suffixes moved to aliases ("Mark T. Esper" ->
"Mark Esper", alias "Mark T. Esper"). Peers keep their pre-peerage name as
canonical and get "Lord X" / "Baroness X" as aliases.

The output is sorted and written in a compact flow style, so regenerating
from the same data gives byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

from auditor.knowledge.people import name_key
from auditor.resources import load_yaml_file, rules_dir

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "data"
UK_RANKS = {"PM", "DPM", "SoS", "Parl. lead."}
_INITIAL = re.compile(r"^(?:[A-Z]\.)+$")
_SUFFIX = re.compile(r",?\s+(?:Jr\.?|Sr\.?|III|II)$")
_PEER = re.compile(r"^(Lord|Baroness|Lady|Viscount|Earl)\s+(.+?)(?:\s+of\s+.+)?$")
_SLUG = re.compile(r"[^a-z0-9]+")

#: world-leader position words -> (title, function)
LEADER_TITLES = [
    ("prime minister", "Prime Minister", "head-of-government"),
    ("premier", "Premier", "head-of-government"),
    ("federal chancellor", "Chancellor", "head-of-government"),
    ("chancellor", "Chancellor", "head-of-government"),
    ("taoiseach", "Taoiseach", "head-of-government"),
    ("vice president", "Vice President", "vice-president"),
    ("president", "President", "head-of-state"),
    ("supreme leader", "Supreme Leader", "head-of-state"),
    ("governor-general", "Governor-General", "governor-general"),
    ("monarch", "King", "head-of-state"),
    ("king", "King", "head-of-state"),
    ("emir", "Emir", "head-of-state"),
    ("sultan", "Sultan", "head-of-state"),
    ("emperor", "Emperor", "head-of-state"),
]
#: When each source snapshot was taken (its SOURCE.txt commit date): an open
#: role is written "start..?SNAPSHOT" - held then, unknown after.
SNAPSHOTS = {
    "ifg": "2026-06-19",
    "us-cabinet__html_holders21.csv": "2022-08-03",
    "ukraine-cabinet__html_holders21.csv": "2022-07-23",
    "russia-cabinet__html_holders21.csv": "2022-08-03",
    "world__html_holders21.csv": "2023-01-10",
    "world-leaders-2021": "2022-10-09",
}
#: curated countries whose leaders come from people.yml, never from the 2021 list
CURATED_LEADER_COUNTRIES = {"GB", "US", "UA", "RU", "FR", "DE", "PL", "IT", "IL"}


# --------------------------------------------------------------------------- helpers
def _read_csv(path: Path, delimiter: str = ",") -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh, delimiter=delimiter))


def _slug(text: str) -> str:
    return _SLUG.sub("-", text.lower()).strip("-")


def clean_name(name: str) -> tuple[str, list[str]]:
    """(canonical, aliases): strip middle initials and Jr./Sr. suffixes."""
    aliases: list[str] = []
    base = name.strip()
    stripped = _SUFFIX.sub("", base)
    if stripped != base:
        aliases.append(base)
        base = stripped
    parts = base.split()
    if len(parts) >= 3:
        kept = [parts[0]] + [p for p in parts[1:-1] if not _INITIAL.match(p)] + [parts[-1]]
        if len(kept) != len(parts):
            aliases.append(base)
            base = " ".join(kept)
    base = re.sub(r"\s*\(.*\)$", "", base)  # "João Lourenço (politician)"
    return base, [a for a in aliases if a != base]


class Curated:
    """The curated packs: office source-name mapping and canonical names."""

    def __init__(self, knowledge_dir: Path) -> None:
        offices = (load_yaml_file(knowledge_dir / "offices.yml") or {}).get("offices", {})
        people = (load_yaml_file(knowledge_dir / "people.yml") or {}).get("people", [])
        self.offices: dict[str, dict[str, Any]] = offices
        self.post_map: dict[tuple[str, str], str] = {}
        for office_id, entry in offices.items():
            for source_name in entry.get("source_names") or ():
                self.post_map[(entry["country"], source_name)] = office_id
        self.by_id: dict[str, str] = {}
        self.by_key: dict[str, str] = {}
        for person in people:
            if person.get("id"):
                self.by_id[person["id"]] = person["name"]
            for form in (person["name"], *(person.get("aliases") or ())):
                self.by_key.setdefault(name_key(form), person["name"])

    def canonical(self, name: str, qid: str | None = None) -> tuple[str, list[str]]:
        base, aliases = clean_name(name)
        curated = (qid and self.by_id.get(qid)) or self.by_key.get(name_key(name)) or self.by_key.get(name_key(base))
        if curated:
            extra = [n for n in (name, base, *aliases) if name_key(n) != name_key(curated)]
            return curated, sorted(set(extra))
        return base, aliases


class People:
    """Accumulates people keyed by a source identity."""

    def __init__(self) -> None:
        self.entries: dict[str, dict[str, Any]] = {}

    def add(self, key: str, name: str, aliases: list[str], role: dict[str, str],
            surnames: list[str] | None = None, pid: str | None = None) -> None:
        entry = self.entries.setdefault(key, {"name": name, "aliases": set(), "surnames": set(), "roles": [], "id": pid})
        entry["aliases"].update(a for a in aliases if a != entry["name"])
        if surnames:
            entry["surnames"].update(surnames)
        if role not in entry["roles"]:
            entry["roles"].append(role)


def _role(office: str, start: str | None, end: str | None, snapshot: str) -> dict[str, str]:
    role = {"office": office}
    if start:
        role["start"] = start
    role["end"] = end or f"?{snapshot}"
    return role


# --------------------------------------------------------------------------- sources
def uk_ministers(data: Path, curated: Curated, people: People) -> int:
    """IfG Ministers Database: SoS-rank and above, mapped posts only."""
    folder = data / "officeholders" / "uk_ifg_ministers"
    names: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in _read_csv(folder / "person.csv"):
        names[row["id"]].append(row)
    count = 0
    for row in _read_csv(folder / "uk_ministers_flat.tsv", "\t"):
        if row["rank"] not in UK_RANKS:
            continue
        office = curated.post_map.get(("GB", row["post"]))
        if office is None:
            continue
        records = sorted(names.get(row["person_id"], []), key=lambda r: r["start_date"] or "")
        plain = [r["name"] for r in records if not _PEER.match(r["name"])]
        canonical_source = plain[0] if plain else (records[0]["name"] if records else row["person_name"])
        canonical, aliases = curated.canonical(canonical_source)
        for r in records:
            aliases.append(r["name"])
            peer = _PEER.match(r["name"])
            if peer:
                aliases.append(f"{peer.group(1)} {peer.group(2)}")
        surname = row["person_short_name"] or canonical.split()[-1]
        people.add("ifg:" + row["person_id"], canonical, aliases,
                   _role(office, row["start_date"], row["end_date"], SNAPSHOTS["ifg"]), [surname])
        count += 1
    return count


def everypolitician(data: Path, curated: Curated, people: People) -> int:
    """US, Ukraine, Russia cabinets and UN posts (Wikidata via every-politician)."""
    folder = data / "officeholders" / "wikidata_everypolitician"
    count = 0
    for filename, country in (("us-cabinet__html_holders21.csv", "US"),
                              ("ukraine-cabinet__html_holders21.csv", "UA"),
                              ("russia-cabinet__html_holders21.csv", "RU"),
                              ("world__html_holders21.csv", "UN")):
        for row in _read_csv(folder / filename):
            post = row["position"]
            office = curated.post_map.get((country, post))
            if office is None and country == "US" and post.startswith("Governor of "):
                office = "us.governor"
            if office is None:
                continue
            name, aliases = curated.canonical(row["person"], row["personID"])
            people.add(row["personID"], name, aliases, _role(office, row["start"], row["end"], SNAPSHOTS[filename]),
                       pid=row["personID"])
            count += 1
    return count


def _country_codes(data: Path) -> dict[str, str]:
    table = data / "place_name_variants" / "countries_name_variants.tsv"
    codes: dict[str, str] = {}
    for row in _read_csv(table, "\t"):
        for col in ("pycountry_name", "pycountry_common_name", "geonames_name", "coco_name_short", "pycountry_official_name"):
            if row.get(col):
                codes.setdefault(name_key(row[col]), row["iso2"])
    return codes


def world_leaders(data: Path, curated: Curated, people: People, offices: dict[str, dict[str, Any]]) -> int:
    """Heads of state and government of every country, 2021-2022 (years only)."""
    path = data / "officeholders" / "wikidata_everypolitician" / "world-leaders-2021__data_wikidata.csv"
    codes = _country_codes(data)
    count = 0
    for row in _read_csv(path):
        iso = codes.get(name_key(row["country"]))
        if iso is None or iso in CURATED_LEADER_COUNTRIES:
            continue
        label = row["positionLabel"].lower()
        match = next(((t, f) for key, t, f in LEADER_TITLES if label.startswith(key)), None)
        if match is None:
            continue
        title, function = match
        office_id = f"{iso.lower()}.{_slug(title)}"
        if office_id not in curated.offices and office_id not in offices:
            forms = [title] + (["PM", "Premier"] if title == "Prime Minister" else [])
            if title == "King":
                forms += ["Queen", "Monarch"]
            offices[office_id] = {"country": iso, "title": title, "forms": forms, "function": function}
        name, aliases = curated.canonical(row["officeholderLabel"], row["officeholder"])
        people.add(row["officeholder"], name, aliases,
                   _role(office_id, row["start_year"] or None, row["end_year"] or None, SNAPSHOTS["world-leaders-2021"]),
                   pid=row["officeholder"])
        count += 1
    return count


# --------------------------------------------------------------------------- output
def _flow(value: Any) -> str:
    """Compact YAML flow style (JSON-compatible scalars, always quoted strings)."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_flow(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_flow(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)


HEADER = """# GENERATED by `python -m auditor.knowledge.build` - do not edit; curate people.yml/offices.yml instead.
# Sources: Institute for Government Ministers Database (CC BY 4.0); Wikidata (CC0) via every-politician-scrapers.
# See NOTICE. Roles are "office start..end"; a bare year is an inexact bound; an end "?DATE" means
# "still held when the source was compiled (DATE), unknown after".
"""


def render_people(people: People) -> str:
    lines = [HEADER.rstrip("\n"), "generated_by: auditor.knowledge.build",
             "source: IfG Ministers Database (CC BY 4.0); Wikidata (CC0)", "people:"]
    entries = sorted(people.entries.values(), key=lambda e: (name_key(e["name"]), e["id"] or ""))
    for e in entries:
        out: dict[str, Any] = {"name": e["name"]}
        if e["id"]:
            out["id"] = e["id"]
        aliases = sorted(a for a in e["aliases"] if name_key(a) != name_key(e["name"]))
        if aliases:
            out["aliases"] = sorted(set(aliases))
        surnames = sorted(e["surnames"])
        if " of " in e["name"] or re.search(r"\b[IVX]+$", e["name"]):
            out["surnames"] = []  # "Abdullah II of Jordan": no surname to match alone
        elif surnames and surnames != [e["name"].split()[-1]]:
            out["surnames"] = surnames
        roles = sorted(e["roles"], key=lambda r: (r.get("start", ""), r["office"]))
        out["roles"] = [f"{r['office']} {r.get('start', '')}..{r.get('end', '')}" for r in roles]
        lines.append("  - " + _flow(out))
    return "\n".join(lines) + "\n"


def render_offices(offices: dict[str, dict[str, Any]]) -> str:
    lines = [HEADER.rstrip("\n"), "generated_by: auditor.knowledge.build",
             "source: Wikidata (CC0) via every-politician-scrapers/world-leaders-2021", "offices:"]
    for office_id in sorted(offices):
        lines.append(f"  {office_id}: {_flow(offices[office_id])}")
    return "\n".join(lines) + "\n"


def build(data: Path, out: Path, knowledge_dir: Path | None = None) -> dict[str, int]:
    """Build both packs into ``out``; returns counts for the report."""
    knowledge_dir = knowledge_dir or (rules_dir() / "knowledge")
    if not (data / "officeholders").is_dir():
        raise SystemExit(f"officeholders data not found under {data} (pass --data)")
    curated = Curated(knowledge_dir)
    people = People()
    offices: dict[str, dict[str, Any]] = {}
    counts = {
        "uk_appointments": uk_ministers(data, curated, people),
        "wikidata_appointments": everypolitician(data, curated, people),
        "world_leader_terms": world_leaders(data, curated, people, offices),
    }
    out.mkdir(parents=True, exist_ok=True)
    (out / "offices_generated.yml").write_text(render_offices(offices), encoding="utf-8")
    (out / "people_generated.yml").write_text(render_people(people), encoding="utf-8")
    counts["people"] = len(people.entries)
    counts["offices"] = len(offices)
    return counts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m auditor.knowledge.build", description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="shared data dir (default: %(default)s)")
    parser.add_argument("--out", type=Path, default=rules_dir() / "knowledge", help="output dir (default: %(default)s)")
    args = parser.parse_args(argv)
    counts = build(args.data, args.out)
    print(" ".join(f"{k}={v}" for k, v in counts.items()), file=sys.stderr)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())

"""People and offices: validation of the ``people``/``offices`` sections and
the :class:`PeopleIndex` every entity rule consults.

Schema (see docs and ``rules/knowledge/people.yml``)::

    offices:
      gb.foreign-secretary:
        country: GB                 # ISO 3166-1 alpha-2 or an organisation (EU, NATO, UN, WTO)
        title: Foreign Secretary    # canonical title
        forms: [Foreign Secretary, ...]   # accepted capitalised forms
        function: foreign-minister  # cross-country kind of office
        variety: en-GB              # spelling variety of the official title, when it matters
        kind: office                # office (default) | institution | country
        generic: [foreign secretary]    # optional lowercase generic forms (informational)
        adjectives: [British, UK]   # kind: country only: nationality adjectives/qualifiers
        source_names: [...]         # optional: post names in the source data (build script)
    people:
      - name: David Lammy
        aliases: [...]
        surnames: [Lammy]
        honorific: Sir
        misspellings: [Lamy]
        description: British Labour politician
        country: GB                 # optional: ISO 3166-1 alpha-2 code, or a list, of the person's
                                    # country (for people without an office: business leaders,
                                    # party leaders); names.misspelled reads it with the role countries
        id: Q...                    # optional: entries with the same name merge unless their ids differ
        roles:
          - {office: gb.foreign-secretary, start: 2024-07-05, end: 2025-09-05}

Dates may be full ISO dates or, where the source only knows the year (or the
month), ``2017`` / ``2017-03``: such bounds are *inexact*; rules that must be
sure a role was (not) held on a date ask with ``strict=True``. An end written
``?2022-08-03`` means "still held when the source was compiled, unknown
after": the role is never taken as over, nor as certainly held after that
date (the generated packs use it for open roles of dated snapshots).

Packs are merged: a person named in two packs (generated + curated) becomes
one :class:`Person` with the union of aliases and roles, so the curated pack
can add an honorific or a recent role to a generated entry.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from auditor.errors import ConfigError

if TYPE_CHECKING:  # pragma: no cover
    from auditor.knowledge.base import KnowledgeBase

OFFICE_KINDS = ("office", "institution", "country")
_OFFICE_ID = re.compile(r"^[a-z0-9]+(?:[.-][a-z0-9]+)*(?:\.[a-z0-9-]+)*$")
_PARTIAL_DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?$")


# --------------------------------------------------------------------------- name keys
def name_key(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key of a name.

    "Jean-Noël Barrot", "jean-noel barrot" and "Jean Noel Barrot" share a key;
    curly and straight apostrophes are equal.
    """
    return _name_key(text)


@lru_cache(maxsize=65536)
def _name_key(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("’", "'").replace("‘", "'").replace("-", " ").replace(".", " ")
    return " ".join(stripped.casefold().split())


# --------------------------------------------------------------------------- dates
def _parse_bound(value: Any, *, end: bool) -> tuple[dt.date | None, bool]:
    """(date, exact) for a role bound; year/month-only bounds are inexact and
    stretch to the widest reading (Jan 1 for a start, Dec 31 for an end)."""
    if value is None or value == "":
        return None, True
    if isinstance(value, str) and value.startswith("?"):
        if not end:
            raise ValueError(f"invalid start {value!r} ('?DATE' is only for an end: held at least until DATE)")
        _parse_bound(value[1:], end=True)
        return None, False
    if isinstance(value, dt.datetime):
        return value.date(), True
    if isinstance(value, dt.date):
        return value, True
    text = str(value).strip()
    match = _PARTIAL_DATE.match(text)
    if match:
        year = int(match.group(1))
        month = int(match.group(2)) if match.group(2) else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"invalid date {text!r}")
        if month is None:
            return (dt.date(year, 12, 31) if end else dt.date(year, 1, 1)), False
        if end:
            nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
            return nxt - dt.timedelta(days=1), False
        return dt.date(year, month, 1), False
    try:
        return dt.date.fromisoformat(text), True
    except ValueError:
        raise ValueError(f"invalid date {text!r} (expected YYYY-MM-DD, YYYY-MM or YYYY)") from None


# --------------------------------------------------------------------------- validation
def parse_role(value: Any) -> dict[str, Any]:
    """A role as a mapping, or in the compact form ``"office start..end"``
    (either bound may be empty: ``"gb.prime-minister 2024-07-05.."``) that
    the generated packs use because it loads several times faster."""
    if isinstance(value, dict):
        return value
    if not isinstance(value, str):
        raise ValueError("a role is a mapping or a string 'office start..end'")
    office, _, span = value.strip().partition(" ")
    start, sep, end = span.strip().partition("..")
    if span and not sep:
        raise ValueError(f"role {value!r}: expected 'office start..end'")
    return {"office": office, "start": start or None, "end": end or None}


def validate_section(name: str, data: Any, where: str) -> None:
    """Validate a ``people`` or ``offices`` section of the pack at ``where``
    (see :mod:`auditor.knowledge.people_schema`)."""
    from auditor.knowledge.people_schema import validate_section as validate

    validate(name, data, where)


# --------------------------------------------------------------------------- index objects
@dataclass(slots=True, frozen=True, eq=False)
class Office:
    """An office, an institution or a country (``kind``)."""

    id: str
    country: str
    title: str
    forms: tuple[str, ...]
    function: str | None = None
    variety: str | None = None
    kind: str = "office"
    generic: tuple[str, ...] = ()
    adjectives: tuple[str, ...] = ()

    @property
    def all_forms(self) -> tuple[str, ...]:
        return (self.title, *[f for f in self.forms if f != self.title])


@dataclass(slots=True, eq=False)
class Role:
    office: Office
    start: dt.date | None
    end: dt.date | None
    start_exact: bool = True
    end_exact: bool = True
    #: for an open role from a snapshot: certainly held until then, unknown after
    known_until: dt.date | None = None

    @property
    def office_id(self) -> str:
        return self.office.id

    def active_on(self, date: dt.date, *, strict: bool = False, grace: int = 0) -> bool:
        """Was the role held on ``date``?

        ``strict``: only when certain — inexact (year/month) bounds are
        shrunk to exclude their uncertain period, and ``grace`` days are
        cut from both ends (an article dated on a changeover day is unsure).
        Without ``strict`` the widest reading (plus ``grace``) is used.
        """
        start, end = self.start, self.end
        if strict and self.known_until is not None and date > self.known_until:
            return False
        if strict:
            if start is not None:
                if not self.start_exact:
                    start = _after_period(start)
                start = start + dt.timedelta(days=grace)
            if end is not None:
                if not self.end_exact:
                    end = _before_period(end)
                end = end - dt.timedelta(days=grace)
        else:
            if start is not None:
                start = start - dt.timedelta(days=grace)
            if end is not None:
                end = end + dt.timedelta(days=grace)
        if start is not None and date < start:
            return False
        return not (end is not None and date > end)

    def ended_before(self, date: dt.date, *, grace: int = 0) -> bool:
        """Certainly over on ``date``."""
        if self.end is None:
            return False
        end = self.end if self.end_exact else self.end  # inexact end is already the widest
        return date > end + dt.timedelta(days=grace)

    def starts_after(self, date: dt.date, *, grace: int = 0) -> bool:
        """Certainly not yet begun on ``date``."""
        if self.start is None:
            return False
        return date < self.start - dt.timedelta(days=grace)


def _overlap(a: Role, b: Role) -> bool:
    lo = max(a.start or dt.date.min, b.start or dt.date.min)
    hi = min(a.end or dt.date.max, b.end or dt.date.max)
    return lo <= hi


def _after_period(start: dt.date) -> dt.date:
    # an inexact start is Jan 1 (year) or the 1st (month): certain from the next period
    if start.month == 1 and start.day == 1:
        return dt.date(start.year + 1, 1, 1)
    return dt.date(start.year + (start.month == 12), start.month % 12 + 1, 1)


def _before_period(end: dt.date) -> dt.date:
    if end.month == 12 and end.day == 31:
        return dt.date(end.year - 1, 12, 31)
    return dt.date(end.year, end.month, 1) - dt.timedelta(days=1)


@dataclass(slots=True, eq=False)
class Person:
    name: str
    aliases: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    honorific: str | None = None
    misspellings: tuple[str, ...] = ()
    description: str | None = None
    roles: tuple[Role, ...] = ()
    id: str | None = None
    packs: tuple[str, ...] = ()
    #: named in at least one hand-curated (not generated) pack
    curated: bool = True
    #: the pack's ``country`` codes (for people without an office)
    declared_countries: tuple[str, ...] = ()

    def roles_on(self, date: dt.date | None, *, strict: bool = False, grace: int = 0) -> list[Role]:
        """Roles held on ``date`` (every role when ``date`` is None)."""
        if date is None:
            return list(self.roles)
        return [r for r in self.roles if r.active_on(date, strict=strict, grace=grace)]

    def roles_for(self, office_id: str) -> list[Role]:
        return [r for r in self.roles if r.office.id == office_id]

    def countries(self) -> set[str]:
        """Countries (or organisations) of the offices the person held."""
        return {r.office.country for r in self.roles}

    def name_countries(self) -> set[str]:
        """Countries the person belongs to: the pack's ``country`` and those
        of their offices. What ``names.misspelled`` asks to tell a
        transliterated name from one with a single spelling; the title rules
        keep to :meth:`countries` (an office's country)."""
        return {*self.declared_countries, *self.countries()}

    @property
    def full_names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def __repr__(self) -> str:  # pragma: no cover - debugging aid
        return f"Person({self.name!r}, roles={len(self.roles)})"


@dataclass(slots=True)
class _Draft:
    name: str
    id: str | None
    aliases: list[str] = field(default_factory=list)
    surnames: list[str] | None = None
    honorific: str | None = None
    misspellings: list[str] = field(default_factory=list)
    description: str | None = None
    roles: list[tuple[str, Any, Any, str]] = field(default_factory=list)
    packs: list[str] = field(default_factory=list)
    countries: list[str] = field(default_factory=list)


def _add_unique(target: list[str], values: Iterable[str]) -> None:
    for v in values:
        if v not in target:
            target.append(v)


# --------------------------------------------------------------------------- the index
class PeopleIndex:
    """Who is known, under which names, holding which offices when.

    Built once per process from every pack's ``offices`` and ``people``
    sections (``kb.people``).
    """

    def __init__(self, offices: dict[str, Office], people: list[Person]) -> None:
        self.offices = offices
        self.people = people
        self._by_key: dict[str, list[Person]] = {}
        self._forms: list[tuple[str, Person]] = []
        for person in people:
            seen: set[str] = set()
            for form in (*person.full_names, *person.surnames):
                key = name_key(form)
                if key in seen:
                    continue
                seen.add(key)
                self._by_key.setdefault(key, []).append(person)
                self._forms.append((form, person))
            if person.honorific:
                for form in person.full_names:
                    hon = f"{person.honorific} {form}"
                    key = name_key(hon)
                    if key not in seen:
                        seen.add(key)
                        self._by_key.setdefault(key, []).append(person)
        # countries: adjective/qualifier -> country code
        self.country_names: dict[str, str] = {}
        self.country_adjectives: dict[str, str] = {}
        for office in offices.values():
            if office.kind == "country":
                self.country_names[office.country] = office.title
                for adj in (office.title, *office.forms, *office.adjectives):
                    self.country_adjectives.setdefault(adj, office.country)

    # -- construction ---------------------------------------------------------
    @classmethod
    def build(cls, kb: KnowledgeBase) -> PeopleIndex:
        generated = frozenset(str(path) for path, data in kb.packs if data.get("generated_by"))
        return cls.from_sections(kb.section("offices"), kb.section("people"), generated)

    @classmethod
    def from_sections(
        cls,
        offices_sections: list[tuple[str, Any]],
        people_sections: list[tuple[str, Any]],
        generated: frozenset[str] = frozenset(),
    ) -> PeopleIndex:
        """Merge sections; ``generated`` names packs whose roles yield to curated ones."""
        offices: dict[str, Office] = {}
        for _where, data in offices_sections:
            for key, entry in (data or {}).items():
                offices[str(key)] = Office(
                    id=str(key),
                    country=str(entry["country"]),
                    title=str(entry["title"]),
                    forms=tuple(entry.get("forms") or ()),
                    function=entry.get("function"),
                    variety=entry.get("variety"),
                    kind=entry.get("kind", "office"),
                    generic=tuple(entry.get("generic") or ()),
                    adjectives=tuple(entry.get("adjectives") or ()),
                )
        drafts: list[_Draft] = []
        by_name: dict[str, list[_Draft]] = {}
        for where, data in people_sections:
            for i, entry in enumerate(data or ()):
                name = str(entry["name"])
                pid = entry.get("id")
                key = name_key(name)
                draft = None
                for cand in by_name.get(key, ()):
                    if cand.id is None or pid is None or cand.id == pid:
                        draft = cand
                        break
                if draft is None:
                    draft = _Draft(name=name, id=pid)
                    drafts.append(draft)
                    by_name.setdefault(key, []).append(draft)
                elif pid and not draft.id:
                    draft.id = pid
                _add_unique(draft.aliases, [a for a in entry.get("aliases") or () if a != draft.name])
                if "surnames" in entry:
                    if draft.surnames is None:
                        draft.surnames = []
                    _add_unique(draft.surnames, entry.get("surnames") or ())
                _add_unique(draft.misspellings, entry.get("misspellings") or ())
                draft.honorific = entry.get("honorific") or draft.honorific
                draft.description = entry.get("description") or draft.description
                country = entry.get("country")
                _add_unique(draft.countries, [country] if isinstance(country, str) else country or ())
                draft.packs.append(where)
                for role in entry.get("roles") or ():
                    role = parse_role(role)
                    office_id = str(role["office"])
                    if office_id not in offices:
                        raise ConfigError(f"{where}: people[{i}] {name!r}: unknown office id {office_id!r}")
                    draft.roles.append((office_id, role.get("start"), role.get("end"), where))
        people = [cls._finish(d, offices, generated) for d in drafts]
        return cls(offices, people)

    @staticmethod
    def _finish(draft: _Draft, offices: dict[str, Office], generated: frozenset[str] = frozenset()) -> Person:
        parsed: list[tuple[Role, bool]] = []
        for office_id, start_v, end_v, where in draft.roles:
            start, start_exact = _parse_bound(start_v, end=False)
            end, end_exact = _parse_bound(end_v, end=True)
            known = None
            if isinstance(end_v, str) and end_v.startswith("?"):
                known, _ = _parse_bound(end_v[1:], end=True)
            parsed.append((Role(offices[office_id], start, end, start_exact, end_exact, known), where in generated))
        # a curated role replaces generated ones of the same office that overlap it
        # (the generated snapshot may be older, or less precise)
        curated = [r for r, gen in parsed if not gen]
        roles: list[Role] = []
        seen: set[tuple[str, Any]] = set()
        for role, gen in parsed:
            if gen and any(c.office is role.office and _overlap(c, role) for c in curated):
                continue
            key = (role.office.id, role.start)
            if key in seen:
                continue
            seen.add(key)
            roles.append(role)
        roles.sort(key=lambda r: (r.start or dt.date.min))
        # no `surnames` key: the last token; an explicit [] means none ("Elizabeth II")
        surnames = draft.surnames if draft.surnames is not None else [draft.name.split()[-1]]
        return Person(
            name=draft.name,
            aliases=tuple(draft.aliases),
            surnames=tuple(surnames),
            honorific=draft.honorific,
            misspellings=tuple(draft.misspellings),
            description=draft.description,
            roles=tuple(roles),
            id=draft.id,
            packs=tuple(draft.packs),
            curated=any(p not in generated for p in draft.packs),
            declared_countries=tuple(draft.countries),
        )

    # -- queries ---------------------------------------------------------------
    def by_name(self, form: str) -> list[Person]:
        """People known under ``form``: a full name, an alias, a surname, or
        an honorific + name ("Sir Keir Starmer"). Case/accent-insensitive."""
        return list(self._by_key.get(name_key(form), ()))

    def is_known(self, form: str) -> bool:
        return name_key(form) in self._by_key

    def all_names(self) -> Iterator[tuple[str, Person]]:
        """(form, person) for every canonical name, alias and surname."""
        return iter(self._forms)

    def office(self, office_id: str) -> Office | None:
        return self.offices.get(office_id)

    def holders(self, office_id: str, date: dt.date) -> list[Person]:
        return [p for p in self.people if any(r.office.id == office_id and r.active_on(date) for r in p.roles)]

    def country_of_adjective(self, word: str) -> str | None:
        """Country code for a nationality adjective or qualifier ("British", "UK")."""
        return self.country_adjectives.get(word)

    def __len__(self) -> int:
        return len(self.people)


#: The classes of a built index, which the data cache may unpickle.
INDEX_CLASSES = (PeopleIndex, Person, Role, Office)

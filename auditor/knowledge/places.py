"""The ``places`` knowledge section: spelling clusters and house-style rulings.

A ``places`` section maps a place id to an entry (see the comment at the top
of ``rules/knowledge/places.yml`` for every field)::

    places:
      kyiv:
        name: Kyiv
        forms: {Kyiv: ukrainian, Kiev: russian}
        preferred: Kyiv
        effective: 2019-10-01
        exceptions: [chicken Kiev, Dynamo Kiev]

Entries with the same id in several packs merge field by field: ``forms``
merge form by form (``null`` removes a form), lists accumulate, scalars are
replaced. Generated packs (those with a ``generated_by`` key) are applied
first, so a curated or newsroom pack always overrides them whatever the
config order; among the others, later packs win.

:class:`PlaceIndex` finds every mention of every form in one RE2 pass
(leftmost-longest, case-sensitive, word-bounded; an all-caps form such as a
"KIEV, Ukraine" dateline counts too), and resolves the context checks the
rules share: exception phrases and ambiguous forms that need the country in
the document.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import re2

from auditor.documents.utf8 import utf8
from auditor.errors import ConfigError
from auditor.patterns import LARGE_DFA_MEMORY, re2_options
from auditor.resources import load_yaml_resource

if TYPE_CHECKING:  # pragma: no cover
    from auditor.knowledge.base import KnowledgeBase

ORIGINS = ("ukrainian", "russian", "neutral", "other")
FIELDS = {"name", "country", "population", "forms", "preferred", "effective", "authority",
          "exceptions", "ambiguous", "context", "traditional"}
DEFAULT_CONTEXT: dict[str, tuple[str, ...]] = {"UA": ("Ukraine", "Ukrainian", "UKRAINE")}


# --------------------------------------------------------------------------- validation
def validate_section(name: str, data: Any, where: str) -> None:
    """Check one pack's ``places`` section; raise a one-line ConfigError."""
    if data is None:
        return
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: {name}: expected a mapping of place ids to entries")
    for pid, entry in data.items():
        at = f"{where}: {name}.{pid}"
        if not isinstance(pid, str) or not pid.strip():
            raise ConfigError(f"{where}: {name}: place ids must be non-empty strings, not {pid!r}")
        if not isinstance(entry, dict):
            raise ConfigError(f"{at}: expected a mapping (name, forms, preferred, ...)")
        unknown = set(entry) - FIELDS
        if unknown:
            raise ConfigError(f"{at}: unknown field {sorted(unknown)[0]!r} (known: {', '.join(sorted(FIELDS))})")
        forms = entry.get("forms", {})
        if not isinstance(forms, dict):
            raise ConfigError(f"{at}: forms: expected a mapping of form to origin")
        for form, origin in forms.items():
            if not isinstance(form, str) or not form.strip():
                raise ConfigError(f"{at}: forms: empty variant")
            if form != form.strip():
                raise ConfigError(f"{at}: forms: variant {form!r} has surrounding spaces")
            if origin is not None and origin not in ORIGINS:
                raise ConfigError(f"{at}: forms.{form}: unknown origin {origin!r} (known: {', '.join(ORIGINS)})")
        for key in ("name", "preferred", "authority", "country"):
            value = entry.get(key)
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise ConfigError(f"{at}: {key}: expected a non-empty string")
        if "effective" in entry:
            _parse_date(entry["effective"], f"{at}: effective")
        if "population" in entry and not isinstance(entry["population"], int):
            raise ConfigError(f"{at}: population: expected an integer")
        for key in ("exceptions", "ambiguous", "context", "traditional"):
            value = entry.get(key, [])
            if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
                raise ConfigError(f"{at}: {key}: expected a list of non-empty strings")
        if entry.get("preferred") and forms and entry["preferred"] not in forms:
            raise ConfigError(f"{at}: preferred {entry['preferred']!r} is not one of its forms")


def _parse_date(value: Any, at: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    raise ConfigError(f"{at}: invalid date {value!r} (expected YYYY-MM-DD)")


# --------------------------------------------------------------------------- index
@dataclass(frozen=True)
class Place:
    """One place with its spellings and (optionally) a house-style ruling."""

    id: str
    name: str
    country: str | None
    forms: dict[str, str]  # form -> origin
    preferred: str | None = None
    effective: dt.date | None = None
    authority: str | None = None
    exceptions: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    context: tuple[str, ...] = ()
    traditional: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Mention:
    """One occurrence of a place form in a text (view offsets)."""

    start: int
    end: int
    form: str  # the form as listed in the pack ("Kiev" for "KIEV")
    place: Place
    upper: bool = False  # written in capitals ("KIEV, Ukraine")

    @property
    def origin(self) -> str:
        return self.place.forms[self.form]

    def render(self, form: str) -> str:
        """A replacement form in the case the text used."""
        return form.upper() if self.upper else form


@dataclass
class PlaceIndex:
    """All places of a run, with one pattern over every form."""

    places: dict[str, Place]
    by_form: dict[str, Place] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for form in place.forms:
                self.by_form[form] = place
        # what the text may show -> (form, whether it is the form in capitals)
        self._surfaces: dict[str, tuple[str, bool]] = {}
        for form in self.by_form:
            self._surfaces[form] = (form, False)
            upper = form.upper()
            if upper != form and len(form) >= 4:
                self._surfaces[upper] = (form, True)
        self._exception_lists = {pid: tuple(e.lower() for e in p.exceptions) for pid, p in self.places.items()}
        self._finder: Any = None

    def _surface_finder(self) -> Any:
        """Leftmost-longest matches of every surface form in one RE2 pass
        over the document's shared UTF-8 bytes (twice as fast over a run as
        an Aho-Corasick automaton walking the ``str``). Built on first use;
        thousands of literal forms need the larger DFA budget (on 8 MiB RE2
        falls back to its NFA, 300 times slower)."""
        if self._finder is None and self._surfaces:
            forms = sorted(self._surfaces, key=len, reverse=True)
            self._finder = re2.compile("|".join(map(re.escape, forms)),
                                       re2_options(longest=True, dfa_memory=LARGE_DFA_MEMORY))
        return self._finder

    # -- building --------------------------------------------------------------
    @classmethod
    def build(cls, kb: KnowledgeBase) -> PlaceIndex:
        """Merge the ``places`` sections of every pack (generated packs first)."""
        ordered = sorted(kb.packs, key=lambda item: 0 if "generated_by" in item[1] else 1)
        merged: dict[str, dict[str, Any]] = {}
        origin: dict[str, str] = {}
        for path, data in ordered:
            for pid, entry in (data.get("places") or {}).items():
                target = merged.setdefault(pid, {"forms": {}})
                origin[pid] = str(path)
                for key, value in entry.items():
                    if key == "forms":
                        for form, form_origin in value.items():
                            if form_origin is None:
                                target["forms"].pop(form, None)
                            else:
                                target["forms"][form] = form_origin
                    elif key in ("exceptions", "ambiguous", "context", "traditional"):
                        target[key] = list(dict.fromkeys([*target.get(key, []), *value]))
                    else:
                        target[key] = value
        return cls.from_entries(merged, origin)

    @classmethod
    def from_entries(cls, merged: dict[str, dict[str, Any]], origin: dict[str, str] | None = None) -> PlaceIndex:
        origin = origin or {}
        places: dict[str, Place] = {}
        claimed: dict[str, str] = {}
        for pid, entry in merged.items():
            at = f"{origin.get(pid, 'places')}: places.{pid}"
            forms = dict(entry.get("forms") or {})
            if not forms:
                continue
            name = entry.get("name") or next(iter(forms))
            preferred = entry.get("preferred")
            if preferred is not None and preferred not in forms:
                raise ConfigError(f"{at}: preferred {preferred!r} is not one of its forms")
            country = entry.get("country")
            context = tuple(entry.get("context") or DEFAULT_CONTEXT.get(country or "", ()))
            place = Place(
                id=pid, name=name, country=country, forms=forms, preferred=preferred,
                effective=_parse_date(entry.get("effective"), f"{at}: effective"),
                authority=entry.get("authority"),
                exceptions=tuple(entry.get("exceptions") or ()),
                ambiguous=frozenset(entry.get("ambiguous") or ()),
                context=context,
                traditional=frozenset(entry.get("traditional") or ()),
            )
            places[pid] = place
            for form in forms:
                claimed.setdefault(form, pid)
        # A form claimed by two places: the later (curated) entry keeps it.
        for pid, place in places.items():
            for form in place.forms:
                claimed[form] = pid
        final: dict[str, Place] = {}
        for pid, place in places.items():
            forms = {f: o for f, o in place.forms.items() if claimed[f] == pid}
            if len(forms) < 2:
                continue
            preferred = place.preferred if place.preferred in forms else None
            final[pid] = Place(**{**place.__dict__, "forms": forms, "preferred": preferred})
        return cls(final)

    # -- lookup ----------------------------------------------------------------
    def place_of(self, form: str) -> Place | None:
        return self.by_form.get(form)

    def mentions(self, text: str, *, with_excepted: bool = False) -> list[Mention]:
        """Word-bounded mentions of place forms, longest match first.

        Mentions inside an exception phrase ("chicken Kiev") and ambiguous
        forms in a document that never names the place's country are left
        out (or, with ``with_excepted``, kept: for tests and diagnostics)."""
        finder = self._surface_finder()
        if finder is None:
            return []
        found: list[Mention] = []
        surfaces = self._surfaces
        for start, end in utf8(text).spans(finder):
            form, upper = surfaces[text[start:end]]
            if start > 0 and (text[start - 1].isalnum() or text[start - 1] == "_"):
                continue
            if end < len(text) and (text[end].isalnum() or text[end] == "_"):
                continue
            found.append(Mention(start, end, form, self.by_form[form], upper))
        if with_excepted or not found:
            return found
        return [m for m in found if not self.excepted(text, m)]

    def excepted(self, text: str, mention: Mention) -> bool:
        """Whether the context makes this mention not the place's spelling
        question: an exception phrase around it, or an ambiguous form
        ("Odessa") in a text that never names the place's country."""
        place = mention.place
        if mention.form in place.ambiguous:
            if place.context and not any(word in text for word in place.context):
                return True
            if _after_given_name(text, mention.start):
                return True  # "Vladimir Nikolayev": a person
        for phrase in self._exception_lists.get(place.id, ()):
            lo = max(0, mention.start - len(phrase))
            window = text[lo:mention.end + len(phrase)].lower()
            pos = window.find(phrase)
            while pos != -1:
                if lo + pos <= mention.start and mention.end <= lo + pos + len(phrase):
                    return True
                pos = window.find(phrase, pos + 1)
        return False


@lru_cache(maxsize=1)
def _not_given_names() -> frozenset[str]:
    return frozenset(load_yaml_resource("knowledge/places_words.yml")["not_given_names"])


def _after_given_name(text: str, start: int) -> bool:
    """A capitalised word right before the mention ("Vladimir Nikolayev")."""
    i = start - 1
    if i < 1 or text[i] != " ":
        return False
    j = i
    while j > 0 and text[j - 1].isalpha():
        j -= 1
    word = text[j:i]
    return len(word) > 1 and word[0].isupper() and word[1:].islower() and word not in _not_given_names()

"""What the names rules need from the people index, prepared once per
knowledge base: known surname forms, first names per person, full names, and
a close-match lookup of unknown tokens against every known surname.

The lookup is a SymSpell-style deletion index (every known surname and its
one-letter deletions), so a token is matched with ``len(token) + 1`` dict
look-ups instead of a scan of all names; the survivors are scored with
rapidfuzz and compared by phonetic key. Results are memoised per token.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from auditor import datacache
from auditor.memo import MEMO_ENTRIES, remember
from auditor.resources import rules_dir
from auditor.rules.names import _scan
from auditor.rules.names._scan import (
    derived_pair,
    deletion_keys,
    is_very_common,
    phonetic_key,
    strip_accents,
    title_words,
)

if TYPE_CHECKING:  # pragma: no cover
    from auditor.knowledge.base import KnowledgeBase


#: Latin letters that are not accented forms (so accent stripping keeps them):
#: "Radoslaw" is the usual ASCII spelling of "Radosław".
_LATIN_LETTERS = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ı": "i"})


@lru_cache(maxsize=MEMO_ENTRIES)
def fold(form: str) -> str:
    """Case- and accent-insensitive comparison key of one token."""
    return strip_accents(form).translate(_LATIN_LETTERS).replace("’", "'").casefold()


@dataclass(slots=True, frozen=True)
class Close:
    """A known surname close to an unknown token."""

    surname: str  # the known form, as written in the knowledge base
    people: tuple[Any, ...]
    ratio: float  # rapidfuzz ratio 0-100
    same_key: bool  # phonetic keys equal (a vowel/doubling slip, not a typo)


@dataclass
class NameKnowledge:
    """Surname-level view of the people index."""

    index: Any
    #: folded surname form -> people with that surname (or surname variant)
    surnames: dict[str, list[Any]] = field(default_factory=dict)
    #: folded form -> the form as the knowledge base writes it
    display: dict[str, str] = field(default_factory=dict)
    #: folded known misspelling -> people
    misspellings: dict[str, list[Any]] = field(default_factory=dict)
    #: person -> folded first names (first token of each full name, and the
    #: given name right before the surname when there are two)
    firsts: dict[Any, frozenset[str]] = field(default_factory=dict)
    #: person -> folded surname forms of that person
    surname_forms: dict[Any, frozenset[str]] = field(default_factory=dict)
    #: every folded first name of a known person
    all_firsts: frozenset[str] = frozenset()
    #: deletion key -> folded surname forms
    _deletes: dict[str, frozenset[str]] = field(default_factory=dict)
    _memo: dict[str, tuple[Close, ...]] = field(default_factory=dict)

    @classmethod
    def build(cls, kb: KnowledgeBase) -> NameKnowledge:
        """The view of ``kb.people``. Its plain-data part (positions into
        ``index.people`` instead of objects) is kept in the data cache, keyed
        by the packs' content and this code: building it costs more than
        auditing a short article."""
        index = kb.people
        code = datacache.code_stamp(__file__, _scan.__file__, str(rules_dir() / "names.yml"))
        stamp = f"names|{kb.version}|{code}"
        return cls._attach(index, datacache.cached("names", stamp, lambda: _plain_view(index)))

    @classmethod
    def _attach(cls, index: Any, plain: dict[str, Any]) -> NameKnowledge:
        people = index.people
        self = cls(index)
        self.surnames = {k: [people[i] for i in v] for k, v in plain["surnames"].items()}
        self.misspellings = {k: [people[i] for i in v] for k, v in plain["misspellings"].items()}
        self.display = plain["display"]
        self.firsts = dict(zip(people, plain["firsts"]))
        self.surname_forms = dict(zip(people, plain["surname_forms"]))
        self.all_firsts = plain["all_firsts"]
        self._deletes = plain["deletes"]
        return self

    # -- queries ---------------------------------------------------------------
    def known_surname(self, form: str) -> list[Any]:
        return self.surnames.get(fold(form), [])

    def is_known_full(self, first: str, surname: str) -> list[Any]:
        """People known under "first surname" (a full name or alias)."""
        return self.index.by_name(f"{first} {surname}")

    def first_fits(self, person: Any, first: str) -> bool:
        return fold(first) in self.firsts.get(person, ())

    def close(self, token: str) -> tuple[Close, ...]:
        """Known surnames within one edit of ``token`` (itself excluded)."""
        memo = self._memo.get(token)
        if memo is not None:
            return memo
        folded = fold(token)
        found: set[str] = set()
        for d in deletion_keys(folded):
            hit = self._deletes.get(d)
            if hit:
                found |= hit
        found.discard(folded)
        out = []
        key = phonetic_key(token) if found else ""
        for cand in found:
            if OSA.distance(folded, cand) > 1:
                continue
            out.append(Close(self.display[cand], tuple(self.surnames[cand]),
                             fuzz.ratio(folded, cand), phonetic_key(cand) == key))
        result = tuple(sorted(out, key=lambda c: (-c.ratio, c.surname)))  # deterministic ties
        return remember(self._memo, token, result)

    def office_forms(self, person: Any, date: dt.date | None) -> list[str]:
        """Lowercased title forms of offices ``person`` held by ``date``
        (every office when the date is unknown); defence/defense folded."""
        out: list[str] = []
        for role in person.roles:
            if date is not None and role.start is not None and role.start > date:
                continue
            for form in role.office.all_forms:
                out.append(_fold_title(form))
        return out


def _plain_view(index: Any) -> dict[str, Any]:
    """Surname forms, first names and the deletion index of every known
    person, with people given by position in ``index.people``."""
    titles = title_words()
    surnames: dict[str, list[int]] = {}
    misspellings: dict[str, list[int]] = {}
    display: dict[str, str] = {}
    firsts_of: list[frozenset[str]] = []
    forms_of: list[frozenset[str]] = []
    all_firsts: set[str] = set()
    for pos, person in enumerate(index.people):
        forms = list(dict.fromkeys(person.surnames))  # ordered: the display form is stable
        firsts = set()
        for full in person.full_names:
            parts = [p for p in full.split() if not p.endswith(".")]
            if "of" in parts:  # "Lord King of Bridgwater": a title, not a surname
                parts = parts[: parts.index("of")]
            if len(parts) > 1:
                if parts[-1] not in forms:
                    forms.append(parts[-1])
                if parts[0].casefold() not in titles:
                    firsts.add(fold(parts[0]))
                # a second given name is what stands right before the surname
                # in "José Manuel Albares" or "Anura Kumara Dissanayake"
                if len(parts) > 2 and parts[-2][:1].isupper() and parts[-2].casefold() not in titles:
                    firsts.add(fold(parts[-2]))
        firsts_of.append(frozenset(firsts))
        all_firsts.update(firsts)
        forms_of.append(frozenset(fold(f) for f in forms))
        for key in dict.fromkeys(fold(f) for f in forms):
            surnames.setdefault(key, []).append(pos)
        for form in forms:
            display.setdefault(fold(form), form)
        for wrong in person.misspellings:
            misspellings.setdefault(fold(wrong), []).append(pos)
    deletes: dict[str, set[str]] = {}
    for key in surnames:
        for d in deletion_keys(key):
            deletes.setdefault(d, set()).add(key)
    return {
        "surnames": surnames, "misspellings": misspellings, "display": display,
        "firsts": firsts_of, "surname_forms": forms_of, "all_firsts": frozenset(all_firsts),
        "deletes": {d: frozenset(keys) for d, keys in deletes.items()},
    }


def mention_first(m: Any, nk: NameKnowledge | None) -> str | None:
    """The first name of an occurrence, folded (see :func:`first_name`)."""
    return first_name(m.first, nk)


def first_name(token: str | None, nk: NameKnowledge | None) -> str | None:
    """``token`` (the word before a surname, position unknown) folded, if it
    can be a first name: a known person's first name, or a word not too
    frequent in English ("Gary", "Volodymyr"; not "Although"). Generous on
    purpose: a first name is counter-evidence, so a spurious one only
    silences a finding."""
    if token is None:
        return None
    folded = fold(token)
    if nk is not None and folded in nk.all_firsts:
        return folded
    return None if is_very_common(token) else folded


def _fold_title(text: str) -> str:
    return text.casefold().replace("defense", "defence").replace("’", "'")


def fold_title(text: str) -> str:
    return _fold_title(text)


_cache: dict[int, tuple[Any, NameKnowledge]] = {}


def name_knowledge(kb: KnowledgeBase) -> NameKnowledge | None:
    """The prepared view of ``kb`` (built once per knowledge base), or None
    when the knowledge base has no people."""
    hit = _cache.get(id(kb))
    if hit is not None and hit[0] is kb:
        return hit[1]
    index = kb.people
    built = NameKnowledge.build(kb) if index is not None and len(index) else None
    _cache[id(kb)] = (kb, built)
    return built


def variant_pair(a: str, b: str, min_ratio: float) -> bool:
    """Are two (different) forms spelling variants of one name: one edit
    apart, similar enough, and sounding alike (same phonetic key)?"""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True  # case or accents only
    if derived_pair(fa, fb) or OSA.distance(fa, fb) > 1:
        return False
    return fuzz.ratio(fa, fb) >= min_ratio and phonetic_key(a) == phonetic_key(b)

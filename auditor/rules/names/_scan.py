"""Shared scanning for the names.* rules: capitalised name mentions, a
phonetic key, the common-word test and close-variant lookup.

Everything here is cheap per occurrence (one compiled regex over the text,
then dict look-ups) and memoised per distinct token, because the rules run
over multi-gigabyte archives. The three rules usually see the same document
one after another, so the last document's scan is kept (one entry).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from wordfreq import zipf_frequency

from auditor.resources import load_yaml_resource

if TYPE_CHECKING:  # pragma: no cover
    from auditor.documents.document import Document

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# One name token: "Lammy", "McConnell", "DeSantis", "O'Rourke", "Jean-Noël",
# "Ocasio-Cortez". Not "Trump's" (the possessive is outside), not "NATO".
_PART = rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)*"
_TOKEN = rf"(?:O['’])?{_PART}(?:[-'’]{_PART})*"
# A capitalised sequence, tokens separated by spaces, initials allowed
# inside ("John F. Kennedy"); then an optional possessive.
_SEQUENCE = re.compile(
    rf"(?<![\w'’.-]){_TOKEN}(?:[ \t]+(?:[{_UP}]\.[ \t]+)?{_TOKEN})*(?![\w-])(['’]s?(?![\w]))?"
)
_INITIAL = re.compile(rf"^[{_UP}]\.$")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """rules/names.yml (thresholds and stop lists)."""
    return load_yaml_resource("names.yml")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w.rstrip(".").casefold() for w in settings()["title_words"])


@dataclass(slots=True, frozen=True)
class Mention:
    """A name-like token in surname position (the last token of a
    capitalised sequence), with what stood before it."""

    start: int
    end: int
    form: str
    #: the token right before it in the sequence ("David" in "David Lamy"),
    #: None when absent or a title word ("Secretary Lamy", "Mr Lamy")
    first: str | None
    #: start of the whole capitalised sequence ("Foreign Secretary David Lamy")
    seq_start: int
    possessive: bool


@dataclass(slots=True)
class Scan:
    mentions: list[Mention]
    #: tokens used in a non-final position ("Paula" in "Paula Dwyer")
    non_final: set[str]


_last: list[Any] = [None, None]


def scan(doc: Document) -> Scan:
    """Name mentions of ``doc`` (the previous document's scan is reused)."""
    if _last[0] is doc:
        return _last[1]
    result = scan_text(doc.text)
    _last[0], _last[1] = doc, result
    return result


def scan_text(text: str) -> Scan:
    mentions: list[Mention] = []
    non_final: set[str] = set()
    titles = title_words()
    for m in _SEQUENCE.finditer(text):
        seq_end = m.end(0) - (len(m.group(1)) if m.group(1) else 0)
        seq = text[m.start():seq_end]
        parts = seq.split()
        last = parts[-1]
        first = None
        if len(parts) > 1:
            for tok in parts[:-1]:
                non_final.add(tok)
            prev = parts[-2]
            if _INITIAL.match(prev) and len(parts) > 2:
                prev = parts[-3]
            if prev.casefold() not in titles and not _INITIAL.match(prev):
                first = prev
        mentions.append(Mention(seq_end - len(last), seq_end, last, first, m.start(), m.group(1) is not None))
    return Scan(mentions, non_final)


# --------------------------------------------------------------------------- token properties
def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


_KEY_RULES = [
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"ph"), "f"),
    (re.compile(r"(?<=[aeiouy])gh"), ""),
    (re.compile(r"sch"), "sk"),
    (re.compile(r"(?:ck|kh|q)"), "k"),
    (re.compile(r"c(?=[eiy])"), "s"),
    (re.compile(r"c"), "k"),
    (re.compile(r"(?:z|tz|ts)"), "s"),
    (re.compile(r"x"), "ks"),
    (re.compile(r"w"), "v"),
    (re.compile(r"dg"), "j"),
    (re.compile(r"(?<=.)[aeiouyhj]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
]


@lru_cache(maxsize=262144)
def phonetic_key(token: str) -> str:
    """A metaphone-like reduction: spelling variants that sound alike share it.

    Lowercase, accents off, a few consonant spellings merged (ph/f, ck/k,
    soft c/s, z/s, w/v), vowels, y, h and j dropped after the first letter,
    doubled letters collapsed: Healy/Healey -> "hl", Lamy/Lammy -> "lm",
    Zelensky/Zelenskyy/Zelenskiy -> "slnsk".
    """
    key = strip_accents(token).lower()
    for pattern, repl in _KEY_RULES:
        key = pattern.sub(repl, key)
    return key


@lru_cache(maxsize=262144)
def zipf(token: str) -> float:
    return zipf_frequency(token.lower(), "en")


def is_common(token: str) -> bool:
    """A frequent English word ("House", "Will", "Prince"), so not taken for a name."""
    return zipf(token) >= settings()["common_zipf"]


def letters(token: str) -> int:
    return sum(1 for c in token if c.isalpha())


def deletion_keys(token: str) -> Iterable[str]:
    """The token (lowercase, unaccented) and every form with one letter
    deleted: two words within one edit (insertion, deletion, substitution,
    adjacent transposition) share at least one key (SymSpell)."""
    base = strip_accents(token).lower()
    yield base
    for i in range(len(base)):
        yield base[:i] + base[i + 1:]


def plural_pair(a: str, b: str) -> bool:
    """"Obama"/"Obamas", "Trump"/"Trumps": a plural or lost apostrophe, not a variant."""
    return (a + "s" == b) or (b + "s" == a) or (a + "es" == b) or (b + "es" == a)


def close_forms(forms: Iterable[str]) -> dict[str, set[str]]:
    """For each form, the other forms within one edit (case-insensitive)."""
    buckets: dict[str, set[str]] = {}
    for form in forms:
        for k in set(deletion_keys(form)):
            buckets.setdefault(k, set()).add(form)
    out: dict[str, set[str]] = {}
    for group in buckets.values():
        if len(group) < 2:
            continue
        for form in group:
            out.setdefault(form, set()).update(g for g in group if g != form)
    return out

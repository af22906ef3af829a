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
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any


from auditor.lexicon import words_above
from auditor.memo import MEMO_ENTRIES, remember
from auditor.resources import load_yaml_resource

if TYPE_CHECKING:  # pragma: no cover
    from auditor.documents.document import Document

_UP = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_LO = "a-z\u00df-\u00f6\u00f8-\u00ff\u0100-\u017f"
# One name token in the text: "Lammy", "McConnell", "DeSantis", "O'Rourke",
# "Jean-Noël", "Ocasio-Cortez". Not "Trump's" (the possessive is outside).
_PART = rf"[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)*"
_TOKEN = rf"(?:O['’])?{_PART}(?:-{_PART})*"
_INITIAL = re.compile(rf"^[{_UP}]\.$")

# The fast pass works on UTF-8 bytes where every ASCII capital is preceded by
# a \x01 marker (26 bytes.replace calls): a pattern that starts with a literal
# byte is searched with memchr-like speed, ~5x faster than any pattern that
# starts with a character class. Lowercase letters are ASCII or the bytes of
# Latin-1/Latin Extended-A letters (lead bytes \xc3-\xc5); other multi-byte
# characters (curly quotes, dashes) end a token.
_MARKS = [(bytes([c]), b"\x01" + bytes([c])) for c in range(65, 91)]
_BLO = rb"[a-z\xc3-\xc5\x80-\xbf]"
_BTOK = rb"\x01[A-Z]" + _BLO + rb"+(?:\x01[A-Z]" + _BLO + rb"+)*(?:-\x01[A-Z]" + _BLO + rb"+(?:\x01[A-Z]" + _BLO + rb"+)*)*"
_BSEQ = re.compile(_BTOK + rb"(?:[ \t]+(?:\x01[A-Z]\.[ \t]+)?" + _BTOK + rb")*")


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    """rules/names.yml (thresholds and stop lists)."""
    return load_yaml_resource("names.yml")


@lru_cache(maxsize=1)
def title_words() -> frozenset[str]:
    return frozenset(w.rstrip(".").casefold() for w in settings()["title_words"])


@dataclass(slots=True, frozen=True)
class Mention:
    """One occurrence of a name form in surname position, with what stood
    before it."""

    start: int
    end: int
    form: str
    #: the token right before it ("David" in "David Lamy"), None when absent
    #: or a title word ("Secretary Lamy", "Mr Lamy")
    first: str | None
    #: where the text before the name (title, first name) ends: the start of
    #: the first name, else of the form
    before: int
    #: the first name (or, without one, the form) starts a sentence, so its
    #: capital says nothing ("Later Zelenskyy left")
    initial: bool = False


@dataclass(slots=True)
class Scan:
    """Name forms of one document, counted (positions on demand)."""

    text: str
    #: form in surname position (last token of a capitalised sequence) -> count
    forms: dict[str, int]
    #: form -> {token before it (not a title word): count}
    firsts: dict[str, dict[str, int]]
    #: tokens used in a non-final position ("Paula" in "Paula Dwyer")
    non_final: set[str]

    def occurrences(self, forms: Iterable[str]) -> list[Mention]:
        """Every standalone occurrence of ``forms`` in the text, in order."""
        return occurrences(self.text, tuple(sorted(set(forms))))


_last: list[Any] = [None, None]


def scan(doc: Document) -> Scan:
    """Name forms of ``doc`` (the previous document's scan is reused)."""
    if _last[0] is doc:
        return _last[1]
    result = scan_text(doc.text)
    _last[0], _last[1] = doc, result
    return result


def scan_text(text: str) -> Scan:
    scanned = text.replace("\xad", "") if "\xad" in text else text  # soft hyphens split words
    data = scanned.encode("utf-8", "surrogatepass")
    for upper, marked in _MARKS:
        data = data.replace(upper, marked)
    forms: dict[str, int] = {}
    firsts: dict[str, dict[str, int]] = {}
    non_final: set[str] = set()
    cache = _PARSED
    get = forms.get
    for seq, count in Counter(_BSEQ.findall(data)).items():
        parsed = cache.get(seq)
        if parsed is None:
            parsed = remember(cache, seq, _parse(seq))
        last, first, rest = parsed
        if not last:
            continue
        forms[last] = get(last, 0) + count
        if rest:
            non_final.update(rest)
            if first is not None:
                per = firsts.setdefault(last, {})
                per[first] = per.get(first, 0) + count
    return Scan(text, forms, firsts, non_final)


_PARSED: dict[bytes, tuple[str, str | None, tuple[str, ...]]] = {}


def _parse(seq: bytes) -> tuple[str, str | None, tuple[str, ...]]:
    """(last token, the first name before it or None, non-final tokens)."""
    parts = seq.replace(b"\x01", b"").decode("utf-8", "replace").split()
    last = parts[-1]
    if _MOJIBAKE.search(last):
        last = ""  # "TrumpÃ¢ÂÂs": a decoding accident, not a name
    if len(parts) == 1:
        return last, None, ()
    rest = tuple(p for p in parts[:-1] if not _INITIAL.match(p))
    first = rest[-1] if rest else None
    if first is not None and first.casefold() in title_words():
        first = None
    return last, first, rest


_MOJIBAKE = re.compile("[ÃÂ\ufffd]")
# The word before a surname: a name token or an initialism ("JD Vance"), an
# optional middle initial, and lowercase particles ("Ursula von der Leyen").
_PREV = re.compile(rf"({_TOKEN}|[{_UP}]{{2}}|[{_UP}]\.[{_UP}]\.)[ \t]+(?:[{_UP}]\.[ \t]+)?"
                   r"(?:(?:von|van|der|den|de|da|di|du|le|la|bin|ibn|al|dos|del|della)[ \t]+){0,2}$")


def occurrences(text: str, forms: tuple[str, ...]) -> list[Mention]:
    """Standalone occurrences of ``forms`` that end their capitalised
    sequence (not "Lamy Street"), found with str.find (no per-document regex
    compilation), in text order."""
    if not forms:
        return []
    titles = title_words()
    out = []
    n_text = len(text)
    for form in forms:
        n = len(form)
        at = text.find(form)
        while at >= 0:
            end = at + n
            before = text[at - 1] if at else " "
            if not (before.isalnum() or before in "-'’") and not _continues(text, end, n_text):
                prev = _PREV.search(text, max(0, at - 60), at)
                first, start_before = None, at
                if prev is not None and prev.end() == at:
                    token = prev.group(1)
                    if token.casefold() not in titles:
                        first, start_before = token, prev.start(1)
                out.append(Mention(at, end, form, first, start_before, _sentence_initial(text, start_before)))
            at = text.find(form, at + 1)
    out.sort(key=lambda m: m.start)
    return out


_NEXT_CAPITAL = re.compile(rf"[ \t]+[{_UP}][{_LO}]")


def _continues(text: str, end: int, n_text: int) -> bool:
    """Is the token at ``end`` not over ("Lamyx", "Lamy-Smith", "Lamy's" is
    over) or followed by another capitalised word ("Lamy Street")?"""
    if end < n_text:
        ch = text[end]
        if ch.isalnum() or ch == "-":
            return True
        if ch in "'’" and end + 2 < n_text and text[end + 1].isalpha() and text[end + 2].isalpha():
            return True  # "O'Rourke"-like continuation, not a possessive
    return _NEXT_CAPITAL.match(text, end) is not None


_SENTENCE_START = re.compile(r"(?:^|(\w*)[.!?:;]['\"’”)]?[ \t]+|\n[ \t]*|[\"“‘(][ \t]*)$")


def _sentence_initial(text: str, pos: int) -> bool:
    m = _SENTENCE_START.search(text, max(0, pos - 16), pos)
    if m is None:
        return False
    word = m.group(1)
    # "Sens. Bob Kerrey", "John F. Kennedy": an abbreviation, not a sentence end
    return not (word and (word.casefold() in title_words() or (len(word) == 1 and word.isupper())))


# --------------------------------------------------------------------------- token properties
def strip_accents(text: str) -> str:
    if text.isascii():
        return text
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


@lru_cache(maxsize=MEMO_ENTRIES)
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


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English words at or above ``common_zipf`` (about 7,000 at 4.0)."""
    return words_above(settings()["common_zipf"])


@lru_cache(maxsize=1)
def very_common_words() -> frozenset[str]:
    """Words too frequent to be taken for a first name without other evidence
    ("Later", "Although"; zipf >= ``first_name_max_zipf``)."""
    return words_above(settings()["first_name_max_zipf"])


@lru_cache(maxsize=MEMO_ENTRIES)
def is_common(token: str) -> bool:
    """A frequent English word ("House", "Will", "Prince"), so not taken for a name."""
    return token.lower() in common_words()


@lru_cache(maxsize=MEMO_ENTRIES)
def is_very_common(token: str) -> bool:
    return token.lower() in very_common_words()


@lru_cache(maxsize=MEMO_ENTRIES)
def letters(token: str) -> int:
    return sum(1 for c in token if c.isalpha())


def deletion_keys(token: str) -> tuple[str, ...]:
    """The token (lowercase, unaccented) and every form with one letter
    deleted: two words within one edit (insertion, deletion, substitution,
    adjacent transposition) share at least one key (SymSpell).

    Not memoised: its one caller per document, ``NameKnowledge.close``, has
    a memo of its own, so a memo here was hit by 2,467 of 34,640 calls on
    the AllSides archive while holding 16,384 tuples (about 10 MB in each
    worker)."""
    base = strip_accents(token).lower()
    return (base, *{base[:i] + base[i + 1:] for i in range(len(base))})


def derived_pair(a: str, b: str) -> bool:
    """Forms that differ by a derivational ending, not a spelling slip:
    plurals and lost apostrophes ("Obamas", "Trumps"), demonyms ("Yemen" /
    "Yemeni", "Albania" / "Albanian", "Somali" / "Somalia"), "Trumpy",
    "Klansman" / "Klansmen", "Latino" / "Latina". Folded forms."""
    if len(a) > len(b):
        a, b = b, a
    end = b[len(a):]
    if b.startswith(a) and end in _ENDINGS and not (end in ("y", "i") and a.endswith(("y", "i"))) and not (
            end == "n" and not a.endswith(("a", "e", "i", "o", "u"))):
        # ... but "Syrsky"/"Syrskyi" are transliterations of one name, and
        # "Macronn" a doubled letter ("-n" makes demonyms of vowel endings only)
        return True
    if len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} == {"a", "o"}:
        return True
    return a.endswith(("man", "men")) and b.endswith(("man", "men")) and a[:-3] == b[:-3]


_ENDINGS = frozenset({"s", "es", "i", "n", "a", "y"})

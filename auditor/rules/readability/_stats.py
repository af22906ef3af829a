"""Per-document text statistics shared by the readability rules.

Computed once per document (the three rules share a weak cache) with the
Flesch formulas as textstat defines them: textstat's English constants are
read from textstat itself (``get_lang_cfg``), but its syllable counter needs
NLTK's cmudict, which it downloads at run time (impossible offline, and slow
on big archives). Syllables are counted with a vowel-group heuristic
over byte classes instead (:func:`count_words_syllables`).
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass

import importlib.util
from pathlib import Path

from auditor import datacache
from auditor.documents.document import Document

_FRE_KEYS = ("fre_base", "fre_sentence_length", "fre_syll_per_word")


def _textstat_constants() -> list[float]:
    from textstat.backend.utils._get_lang_cfg import get_lang_cfg

    return [float(get_lang_cfg("en", key)) for key in _FRE_KEYS]


def _flesch_constants() -> tuple[float, float, float]:
    """textstat's Flesch Reading Ease constants for English (206.835, 1.015,
    84.6). Importing textstat imports NLTK (~0.5 s), so the three numbers are
    kept in the data cache, keyed by textstat's installed files."""
    spec = importlib.util.find_spec("textstat")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("textstat is not installed")
    stamp = "textstat|" + datacache.file_stamp(Path(spec.origin))
    base, sentence, syllable = datacache.cached("constants", stamp, _textstat_constants)
    return base, sentence, syllable


FRE_BASE, FRE_SENTENCE, FRE_SYLLABLE = _flesch_constants()


@dataclass(frozen=True, slots=True)
class TextStats:
    words: int
    sentences: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def syllables_per_word(self) -> float:
        return self.syllables / self.words if self.words else 0.0

    @property
    def reading_ease(self) -> float:
        """Flesch Reading Ease (textstat.flesch_reading_ease)."""
        return FRE_BASE - FRE_SENTENCE * self.words_per_sentence - FRE_SYLLABLE * self.syllables_per_word

    @property
    def grade_level(self) -> float:
        """Flesch-Kincaid grade (textstat.flesch_kincaid_grade)."""
        return 0.39 * self.words_per_sentence + 11.8 * self.syllables_per_word - 15.59


def _class_table() -> bytes:
    """Byte classes: vowels 'v' (a i o u y), 'e', 'l', other letters and the
    apostrophe 'c', everything else a word break ' '."""
    table = bytearray(b" " * 256)
    for ch in b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'":
        low = chr(ch).lower()
        table[ch] = ord("v") if low in "aiouy" else ord("e") if low == "e" else ord("l") if low == "l" else ord("c")
    return bytes(table)


_TABLE = _class_table()
# second-stage maps: every letter class -> 'w' (word starts); vowels -> 'v', consonants -> 'c'
_LETTER = bytes.maketrans(b"vecl", b"wwww")
_VOWEL_OR_NOT = bytes.maketrans(b"vecl", b"vvcc")
_ONE_VOWEL_E = (b" ce ", b" cce ", b" ccce ")


def count_words_syllables(text: str) -> tuple[int, int]:
    """Words and syllables of ``text`` without a per-word Python loop.

    The text is mapped to letter classes with one ``bytes.translate``; words
    are class runs, syllables are vowel groups (transitions into a vowel)
    minus a silent final e ("make", not "table", not "the"). Every count is a
    C-level ``bytes.count``: the whole 50 MB archive takes about a second.
    """
    s = b" " + text.encode("ascii", "ignore").translate(_TABLE) + b" "
    words = s.translate(_LETTER).count(b" w")
    binary = s.translate(_VOWEL_OR_NOT)
    groups = binary.count(b" v") + binary.count(b"cv")
    silent_e = s.count(b"ce ") - sum(s.count(p) for p in _ONE_VOWEL_E)
    return words, max(words, groups - max(0, silent_e))


_CACHE: weakref.WeakKeyDictionary[Document, TextStats] = weakref.WeakKeyDictionary()


def text_stats(doc: Document) -> TextStats:
    """Statistics of ``doc``'s prose, computed once per document."""
    cached = _CACHE.get(doc)
    if cached is None:
        words, syllables = count_words_syllables(doc.text)
        cached = TextStats(words, len(doc.sentences), syllables)
        _CACHE[doc] = cached
    return cached

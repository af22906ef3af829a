"""Paragraphs, sentences and quotations with offsets, shared by all rules.

Everything here is a linear scan with compiled patterns: segmentation runs on
every document of multi-gigabyte archives, so it must cost about as much as
reading the text once. Offsets are into the document's prose view.
"""

from __future__ import annotations

import re
import string
from functools import lru_cache
from typing import NamedTuple

from auditor.resources import load_yaml_resource


# Named tuples, not frozen dataclasses: a document has hundreds of spans, and
# a frozen dataclass sets each field through object.__setattr__ (two to three
# times the cost of building a tuple).
class Span(NamedTuple):
    start: int
    end: int


class Quotation(NamedTuple):
    """Text between quotation marks.

    ``start``/``end`` include the marks, ``inner_start``/``inner_end`` do not.
    ``closed`` is False when the paragraph ended before a closing mark (news
    style leaves multi-paragraph quotes open on purpose, so this is a fact,
    not an error).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    open_mark: str
    close_mark: str
    closed: bool


_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE_BREAK = re.compile(r"\n(?=[^\S\n]*[^\s])")


def paragraphs(text: str, wrapped: bool) -> list[Span]:
    """Split prose into paragraphs.

    Blank lines always separate paragraphs. In ``wrapped`` text (Markdown)
    single newlines are soft wraps; in scraped text and plain files every
    line is its own paragraph unless the next line starts in lower case,
    which is the signature of a wrapped sentence.
    """
    spans: list[Span] = []
    pos = 0
    for block_end, next_start in _block_bounds(text):
        _split_block(text, pos, block_end, wrapped, spans)
        pos = next_start
    return spans


def _block_bounds(text: str):
    for m in _BLANK_LINE.finditer(text):
        yield m.start(), m.end()
    yield len(text), len(text)


def _split_block(text: str, start: int, end: int, wrapped: bool, out: list[Span]) -> None:
    if wrapped:
        _append_trimmed(text, start, end, out)
        return
    seg_start = start
    for m in _LINE_BREAK.finditer(text, start, end):
        nxt = m.end()
        while nxt < end and text[nxt] in " \t":
            nxt += 1
        if nxt < end and text[nxt].islower():
            continue
        _append_trimmed(text, seg_start, m.start(), out)
        seg_start = m.end()
    _append_trimmed(text, seg_start, end, out)


def _append_trimmed(text: str, start: int, end: int, out: list[Span]) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        # the first non-space character's first occurrence is where the
        # leading space ends (no second, lstripped copy of the piece)
        start += piece.find(stripped[0])
        out.append(Span(start, start + len(stripped)))


@lru_cache(maxsize=1)
def _abbreviations() -> frozenset[str]:
    data = load_yaml_resource("segmentation.yml")
    return frozenset(a.lower() for a in data["abbreviations"])


# A candidate sentence end: terminal punctuation, optional closing quotes or
# brackets, whitespace (group 1: where it ends is where the next sentence
# starts), then something that can start a sentence.
# (The first mark is written out of the repeat: a pattern that starts with a
# plain character class lets ``re`` skip ahead to that class at C speed;
# ``[.!?…]+`` first ran twice as slowly.)
_SENTENCE_END = re.compile(r"[.!?…][.!?…]*[\"'”’)\]]*(?=(\s+)[\"'“‘(\[]?[A-Z0-9])")
_WORD_CHARS = string.ascii_letters + "."


def sentences(text: str, paragraph_spans: list[Span]) -> list[Span]:
    """Split each paragraph into sentences, never across paragraphs.

    One pass over the whole text finds candidate ends (one regex call per
    document rather than per paragraph), then the ends are dealt out to
    the paragraphs they fall in. Spans come out trimmed without stripping
    anything: a paragraph starts and ends on a non-space character, a
    sentence ends on its punctuation, and the next one starts where the
    whitespace after that ends.
    """
    abbreviations = _abbreviations()
    bounds = [(m.end(), m.end(1)) for m in _SENTENCE_END.finditer(text)
              if text[m.start()] != "." or not _is_abbreviation(text, m.start(), abbreviations)]
    out: list[Span] = []
    i, n = 0, len(bounds)
    for para in paragraph_spans:
        seg_start = para.start
        while i < n and bounds[i][0] <= para.start:
            i += 1
        while i < n and bounds[i][0] <= para.end:
            end, next_start = bounds[i]
            out.append(Span(seg_start, end))
            seg_start = next_start
            i += 1
        if seg_start < para.end:
            out.append(Span(seg_start, para.end))
    return out


def _is_abbreviation(text: str, dot: int, abbreviations: frozenset[str]) -> bool:
    # the run of ASCII letters and dots ending at the dot (within 12
    # characters), from its first letter: two C-level strips, no regex
    window = text[max(0, dot - 12):dot]
    word = window[len(window.rstrip(_WORD_CHARS)):].lstrip(".")
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "John F. Kennedy"
    return word.lower().rstrip(".") in abbreviations or "." in word


_DOUBLE_OPENERS = "“«„"
_DOUBLE_CLOSERS = "”»"
_QUOTE_MARKS = re.compile(r"[\"“”«»„‘’']")
_OPEN_CONTEXT = "([{—–-/"


def quotations(text: str, paragraph_spans: list[Span]) -> list[Quotation]:
    """Find quotations inside each paragraph.

    Double quotes (straight, curly, guillemets, low-9) open and close in
    alternation; a straight quote opens only after a space, an opening
    bracket or dash, or at the start of a paragraph. Single quotes count only
    where they cannot be apostrophes (opening before a letter after a space,
    closing before a non-letter). A quotation opened with one kind of mark
    and closed with another is kept with both marks, so typography rules can
    report it; nested quotations are not listed separately.
    """
    out: list[Quotation] = []
    for para in paragraph_spans:
        _scan_paragraph(text, para.start, para.end, out)
    return out


def _scan_paragraph(text: str, start: int, end: int, out: list[Quotation]) -> None:
    open_at, open_mark = -1, ""
    single_at = -1
    for m in _QUOTE_MARKS.finditer(text, start, end):
        i = m.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        opening_context = i == start or before.isspace() or before in _OPEN_CONTEXT
        if ch in "‘’'":
            if open_at >= 0:
                continue
            if single_at >= 0 and ch in "’'" and not after.isalnum() and not before.isspace():
                out.append(Quotation(single_at, i + 1, single_at + 1, i, text[single_at], ch, True))
                single_at = -1
            elif ch in "‘'" and opening_context and after.isalnum():
                single_at = i
            continue
        if open_at < 0:
            if ch in _DOUBLE_OPENERS or (ch == '"' and opening_context):
                open_at, open_mark, single_at = i, ch, -1
            continue  # otherwise a stray closing mark
        if ch in "“«" and open_mark != "„":
            out.append(Quotation(open_at, i, open_at + 1, i, open_mark, "", False))
            open_at, open_mark = i, ch
            continue
        out.append(Quotation(open_at, i + 1, open_at + 1, i, open_mark, ch, True))
        open_at = -1
    if open_at >= 0:
        out.append(Quotation(open_at, end, open_at + 1, end, open_mark, "", False))

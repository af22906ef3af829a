"""A text's UTF-8 bytes with byte-to-character offsets, for RE2.

RE2 works on UTF-8. Given a ``str``, its Python wrapper encodes the whole
text again on every ``finditer``/``search`` call and converts every match's
offsets back with a walk over the bytes: on the hot patterns of the rules
(titles, attributions, phrase lists) that costs two to three times the
matching itself. A :class:`Utf8Text` encodes once per document and maps a
byte offset to a character offset by bisecting the (few) non-ASCII
characters; an ASCII text maps one to one.

Matches are the same as on the ``str``: the wrapper runs the same regex on
the same UTF-8 bytes.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class Utf8Text:
    __slots__ = ("text", "data", "_ends", "_shifts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.data = text.encode("utf-8", "surrogatepass")
        self._ends: list[int] | None = None
        self._shifts: list[int] = []
        if len(self.data) != len(text):
            ends, shifts, shift = [], [], 0
            for m in _NON_ASCII.finditer(text):
                extra = len(m.group().encode("utf-8", "surrogatepass")) - 1
                ends.append(m.start() + shift + extra + 1)  # byte offset just after the character
                shift += extra
                shifts.append(shift)
            self._ends, self._shifts = ends, shifts

    def char(self, byte_offset: int) -> int:
        """The character offset of a byte offset (on a character boundary)."""
        if self._ends is None or byte_offset < 0:
            return byte_offset
        i = bisect_right(self._ends, byte_offset)
        return byte_offset - (self._shifts[i - 1] if i else 0)

    def finditer(self, regex: Any) -> Iterator[Any]:
        """RE2 matches over the bytes (offsets via :meth:`span`, text via :meth:`group`)."""
        return regex.finditer(self.data)

    def span(self, match: Any, group: int | str = 0) -> tuple[int, int]:
        start, end = match.span(group)
        if start < 0:
            return start, end
        return self.char(start), self.char(end)

    def group(self, match: Any, group: int | str = 0) -> str | None:
        value = match.group(group)
        return None if value is None else value.decode("utf-8", "surrogatepass")

    def spans(self, regex: Any) -> Iterator[tuple[int, int]]:
        """(start, end) character offsets of every match."""
        char = self.char
        for m in regex.finditer(self.data):
            start, end = m.span()
            yield char(start), char(end)


_LAST: tuple[str | None, Utf8Text | None] = (None, None)


def utf8(text: str) -> Utf8Text:
    """The view of ``text``, shared by the rules of one document (the last
    text asked for is remembered, as one tuple: threads of a Dask worker
    may ask for different texts at once)."""
    global _LAST
    last_text, last_view = _LAST
    if last_text is text and last_view is not None:
        return last_view
    view = Utf8Text(text)
    _LAST = (text, view)
    return view

"""Map offsets in a document's prose view back to its original file.

Plain text and Markdown keep the identity map: non-prose regions are masked
with spaces of equal length, so a view offset *is* a source offset. HTML
extraction drops tags and decodes entities, so it records a piecewise-linear
map: a sorted list of (view_offset, source_offset) anchors, each starting a
run where both advance together.
"""

from __future__ import annotations

from bisect import bisect_right


class OffsetMap:
    """Piecewise map from view offsets to source offsets."""

    __slots__ = ("_view", "_source", "_source_len")

    def __init__(self, anchors: list[tuple[int, int]], source_len: int) -> None:
        self._view = [v for v, _ in anchors]
        self._source = [s for _, s in anchors]
        self._source_len = source_len

    def to_source(self, view_offset: int) -> int:
        if not self._view:
            return view_offset
        i = bisect_right(self._view, view_offset) - 1
        if i < 0:
            return 0
        return min(self._source[i] + (view_offset - self._view[i]), self._source_len)

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end maps from its last character so a
        span never swallows a following tag."""
        s = self.to_source(start)
        if end <= start:
            return s, s
        e = self.to_source(end - 1) + 1
        return s, max(e, s)


class LineIndex:
    """Line and column lookup for offsets into one text (1-based)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        starts = [0]
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        i = bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1

    def line_start(self, line: int) -> int:
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)

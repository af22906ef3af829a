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
    """Piecewise map from view offsets to source offsets.

    Each anchor starts a run; ``ends`` (optional) gives each run's end in
    the source. A run whose view and source lengths differ (a decoded
    entity, an inserted paragraph break) is atomic: a span that ends inside
    it ends at the run's source end, so a span over "Café" covers all of
    "Caf&eacute;" and never cuts an entity in two.
    """

    __slots__ = ("_view", "_source", "_ends", "_source_len", "_view_len")

    def __init__(self, anchors: list[tuple[int, int]], source_len: int, ends: list[int] | None = None,
                 view_len: int | None = None) -> None:
        self._view = [v for v, _ in anchors]
        self._source = [s for _, s in anchors]
        if ends is not None and (len(ends) != len(anchors) or view_len is None):
            raise ValueError("OffsetMap: ends needs one entry per anchor and the view length")
        self._ends = ends
        self._source_len = source_len
        self._view_len = view_len

    def _run(self, view_offset: int) -> int:
        return bisect_right(self._view, view_offset) - 1

    def to_source(self, view_offset: int) -> int:
        if not self._view:
            return min(max(view_offset, 0), self._source_len)
        i = self._run(view_offset)
        if i < 0:
            return 0
        out = self._source[i] + (view_offset - self._view[i])
        if self._ends is not None:
            out = min(out, self._ends[i])
        return min(out, self._source_len)

    def to_view(self, source_offset: int) -> int:
        """The inverse map, source offset -> view offset (clamped to the run),
        for presenting findings on the extracted text (HTML report)."""
        if not self._source:
            return max(source_offset, 0)
        i = bisect_right(self._source, source_offset) - 1
        if i < 0:
            return 0
        value = self._view[i] + (source_offset - self._source[i])
        if i + 1 < len(self._view):
            value = min(value, self._view[i + 1])
        return value

    def span_to_source(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open span; the end maps from its last character so a
        span never swallows a following tag."""
        s = self.to_source(start)
        if end <= start:
            return s, s
        e = self.to_source(end - 1) + 1
        if self._ends is not None and self._view:
            i = self._run(end - 1)
            if i >= 0 and not self._exact(i):
                e = self._ends[i]
        return s, min(max(e, s), self._source_len)

    def _exact(self, i: int) -> bool:
        """Does run ``i`` advance one source character per view character?"""
        view_end = self._view[i + 1] if i + 1 < len(self._view) else self._view_len
        return view_end - self._view[i] == self._ends[i] - self._source[i]  # type: ignore[index,operator]


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

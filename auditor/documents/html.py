"""HTML: the visible text, with an offset map back to the file.

The standard library's tokenizer is used with ``convert_charrefs=False`` so
every text run it reports corresponds to an exact slice of the source; the
position of each run is recorded as an anchor of the :class:`OffsetMap`.
Entities are decoded into the view and anchored at the entity's start.
Scripts, styles, navigation, headers, footers, forms and asides are not
prose. Block-level elements end a paragraph. The tokenizer never recurses,
so deeply nested or unclosed markup cannot exhaust the stack.
"""

from __future__ import annotations

import html
from html.parser import HTMLParser
from typing import Any

from auditor.documents.offsets import LineIndex, OffsetMap

HIDDEN = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                    "form", "svg", "button", "iframe", "select", "textarea", "object", "head"})
BLOCK = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                   "dd", "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "figure",
                   "figcaption", "hr", "main", "caption", "address", "details", "summary"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                  "source", "track", "wbr", "param"})
META_FIELDS = {
    "date": ("date", "article:published_time", "pubdate", "publishdate", "dc.date", "datepublished"),
    "source": ("og:site_name", "publisher", "dc.publisher", "application-name"),
    "title": ("og:title", "title"),
}


class _Extractor(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self._lines = LineIndex(raw)
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.view_len = 0
        self.hidden_depth = 0
        self.in_title = False
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    def _offset(self) -> int:
        line, col = self.getpos()
        return self._lines.line_start(line) + col

    def _emit(self, text: str, source_offset: int) -> None:
        if not text:
            return
        self.anchors.append((self.view_len, source_offset))
        self.parts.append(text)
        self.view_len += len(text)

    def _break(self) -> None:
        if self.parts and not self.parts[-1].endswith("\n\n"):
            self._emit("\n\n", self._offset())

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag == "title":
            self.in_title = True
        if tag in HIDDEN and tag not in VOID:
            self.hidden_depth += 1
        elif tag in BLOCK:
            self._break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
        elif tag in BLOCK:
            self._break()

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        elif tag in BLOCK:
            self._break()

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_parts.append(data)
            return
        if self.hidden_depth:
            return
        # same length as the source run, so the map stays exact inside it
        self._emit(data.replace("\n", " ").replace("\t", " ").replace("\r", " "), self._offset())

    def _entity(self, text: str) -> None:
        if self.in_title:
            self.title_parts.append(text)
        elif not self.hidden_depth:
            self._emit(text, self._offset())

    def handle_entityref(self, name: str) -> None:
        self._entity(html.unescape(f"&{name};"))

    def handle_charref(self, name: str) -> None:
        self._entity(html.unescape(f"&#{name};"))

    def _meta(self, attrs: dict[str, Any]) -> None:
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if not content:
            return
        for field, names in META_FIELDS.items():
            if key in names and field not in self.meta:
                self.meta[field] = content


def extract(raw: str) -> tuple[str, OffsetMap, dict[str, str]]:
    """(visible text, offset map, metadata from <meta> and <title>)."""
    parser = _Extractor(raw)
    parser.feed(raw)
    parser.close()
    text = "".join(parser.parts)
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    return text, OffsetMap(parser.anchors, len(raw)), meta

"""HTML: the visible text, with an offset map back to the file.

A small tokenizer of our own (not ``html.parser``) walks the file once and
records, for every run of visible text, where it came from as an anchor of
the :class:`OffsetMap`. Entities are decoded into the view and anchored at
the entity's start. Scripts, styles, navigation, headers, footers, forms and
asides are not prose. Block-level elements end a paragraph.

Why not the standard library's parser: on unclosed markup (``"<a " * 20000``,
60 KB) ``html.parser`` rescans the rest of the file at every ``<`` and took
minutes; a CI gate must not hang on a scraped page. Every step here is an
anchored match that consumes what it scanned, so the cost is linear in the
file whatever the markup, and nothing recurses, so nesting depth is free.
Broken markup follows the HTML5 error rules where they matter for what is
visible: a tag, comment or quoted attribute value left open at the end of
the file swallows the rest of it (a browser shows nothing there either),
and a ``<`` that does not start a tag is text.
"""

from __future__ import annotations

import html
import re
from typing import Any

from auditor.documents.offsets import OffsetMap

HIDDEN = frozenset({"script", "style", "noscript", "template", "nav", "header", "footer", "aside",
                    "form", "svg", "button", "iframe", "select", "textarea", "object", "head", "noembed",
                    "noframes"})
BLOCK = frozenset({"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt",
                   "dd", "tr", "td", "th", "table", "section", "article", "blockquote", "pre", "figure",
                   "figcaption", "hr", "main", "caption", "address", "details", "summary"})
VOID = frozenset({"br", "hr", "img", "input", "meta", "link", "area", "base", "col", "embed",
                  "source", "track", "wbr", "param"})
#: Elements whose content is raw text up to their end tag (never markup).
RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"})
META_FIELDS = {
    "date": ("date", "article:published_time", "pubdate", "publishdate", "dc.date", "datepublished"),
    "source": ("og:site_name", "publisher", "dc.publisher", "application-name"),
    "title": ("og:title", "title"),
}

_TAG_NAME = re.compile(r"[A-Za-z][^\s/>]*")
# One attribute (or nothing) after optional whitespace and stray slashes. A
# quoted value left open runs to the end of the file, as in HTML5.
_ATTR = re.compile(r"""[\s/]*(?:([^\s/>=][^\s/>=]*|=[^\s/>=]*)(?:\s*=\s*("[^"]*"?|'[^']*'?|[^\s>]*))?)?""")
_COMMENT_END = re.compile(r"--!?>")
_ENTITY = re.compile(r"&(?:#[0-9]{1,8};?|#[xX][0-9a-fA-F]{1,8};?|[A-Za-z][A-Za-z0-9]{0,31};?)")
_RAW_END: dict[str, re.Pattern[str]] = {}


def _raw_end(tag: str) -> re.Pattern[str]:
    pattern = _RAW_END.get(tag)
    if pattern is None:
        pattern = _RAW_END[tag] = re.compile(r"</" + re.escape(tag) + r"(?=[\s/>]|\Z)", re.I)
    return pattern


class _Extractor:
    def __init__(self, raw: str) -> None:
        self.raw = raw
        self.parts: list[str] = []
        self.anchors: list[tuple[int, int]] = []
        self.ends: list[int] = []  # source end of each anchored run
        self.view_len = 0
        self.hidden_depth = 0
        self.title_parts: list[str] = []
        self.meta: dict[str, str] = {}

    # -- output --------------------------------------------------------------
    def _emit(self, text: str, source_offset: int, source_end: int | None = None) -> None:
        if not text or self.hidden_depth:
            return
        self.anchors.append((self.view_len, source_offset))
        self.ends.append(source_offset + len(text) if source_end is None else source_end)
        self.parts.append(text)
        self.view_len += len(text)

    def _break(self, at: int) -> None:
        if self.parts and not self.parts[-1].endswith("\n\n") and not self.hidden_depth:
            self._emit("\n\n", at, at)

    def _data(self, start: int, end: int) -> None:
        """Text between markup, with entities decoded (anchored each)."""
        raw = self.raw
        pos = start
        while pos < end:
            amp = raw.find("&", pos, end)
            if amp == -1:
                self._emit(_flat(raw[pos:end]), pos)
                return
            if amp > pos:
                self._emit(_flat(raw[pos:amp]), pos)
            m = _ENTITY.match(raw, amp, end)
            if m is None:
                self._emit("&", amp)
                pos = amp + 1
                continue
            decoded = html.unescape(m.group(0))
            self._emit(_flat(decoded), amp, m.end())
            pos = m.end()

    # -- tokenizer -------------------------------------------------------------
    def run(self) -> None:
        raw = self.raw
        n = len(raw)
        pos = 0
        while pos < n:
            lt = raw.find("<", pos)
            if lt == -1:
                self._data(pos, n)
                return
            if lt > pos:
                self._data(pos, lt)
            pos = self._markup(lt)

    def _markup(self, lt: int) -> int:
        """Handle the markup starting at ``lt``; returns where text resumes."""
        raw = self.raw
        n = len(raw)
        nxt = raw[lt + 1:lt + 2]
        if raw.startswith("<!--", lt):
            for short in ("<!-->", "<!--->"):
                if raw.startswith(short, lt):
                    return lt + len(short)
            m = _COMMENT_END.search(raw, lt + 4)
            return m.end() if m else n
        if nxt in ("!", "?") or (nxt == "/" and not _TAG_NAME.match(raw, lt + 2)):
            if raw.startswith("</>", lt):
                return lt + 3
            end = raw.find(">", lt + 2)
            return end + 1 if end != -1 else n  # bogus comment / doctype
        closing = nxt == "/"
        name_match = _TAG_NAME.match(raw, lt + (2 if closing else 1))
        if name_match is None:  # "a < b": a plain "<"
            self._data_char(lt)
            return lt + 1
        tag = name_match.group(0).lower()
        attrs, self_closing, end = self._attributes(name_match.end())
        if end is None:
            return n  # a tag left open at the end of the file
        if closing:
            self._end_tag(tag, lt)
            return end
        if tag in RAW_TEXT and not self_closing:
            return self._raw_text(tag, attrs, lt, end)
        self._start_tag(tag, attrs, self_closing, lt)
        return end

    def _data_char(self, at: int) -> None:
        self._emit(self.raw[at], at)

    def _attributes(self, pos: int) -> tuple[list[tuple[str, str | None]], bool, int | None]:
        raw = self.raw
        n = len(raw)
        attrs: list[tuple[str, str | None]] = []
        while True:
            m = _ATTR.match(raw, pos)
            progressed = m.end() > pos
            if m.group(1):
                attrs.append((m.group(1).lower(), _attr_value(m.group(2))))
            pos = m.end()
            if pos >= n:
                return attrs, False, None
            if raw[pos] == ">":
                unquoted_value = bool(m.group(2)) and m.group(2)[0] not in "\"'"
                self_closing = raw[pos - 1] == "/" and not unquoted_value
                return attrs, self_closing, pos + 1
            if not progressed:  # a character no rule consumes ("=" after a value): skip it
                pos += 1

    def _raw_text(self, tag: str, attrs: list[tuple[str, str | None]], lt: int, content_start: int) -> int:
        self._start_tag(tag, attrs, False, lt)
        m = _raw_end(tag).search(self.raw, content_start)  # then the end tag runs to the next ">"
        content_end = m.start() if m else len(self.raw)
        if tag == "title":
            if not self.title_parts:  # the page's title, not an <svg><title> further down
                self.title_parts.append(html.unescape(self.raw[content_start:content_end]))
        elif tag not in HIDDEN:  # xmp, noembed, noframes: visible as plain text
            self._emit(_flat(self.raw[content_start:content_end]), content_start)
        if m is None:
            return len(self.raw)
        self._end_tag(tag, m.start())
        close = self.raw.find(">", m.end())
        return close + 1 if close != -1 else len(self.raw)

    def _start_tag(self, tag: str, attrs: list[tuple[str, str | None]], self_closing: bool, at: int) -> None:
        if tag == "meta":
            self._meta(dict(attrs))
            return
        if tag in BLOCK:
            self._break(at)
        if tag in HIDDEN and tag not in VOID and not self_closing:
            self.hidden_depth += 1

    def _end_tag(self, tag: str, at: int) -> None:
        if tag in HIDDEN and self.hidden_depth:
            self.hidden_depth -= 1
        elif tag in BLOCK:
            self._break(at)

    def _meta(self, attrs: dict[str, Any]) -> None:
        key = (attrs.get("name") or attrs.get("property") or attrs.get("itemprop") or "").lower()
        content = attrs.get("content")
        if not content:
            return
        for field, names in META_FIELDS.items():
            if key in names and field not in self.meta:
                self.meta[field] = content


def _flat(text: str) -> str:
    """Line breaks and tabs become spaces: same length, so the map stays exact."""
    return text.replace("\n", " ").replace("\t", " ").replace("\r", " ")


def _attr_value(value: str | None) -> str | None:
    if value is None:
        return None
    if value[:1] in ("'", '"'):
        value = value[1:-1] if len(value) > 1 and value[-1] == value[0] else value[1:]
    return html.unescape(value)


def extract(raw: str) -> tuple[str, OffsetMap, dict[str, str]]:
    """(visible text, offset map, metadata from <meta> and <title>)."""
    parser = _Extractor(raw)
    parser.run()
    text = "".join(parser.parts)
    meta = dict(parser.meta)
    title = " ".join("".join(parser.title_parts).split())
    if title:
        meta.setdefault("title", title)
    return text, OffsetMap(parser.anchors, len(raw), parser.ends, len(text)), meta

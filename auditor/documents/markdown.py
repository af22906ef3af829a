"""Markdown: front matter as metadata, and a prose view with non-prose masked.

Masking replaces every non-prose character with a space (newlines are kept),
so the prose view has exactly the length and line structure of the file and
offsets need no mapping. Masked: YAML front matter, fenced and indented code
blocks, inline code, HTML comments and tags, link and image destinations,
bare URLs, and reference-link definitions.
"""

from __future__ import annotations

import re
from typing import Any

from auditor.errors import InputError
from auditor.resources import parse_yaml

_FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?\r?\n)?(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FENCE_OPEN = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})", re.M)
_INDENTED_BLOCK = re.compile(r"(?:(?<=\n\n)|\A)((?:(?:    |\t)[^\n]*(?:\n|\Z)|[ \t]*\n)+)")
_HTML_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_INLINE_CODE = re.compile(r"(`+)(?:(?!\1).)+?\1", re.S)
_LINK_DEST = re.compile(r"\]\((?:[^()\s]|\([^()\s]*\))*(?:\s+\"[^\"]*\")?\)")
_REF_DEF = re.compile(r"^[ ]{0,3}\[[^\]]+\]:\s*\S+.*$", re.M)
_AUTOLINK = re.compile(r"<(?:https?|mailto|ftp):[^>\s]*>")
_BARE_URL = re.compile(r"\b(?:https?://|www\.)[^\s<>()\[\]]+")
_HTML_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>")
_LIST_MARK = re.compile(r"^[ \t]*(?:[-*+]|\d+[.)])[ \t]")


def split_front_matter(raw: str, path: str) -> tuple[dict[str, Any], int]:
    """Parse YAML front matter; returns (metadata, length of the block)."""
    m = _FRONT_MATTER.match(raw)
    if not m:
        return {}, 0
    try:
        data = parse_yaml(m.group(1) or "", path)
    except InputError as exc:
        raise InputError(f"{exc} (in front matter)") from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:2:1: front matter must be a YAML mapping")
    return data, m.end()


def prose_view(raw: str, front_matter_end: int) -> str:
    """The text with everything that is not prose replaced by spaces."""
    chars = list(raw)

    def blank(start: int, end: int) -> None:
        for i in range(start, end):
            if chars[i] != "\n":
                chars[i] = " "

    blank(0, front_matter_end)
    for start, end in _fenced_blocks(raw, front_matter_end):
        blank(start, end)
    masked = "".join(chars)
    for m in _INDENTED_BLOCK.finditer(masked):
        if not _follows_list_item(masked, m.start()):
            blank(m.start(), m.end())
    for pattern in (_HTML_COMMENT, _INLINE_CODE, _LINK_DEST, _REF_DEF, _AUTOLINK, _BARE_URL, _HTML_TAG):
        for m in pattern.finditer("".join(chars)):
            blank(m.start(), m.end())  # for links only "](url)": the link text stays prose
    # Image alt text and link brackets are not words either.
    out = "".join(chars)
    return out.replace("![", "  ").replace("[", " ") if "[" in out else out


def _fenced_blocks(raw: str, start: int):
    pos = start
    while True:
        m = _FENCE_OPEN.search(raw, pos)
        if not m:
            return
        fence = m.group(1)
        close = re.compile(r"^[ ]{0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*$", re.M)
        line_end = raw.find("\n", m.end())
        if line_end == -1:
            yield m.start(), len(raw)
            return
        c = close.search(raw, line_end + 1)
        end = len(raw) if not c else c.end()
        yield m.start(), end
        pos = end


def _follows_list_item(text: str, start: int) -> bool:
    """Indented lines after a list item are its continuation, not code."""
    before = text[:start].rstrip()
    last_line = before[before.rfind("\n") + 1:]
    return bool(_LIST_MARK.match(last_line)) or last_line[:1] in (" ", "\t")

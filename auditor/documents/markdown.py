"""Markdown: front matter as metadata, and a prose view with non-prose masked.

Masking replaces every non-prose character with a space (newlines are kept),
so the prose view has exactly the length and line structure of the file and
offsets need no mapping. Masked: YAML front matter, fenced and indented code
blocks, inline code, HTML comments and tags, link and image destinations,
bare URLs, and reference-link definitions.

Front matter is untrusted input: it is parsed with the safe loader (no
Python tags), a timestamp that is not a real date (``2025-02-30``) stays a
string instead of aborting the parse, and flow collections nested more
than :data:`MAX_FRONT_MATTER_DEPTH` deep are refused before parsing,
because libyaml's recursive composer can overflow the C stack on them.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from auditor.errors import InputError

MAX_FRONT_MATTER_DEPTH = 64

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
    data = _parse_front_matter(m.group(1) or "", path)
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError(f"{path}:2:1: front matter must be a YAML mapping")
    return data, m.end()


try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _FrontMatterLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with impossible timestamps kept as strings."""


def _lenient_timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode):
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


_FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _lenient_timestamp)


def _parse_front_matter(text: str, path: str) -> Any:
    depth = _flow_depth(text)
    if depth > MAX_FRONT_MATTER_DEPTH:
        raise InputError(f"{path}: front matter nested too deeply ({depth} levels of brackets)")
    try:
        return yaml.load(text, Loader=_FrontMatterLoader)  # noqa: S506 - a safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 2}:{mark.column + 1}" if mark else ""  # +1 for the opening ---
        raise InputError(f"{path}{where}: invalid YAML in front matter: {exc.problem}") from None
    except (yaml.YAMLError, ValueError, RecursionError) as exc:
        raise InputError(f"{path}: invalid YAML in front matter: {exc}") from None


def _flow_depth(text: str) -> int:
    """Deepest bracket nesting, ignoring quotes: an upper bound of the
    YAML flow nesting, cheap enough for any front matter."""
    if "[" not in text and "{" not in text:
        return 0
    depth = deepest = 0
    for ch in text:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch in "]}" and depth:
            depth -= 1
    return deepest


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

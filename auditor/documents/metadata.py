"""Source ids and publication dates: parsing and the fall-back chain.

Order of precedence (first that answers wins): command-line flags, the
document's own fields (front matter, archive columns, HTML ``<meta>``), a
``manifest.yml`` beside the file, the config's path mappings, and finally a
dateline in the first lines of the text ("26 November 2024, 07:28",
"date 2024-11-27"). A date that cannot be read stays unknown: rules that
need a date are silent rather than wrong.
"""

from __future__ import annotations

import datetime as dt
import fnmatch
import re
from functools import lru_cache
from pathlib import Path
from typing import Any

from auditor.errors import AuditorError
from auditor.resources import load_yaml_file

MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december")
MONTHS = {m: i for i, m in enumerate(MONTH_NAMES, start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9

_ISO = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")
_MONTH = "(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY_MONTH_YEAR = re.compile(r"(?i)\b(\d{1,2})(?:st|nd|rd|th)?\s+" + _MONTH + r",?\s+(\d{4})\b")
_MONTH_DAY_YEAR = re.compile(r"(?i)\b" + _MONTH + r"\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b")
# A dateline: at the start of a line, after an optional byline ("By Jane
# Doe | "), label ("Published:", "Last modified on", "First published on")
# and weekday ("Thu", "Wednesday,"), a date as sites print it: "2024-11-27",
# "26 November 2024, 07:28", "February 20, 2025 / 9:00 AM", "Thu 20 Feb
# 2025 09.00 GMT".
_DATELINE = re.compile(
    r"(?im)^\s*(?:by\s[^\n|·•]{1,60}?\s*[|·•]\s*)?"
    r"(?:(?:date|(?:first\s+)?published|updated|posted|last\s+(?:modified|updated))(?:\s+on)?\s*:?\s*)?"
    r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]{0,6}\.?,?\s+)?"
    r"(?:\d{4}-\d{2}-\d{2}|\d{1,2}(?:st|nd|rd|th)?\s+[a-z]+\.?,?\s+\d{4}|[a-z]+\.?\s+\d{1,2},?\s+\d{4})"
    r"(?:[,\s]+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?"
)
HEADER_SCAN_CHARS = 400


def parse_date(value: Any) -> dt.date | None:
    """A date from a YAML/JSON/CSV value; None when it cannot be read."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    for m in (_ISO.search(text),):
        if m:
            return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _DAY_MONTH_YEAR.search(text)
    if m:
        return _safe_date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MONTH_DAY_YEAR.search(text)
    if m:
        return _safe_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(m.group(2)))
    return None


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_from_text(text: str) -> dt.date | None:
    """A dateline among the first lines of an article, if there is one."""
    m = _DATELINE.search(text, 0, min(len(text), HEADER_SCAN_CHARS))
    return parse_date(m.group(0)) if m else None


class Manifest:
    """``manifest.yml``: per-file source and date for a folder of articles.

    Format::

        documents:
          000_a771bc5850ec04a7.txt: {source: seed-000, date: 2024-11-27}
    """

    def __init__(self, path: Path, entries: dict[str, dict[str, Any]]) -> None:
        self.path = path
        self.entries = entries

    def lookup(self, file: Path) -> dict[str, Any]:
        return self.entries.get(file.name, {})


@lru_cache(maxsize=256)
def manifest_for(folder: Path) -> Manifest | None:
    for name in ("manifest.yml", "manifest.yaml"):
        path = folder / name
        if path.is_file():
            data = load_yaml_file(path) or {}
            docs = data.get("documents") if isinstance(data, dict) else None
            if not isinstance(docs, dict):
                raise AuditorError(f"{path}: a manifest needs a 'documents:' mapping of file name to fields")
            return Manifest(path, {str(k): (v or {}) for k, v in docs.items()})
    return None


def mapped(path: str, mappings: list[Any], root: str | None) -> dict[str, Any]:
    """Fields from the config's ``sources`` path mappings (last match wins)."""
    out: dict[str, Any] = {}
    candidates = [path]
    if root:
        try:
            candidates.append(str(Path(path).resolve().relative_to(root)))
        except ValueError:
            pass
    for mapping in mappings:
        if any(fnmatch.fnmatch(c, mapping.path) for c in candidates):
            if mapping.source:
                out["source"] = mapping.source
            if mapping.date:
                out["date"] = mapping.date
    return out

"""JSONL and CSV archives: one article per row, streamed.

Rows are yielded one at a time with their 1-based line (JSONL) or record
(CSV) number, so a 10 GB archive costs the memory of one row. A row that
cannot be parsed is reported by number through ``warn`` and skipped; the
rest of the archive is still audited: a JSONL line that is not JSON, is
nested too deeply for the parser, or is not an object; a CSV record with
bytes that are not UTF-8 (the file is decoded with ``surrogateescape`` so
one bad record does not end the file, and the record is then skipped).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

Warn = Callable[[str], None]
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
_ESCAPED_BYTE = re.compile("[\udc80-\udcff]")


def jsonl_rows(stream: BinaryIO, name: str, warn: Warn) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, line in enumerate(stream, start=1):
        if number == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[3:]
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except (ValueError, UnicodeDecodeError) as exc:
            warn(f"{name}:{number}: skipped row: invalid JSON ({_short(exc)})")
            continue
        except RecursionError:
            warn(f"{name}:{number}: skipped row: JSON nested too deeply")
            continue
        if not isinstance(row, dict):
            warn(f"{name}:{number}: skipped row: expected a JSON object, got {type(row).__name__}")
            continue
        yield number, row


def csv_rows(stream: BinaryIO, name: str, warn: Warn) -> Iterator[tuple[int, dict[str, Any]]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="surrogateescape", newline="")
    reader = csv.DictReader(text)
    try:
        for row in reader:
            if any(_has_surrogate(v) for v in _cells(row)):
                warn(f"{name}:{reader.line_num}: skipped row: not valid UTF-8")
                continue
            yield reader.line_num, row
    except csv.Error as exc:
        warn(f"{name}:{reader.line_num}: stopped reading: malformed CSV ({exc})")


def _cells(row: dict[Any, Any]) -> Iterator[Any]:
    yield from row.keys()
    for value in row.values():
        if isinstance(value, list):  # surplus cells of a long row (restkey)
            yield from value
        else:
            yield value


def _has_surrogate(value: Any) -> bool:
    """Undecodable bytes appear as lone surrogates U+DC80..U+DCFF."""
    if not isinstance(value, str) or value.isascii():
        return False
    return _ESCAPED_BYTE.search(value) is not None


def first_field(row: dict[str, Any], names: list[str]) -> Any:
    """The first of ``names`` present (and non-empty) in the row: exact
    names first, then the same names ignoring case, "_" and "-" (exports
    write "publishedAt", "Published_Date", "pub-date"). A mapping value
    (NewsAPI's ``"source": {"id": ..., "name": "BBC News"}``) gives its
    ``name``."""
    present = False
    for key in names:
        value = row.get(key, ...)
        if value not in (None, "", ...):
            return _named(value)
        present = present or value is not ...
    if present:
        return None  # the archive has the field, empty here: no need to look further
    folded = {_fold(k): k for k in row if isinstance(k, str)}
    for key in names:
        actual = folded.get(_fold(key))
        if actual is not None and row[actual] not in (None, ""):
            return _named(row[actual])
    return None


def _fold(key: str) -> str:
    return key.replace("_", "").replace("-", "").casefold()


def _named(value: Any) -> Any:
    return value.get("name", value) if isinstance(value, dict) else value


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 120 else text[:117] + "..."

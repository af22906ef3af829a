"""JSONL and CSV archives: one article per row, streamed.

Rows are yielded one at a time with their 1-based line (JSONL) or record
(CSV) number, so a 10 GB archive costs the memory of one row. A row that
cannot be parsed is reported by number through ``warn`` and skipped; the
rest of the archive is still audited.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
from collections.abc import Callable, Iterator
from typing import Any, BinaryIO

Warn = Callable[[str], None]
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


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
        if not isinstance(row, dict):
            warn(f"{name}:{number}: skipped row: expected a JSON object, got {type(row).__name__}")
            continue
        yield number, row


def csv_rows(stream: BinaryIO, name: str, warn: Warn) -> Iterator[tuple[int, dict[str, Any]]]:
    text = io.TextIOWrapper(stream, encoding="utf-8-sig", errors="strict", newline="")
    reader = csv.DictReader(text)
    try:
        for row in reader:
            yield reader.line_num, row
    except UnicodeDecodeError as exc:
        warn(f"{name}:{reader.line_num + 1}: stopped reading: not valid UTF-8 ({_short(exc)})")
    except csv.Error as exc:
        warn(f"{name}:{reader.line_num}: stopped reading: malformed CSV ({exc})")


def first_field(row: dict[str, Any], names: list[str]) -> Any:
    """The first of ``names`` present (and non-empty) in the row."""
    for key in names:
        value = row.get(key)
        if value not in (None, ""):
            return value
    return None


def _short(exc: Exception) -> str:
    text = str(exc)
    return text if len(text) < 120 else text[:117] + "..."

"""Helpers shared by the CI formats (sarif, github, junit, gitlab, rdjson)."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

from auditor.fingerprint import is_archive

def rule_classes(result: Any) -> dict[str, type]:
    """Rule id -> class, for the rules of the run (then every known rule)."""
    out: dict[str, type] = {r.id: type(r) for r in getattr(result, "rules", [])}
    return out


def rule_class(result: Any, rule_id: str, cache: dict[str, Any]) -> type | None:
    if rule_id not in cache:
        cls = rule_classes(result).get(rule_id)
        if cls is None:
            try:
                from auditor.registry import available_rules

                cls = available_rules(result.config).get(rule_id)
            except Exception:  # noqa: BLE001 - metadata is best effort
                cls = None
        cache[rule_id] = cls
    return cache[rule_id]


def artifact_uri(path: str) -> str:
    """A relative URI reference for a path (POSIX separators, escaped)."""
    posix = Path(path).as_posix()
    if posix.startswith("./"):
        posix = posix[2:]
    return quote(posix, safe="/-._~")


def is_archive_row(doc: Any) -> bool:
    return doc.id is not None and is_archive(doc.path)


def line_text(raw: str | None, line: int) -> str | None:
    if raw is None:
        return None
    lines = raw.split("\n")
    return lines[line - 1] if 0 < line <= len(lines) else None

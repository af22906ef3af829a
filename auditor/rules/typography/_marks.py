"""Shared settings and helpers of the typography rules."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from auditor.resources import load_yaml_resource

STRAIGHT, CURLY = "straight", "curly"


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return load_yaml_resource("typography.yml")


def minority(counts: dict[str, int], min_majority: int) -> str | None:
    """The style to report, or None when the document is consistent or
    evenly split (a tie has no minority to call a slip).
    """
    s, c = counts.get(STRAIGHT, 0), counts.get(CURLY, 0)
    if not s or not c or s == c:
        return None
    if max(s, c) < min_majority:
        return None
    return STRAIGHT if s < c else CURLY

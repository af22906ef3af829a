"""Load rules/boilerplate.yml once, with the shared vocabulary spliced in."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from auditor.resources import load_yaml_resource


@lru_cache(maxsize=1)
def data() -> dict[str, Any]:
    raw = load_yaml_resource("boilerplate.yml")
    vocabulary: dict[str, str] = raw.get("vocabulary", {})

    def expand(value: Any) -> Any:
        if isinstance(value, str):
            for key, pattern in vocabulary.items():
                value = value.replace("{" + key + "}", pattern)
            return value
        if isinstance(value, dict):
            return {k: expand(v) for k, v in value.items()}
        if isinstance(value, list):
            return [expand(v) for v in value]
        return value

    return {k: expand(v) for k, v in raw.items() if k != "vocabulary"} | {"vocabulary": vocabulary}

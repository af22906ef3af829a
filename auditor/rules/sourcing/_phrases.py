"""Load the sourcing phrase lists (rules/sourcing.yml) once per process."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.resources import load_yaml_resource
from auditor.rules.sourcing._scan import PhraseScanner

_DATA_FILE = "sourcing.yml"


def _expand(value: str, vocabulary: dict[str, str]) -> str:
    for key, pattern in vocabulary.items():
        value = value.replace("{" + key + "}", pattern)
    return value


@lru_cache(maxsize=8)
def scanner(section: str) -> PhraseScanner:
    data = load_yaml_resource(_DATA_FILE)
    vocabulary = data.get("vocabulary", {})
    spec = dict(data[section])
    spec["entries"] = [{k: _expand(v, vocabulary) for k, v in e.items()} for e in spec.get("entries", [])]
    return PhraseScanner(spec, f"rules/{_DATA_FILE}: {section}")


@lru_cache(maxsize=1)
def named_data() -> tuple[re.Pattern[str], frozenset[str]]:
    """The named-attribution pattern and capitalised words that are not names."""
    import re2

    from auditor.patterns import re2_options

    data = load_yaml_resource(_DATA_FILE)["named"]
    return re2.compile(data["pattern"], re2_options()), frozenset(data["not_names"])


def matches_outside_quotes(doc, scan: PhraseScanner) -> Iterator[tuple[int, int, str]]:
    """Matches in ``doc.text`` that are not inside a quotation."""
    for start, end, text in scan.finditer(doc.text):
        if doc.in_quotation(start, end) is None:
            yield start, end, text

"""Helpers for tests and notebooks: run rules on strings without files.

Used by the test suite (every rule's docstring examples go through
:func:`run_on_texts`) and handy for trying a rule interactively::

    >>> from auditor.testing import run_on_texts
    >>> run_on_texts(["Listen to this article"], select=["boilerplate"])
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from auditor.config import Config, load_config
from auditor.documents.document import Document
from auditor.documents.markdown import split_front_matter
from auditor.engine import check_document, finish_corpus
from auditor.model import Finding
from auditor.registry import build_rules
from auditor.rules.base import Context


def make_document(text: str, *, ordinal: int = 0, path: str | None = None, **meta: Any) -> Document:
    """A plain-text document; leading YAML front matter sets date/source/id."""
    front, end = split_front_matter(text, path or f"example-{ordinal}.txt")
    front.update(meta)
    raw = text[end:]
    date = front.get("date")
    if isinstance(date, str):
        date = dt.date.fromisoformat(date)
    return Document(
        path=path or f"example-{ordinal}.txt",
        raw=raw,
        kind=front.get("kind", "txt"),
        id=str(front["id"]) if "id" in front else None,
        source=front.get("source"),
        date=date,
        title=front.get("title"),
        ordinal=ordinal,
    )


def run_on_texts(
    texts: list[str],
    *,
    select: list[str] | None = None,
    config: Config | None = None,
    overrides: dict[str, Any] | None = None,
) -> list[Finding]:
    """Run the configured rules over ``texts`` as one small corpus."""
    if config is None:
        merged = dict(overrides or {})
        if select is not None:
            merged["select"] = select
        config = load_config(None, merged)
    ctx = Context(config)
    rules = build_rules(config, ctx)
    findings: list[Finding] = []
    observations: dict[str, list] = {}
    for i, text in enumerate(texts):
        doc = make_document(text, ordinal=i)
        found, observed = check_document(doc, rules)
        findings.extend(found)
        for rule_id, obs in observed.items():
            observations.setdefault(rule_id, []).append(obs)
    findings.extend(finish_corpus(rules, observations))
    return findings

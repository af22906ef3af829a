"""Rule documentation: docstrings and their runnable examples.

A rule's docstring (module docstring for Python rules, ``description`` plus
``examples`` for YAML rules) is what ``auditor rules explain`` prints. The
``Flags:`` and ``Passes:`` sections hold examples indented by four spaces
and separated by blank lines; each example may begin with YAML front matter
and may hold several documents separated by a line ``===`` (corpus rules).
"""

from __future__ import annotations

import inspect
import sys
import textwrap
from dataclasses import dataclass

from auditor.rules.base import Rule


@dataclass(frozen=True)
class Example:
    flags: bool
    documents: tuple[str, ...]


def rule_doc(cls: type[Rule]) -> str:
    """The documentation text of a rule class."""
    doc = getattr(cls, "documentation", None)
    if doc:
        return inspect.cleandoc(doc)
    module = sys.modules.get(cls.__module__)
    text = (module.__doc__ if module else None) or cls.__doc__ or ""
    return inspect.cleandoc(text)


def examples(cls: type[Rule]) -> list[Example]:
    """The ``Flags:`` and ``Passes:`` examples of a rule's documentation."""
    yaml_examples = getattr(cls, "yaml_examples", None)
    if yaml_examples is not None:
        return [Example(flag, _split_docs(text)) for flag, text in yaml_examples]
    return parse_examples(rule_doc(cls))


def parse_examples(doc: str) -> list[Example]:
    out: list[Example] = []
    section: bool | None = None
    block: list[str] = []

    def flush() -> None:
        if block and section is not None:
            text = textwrap.dedent("\n".join(block)).strip("\n")
            out.append(Example(section, _split_docs(text)))
        block.clear()

    for line in doc.splitlines():
        stripped = line.strip()
        if not line.startswith((" ", "\t")) and stripped:
            flush()
            head = stripped.rstrip(":").lower()
            section = True if head == "flags" else False if head == "passes" else None
            continue
        if not stripped:
            flush()
            continue
        if section is not None:
            block.append(line)
    flush()
    return out


def _split_docs(text: str) -> tuple[str, ...]:
    parts: list[list[str]] = [[]]
    for line in text.splitlines():
        if line.strip() == "===":
            parts.append([])
        else:
            parts[-1].append(line)
    return tuple("\n".join(p) for p in parts if any(x.strip() for x in p))


def summary_line(cls: type[Rule]) -> str:
    return getattr(cls, "summary", "") or rule_doc(cls).split("\n", 1)[0]

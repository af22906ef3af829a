"""Reporters: turn a run's results into text, JSON and other formats.

A format ``NAME`` is the module ``auditor.report.NAME`` exposing
``render(result, out, options)``; adding a format means adding a module.
Reporters never compute findings or scores: they only present them.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass, field
from typing import Any, TextIO

from auditor.errors import UsageError


@dataclass
class ReportOptions:
    color: bool = False
    statistics: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def formats() -> list[str]:
    import auditor.report as package

    return sorted(m.name for m in pkgutil.iter_modules(package.__path__) if not m.name.startswith("_"))


def render(fmt: str, result: Any, out: TextIO, options: ReportOptions) -> None:
    if fmt not in formats():
        raise UsageError(f"unknown output format {fmt!r} (available: {', '.join(formats())})")
    importlib.import_module(f"auditor.report.{fmt}").render(result, out, options)

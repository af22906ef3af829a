"""Find and read the YAML data shipped under ``rules/``.

In a wheel the top-level ``rules/`` folder is installed as ``auditor/_rules``;
in a source checkout (editable install, tests) it is read from the repository
root. YAML is always loaded with the safe loader: rule packs are data and
can never construct Python objects.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _Base: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _Base = yaml.SafeLoader


class _SafeLoader(_Base):  # type: ignore[misc, valid-type]
    """The safe loader, with impossible dates reported at their position."""


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> object:
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid date {node.value!r} ({exc})", node.start_mark) from None


_SafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


@lru_cache(maxsize=1)
def rules_dir() -> Path:
    """The directory holding the built-in rule sets and knowledge packs."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "_rules", here.parent / "rules"):
        if candidate.is_dir():
            return candidate
    raise InputError("built-in rules directory not found (broken installation)")


def load_yaml_file(path: Path) -> Any:
    """Parse one YAML file safely; errors name the file and line."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read: {exc}") from None
    return parse_yaml(text, str(path))


MAX_FLOW_DEPTH = 100
_BRACKETS = re.compile(r"[\[\]{}]")


def parse_yaml(text: str, name: str) -> Any:
    """Parse YAML safely; every failure is one line naming the file.

    Flow collections nested deeper than :data:`MAX_FLOW_DEPTH` are refused
    before parsing: libyaml's composer recurses and would overflow the C
    stack (a crash, not an exception) on ``[[[[...]]]]`` a hundred thousand
    deep.
    """
    depth = _flow_depth(text)
    if depth > MAX_FLOW_DEPTH:
        raise InputError(f"{name}: YAML nested too deeply ({depth} levels of brackets; at most {MAX_FLOW_DEPTH})")
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{name}{where}: invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: invalid YAML: {exc}") from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # the timestamp constructor: "2024-02-30" -> day is out of range for month
        raise InputError(f"{name}: invalid YAML value: {exc}") from None


def _flow_depth(text: str) -> int:
    """Deepest nesting of flow brackets (a cheap over-estimate: brackets in
    quoted strings count too, which only ever refuses odd files)."""
    depth = deepest = 0
    for m in _BRACKETS.finditer(text):
        if m.group() in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif depth:
            depth -= 1
    return deepest


@lru_cache(maxsize=64)
def load_yaml_resource(relative: str) -> Any:
    """Load a built-in YAML file relative to :func:`rules_dir` (cached)."""
    return load_yaml_file(rules_dir() / relative)

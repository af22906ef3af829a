"""Find and read the YAML data shipped under ``rules/``.

In a wheel the top-level ``rules/`` folder is installed as ``auditor/_rules``;
in a source checkout (editable install, tests) it is read from the repository
root. YAML is always loaded with the safe loader: rule packs are data and
can never construct Python objects.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from auditor.errors import InputError

try:  # the C loader is ~10x faster; fall back where libyaml is missing
    _SafeLoader: type = yaml.CSafeLoader
except AttributeError:  # pragma: no cover
    _SafeLoader = yaml.SafeLoader


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


def parse_yaml(text: str, name: str) -> Any:
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 - safe loader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        raise InputError(f"{name}{where}: invalid YAML: {exc.problem}") from None
    except yaml.YAMLError as exc:
        raise InputError(f"{name}: invalid YAML: {exc}") from None


@lru_cache(maxsize=64)
def load_yaml_resource(relative: str) -> Any:
    """Load a built-in YAML file relative to :func:`rules_dir` (cached)."""
    return load_yaml_file(rules_dir() / relative)

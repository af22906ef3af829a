"""Discover rule classes and build the rule instances of a run.

Python rules register themselves with :func:`register` and are discovered by
importing every module below ``auditor.rules``; adding a rule means adding
one module, never editing a central list. YAML rules (existence,
substitution, consistency, ...) come from rule packs named in the config and
are turned into classes by their type's module.
"""

from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from auditor.config import Config, is_path_entry, rule_matches
from auditor.errors import ConfigError
from auditor.resources import load_yaml_file, rules_dir
from auditor.rules.base import Context, Rule

_PYTHON_RULES: dict[str, type[Rule]] = {}
_RULE_TYPES: dict[str, Any] = {}


def register(cls: type[Rule]) -> type[Rule]:
    """Class decorator: make a Python rule known under its ``id``."""
    if cls.id in _PYTHON_RULES and _PYTHON_RULES[cls.id] is not cls:
        raise RuntimeError(f"duplicate rule id {cls.id}")
    _PYTHON_RULES[cls.id] = cls
    return cls


def register_type(name: str):
    """Decorator for a YAML rule type's factory ``(spec, where) -> type[Rule]``."""

    def deco(factory):
        _RULE_TYPES[name] = factory
        return factory

    return deco


@lru_cache(maxsize=1)
def _import_rule_modules() -> None:
    import auditor.rules as package

    for info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        if info.name.rsplit(".", 1)[-1].startswith("_"):
            continue
        importlib.import_module(info.name)


def python_rules() -> dict[str, type[Rule]]:
    _import_rule_modules()
    return dict(_PYTHON_RULES)


def pack_path(entry: str) -> Path:
    if is_path_entry(entry):
        return Path(entry)
    name = entry.removeprefix("builtin:")
    return rules_dir() / "packs" / f"{name}.yml"


@lru_cache(maxsize=64)
def _yaml_rules_from(path_str: str) -> tuple[type[Rule], ...]:
    path = Path(path_str)
    if not path.is_file():
        raise ConfigError(f"rule pack not found: {path}")
    data = load_yaml_file(path)
    if not isinstance(data, dict) or not isinstance(data.get("rules"), list):
        raise ConfigError(f"{path}: a rule pack needs a top-level 'rules:' list")
    _import_rule_modules()
    out = []
    for i, spec in enumerate(data["rules"]):
        where = f"{path}: rules[{i}]"
        if not isinstance(spec, dict) or "type" not in spec or "id" not in spec:
            raise ConfigError(f"{where}: each rule needs 'id' and 'type'")
        where = f"{path}: rule {spec['id']}"
        factory = _RULE_TYPES.get(spec["type"])
        if factory is None:
            raise ConfigError(f"{where}: unknown rule type {spec['type']!r} (known: {', '.join(sorted(_RULE_TYPES))})")
        out.append(factory(spec, where))
    return tuple(out)


def available_rules(config: Config) -> dict[str, type[Rule]]:
    """Every rule class the config can run: Python rules plus its packs."""
    rules = python_rules()
    for entry in config.packs:
        for cls in _yaml_rules_from(str(pack_path(entry))):
            rules[cls.id] = cls
    return dict(sorted(rules.items()))


def build_rules(config: Config, ctx: Context) -> list[Rule]:
    """Instances of the selected, enabled rules, with validated options."""
    from auditor.model import Severity

    classes = available_rules(config)
    for rule_id in config.rules:
        if rule_id not in classes:
            raise ConfigError(f"{_origin(config)}: rules.{rule_id}: unknown rule id")
    for pattern in (*config.select, *config.ignore):
        if not any(rule_matches(rid, pattern) for rid in classes):
            raise ConfigError(f"unknown rule id or category in select/ignore: {pattern!r}")
    out: list[Rule] = []
    for rule_id, cls in classes.items():
        if not config.is_selected(rule_id):
            continue
        settings = config.rule_settings(rule_id)
        severity = settings.severity or cls.default_severity
        if severity is Severity.OFF:
            continue
        try:
            options = cls.options_model.model_validate(settings.rule_options())
        except ValidationError as exc:
            err = exc.errors()[0]
            field = ".".join(str(p) for p in err["loc"])
            raise ConfigError(f"{_origin(config)}: rules.{rule_id}.{field}: {err['msg']}") from None
        out.append(cls(options, ctx, severity))
    return out


def _origin(config: Config) -> str:
    return config.origin[-1] if config.origin else "config"

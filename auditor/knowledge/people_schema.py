"""Validation of the ``people`` and ``offices`` sections of a knowledge pack.

Separate from :mod:`auditor.knowledge.people` because its pydantic models
are needed only when a pack is validated: a run whose packs come from the
compiled data cache never imports this module.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from auditor.errors import ConfigError
from auditor.knowledge.people import _OFFICE_ID, OFFICE_KINDS, _parse_bound, parse_role


# --------------------------------------------------------------------------- country codes
@lru_cache(maxsize=1)
def country_codes() -> frozenset[str]:
    """The codes a person's ``country`` may use (``rules/knowledge/country_codes.yml``)."""
    from auditor.resources import load_yaml_resource

    return frozenset(load_yaml_resource("knowledge/country_codes.yml")["codes"])


# --------------------------------------------------------------------------- pydantic models
class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class OfficeModel(_Strict):
    country: str
    title: str
    forms: list[str] = []
    function: str | None = None
    variety: str | None = None
    kind: str = "office"
    generic: list[str] = []
    adjectives: list[str] = []
    source_names: list[str] = []

    @field_validator("kind")
    @classmethod
    def _kind(cls, value: str) -> str:
        if value not in OFFICE_KINDS:
            raise ValueError(f"kind must be one of {', '.join(OFFICE_KINDS)}")
        return value

    @field_validator("variety")
    @classmethod
    def _variety(cls, value: str | None) -> str | None:
        if value not in (None, "en-GB", "en-US"):
            raise ValueError("variety must be en-GB or en-US")
        return value


class RoleModel(_Strict):
    office: str
    start: Any = None
    end: Any = None
    note: str | None = None

    @field_validator("start")
    @classmethod
    def _start(cls, value: Any) -> Any:
        _parse_bound(value, end=False)
        return value

    @field_validator("end")
    @classmethod
    def _end(cls, value: Any) -> Any:
        _parse_bound(value, end=True)
        return value


class PersonModel(_Strict):
    name: str
    id: str | None = None
    aliases: list[str] = []
    surnames: list[str] = []
    honorific: str | None = None
    misspellings: list[str] = []
    description: str | None = None
    country: str | list[str] | None = None
    roles: list[RoleModel] = []

    @field_validator("country", mode="before")
    @classmethod
    def _country(cls, value: Any) -> Any:
        for code in value if isinstance(value, list) else [value] if value is not None else ():
            if isinstance(code, bool):  # YAML 1.1 reads an unquoted NO (Norway) as false
                raise ValueError("a country code must be quoted where YAML reads it as a boolean ('NO')")
            if not isinstance(code, str) or code not in country_codes():
                raise ValueError(f"unknown country code {code!r} (expected an ISO 3166-1 alpha-2 code such as GB)")
        return value

    @field_validator("roles", mode="before")
    @classmethod
    def _roles(cls, value: Any) -> Any:
        return [parse_role(v) for v in value] if isinstance(value, list) else value

    @field_validator("name")
    @classmethod
    def _name(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("name must not be empty")
        return value


def _first_error(exc: ValidationError) -> str:
    err = exc.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    msg = err["msg"].removeprefix("Value error, ")
    return f"{loc}: {msg}" if loc else msg


# --------------------------------------------------------------------------- validation
_registered_offices: set[str] = set()


@lru_cache(maxsize=1)
def _builtin_office_ids() -> frozenset[str]:
    """Office ids of the built-in packs, so a user's people pack may refer to them."""
    from auditor.resources import rules_dir, load_yaml_file

    ids: set[str] = set()
    for path in sorted((rules_dir() / "knowledge").glob("offices*.yml")):
        data = load_yaml_file(path) or {}
        offices = data.get("offices") if isinstance(data, dict) else None
        if isinstance(offices, dict):
            ids.update(str(k) for k in offices)
    return frozenset(ids)


def validate_section(name: str, data: Any, where: str) -> None:
    """Validate a ``people`` or ``offices`` section of the pack at ``where``.

    Raises :class:`ConfigError` with one line naming the pack and the entry.
    Office ids a person refers to must be defined in a built-in offices pack
    or in an ``offices`` section validated before (list ``offices:`` before
    ``people:`` in a pack that defines its own).
    """
    if name == "offices":
        _validate_offices(data, where)
    elif name == "people":
        _validate_people(data, where)
    else:  # pragma: no cover - base.py only routes these two here
        raise ConfigError(f"{where}: section {name!r} is not handled by auditor.knowledge.people")


def _validate_offices(data: Any, where: str) -> None:
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: offices: expected a mapping of office id -> office")
    for key, entry in data.items():
        key = str(key)
        if not _OFFICE_ID.match(key):
            raise ConfigError(f"{where}: offices: {key!r}: invalid office id (use e.g. gb.foreign-secretary)")
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: offices: {key}: expected a mapping")
        try:
            OfficeModel.model_validate(entry)
        except ValidationError as exc:
            raise ConfigError(f"{where}: offices: {key}: {_first_error(exc)}") from None
        _registered_offices.add(key)


def _validate_people(data: Any, where: str) -> None:
    if not isinstance(data, list):
        raise ConfigError(f"{where}: people: expected a list of people")
    known = _builtin_office_ids() | _registered_offices
    for i, entry in enumerate(data):
        if _quick_ok(entry, known):
            continue  # the common case, ~5x faster than the model; errors go the slow way
        label = entry.get("name") if isinstance(entry, dict) else None
        who = f"people[{i}] {label!r}" if label else f"people[{i}]"
        if not isinstance(entry, dict):
            raise ConfigError(f"{where}: {who}: expected a mapping with at least 'name'")
        try:
            person = PersonModel.model_validate(entry)
        except ValidationError as exc:
            raise ConfigError(f"{where}: {who}: {_first_error(exc)}") from None
        for role in person.roles:
            if role.office not in known:
                raise ConfigError(f"{where}: {who}: unknown office id {role.office!r}")
            start, _ = _parse_bound(role.start, end=False)
            end, _ = _parse_bound(role.end, end=True)
            if start and end and end < start:
                raise ConfigError(f"{where}: {who}: role {role.office} ends ({end}) before it starts ({start})")


_PERSON_KEYS = frozenset(PersonModel.model_fields)
_LIST_KEYS = ("aliases", "surnames", "misspellings")


def _quick_ok(entry: Any, known: set[str] | frozenset[str]) -> bool:
    """A fast structural check of one person; False means "validate slowly"."""
    if not isinstance(entry, dict) or not entry.keys() <= _PERSON_KEYS:
        return False
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        return False
    for key in _LIST_KEYS:
        value = entry.get(key)
        if value is not None and (not isinstance(value, list) or not all(isinstance(v, str) for v in value)):
            return False
    for key in ("id", "honorific", "description"):
        if entry.get(key) is not None and not isinstance(entry[key], str):
            return False
    country = entry.get("country")
    codes = country_codes()
    if country is not None and not (country in codes if isinstance(country, str) else (
            isinstance(country, list) and all(isinstance(c, str) and c in codes for c in country))):
        return False
    roles = entry.get("roles")
    if roles is None:
        return True
    if not isinstance(roles, list):
        return False
    try:
        for role in roles:
            role = parse_role(role)
            if not role.keys() <= {"office", "start", "end", "note"} or role.get("office") not in known:
                return False
            start, _ = _parse_bound(role.get("start"), end=False)
            end, _ = _parse_bound(role.get("end"), end=True)
            if start and end and end < start:
                return False
    except (ValueError, TypeError, AttributeError):
        return False
    return True

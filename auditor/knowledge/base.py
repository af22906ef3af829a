"""The knowledge base: who held which office when, and how places are spelled.

Knowledge packs are YAML files (built-in ones in ``rules/knowledge/``, users'
own anywhere) whose top-level keys are *sections*: ``people``, ``offices``,
``places``, ... A pack may hold any subset of sections; the knowledge base
concatenates each section across packs in config order, so a newsroom pack
can add people or override a place's preferred form.

Each section has an owner module that validates it and builds a fast index
on first use (``auditor.knowledge.people``, ``auditor.knowledge.places``).
The base is loaded once per process and shared by every rule.
"""

from __future__ import annotations

import hashlib
import importlib
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.errors import ConfigError
from auditor import datacache
from auditor.resources import load_yaml_file, rules_dir

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config

#: section name -> module that validates it (``validate_section``) and indexes it.
SECTION_OWNERS: dict[str, str] = {
    "people": "auditor.knowledge.people",
    "offices": "auditor.knowledge.people",
    "places": "auditor.knowledge.places",
}
META_KEYS = {"version", "description", "source", "license", "generated_by", "attribution"}


def pack_path(entry: str) -> Path:
    """A knowledge entry of the config: a built-in name or a file path."""
    from auditor.config import is_path_entry

    if is_path_entry(entry):
        return Path(entry)
    return rules_dir() / "knowledge" / f"{entry.removeprefix('builtin:')}.yml"


def read_pack(path: Path, *, use_cache: bool = True) -> dict[str, Any]:
    """Load and validate one pack; errors name the pack and the entry.

    Validated packs are cached (auditor.datacache) so the YAML of the
    large generated packs is parsed once per change, not once per run.
    """
    if not path.is_file():
        raise ConfigError(f"knowledge pack not found: {path}")
    if not use_cache:
        return _validated(path)
    data = datacache.cached("knowledge", datacache.file_stamp(path), lambda: _validated(path))
    return data if isinstance(data, dict) else _validated(path)


def _validated(path: Path) -> dict[str, Any]:
    data = load_yaml_file(path)
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: a knowledge pack must be a mapping of sections")
    for key, value in data.items():
        if key in META_KEYS:
            continue
        owner = SECTION_OWNERS.get(key)
        if owner is None:
            known = ", ".join(sorted(SECTION_OWNERS))
            raise ConfigError(f"{path}: unknown knowledge section {key!r} (known: {known})")
        importlib.import_module(owner).validate_section(key, value, str(path))
    return data


class KnowledgeBase:
    """All packs of a run, with lazily built per-section indexes."""

    def __init__(self, packs: list[tuple[Path, dict[str, Any]]]) -> None:
        self.packs = packs

    def section(self, name: str) -> list[tuple[str, Any]]:
        """(pack path, section data) for every pack that has the section."""
        return [(str(path), data[name]) for path, data in self.packs if name in data]

    @cached_property
    def version(self) -> str:
        """Content hash of all packs: part of every cache key."""
        digest = hashlib.sha256()
        for path, _ in self.packs:
            digest.update(path.read_bytes())
        return digest.hexdigest()[:16]

    @cached_property
    def people(self) -> Any:
        """The people index, kept in the data cache (keyed by the packs'
        content and the code that builds it): merging thousands of office
        holders costs more than auditing a short article."""
        from auditor.knowledge import people

        stamp = f"people|{self.version}|{datacache.code_stamp(people.__file__)}"
        return datacache.cached("people", stamp, lambda: people.PeopleIndex.build(self), allowed=people.INDEX_CLASSES)

    @cached_property
    def places(self) -> Any:
        from auditor.knowledge.places import PlaceIndex

        return PlaceIndex.build(self)


def load_knowledge(config: Config) -> KnowledgeBase:
    return _load(tuple(str(pack_path(e)) for e in config.knowledge))


@lru_cache(maxsize=8)
def _load(paths: tuple[str, ...]) -> KnowledgeBase:
    return KnowledgeBase([(Path(p), read_pack(Path(p))) for p in paths])

"""Project configuration: pydantic models, discovery, ``extends`` and merging.

Resolution order (later wins): the built-in ``default`` set, then each entry
of ``extends`` (built-in sets as ``builtin:NAME`` from ``rules/sets/``, or
files relative to the config), then the file's own keys.

Merge rules, documented in docs/config.md:

* mappings merge key by key, recursively (``rules``, ``house_style``, ...);
* scalars and lists are replaced by the later value, except that a list
  containing the entry ``"..."`` keeps the inherited entries in its place:
  ``knowledge: ["...", newsroom-people.yml]`` adds a pack to the built-in
  ones, ``knowledge: [newsroom-people.yml]`` replaces them.

Errors name the file, the line and the field path, e.g.
``.auditor.yml:7:12: rules.names.misspelled.severity: unknown severity 'loud'``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from auditor.errors import ConfigError, InputError
from auditor.model import Severity
from auditor.resources import parse_yaml, rules_dir

CONFIG_NAMES = (".auditor.yml", ".auditor.yaml")
INHERIT = "..."


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RuleSettings(BaseModel):
    """Per-rule settings: ``severity`` plus rule-specific options."""

    model_config = ConfigDict(extra="allow")

    severity: Severity | None = None

    @field_validator("severity", mode="before")
    @classmethod
    def _severity(cls, value: Any) -> Any:
        return None if value is None else Severity.parse(value)

    def rule_options(self) -> dict[str, Any]:
        return dict(self.model_extra or {})


class SourceMapping(_Strict):
    """Give files matching ``path`` (a glob) a source id and/or a date."""

    path: str
    source: str | None = None
    date: dt.date | None = None


class ArchiveFields(_Strict):
    """Field names in JSONL/CSV archives; each lists candidates in order."""

    # The names of common exports (news-please, NewsAPI, CMS dumps) and of
    # static-site front matter (Hugo "publishDate", Astro "pubDate"); matched
    # exactly first, then ignoring case, "_" and "-" ("publishedAt").
    text: list[str] = ["text", "content", "body", "article", "maintext", "article_text", "full_text"]
    source: list[str] = ["source", "outlet", "publisher", "site", "source_name", "source_domain", "domain",
                         "newspaper"]
    date: list[str] = ["date", "published", "publication_date", "pubdate", "published_at", "date_published",
                       "date_publish", "published_date", "publish_date", "created_at"]
    id: list[str] = ["id", "doc_id", "article_id", "uuid"]
    url: list[str] = ["url", "link"]
    title: list[str] = ["title", "headline"]

    @field_validator("*", mode="before")
    @classmethod
    def _one_or_many(cls, value: Any) -> Any:
        return [value] if isinstance(value, str) else value


class HouseStyle(_Strict):
    """House style the style rules enforce."""

    #: Spelling variety of the house; ``None`` means "the document's majority".
    variety: Literal["en-GB", "en-US"] | None = None
    #: Place forms the house prefers, overriding the knowledge pack
    #: (``{"Odessa": "Odesa"}`` or ``{"Odesa": "Odessa"}``).
    places: dict[str, str] = {}
    #: Apply style rulings to text published before they took effect.
    retroactive: bool = False
    #: Organisation name forms: "NATO" or "Nato" (None: either, consistently).
    acronyms: dict[str, str] = {}


class ScoringSettings(BaseModel):
    """Scoring weights; see docs/scoring.md. Extra keys pass to the scorer."""

    model_config = ConfigDict(extra="allow")

    weights: dict[str, float] = {"info": 0.5, "warning": 2.0, "error": 5.0}


class Config(_Strict):
    """The effective configuration of a run."""

    extends: list[str] = []
    packs: list[str] = []
    knowledge: list[str] = []
    select: list[str] = []
    ignore: list[str] = []
    rules: dict[str, RuleSettings] = {}
    include: list[str] = ["**/*.txt", "**/*.md", "**/*.markdown", "**/*.html", "**/*.htm",
                          "**/*.jsonl", "**/*.jsonl.gz", "**/*.csv", "**/*.csv.gz"]
    exclude: list[str] = []
    sources: list[SourceMapping] = []
    archive: ArchiveFields = ArchiveFields()
    house_style: HouseStyle = HouseStyle()
    fail_on: Severity = Severity.ERROR
    fail_under: float | None = None
    #: Rules or categories to ignore in files matching a glob (gitignore syntax, relative to the
    #: config's folder), like ruff's per-file-ignores: ``{"archive/**": ["translation"]}``.
    per_path_ignores: dict[str, list[str]] = {}
    scoring: ScoringSettings = ScoringSettings()
    #: Where the config came from (files, in merge order); not user-settable.
    origin: list[str] = Field(default_factory=list, exclude=True)
    #: Directory that relative paths in the config are resolved against.
    root: str | None = Field(default=None, exclude=True)

    @field_validator("fail_on", mode="before")
    @classmethod
    def _fail_on(cls, value: Any) -> Any:
        return Severity.parse(value)

    def rule_settings(self, rule_id: str) -> RuleSettings:
        return self.rules.get(rule_id) or RuleSettings()

    def is_selected(self, rule_id: str) -> bool:
        """``select``/``ignore`` match a rule id or a dotted prefix of it."""
        if self.select and not any(rule_matches(rule_id, sel) for sel in self.select):
            return False
        return not any(rule_matches(rule_id, ign) for ign in self.ignore)


def rule_matches(rule_id: str, pattern: str) -> bool:
    """A rule id matches itself, any dotted prefix of it, and ``ALL``."""
    pattern = pattern.rstrip(".*")
    return rule_id == pattern or rule_id.startswith(pattern + ".") or pattern in ("", "ALL")


# --------------------------------------------------------------------------- loading
def find_config(start: Path) -> Path | None:
    """Walk up from ``start`` (a file or directory) to the first config file."""
    here = start.resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        for name in CONFIG_NAMES:
            candidate = folder / name
            if candidate.is_file():
                return candidate
    return None


def load_config(path: Path | None, overrides: dict[str, Any] | None = None) -> Config:
    """The effective config: built-in default, the file (with its extends),
    then command-line overrides."""
    merged: dict[str, Any] = {}
    origin: list[str] = []
    marks: dict[str, _Marks] = {}
    _merge_into(merged, _load_layer(_builtin_path("default"), set(), origin, marks))
    root = None
    if path is not None:
        _merge_into(merged, _load_layer(path.resolve(), set(), origin, marks))
        root = str(path.resolve().parent)
    if overrides:
        _merge_into(merged, overrides)
    merged.pop("extends", None)
    _drop_inherit_markers(merged)
    try:
        config = Config.model_validate(merged)
    except ValidationError as exc:
        raise ConfigError(_describe_validation_error(exc, marks, origin, overrides or {})) from None
    config.origin = origin
    config.root = root
    return config


class _Marks:
    """YAML node positions of one config file, for error messages."""

    def __init__(self, name: str, node: yaml.Node | None) -> None:
        self.name = name
        self.node = node

    def locate(self, loc: tuple[Any, ...]) -> str | None:
        node = self.node
        found = None
        for key in loc:
            if isinstance(node, yaml.MappingNode):
                nxt = None
                for k, v in node.value:
                    if k.value == str(key):
                        nxt, found = v, k
                        break
                node = nxt
            elif isinstance(node, yaml.SequenceNode) and isinstance(key, int) and key < len(node.value):
                node = found = node.value[key]
            else:
                break
            if node is None:
                break
        if found is None:
            return None
        mark = found.start_mark
        return f"{self.name}:{mark.line + 1}:{mark.column + 1}"


def _builtin_path(name: str) -> Path:
    path = rules_dir() / "sets" / f"{name}.yml"
    if not path.is_file():
        known = sorted(p.stem for p in (rules_dir() / "sets").glob("*.yml"))
        raise ConfigError(f"unknown built-in rule set 'builtin:{name}' (known: {', '.join(known)})")
    return path


def _load_layer(path: Path, seen: set[Path], origin: list[str], marks: dict[str, _Marks]) -> dict[str, Any]:
    """One config file with its ``extends`` chain resolved (cycles are errors)."""
    if path in seen:
        chain = " -> ".join(str(p) for p in [*seen, path])
        raise ConfigError(f"{path}: extends cycle ({chain})")
    seen = seen | {path}
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config: {exc}") from None
    try:
        data = parse_yaml(text, str(path))
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except InputError as exc:
        raise ConfigError(str(exc)) from None
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise ConfigError(f"{path}:1:1: a config file must be a mapping, not {type(data).__name__}")
    marks[str(path)] = _Marks(str(path), node)
    merged: dict[str, Any] = {}
    extends = data.get("extends", [])
    if isinstance(extends, str):
        extends = [extends]
    if not isinstance(extends, list):
        raise ConfigError(f"{path}: extends: expected a list of rule sets or files")
    for entry in extends:
        target = _builtin_path(entry.split(":", 1)[1]) if str(entry).startswith("builtin:") \
            else (path.parent / str(entry)).resolve()
        _merge_into(merged, _load_layer(target, seen, origin, marks))
    own = {k: v for k, v in data.items() if k != "extends"}
    _resolve_pack_paths(own, path.parent)
    _merge_into(merged, own)
    origin.append(str(path))
    return merged


def _resolve_pack_paths(data: dict[str, Any], base: Path) -> None:
    """Pack and knowledge entries that are paths resolve against their file;
    bare names (``boilerplate``) are built-in packs."""
    for key in ("packs", "knowledge"):
        entries = data.get(key)
        if isinstance(entries, list):
            data[key] = [str((base / e).resolve()) if is_path_entry(e) else e for e in entries]


def is_path_entry(entry: Any) -> bool:
    return isinstance(entry, str) and (entry.endswith((".yml", ".yaml")) or "/" in entry)


def _merge_into(target: dict[str, Any], layer: dict[str, Any]) -> None:
    for key, value in layer.items():
        current = target.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            _merge_into(current, value)
            target[key] = current
        elif isinstance(value, list) and INHERIT in value and isinstance(current, list):
            inherited = current
            out: list[Any] = []
            for v in value:
                for item in (inherited if v == INHERIT else [v]):
                    if item not in out:
                        out.append(_copy(item))
            target[key] = out
        else:
            target[key] = _copy(value)


def _drop_inherit_markers(data: dict[str, Any]) -> None:
    """A ``"..."`` with nothing left to inherit stands for nothing."""
    for key, value in data.items():
        if isinstance(value, list):
            data[key] = [v for v in value if v != INHERIT]
        elif isinstance(value, dict):
            _drop_inherit_markers(value)


def _copy(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _copy(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_copy(v) for v in value]
    return value


def _describe_validation_error(
    exc: ValidationError, marks: dict[str, _Marks], origin: list[str], overrides: dict[str, Any]
) -> str:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    field = ".".join(str(p) for p in loc)
    message = err["msg"].removeprefix("Value error, ")
    if loc and loc[0] in overrides:  # a command-line option, not a file, is to blame
        return f"--{str(loc[0]).replace('_', '-')}: {message}"
    where = None
    for name in reversed(origin):  # the last file that sets the field is to blame
        where = marks[name].locate(loc)
        if where:
            break
    where = where or (origin[-1] if origin else "config")
    more = f" (and {len(exc.errors()) - 1} more)" if len(exc.errors()) > 1 else ""
    return f"{where}: {field}: {message}{more}"


def config_schema() -> dict[str, Any]:
    """JSON Schema of ``.auditor.yml`` for editors."""
    schema = Config.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "auditor configuration (.auditor.yml)"
    schema.setdefault("properties", {}).pop("origin", None)
    schema["properties"].pop("root", None)
    return schema

"""Per-document result cache, so re-running on an unchanged repository is
near-instant.

An entry holds what the per-document step produced for one document: its
findings (after suppressions), its corpus-rule observations (corpus rules
still need them on a cache hit) and its statistics. The key hashes the
document (path, kind, metadata, decoded text) together with a run key: the
auditor version, a stamp of the installed code and rule data (sizes and
modification times, so an edited rule invalidates the cache during
development), the effective configuration and the content of the knowledge
and rule packs it names.

Entries live in ``.auditor_cache/`` next to the config file (or in the
current folder), which gets a ``.gitignore`` of ``*`` and a ``CACHEDIR.TAG``.
Writes are atomic (temporary file + rename); an unreadable or corrupted
entry is a miss, never an error; a cache folder that cannot be written
simply disables caching. Entries are pickles read with a restricted
unpickler that only builds plain containers and auditor's own data classes,
so a planted cache file cannot run code.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import pickle
import shutil
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor import __version__

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config
    from auditor.documents.document import Document

DIR_NAME = ".auditor_cache"
MAGIC = b"AUDITOR-CACHE-1\n"
KEEP_RUN_KEYS = 8

_SAFE_BUILTINS = {"set", "frozenset", "tuple", "list", "dict", "str", "int", "float", "bool", "complex",
                  "bytes", "bytearray", "slice", "range", "NoneType"}
_SAFE_MODULES = {("collections", "Counter"), ("collections", "OrderedDict"), ("collections", "deque"),
                 ("datetime", "date"), ("datetime", "datetime"), ("datetime", "timedelta"),
                 ("copyreg", "_reconstructor"), ("builtins", "object"), ("collections", "defaultdict"),
                 ("array", "array"), ("array", "_array_reconstructor"), ("decimal", "Decimal"),
                 ("fractions", "Fraction")}


class _SafeUnpickler(pickle.Unpickler):
    """Only containers, dates and auditor's own classes (never functions)."""

    def find_class(self, module: str, name: str) -> Any:
        if module == "builtins" and name in _SAFE_BUILTINS:
            return super().find_class(module, name)
        if (module, name) in _SAFE_MODULES:
            return super().find_class(module, name)
        if module == "auditor" or module.startswith("auditor."):
            obj = super().find_class(module, name)
            if isinstance(obj, type):
                return obj
        raise pickle.UnpicklingError(f"refusing {module}.{name} in a cache entry")


def _stamp(folder: Path, patterns: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    if folder.is_dir():
        for pattern in patterns:
            for path in sorted(folder.rglob(pattern)):
                try:
                    st = path.stat()
                except OSError:
                    continue
                digest.update(f"{path.relative_to(folder).as_posix()}:{st.st_size}:{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def _file_hash(path: Path) -> str:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "missing"


def run_key(config: Config) -> str:
    """Everything besides the document that decides a document's results."""
    from auditor.registry import pack_path
    from auditor.resources import rules_dir

    digest = hashlib.sha256()
    digest.update(f"auditor {__version__}\n".encode())
    digest.update(_stamp(Path(__file__).resolve().parent, ("*.py",)).encode())
    digest.update(_stamp(rules_dir(), ("*.yml", "*.yaml", "*.txt", "*.json")).encode())
    digest.update(config.model_dump_json().encode())
    digest.update((config.root or "").encode())
    for entry in (*config.knowledge, *config.packs):
        digest.update(f"\n{entry}:{_file_hash(pack_path(entry))}".encode())
    return digest.hexdigest()[:32]


class ResultCache:
    """A cache folder for one run key; picklable, so workers get a copy."""

    def __init__(self, folder: Path, key: str) -> None:
        self.root = Path(folder)
        self.key = key
        self.folder = self.root / key
        self.enabled = True
        self.hits = 0
        self.misses = 0
        self._made: set[str] = set()

    @classmethod
    def for_config(cls, config: Config, folder: Path | None = None) -> ResultCache:
        base = folder or Path(config.root or Path.cwd()) / DIR_NAME
        cache = cls(base, run_key(config))
        cache._prepare()
        return cache

    def _prepare(self) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# Created by auditor: the result cache is not meant to be committed.\n*\n")
            tag = self.root / "CACHEDIR.TAG"
            if not tag.exists():
                tag.write_text("Signature: 8a477f597d28d172789f06886806bc55\n# auditor result cache\n")
            os.utime(self.folder)
            self._prune()
        except OSError:
            self.enabled = False

    def _prune(self) -> None:
        """Keep the most recently used run keys only (config edits pile up)."""
        runs = [p for p in self.root.iterdir() if p.is_dir() and p.name != self.key]
        runs.sort(key=lambda p: p.stat().st_mtime, reverse=True)
        for old in runs[KEEP_RUN_KEYS - 1:]:
            shutil.rmtree(old, ignore_errors=True)

    # -- entries -------------------------------------------------------------
    def doc_key(self, doc: Document) -> str:
        key = doc.__dict__.get("_auditor_cache_key")
        if key is None:
            key = doc.__dict__["_auditor_cache_key"] = self._doc_key(doc)
        return key

    def _doc_key(self, doc: Document) -> str:
        digest = hashlib.sha256()
        meta = (doc.path, doc.kind, doc.id, doc.source, doc.date.isoformat() if doc.date else None,
                doc.title, doc.url, doc.base_line, sorted((doc.metadata or {}).items(), key=lambda kv: kv[0]))
        digest.update(repr(meta).encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(doc.raw.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def _path(self, key: str) -> str:
        return os.path.join(self._folder_str, key[:2], key[2:])

    @property
    def _folder_str(self) -> str:
        return str(self.folder)

    def load(self, doc: Document) -> tuple[list, dict[str, Any], dict[str, float]] | None:
        """(findings, observations, stats) for ``doc``, or None on a miss."""
        if not self.enabled:
            return None
        key = self.doc_key(doc)
        try:
            with open(self._path(key), "rb") as stream:
                data = stream.read()
        except OSError:
            self.misses += 1
            return None
        try:
            if not data.startswith(MAGIC) or data[len(MAGIC):len(MAGIC) + 64].decode() != key:
                raise ValueError("bad header")
            findings, observations, stats, words = _SafeUnpickler(io.BytesIO(data[len(MAGIC) + 64:])).load()
            doc.__dict__["word_count"] = words  # the cached_property, without counting again
        except Exception as exc:  # noqa: BLE001 - corrupted entries are misses
            if os.environ.get("AUDITOR_DEBUG"):
                import sys

                print(f"auditor: cache: {self._path(key)}: ignored: {exc}", file=sys.stderr)
            self.misses += 1
            return None
        self.hits += 1
        return _rebind(doc, findings, observations), _rebind_obs(doc, observations), stats

    def store(self, doc: Document, findings: list, observations: dict[str, Any], stats: dict[str, float]) -> None:
        if not self.enabled:
            return
        key = self.doc_key(doc)
        try:
            from auditor.suppress import OBS_KEY

            bare = {k: (v if k == OBS_KEY else v[1]) for k, v in observations.items()}
            payload = pickle.dumps((findings, bare, stats, doc.word_count), protocol=pickle.HIGHEST_PROTOCOL)
        except Exception:  # noqa: BLE001 - an observation that cannot be pickled: do not cache
            return
        target = self._path(key)
        try:
            folder = os.path.dirname(target)
            if folder not in self._made:
                os.makedirs(folder, exist_ok=True)
                self._made.add(folder)
            # One writer per process and key at a time, so pid + key is a unique temporary name.
            tmp = f"{target}.{os.getpid()}.tmp"
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
            try:
                with os.fdopen(fd, "wb") as stream:
                    stream.write(MAGIC + key.encode() + payload)
                os.replace(tmp, target)
            except BaseException:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
                raise
        except OSError:
            self.enabled = False


def _rebind(doc: Document, findings: list, observations: dict[str, Any]) -> list:
    """Cached findings belong to whatever ordinal the document has now."""
    for f in findings:
        f.doc = doc.ordinal
    return findings


def _rebind_obs(doc: Document, observations: dict[str, Any]) -> dict[str, Any]:
    from auditor.engine import doc_ref
    from auditor.suppress import OBS_KEY

    out: dict[str, Any] = {}
    ref = None
    for rule_id, value in observations.items():
        if rule_id == OBS_KEY:
            value.ordinal = doc.ordinal
            out[rule_id] = value
        else:
            ref = ref or doc_ref(doc)
            out[rule_id] = (ref, value)
    return out

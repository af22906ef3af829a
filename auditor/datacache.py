"""A compiled cache of expensive, plain data: validated knowledge packs,
word-frequency tables, third-party constants.

Parsing and validating the generated packs (thousands of office holders),
unpacking wordfreq's tables or importing textstat (which imports NLTK) each
cost more than auditing a short article, and a pre-commit hook pays that on
every call. The result is therefore pickled once into the user's cache folder
(``$AUDITOR_CACHE_DIR``, else ``$XDG_CACHE_HOME/auditor``, else
``~/.cache/auditor``), keyed by a *stamp* that changes whenever the input
does (a file's path, size and modification time, a package's data file) and
by the auditor version. ``AUDITOR_NO_KNOWLEDGE_CACHE=1`` turns it off.

Unpickling is restricted to plain data (containers, strings, numbers and
``datetime.date``), so a tampered cache file cannot run code; a corrupt or
unreadable entry is ignored and rebuilt; entries are written atomically.

Stamps name files by path and modification time, so every checkout, virtual
environment or edited pack adds entries; without a bound the folder grows
for ever (a development machine had 667 entries, 110 MB, after two days).
Each kind therefore keeps only its most recently used entries within
:data:`KIND_BUDGET` bytes: a hit refreshes the entry's modification time, a
store removes the least recently used entries beyond the budget.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from auditor import __version__

T = TypeVar("T")
_ALLOWED = {("datetime", "date")}
#: Bytes of entries kept per kind (the word table is 2.6 MB, a pack's entry
#: a few kB to a few MB): room for several checkouts, bounded all the same.
KIND_BUDGET = 24 << 20


class _DataOnlyUnpickler(pickle.Unpickler):
    """Plain data, dates, and the classes a caller names (plain records of
    auditor's own, whose unpickling runs no code of the file's choosing)."""

    def __init__(self, data: bytes, allowed: Iterable[type]) -> None:
        super().__init__(io.BytesIO(data))
        self._classes = {(c.__module__, c.__qualname__): c for c in allowed}

    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return dt.date
        cls = self._classes.get((module, name))
        if cls is None:
            raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the compiled cache")
        return cls


def cache_dir() -> Path | None:
    if os.environ.get("AUDITOR_NO_KNOWLEDGE_CACHE"):
        return None
    base = os.environ.get("AUDITOR_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor"


def file_stamp(path: Path) -> str:
    """What identifies one version of a file: its path, size and mtime."""
    st = path.stat()
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}"


def code_stamp(*files: str) -> str:
    """What identifies the code that derives cached data: its source files."""
    return "|".join(file_stamp(Path(f)) for f in files)


def _entry(kind: str, stamp: str) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    digest = hashlib.sha256(f"{stamp}|{__version__}".encode()).hexdigest()[:32]
    return folder / kind / f"{digest}.pickle"


def load(kind: str, stamp: str, allowed: Iterable[type] = ()) -> Any | None:
    """The cached data for ``stamp``, or None when absent, stale or unreadable."""
    try:
        entry = _entry(kind, stamp)
        if entry is None or not entry.is_file():
            return None
        with entry.open("rb") as fh:
            data = _DataOnlyUnpickler(fh.read(), allowed).load()
        with contextlib.suppress(OSError):
            os.utime(entry)  # recently used: the last to be pruned
        return data
    except Exception:  # noqa: BLE001 - any problem with the cache means "rebuild"
        return None


def store(kind: str, stamp: str, data: Any) -> None:
    """Write ``data`` atomically; a cache that cannot be written is skipped."""
    with contextlib.suppress(OSError, pickle.PicklingError):
        entry = _entry(kind, stamp)
        if entry is None:
            return
        entry.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=entry.parent, suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, entry)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        prune(entry.parent, keep=entry)


def prune(folder: Path, keep: Path | None = None, budget: int | None = None) -> None:
    """Delete the least recently used entries of one kind beyond ``budget``
    bytes (default :data:`KIND_BUDGET`), never ``keep``. Another process may
    prune or read the same folder: entries already gone are skipped, and a
    reader whose entry vanished rebuilds it."""
    budget = KIND_BUDGET if budget is None else budget
    entries = []
    for path in folder.glob("*.pickle"):
        with contextlib.suppress(OSError):
            st = path.stat()
            entries.append((st.st_mtime_ns, st.st_size, path))
    entries.sort(reverse=True)
    used = 0
    for _, size, path in entries:
        used += size
        if used > budget and path != keep:
            with contextlib.suppress(OSError):
                path.unlink()


def cached(kind: str, stamp: str, build: Callable[[], T], allowed: Iterable[type] = ()) -> T:
    """``build()``'s result, computed once per stamp and machine."""
    data = load(kind, stamp, allowed)
    if data is None:
        data = build()
        store(kind, stamp, data)
    return data

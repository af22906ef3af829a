"""A compiled cache of validated knowledge packs.

Parsing and validating the generated packs (thousands of office holders)
costs more than auditing a short article, and a pre-commit hook pays it on
every call. The validated data of each pack is therefore pickled into the
user's cache folder, keyed by the pack's path, size, modification time and
the auditor version; any change to the file invalidates it.

Unpickling is restricted to plain data (containers, strings, numbers and
``datetime.date``), so a tampered cache file cannot run code; a corrupt or
unreadable cache entry is ignored and rebuilt.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import io
import os
import pickle
import tempfile
from pathlib import Path
from typing import Any

from auditor import __version__

_ALLOWED = {("datetime", "date")}


class _DataOnlyUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        if (module, name) in _ALLOWED:
            return dt.date
        raise pickle.UnpicklingError(f"{module}.{name} is not allowed in the knowledge cache")


def cache_dir() -> Path | None:
    if os.environ.get("AUDITOR_NO_KNOWLEDGE_CACHE"):
        return None
    base = os.environ.get("AUDITOR_CACHE_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "auditor" / "knowledge"


def _entry(path: Path) -> Path | None:
    folder = cache_dir()
    if folder is None:
        return None
    st = path.stat()
    key = f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{__version__}"
    return folder / (hashlib.sha256(key.encode()).hexdigest()[:32] + ".pickle")


def load(path: Path) -> dict[str, Any] | None:
    try:
        entry = _entry(path)
        if entry is None or not entry.is_file():
            return None
        with entry.open("rb") as fh:
            data = _DataOnlyUnpickler(io.BytesIO(fh.read())).load()
        return data if isinstance(data, dict) else None
    except Exception:  # noqa: BLE001 - any problem with the cache means "rebuild"
        return None


def store(path: Path, data: dict[str, Any]) -> None:
    with contextlib.suppress(OSError, pickle.PicklingError):
        entry = _entry(path)
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

"""The compiled knowledge cache: reused when fresh, rebuilt when stale, never executes code."""

from __future__ import annotations

import os
import pickle

from auditor import datacache
from auditor.knowledge.base import read_pack

PACK = "places:\n  - {name: Testville, variants: [Testvil]}\n"


def test_cache_round_trip_and_invalidation(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack.yml"
    pack.write_text("version: 1\n", encoding="utf-8")
    assert read_pack(pack) == {"version": 1}
    assert datacache.load("knowledge", datacache.file_stamp(pack)) == {"version": 1}
    pack.write_text("version: 2\n", encoding="utf-8")
    os.utime(pack, ns=(1, 1))  # a different mtime: the old entry no longer applies
    assert datacache.load("knowledge", datacache.file_stamp(pack)) is None
    assert read_pack(pack) == {"version": 2}


class _Evil:
    def __reduce__(self):
        return (os.system, ("echo pwned",))


def test_tampered_cache_entry_is_ignored(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack.yml"
    pack.write_text("version: 3\n", encoding="utf-8")
    entry = datacache._entry("knowledge", datacache.file_stamp(pack))
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps({"version": _Evil()}))
    assert datacache.load("knowledge", datacache.file_stamp(pack)) is None
    assert read_pack(pack) == {"version": 3}

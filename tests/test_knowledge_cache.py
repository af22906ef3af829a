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


def test_people_country_survives_the_cache_and_a_bad_code_is_never_cached(tmp_path, monkeypatch):
    import pytest

    from auditor.errors import ConfigError
    from auditor.knowledge.base import KnowledgeBase

    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "people.yml"
    pack.write_text("people:\n  - {name: Jane Roe, country: [DE, AT], roles: []}\n", encoding="utf-8")
    built = KnowledgeBase([(pack, read_pack(pack))]).people
    # a second run reads the validated pack and the index from the cache
    assert datacache.load("knowledge", datacache.file_stamp(pack)) is not None
    kb = KnowledgeBase([(pack, read_pack(pack))])
    from auditor.knowledge import people

    stamp = f"people|{kb.version}|{datacache.code_stamp(people.__file__)}"
    assert datacache.load("people", stamp, allowed=people.INDEX_CLASSES) is not None
    cached = kb.people
    assert built.by_name("Roe")[0].name_countries() == cached.by_name("Roe")[0].name_countries() == {"DE", "AT"}
    bad = tmp_path / "bad.yml"
    bad.write_text("people:\n  - {name: Jane Roe, country: XX}\n", encoding="utf-8")
    for _ in range(2):  # an invalid pack is never cached: the second read fails the same way
        with pytest.raises(ConfigError, match=r"bad\.yml: people\[0\] 'Jane Roe': country: unknown country code 'XX'"):
            read_pack(bad)
    assert datacache.load("knowledge", datacache.file_stamp(bad)) is None

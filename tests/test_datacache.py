"""The compiled data cache behind start-up speed: the word-frequency table,
the people index and the names view must equal what they are built from."""

from __future__ import annotations

import os
import pickle

import pytest

from auditor import datacache, lexicon
from auditor.config import load_config
from auditor.knowledge.base import KnowledgeBase
from auditor.knowledge.people import INDEX_CLASSES, PeopleIndex
from auditor.rules.base import Context
from auditor.rules.names._known import NameKnowledge


@pytest.fixture
def cache_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("AUDITOR_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_lexicon_matches_wordfreq(cache_dir):
    wordfreq = pytest.importorskip("wordfreq")
    lexicon._packed.cache_clear()
    lexicon.words_above.cache_clear()
    for word in ("the", "road", "added", "defence", "labeled", "kyiv", "zzxqv"):
        for threshold in (2.0, 3.0, 4.0, 5.0):
            assert (word in lexicon.words_above(threshold)) == (wordfreq.zipf_frequency(word, "en") >= threshold)
    assert lexicon.top_n(3000) == wordfreq.top_n_list("en", 3000)
    assert "road" in lexicon.words_above(3.0) and "zzxqv" not in lexicon.words_above(0.0)
    assert any((datacache.cache_dir() / "lexicon").iterdir())


def _knowledge() -> KnowledgeBase:
    return Context(load_config(None)).knowledge


def test_people_index_and_names_view_round_trip(cache_dir):
    fresh = PeopleIndex.build(_knowledge())
    cached_kb = _knowledge()
    first = cached_kb.people  # built, then stored
    again = KnowledgeBase(cached_kb.packs).people  # read back from the cache
    assert again is not first
    assert [p.name for p in again.people] == [p.name for p in fresh.people]
    assert [[r.office.id for r in p.roles] for p in again.people] == [[r.office.id for r in p.roles] for p in fresh.people]
    kb = KnowledgeBase(cached_kb.packs)
    built = NameKnowledge.build(kb)
    reread = NameKnowledge.build(kb)
    assert reread.surnames.keys() == built.surnames.keys()
    lammy = reread.known_surname("Lammy")
    assert lammy and lammy[0] in kb.people.people  # objects of this index, not copies
    assert reread.first_fits(lammy[0], "David")
    assert [c.surname for c in reread.close("Lamy")] == ["Lammy"]


def test_unlisted_class_in_a_cache_entry_is_refused(cache_dir):
    entry = datacache._entry("people", "stamp")
    entry.parent.mkdir(parents=True)
    entry.write_bytes(pickle.dumps(KnowledgeBase([])))  # a class the caller did not allow
    assert datacache.load("people", "stamp", allowed=INDEX_CLASSES) is None
    assert datacache.cached("people", "stamp", lambda: {"rebuilt": True}) == {"rebuilt": True}


def test_each_kind_keeps_its_recently_used_entries_within_a_budget(cache_dir, monkeypatch):
    monkeypatch.setattr(datacache, "KIND_BUDGET", 3000)
    blob = "x" * 900  # about 1 kB pickled: three entries fit
    for i in range(3):
        datacache.store("demo", f"stamp {i}", blob + str(i))
    folder = datacache.cache_dir() / "demo"
    assert len(list(folder.glob("*.pickle"))) == 3
    os.utime(datacache._entry("demo", "stamp 0"), ns=(1, 1))
    os.utime(datacache._entry("demo", "stamp 1"), ns=(2, 2))
    assert datacache.load("demo", "stamp 0") == blob + "0"  # a hit makes it the most recent
    datacache.store("demo", "stamp 3", blob + "3")
    assert datacache.load("demo", "stamp 1") is None  # least recently used: pruned
    assert datacache.load("demo", "stamp 0") == blob + "0"
    assert datacache.load("demo", "stamp 3") == blob + "3"
    assert len(list(folder.glob("*.pickle"))) == 3


def test_a_store_larger_than_the_budget_is_still_kept(cache_dir, monkeypatch):
    monkeypatch.setattr(datacache, "KIND_BUDGET", 10)
    datacache.store("demo", "big", "y" * 5000)
    assert datacache.load("demo", "big") == "y" * 5000

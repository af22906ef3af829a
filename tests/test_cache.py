"""The per-document result cache: hits give identical reports, any relevant
change misses, corrupted or planted entries are ignored."""

from __future__ import annotations

import json
import pickle

import pytest

from auditor.cache import DIR_NAME, ResultCache, run_key
from auditor.config import load_config
from auditor.runner import run

ARTICLE = "---\ndate: 2024-03-01\nsource: wire\n---\nThe minister arrived in Kiev on Monday, officials said.\n"


@pytest.fixture
def content(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(ARTICLE)
    (tmp_path / "b.md").write_text(ARTICLE.replace("Monday", "Tuesday"))
    return tmp_path


def _report(cli, *extra):
    code, out, err = cli("audit", ".", "--format", "json", "--no-history", "--jobs", "1", *extra)
    assert code in (0, 1), err
    return json.loads(out)


def test_second_run_is_served_from_the_cache_with_identical_results(content, cli):
    first = _report(cli)
    entries = list((content / DIR_NAME).rglob("*"))
    assert (content / DIR_NAME / ".gitignore").read_text().strip().endswith("*")
    assert len([p for p in entries if p.is_file() and p.parent.parent.parent.name == DIR_NAME]) == 2
    config = load_config(None)
    cache = ResultCache.for_config(config)
    result = run(["."], config, jobs=1, cache=cache)
    try:
        assert (cache.hits, cache.misses) == (2, 0)
        assert sum(len(d.findings) for d in result.documents()) == \
            sum(len(d["findings"]) for d in first["documents"])
    finally:
        result.close()
    assert _report(cli) == first
    assert _report(cli, "--no-cache") == first


def test_changes_miss(content):
    config = load_config(None)
    base = run_key(config)
    assert run_key(load_config(None, {"select": ["places"]})) != base
    assert run_key(load_config(None, {"house_style": {"variety": "en-US"}})) != base
    cache = ResultCache.for_config(config)
    run(["."], config, jobs=1, cache=cache).close()
    (content / "a.md").write_text(ARTICLE.replace("Kiev", "Kyiv"))
    cache = ResultCache.for_config(config)
    result = run(["."], config, jobs=1, cache=cache)
    result.close()
    assert (cache.hits, cache.misses) == (1, 1)


def test_corrupted_entries_are_misses(content, cli):
    first = _report(cli)
    for entry in (content / DIR_NAME).rglob("*"):
        if entry.is_file() and entry.parent.parent.parent.name == DIR_NAME:
            entry.write_bytes(entry.read_bytes()[:40])
    assert _report(cli) == first


def test_planted_pickles_cannot_run_code(content, tmp_path):
    config = load_config(None)
    cache = ResultCache.for_config(config)
    run(["."], config, jobs=1, cache=cache).close()
    marker = tmp_path / "pwned"

    class Evil:
        def __reduce__(self):
            return (open, (str(marker), "w"))

    for entry in (content / DIR_NAME).rglob("*"):
        if entry.is_file() and entry.parent.parent.parent.name == DIR_NAME:
            data = entry.read_bytes()
            header = data[:len(b"AUDITOR-CACHE-1\n") + 64]
            entry.write_bytes(header + pickle.dumps(([Evil()], {}, {}, 1)))
    cache = ResultCache.for_config(config)
    result = run(["."], config, jobs=1, cache=cache)
    result.close()
    assert not marker.exists()
    assert cache.hits == 0 and cache.misses == 2


def test_unwritable_cache_folder_disables_caching(content):
    (content / DIR_NAME).write_text("not a folder")
    cache = ResultCache.for_config(load_config(None))
    assert not cache.enabled
    result = run(["."], load_config(None), jobs=1, cache=cache)
    try:
        assert result.document_count == 2
    finally:
        result.close()


def test_corpus_rules_still_see_cached_documents(content, cli):
    """Corpus findings need every document's observations: equal with and without the cache."""
    for i in range(3):
        (content / f"c{i}.md").write_text(ARTICLE.replace("wire", f"paper{i}"))
    first = _report(cli)
    config = load_config(None)
    cache = ResultCache.for_config(config)
    run(["."], config, jobs=1, cache=cache).close()
    assert (cache.hits, cache.misses) == (5, 0)  # every rule's observations survive the round trip
    assert _report(cli) == first

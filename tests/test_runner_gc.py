"""A run collects the young GC generation less often, and gives the
caller's thresholds back afterwards (auditor.runner._fewer_collections)."""

from __future__ import annotations

import gc

import pytest

from auditor.config import load_config
from auditor.errors import InputError
from auditor.rules.translation.untranslated import Untranslated
from auditor.runner import GC_YOUNG_THRESHOLD, run

CONFIG = {"select": ["translation.untranslated"]}


@pytest.fixture
def default_thresholds():
    previous = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*previous)


def test_rules_run_with_the_raised_threshold_and_it_is_restored(tmp_path, monkeypatch, default_thresholds):
    seen: list[tuple[int, int, int]] = []
    original = Untranslated.check

    def check(self, doc):
        seen.append(gc.get_threshold())
        return original(self, doc)

    monkeypatch.setattr(Untranslated, "check", check)
    (tmp_path / "a.txt").write_text("The council met on Monday.", encoding="utf-8")
    run([str(tmp_path / "a.txt")], load_config(None, CONFIG), jobs=1).close()
    assert seen == [(GC_YOUNG_THRESHOLD, 10, 10)]
    assert gc.get_threshold() == (700, 10, 10)


def test_thresholds_are_restored_when_the_run_fails(tmp_path, default_thresholds):
    with pytest.raises(InputError):
        run([str(tmp_path / "missing.txt")], load_config(None, CONFIG), jobs=1)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_threshold_of_the_caller_is_kept(tmp_path, monkeypatch):
    previous = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD * 2, 10, 10)
    try:
        seen: list[int] = []
        monkeypatch.setattr(Untranslated, "check", lambda self, doc: seen.append(gc.get_threshold()[0]) or iter(()))
        (tmp_path / "a.txt").write_text("The council met on Monday.", encoding="utf-8")
        run([str(tmp_path / "a.txt")], load_config(None, CONFIG), jobs=1).close()
        assert seen == [GC_YOUNG_THRESHOLD * 2]
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD * 2, 10, 10)
    finally:
        gc.set_threshold(*previous)

"""The local runner lets every rule build its lazy data before it forks the
workers (Rule.warm_up), so the workers share one copy of it."""

from __future__ import annotations

import json
import os

from auditor.config import load_config
from auditor.registry import build_rules
from auditor.rules.base import Context
from auditor.rules.translation import untranslated
from auditor.rules.translation.untranslated import Untranslated
from auditor.runner import CHUNK_DOCS, SMALL_RUN_CHUNKS, run


def _archive(tmp_path, rows: int):
    path = tmp_path / "archive.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i in range(rows):
            fh.write(json.dumps({"id": str(i), "source": "Paper", "text": f"The council met on day {i}. It voted."}) + "\n")
    return path


def test_rules_warm_up_in_the_parent_before_a_parallel_run(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(Untranslated, "warm_up", lambda self: calls.append(os.getpid()))
    path = _archive(tmp_path, CHUNK_DOCS * (SMALL_RUN_CHUNKS + 2))
    result = run([str(path)], load_config(None, {"select": ["translation.untranslated"]}), jobs=2)
    result.close()
    assert calls == [os.getpid()]


def test_no_warm_up_for_a_run_in_one_process(tmp_path, monkeypatch):
    calls: list[int] = []
    monkeypatch.setattr(Untranslated, "warm_up", lambda self: calls.append(os.getpid()))
    result = run([str(_archive(tmp_path, 5))], load_config(None, {"select": ["translation.untranslated"]}), jobs=2)
    result.close()
    assert calls == []


def test_untranslated_warm_up_loads_the_language_profiles():
    untranslated._factory.cache_clear()
    config = load_config(None, {"select": ["translation.untranslated"]})
    (rule,) = build_rules(config, Context(config))
    rule.warm_up()
    assert untranslated._factory.cache_info().currsize == 1


def test_misspelled_warm_up_builds_its_word_list_of_established_names():
    from auditor.lexicon import words_above

    config = load_config(None, {"select": ["names.misspelled"]})
    (rule,) = build_rules(config, Context(config))
    words_above.cache_clear()
    rule.warm_up()
    assert words_above.cache_info().currsize == 1
    assert "smith" in words_above(rule._established_zipf)

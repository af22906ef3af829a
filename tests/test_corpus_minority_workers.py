"""names.corpus-minority observes the same document the same way in every
worker process, whatever else that process has seen: with ``--jobs 2`` the
split of documents between workers changes from run to run, and so did the
counts in the rule's messages."""

from __future__ import annotations

from auditor.config import load_config
from auditor.registry import build_rules
from auditor.rules.base import Context
from auditor.testing import make_document

# "Assad" stands only inside "al-Assad" here: no standalone use of the form
TEXT = ("Syrian President Bashar al-Assad met envoys in Damascus with Sergei Lavrov. Lavrov said the talks "
        "were useful. Later al-Assad left for Moscow.")


def _rule():
    config = load_config(None, {"select": ["names.corpus-minority"]})
    (rule,) = build_rules(config, Context(config))
    return rule


def _uses(observation):
    return sorted((u.form, u.count, u.firsts) for u in observation or ())


def test_a_use_counts_alike_in_a_fresh_and_in_a_busy_worker():
    doc = make_document("---\nsource: paper\n---\n" + TEXT)
    fresh, busy = _rule(), _rule()
    for form in ("Assad", "Lavrov", "Sergei", "Damascus", "Moscow"):
        busy._seen[form] = 1_000  # this process has met these forms in many documents already
    seen_fresh, seen_busy = fresh.observe(doc), busy.observe(doc)
    assert _uses(seen_fresh) == _uses(seen_busy)
    # only the location differs: a form this frequent in one process is never a minority
    assert any(u.loc is not None for u in seen_fresh)
    assert all(u.loc is None for u in seen_busy if u.form == "Lavrov")
    assert "Assad" not in {u.form for u in seen_busy}

"""Every rule's documentation examples run as tests.

A rule's "Flags:" examples must produce at least one finding of that rule
and its "Passes:" examples none: the documentation cannot drift from the
behaviour, and no rule ships without both kinds of example.
"""

from __future__ import annotations

import pytest

from auditor.config import load_config
from auditor.model import Severity
from auditor.registry import available_rules
from auditor.rules.docs import examples, rule_doc
from auditor.testing import run_on_texts

RULES = available_rules(load_config(None))


def _enabled(rule_id: str) -> dict | None:
    """Opt-in rules (off by default) are switched on to run their examples."""
    if RULES[rule_id].default_severity is Severity.OFF:
        return {"rules": {rule_id: {"severity": "info"}}}
    return None


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_has_documentation_and_both_kinds_of_example(rule_id):
    cls = RULES[rule_id]
    assert rule_doc(cls).strip(), f"{rule_id} has no documentation"
    found = examples(cls)
    assert any(e.flags for e in found), f"{rule_id} has no 'Flags:' example"
    assert any(not e.flags for e in found), f"{rule_id} has no 'Passes:' example"


@pytest.mark.parametrize("rule_id", sorted(RULES))
def test_rule_examples_behave_as_documented(rule_id):
    cls = RULES[rule_id]
    for example in examples(cls):
        findings = [f for f in run_on_texts(list(example.documents), select=[rule_id], overrides=_enabled(rule_id))
                    if f.rule == rule_id]
        if example.flags:
            assert findings, f"{rule_id}: expected a finding for example {example.documents!r}"
        else:
            assert not findings, f"{rule_id}: unexpected {[(f.text, f.message) for f in findings]} " \
                                 f"for example {example.documents!r}"

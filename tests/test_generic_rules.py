"""The YAML rule types: existence, substitution, consistency, and safe patterns."""

from __future__ import annotations

import time

import pytest

from auditor.errors import ConfigError
from auditor.registry import _yaml_rules_from
from auditor.testing import run_on_texts


def pack(tmp_path, body: str) -> str:
    path = tmp_path / "pack.yml"
    path.write_text("rules:\n" + body, encoding="utf-8")
    return str(path)


def run(tmp_path, body: str, texts: list[str]):
    return run_on_texts(texts, overrides={"packs": [pack(tmp_path, body)], "select": ["house"], "knowledge": []})


SUBSTITUTION = """
  - id: house.ministry
    type: substitution
    summary: UK ministry spelling
    message: "Use '{suggestion}', not '{match}'"
    swap: {"Ministry of Defense": "Ministry of Defence", "colour[s]?": "color"}
    exceptions: ['Israel(?:i|'')s? Ministry of Defense']
"""


def test_substitution_suggests_and_respects_exceptions(tmp_path):
    findings = run(tmp_path, SUBSTITUTION, ["The UK Ministry of Defense said. Israel's Ministry of Defense agreed."])
    assert [(f.text, f.suggestion, f.start) for f in findings] == [("Ministry of Defense", "Ministry of Defence", 7)]


def test_regex_substitution(tmp_path):
    body = SUBSTITUTION.replace('{"Ministry of Defense": "Ministry of Defence", "colour[s]?": "color"}',
                                '{"colou?r(s)?": "shade"}').replace("  - id: house.ministry", "  - id: house.shade") \
        + "    regex: true\n"
    findings = run(tmp_path, body, ["Colours and colors."])
    assert [f.text for f in findings] == ["colors"]  # case-sensitive by default


CONSISTENCY = """
  - id: house.email
    type: consistency
    summary: email spelled two ways
    message: "'{match}' and '{majority}' both appear"
    sets: [[email, e-mail]]
"""


def test_consistency_flags_minority_and_ties_go_to_the_first_form(tmp_path):
    findings = run(tmp_path, CONSISTENCY, ["An email, an e-mail, another email.", "One e-mail and one email."])
    assert [(f.doc, f.text, f.suggestion) for f in findings] == [(0, "e-mail", "email"), (1, "e-mail", "email")]


def test_existence_whole_paragraph_and_longest_match(tmp_path):
    body = """
  - id: house.teaser
    type: existence
    summary: teaser lines
    message: "teaser: {match}"
    whole_paragraph: true
    tokens: ["Read more"]
    patterns: ['Read more: .+']
"""
    findings = run(tmp_path, body, ["Intro.\nRead more: Another story here\nHe said we should read more: books."])
    assert [f.text for f in findings] == ["Read more: Another story here"]


@pytest.mark.parametrize("pattern,message", [
    ("(a)\\1", "no backreferences"),
    ("(?=x)y", "invalid pattern"),
    ("x*", "matches the empty string"),
])
def test_unsafe_or_useless_patterns_are_config_errors(tmp_path, pattern, message):
    body = f"""
  - id: house.bad
    type: existence
    summary: bad
    message: bad
    patterns: ['{pattern}']
"""
    with pytest.raises(ConfigError, match="rule house.bad") as err:
        _yaml_rules_from(pack(tmp_path, body))
    assert message in str(err.value) and "\n" not in str(err.value)


def test_catastrophic_pattern_runs_in_linear_time(tmp_path):
    body = """
  - id: house.evil
    type: existence
    summary: evil
    message: evil
    patterns: ['(a+)+$']
"""
    start = time.process_time()
    findings = run(tmp_path, body, ["a" * 50_000 + "!"])
    assert findings == [] and time.process_time() - start < 30  # a backtracking engine would never finish


def test_spec_errors_name_the_rule_and_field(tmp_path):
    body = """
  - id: house.typo
    type: existence
    summary: x
    message: x
    tokens: [x]
    severity: loud
"""
    with pytest.raises(ConfigError, match=r"rule house.typo: severity: .*unknown severity 'loud'"):
        _yaml_rules_from(pack(tmp_path, body))

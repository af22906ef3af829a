"""Configuration: discovery, extends, merging, and one-line errors with positions."""

from __future__ import annotations

import json

import pytest

from auditor.config import find_config, load_config
from auditor.errors import ConfigError


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def test_discovery_walks_up(tmp_path):
    cfg = write(tmp_path / ".auditor.yml", "fail_on: warning\n")
    (tmp_path / "a" / "b").mkdir(parents=True)
    assert find_config(tmp_path / "a" / "b") == cfg
    assert load_config(cfg).fail_on.value == "warning"


def test_extends_builtin_and_file_later_wins(tmp_path):
    write(tmp_path / "base.yml", "house_style: {variety: en-US}\nrules: {boilerplate.player: {severity: info}}\n")
    cfg = write(tmp_path / ".auditor.yml",
                "extends: [builtin:newsroom, base.yml]\nrules: {boilerplate.player: {severity: error}}\n")
    config = load_config(cfg)
    assert config.house_style.variety == "en-US"  # base.yml came after newsroom
    assert config.rules["boilerplate.player"].severity.value == "error"


def test_lists_replace_unless_they_inherit(tmp_path):
    extra = write(tmp_path / "extra.yml", "rules: []\n")
    keep = load_config(write(tmp_path / "k.yml", f"packs: ['...', {extra.name}]\n"))
    assert keep.packs[:2] == ["boilerplate", "consistency"] and keep.packs[-1] == str(extra)
    replace = load_config(write(tmp_path / "r.yml", "packs: [boilerplate]\n"))
    assert replace.packs == ["boilerplate"]


@pytest.mark.parametrize("text,expected", [
    ("fail_on: loud\n", ":1:1: fail_on: unknown severity 'loud'"),
    ("rules:\n  boilerplate.player:\n    severity: 7\n", ":3:5: rules.boilerplate.player.severity"),
    ("house_style:\n  variety: en-AU\n", ":2:3: house_style.variety: Input should be 'en-GB' or 'en-US'"),
    ("bogus_key: 1\n", ":1:1: bogus_key: Extra inputs are not permitted"),
    ("rules: [1, 2\n", ": invalid YAML"),
    ("- a\n- b\n", ":1:1: a config file must be a mapping"),
    ("extends: [builtin:nope]\n", "unknown built-in rule set 'builtin:nope'"),
])
def test_invalid_config_is_one_line_with_position(tmp_path, text, expected):
    cfg = write(tmp_path / ".auditor.yml", text)
    with pytest.raises(ConfigError) as err:
        load_config(cfg)
    message = str(err.value)
    assert "\n" not in message
    assert expected in message, message


def test_extends_cycle_is_an_error(tmp_path):
    write(tmp_path / "a.yml", "extends: [b.yml]\n")
    write(tmp_path / "b.yml", "extends: [a.yml]\n")
    with pytest.raises(ConfigError, match="extends cycle"):
        load_config(tmp_path / "a.yml")


def test_select_and_ignore_by_prefix():
    config = load_config(None, {"select": ["names", "boilerplate.player"], "ignore": ["names.inconsistent"]})
    assert config.is_selected("names.misspelled")
    assert config.is_selected("boilerplate.player")
    assert not config.is_selected("boilerplate.related-link")
    assert not config.is_selected("names.inconsistent")


def test_config_commands(cli, tmp_path):
    code, out, _ = cli("config", "schema")
    schema = json.loads(out)
    assert code == 0 and "house_style" in schema["properties"] and "origin" not in schema["properties"]
    cfg = write(tmp_path / ".auditor.yml", "fail_on: info\n")
    code, out, _ = cli("config", "show", str(tmp_path))
    assert code == 0 and "fail_on: info" in out and str(cfg) in out


def test_unknown_rule_in_config_is_reported(cli, tmp_path):
    write(tmp_path / ".auditor.yml", "rules: {names.mispeled: {severity: error}}\n")
    (tmp_path / "a.txt").write_text("Text.", encoding="utf-8")
    code, out, err = cli("audit", str(tmp_path))
    assert code == 2 and err.count("\n") == 1 and "rules.names.mispeled: unknown rule id" in err

"""python -m auditor.knowledge.build regenerates the generated packs reproducibly."""

from __future__ import annotations

from pathlib import Path

import pytest

from auditor.knowledge.base import read_pack
from auditor.knowledge.build import build, clean_name
from auditor.resources import rules_dir

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def _data() -> Path:
    if not (DATA / "officeholders").is_dir():
        pytest.skip(f"shared data not available: {DATA}")
    return DATA


def test_clean_name_moves_initials_and_suffixes_to_aliases():
    assert clean_name("Mark T. Esper") == ("Mark Esper", ["Mark T. Esper"])
    assert clean_name("Thomas A. Shannon, Jr.") == ("Thomas Shannon", ["Thomas A. Shannon, Jr.", "Thomas A. Shannon"])
    assert clean_name("Joe Biden") == ("Joe Biden", [])
    assert clean_name("João Lourenço (politician)")[0] == "João Lourenço"


def test_build_is_reproducible_and_matches_the_committed_packs(tmp_path: Path):
    data = _data()
    first, second = tmp_path / "a", tmp_path / "b"
    counts = build(data, first)
    build(data, second)
    for name in ("people_generated.yml", "offices_generated.yml"):
        assert (first / name).read_bytes() == (second / name).read_bytes()
        committed = rules_dir() / "knowledge" / name
        assert (first / name).read_text(encoding="utf-8") == committed.read_text(encoding="utf-8"), (
            f"{name} is stale: run python -m auditor.knowledge.build")
    assert counts["people"] > 1000 and counts["offices"] > 100


def test_generated_packs_validate_and_hold_the_expected_people(tmp_path: Path):
    build(_data(), tmp_path)
    offices = read_pack(tmp_path / "offices_generated.yml")["offices"]
    people = read_pack(tmp_path / "people_generated.yml")["people"]
    by_name = {p["name"]: p for p in people}
    assert any(r.startswith("gb.foreign-secretary 2018-07-09..2019-07-24") for r in by_name["Jeremy Hunt"]["roles"])
    assert any(r.startswith("gb.defence-secretary 2023-08-31..2024-07-05") for r in by_name["Grant Shapps"]["roles"])
    # curated canonical names win over the source's spelling (same Wikidata id)
    assert "Volodymyr Zelensky" in by_name and "Volodymyr Zelenskyy" in by_name["Volodymyr Zelensky"]["aliases"]
    # monarchs "of" a country have no surname to match alone
    assert by_name["Abdullah II of Jordan"]["surnames"] == []
    assert "jo.king" in offices

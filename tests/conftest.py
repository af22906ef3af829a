"""Shared fixtures: repository paths and a CLI runner."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED_DATA = REPO.parent / "shared" / "data"
SEEDS = REPO / "seeds"


@pytest.fixture
def cli(capsys):
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""
    from auditor.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        code = main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not available: {path}")
    return path


sys.path.insert(0, str(REPO))


def news_findings(date: str, text: str, rules: list[str]):
    """Findings of ``rules`` on one dated paragraph, with every built-in
    knowledge pack (the entity rules' 2024-2026 news paragraphs)."""
    from auditor.config import Config
    from auditor.testing import run_on_texts

    config = Config(knowledge=["people", "offices", "people_generated", "offices_generated", "places_generated",
                               "places"], select=rules)
    return run_on_texts([f"---\ndate: {date}\n---\n{text}"], config=config)

"""The Dask engine gives exactly the local engine's report."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys

import pytest

from conftest import SEEDS, shared_data

pytest.importorskip("distributed")


def audit_json(*args: str) -> str:
    proc = subprocess.run([sys.executable, "-m", "auditor", "audit", *args, "--format", "json",
                           "--no-cache", "--no-history", "--no-progress"], capture_output=True, text=True)
    assert proc.returncode in (0, 1), proc.stderr
    return proc.stdout


def test_dask_matches_local_on_seeds():
    local = audit_json(str(SEEDS))
    dask = audit_json(str(SEEDS), "--engine", "dask", "--jobs", "2")
    assert dask == local
    assert len(json.loads(dask)["documents"]) == 5


def test_dask_matches_local_on_an_archive_sample(tmp_path):
    archive = shared_data("allsides_news_baly2020", "allsides_articles_50MB.jsonl")
    sample = tmp_path / "sample.jsonl"
    with archive.open(encoding="utf-8") as src, sample.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 500))
    local = audit_json(str(sample), "--jobs", "2")
    dask = audit_json(str(sample), "--engine", "dask", "--jobs", "2")
    assert dask == local
    assert len(json.loads(dask)["documents"]) == 500


def test_scheduler_needs_dask_engine(cli):
    code, _, err = cli("audit", str(SEEDS), "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--scheduler needs --engine dask" in err

"""End to end on a throwaway git content repository: baseline, a new
article with a misspelled name, --changed-since, --diff-only, fix, and the
pre-commit hook."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import REPO

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

OLD = {
    "kyiv-visit.md": "---\ndate: 2024-12-18\n---\n# Kiev visit\n\nThe minister travelled to Kiev on Monday. "
                     "Officials said the talks went well, citing anonymous sources.\n",
    "budget.md": "---\ndate: 2025-01-10\n---\nPrime Minister Keir Starmer spoke in London about the budget "
                 "on Tuesday.\n",
}
NEW = ("---\ndate: 2025-02-01\n---\nDefence Secretary John Healey visited Kyiv on Saturday.\n\n"
       "He met soldiers at a training base. Healy said the support would continue.\n")


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org",
           "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    return subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True, text=True).stdout


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    (tmp_path / "content").mkdir()
    for name, text in OLD.items():
        (tmp_path / "content" / name).write_text(text)
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "articles")
    return tmp_path


def test_baseline_changed_since_and_fix(repo, cli):
    code, _, err = cli("baseline", "create", "content", "-o", ".auditor-baseline.json")
    assert code == 0, err
    baselined = json.loads((repo / ".auditor-baseline.json").read_text())["files"]
    assert baselined, "the old articles have findings to baseline"
    code, _, err = cli("audit", "content", "--baseline", ".auditor-baseline.json", "--no-history")
    assert code == 0, err

    (repo / "content" / "healey.md").write_text(NEW)
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "new article")

    code, out, err = cli("audit", "content", "--baseline", ".auditor-baseline.json", "--format", "sarif",
                         "--no-history")
    assert code == 1, err
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 1, [(r["ruleId"], r["message"]["text"]) for r in results]
    result = results[0]
    assert result["ruleId"] == "names.misspelled" and result["level"] == "error"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"]["uri"] == "content/healey.md"
    lines = NEW.split("\n")
    line = next(i for i, text in enumerate(lines, 1) if "Healy said" in text)
    assert location["region"]["startLine"] == line
    assert location["region"]["startColumn"] == lines[line - 1].index("Healy") + 1
    assert location["region"]["snippet"]["text"] == "Healy"
    assert "Healey" in result["message"]["text"]

    code, out, err = cli("audit", "content", "--changed-since", "HEAD~1", "--format", "json", "--no-history")
    docs = json.loads(out)["documents"]
    assert [Path(d["path"]).as_posix() for d in docs] == ["content/healey.md"]
    assert code == 1

    code, _, err = cli("fix", "content")
    assert code == 0, err
    assert "Healey said the support" in (repo / "content" / "healey.md").read_text()
    fixed_once = {p.name: p.read_bytes() for p in (repo / "content").iterdir()}
    code, _, err = cli("fix", "content")
    assert code == 0 and "fixed 0 findings in 0 files" in err
    assert {p.name: p.read_bytes() for p in (repo / "content").iterdir()} == fixed_once
    code, out, err = cli("audit", "content/healey.md", "--select", "names", "--format", "json", "--no-history")
    assert code == 0 and json.loads(out)["documents"][0]["findings"] == []


def test_diff_only_keeps_findings_on_changed_lines(repo, cli):
    path = repo / "content" / "kyiv-visit.md"
    path.write_text(OLD["kyiv-visit.md"] + "\nShe later left Kiev by train.\n")
    code, out, err = cli("audit", "content", "--diff-only", "--select", "places.house-style", "--format", "json",
                         "--fail-on", "warning", "--no-history")
    findings = [(Path(d["path"]).name, f["line"]) for d in json.loads(out)["documents"] for f in d["findings"]]
    assert findings == [("kyiv-visit.md", 8)], err
    assert code == 1
    (repo / "content" / "untracked.md").write_text("---\ndate: 2024-12-18\n---\nIn Kiev.\n")
    code, out, err = cli("audit", "content", "--changed-since", "HEAD", "--diff-only", "--select",
                         "places.house-style", "--format", "json", "--no-history")
    findings = sorted((Path(d["path"]).name, f["line"]) for d in json.loads(out)["documents"] for f in d["findings"])
    assert findings == [("kyiv-visit.md", 8), ("untracked.md", 4)]


def test_git_options_outside_a_repository_are_one_line_errors(tmp_path, cli, monkeypatch):
    outside = tmp_path / "plain"
    outside.mkdir()
    monkeypatch.chdir(outside)
    (outside / "a.md").write_text("text\n")
    code, _, err = cli("audit", ".", "--changed-since", "HEAD~1", "--no-history")
    assert code == 2 and "not a git repository" in err and err.count("\n") == 1


def test_unknown_ref_is_an_error(repo, cli):
    code, _, err = cli("audit", "content", "--changed-since", "no-such-branch", "--no-history")
    assert code == 2 and "unknown git ref 'no-such-branch'" in err


@pytest.mark.skipif(shutil.which("pre-commit") is None and not (Path(sys.executable).parent / "pre-commit").exists(),
                    reason="pre-commit is not installed")
def test_pre_commit_try_repo_runs_the_hook(repo):
    """pre-commit installs this checkout into its own environment and runs the hook."""
    if os.environ.get("AUDITOR_SKIP_PRE_COMMIT"):
        pytest.skip("AUDITOR_SKIP_PRE_COMMIT is set")
    exe = shutil.which("pre-commit") or str(Path(sys.executable).parent / "pre-commit")
    (repo / "content" / "healey.md").write_text(NEW)
    git(repo, "add", ".")
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    proc = subprocess.run([exe, "try-repo", str(REPO), "auditor", "--all-files"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900)
    output = proc.stdout + proc.stderr
    if "Could not find a version" in output or "Network is unreachable" in output:
        pytest.skip("pre-commit could not install the hook's dependencies (offline)")
    assert proc.returncode == 1, output
    assert "names.misspelled" in output and "healey.md" in output


def test_baseline_with_diff_only_does_not_call_unchanged_findings_fixed(repo, cli):
    cli("baseline", "create", "content", "--select", "places.house-style", "--no-cache")
    path = repo / "content" / "kyiv-visit.md"
    path.write_text(OLD["kyiv-visit.md"] + "\nShe later left Kiev by train.\n")
    code, out, err = cli("audit", "content", "--diff-only", "--baseline", ".auditor-baseline.json", "--select",
                         "places.house-style", "--format", "json", "--fail-on", "warning", "--no-history")
    findings = [(Path(d["path"]).name, f["line"]) for d in json.loads(out)["documents"] for f in d["findings"]]
    assert findings == [("kyiv-visit.md", 8)]
    assert "1 new finding, 2 baselined, 0 fixed" in err
    assert code == 1


def test_missing_baseline_fails_before_the_run(repo, cli):
    code, out, err = cli("audit", "content", "--baseline", "nope.json", "--no-history")
    assert code == 2 and out == "" and "no such file" in err

"""Safety: YAML is data, and input cannot steer where auditor writes.

* Every YAML file auditor reads (config, ``extends`` targets, rule packs,
  knowledge packs, manifests, front matter) goes through a safe loader: a
  ``!!python/...`` tag is an error naming the file and line (or, in front
  matter, a warning and the front matter is ignored), and never runs code.
* Paths that come from input (archive row ids, front matter, config
  globs) never become output paths: a run writes only the ``--output`` file
  it was given (plus its own cache and history folders when enabled), and
  ``fix`` never rewrites archives or stdin.
* ``--output`` through a symlink replaces the link, never writes through it.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from auditor.cli import main

TEXT = "Foreign Secretary David Lammy spoke in Kyiv. Lamy said Kiev was calm.\n"
TAG = "!!python/object/apply:os.system ['touch {marker}']"


def _run(*args: str) -> tuple[int, str, str]:
    import io
    from contextlib import redirect_stderr, redirect_stdout

    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("CI", "1")
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    return tmp_path


def _one_error(code: int, err: str, *parts: str) -> None:
    lines = err.splitlines()
    assert code == 2 and len(lines) == 1 and lines[0].startswith("auditor: error: "), (code, err)
    for part in parts:
        assert part in lines[0], (part, lines[0])


@pytest.mark.parametrize("where", ["config", "extends", "pack", "knowledge", "manifest"])
def test_python_tags_in_yaml_are_rejected_not_run(project: Path, where: str) -> None:
    marker = project / "pwned"
    tag = TAG.format(marker=marker)
    files = {
        "config": ("cfg.yml", f"select: {tag}\n"),
        "extends": ("base.yml", f"ignore: {tag}\n"),
        "pack": ("pack.yml", f"rules: {tag}\n"),
        "knowledge": ("people.yml", f"people: {tag}\n"),
        "manifest": ("manifest.yml", f"documents: {tag}\n"),
    }
    name, content = files[where]
    (project / name).write_text(content, encoding="utf-8")
    config = {"config": "", "extends": "extends: [base.yml]\n", "pack": "packs: [pack.yml]\n",
              "knowledge": "knowledge: [people.yml]\n", "manifest": ""}[where]
    args = ["audit", "a.txt", "--format", "json", "--no-cache", "--no-history", "--jobs", "1"]
    if where != "config":
        (project / "cfg.yml").write_text(config, encoding="utf-8")
    args += ["--config", "cfg.yml"]
    code, _, err = _run(*args)
    _one_error(code, err, name, "python/object")
    assert not marker.exists()


def test_python_tag_in_front_matter_is_a_warning_and_never_runs(project: Path) -> None:
    marker = project / "pwned"
    (project / "b.md").write_text(f"---\nsource: {TAG.format(marker=marker)}\n---\n{TEXT}", encoding="utf-8")
    code, out, err = _run("audit", "b.md", "--format", "json", "--no-cache", "--no-history", "--jobs", "1")
    assert code in (0, 1), err
    assert err.count("auditor: warning: b.md:2:") == 1 and "python/object" in err
    assert json.loads(out)["documents"][0]["path"] == "b.md"
    assert not marker.exists()


def _tree(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*")}


def test_archive_ids_and_config_paths_never_become_output_paths(tmp_path: Path, monkeypatch) -> None:
    """Hostile ids, sources and config globs: only --output (and the cache) is written."""
    monkeypatch.setenv("CI", "1")
    outside = tmp_path / "etc"
    outside.mkdir()
    project = tmp_path / "project" / "deep"
    project.mkdir(parents=True)
    monkeypatch.chdir(project)
    rows = [
        {"id": "../../etc/x", "source": "../../etc/y", "title": "/etc/passwd", "url": "file:///etc/z", "text": TEXT},
        {"id": "/tmp/absolute", "source": "~/.ssh/id", "text": TEXT},
        {"id": "..\\..\\windows", "text": TEXT, "path": "../../etc/pwned.md"},
    ]
    (project / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    (project / "x.md").write_text(f"---\nid: ../../etc/fm\nsource: ../../etc/src\n---\n{TEXT}", encoding="utf-8")
    (project / ".auditor.yml").write_text(
        "sources:\n  - {path: '../../etc/*', source: x}\n  - {path: '/etc/*', source: y}\n"
        "exclude: ['../../etc/**', '/etc/**']\n", encoding="utf-8")
    (project / "out").mkdir()
    before_outside = _tree(outside)
    before = _tree(tmp_path)
    for fmt in ("json", "text"):
        code, _, err = _run("audit", "rows.jsonl", "x.md", "--format", fmt, "--output", f"out/report.{fmt}",
                            "--no-history", "--jobs", "1")
        assert code in (0, 1), err
    code, _, err = _run("fix", "rows.jsonl", "--no-cache", "--jobs", "1")
    assert code == 0, err
    assert _tree(outside) == before_outside
    created = _tree(tmp_path) - before
    allowed_prefixes = ("project/deep/out/report.", "project/deep/.auditor_cache")
    assert all(p.startswith(allowed_prefixes) for p in created), sorted(created)
    assert (project / "rows.jsonl").read_text(encoding="utf-8").count("Lamy") == 3  # archives are never rewritten
    report = json.loads((project / "out" / "report.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in report["documents"]][:3] == ["../../etc/x", "/tmp/absolute", "..\\..\\windows"]


def test_output_through_a_symlink_replaces_the_link(project: Path) -> None:
    target = project / "precious.txt"
    target.write_text("do not overwrite\n", encoding="utf-8")
    os.symlink(target, project / "report.json")
    code, _, err = _run("audit", "a.txt", "--format", "json", "--output", "report.json", "--no-cache",
                        "--no-history", "--jobs", "1")
    assert code in (0, 1), err
    assert target.read_text(encoding="utf-8") == "do not overwrite\n"
    assert not (project / "report.json").is_symlink()
    json.loads((project / "report.json").read_text(encoding="utf-8"))


def test_fix_does_not_follow_symlinked_articles_out_of_the_tree(tmp_path: Path, monkeypatch) -> None:
    """A symlink inside the audited folder that points outside it is not
    rewritten through (directory walks do not follow links; the file link
    itself is replaced atomically if it is fixed at all)."""
    monkeypatch.setenv("CI", "1")
    monkeypatch.chdir(tmp_path)
    outside = tmp_path / "outside.md"
    outside.write_text("---\ndate: 2024-11-27\n---\n" + TEXT, encoding="utf-8")
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "inner").symlink_to(tmp_path, target_is_directory=True)
    code, _, err = _run("fix", str(folder), "--no-cache", "--jobs", "1")
    assert code == 0, err
    assert outside.read_text(encoding="utf-8").endswith(TEXT)

"""Score history: migrations, one transaction per run, interruption, CLI."""

from __future__ import annotations

import contextlib
import io
import json
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from auditor.errors import InputError
from auditor.history import MIGRATIONS, SCHEMA_VERSION, History, default_path, resolve

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class Doc:
    ordinal: int
    path: str
    source: str
    words: int = 500
    score: float = 80.0
    id: str | None = None
    date: str | None = "2025-01-01"
    findings: list = field(default_factory=list)


SOURCES = [{"source": "a", "documents": 2, "words": 1000, "score": 71.5, "interval": [60.0, 80.0],
            "by_category": {"names": 2}, "lost": {"names": 28.5}}]


def dump(path: Path) -> list:
    """Every row of every table, to compare databases."""
    with sqlite3.connect(path) as db:
        tables = [r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
        return [(t, sorted(db.execute(f"SELECT * FROM {t}").fetchall(), key=repr)) for t in tables]


def test_new_database_is_at_the_latest_version(tmp_path):
    with History(tmp_path / "h.sqlite") as h:
        assert h.version() == SCHEMA_VERSION == MIGRATIONS[-1][0]
        assert [v for v, _, _ in MIGRATIONS] == sorted(v for v, _, _ in MIGRATIONS)


def test_old_database_is_migrated_in_order_and_keeps_its_rows(tmp_path):
    path = tmp_path / "h.sqlite"
    h = History.__new__(History)  # open without migrating, then build version 1 only
    h.path = path
    h.db = sqlite3.connect(str(path), isolation_level=None)
    assert h.migrate(target=1) == [1]
    h.db.execute("INSERT INTO runs (started, command, paths) VALUES ('2025-01-01T00:00:00Z', 'score', '[]')")
    h.db.execute("INSERT INTO source_scores (run_id, source, documents, words, score, low, high)"
                 " VALUES (1, 'a', 1, 100, 50.0, 40.0, 60.0)")
    assert h.version() == 1
    h.close()
    with History(path) as h2:  # opening migrates 2 and 3
        assert h2.version() == SCHEMA_VERSION
        rows = h2.source_history("a")
        assert rows[0]["score"] == 50.0 and rows[0]["lost"] == {}
        cols = [r[1] for r in h2.db.execute("PRAGMA table_info(source_scores)")]
        assert "lost" in cols
        assert h2.migrate() == []  # idempotent


def test_a_failing_migration_step_leaves_the_previous_version(tmp_path, monkeypatch):
    import auditor.history as history

    broken = [*MIGRATIONS, (SCHEMA_VERSION + 1, "broken", ["CREATE TABLE extra (x)", "THIS IS NOT SQL"])]
    monkeypatch.setattr(history, "MIGRATIONS", broken)
    monkeypatch.setattr(history, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with pytest.raises(InputError):
        History(tmp_path / "h.sqlite")
    with sqlite3.connect(tmp_path / "h.sqlite") as db:
        assert db.execute("SELECT version FROM schema_version").fetchone()[0] == SCHEMA_VERSION
        assert not db.execute("SELECT 1 FROM sqlite_master WHERE name='extra'").fetchone()


def test_newer_database_is_refused(tmp_path):
    path = tmp_path / "h.sqlite"
    History(path).close()
    with sqlite3.connect(path) as db:
        db.execute("UPDATE schema_version SET version = 99")
    with pytest.raises(InputError, match="newer"):
        History(path)


def test_not_a_database_is_one_clear_error(tmp_path):
    path = tmp_path / "h.sqlite"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(InputError, match="history database"):
        History(path)


def test_record_and_read_back(tmp_path):
    with History(tmp_path / "h.sqlite") as h:
        run = h.record(command="score", paths=["x"], documents=[Doc(0, "x/1.txt", "a"), Doc(1, "x/2.txt", "a")],
                       sources=SOURCES)
        assert run == 1
        row = h.db.execute("SELECT documents, words FROM runs WHERE id = 1").fetchone()
        assert row == (2, 1000)
        hist = h.source_history("a")
        assert hist[0]["interval"] == [60.0, 80.0] and hist[0]["lost"] == {"names": 28.5}
        h.record(command="audit", paths=["x"], documents=[], sources=[{**SOURCES[0], "score": 75.0}])
        latest = h.latest()
        assert latest == [{"source": "a", "run": 2, "started": latest[0]["started"], "score": 75.0,
                           "interval": [60.0, 80.0], "documents": 2, "words": 1000, "previous": 71.5, "runs": 2}]


def test_an_exception_mid_run_leaves_the_database_as_it_was(tmp_path):
    path = tmp_path / "h.sqlite"
    with History(path) as h:
        h.record(command="score", paths=["x"], documents=[Doc(0, "a.txt", "a")], sources=SOURCES)
    before = dump(path)

    def documents():
        yield Doc(0, "a.txt", "a")
        yield Doc(1, "b.txt", "a")
        raise RuntimeError("disk on fire")

    with History(path) as h, pytest.raises(RuntimeError):
        h.record(command="score", paths=["x"], documents=documents(), sources=SOURCES)
    assert dump(path) == before


def test_a_killed_process_mid_run_leaves_the_database_as_it_was(tmp_path):
    """The writer dies (os._exit, no cleanup) after inserting rows: SQLite's
    journal rolls the half-written run back on the next open."""
    path = tmp_path / "h.sqlite"
    with History(path) as h:
        h.record(command="score", paths=["x"], documents=[Doc(0, "a.txt", "a")], sources=SOURCES)
    before = dump(path)
    script = textwrap.dedent(f"""
        import os
        from dataclasses import dataclass, field
        from auditor.history import History

        @dataclass
        class Doc:
            ordinal: int
            path: str = "p"
            source: str = "a"
            words: int = 10
            score: float = 1.0
            id: str = None
            date: str = None
            findings: list = field(default_factory=list)

        def documents():
            for i in range(500):
                yield Doc(i)
            os._exit(3)

        h = History({str(path)!r})
        h.record(command="score", paths=["x"], documents=documents(), sources=[])
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 3, proc.stderr
    assert dump(path) == before
    with History(path) as h:
        assert h.run_count() == 1


def test_resolve_defaults(tmp_path, monkeypatch):
    class Cfg:
        root = str(tmp_path)

    assert resolve(None, False, Cfg(), ["a"], environ={}) == (tmp_path / ".auditor" / "history.sqlite", False)
    assert resolve(None, False, Cfg(), ["a"], environ={"CI": "true"}) == (None, False)
    assert resolve(None, False, Cfg(), ["a"], environ={"CI": "false"})[0] is not None
    assert resolve(tmp_path / "x.sqlite", False, Cfg(), ["a"], environ={"CI": "1"}) == (tmp_path / "x.sqlite", True)
    assert resolve(tmp_path / "x.sqlite", True, Cfg(), ["a"], environ={}) == (None, False)
    assert resolve(None, False, Cfg(), ["-"], environ={}) == (None, False)
    monkeypatch.chdir(tmp_path)

    class NoCfg:
        root = None

    assert default_path(NoCfg()) == tmp_path / ".auditor" / "history.sqlite"


def test_default_folder_ignores_itself_in_git(tmp_path):
    History(tmp_path / ".auditor" / "history.sqlite").close()
    assert (tmp_path / ".auditor" / ".gitignore").read_text().strip().endswith("*")


def cli(*args: str) -> tuple[int, str]:
    from auditor.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def test_score_and_audit_record_and_history_shows_them(tmp_path, monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".auditor.yml").write_text("sources:\n  - {path: 'news/**', source: daily}\n")
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("Listen to this article\n\nThe council met on Tuesday to approve the budget.\n")
    code, out = cli("score", str(news), "--format", "json")
    assert code == 0
    assert json.loads(out)["sources"][0]["source"] == "daily"
    db = tmp_path / ".auditor" / "history.sqlite"
    assert db.is_file()
    code, _ = cli("audit", str(news), "--format", "json")
    code, out = cli("history", "daily", "--format", "json")
    runs = json.loads(out)["runs"]
    assert [r["command"] for r in runs] == ["score", "audit"]
    code, out = cli("history")
    assert "daily" in out and code == 0
    code, _ = cli("score", str(news), "--no-history")
    with History(db) as h:
        assert h.run_count() == 2
    assert cli("history", "nope")[0] == 2


def test_ci_does_not_record_by_default(tmp_path, monkeypatch):
    monkeypatch.setenv("CI", "true")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("The council met on Tuesday to approve the budget.\n")
    assert cli("score", str(tmp_path / "a.txt"))[0] == 0
    assert not (tmp_path / ".auditor").exists()
    assert cli("score", str(tmp_path / "a.txt"), "--history", str(tmp_path / "h.sqlite"))[0] == 0
    assert (tmp_path / "h.sqlite").is_file()

"""Score history: every recorded audit or score run in an embedded SQLite file.

Where and when
    The default database is ``.auditor/history.sqlite`` next to the project's
    config file (``.auditor.yml``), or in the current directory when there is
    none; ``--history PATH`` picks another file, ``--no-history`` turns
    recording off. Recording is ON by default, because a newsroom wants the
    trend of its sources without remembering a flag, and OFF by default when
    the environment variable ``CI`` is set (GitHub Actions, GitLab CI and most
    CI services set it): a gate in a fresh clone throws the database away.
    ``--history PATH`` records even in CI. A run read only from stdin is not
    recorded unless ``--history`` is given. The ``.auditor`` folder is created
    with a ``.gitignore`` of ``*`` so it never shows up in ``git status``.

Schema migrations
    A ``schema_version`` table holds one row, the version; :data:`MIGRATIONS`
    is the ordered list of steps, each applied in its own transaction
    together with the version bump, so a database is always at exactly one
    known version. A database written by a newer auditor is refused.

Transactions
    One run is one transaction (``BEGIN IMMEDIATE`` ... ``COMMIT``): the run
    row, every document score and every source score, or nothing. An
    exception (or a killed process: SQLite's rollback journal) leaves the
    database exactly as it was before the run.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from auditor.errors import InputError

DEFAULT_DIR = ".auditor"
DEFAULT_NAME = "history.sqlite"

#: Ordered schema migrations: (version, description, statements).
MIGRATIONS: list[tuple[int, str, list[str]]] = [
    (1, "runs and source scores", [
        """CREATE TABLE runs (
               id INTEGER PRIMARY KEY,
               started TEXT NOT NULL,
               command TEXT NOT NULL,
               paths TEXT NOT NULL,
               config TEXT,
               version TEXT,
               documents INTEGER NOT NULL DEFAULT 0,
               words INTEGER NOT NULL DEFAULT 0,
               findings INTEGER NOT NULL DEFAULT 0)""",
        """CREATE TABLE source_scores (
               run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               source TEXT NOT NULL,
               documents INTEGER NOT NULL,
               words INTEGER NOT NULL,
               score REAL,
               low REAL,
               high REAL,
               by_category TEXT NOT NULL DEFAULT '{}',
               PRIMARY KEY (run_id, source))""",
    ]),
    (2, "document scores; index for one source's history", [
        """CREATE TABLE document_scores (
               run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
               ordinal INTEGER NOT NULL,
               path TEXT NOT NULL,
               doc_id TEXT,
               source TEXT,
               date TEXT,
               words INTEGER NOT NULL,
               score REAL,
               findings INTEGER NOT NULL,
               PRIMARY KEY (run_id, ordinal))""",
        "CREATE INDEX source_scores_by_source ON source_scores (source, run_id)",
    ]),
    (3, "points lost per category", [
        "ALTER TABLE source_scores ADD COLUMN lost TEXT NOT NULL DEFAULT '{}'",
    ]),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def default_path(config: Any | None) -> Path:
    """``.auditor/history.sqlite`` next to the config file, else in the cwd."""
    root = getattr(config, "root", None)
    base = Path(root) if root else Path.cwd()
    return base / DEFAULT_DIR / DEFAULT_NAME


def in_ci(environ: dict[str, str] | None = None) -> bool:
    value = (environ if environ is not None else os.environ).get("CI", "")
    return value.strip().lower() not in ("", "0", "false", "no")


def resolve(history: Path | None, no_history: bool, config: Any | None, paths: list[str],
            environ: dict[str, str] | None = None) -> tuple[Path | None, bool]:
    """Where to record this run (None: not at all) and whether the user asked
    for it explicitly (then failures are errors, not warnings)."""
    if no_history:
        return None, False
    if history is not None:
        return Path(history), True
    if in_ci(environ) or (paths and all(p == "-" for p in paths)):
        return None, False
    return default_path(config), False


class History:
    """An open history database (migrated to :data:`SCHEMA_VERSION`)."""

    def __init__(self, path: Path, *, create: bool = True) -> None:
        self.path = Path(path)
        if not self.path.exists():
            if not create:
                raise InputError(f"{self.path}: no history database (record one with 'auditor score')")
            _make_folder(self.path.parent)
        try:
            self.db = sqlite3.connect(str(self.path), timeout=30.0, isolation_level=None)
            self.db.execute("PRAGMA foreign_keys = ON")
            self.migrate()
        except sqlite3.DatabaseError as exc:
            raise InputError(f"{self.path}: cannot use history database: {exc}") from None

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> History:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------
    def version(self) -> int:
        exists = self.db.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'").fetchone()
        if not exists:
            return 0
        row = self.db.execute("SELECT version FROM schema_version").fetchone()
        return int(row[0]) if row else 0

    def migrate(self, target: int | None = None) -> list[int]:
        """Apply the missing steps in order (up to ``target``, default the
        latest); returns the versions applied."""
        target = SCHEMA_VERSION if target is None else target
        applied = []
        current = self.version()
        if current > SCHEMA_VERSION:
            raise InputError(f"{self.path}: history schema version {current} is newer than this "
                             f"auditor's ({SCHEMA_VERSION}); upgrade auditor")
        for version, _description, statements in MIGRATIONS:
            if version <= current or version > target:
                continue
            with self._transaction():
                if self.version() >= version:  # another process migrated meanwhile
                    continue
                self.db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
                for statement in statements:
                    self.db.execute(statement)
                self.db.execute("DELETE FROM schema_version")
                self.db.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
            applied.append(version)
        return applied

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # -- writing ------------------------------------------------------------------
    def record(
        self,
        *,
        command: str,
        paths: list[str],
        documents: Iterable[Any],
        sources: Iterable[dict[str, Any]],
        config: str | None = None,
        version: str | None = None,
        started: dt.datetime | None = None,
    ) -> int:
        """Record one run in one transaction; returns its id.

        ``documents`` yields objects with ``ordinal, path, id, source, date,
        words, score, findings`` (a :class:`~auditor.model.DocumentResult`);
        it is consumed inside the transaction, so an error while producing
        it leaves nothing behind.
        """
        started = started or dt.datetime.now(dt.timezone.utc)
        stamp = started.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        with self._transaction():
            cur = self.db.execute(
                "INSERT INTO runs (started, command, paths, config, version) VALUES (?, ?, ?, ?, ?)",
                (stamp, command, json.dumps(paths), config, version))
            run_id = int(cur.lastrowid)
            n_docs = n_words = n_findings = 0
            for d in documents:
                n_docs += 1
                n_words += int(d.words)
                n_findings += len(d.findings)
                self.db.execute(
                    "INSERT INTO document_scores (run_id, ordinal, path, doc_id, source, date, words, score, findings)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run_id, d.ordinal, d.path, d.id, d.source, d.date, d.words, d.score, len(d.findings)))
            for s in sources:
                low, high = (s.get("interval") or (None, None))
                self.db.execute(
                    "INSERT INTO source_scores (run_id, source, documents, words, score, low, high, by_category, lost)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (run_id, s["source"], s["documents"], s["words"], s.get("score"), low, high,
                     json.dumps(s.get("by_category") or {}, sort_keys=True),
                     json.dumps(s.get("lost") or {}, sort_keys=True)))
            self.db.execute("UPDATE runs SET documents = ?, words = ?, findings = ? WHERE id = ?",
                            (n_docs, n_words, n_findings, run_id))
        return run_id

    # -- reading ------------------------------------------------------------------
    def source_history(self, source: str) -> list[dict[str, Any]]:
        """One source's scores, oldest run first."""
        rows = self.db.execute(
            "SELECT r.id, r.started, r.command, s.score, s.low, s.high, s.documents, s.words, s.lost"
            " FROM source_scores s JOIN runs r ON r.id = s.run_id WHERE s.source = ? ORDER BY r.id",
            (source,)).fetchall()
        return [{"run": r[0], "started": r[1], "command": r[2], "score": r[3],
                 "interval": [r[4], r[5]], "documents": r[6], "words": r[7], "lost": json.loads(r[8])}
                for r in rows]

    def latest(self) -> list[dict[str, Any]]:
        """Every source's latest score, its previous one and its run count."""
        rows = self.db.execute(
            "SELECT s.source, r.id, r.started, s.score, s.low, s.high, s.documents, s.words"
            " FROM source_scores s JOIN runs r ON r.id = s.run_id ORDER BY s.source, r.id").fetchall()
        out: dict[str, dict[str, Any]] = {}
        for source, run_id, started, score, low, high, docs, words in rows:
            prev = out.get(source)
            out[source] = {"source": source, "run": run_id, "started": started, "score": score,
                           "interval": [low, high], "documents": docs, "words": words,
                           "previous": prev["score"] if prev else None,
                           "runs": (prev["runs"] if prev else 0) + 1}
        return list(out.values())

    def run_count(self) -> int:
        return int(self.db.execute("SELECT COUNT(*) FROM runs").fetchone()[0])


def _make_folder(folder: Path) -> None:
    """Create the folder; a new ``.auditor`` folder ignores itself in git."""
    new = not folder.exists()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if new and folder.name == DEFAULT_DIR:
            (folder / ".gitignore").write_text("# created by auditor: score history\n*\n", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{folder}: cannot create history folder: {exc.strerror or exc}") from None


def record_run(result: Any, *, command: str, paths: list[str], target: Path) -> int:
    """Record a :class:`~auditor.runner.RunResult` (scores computed here)."""
    from auditor import __version__

    config = ", ".join(result.config.origin) if result.config.origin else None
    with History(target) as history:
        return history.record(command=command, paths=paths, documents=result.documents(),
                              sources=result.sources(), config=config, version=__version__)

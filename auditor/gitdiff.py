"""Git awareness: ``--changed-since REF`` and ``--diff-only``.

``--changed-since REF`` audits only files changed since ``REF`` (``git diff
--name-only REF``, which includes uncommitted edits) plus untracked files
that are not ignored. ``--diff-only`` keeps only findings on lines changed
since ``REF`` (default ``HEAD``), from ``git diff -U0``; every line of an
untracked file counts as changed. Archive rows are kept whole (their lines
are lines of the row text, not of the file).
"""

from __future__ import annotations

import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from auditor.errors import UsageError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@")


def _git(args: list[str], cwd: Path) -> str:
    try:
        proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True,
                              encoding="utf-8", errors="surrogateescape", check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (needed by --changed-since/--diff-only)") from None
    if proc.returncode != 0:
        message = (proc.stderr.strip().splitlines() or ["failed"])[0]
        raise UsageError(f"git {' '.join(args[:2])}: {message}")
    return proc.stdout


def repo_root(start: Path) -> Path:
    folder = start if start.is_dir() else start.parent
    try:
        proc = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True,
                              text=True, check=False)
    except FileNotFoundError:
        raise UsageError("git is not installed (needed by --changed-since/--diff-only)") from None
    if proc.returncode != 0:
        raise UsageError(f"{folder}: not a git repository (--changed-since/--diff-only need one)")
    return Path(proc.stdout.strip()).resolve()


def _check_ref(root: Path, ref: str) -> None:
    if ref.startswith("-"):
        raise UsageError(f"invalid git ref {ref!r}")
    proc = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=root,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise UsageError(f"unknown git ref {ref!r}")


def _untracked(root: Path) -> set[Path]:
    out = _git(["ls-files", "--others", "--exclude-standard", "-z"], root)
    return {(root / p).resolve() for p in out.split("\0") if p}


def changed_files(ref: str, start: Path) -> set[Path]:
    """Absolute paths of existing files changed since ``ref`` or untracked."""
    root = repo_root(start)
    _check_ref(root, ref)
    out = _git(["diff", "--name-only", "-z", "--no-renames", ref, "--"], root)
    files = {(root / p).resolve() for p in out.split("\0") if p}
    files |= _untracked(root)
    return {f for f in files if f.is_file()}


def select_paths(paths: list[str], changed: set[Path], config: Any, warn: Callable[[str], None]) -> list[str]:
    """The files below ``paths`` (as discovery would find them) that changed."""
    from auditor.documents.discover import discover

    out: list[str] = []
    for target in paths:
        if target == "-":
            out.append(target)
            continue
        path = Path(target)
        if path.is_dir():
            out.extend(str(f) for f in discover(path, config, warn) if f.resolve() in changed)
        elif path.resolve() in changed:
            out.append(target)
    return out


def changed_lines(ref: str, start: Path) -> dict[Path, set[int] | None]:
    """Changed line numbers per file since ``ref`` (None: the whole file)."""
    root = repo_root(start)
    head_exists = subprocess.run(["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd=root,
                                 capture_output=True, check=False).returncode == 0
    if not head_exists:
        if ref != "HEAD":
            raise UsageError(f"unknown git ref {ref!r}")
        out = _git(["ls-files", "-z"], root)  # no commit yet: everything is new
        result: dict[Path, set[int] | None] = {(root / p).resolve(): None for p in out.split("\0") if p}
    else:
        result = {}
        diff = _git(["diff", "-U0", "--no-color", "--no-ext-diff", "--no-renames", ref, "--"], root)
        current: Path | None = None
        for line in diff.splitlines():
            if line.startswith("+++ "):
                name = line[4:]
                current = None if name == "/dev/null" else (root / _unquote(name).removeprefix("b/")).resolve()
                if current is not None:
                    result.setdefault(current, set())
            elif line.startswith("@@") and current is not None:
                m = _HUNK.match(line)
                if m:
                    first, count = int(m.group(1)), int(m.group(2) or 1)
                    lines = result[current]
                    if lines is not None:
                        lines.update(range(first, first + count))
    for path in _untracked(root):
        result[path] = None
    return result


def _unquote(name: str) -> str:
    if name.startswith('"') and name.endswith('"'):
        import codecs

        raw = codecs.escape_decode(name[1:-1].encode("utf-8", "surrogateescape"))[0]
        return raw.decode("utf-8", "replace")
    return name


def keep_changed(lines: dict[Path, set[int] | None]) -> Callable[[Any], list]:
    """A post-run filter (auditor.postfilter) keeping findings on changed lines."""
    from auditor.fingerprint import is_archive

    resolved: dict[str, Path] = {}

    def keep(doc: Any) -> list:
        if not doc.findings:
            return []
        if doc.path == "-" or is_archive(doc.path):
            return list(doc.findings)
        path = resolved.get(doc.path)
        if path is None:
            path = resolved[doc.path] = Path(os.path.abspath(doc.path)).resolve()
        if path not in lines:
            return []
        changed = lines[path]
        if changed is None:
            return list(doc.findings)
        return [f for f in doc.findings
                if any(n in changed for n in range(f.line, f.line + f.text.count("\n") + 1))]

    return keep

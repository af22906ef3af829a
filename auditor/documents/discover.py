"""Walk directories for articles: include/exclude globs and ignore files.

Hidden directories (``.git``, ``.venv``, ...) are never entered, symlinked
directories are not followed (no loops), and every ``.gitignore`` and
``.auditorignore`` met on the way applies below its folder, with gitignore
semantics. The order is sorted, so runs are reproducible.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pathspec is imported on first use: a one-file run never needs it
    import pathspec

from auditor.config import Config

IGNORE_FILES = (".gitignore", ".auditorignore")
SKIP_DIRS = {"node_modules", "__pycache__"}


def discover(root: Path, config: Config, warn: Callable[[str], None]) -> Iterator[Path]:
    import pathspec

    include = pathspec.GitIgnoreSpec.from_lines(config.include)
    exclude = pathspec.GitIgnoreSpec.from_lines(config.exclude)
    ignores: list[tuple[Path, pathspec.PathSpec]] = []

    def on_error(exc: OSError) -> None:
        warn(f"{exc.filename}: skipped: {exc.strerror or exc}")

    for folder, dirs, files in os.walk(root, onerror=on_error, followlinks=False):
        here = Path(folder)
        spec = _ignore_spec(here, warn)
        if spec is not None:
            ignores.append((here, spec))
        active = [(base, s) for base, s in ignores if base == here or base in here.parents]
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and d not in SKIP_DIRS
                         and not _ignored(here / d, active, is_dir=True))
        for name in sorted(files):
            path = here / name
            rel = path.relative_to(root).as_posix()
            if not include.match_file(rel) or exclude.match_file(rel):
                continue
            if _ignored(path, active, is_dir=False):
                continue
            yield path


def _ignore_spec(folder: Path, warn: Callable[[str], None]) -> pathspec.PathSpec | None:
    lines: list[str] = []
    for name in IGNORE_FILES:
        path = folder / name
        if path.is_file():
            try:
                lines.extend(path.read_text(encoding="utf-8", errors="replace").splitlines())
            except OSError as exc:
                warn(f"{path}: ignored: {exc.strerror or exc}")
    if not lines:
        return None
    import pathspec

    return pathspec.GitIgnoreSpec.from_lines(lines)


def _ignored(path: Path, active: list[tuple[Path, pathspec.PathSpec]], *, is_dir: bool) -> bool:
    for base, spec in active:
        rel = path.relative_to(base).as_posix() + ("/" if is_dir else "")
        if spec.match_file(rel):
            return True
    return False

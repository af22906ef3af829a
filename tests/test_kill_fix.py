"""``auditor fix`` killed with SIGKILL at random points never leaves a half-written article.

A fix run rewrites many files; each write goes to a temporary file in the
same folder and is renamed over the article only when complete
(auditor/fileio.py). The test kills the process at random moments, with
most kill times packed around the end of the run where the writes happen,
and checks after every kill that each article is byte for byte either its
original or its fully fixed version.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

FILES = 60
ARTICLE = (
    "---\ndate: 2024-11-27\nsource: kill-test\n---\n"
    "Foreign Secretary David Lammy arrived in Kyiv on Tuesday. {n}\n\n"
    "Lamy said the talks in Kiev had gone well, and that Kiev would host the next round.\n\n"
    "{filler}\n"
)


def _write_articles(folder: Path) -> dict[str, bytes]:
    folder.mkdir(parents=True, exist_ok=True)
    originals = {}
    for i in range(FILES):
        filler = " ".join(f"Paragraph {i} sentence {j} is ordinary prose about the budget." for j in range(15))
        data = ARTICLE.format(n=f"Report number {i}.", filler=filler).encode("utf-8")
        (folder / f"article-{i:03d}.md").write_bytes(data)
        originals[f"article-{i:03d}.md"] = data
    return originals


def _fix(folder: Path, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "CI": "1"}
    return subprocess.Popen([sys.executable, "-m", "auditor", "fix", str(folder), "--no-cache", "--jobs", "1"],
                            cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_sigkill_during_fix_leaves_each_file_original_or_fully_fixed(tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    originals = _write_articles(reference)
    started = time.perf_counter()
    proc = _fix(reference, tmp_path)
    _, err = proc.communicate(timeout=600)
    duration = time.perf_counter() - started
    assert proc.returncode == 0, err.decode()
    fixed = {name: (reference / name).read_bytes() for name in originals}
    changed = [name for name in originals if fixed[name] != originals[name]]
    assert len(changed) == FILES, "every article has something to fix"
    assert b"Lammy said the talks in Kyiv" in fixed["article-000.md"]

    mtimes = sorted((reference / name).stat().st_mtime for name in originals)
    window = max(mtimes[-1] - mtimes[0], 0.005)  # how long the writing phase lasted
    rng = random.Random(int(os.environ.get("KILL_TEST_SEED", "8")))
    work = tmp_path / "work"
    states = []
    for attempt in range(5):
        shutil.rmtree(work, ignore_errors=True)
        _write_articles(work)
        proc = _fix(work, tmp_path)
        if attempt == 0:  # anywhere in the run
            delay = rng.uniform(0.1, duration)
            time.sleep(delay)
        else:  # inside the writing phase: wait for the first write, then a random part of the window
            delay = rng.uniform(0, window * 1.2)
            _wait_for_first_write(work, originals, proc)
            time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        done = 0
        for name, original in originals.items():
            data = (work / name).read_bytes()
            assert data in (original, fixed[name]), f"attempt {attempt}: {name} is neither original nor fixed"
            done += data == fixed[name]
        leftovers = [p.name for p in work.iterdir() if p.name not in originals]
        assert all(n.startswith(".article-") and n.endswith(".tmp") for n in leftovers), leftovers
        states.append((round(delay, 3), proc.returncode, done))
    print("kill states (delay, exit, files fixed):", states)
    killed = [s for s in states if s[1] == -signal.SIGKILL]
    if not killed:
        pytest.fail(f"no attempt was killed before the run ended: {states}")


def _wait_for_first_write(folder: Path, originals: dict[str, bytes], proc: subprocess.Popen) -> None:
    """Poll until a temporary file appears or an article changes."""
    sizes = {name: len(data) for name, data in originals.items()}
    deadline = time.monotonic() + 600
    while proc.poll() is None and time.monotonic() < deadline:
        with os.scandir(folder) as entries:
            for entry in entries:
                if entry.name not in sizes or entry.stat().st_size != sizes[entry.name]:
                    return
        time.sleep(0.001)

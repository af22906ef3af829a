"""Throughput and memory of `auditor audit` on the shared AllSides corpus.

Usage::

    python benchmarks/run.py                 # 1x archive, the same text as .txt files, 10x archive
    python benchmarks/run.py --quick         # 1x archive only
    python benchmarks/run.py --jobs 1 --jobs 2 --engine dask

Prints documents/s, MB/s (UTF-8 bytes of article text), peak memory of the
whole process tree (proportional set size sampled from /proc every 50 ms: the
main process plus every worker, shared pages counted once), the per-rule time table from ``--profile``, and — when installed —
the same measures for codespell, typos and proselint on the same files, with
the auditor/peer ratio. See benchmarks/README.md. Timing lives here, never in
the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_ARCHIVE = REPO.parent / "shared" / "data" / "allsides_news_baly2020" / "allsides_articles_50MB.jsonl"


def tree_pss_kb(root_pid: int) -> tuple[int, int]:
    """Proportional resident memory (PSS) of a process and all its
    descendants (kB): pages shared copy-on-write by forked workers count
    once in total, not once per process as plain RSS would count them.
    Returns the total and the largest single descendant (a worker)."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/status", encoding="ascii", errors="replace") as fh:
                ppid = vm = 0
                for line in fh:
                    if line.startswith("PPid:"):
                        ppid = int(line.split()[1])
                    elif line.startswith("VmRSS:"):
                        vm = int(line.split()[1])
            with open(f"/proc/{entry}/smaps_rollup", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("Pss:"):
                        vm = int(line.split()[1])
                        break
        except OSError:
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = vm
    total, largest, stack = 0, 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        if pid != root_pid:
            largest = max(largest, rss.get(pid, 0))
        stack.extend(children.get(pid, []))
    return total, largest


def measure(cmd: list[str], cwd: Path | None = None) -> dict:
    """Run a command; wall seconds, peak tree PSS and peak PSS of its largest
    child process (MB), exit code, stderr."""
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=cwd)
    peak = worker = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, worker
        while not stop.is_set():
            total, largest = tree_pss_kb(proc.pid)
            peak, worker = max(peak, total), max(worker, largest)
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    stop.set()
    sampler.join()
    return {"seconds": time.perf_counter() - started, "peak_mb": peak / 1024, "worker_mb": worker / 1024,
            "code": proc.returncode, "stderr": err}


def corpus_stats(archive: Path, limit_rows: int | None = None) -> tuple[int, int]:
    docs = size = 0
    with archive.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            docs += 1
            size += len(row.get("text", "").encode("utf-8"))
            if limit_rows and docs >= limit_rows:
                break
    return docs, size


def write_txt_copy(archive: Path, folder: Path) -> None:
    with archive.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            row = json.loads(line)
            (folder / f"{i:05d}_{row['id']}.txt").write_text(row.get("text", ""), encoding="utf-8")


def write_scaled(archive: Path, target: Path, times: int) -> None:
    with target.open("w", encoding="utf-8") as out:
        for copy in range(times):
            with archive.open(encoding="utf-8") as fh:
                for line in fh:
                    row = json.loads(line)
                    row["id"] = f"{row['id']}-{copy}"
                    out.write(json.dumps(row, ensure_ascii=False) + "\n")


def auditor_cmd(target: Path, jobs: int, engine: str, profile: bool, cache: bool = False) -> list[str]:
    cmd = [sys.executable, "-m", "auditor", "audit", str(target), "--format", "json", "--no-progress",
           "--no-history", "--jobs", str(jobs), "-o", os.devnull]
    if not cache:
        cmd.append("--no-cache")
    if engine != "local":
        cmd += ["--engine", engine]
    if profile:
        cmd.append("--profile")
    return cmd


def report(label: str, docs: int, size: int, m: dict) -> dict:
    row = {"run": label, "documents": docs, "mb": size / 1e6, "seconds": m["seconds"],
           "docs_per_s": docs / m["seconds"], "mb_per_s": size / 1e6 / m["seconds"], "peak_rss_mb": m["peak_mb"],
           "largest_child_mb": m["worker_mb"],
           "exit": m["code"]}
    print(f"{label:<38} {docs:>8} docs {size / 1e6:8.1f} MB {m['seconds']:8.1f} s "
          f"{row['docs_per_s']:8.1f} docs/s {row['mb_per_s']:6.2f} MB/s  peak {m['peak_mb']:7.1f} MB "
          f"(largest child {m['worker_mb']:6.1f} MB)  exit {m['code']}",
          flush=True)
    if m["code"] not in (0, 1):
        print("  stderr:", m["stderr"].strip().splitlines()[-1:] if m["stderr"] else "", flush=True)
    return row


def peers(files_dir: Path, docs: int, size: int, auditor_mb_s: float) -> None:
    candidates = {
        "codespell": ["codespell", "--quiet-level", "2", "-D", str(REPO / "benchmarks" / "peer_names.txt"), str(files_dir)],
        "typos": ["typos", "--config", str(REPO / "benchmarks" / "typos.toml"), str(files_dir)],
        "proselint": ["proselint", "check", str(files_dir)],
    }
    search = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    for name, cmd in candidates.items():
        exe = shutil.which(cmd[0], path=search)
        if exe is None:
            print(f"{name:<38} not installed (see benchmarks/README.md)")
            continue
        row = report(f"peer: {name}", docs, size, measure([exe, *cmd[1:]]))
        print(f"  auditor/{name} throughput ratio: {auditor_mb_s / row['mb_per_s']:.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--archive", type=Path, default=DEFAULT_ARCHIVE)
    parser.add_argument("--jobs", type=int, action="append", help="repeatable; default: all cores")
    parser.add_argument("--engine", choices=["local", "dask"], default="local")
    parser.add_argument("--quick", action="store_true", help="the 1x archive only")
    parser.add_argument("--scale", type=int, default=10, help="size of the repeated corpus (default 10x)")
    parser.add_argument("--no-peers", action="store_true")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the 1x archive this many times and also print the median (wall time varies by a "
                             "few percent from run to run; only the first run collects the per-rule table)")
    args = parser.parse_args()
    args.archive = args.archive.resolve()  # the warm-cache run works in another directory
    if not args.archive.is_file():
        sys.exit(f"benchmark corpus not found: {args.archive}")
    docs, size = corpus_stats(args.archive)
    print(f"corpus: {args.archive} — {docs} documents, {size / 1e6:.1f} MB of article text\n")
    jobs_list = args.jobs or [os.cpu_count() or 1]
    rows = []
    for jobs in jobs_list:
        label = f"auditor jsonl x1 jobs={jobs} ({args.engine})"
        m = measure(auditor_cmd(args.archive, jobs, args.engine, profile=True))
        rows.append(report(label, docs, size, m))
        if args.repeat > 1:
            runs = [m] + [measure(auditor_cmd(args.archive, jobs, args.engine, profile=False))
                          for _ in range(args.repeat - 1)]
            for extra in runs[1:]:
                report(label, docs, size, extra)
            median = {key: statistics.median(run[key] for run in runs) for key in ("seconds", "peak_mb", "worker_mb")}
            rows[-1] = report(f"{label} median of {args.repeat}", docs, size, {**m, **median})
        print("  per-rule seconds (summed over workers):")
        for line in m["stderr"].splitlines():
            if line.startswith(" ") or line.lstrip().startswith("seconds"):
                print("   ", line)
    if args.quick:
        return
    jobs = jobs_list[-1]
    with tempfile.TemporaryDirectory(prefix="auditor-bench-") as tmp:
        folder = Path(tmp) / "txt"
        folder.mkdir()
        write_txt_copy(args.archive, folder)
        txt = report(f"auditor txt files jobs={jobs}", docs, size, measure(auditor_cmd(folder, jobs, args.engine, False)))
        scaled = Path(tmp) / f"x{args.scale}.jsonl"
        write_scaled(args.archive, scaled, args.scale)
        big = report(f"auditor jsonl x{args.scale} jobs={jobs}", docs * args.scale, size * args.scale,
                     measure(auditor_cmd(scaled, jobs, args.engine, False)))
        print(f"\nmemory growth x{args.scale} / x1: {big['peak_rss_mb'] / rows[-1]['peak_rss_mb']:.2f} (target <= 1.2)")
        # A CI gate re-audits a mostly unchanged archive: the per-document
        # cache (.auditor_cache/ in the working directory) skips the checks of
        # unchanged documents; the corpus rules still finish over all of them.
        # Reported beside the cold runs, never instead of them.
        cache_dir = Path(tmp) / "cached"
        cache_dir.mkdir()
        measure(auditor_cmd(args.archive, jobs, args.engine, False, cache=True), cwd=cache_dir)
        report(f"auditor re-audit jobs={jobs} (warm cache)", docs, size,
               measure(auditor_cmd(args.archive, jobs, args.engine, False, cache=True), cwd=cache_dir))
        if not args.no_peers:
            print()
            peers(folder, docs, size, txt["mb_per_s"])


if __name__ == "__main__":
    main()

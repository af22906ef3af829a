"""The CI gates of ``auditor audit``, kept out of the CLI module.

* :func:`select_changed`: ``--changed-since REF``, the paths to audit.
* :func:`apply_filters`: ``--diff-only`` and ``--baseline FILE`` on a
  finished run (auditor.postfilter), with the baseline summary on stderr.
* :func:`score_failures`: ``--fail-under SCORE`` on document and source
  scores (auditor.scoring fills them in the run's results).
* :func:`make_cache`: the result cache of a run, unless disabled.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

Echo = Callable[[str], None]


def select_changed(paths: list[str], config: Any, ref: str, warn: Echo) -> list[str]:
    from auditor import gitdiff

    start = next((Path(p) for p in paths if p != "-" and Path(p).exists()), Path.cwd())
    changed = gitdiff.changed_files(ref, start.resolve())
    return gitdiff.select_paths(paths, changed, config, warn)


@dataclass
class Gates:
    """What ``--diff-only`` and ``--baseline`` need, checked before the run
    so a missing baseline or a non-repository fails before any work."""

    lines: dict | None = None
    baseline: Any = None
    baseline_file: Path | None = None


def preflight(paths: list[str], *, diff_only: bool, ref: str | None, baseline_file: Path | None) -> Gates:
    gates = Gates(baseline_file=baseline_file)
    if baseline_file is not None:
        from auditor import baseline

        gates.baseline = baseline.load(baseline_file)
    if diff_only:
        from auditor import gitdiff

        start = next((Path(p) for p in paths if p != "-" and Path(p).exists()), Path.cwd())
        gates.lines = gitdiff.changed_lines(ref or "HEAD", start.resolve())
    return gates


def apply_filters(result: Any, gates: Gates, echo: Echo) -> Any:
    """Apply ``--baseline`` then ``--diff-only`` (in that order, so findings
    on unchanged lines are not mistaken for fixed ones); returns the
    baseline comparison (or None)."""
    from auditor import postfilter

    outcome = None
    if gates.baseline is not None:
        outcome = _apply_baseline(result, gates, echo)
    if gates.lines is not None:
        from auditor import gitdiff

        postfilter.apply(result, gitdiff.keep_changed(gates.lines))
    return outcome


def _apply_baseline(result: Any, gates: Gates, echo: Echo) -> Any:
    from auditor import baseline

    baseline_file = gates.baseline_file
    outcome = baseline.apply(result, gates.baseline, Path(baseline_file).resolve().parent)
    fixed = sum(n for *_, n in outcome.fixed)
    echo(f"auditor: baseline {baseline_file}: {outcome.new} new finding{'s' if outcome.new != 1 else ''}, "
         f"{outcome.baselined} baselined, {fixed} fixed")
    for key, rule, text, n in outcome.fixed[:50]:
        echo(f"auditor: fixed: {key}: {rule} {text!r}" + (f" (x{n})" if n > 1 else ""))
    if len(outcome.fixed) > 50:
        echo(f"auditor: fixed: ... and {len(outcome.fixed) - 50} more")
    return outcome


def score_failures(result: Any, threshold: float | None, limit: int = 10) -> list[str]:
    """Documents and sources scoring below ``threshold`` (empty when none,
    or when the run has no scores)."""
    if threshold is None:
        return []
    out: list[str] = []
    for doc in result.documents():
        score = getattr(doc, "score", None)
        if score is not None and score < threshold:
            where = f"{doc.path}[{doc.id}]" if doc.id is not None and doc.path.endswith((".jsonl", ".csv")) \
                else doc.path
            out.append(f"document {where}: {score:.1f}")
    for row in result.sources() or []:
        score = row.get("score") if isinstance(row, dict) else None
        if score is not None and score < threshold:
            out.append(f"source {row.get('source')}: {score:.1f}")
    return out


def make_cache(config: Any, enabled: bool) -> Any:
    if not enabled:
        return None
    from auditor.cache import ResultCache

    cache = ResultCache.for_config(config)
    return cache if cache.enabled else None

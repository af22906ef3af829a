"""Tables of source scores for ``auditor score`` and ``auditor history``.

The scores are computed by :mod:`auditor.scoring`; these functions only lay
out rows that are already ranked (text for people, JSON and CSV for tools).
"""

from __future__ import annotations

import csv
import json
from typing import Any, TextIO

SPARK = "▁▂▃▄▅▆▇█"


def top_categories(row: dict[str, Any], n: int = 3) -> list[str]:
    lost = row.get("lost") or {}
    ranked = sorted(lost.items(), key=lambda kv: (-kv[1], kv[0]))
    return [name for name, value in ranked[:n] if value > 0]


def _interval(row: dict[str, Any]) -> str:
    low, high = row.get("interval") or (None, None)
    if low is None or high is None:
        return "-"
    return f"[{low:.1f}, {high:.1f}]"


def render_sources(rows: list[dict[str, Any]], out: TextIO, fmt: str, *, level: float = 0.9) -> None:
    """``rows`` ranked worst first, as text, JSON or CSV."""
    if fmt == "json":
        data = [{"rank": i, **row, "top_categories": top_categories(row)} for i, row in enumerate(rows, 1)]
        out.write(json.dumps({"schema_version": 1, "interval_level": level, "sources": data},
                             ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["rank", "source", "score", "low", "high", "documents", "words", "top_categories"])
        for i, row in enumerate(rows, 1):
            low, high = row.get("interval") or (None, None)
            writer.writerow([i, _csv_safe(row["source"]), row["score"], low, high, row["documents"], row["words"],
                             ";".join(top_categories(row))])
        return
    width = max([len("source")] + [len(r["source"]) for r in rows])
    head = f"{'rank':>4}  {'source':<{width}}  {'score':>5}  {f'{level:.0%} interval':<14}  " \
           f"{'docs':>5}  {'words':>8}  top problems"
    out.write(head + "\n")
    for i, row in enumerate(rows, 1):
        score = "-" if row["score"] is None else f"{row['score']:.1f}"
        out.write(f"{i:>4}  {row['source']:<{width}}  {score:>5}  {_interval(row):<14}  "
                  f"{row['documents']:>5}  {row['words']:>8}  {', '.join(top_categories(row)) or '-'}\n")


def sparkline(values: list[float | None]) -> str:
    """Scores 0..100 as block characters (higher block, better score)."""
    return "".join(" " if v is None else SPARK[min(len(SPARK) - 1, int(v / 100 * len(SPARK)))] for v in values)


def render_history(rows: list[dict[str, Any]], out: TextIO, fmt: str, source: str | None) -> None:
    """``auditor history``: all sources' latest scores, or one source's runs."""
    if fmt == "json":
        out.write(json.dumps({"source": source, "runs" if source else "sources": rows},
                             ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        if source:
            writer.writerow(["run", "started", "command", "score", "low", "high", "documents", "words"])
            for r in rows:
                writer.writerow([r["run"], r["started"], r["command"], r["score"], *r["interval"],
                                 r["documents"], r["words"]])
        else:
            writer.writerow(["source", "score", "previous", "runs", "last_run", "documents", "words"])
            for r in rows:
                writer.writerow([_csv_safe(r["source"]), r["score"], r["previous"], r["runs"], r["started"],
                                 r["documents"], r["words"]])
        return
    if source:
        out.write(f"{source}: {len(rows)} run(s)  {sparkline([r['score'] for r in rows])}\n")
        out.write(f"{'run':>5}  {'when (UTC)':<20}  {'command':<7}  {'score':>5}  {'interval':<14}  "
                  f"{'change':>6}  {'docs':>5}  {'words':>8}\n")
        prev = None
        for r in rows:
            change = "" if prev is None or r["score"] is None else f"{r['score'] - prev:+.1f}"
            out.write(f"{r['run']:>5}  {r['started']:<20}  {r['command']:<7}  {r['score']:>5.1f}  "
                      f"{_interval(r):<14}  {change:>6}  {r['documents']:>5}  {r['words']:>8}\n")
            prev = r["score"]
        return
    width = max([len("source")] + [len(r["source"]) for r in rows])
    out.write(f"{'source':<{width}}  {'score':>5}  {'change':>6}  {'runs':>4}  last run (UTC)\n")
    for r in sorted(rows, key=lambda r: (r["score"] if r["score"] is not None else 101, r["source"])):
        change = "" if r["previous"] is None else f"{r['score'] - r['previous']:+.1f}"
        out.write(f"{r['source']:<{width}}  {r['score']:>5.1f}  {change:>6}  {r['runs']:>4}  {r['started']}\n")


def _csv_safe(value: str) -> str:
    """Defuse spreadsheet formulas in a source name (CSV injection)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

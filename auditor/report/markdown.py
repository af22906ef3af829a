"""A compact Markdown summary for pull-request comments and CI job pages.

``auditor audit PATHS --format markdown >> "$GITHUB_STEP_SUMMARY"`` (or post
it as a PR comment): a headline, the sources ranked by score, the worst
documents and the most frequent rules, then the findings themselves inside a
collapsed ``<details>`` block, capped so a comment stays under GitHub's size
limit (65,536 characters).

Everything taken from articles is escaped for GitHub-flavoured Markdown,
which also renders inline HTML: ``& < >`` become entities, table pipes and
Markdown punctuation are backslash-escaped, newlines become spaces.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from typing import Any, TextIO

from auditor.report import ReportOptions
from auditor.report._common import display_path

MAX_SOURCES = 20
MAX_DOCUMENTS = 10
MAX_RULES = 10
MAX_FINDINGS = 100
MAX_CHARS = 60_000
_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]|~])")
ICONS = {"error": "🔴", "warning": "🟠", "info": "🔵"}


def escape(text: Any, limit: int = 200) -> str:
    """Inline-safe Markdown text (for table cells and list items)."""
    s = " ".join(str(text).split())
    if len(s) > limit:
        s = s[: limit - 1] + "…"
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", s)


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    from auditor.report._scores import top_categories
    from auditor.scoring import ranked

    sources = ranked(result.sources())
    scorer = result.scorer
    level = float(scorer.source_params.get("interval", 0.9)) if scorer is not None else 0.9
    by_severity: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    worst: list[tuple[float, int, str, str, int]] = []
    listed: list[str] = []
    listed_chars = 0
    n_docs = 0
    for doc in result.documents():
        n_docs += 1
        for f in doc.findings:
            by_severity[f.severity.value] += 1
            by_rule[f.rule] += 1
            if len(listed) < MAX_FINDINGS and listed_chars < MAX_CHARS // 2:
                hint = f" → **{escape(f.suggestion, 80)}**" if f.suggestion else ""
                line = (f"- {ICONS.get(f.severity.value, '')} `{f.rule}` {escape(display_path(doc), 120)}:"
                        f"{f.line}:{f.column} “{escape(f.text, 60)}”: {escape(f.message)}{hint}")
                listed.append(line)
                listed_chars += len(line)
        if doc.findings:
            item = (-(doc.score or 0.0), -doc.ordinal, display_path(doc), doc.source or "", len(doc.findings))
            if len(worst) < MAX_DOCUMENTS:
                heapq.heappush(worst, item)
            elif item > worst[0]:
                heapq.heapreplace(worst, item)
    total = sum(by_severity.values())

    w = out.write
    status = "❌" if by_severity.get("error") else "⚠️" if by_severity.get("warning") else "✅"
    parts = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
    w(f"### {status} auditor: {total} finding{'s' if total != 1 else ''}"
      f"{f' ({parts})' if parts else ''} in {n_docs} document{'s' if n_docs != 1 else ''}\n\n")
    if sources:
        w(f"| # | Source | Score | {level:.0%} interval | Docs | Words | Top problems |\n")
        w("|--:|:--|--:|:--|--:|--:|:--|\n")
        for i, s in enumerate(sources[:MAX_SOURCES], 1):
            low, high = s["interval"]
            w(f"| {i} | {escape(s['source'], 60)} | **{s['score']:.1f}** | {low:.1f}–{high:.1f} | "
              f"{s['documents']} | {s['words']} | {escape(', '.join(top_categories(s))) or '–'} |\n")
        if len(sources) > MAX_SOURCES:
            w(f"\n_{len(sources) - MAX_SOURCES} more source(s) not shown._\n")
        w("\n")
    if worst:
        w("<details><summary>Worst documents</summary>\n\n| Score | Document | Source | Findings |\n"
          "|--:|:--|:--|--:|\n")
        for neg_score, _, path, source, count in sorted(worst, reverse=True):
            w(f"| {-neg_score:.1f} | {escape(path, 120)} | {escape(source, 60)} | {count} |\n")
        w("\n</details>\n\n")
    if by_rule:
        w("<details><summary>Findings by rule</summary>\n\n| Rule | Count |\n|:--|--:|\n")
        for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0]))[:MAX_RULES]:
            w(f"| `{rule}` | {count} |\n")
        w("\n</details>\n\n")
    if listed:
        more = total - len(listed)
        w(f"<details><summary>Findings{f' (first {len(listed)} of {total})' if more else ''}</summary>\n\n")
        w("\n".join(listed) + "\n\n</details>\n")
    if not total:
        w("No findings. Scores run from 0 to 100 (higher is better).\n")

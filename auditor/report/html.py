"""The HTML report: one self-contained page a person wants to look at.

``auditor audit PATHS --format html --output report.html`` writes a single
file with no network access at all (inline CSS and JS, an inline SVG chart):

* a per-source score chart (score bar and credible-interval whisker, worst
  source first) and the ranked source table;
* filters by category and severity (plain JS, no framework);
* a per-document view: the article text with every finding highlighted in
  place, and the list of findings beside it.

Texts. A run keeps no document text (documents stream through the workers
and are dropped, so memory stays flat). The report therefore re-reads the
texts it shows, and only those: the ``MAX_TEXTS`` worst-scoring documents
with findings. Files are re-read by path and archive rows by streaming the
archive once and keeping the wanted row ids; a document whose text changed
since the audit (a finding's span no longer holds its text) is shown without
highlights and says so; stdin cannot be re-read and is listed without text.
This costs a second read of the shown files, never memory proportional to
the corpus.

Safety. Everything from the articles (text, paths, source names, messages,
suggestions) goes through Jinja2 autoescaping; nothing from an article is
ever put in a URL or a script. A Content-Security-Policy admits only the
report's own inline script and style (by SHA-256 hash) and forbids every
network fetch, so even an escaping bug could not run injected script.
"""

from __future__ import annotations

import base64
import hashlib
import heapq
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any, TextIO

from auditor.report import ReportOptions
from auditor.report._common import display_path

TEMPLATES = Path(__file__).resolve().parent / "templates"
MAX_TEXTS = 200        # documents shown with their full text
MAX_ROWS = 2000        # rows in the document table
MAX_CHART = 60         # sources in the chart
MAX_TEXT_CHARS = 200_000
SEVERITIES = ("error", "warning", "info")


@lru_cache(maxsize=1)
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    return Environment(loader=FileSystemLoader(str(TEMPLATES)), autoescape=True,
                       undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _csp_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    from auditor.scoring import ranked

    max_texts = int(options.extra.get("max_texts", MAX_TEXTS))
    sources = ranked(result.sources())
    scorer = result.scorer
    level = float(scorer.source_params.get("interval", 0.9)) if scorer is not None else 0.9

    # pass 1: totals, the document table (worst MAX_ROWS) and the worst documents with findings
    table: list[tuple[float, int, dict[str, Any]]] = []  # bounded heaps keep the lowest scores
    worst: list[tuple[float, int]] = []
    by_severity: Counter[str] = Counter()
    by_category: Counter[str] = Counter()
    n_docs = 0
    for doc in result.documents():
        n_docs += 1
        for f in doc.findings:
            by_severity[f.severity.value] += 1
            by_category[f.category] += 1
        key = (-(doc.score or 0.0), -doc.ordinal)
        if len(table) < MAX_ROWS or key > table[0][:2]:
            row = {"ordinal": doc.ordinal, "path": display_path(doc), "source": doc.source or "",
                   "date": doc.date or "", "words": doc.words, "score": doc.score, "findings": len(doc.findings)}
            if len(table) < MAX_ROWS:
                heapq.heappush(table, (*key, row))
            else:
                heapq.heapreplace(table, (*key, row))
        if doc.findings and max_texts > 0:
            if len(worst) < max_texts:
                heapq.heappush(worst, key)
            elif key > worst[0]:
                heapq.heapreplace(worst, key)
    chosen = {-o for _, o in worst}

    # pass 2: the chosen documents' findings, then their texts
    views: list[dict[str, Any]] = []
    if chosen:
        picked = [doc for doc in result.documents() if doc.ordinal in chosen]
        texts = _load_texts(picked, result.config)
        for doc in sorted(picked, key=lambda d: (d.score or 0.0, d.ordinal)):
            views.append(_document_view(doc, texts.get(doc.ordinal), scorer))
    rows = [row for _, _, row in table]
    for r in rows:
        r["anchor"] = f"doc-{r['ordinal']}" if r["ordinal"] in chosen else None

    css = (TEMPLATES / "report.css").read_text(encoding="utf-8")
    js = (TEMPLATES / "report.js").read_text(encoding="utf-8")
    page = _environment().get_template("report.html.j2").render(
        css=css, js=js,
        csp=f"default-src 'none'; style-src {_csp_hash(css)}; script-src {_csp_hash(js)}; img-src data:; "
            "base-uri 'none'; form-action 'none'",
        chart=_chart(sources[:MAX_CHART]), chart_more=max(0, len(sources) - MAX_CHART),
        sources=sources, level=level, rows=sorted(rows, key=lambda r: (r["score"] or 0, r["ordinal"])),
        rows_more=max(0, n_docs - len(rows)), views=views, n_docs=n_docs,
        total=sum(by_severity.values()), by_severity=by_severity,
        categories=sorted(by_category.items(), key=lambda kv: (-kv[1], kv[0])),
        severities=[s for s in SEVERITIES], elapsed=result.elapsed, max_texts=max_texts,
        warnings=result.warnings[:50],
    )
    out.write(page)


# --------------------------------------------------------------------------- texts
def _load_texts(docs: list[Any], config: Any) -> dict[int, tuple[str, Any]]:
    """Re-read the shown documents: {ordinal: (raw text, Document)}."""
    from auditor.documents.loader import Loader, kind_of

    wanted: dict[str, list[Any]] = {}
    for d in docs:
        if d.path != "-":
            wanted.setdefault(d.path, []).append(d)
    loader = Loader(config, lambda message: None)
    out: dict[int, tuple[str, Any]] = {}
    for path, group in wanted.items():
        try:
            loaded = loader.documents([path])
            if kind_of(path) in ("jsonl", "csv"):
                ids = {d.id: d.ordinal for d in group}
                for document in loaded:
                    ordinal = ids.pop(document.id, None)
                    if ordinal is not None:
                        out[ordinal] = (document.raw, document)
                    if not ids:
                        break
            else:
                document = next(iter(loaded), None)
                if document is not None:
                    out[group[0].ordinal] = (document.raw, document)
        except Exception:  # noqa: BLE001 - a file gone since the audit: shown without text
            continue
    return out


def _document_view(doc: Any, loaded: tuple[str, Any] | None, scorer: Any) -> dict[str, Any]:
    findings = []
    for i, f in enumerate(doc.findings):
        findings.append({"id": f"f{doc.ordinal}-{i}", "rule": f.rule, "category": f.category,
                         "severity": f.severity.value, "confidence": f.confidence, "line": f.line,
                         "column": f.column, "text": f.text, "message": f.message, "suggestion": f.suggestion,
                         "start": f.start, "end": f.end, "placed": False})
    breakdown = scorer.document(doc) if scorer is not None else None
    view = {"anchor": f"doc-{doc.ordinal}", "path": display_path(doc), "source": doc.source or "",
            "date": doc.date or "", "words": doc.words, "score": doc.score, "findings": findings,
            "lost": [(k, v) for k, v in (breakdown.lost.items() if breakdown else [])],
            "notes": breakdown.notes if breakdown else [],
            "segments": None, "status": None, "truncated": False}
    if loaded is None:
        view["status"] = "The text is not available (read from stdin, or the file is gone)."
        return view
    raw, document = loaded
    if any(raw[f["start"]:f["end"]] != f["text"] for f in findings):
        view["status"] = "The file changed since the audit: findings are listed but not highlighted."
        spans = []
        text = raw
    else:
        text, spans = raw, [(f["start"], f["end"], f) for f in findings]
        if getattr(document, "offset_map", None) is not None and getattr(document, "kind", "") == "html":
            mapped = [(document.offset_map.to_view(s), document.offset_map.to_view(e), f) for s, e, f in spans]
            if all(a is not None and b is not None for a, b, _ in mapped):
                text, spans = document.text, [(a, max(a, b), f) for a, b, f in mapped]
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        view["truncated"] = True
    view["segments"] = _segments(text, spans)
    return view


def _segments(text: str, spans: list[tuple[int, int, dict[str, Any]]]) -> list[dict[str, Any]]:
    """Cut the text at every finding boundary; each piece lists the findings
    covering it (overlaps allowed). Zero-width findings get a marker piece."""
    n = len(text)
    points = {0, n}
    for s, e, _ in spans:
        if 0 <= s <= n:
            points.add(s)
            points.add(min(max(s, e), n))
    cuts = sorted(points)
    starts: dict[int, list[dict[str, Any]]] = {}
    for s, e, f in spans:
        if 0 <= s <= n:
            starts.setdefault(s, []).append((min(max(s, e), n), f))
    active: list[tuple[int, dict[str, Any]]] = []
    out: list[dict[str, Any]] = []
    for a, b in zip(cuts, cuts[1:] + [None]):
        active = [(e, f) for e, f in active if e > a]
        for e, f in starts.get(a, []):
            if e == a:  # zero-width: a visible marker
                f["placed"] = True
                out.append(_piece("\u2038", [f], marker=True))
            else:
                active.append((e, f))
        if b is None:
            break
        piece = text[a:b]
        if not piece:
            continue
        covering = [f for _, f in active]
        for f in covering:
            f["placed"] = True
        out.append(_piece(piece, covering))
    return out


def _piece(text: str, findings: list[dict[str, Any]], marker: bool = False) -> dict[str, Any]:
    rank = {"error": 3, "warning": 2, "info": 1}
    top = max(findings, key=lambda f: rank.get(f["severity"], 0)) if findings else None
    return {"text": text, "ids": " ".join(f["id"] for f in findings), "first": findings[0]["id"] if findings else "",
            "severity": top["severity"] if top else "", "marker": marker,
            "title": "; ".join(f"{f['severity']}: {f['message']}" for f in findings)}


# --------------------------------------------------------------------------- chart
def _chart(sources: list[dict[str, Any]]) -> dict[str, Any]:
    """Coordinates for the inline SVG: one row per source, worst first."""
    label_w, bar_w, row_h, top = 220, 480, 22, 28
    bars = []
    for i, s in enumerate(sources):
        score = s["score"] if s["score"] is not None else 0.0
        low, high = s.get("interval") or (score, score)
        y = top + i * row_h
        bars.append({
            "label": s["source"] if len(s["source"]) <= 30 else s["source"][:29] + "\u2026",
            "full": s["source"], "y": y, "text_y": y + row_h * 0.65, "mid": y + row_h / 2,
            "width": round(bar_w * score / 100, 1), "low": round(label_w + bar_w * low / 100, 1),
            "high": round(label_w + bar_w * high / 100, 1), "score": score, "interval": (low, high),
            "band": "bad" if score < 50 else "fair" if score < 80 else "good",
            "documents": s["documents"],
        })
    ticks = [{"x": label_w + bar_w * t / 100, "label": t} for t in range(0, 101, 20)]
    height = top + max(1, len(bars)) * row_h + 8
    return {"bars": bars, "ticks": ticks, "label_w": label_w, "bar_w": bar_w, "row_h": row_h - 6,
            "width": label_w + bar_w + 70, "height": height, "top": top,
            "axis_y": height - 4, "score_x": label_w + bar_w + 8, "empty": not bars}

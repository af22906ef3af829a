"""The Python API, for pipelines and notebooks::

    from auditor import audit

    report = audit(["content/"], config=".auditor.yml", select=["names"])
    for finding in report.findings:
        print(finding.path, finding.line, finding.rule, finding.message)
    report.sources            # per-source rows with scores (as in the JSON report)
    df = report.to_dataframe()  # one row per finding (needs pandas)

``config`` may be a :class:`auditor.config.Config`, a path to a config
file, a mapping of overrides applied on top of the built-in defaults, or
None (the nearest ``.auditor.yml`` above the first path, as the CLI does).
The run is complete when :func:`audit` returns: the report holds plain
data and no open files.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from auditor.config import Config


@dataclass(frozen=True, slots=True)
class ReportFinding:
    """A finding with the document it belongs to."""

    path: str
    doc_id: str | None
    source: str | None
    date: str | None
    rule: str
    category: str
    severity: str
    confidence: float
    line: int
    column: int
    start: int
    end: int
    text: str
    message: str
    suggestion: str | None


@dataclass
class Report:
    """The result of :func:`audit`."""

    findings: list[ReportFinding] = field(default_factory=list)
    documents: list[dict[str, Any]] = field(default_factory=list)
    sources: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def to_dataframe(self) -> Any:
        """One row per finding as a pandas DataFrame (``pip install pandas``)."""
        try:
            import pandas as pd
        except ImportError:
            raise ImportError("Report.to_dataframe() needs pandas: pip install pandas") from None
        columns = list(ReportFinding.__dataclass_fields__)
        return pd.DataFrame([asdict(f) for f in self.findings], columns=columns)

    def __len__(self) -> int:
        return len(self.findings)


def _config(config: Config | str | Path | Mapping[str, Any] | None, paths: list[str],
            select: Iterable[str] | None, ignore: Iterable[str] | None) -> Config:
    from auditor.config import find_config, load_config

    overrides: dict[str, Any] = {}
    if select is not None:
        overrides["select"] = list(select)
    if ignore is not None:
        overrides["ignore"] = list(ignore)
    if isinstance(config, Config):
        return config.model_copy(update=overrides) if overrides else config
    if isinstance(config, Mapping):
        return load_config(None, {**config, **overrides})
    if config is not None:
        return load_config(Path(config), overrides)
    start = next((Path(p) for p in paths if p != "-"), Path.cwd())
    return load_config(find_config(start if start.exists() else Path.cwd()), overrides)


def audit(
    paths: str | Path | Iterable[str | Path],
    *,
    config: Config | str | Path | Mapping[str, Any] | None = None,
    select: Iterable[str] | None = None,
    ignore: Iterable[str] | None = None,
    jobs: int | None = 1,
    cache: bool = False,
    source: str | None = None,
    date: str | None = None,
) -> Report:
    """Audit files, folders or archives and return a :class:`Report`."""
    from auditor.runner import run

    if isinstance(paths, (str, Path)):
        paths = [paths]
    path_list = [str(p) for p in paths]
    cfg = _config(config, path_list, select, ignore)
    result_cache = None
    if cache:
        from auditor.ci import make_cache

        result_cache = make_cache(cfg, True)
    result = run(path_list, cfg, jobs=jobs, loader_options={"source": source, "date": date}, cache=result_cache)
    report = Report(warnings=list(result.warnings))
    try:
        for doc in result.documents():
            report.documents.append({"path": doc.path, "id": doc.id, "source": doc.source, "date": doc.date,
                                     "words": doc.words, "score": doc.score, "findings": len(doc.findings)})
            for f in doc.findings:
                report.findings.append(ReportFinding(
                    path=doc.path, doc_id=doc.id, source=doc.source, date=doc.date, rule=f.rule,
                    category=f.category, severity=f.severity.value, confidence=f.confidence, line=f.line,
                    column=f.column, start=f.start, end=f.end, text=f.text, message=f.message,
                    suggestion=f.suggestion))
        report.sources = list(result.sources())
    finally:
        result.close()
    return report

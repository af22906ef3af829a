"""Suppressions: inline comments, front matter and per-path ignores.

Writers silence a finding where it stands, the way ruff's ``# noqa`` and
Vale's comments work::

    <!-- auditor-disable names.misspelled, places -->
    ... nothing of those rules is reported here ...
    <!-- auditor-enable -->

    <!-- auditor-disable-next-line names.misspelled -->
    Healy said ...

A rule list names rule ids or categories (``places``); no list means every
rule. ``auditor-enable`` without a list closes every open region, with a
list only those. Front matter ``auditor: {ignore: [rule, ...]}`` ignores
rules in the whole document, and the config's ``per_path_ignores`` maps
globs to rules ignored in matching files.

Suppression happens inside the per-document step (:func:`apply_to_document`,
called by :func:`auditor.engine.check_document`), which leaves a small
:class:`Suppressions` summary in the document's observations; corpus
findings are filtered with those summaries after the corpus rules finished
(:func:`finish`). A comment that silenced nothing is reported as
``suppression.unused`` (like ruff's RUF100), but only when at least one rule
it names ran (``--select names`` does not make every other comment
"unused") or when it names a rule that does not exist.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from auditor.model import Finding, Location

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config
    from auditor.documents.document import Document
    from auditor.rules.base import Rule

#: The observations key under which a document's summary travels.
OBS_KEY = "__suppressions__"
UNUSED_RULE = "suppression.unused"
MARKER = "auditor-"

_DIRECTIVE = re.compile(
    r"<!--[ \t]*auditor-(disable-next-line|disable|enable)(?![\w-])([^\n>]*?)[ \t]*-->", re.I)
_SPLIT = re.compile(r"[\s,]+")


@dataclass(slots=True)
class Directive:
    """One comment: a region (``disable`` … ``enable``) or a next-line one."""

    kind: str  # "region" or "next-line"
    rules: tuple[str, ...]  # rule ids or categories; () means every rule
    start: int  # region: raw offsets where it applies
    end: int
    target_line: int  # next-line: the line it applies to
    loc: Location  # the comment itself, for the unused report
    used: bool = False

    def covers(self, finding: Finding) -> bool:
        if self.kind == "next-line":
            if not (finding.line <= self.target_line <= finding.line + finding.text.count("\n")):
                return False
        elif not (self.start <= finding.start < self.end):
            return False
        return matches_any(finding.rule, self.rules)


@dataclass(slots=True)
class Suppressions:
    """What one document suppresses; small and picklable."""

    ordinal: int
    file_rules: tuple[str, ...] = ()  # front matter and per-path ignores
    directives: list[Directive] = field(default_factory=list)

    def suppresses(self, finding: Finding) -> bool:
        if finding.rule == UNUSED_RULE:
            return matches_any(finding.rule, self.file_rules) if self.file_rules else False
        if self.file_rules and matches_any(finding.rule, self.file_rules):
            return True
        hit = False
        for d in self.directives:
            if d.covers(finding):
                d.used = True
                hit = True
        return hit

    def filter(self, findings: list[Finding]) -> list[Finding]:
        return [f for f in findings if not self.suppresses(f)]


def matches(rule_id: str, pattern: str) -> bool:
    """A rule id matches itself, any dotted prefix (category) and ``all``."""
    pattern = pattern.rstrip(".*")
    return pattern in ("", "all", "ALL") or rule_id == pattern or rule_id.startswith(pattern + ".")


def matches_any(rule_id: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(matches(rule_id, p) for p in patterns)


# --------------------------------------------------------------------------- parsing
def parse_directives(raw: str, base_line: int = 1) -> list[Directive]:
    """Every suppression comment of ``raw``, with regions closed."""
    if MARKER not in raw:
        return []
    out: list[Directive] = []
    open_regions: list[Directive] = []
    for m in _DIRECTIVE.finditer(raw):
        kind = m.group(1).lower()
        rules = tuple(r for r in _SPLIT.split(m.group(2).strip()) if r)
        line = raw.count("\n", 0, m.start()) + base_line
        col = m.start() - (raw.rfind("\n", 0, m.start()) + 1) + 1
        loc = Location(m.start(), m.end(), line, col, m.group(0))
        if kind == "enable":
            still_open = []
            for region in open_regions:
                if rules and not set(region.rules) <= set(rules) and region.rules:
                    still_open.append(region)
                    continue
                region.end = m.start()
            open_regions = still_open
            continue
        if kind == "disable":
            d = Directive("region", rules, m.end(), len(raw), -1, loc)
            open_regions.append(d)
        else:
            end_line = raw.count("\n", m.start(), m.end()) + line
            d = Directive("next-line", rules, m.end(), m.end(), end_line + 1, loc)
        out.append(d)
    return out


def _front_matter_ignores(doc: Document) -> tuple[str, ...]:
    meta = doc.metadata.get("auditor") if doc.metadata else None
    if not isinstance(meta, dict):
        return ()
    value = meta.get("ignore", ())
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(str(v).strip() for v in value if str(v).strip())


@lru_cache(maxsize=16)
def _path_spec(items: tuple[tuple[str, tuple[str, ...]], ...]) -> list[tuple[Any, tuple[str, ...]]]:
    import pathspec

    return [(pathspec.GitIgnoreSpec.from_lines([glob]), rules) for glob, rules in items]


def path_ignores(config: Config, path: str) -> tuple[str, ...]:
    """Rules the config's ``per_path_ignores`` ignores in ``path``."""
    mapping = getattr(config, "per_path_ignores", None)
    if not mapping or path in ("-", ""):
        return ()
    return _path_ignores(tuple((g, tuple(r)) for g, r in sorted(mapping.items())), path, config.root)


@lru_cache(maxsize=4096)  # archive rows share their file's path
def _path_ignores(items: tuple[tuple[str, tuple[str, ...]], ...], path: str, root: str | None) -> tuple[str, ...]:
    specs = _path_spec(items)
    candidates = [Path(path).as_posix()]
    if root:
        try:
            candidates.append(Path(path).resolve().relative_to(Path(root)).as_posix())
        except ValueError:
            pass
    out: list[str] = []
    for spec, rules in specs:
        if any(spec.match_file(c) for c in candidates):
            out.extend(rules)
    return tuple(out)


def summarise(doc: Document, config: Config | None) -> Suppressions | None:
    """The document's suppressions, or None when it has none (the usual case)."""
    file_rules = _front_matter_ignores(doc)
    if config is not None:
        file_rules += path_ignores(config, doc.path)
    directives = parse_directives(doc.raw, getattr(doc, "base_line", 1))
    if not file_rules and not directives:
        return None
    return Suppressions(doc.ordinal, file_rules, directives)


# --------------------------------------------------------------------------- engine hooks
def apply_to_document(doc: Document, findings: list[Finding], rules: list[Rule],
                      observations: dict[str, Any]) -> list[Finding]:
    """Per-document step: drop suppressed findings, keep the summary for
    the corpus findings and the unused report."""
    config = rules[0].ctx.config if rules else None
    summary = summarise(doc, config)
    if summary is None:
        return findings
    observations[OBS_KEY] = summary
    return summary.filter(findings)


def finish(rules: list[Rule], observations: dict[str, list[Any]], corpus: list[Finding]) -> list[Finding]:
    """Filter corpus findings with the documents' summaries and report the
    comments that suppressed nothing."""
    summaries: dict[int, Suppressions] = {s.ordinal: s for s in observations.get(OBS_KEY, ())
                                          if isinstance(s, Suppressions)}
    if not summaries:
        return corpus
    kept = [f for f in corpus if f.doc not in summaries or not summaries[f.doc].suppresses(f)]
    reporter = next((r for r in rules if r.id == UNUSED_RULE), None)
    if reporter is None:
        return kept
    active = [r.id for r in rules if r.id != UNUSED_RULE]
    known = _known_ids(rules)
    for ordinal, summary in sorted(summaries.items()):
        for d in summary.directives:
            if d.used:
                continue
            unknown = [p for p in d.rules if not any(matches(k, p) for k in known)]
            if unknown:
                message = f"suppression names unknown rule {', '.join(repr(u) for u in unknown)}"
            elif d.rules and not any(matches(a, p) for a in active for p in d.rules):
                continue  # none of its rules ran: we cannot tell
            else:
                what = ", ".join(d.rules) if d.rules else "any rule"
                message = f"unused suppression: no finding of {what} here"
            finding = reporter.finding_at(ordinal, d.loc, message)
            if not summary.suppresses(finding):
                kept.append(finding)
    return kept


def _known_ids(rules: list[Rule]) -> list[str]:
    ids = [r.id for r in rules]
    if rules:
        try:
            from auditor.registry import available_rules

            ids = list(available_rules(rules[0].ctx.config))
        except Exception:  # noqa: BLE001 - a config error would have surfaced earlier
            pass
    return ids

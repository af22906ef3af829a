"""Baselines: adopt auditor on an existing content repository.

``auditor baseline create PATHS -o .auditor-baseline.json`` records every
current finding by fingerprint (auditor.fingerprint: rule, matched text and
the surrounding words, no line numbers) with a count per fingerprint, so
two identical findings in one file are two entries. ``auditor audit
--baseline FILE`` then reports, and fails on, only findings beyond those
counts, and lists baselined findings that are gone ("fixed").

Paths are stored relative to the baseline file's folder (POSIX form), so a
baseline committed at the repository root works from any checkout; archive
rows are keyed ``archive.jsonl[row id]``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor import __version__, postfilter
from auditor.errors import ConfigError, UsageError
from auditor.fingerprint import RawTexts, is_archive, normalise
from auditor.model import DocumentResult

FORMAT = "auditor-baseline"
VERSION = 1


def doc_key(doc: DocumentResult, base: Path) -> str:
    path = doc.path
    if path not in ("-", ""):
        try:
            path = Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()
        except ValueError:  # another drive on Windows
            path = Path(path).as_posix()
    if doc.id is not None and is_archive(doc.path):
        path = f"{path}[{doc.id}]"
    return path


@dataclass
class Baseline:
    """Fingerprint counts per document key, with a description of each."""

    entries: dict[str, Counter[str]] = field(default_factory=dict)
    info: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        files = {}
        for key in sorted(self.entries):
            files[key] = {fp: {"count": n, **self.info.get(key, {}).get(fp, {})}
                          for fp, n in sorted(self.entries[key].items())}
        return {"format": FORMAT, "version": VERSION, "auditor": __version__,
                "created": dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat(),
                "files": files}

    @classmethod
    def from_json(cls, data: Any, where: str) -> Baseline:
        if not isinstance(data, dict) or data.get("format") != FORMAT or not isinstance(data.get("files"), dict):
            raise ConfigError(f"{where}: not an auditor baseline (expected format: {FORMAT!r} and files)")
        if data.get("version") != VERSION:
            raise ConfigError(f"{where}: baseline version {data.get('version')!r} is not supported "
                              f"(expected {VERSION}); recreate it with 'auditor baseline create'")
        out = cls()
        for key, fps in data["files"].items():
            if not isinstance(fps, dict):
                raise ConfigError(f"{where}: files.{key}: expected a mapping of fingerprints")
            counts: Counter[str] = Counter()
            for fp, entry in fps.items():
                count = entry.get("count", 1) if isinstance(entry, dict) else entry
                if not isinstance(count, int) or count < 0:
                    raise ConfigError(f"{where}: files.{key}.{fp}.count: expected a whole number")
                counts[fp] = count
                if isinstance(entry, dict):
                    out.info.setdefault(key, {})[fp] = {k: v for k, v in entry.items() if k != "count"}
            out.entries[key] = counts
        return out


def build(result: Any, base: Path) -> Baseline:
    """The baseline of a finished run."""
    texts = RawTexts(result.config)
    out = Baseline()
    for doc in result.documents():
        if not doc.findings:
            continue
        _, fps = texts.fingerprints(doc)
        key = doc_key(doc, base)
        counts = out.entries.setdefault(key, Counter())
        info = out.info.setdefault(key, {})
        for f, fp in zip(doc.findings, fps):
            counts[fp] += 1
            info.setdefault(fp, {"rule": f.rule, "text": f.text, "line": f.line})
    return out


def write(baseline: Baseline, path: Path) -> None:
    from auditor.fileio import atomic_write_text

    with atomic_write_text(path) as stream:
        json.dump(baseline.to_json(), stream, indent=1, ensure_ascii=False)
        stream.write("\n")


def load(path: Path) -> Baseline:
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError(f"--baseline: {path}: no such file (create one with 'auditor baseline create')") from None
    except OSError as exc:
        raise UsageError(f"--baseline: {path}: cannot read: {exc.strerror or exc}") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ConfigError(f"{path}:{exc.lineno}:{exc.colno}: invalid JSON in baseline: {exc.msg}") from None
    return Baseline.from_json(data, str(path))


@dataclass
class Comparison:
    new: int = 0
    baselined: int = 0
    fixed: list[tuple[str, str, str, int]] = field(default_factory=list)  # key, rule, text, count


def apply(result: Any, baseline: Baseline, base: Path) -> Comparison:
    """Keep only findings beyond the baseline's counts; list fixed entries.

    Matching is by exact fingerprint first; a finding whose context changed
    (an edit right next to it, e.g. a fixed neighbour) then still matches a
    left-over baseline entry of the same document with the same rule and
    matched text, so only genuinely new findings are reported.
    """
    texts = RawTexts(result.config)
    outcome = Comparison()
    remaining: dict[str, Counter[str]] = {}

    def keep(doc: DocumentResult) -> list:
        key = doc_key(doc, base)
        left = remaining.setdefault(key, Counter(baseline.entries.get(key, Counter())))
        if not doc.findings:
            return []
        _, fps = texts.fingerprints(doc)
        unmatched = []
        for f, fp in zip(doc.findings, fps):
            if left.get(fp, 0) > 0:
                left[fp] -= 1
                outcome.baselined += 1
            else:
                unmatched.append(f)
        kept = []
        for f in unmatched:
            weak = _weak_match(baseline, key, left, f.rule, f.text)
            if weak is not None:
                left[weak] -= 1
                outcome.baselined += 1
            else:
                kept.append(f)
        outcome.new += len(kept)
        return kept

    postfilter.apply(result, keep)
    for key, counts in sorted(remaining.items()):  # keys not audited in this run are not "fixed"
        for fp, n in sorted(counts.items()):
            if n > 0:
                info = baseline.info.get(key, {}).get(fp, {})
                outcome.fixed.append((key, str(info.get("rule", "?")), str(info.get("text", "")), n))
    return outcome


def _weak_match(baseline: Baseline, key: str, left: Counter[str], rule: str, text: str) -> str | None:
    info = baseline.info.get(key, {})
    wanted = normalise(text)
    for fp, n in left.items():
        entry = info.get(fp)
        if n > 0 and entry and entry.get("rule") == rule and normalise(str(entry.get("text", ""))) == wanted:
            return fp
    return None

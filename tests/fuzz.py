"""Fuzz the loaders and the audit: ``python -m tests.fuzz --runs N``.

A structured random fuzzer with no dependency beyond auditor itself (so the
short version runs in CI from the test extra). Each input is built from one
of several generators: tricky Unicode pieces (``İ`` lowercases to two code
points, ``\\u2028`` is a line break to ``str.splitlines``, lone combining
marks, bidi controls, NUL), mutated seed articles, Markdown and HTML built
from random constructs, YAML front matter, JSONL and CSV archives with
broken rows, and raw bytes in several encodings (or none). Every input goes
through the real loader path for its kind (decode, front matter, prose view
or HTML extraction, archive rows) and then through the per-document rules;
every ``--full-every``-th input also runs a whole corpus pass (corpus rules
included) over the last few documents.

What counts as a failure:

* any exception other than the loader's documented skip
  (:class:`~auditor.documents.decode.DecodeError`, reported as a warning);
* a broken invariant: a finding span outside the document, ``raw[start:end]``
  differing from the finding's text, a line/column that disagrees with the
  offset, a Markdown prose view whose length differs from the file's, an
  HTML offset map that leaves the file;
* an input that takes more than ``--slow`` seconds (a hang in the making).

Failing inputs are written to ``--out`` (default ``fuzz-failures/``) with the
traceback, and the run continues; the exit code is 1 if anything failed.
The same ``--seed`` replays the same inputs.
"""

from __future__ import annotations

import argparse
import codecs
import io
import json
import random
import sys
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"

PIECES = [
    # words and names the rules look for
    "the", "minister", "said", "President", "Zelensky", "Zelenskyy", "Zelenskiy", "Kyiv", "Kiev", "Kharkov",
    "Odesa", "Odessa", "David Lammy", "Lamy", "Foreign Secretary", "former", "then-", "-elect", "NATO", "Nato",
    "colour", "color", "organisation", "organization", "officials", "sources said", "reportedly", "allegedly",
    "according to", "Listen to this article", "Read more:", "Advertisement", "Share this", "Photo:", "©",
    "Story highlights", "Updated", "26 November 2024, 07:28", "2024-02-30", "2025-13-45",
    # punctuation and quotation marks
    ".", ",", ";", ":", "?", "!", "...", "…", "-", "–", "—", "'", '"', "“", "”", "‘", "’", "«", "»", "„", "‚",
    "‹", "›", "(", ")", "[", "]", "{", "}", "/", "\\", "*", "_", "`", "~", "#", "|", "<", ">", "&", "%", "$",
    # whitespace and line breaks of every kind
    " ", " ", " ", "\n", "\n\n", "\r\n", "\r", "\t", "\u00a0", "\u2009", "\u200b", "\u2028", "\u2029", "\x0b",
    "\x0c", "\x1c", "\x85", "\ufeff", "\u00ad",
    # case mapping that changes length, combining marks, bidi, scripts, emoji
    "İstanbul", "ß", "ﬁ", "ŉ", "ǰ", "e\u0301", "\u0301", "\u0300\u0301\u0302", "\u202e", "\u200f", "\u2066",
    "Київ", "Москва", "Αθήνα", "北京", "العربية", "עברית", "🇺🇦", "👩‍👩‍👧", "😀", "\U0001d400", "Ⅻ", "①",
    "١٢٣", "½", "\x7f", "\x01",
    # markup fragments
    "---\n", "```", "~~~", "    ", "> ", "* ", "- ", "1. ", "# ", "## ", "[link](http://example.com)",
    "![img](a.png)", "<!-- c -->", "<!--", "-->", "<p>", "</p>", "<div>", "<br>", "<script>", "</script>",
    "<b>", "&amp;", "&eacute;", "&#8217;", "&#x27;", "&nbsp;", "&bogus;", "http://x.y/z?q=1", "www.example.com",
    "[^1]", "[a]: http://x", "<a href='x'>", "</a>", "<meta name='date' content='2024-01-01'>",
    "<!-- auditor: disable -->", "<!-- auditor: enable -->", "<!-- auditor: disable-next-line names -->",
    "auditor: ignore", "# auditor: disable",
]

HTML_TAGS = ["p", "div", "span", "b", "i", "a", "br", "h1", "li", "ul", "table", "td", "script", "style", "nav",
             "header", "footer", "title", "head", "body", "html", "textarea", "svg", "iframe", "pre", "code",
             "template", "meta", "img", "xmp", "noscript", "aside", "form", "button", "blockquote"]
KINDS = {"txt": "a.txt", "md": "a.md", "html": "a.html", "jsonl": "a.jsonl", "csv": "a.csv"}


def _seed_texts() -> list[str]:
    texts = []
    if SEEDS.is_dir():
        for path in sorted(SEEDS.glob("*.txt")):
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
    return texts or ["The minister said on Tuesday that the budget would be published next week."]


# --------------------------------------------------------------------------- generators
class Generator:
    """Random inputs; deterministic for a given seed."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.seeds = _seed_texts()
        self.char_pool = self._char_pool(self.rng)

    def pieces(self, n: int | None = None) -> str:
        rng = self.rng
        n = rng.randint(0, 60) if n is None else n
        picks = rng.choices(PIECES, k=n)
        for _ in range(n // 7):
            picks[rng.randrange(n)] = self.random_chars(rng.randint(1, 6))
        return "".join(picks)

    def random_chars(self, n: int) -> str:
        return "".join(self.rng.choices(self.char_pool, k=n))

    @staticmethod
    def _char_pool(rng: random.Random) -> list[str]:
        """Mostly ASCII, then Latin, then the rest of the BMP, then astral."""
        pool = [chr(rng.randint(0x20, 0x7E)) for _ in range(1200)]
        pool += [chr(rng.randint(0xA0, 0x24F)) for _ in range(400)]
        pool += [chr(rng.randint(0x250, 0xFFFD)) for _ in range(300)]
        pool += [chr(rng.randint(0x10000, 0x10FFFF)) for _ in range(100)]
        return [c for c in pool if not 0xD800 <= ord(c) <= 0xDFFF]

    def seed_excerpt(self) -> str:
        text = self.rng.choice(self.seeds)
        if len(text) < 50:
            return text
        start = self.rng.randrange(len(text))
        return text[start:start + self.rng.randint(20, 3000)]

    def mutate(self, text: str, rounds: int | None = None) -> str:
        rng = self.rng
        for _ in range(rng.randint(1, 8) if rounds is None else rounds):
            pos = rng.randint(0, len(text))
            op = rng.random()
            if op < 0.4:
                text = text[:pos] + self.pieces(rng.randint(1, 4)) + text[pos:]
            elif op < 0.6 and text:
                end = min(len(text), pos + rng.randint(1, 40))
                text = text[:pos] + text[end:]
            elif op < 0.7 and text:
                end = min(len(text), pos + rng.randint(1, 200))
                text = text[:pos] + text[pos:end] * rng.randint(2, 4) + text[end:]
            elif op < 0.8 and text:
                end = min(len(text), pos + rng.randint(1, 30))
                text = text[:pos] + text[pos:end].swapcase() + text[end:]
            elif op < 0.9:
                text = text[:pos] + rng.choice(["\n", "\n\n", "\r\n", "“", "”", "\"", "'"]) + text[pos:]
            else:
                text = text[:pos] + self.seed_excerpt()[:80] + text[pos:]
        return text

    def prose(self) -> str:
        r = self.rng.random()
        if r < 0.35:
            return self.pieces()
        if r < 0.75:
            return self.mutate(self.seed_excerpt())
        return self.mutate(" ".join(self.pieces(self.rng.randint(3, 15)) for _ in range(self.rng.randint(1, 8))))

    def front_matter(self) -> str:
        rng = self.rng
        lines = []
        for _ in range(rng.randint(0, 5)):
            key = rng.choice(["date", "source", "title", "id", "auditor", "tags", "url", self.random_chars(3)])
            value = rng.choice([
                "2024-11-27", "2024-02-30", "2025-13-45", "26 November 2024", "seed-001", "[a, b]", "{ignore: [names]}",
                "{ignore: names.misspelled}", "", "null", "!!python/object:os.system", "&a [1]", "*a", "'unclosed",
                "[" * rng.randint(1, 80), json.dumps(self.pieces(3)), "|\n  block text\n  more",
            ])
            lines.append(f"{key}: {value}")
        close = rng.choice(["---", "...", "--", ""])
        return "---\n" + "\n".join(lines) + f"\n{close}\n"

    def markdown(self) -> str:
        rng = self.rng
        blocks = []
        for _ in range(rng.randint(1, 10)):
            kind = rng.random()
            prose = self.prose()
            if kind < 0.5:
                blocks.append(prose)
            elif kind < 0.6:
                fence = rng.choice(["```", "~~~", "````"])
                blocks.append(f"{fence}{rng.choice(['', 'python'])}\n{prose}\n" + (fence if rng.random() < 0.7 else ""))
            elif kind < 0.7:
                blocks.append("\n".join("    " + line for line in prose.split("\n")))
            elif kind < 0.8:
                blocks.append("\n".join(rng.choice(["- ", "* ", "1. ", "> "]) + line for line in prose.split("\n")))
            elif kind < 0.9:
                blocks.append(f"[{prose[:40]}]({self.random_chars(10)}) `{prose[40:60]}` <{rng.choice(HTML_TAGS)}>")
            else:
                blocks.append(f"# {prose[:80]}")
        text = "\n\n".join(blocks)
        if rng.random() < 0.4:
            text = self.front_matter() + text
        return text

    def html(self) -> str:
        rng = self.rng
        parts = []
        open_tags: list[str] = []
        for _ in range(rng.randint(1, 40)):
            r = rng.random()
            if r < 0.35:
                tag = rng.choice(HTML_TAGS)
                attrs = "".join(rng.choice([" class=x", " id='a'", ' title="t>t"', " data-x", " a=b/", ' broken="',
                                            " content='2024-01-01' name=date", " =x", " '"])
                                for _ in range(rng.randint(0, 2)))
                parts.append(f"<{tag}{attrs}{rng.choice(['>', '/>', '', ' >'])}")
                open_tags.append(tag)
            elif r < 0.55 and open_tags:
                parts.append(f"</{open_tags.pop(rng.randrange(len(open_tags)))}>")
            elif r < 0.6:
                parts.append(rng.choice(["<!--", "-->", "<!-- x -->", "<!DOCTYPE html>", "<?xml ?>", "</>", "< p>",
                                         "<![CDATA[x]]>", "&", "&amp", "&#0;", "&#x110000;", "&#99999999;"]))
            else:
                parts.append(self.prose())
        if rng.random() < 0.1:
            depth = rng.randint(100, 3000)
            parts.insert(rng.randrange(len(parts) + 1), "<div>" * depth)
        return "".join(parts)

    def archive(self, kind: str) -> bytes:
        rng = self.rng
        lines = []
        for i in range(rng.randint(0, 6)):
            r = rng.random()
            if kind == "jsonl":
                if r < 0.7:
                    row: Any = {"id": rng.choice([i, f"r{i}", None, [1], "../../etc/x"]), "text": self.prose(),
                                "date": rng.choice(["2024-11-27", "bad", 5, None]),
                                "source": rng.choice(["outlet", None, {"x": 1}, ""])}
                    lines.append(json.dumps(row, ensure_ascii=rng.random() < 0.5))
                elif r < 0.8:
                    lines.append(rng.choice(["[1, 2]", '"text"', "null", "{", "{\"text\": 5}", "[" * 3000]))
                else:
                    lines.append(self.mutate(json.dumps({"text": self.prose()}), 2))
            else:
                if i == 0:
                    lines.append(rng.choice(["id,text,date", "text", "id,body", "id,text,text", "\ufeffid,text", ""]))
                text = self.prose().replace('"', '""')
                lines.append(rng.choice([f'{i},"{text}",2024-01-01', f"{i},{text[:30]}", f'{i},"{text}', f"{i}"]))
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        return self.bytes_noise(data) if rng.random() < 0.1 else data

    def bytes_noise(self, data: bytes) -> bytes:
        rng = self.rng
        out = bytearray(data)
        for _ in range(rng.randint(1, 5)):
            if out and rng.random() < 0.7:
                out[rng.randrange(len(out))] = rng.randrange(256)
            else:
                out[rng.randint(0, len(out)):0] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4)))
        return bytes(out)

    def encode(self, text: str) -> bytes:
        rng = self.rng
        r = rng.random()
        if r < 0.75:
            return text.encode("utf-8", "surrogatepass")
        if r < 0.8:
            return codecs.BOM_UTF8 + text.encode("utf-8")
        if r < 0.85:
            return codecs.BOM_UTF16_LE + text.encode("utf-16-le")
        if r < 0.88:
            return text.encode(rng.choice(["utf-16-le", "utf-16-be"]))
        if r < 0.92:
            return text.encode("latin-1", "replace")
        if r < 0.95:
            return self.bytes_noise(text.encode("utf-8"))
        if r < 0.96:  # text with a NUL: binary to the loader
            pos = rng.randint(0, len(text))
            return (text[:pos] + "\x00" + text[pos:]).encode("utf-8")
        return bytes(rng.randrange(256) for _ in range(rng.randint(0, 200)))

    def __iter__(self) -> Iterator[tuple[str, bytes]]:
        rng = self.rng
        while True:
            kind = rng.choices(["txt", "md", "html", "jsonl", "csv"], weights=[35, 30, 20, 10, 5])[0]
            if kind in ("jsonl", "csv"):
                yield kind, self.archive(kind)
            elif kind == "md":
                yield kind, self.encode(self.markdown())
            elif kind == "html":
                yield kind, self.encode(self.html())
            else:
                text = self.prose() if rng.random() < 0.8 else self.markdown()
                yield kind, self.encode(text)


# --------------------------------------------------------------------------- checks
class InvariantError(AssertionError):
    pass


def check_document(doc: Any) -> None:
    """Invariants of a loaded document (independent of any rule)."""
    if doc.kind in ("txt", "md", "jsonl", "csv") and len(doc.text) != len(doc.raw):
        raise InvariantError(f"prose view length {len(doc.text)} != raw length {len(doc.raw)}")
    if doc.kind == "md" and [len(x) for x in doc.text.split("\n")] != [len(x) for x in doc.raw.split("\n")]:
        raise InvariantError("prose view moved a line break")
    if doc.offset_map is not None:
        n = len(doc.text)
        probes = {0, n, max(0, n - 1), n // 2}
        probes.update(range(0, n, max(1, n // 16)))
        for start in sorted(probes):
            for end in (start, min(n, start + 1), min(n, start + 7), n):
                if end < start:
                    continue
                s, e = doc.offset_map.span_to_source(start, end)
                if not 0 <= s <= e <= len(doc.raw):
                    raise InvariantError(f"offset map: view {start}:{end} -> source {s}:{e} outside 0:{len(doc.raw)}")


def check_finding(doc: Any, f: Any, *, one_line_message: bool = True) -> None:
    """A finding's span lies in the raw text and agrees with its text, line and
    column; and (unless told otherwise) its message is one line, because
    text, GitHub and gcc-style reports print one finding per line."""
    raw = doc.raw
    if not 0 <= f.start <= f.end <= len(raw):
        raise InvariantError(f"{f.rule}: span {f.start}:{f.end} outside 0:{len(raw)}")
    if raw[f.start:f.end] != f.text:
        raise InvariantError(f"{f.rule}: raw[{f.start}:{f.end}]={raw[f.start:f.end]!r} != text {f.text!r}")
    line = raw.count("\n", 0, f.start) + doc.base_line
    column = f.start - (raw.rfind("\n", 0, f.start) + 1) + 1
    if (f.line, f.column) != (line, column):
        raise InvariantError(f"{f.rule}: line/column {f.line}:{f.column} != {line}:{column} for offset {f.start}")
    if one_line_message and (not f.message or "\n" in f.message or "\r" in f.message):
        raise InvariantError(f"{f.rule}: message must be one non-empty line: {f.message!r}")


# --------------------------------------------------------------------------- harness
@dataclass
class Harness:
    """Loads inputs through the real loader and runs the rules on them."""

    config: Any
    rules: list[Any]
    warnings: list[str] = field(default_factory=list)
    one_line_message: bool = True

    @classmethod
    def create(cls, select: list[str] | None = None) -> Harness:
        from auditor.config import load_config
        from auditor.registry import build_rules
        from auditor.rules.base import Context

        config = load_config(None, {"select": select} if select else None)
        return cls(config, build_rules(config, Context(config)))

    def load(self, kind: str, data: bytes) -> list[Any]:
        from auditor.documents.loader import Loader

        loader = Loader(self.config, self.warnings.append)
        name = KINDS[kind]
        if kind in ("jsonl", "csv"):
            docs = list(loader._archive_rows(io.BytesIO(data), name, kind, None))
        else:
            doc = loader._text_document(data, name, kind, None)
            docs = [doc] if doc is not None else []
        for doc in docs:
            check_document(doc)
        return docs

    def check(self, docs: list[Any], rules: list[Any] | None = None) -> list[Any]:
        from auditor.engine import check_document as run_rules

        found = []
        for doc in docs:
            findings, _ = run_rules(doc, self.rules if rules is None else rules)
            for f in findings:
                check_finding(doc, f, one_line_message=self.one_line_message)
            found.extend(findings)
        return found

    def corpus(self, docs: list[Any]) -> list[Any]:
        """A whole audit of ``docs`` as one corpus (corpus rules included)."""
        from auditor.engine import check_document as run_rules
        from auditor.engine import finish_corpus

        observations: dict[str, list] = {}
        by_ordinal = {}
        findings = []
        for ordinal, doc in enumerate(docs):
            doc.ordinal = ordinal
            by_ordinal[ordinal] = doc
            found, observed = run_rules(doc, self.rules)
            for f in found:
                check_finding(doc, f, one_line_message=self.one_line_message)
            findings.extend(found)
            for rule_id, obs in observed.items():
                observations.setdefault(rule_id, []).append(obs)
        for f in finish_corpus(self.rules, observations):
            doc = by_ordinal.get(f.doc)
            if doc is None:
                raise InvariantError(f"{f.rule}: corpus finding for unknown document {f.doc}")
            check_finding(doc, f, one_line_message=self.one_line_message)
            findings.append(f)
        return findings


@dataclass
class Stats:
    inputs: int = 0
    documents: int = 0
    checked: int = 0  # documents that went through the per-document rules
    findings: int = 0
    skipped: int = 0
    corpus_runs: int = 0
    failures: int = 0
    slowest: tuple[float, str] = (0.0, "")
    by_kind: Counter[str] = field(default_factory=Counter)


def fuzz(runs: int, seed: int, *, full_every: int = 50, rules_every: int = 1, slow: float = 5.0,
         out: Path | None = None,
         max_seconds: float | None = None, report_every: float = 60.0, one_line_message: bool = True,
         on_failure: Callable[[str, bytes, str], None] | None = None) -> Stats:
    """Run ``runs`` inputs; returns the statistics (failures are counted and saved)."""
    harness = Harness.create()
    harness.one_line_message = one_line_message
    stats = Stats()
    recent: list[Any] = []
    started = last_report = time.perf_counter()
    generator = iter(Generator(seed))
    for index in range(runs):
        kind, data = next(generator)
        t0 = time.perf_counter()
        stage = "load"
        try:
            docs = harness.load(kind, data)
            if harness.warnings and not docs:
                stats.skipped += 1
            stats.documents += len(docs)
            if rules_every and index % rules_every == 0:
                stage = "rules"
                stats.findings += len(harness.check(docs))
                stats.checked += len(docs)
            recent = (recent + docs)[-6:]
            if full_every and index % full_every == full_every - 1 and recent:
                stage = "corpus"
                harness.corpus(recent)
                stats.corpus_runs += 1
        except Exception as exc:  # noqa: BLE001 - a fuzzer records every failure
            stats.failures += 1
            detail = f"{stage}: {type(exc).__name__}: {exc}\n{traceback.format_exc()}"
            _save(out, seed, index, kind, data, detail)
            if on_failure is not None:
                on_failure(kind, data, detail)
        harness.warnings.clear()
        elapsed = time.perf_counter() - t0
        if elapsed > stats.slowest[0]:
            stats.slowest = (elapsed, f"input {index} ({kind}, {len(data)} bytes)")
        if elapsed > slow:
            stats.failures += 1
            detail = f"slow: {elapsed:.1f}s for {len(data)} bytes"
            _save(out, seed, index, kind, data, detail)
            if on_failure is not None:
                on_failure(kind, data, detail)
        stats.inputs += 1
        stats.by_kind[kind] += 1
        now = time.perf_counter()
        if report_every and now - last_report >= report_every:
            last_report = now
            _progress(stats, now - started)
        if max_seconds is not None and now - started > max_seconds:
            break
    return stats


def _save(out: Path | None, seed: int, index: int, kind: str, data: bytes, detail: str) -> None:
    if out is None:
        return
    out.mkdir(parents=True, exist_ok=True)
    stem = out / f"seed{seed}-{index}.{kind}"
    stem.with_suffix(stem.suffix + ".input").write_bytes(data)
    stem.with_suffix(stem.suffix + ".txt").write_text(detail, encoding="utf-8")
    print(f"FAILURE {stem.name}: {detail.splitlines()[0]}", file=sys.stderr, flush=True)


def _progress(stats: Stats, elapsed: float) -> None:
    print(f"[{elapsed:7.0f}s] {stats.inputs} inputs ({stats.inputs / max(elapsed, 1e-9):.0f}/s), "
          f"{stats.documents} documents ({stats.checked} through the rules), {stats.findings} findings, {stats.skipped} skipped, "
          f"{stats.corpus_runs} corpus runs, {stats.failures} failures", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10_000, help="number of inputs (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (same seed, same inputs)")
    parser.add_argument("--full-every", type=int, default=50, help="a corpus pass every N inputs (0: never)")
    parser.add_argument("--rules-every", type=int, default=1,
                        help="run the per-document rules on every Nth input; the loaders see every input")
    parser.add_argument("--slow", type=float, default=5.0, help="seconds after which an input counts as a hang")
    parser.add_argument("--max-seconds", type=float, default=None, help="stop after this long")
    parser.add_argument("--out", type=Path, default=Path("fuzz-failures"), help="where failing inputs are saved")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    stats = fuzz(args.runs, args.seed, full_every=args.full_every, rules_every=args.rules_every, slow=args.slow,
                 out=args.out,
                 max_seconds=args.max_seconds)
    elapsed = time.perf_counter() - started
    _progress(stats, elapsed)
    print(json.dumps({"inputs": stats.inputs, "seconds": round(elapsed, 1), "documents": stats.documents, "checked_by_rules": stats.checked,
                      "findings": stats.findings, "skipped": stats.skipped, "corpus_runs": stats.corpus_runs,
                      "failures": stats.failures, "slowest": [round(stats.slowest[0], 3), stats.slowest[1]],
                      "by_kind": dict(stats.by_kind), "seed": args.seed}))
    return 1 if stats.failures else 0


if __name__ == "__main__":
    sys.exit(main())

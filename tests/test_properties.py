"""Property tests (Hypothesis): any input loads and audits without an
exception, and every finding points at exactly the text it reports.

The invariants are the fuzz harness's (tests/fuzz.py), so the short CI
properties and the long fuzzing run check the same things:

* a finding's span lies inside the document and ``raw[start:end]`` is the
  finding's ``text``; its line and column agree with the offset;
* a Markdown prose view keeps the file's length and line breaks;
* the HTML loader's offset map keeps every view span inside the file, in
  order, and a word of the visible text maps back to that word in the file;
* ``fix`` is idempotent (a second run changes nothing) and changes only the
  spans of the findings it applied.

Example counts are moderate so CI stays fast; the fuzz harness runs the
same checks at scale (``python -m tests.fuzz --runs N``).
"""

from __future__ import annotations

import re
import tempfile
from functools import lru_cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz import PIECES, Generator, Harness, check_document, check_finding, fuzz

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow],
                    derandomize=True)  # a CI gate must not fail on a new random draw;
# tests/fuzz.py is where randomness explores


@lru_cache(maxsize=1)
def harness() -> Harness:
    h = Harness.create()
    h.one_line_message = False  # the fuzz run reports multi-line messages; here only the invariants
    return h


# --------------------------------------------------------------------------- strategies
pieces = st.lists(st.one_of(st.sampled_from(PIECES), st.text(max_size=8)), max_size=80).map("".join)
any_text = st.one_of(st.text(max_size=600), pieces)
word = st.from_regex(r"[A-Za-z]{1,12}", fullmatch=True)
sentence = st.lists(st.one_of(word, st.sampled_from(PIECES)), min_size=1, max_size=25).map(" ".join)


@st.composite
def markdown_docs(draw) -> str:
    blocks = []
    for _ in range(draw(st.integers(1, 8))):
        text = draw(sentence)
        kind = draw(st.sampled_from(["p", "code", "fence", "quote", "list", "heading", "link", "html", "indent"]))
        blocks.append({
            "p": text,
            "code": f"`{text}`",
            "fence": f"```\n{text}\n```" if draw(st.booleans()) else f"~~~\n{text}",
            "quote": "> " + text,
            "list": "- " + text.replace("\n", "\n- "),
            "heading": "## " + text,
            "link": f"[{text}](http://example.com/{draw(word)}) and ![alt]({draw(word)}.png)",
            "html": f"<span class=\"x\">{text}</span> <!-- {text} -->",
            "indent": "    " + text,
        }[kind])
    body = "\n\n".join(blocks)
    if draw(st.booleans()):
        date = draw(st.sampled_from(["2024-11-27", "2019-05-01", "2024-02-30", "26 November 2024", "[oops"]))
        body = f"---\ndate: {date}\nsource: {draw(word)}\n---\n{body}"
    return body


TAGS = ["p", "div", "span", "b", "i", "a", "br", "h2", "li", "td", "script", "style", "nav", "title", "em"]


@st.composite
def html_docs(draw, entities: bool = True) -> str:
    parts = []
    for _ in range(draw(st.integers(1, 25))):
        choice = draw(st.integers(0, 9))
        if choice < 4:
            parts.append(draw(sentence) if entities else " ".join(draw(st.lists(word, min_size=1, max_size=8))))
        elif choice < 7:
            tag = draw(st.sampled_from(TAGS))
            attr = draw(st.sampled_from(["", ' class="c"', " id=x", " title='a b'"]))
            parts.append(f"<{tag}{attr}>")
        elif choice < 9:
            parts.append(f"</{draw(st.sampled_from(TAGS))}>")
        elif entities:
            parts.append(draw(st.sampled_from(["&amp;", "&eacute;", "&#8217;", "&#x41;", "&nbsp;", "&bogus;", "&",
                                               "<!-- c -->", "<!DOCTYPE html>", "\n", "\r\n"])))
        else:
            parts.append(draw(st.sampled_from(["<!-- c -->", "\n", "<br/>", " "])))
    return "".join(parts)


# --------------------------------------------------------------------------- loading and auditing
def _audit(kind: str, text: str) -> None:
    h = harness()
    docs = h.load(kind, text.encode("utf-8"))  # check_document runs inside load
    h.warnings.clear()
    for doc in docs:
        for f in h.check([doc]):
            check_finding(doc, f, one_line_message=False)  # (h.check checked it already)


@SETTINGS
@given(any_text)
def test_any_text_audits_cleanly(text: str) -> None:
    _audit("txt", text)


@SETTINGS
@given(st.one_of(any_text, markdown_docs()))
def test_any_markdown_audits_cleanly(text: str) -> None:
    _audit("md", text)


@SETTINGS
@given(st.one_of(any_text, html_docs()))
def test_any_html_audits_cleanly(text: str) -> None:
    _audit("html", text)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(markdown_docs(), pieces), min_size=2, max_size=5))
def test_a_corpus_audits_cleanly(texts: list[str]) -> None:
    h = harness()
    docs = [d for t in texts for d in h.load("md", t.encode("utf-8"))]
    h.warnings.clear()
    h.corpus(docs)  # corpus findings are checked against their own documents


@SETTINGS
@given(any_text)
def test_any_bytes_of_any_encoding_load_or_skip(text: str) -> None:
    """Every encoding the decoder accepts round-trips; nothing else crashes."""
    h = harness()
    for data in (text.encode("utf-8"), b"\xef\xbb\xbf" + text.encode("utf-8"),
                 b"\xff\xfe" + text.encode("utf-16-le"), text.encode("utf-8")[:-1]):
        for kind in ("txt", "md", "html", "jsonl", "csv"):
            h.load(kind, data)
            h.warnings.clear()
    docs = h.load("txt", b"\xff\xfe" + text.encode("utf-16-le"))
    h.warnings.clear()
    if "\x00" in text:  # documented: NUL means binary, the file is skipped with a warning
        assert not docs
    else:
        assert docs and docs[0].raw == text


# --------------------------------------------------------------------------- the HTML offset map
@SETTINGS
@given(html_docs())
def test_html_offset_map_stays_inside_the_source(raw: str) -> None:
    from auditor.documents.html import extract

    text, offset_map, _ = extract(raw)
    previous = 0
    for start in range(0, len(text) + 1):
        s, e = offset_map.span_to_source(start, min(len(text), start + 5))
        assert 0 <= s <= e <= len(raw)
        assert s >= previous  # monotonic: later view text comes from later source text
        previous = s


@SETTINGS
@given(html_docs(entities=False))
def test_html_words_map_back_to_the_same_words(raw: str) -> None:
    from auditor.documents.html import extract

    # A word may straddle markup the loader hides (a <script>, a <title>, an
    # unclosed <nav>): its span then covers that markup. So the span must
    # start on the word's first letter, end on its last, and hold the word's
    # letters in order once tags are removed.
    text, offset_map, _ = extract(raw)
    for m in re.finditer(r"[A-Za-z]+", text):
        s, e = offset_map.span_to_source(m.start(), m.end())
        word, span = m.group(0), raw[s:e]
        assert span[:1] == word[0] and span[-1:] == word[-1], (word, span)
        visible = iter(re.sub(r"<[^>]*>", "", span))
        assert all(ch in visible for ch in word), (word, span)


def test_html_entities_map_to_the_whole_entity() -> None:
    from auditor.documents.html import extract

    raw = "<p>Caf&eacute; owner &amp; Zelens&#39;kyy</p>"
    text, offset_map, _ = extract(raw)
    for word, source in (("Café", "Caf&eacute;"), ("&", "&amp;"), ("Zelens'kyy", "Zelens&#39;kyy")):
        start = text.index(word)
        s, e = offset_map.span_to_source(start, start + len(word))
        assert raw[s:e] == source


# --------------------------------------------------------------------------- fix
FIXABLE = ["Kiev", "Kyiv", "Lamy", "Lammy", "David Lammy", "Foreign Secretary", "Odessa", "Kharkov", "colour",
           "color", "Defense Secretary", "Defence Secretary", "Ministry of Defense", "organization", "said"]
fix_text = st.lists(st.one_of(st.sampled_from(FIXABLE), st.sampled_from([" ", ". ", ", ", "\n", "\n\n", "“", "”"]),
                              st.sampled_from(PIECES)), min_size=1, max_size=60).map("".join)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fix_text, st.sampled_from(["txt", "md", "html"]), st.sampled_from(["2024-11-27", "2018-01-01"]))
def test_fix_is_idempotent_and_changes_only_reported_spans(body: str, kind: str, date: str) -> None:
    from auditor.config import load_config
    from auditor.fix import fix_paths

    lead = "Foreign Secretary David Lammy spoke in Kyiv. "
    text = lead + body
    if kind == "md":
        text = f"---\ndate: {date}\n---\n{text}"
    elif kind == "html":
        text = f"<html><head><meta name=\"date\" content=\"{date}\"></head><body><p>{text}</p></body></html>"
    config = load_config(None)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"article.{kind}"
        path.write_bytes(text.encode("utf-8"))
        first = fix_paths([str(path)], config, jobs=1)
        fixed = path.read_bytes().decode("utf-8")
        for planned in first.files:
            _only_applied_spans_changed(planned)
            assert planned.fixed == fixed
        second = fix_paths([str(path)], config, jobs=1)
        assert path.read_bytes().decode("utf-8") == fixed
        assert not any(p.changed for p in second.files), [
            (f.rule, f.text, f.suggestion) for p in second.files for f in p.applied]


def _only_applied_spans_changed(planned) -> None:
    """Outside the applied findings' spans the fixed text is the original."""
    cursor = 0
    pieces = []
    for f in sorted(planned.applied, key=lambda f: f.start):
        assert planned.original[f.start:f.end] == f.text
        pieces.append(planned.original[cursor:f.start])
        pieces.append(f.suggestion)
        cursor = f.end
    pieces.append(planned.original[cursor:])
    assert "".join(pieces) == planned.fixed


# --------------------------------------------------------------------------- the fuzz harness, short
def test_fuzz_harness_short_run() -> None:
    """CI's short fuzzing run: 2,000 generated inputs through the loaders,
    every 10th through all per-document rules, a corpus pass every 500."""
    failures: list[str] = []
    stats = fuzz(2000, seed=12345, full_every=500, rules_every=10, slow=30.0, out=None, report_every=0,
                 one_line_message=True,
                 on_failure=lambda kind, data, detail: failures.append(f"{kind} {data[:200]!r}: {detail[:2000]}"))
    assert stats.inputs == 2000
    assert stats.documents > 1000 and stats.checked > 100
    assert not failures, "\n\n".join(failures[:3])


def test_generator_is_deterministic() -> None:
    a = [next(iter(Generator(7))) for _ in range(1)]
    gen_a, gen_b = iter(Generator(7)), iter(Generator(7))
    assert [next(gen_a) for _ in range(50)] == [next(gen_b) for _ in range(50)]
    assert a


def test_invariant_checks_can_fail() -> None:
    """The checks are not vacuous: a wrong span or line is caught."""
    from auditor.model import Finding, Severity
    from auditor.testing import make_document

    doc = make_document("one\ntwo Kiev")
    good = Finding("x.y", "x", Severity.INFO, 1.0, 8, 12, 2, 5, "Kiev", "m")
    check_finding(doc, good)
    for bad in (Finding("x.y", "x", Severity.INFO, 1.0, 8, 13, 2, 5, "Kiev", "m"),
                Finding("x.y", "x", Severity.INFO, 1.0, 8, 12, 1, 9, "Kiev", "m"),
                Finding("x.y", "x", Severity.INFO, 1.0, 8, 12, 2, 5, "Kyiv", "m")):
        with pytest.raises(AssertionError):
            check_finding(doc, bad)
    doc.text = doc.text + " "
    with pytest.raises(AssertionError):
        check_document(doc)


def test_fix_property_is_not_vacuous(tmp_path: Path) -> None:
    """The generated fix texts do produce fixes, including through an HTML entity."""
    from auditor.config import load_config
    from auditor.fix import fix_paths

    path = tmp_path / "a.html"
    path.write_text("<html><head><meta name=\"date\" content=\"2024-11-27\"></head><body><p>Foreign Secretary "
                    "David Lammy spoke in Kyiv. Lamy said Ki&#101;v was calm.</p></body></html>", encoding="utf-8")
    report = fix_paths([str(path)], load_config(None), jobs=1)
    assert any(p.changed for p in report.files)
    fixed = path.read_text(encoding="utf-8")
    assert "Lammy said Kyiv was calm." in fixed and "&#101;" not in fixed
    _only_applied_spans_changed(report.files[0])


def test_messages_are_one_line_even_when_the_match_spans_lines() -> None:
    from auditor.testing import run_on_texts

    findings = run_on_texts(["The paper was citing\n\n anonymous sources in its report.",
                             "He cited media \r\nreports that have been impossible to verify.",
                             "The minister spoke.\r\nRead more: Council approves new housing plan\r\nMore text.\r\n"])
    assert findings
    assert all("\n" not in f.message and "\r" not in f.message for f in findings), [f.message for f in findings]

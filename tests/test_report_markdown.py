"""The Markdown summary (PR comments, $GITHUB_STEP_SUMMARY)."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

from auditor.cli import main
from auditor.report.markdown import MAX_CHARS, escape

ROOT = Path(__file__).resolve().parents[1]


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def test_escape_neutralises_html_and_table_syntax():
    s = escape('<script>alert(1)</script> | [x](javascript:alert(1)) **b** `c`\nnext')
    assert "<" not in s and ">" not in s
    assert "&lt;script&gt;" in s
    assert "\\|" in s and "\\[x\\]" in s and "\\*\\*b\\*\\*" in s and "\\`c\\`" in s
    assert "\n" not in s
    assert escape("x" * 500, 50).endswith("…") and len(escape("x" * 500, 50)) == 50


def test_markdown_summary_of_a_small_corpus(tmp_path):
    (tmp_path / ".auditor.yml").write_text("sources:\n  - {path: '**/bad*', source: 'bad|<b>outlet</b>'}\n")
    (tmp_path / "bad.txt").write_text("Listen to this article\nLoading audio...\n\nThe council met. "
                                      "<script>alert(1)</script> Read more: <img src=x onerror=alert(1)>\n")
    (tmp_path / "good.txt").write_text("The council met on Tuesday and approved the budget for next year.\n")
    code, out = cli("audit", str(tmp_path), "--format", "markdown", "--no-history")
    assert code in (0, 1)
    assert out.startswith("### ")
    assert "| # | Source | Score |" in out
    assert "bad\\|&lt;b&gt;outlet&lt;/b&gt;" in out  # the hostile source name, escaped in the table
    assert "<script>" not in out and "<img" not in out and "<b>" not in out
    # every table row has the same number of unescaped cell separators as the header
    import re

    header = next(line for line in out.splitlines() if line.startswith("| # | Source"))
    cells = len(re.findall(r"(?<!\\)\|", header))
    for line in out.splitlines():
        if line.startswith("| ") and "Score" not in line and line.count("|") > 3 and "Rule" not in line:
            if re.match(r"\| \d+ \|", line):
                assert len(re.findall(r"(?<!\\)\|", line)) == cells, line
    assert "<details><summary>Findings" in out
    assert len(out) < MAX_CHARS + 5000


def test_markdown_clean_corpus(tmp_path):
    (tmp_path / "good.txt").write_text("The council met on Tuesday and approved the budget for next year.\n")
    code, out = cli("audit", str(tmp_path), "--format", "markdown", "--no-history", "--select", "boilerplate")
    assert code == 0
    assert out.startswith("### ✅ auditor: 0 findings in 1 document")
    assert "No findings" in out


def test_markdown_on_the_seeds_ranks_003_first():
    seeds = ROOT / "seeds"
    code, out = cli("audit", str(seeds), "--format", "markdown", "--no-history")
    assert code in (0, 1)
    first_row = next(line for line in out.splitlines() if line.startswith("| 1 |"))
    assert "seed-003" in first_row


def test_csv_findings_report_defuses_formulas(tmp_path):
    import csv

    (tmp_path / ".auditor.yml").write_text("sources:\n  - {path: '**/a.txt', source: '@SUM(A1)'}\n")
    (tmp_path / "a.txt").write_text("Listen to this article\n\nThe council met on Tuesday.\n")
    code, out = cli("audit", str(tmp_path / "a.txt"), "--format", "csv", "--no-history", "-c",
                    str(tmp_path / ".auditor.yml"))
    assert code in (0, 1)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and rows[0]["rule"].startswith("boilerplate.")
    assert rows[0]["source"] == "'@SUM(A1)"
    assert rows[0]["text"] == "Listen to this article"
    assert 0 <= float(rows[0]["document_score"]) < 100

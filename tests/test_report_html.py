"""The HTML report: escaping of hostile article text, highlights in place,
self-containment, and what a reader sees in a real headless browser."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import io
import json
import re
import shutil
import subprocess
import tempfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from auditor.cli import main
from auditor.report.html import _segments

ROOT = Path(__file__).resolve().parents[1]

HOSTILE = (
    "Listen to this article\n\n"
    "The council met on Tuesday. <script>document.title='PWNED'</script>\n"
    "\"><img src=x onerror=\"document.body.setAttribute('data-pwned','1')\">\n"
    "<a href=\"javascript:document.body.setAttribute('data-pwned','2')\">click here</a>\n"
    "' onmouseover='alert(1)' x='\n"
    "Read more: </pre></mark><script>document.body.setAttribute('data-pwned','3')</script>\n"
)


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text inside <mark>s."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.marks: list[str] = []
        self._in_mark = 0
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag == "mark":
            self._in_mark += 1
            self.marks.append("")
        if tag == "script":
            self._in_script = True
            self.script_bodies.append("")

    def handle_endtag(self, tag):
        if tag == "mark":
            self._in_mark -= 1
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_mark:
            self.marks[-1] += data
        if self._in_script:
            self.script_bodies[-1] += data


def parse(html_text: str) -> Tags:
    p = Tags()
    p.feed(html_text)
    return p


def cli(*args: str) -> tuple[int, str]:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(list(args))
    return code, out.getvalue()


def hostile_corpus(tmp_path: Path) -> Path:
    (tmp_path / ".auditor.yml").write_text(
        "sources:\n  - {path: '**/evil*', source: '\"><svg onload=alert(1)>'}\n")
    (tmp_path / "evil.txt").write_text(HOSTILE, encoding="utf-8")
    (tmp_path / "good.txt").write_text("The council met on Tuesday and approved the budget for next year.\n")
    return tmp_path


def render(paths: list[str], out: Path, *extra: str) -> str:
    code, _ = cli("audit", *paths, "--format", "html", "--output", str(out), "--no-history", *extra)
    assert code in (0, 1)
    return out.read_text(encoding="utf-8")


def check_safe(page: str) -> Tags:
    tags = parse(page)
    scripts = [a for t, a in tags.tags if t == "script"]
    assert len(scripts) == 1, "only the report's own script"
    for tag, attrs in tags.tags:
        assert tag not in ("img", "iframe", "object", "embed", "link", "base", "form"), tag
        for name, value in attrs.items():
            assert not name.startswith("on"), (tag, name)
            if name in ("href", "src", "action", "xlink:href"):
                assert (value or "").startswith("#"), (tag, name, value)
    return tags


def test_hostile_article_text_is_escaped(tmp_path):
    corpus = hostile_corpus(tmp_path)
    page = render([str(corpus)], tmp_path / "r.html")
    tags = check_safe(page)
    assert "&lt;script&gt;document.title=&#39;PWNED&#39;&lt;/script&gt;" in page
    assert "javascript:" not in "".join(v or "" for _, a in tags.tags for v in a.values())
    assert "PWNED" not in tags.script_bodies[0]
    # the hostile source name appears as text, escaped, in the table and the chart
    assert "&#34;&gt;&lt;svg onload=alert(1)&gt;" in page
    assert [t for t, a in tags.tags if t == "svg"] == ["svg"]  # the chart only


def test_content_security_policy_admits_only_the_reports_own_script(tmp_path):
    page = render([str(hostile_corpus(tmp_path))], tmp_path / "r.html")
    tags = parse(page)
    csp = next(a["content"] for t, a in tags.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy")
    body = tags.script_bodies[0]
    digest = base64.b64encode(hashlib.sha256(body.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in csp
    assert "default-src 'none'" in csp
    assert not re.search(r"(src|href)=\"https?:", page)  # self-contained: nothing fetched


def test_findings_are_highlighted_in_place(tmp_path):
    seeds = ROOT / "seeds"
    page = render([str(seeds)], tmp_path / "r.html")
    tags = parse(page)
    marks = tags.marks
    assert "Healy" in marks and "Lamy" in marks
    assert "Listen to this article" in marks
    code, out = cli("audit", str(seeds), "--format", "json", "--no-history")
    findings = [f for d in json.loads(out)["documents"] for f in d["findings"]]
    texts = {f["text"] for f in findings}
    # every highlight is (part of) a finding's text
    assert all(any(m in t for t in texts) for m in marks if m != "\u2038")
    # every finding is listed with its rule
    assert page.count('data-f="f') == len(findings)


def test_archive_rows_are_reread_for_the_text(tmp_path):
    rows = [{"id": "r1", "outlet": "Daily <b>", "text": "Listen to this article\n\nA story about the council."},
            {"id": "r2", "outlet": "Weekly", "text": "A quiet story about the budget and the council."}]
    archive = tmp_path / "a.jsonl"
    archive.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    page = render([str(archive)], tmp_path / "r.html")
    assert "a.jsonl[r1]" in page
    assert "Listen to this article" in parse(page).marks
    assert "Daily &lt;b&gt;" in page


def test_html_documents_show_their_visible_text_with_highlights(tmp_path):
    (tmp_path / "a.html").write_text(
        "<html><body><nav>Home | News</nav><article><p>Listen to this article</p>"
        "<p>The council &amp; the mayor met on Tuesday. Defense sources said the plan was premature.</p>"
        "</article></body></html>")
    page = render([str(tmp_path / "a.html")], tmp_path / "r.html")
    pre = page[page.index('<pre class="text">'):page.index("</pre>")]
    assert "&lt;p&gt;" not in pre and "Home | News" not in pre  # the prose view, not the markup
    assert "The council &amp; the mayor met" in pre
    assert {"Listen to this article", "Defense sources said"} <= set(parse(page).marks)


def test_changed_file_is_listed_without_highlights(tmp_path, monkeypatch):
    doc = tmp_path / "a.txt"
    doc.write_text("Listen to this article\n\nThe council met on Tuesday.\n")
    from auditor.config import load_config
    from auditor.report import ReportOptions
    from auditor.report import html as html_report
    from auditor.runner import run

    result = run([str(doc)], load_config(None), jobs=1)
    try:
        doc.write_text("Completely different text now.\n")
        out = io.StringIO()
        html_report.render(result, out, ReportOptions())
    finally:
        result.close()
    page = out.getvalue()
    assert "changed since the audit" in page
    assert parse(page).marks == []


def test_segments_handle_overlaps_and_zero_width_findings():
    text = "abcdefghij"
    f1, f2, f3 = ({"id": "a", "severity": "info", "message": "m"}, {"id": "b", "severity": "error", "message": "m"},
                  {"id": "c", "severity": "warning", "message": "m"})
    segs = _segments(text, [(2, 6, f1), (4, 8, f2), (9, 9, f3)])
    assert "".join(s["text"] for s in segs if not s["marker"]) == text
    assert [(s["text"], s["ids"], s["severity"]) for s in segs] == [
        ("ab", "", ""), ("cd", "a", "info"), ("ef", "a b", "error"), ("gh", "b", "error"), ("i", "", ""),
        ("\u2038", "c", "warning"), ("j", "", "")]


# --------------------------------------------------------------------------- real browser
def chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def dump_dom(url: str) -> str:
    browser = chromium()
    if browser is None:
        pytest.skip("chromium is not installed")
    with tempfile.TemporaryDirectory() as profile:
        proc = subprocess.run(
            [browser, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
             "--disable-background-networking", "--disable-component-update", "--disable-sync",
             f"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", url],
            capture_output=True, text=True, timeout=120)
    if proc.returncode != 0 or "<html" not in proc.stdout:
        pytest.skip(f"chromium could not run here: {proc.stderr[-300:]}")
    return proc.stdout


def test_browser_shows_the_seed_report_and_runs_its_script(tmp_path):
    report = tmp_path / "report.html"
    render([str(ROOT / "seeds")], report)
    dom = dump_dom(report.as_uri())
    tags = parse(dom)
    # the script ran (under the CSP): highlights are switched on and counters filled in
    on = [a for t, a in tags.tags if t == "mark" and "on" in (a.get("class") or "").split()]
    assert on, "no highlight is visible: the report's script did not run"
    total = int(re.search(r"(\d+) finding", re.search(r"<div class=\"muted\" id=\"summary\">(.*?)</div>",
                                                      dom, re.S).group(1)).group(1))
    assert f'<span id="visible-count">{total}</span>' in dom
    # the worst source is first in the chart and the table
    assert dom.index("seed-003") < min(dom.index(f"seed-00{i}") for i in (0, 1, 2, 4))
    assert "Healy" in tags.marks


def test_browser_filters_by_severity(tmp_path):
    report = tmp_path / "report.html"
    render([str(ROOT / "seeds")], report)
    dom = dump_dom(report.as_uri() + "#severity=error")
    tags = parse(dom)
    items = [a for t, a in tags.tags if t == "li" and "data-f" in a]
    assert items
    for a in items:
        hidden = "hidden" in (a.get("class") or "").split()
        assert hidden == (a["data-severity"] != "error"), a
    on = [a for t, a in tags.tags if t == "mark" and "on" in (a.get("class") or "").split()]
    assert on and all(a["class"].split()[0] == "sev-error" for a in on)


def test_browser_does_not_run_hostile_article_script(tmp_path):
    report = tmp_path / "report.html"
    render([str(hostile_corpus(tmp_path))], report)
    dom = dump_dom(report.as_uri())
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "<title>PWNED" not in dom
    tags = parse(dom)
    assert not any(t == "img" for t, _ in tags.tags)
    assert any("on" in (a.get("class") or "").split() for t, a in tags.tags if t == "mark")

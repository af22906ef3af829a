"""Loaders: every finding's offsets, line and column refer to the original file."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from auditor.config import load_config
from auditor.documents.decode import DecodeError, decode_bytes
from auditor.documents.loader import Loader
from auditor.runner import run

PACK = """
rules:
  - id: test.marker
    type: existence
    summary: marks the word Zorblax
    message: "found {match}"
    tokens: [Zorblax]
    examples: {flags: [Zorblax], passes: [zorb]}
"""


def audit(tmp_path: Path, *files: Path, **overrides):
    pack = tmp_path / "pack.yml"
    pack.write_text(PACK, encoding="utf-8")
    config = load_config(None, {"packs": [str(pack)], "select": ["test"], "knowledge": [], **overrides})
    result = run([str(f) for f in files], config, jobs=1)
    docs = list(result.documents())
    result.close()
    return docs, result


def assert_round_trip(raw: str, docs) -> list:
    findings = [f for d in docs for f in d.findings]
    lines = raw.split("\n")
    for f in findings:
        assert raw[f.start:f.end] == f.text == "Zorblax"
        assert lines[f.line - 1][f.column - 1:f.column - 1 + len(f.text)] == f.text
    return findings


def test_plain_text_offsets_and_crlf(tmp_path):
    raw = "Title line\r\nSecond Zorblax here.\r\n\r\nThird, Zorblax again."
    path = tmp_path / "a.txt"
    path.write_bytes(raw.encode())
    docs, _ = audit(tmp_path, path)
    assert len(assert_round_trip(raw, docs)) == 2


def test_markdown_masks_non_prose_and_keeps_offsets(tmp_path):
    raw = (
        "---\ntitle: Zorblax in front matter\ndate: 2024-05-01\nsource: md-outlet\n---\n"
        "# Heading\n\nProse Zorblax one. See [Zorblax link](https://example.com/Zorblax) and `Zorblax code`.\n\n"
        "```\nZorblax in a fence\n```\n\n    Zorblax indented code\n\n"
        "<!-- Zorblax comment --> https://x.org/Zorblax\n\nLast Zorblax.\n"
    )
    path = tmp_path / "a.md"
    path.write_text(raw, encoding="utf-8")
    docs, _ = audit(tmp_path, path)
    findings = assert_round_trip(raw, docs)
    assert [f.line for f in findings] == [8, 8, 18]  # prose, link text, last line
    assert docs[0].source == "md-outlet" and docs[0].date == "2024-05-01"


def test_html_visible_text_maps_back_to_file(tmp_path):
    raw = (
        "<html><head><title>T</title><meta property=\"article:published_time\" content=\"2023-02-03T10:00\">"
        "<script>var Zorblax = 1;</script><style>.Zorblax{}</style></head>\n<body><nav>Zorblax menu</nav>\n"
        "<p>Caf&eacute; owner <b>Zorblax</b> said &amp; left.</p>\n<p>Second\nline Zorblax</p></body></html>"
    )
    path = tmp_path / "a.html"
    path.write_text(raw, encoding="utf-8")
    docs, _ = audit(tmp_path, path)
    assert len(assert_round_trip(raw, docs)) == 2
    assert docs[0].date == "2023-02-03"


def test_jsonl_rows_offsets_are_into_row_text(tmp_path):
    rows = [
        {"id": "r1", "outlet": "Daily", "date": "2016-03-01", "text": "First row\nwith Zorblax."},
        {"id": "r2", "source": "Weekly", "date": "March 2, 2016", "text": "Zorblax at start"},
    ]
    path = tmp_path / "a.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    docs, _ = audit(tmp_path, path)
    assert [(d.id, d.source, d.date) for d in docs] == [("r1", "Daily", "2016-03-01"), ("r2", "Weekly", "2016-03-02")]
    for doc, row in zip(docs, rows):
        assert_round_trip(row["text"], [doc])
    assert (docs[0].findings[0].line, docs[0].findings[0].column) == (2, 6)


def test_common_export_field_names_are_recognised(tmp_path):
    """news-please, NewsAPI and CMS exports name their fields differently;
    a case-insensitive match also ignores "_" and "-"."""
    rows = [
        {"uuid": "n1", "source": {"id": "bbc-news", "name": "BBC News"}, "publishedAt": "2025-02-20T09:00:00Z",
         "content": "Zorblax in NewsAPI shape."},
        {"ID": "n2", "source_domain": "example.com", "date_publish": "2025-02-21 10:00:00",
         "maintext": "Zorblax in news-please shape."},
        {"id": "n3", "Publisher": "Gazette", "Published_At": "Thu, 20 Feb 2025 09:00:00 GMT",
         "Body": "Zorblax with capitalised keys."},
    ]
    path = tmp_path / "exports.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    docs, _ = audit(tmp_path, path)
    assert [(d.id, d.source, d.date) for d in docs] == [
        ("n1", "BBC News", "2025-02-20"), ("n2", "example.com", "2025-02-21"), ("n3", "Gazette", "2025-02-20")]
    assert all(len(d.findings) == 1 for d in docs)


def test_front_matter_uses_the_same_field_names(tmp_path):
    """Static-site front matter names the date "publishDate" (Hugo) or
    "pubDate" (Astro), and the outlet "publisher"."""
    page = tmp_path / "post.md"
    page.write_text("---\npublishDate: 2025-02-20\nPublisher: Gazette\n---\nZorblax here.\n", encoding="utf-8")
    docs, _ = audit(tmp_path, page)
    assert (docs[0].source, docs[0].date) == ("Gazette", "2025-02-20")


def test_csv_archive_with_configured_fields(tmp_path):
    path = tmp_path / "a.csv"
    path.write_text("key,body,paper\nk1,\"Line one\nZorblax two\",Gazette\n", encoding="utf-8")
    docs, _ = audit(tmp_path, path, archive={"text": "body", "id": "key", "source": "paper"})
    assert docs[0].id == "k1" and docs[0].source == "Gazette"
    assert docs[0].findings[0].line == 2


def test_broken_jsonl_line_is_reported_by_number_and_others_audited(tmp_path):
    path = tmp_path / "a.jsonl"
    path.write_text('{"text": "Zorblax"}\n{broken\n{"text": "Zorblax"}\n', encoding="utf-8")
    docs, result = audit(tmp_path, path)
    assert len(docs) == 2
    assert result.warnings == [f"{path}:2: skipped row: invalid JSON (Expecting property name enclosed in "
                               f"double quotes: line 1 column 2 (char 1))"]


def test_dateline_in_text_and_manifest(tmp_path):
    (tmp_path / "one.txt").write_text("Headline\n26 November 2024, 07:28\nBody Zorblax.", encoding="utf-8")
    (tmp_path / "two.txt").write_text(" date 2024-11-27 The idea Zorblax.", encoding="utf-8")
    (tmp_path / "three.txt").write_text("No date here.", encoding="utf-8")
    (tmp_path / "manifest.yml").write_text("documents:\n  three.txt: {source: s3, date: 2020-01-02}\n")
    docs, _ = audit(tmp_path, tmp_path)
    got = {Path(d.path).name: (d.source, d.date) for d in docs}
    assert got == {"one.txt": (None, "2024-11-26"), "two.txt": (None, "2024-11-27"), "three.txt": ("s3", "2020-01-02")}


@pytest.mark.parametrize("header, date", [
    ("Thu 20 Feb 2025 09.00 GMT", "2025-02-20"),
    ("Last modified on Thu 20 Feb 2025 11.02 GMT", "2025-02-20"),
    ("Wednesday 18 December 2024 15:41, UK", "2024-12-18"),
    ("By Jane Doe | February 20, 2025", "2025-02-20"),
    ("First published on Tue 26 Nov 2024", "2024-11-26"),
    ("The deal of 12 May 2019 was signed.", None),  # a date inside a sentence is not a dateline
])
def test_dateline_shapes_of_news_sites(header, date):
    from auditor.documents.metadata import date_from_text

    found = date_from_text(f"Headline\n{header}\nBody text.")
    assert (found.isoformat() if found else None) == date


def test_directory_walk_respects_gitignore_and_exclude(tmp_path):
    (tmp_path / "keep.md").write_text("Zorblax", encoding="utf-8")
    (tmp_path / "skip.md").write_text("Zorblax", encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "d.txt").write_text("Zorblax", encoding="utf-8")
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "h.txt").write_text("Zorblax", encoding="utf-8")
    (tmp_path / "notes.yml").write_text("a: 1", encoding="utf-8")
    (tmp_path / ".gitignore").write_text("skip.md\n", encoding="utf-8")
    docs, _ = audit(tmp_path, tmp_path, exclude=["drafts/"])
    assert [Path(d.path).name for d in docs] == ["keep.md"]


@pytest.mark.parametrize("data,expected", [
    ("Grüße".encode("utf-8-sig"), "Grüße"),
    ("Grüße".encode("utf-16"), "Grüße"),
    ("Hello there".encode("utf-16-le"), "Hello there"),
    ("Hello there".encode("utf-16-be"), "Hello there"),
])
def test_decoding_supported_encodings(data, expected):
    assert decode_bytes(data).text == expected


@pytest.mark.parametrize("data", [b"\xff\xfe\xfd invalid", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01"])
def test_decoding_rejects_binary_and_invalid(data):
    if data.startswith(b"\xff\xfe"):
        data = b"abc \xc3\x28 def"
    with pytest.raises(DecodeError):
        decode_bytes(data)


def test_loader_streams_without_holding_documents(tmp_path):
    path = tmp_path / "big.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(300):
            out.write(json.dumps({"id": i, "text": f"Row {i} text."}) + "\n")
    warnings = []
    loader = Loader(load_config(None, {"knowledge": []}), warnings.append)
    stream = loader.documents([str(path)])
    first = next(stream)
    assert first.id == "0" and not warnings
    assert sum(1 for _ in stream) == 299

"""Turn command-line paths into a stream of :class:`Document` objects.

Loading never judges and never holds more than one file (or one archive
row) in memory at a time, so archives of any size stream through. Problems
with one input (undecodable bytes, a broken JSONL line, a FIFO) are reported
through ``warn`` as one line naming the file and line, and loading goes on;
``--strict`` turns those warnings into exit code 2 at the end of the run.

One document (a file, stdin, or one archive row's text) may be at most
:data:`MAX_DOCUMENT_BYTES` (10 MiB, a hundred times a long feature); a
larger one is skipped with a warning, because the per-document indexes of a
50 MB "article" need gigabytes of memory and no rule result on it would be
meaningful. Archives themselves have no size limit.

Metadata from front matter and archive columns is untrusted: only scalar
values are used for source, title, URL and id (a YAML alias bomb or a list
must not be turned into a string), and a date that cannot be read is
reported and treated as unknown.
"""

from __future__ import annotations

import datetime as dt
import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, BinaryIO

from auditor.config import Config
from auditor.documents import archive, html, markdown, metadata
from auditor.documents.decode import DecodeError, decode_bytes
from auditor.documents.discover import discover
from auditor.documents.document import Document
from auditor.errors import AuditorError, InputError

Warn = Callable[[str], None]
TEXT_KINDS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
ARCHIVE_KINDS = {".jsonl": "jsonl", ".ndjson": "jsonl", ".csv": "csv"}
MAX_DOCUMENT_BYTES = 10 * 1024 * 1024
_MAX_IGNORES = 1000


def kind_of(name: str) -> str:
    lower = name.lower()
    if lower.endswith(".gz"):
        lower = lower[:-3]
    suffix = os.path.splitext(lower)[1]
    return TEXT_KINDS.get(suffix) or ARCHIVE_KINDS.get(suffix) or "txt"


class Loader:
    """Streams documents for a run; see the module docstring."""

    def __init__(self, config: Config, warn: Warn, *, source: str | None = None, date: str | None = None,
                 stdin_name: str | None = None) -> None:
        self.config = config
        self.warn = warn
        self.cli = {k: v for k, v in (("source", source), ("date", date)) if v}
        self.stdin_name = stdin_name or "-"

    def documents(self, paths: list[str]) -> Iterator[Document]:
        for target in paths:
            if target == "-":
                yield from self._from_stream(sys.stdin.buffer, self.stdin_name)
                continue
            path = Path(target)
            if not os.path.lexists(path):
                raise InputError(f"{target}: no such file or directory")
            if path.is_dir():
                for file in discover(path, self.config, self.warn):
                    yield from self._from_file(file)
            else:
                yield from self._from_file(path)

    # -- files -------------------------------------------------------------------
    def _from_file(self, path: Path) -> Iterator[Document]:
        name = str(path)
        try:
            st = os.stat(path)
        except OSError as exc:
            self.warn(f"{name}: skipped: {exc.strerror or exc}")
            return
        if not stat.S_ISREG(st.st_mode):
            self.warn(f"{name}: skipped: not a regular file")
            return
        kind = kind_of(name)
        try:
            if kind in ("jsonl", "csv"):
                with _open_binary(path) as stream:
                    yield from self._archive_rows(stream, name, kind, path)
                return
            if st.st_size > MAX_DOCUMENT_BYTES and not name.lower().endswith(".gz"):
                self._too_large(name, st.st_size)
                return
            with _open_binary(path) as stream:
                data = stream.read(MAX_DOCUMENT_BYTES + 1)
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
            self.warn(f"{name}: skipped: cannot read: {getattr(exc, 'strerror', None) or exc}")
            return
        if len(data) > MAX_DOCUMENT_BYTES:
            self._too_large(name, None)
            return
        doc = self._text_document(data, name, kind, path)
        if doc is not None:
            yield doc

    def _from_stream(self, stream: BinaryIO, name: str) -> Iterator[Document]:
        kind = kind_of(name)
        if kind in ("jsonl", "csv"):
            yield from self._archive_rows(stream, name, kind, None)
            return
        data = stream.read(MAX_DOCUMENT_BYTES + 1)
        if len(data) > MAX_DOCUMENT_BYTES:
            self._too_large(name, None)
            return
        doc = self._text_document(data, name, kind, None)
        if doc is not None:
            yield doc

    def _too_large(self, name: str, size: int | None) -> None:
        mib = MAX_DOCUMENT_BYTES / 2**20
        what = f"{size / 2**20:.1f} MiB is" if size is not None else "it is"
        self.warn(f"{name}: skipped: {what} over the {mib:g} MiB limit for one document "
                  "(split it, or use a JSONL archive with one article per row)")

    def _text_document(self, data: bytes, name: str, kind: str, path: Path | None) -> Document | None:
        try:
            decoded = decode_bytes(data)
        except DecodeError as exc:
            self.warn(f"{name}: skipped: {exc}")
            return None
        raw = decoded.text
        fields: dict[str, Any] = {}
        text = raw
        offset_map = None
        if kind == "md":
            try:
                fields, end = markdown.split_front_matter(raw, name)
            except AuditorError as exc:
                self.warn(f"{exc}; front matter ignored")
                fields, end = {}, 0
            text = markdown.prose_view(raw, end)
        elif kind == "html":
            text, offset_map, fields = html.extract(raw)
        fields = {**fields, **self._standard_fields(fields)}
        if fields.get("date") not in (None, "") and metadata.parse_date(fields["date"]) is None:
            self.warn(f"{name}: date {_preview(fields['date'])} is not a valid date (YYYY-MM-DD); date unknown")
        doc_meta = {"encoding": decoded.encoding, "bom": decoded.bom, **_nested_auditor(fields)}
        return self._document(name, raw, text, kind, fields, path, offset_map=offset_map, meta=doc_meta)

    def _archive_rows(self, stream: BinaryIO, name: str, kind: str, path: Path | None) -> Iterator[Document]:
        rows = archive.jsonl_rows(stream, name, self.warn) if kind == "jsonl" \
            else archive.csv_rows(stream, name, self.warn)
        fields_cfg = self.config.archive
        for row_number, row in rows:
            text = archive.first_field(row, fields_cfg.text)
            if isinstance(text, str) and not text.isascii():
                text = _no_lone_surrogates(text)
            if isinstance(text, str) and len(text) > MAX_DOCUMENT_BYTES:
                self.warn(f"{name}:{row_number}: skipped row: its text is over the "
                          f"{MAX_DOCUMENT_BYTES / 2**20:g} MiB limit for one document")
                continue
            if not isinstance(text, str):
                if kind == "csv" and not any(k in row for k in fields_cfg.text):
                    self.warn(f"{name}: skipped: no text column (looked for {', '.join(fields_cfg.text)}; "
                              f"columns are {', '.join(map(str, row))}); set archive.text in the config")
                    return
                self.warn(f"{name}:{row_number}: skipped row: no text field ({', '.join(fields_cfg.text)})")
                continue
            fields = self._standard_fields(row)
            row_id = _clean(fields["id"])
            fields["id"] = row_id if row_id is not None else str(row_number)
            yield self._document(name, text, text, kind, fields, path, meta={"row": row_number})

    # -- metadata ---------------------------------------------------------------
    def _standard_fields(self, found: dict[str, Any]) -> dict[str, Any]:
        """Source, date, title, url and id of an archive row or front matter,
        under the names ``archive`` in the config lists."""
        names = self.config.archive
        return {key: archive.first_field(found, getattr(names, key))
                for key in ("source", "date", "title", "url", "id")}

    def _document(self, name: str, raw: str, text: str, kind: str, fields: dict[str, Any],
                  path: Path | None, *, offset_map: Any = None, meta: dict[str, Any]) -> Document:
        source = self.cli.get("source") or _clean(fields.get("source"))
        date = metadata.parse_date(self.cli.get("date")) or metadata.parse_date(fields.get("date"))
        if (source is None or date is None) and path is not None:
            extra = self._manifest_fields(path)
            for key, value in metadata.mapped(name, self.config.sources, self.config.root).items():
                extra.setdefault(key, value)
            source = source or _clean(extra.get("source"))
            date = date or metadata.parse_date(extra.get("date"))
        if date is None:
            date = metadata.date_from_text(text)
        return Document(
            path=name, raw=raw, text=text, kind=kind,
            id=_clean(fields.get("id")), source=source, date=date,
            title=_clean(fields.get("title")), url=_clean(fields.get("url")),
            metadata=meta, offset_map=offset_map,
        )

    def _manifest_fields(self, path: Path) -> dict[str, Any]:
        manifest = metadata.manifest_for(path.resolve().parent)
        return dict(manifest.lookup(path)) if manifest else {}


def _nested_auditor(fields: dict[str, Any]) -> dict[str, Any]:
    """Front matter ``auditor: {ignore: [...]}`` travels with the document,
    reduced to strings (YAML aliases could make it exponentially large)."""
    value = fields.get("auditor")
    if not isinstance(value, dict):
        return {}
    ignore = value.get("ignore")
    if isinstance(ignore, str):
        ignore = [ignore]
    if not isinstance(ignore, list):
        return {"auditor": {}}
    return {"auditor": {"ignore": [c for c in map(_clean, ignore[:_MAX_IGNORES]) if c is not None]}}


def _clean(value: Any) -> str | None:
    """A scalar as one line of text (whitespace runs become one space, so an
    id or source can never break a one-line message); lists, mappings and
    empty values are None."""
    if value is None or isinstance(value, bool) or not isinstance(value, (str, int, float, dt.date)):
        return None
    text = str(value)
    text = " ".join(text.split()) if not text.isprintable() or "  " in text else text.strip()
    if not text.isascii():
        text = _no_lone_surrogates(text)
    return text or None


_SURROGATE = re.compile("[\ud800-\udfff]")


def _no_lone_surrogates(text: str) -> str:
    """JSON may escape lone surrogates (``"\\udc00"``); they cannot be encoded
    or printed, so each becomes U+FFFD (one for one: offsets are unchanged)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", text)
    return text


def _preview(value: Any) -> str:
    text = repr(value) if isinstance(value, (str, int, float, dt.date)) else f"({type(value).__name__})"
    return text if len(text) <= 60 else text[:57] + "..."


def _open_binary(path: Path) -> BinaryIO:
    if path.name.lower().endswith(".gz"):
        return gzip.open(path, "rb")  # type: ignore[return-value]
    return open(path, "rb", buffering=io.DEFAULT_BUFFER_SIZE * 16)

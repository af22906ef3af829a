"""Bytes to text: BOMs, UTF-16, and telling text from binary.

Only encodings that can be identified without guessing are accepted: UTF-8
(with or without BOM) and UTF-16 (with BOM, or without one when the NUL
byte pattern makes the byte order unmistakable). Anything else is reported
as undecodable instead of being silently mangled by a guessed code page.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass


class DecodeError(ValueError):
    """The bytes are binary or not in a supported encoding."""


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16-le", "utf-16-be"
    bom: bool


def decode_bytes(data: bytes) -> Decoded:
    if data.startswith(codecs.BOM_UTF8):
        return Decoded(_strict(data[3:], "utf-8"), "utf-8-sig", True)
    if data.startswith(codecs.BOM_UTF16_LE):
        return Decoded(_strict(data[2:], "utf-16-le"), "utf-16-le", True)
    if data.startswith(codecs.BOM_UTF16_BE):
        return Decoded(_strict(data[2:], "utf-16-be"), "utf-16-be", True)
    head = data[:4096]
    if b"\x00" in head:
        order = _utf16_without_bom(head)
        if order is None:
            raise DecodeError("binary file (contains NUL bytes)")
        return Decoded(_strict(data, order), order, False)
    return Decoded(_strict(data, "utf-8"), "utf-8", False)


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise DecodeError(f"not valid {encoding.upper()} (byte offset {exc.start})") from None
    if "\x00" in text:
        raise DecodeError("binary content (NUL characters in the text)")
    return text


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly Latin script has NULs in every other byte."""
    if len(head) < 4:
        return None
    even = head[0::2]
    odd = head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None

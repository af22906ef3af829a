"""Shared by the place rules: cached mentions and which ruling applies.

Three rules (places.inconsistent, places.house-style and
translation.transliteration-mix) read the same mentions; the scan of the last
document is cached so each document is scanned once per process.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from auditor.knowledge.places import Mention, Place, PlaceIndex
from auditor.model import Severity

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config
    from auditor.documents.document import Document
    from auditor.rules.base import Context

_LAST: list[tuple[object, object, list[Mention]]] = []


def place_index(ctx: Context) -> PlaceIndex:
    return ctx.knowledge.places


def doc_mentions(ctx: Context, doc: Document) -> list[Mention]:
    """Mentions of known places in ``doc.text`` (exceptions removed)."""
    index = place_index(ctx)
    if _LAST and _LAST[0][0] is doc.text and _LAST[0][1] is index:
        return _LAST[0][2]
    found = index.mentions(doc.text)
    _LAST[:] = [(doc.text, index, found)]
    return found


@dataclass(frozen=True)
class Ruling:
    """The preferred form of a place that applies to one document."""

    preferred: str
    effective: dt.date | None
    pinned: bool  # set by the project's house_style.places (no date)
    authority: str | None

    def describe(self) -> str:
        if self.pinned:
            return "the project's house style"
        since = f" since {self.effective.isoformat()}" if self.effective else ""
        return f"house style{since}" + (f"; {self.authority}" if self.authority else "")


def ruling_for(place: Place, doc: Document, config: Config) -> Ruling | None:
    """The house-style form of ``place`` for this document, if any applies.

    * ``house_style.places`` (``{"Odessa": "Odesa"}``) pins a preference
      without a date: the newsroom says so, for every document.
    * A pack ruling applies from its ``effective`` date: a document dated
      earlier is not held to it, and neither is an undated one (an archive
      of unknown date may predate the ruling) unless
      ``house_style.retroactive`` is set.
    """
    for deprecated, preferred in config.house_style.places.items():
        if preferred in place.forms and (deprecated in place.forms or deprecated == place.name):
            return Ruling(preferred, None, True, None)
    if place.preferred is None:
        return None
    if not config.house_style.retroactive:
        if doc.date is None:
            return None
        if place.effective is not None and doc.date < place.effective:
            return None
    return Ruling(place.preferred, place.effective, False, place.authority)


def rule_enabled(config: Config, rule_id: str) -> bool:
    settings = config.rule_settings(rule_id)
    return config.is_selected(rule_id) and settings.severity is not Severity.OFF


def mixed_places(mentions: list[Mention]) -> set[str]:
    """Ids of places written in two or more forms in the document."""
    forms: dict[str, set[str]] = {}
    for m in mentions:
        forms.setdefault(m.place.id, set()).add(m.form)
    return {pid for pid, fs in forms.items() if len(fs) > 1}

"""Shared by the place rules: cached mentions and which ruling applies.

Three rules (places.inconsistent, places.house-style and
translation.transliteration-mix) read the same mentions; the scan of the last
document is cached so each document is scanned once per process.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from auditor.knowledge.places import Mention, Place, PlaceIndex
from auditor.model import Severity
from auditor.resources import load_yaml_resource

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
    found = [m for m in index.mentions(doc.text) if not _names_the_word(doc.text, m)]
    _LAST[:] = [(doc.text, index, found)]
    return found


@lru_cache(maxsize=1)
def _word_mention_re() -> re.Pattern[str]:
    cues = load_yaml_resource("knowledge/places_words.yml").get("word_mention_cues", [])
    fillers = r"(?:[ \t]+(?:the|a|an|of|as|form|name|spelling|version|word|English))"
    return re.compile(r"(?i)\b(?:" + "|".join(cues) + r")\b" + fillers + r"{0,3}[ \t]*[\"“‘']?$")


def _names_the_word(text: str, m: Mention) -> bool:
    """Does the text talk about the name rather than use it ("the
    Russian-based spelling Kiev", "formerly known as Kiev", "‘Kiev’")? A
    mention of the word is neither a house-style slip nor a mix of forms."""
    before = text[max(0, m.start - 80):m.start]
    if before[-1:] in "\"“‘'" and text[m.end:m.end + 1] in "\"”’'" and text[m.end:m.end + 1]:
        return True  # the word alone in quotation marks
    return bool(_word_mention_re().search(before))


@dataclass(frozen=True)
class Ruling:
    """The preferred form of a place that applies to one document."""

    preferred: str
    effective: dt.date | None
    pinned: bool  # set by the project's house_style.places (no date)
    authority: str | None

    def describe(self) -> str:
        if self.pinned and self.effective is None:
            return "the project's house style"
        since = f" since {self.effective.isoformat()}" if self.effective else ""
        return f"house style{since}" + (f"; {self.authority}" if self.authority else "")


def ruling_for(place: Place, doc: Document, config: Config) -> Ruling | None:
    """The house-style form of ``place`` for this document, if any applies.

    * A pack ruling applies from its ``effective`` date: a document dated
      earlier followed the style of its day, and an undated one (an archive
      of unknown date may predate the ruling) is left alone too, unless
      ``house_style.retroactive`` is set.
    * The project's ``house_style.places`` (``{"Odessa": "Odesa"}``) pins the
      preference. It also covers undated documents (the newsroom says so);
      when it agrees with the pack, the pack's effective date still spares
      older dated text; when it reverses the pack (``{"Odesa": "Odessa"}``)
      the pack's date is about another ruling, so it applies to every date.
    """
    pinned = None
    for deprecated, preferred in config.house_style.places.items():
        if preferred in place.forms and (deprecated in place.forms or deprecated == place.name):
            pinned = preferred
            break
    if pinned is not None and pinned != place.preferred:
        return Ruling(pinned, None, True, None)
    if pinned is None and place.preferred is None:
        return None
    preferred = pinned or place.preferred
    if not config.house_style.retroactive:
        if doc.date is None and pinned is None:
            return None
        if doc.date is not None and place.effective is not None and doc.date < place.effective:
            return None
    return Ruling(preferred, place.effective, pinned is not None, place.authority)


def rule_enabled(config: Config, rule_id: str) -> bool:
    settings = config.rule_settings(rule_id)
    return config.is_selected(rule_id) and settings.severity is not Severity.OFF


def mixed_places(mentions: list[Mention]) -> set[str]:
    """Ids of places written in two or more forms in the document."""
    forms: dict[str, set[str]] = {}
    for m in mentions:
        forms.setdefault(m.place.id, set()).add(m.form)
    return {pid for pid, fs in forms.items() if len(fs) > 1}

"""British and American spellings mixed in one document.

A text written in one variety and partly machine-translated, rewritten or
pasted together from another source drifts between spellings: "defences"
in one paragraph, "defenses" in the next. The rule matches a curated list of
en-GB / en-US spelling pairs (``rules/translation/variety_spellings.yml``:
-our/-or, -re/-er, -ence/-ense, -ogue/-og, doubled l, ae/oe, ...). -ize/-ise
is not a marker: Oxford spelling writes -ize in British English.

The document's variety is the weighted majority of its markers: ordinary
words count once, quoted words half (they are never reported), and office
titles ("Defence Secretary", "Labor Secretary") count more, because copy
desks localise titles on purpose — unless a nationality stands before the
title ("Britain's Defense Ministry"): that is either the desk's way with
foreign titles or a mismatch, and counts as an ordinary word. ``house_style.variety`` pins the variety.
Only ordinary lower-case words of the other variety are reported; names keep
their own spelling and are neither reported nor counted ("Pearl Harbor",
"Labor Party", "Department of Defense", "Kennedy Center"). Whether a UK
institution is spelt the UK way is ``translation.variety-mismatch``'s job.

Flags:
    Defence Secretary John Healey visited the troops. The plan would bolster Ukraine's defenses, officials said, after Trump labeled him a dictator.

    The council's defence budget was cut. The neighbourhood watch was praised for its colour scheme, and the theatre reopened. Later the defense lawyers traveled home.

Passes:
    The Pentagon said the defense budget would grow. The neighborhood center reopened, and the color scheme was labeled a success.

    Survivors of Pearl Harbor met the Labor Party delegation. The neighbourhood defence plan was praised as a favourite.

    The council's defence budget was cut and the theatre reopened. The Department of Defense said: "Our color guard traveled far."
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import re2

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.patterns import re2_options
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule
from auditor.rules.translation._words import WordMatcher

GB, US = "en-GB", "en-US"
_RE2 = re2_options()


@dataclass(frozen=True, slots=True)
class _Marker:
    variety: str
    counterpart: str | None
    weak: bool = False


@dataclass(frozen=True, slots=True)
class _Settings:
    matcher: WordMatcher
    fixed: Any
    office_after: re.Pattern[str]
    qualifier_before: re.Pattern[str]
    w_common: float
    w_quoted: float
    w_office: float
    w_qualified_office: float
    clear_ratio: float
    clear_score: float


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    spellings = load_yaml_resource("translation/variety_spellings.yml")
    conf = load_yaml_resource("translation/variety_mix.yml")
    markers: dict[str, _Marker] = {}
    for gb, us in spellings["pairs"].items():
        markers[str(gb).lower()] = _Marker(GB, str(us))
        markers.setdefault(str(us).lower(), _Marker(US, str(gb)))
    for gb in spellings.get("gb_weak") or []:
        key = str(gb).lower()
        markers[key] = _Marker(GB, markers[key].counterpart if key in markers else None, weak=True)
    for gb in spellings.get("gb_only") or []:
        markers.setdefault(str(gb).lower(), _Marker(GB, None))
    for us in spellings.get("us_only") or []:
        markers.setdefault(str(us).lower(), _Marker(US, None))
    fixed_names = sorted(conf.get("fixed_names") or [], key=len, reverse=True)
    fixed = re2.compile("|".join(re.escape(n) for n in fixed_names), _RE2) if fixed_names else None
    office = "|".join(re.escape(w) for w in conf["office_words"])
    weights = conf["weights"]
    return _Settings(
        matcher=WordMatcher(markers.items()),
        fixed=fixed,
        office_after=re.compile(rf"[ \t]+(?:{office})\b"),
        qualifier_before=re.compile(
            r"(?<![\w.’'])(?:" + "|".join(re.escape(str(q)) for q in conf["office_qualifiers"]) + r")[ \t]+$"),
        w_common=float(weights["common"]),
        w_quoted=float(weights["quoted"]),
        w_office=float(weights["office_title"]),
        w_qualified_office=float(weights["qualified_office_title"]),
        clear_ratio=float(conf["clear_ratio"]),
        clear_score=float(conf["clear_score"]),
    )


_SENTENCE_LEAD = set(".!?:;\n•*-–—\"“‘'(")


def _sentence_initial(text: str, start: int) -> bool:
    """A capital at the start of a sentence, paragraph, quotation or list item."""
    i = start - 1
    while i >= 0 and text[i] in " \t\"“‘'(":
        if text[i] in "\"“‘'(":
            return True
        i -= 1
    return i < 0 or text[i] in _SENTENCE_LEAD


@register
class VarietyMix(Rule):
    id = "translation.variety-mix"
    summary = "British and American spellings mixed in one document"
    default_severity = Severity.WARNING

    def check(self, doc: Document):
        s = _settings()
        text = doc.text
        hits = list(s.matcher.finditer(text))
        if not hits:
            return
        fixed_spans: list[tuple[int, int]] = []
        if s.fixed and any(text[h[0]].isupper() for h in hits):
            fixed_spans = [m.span() for m in s.fixed.finditer(text)]
        score = {GB: 0.0, US: 0.0}
        flaggable: list[tuple[int, int, _Marker]] = []
        for start, end, marker in hits:
            if fixed_spans and any(a <= start and end <= b for a, b in fixed_spans):
                continue
            word = text[start:end]
            if word.isupper() and len(word) > 1:
                continue  # headline or acronym in capitals
            if doc.in_quotation(start, end):
                score[marker.variety] += s.w_quoted
                continue
            if word[0].isupper():
                if s.office_after.match(text, end):
                    qualified = s.qualifier_before.search(text, max(0, start - 24), start)
                    score[marker.variety] += s.w_qualified_office if qualified else s.w_office
                elif _sentence_initial(text, start) and not self._next_capitalised(text, end):
                    # probably an ordinary word, but maybe a name ("Ploughshares
                    # officials said"): evidence, never reported
                    score[marker.variety] += s.w_common * (0.5 if marker.weak else 1.0)
                continue  # names and title-case headlines keep their own spelling
            if marker.weak:
                score[marker.variety] += s.w_common * 0.5
                continue
            score[marker.variety] += s.w_common
            flaggable.append((start, end, marker))
        pinned = self.ctx.config.house_style.variety
        if pinned:
            house, clear = pinned, True
        else:
            if not score[GB] or not score[US] or score[GB] == score[US]:
                return
            house = GB if score[GB] > score[US] else US
            other = US if house == GB else GB
            clear = score[house] >= s.clear_score and score[house] >= s.clear_ratio * score[other]
        other = US if house == GB else GB
        severity = None if clear else Severity.INFO
        for start, end, marker in flaggable:
            if marker.variety != other:
                continue
            word = text[start:end]
            suggestion = _match_case(marker.counterpart, word) if marker.counterpart else None
            why = "the house style" if pinned else f"the document's majority ({house} {score[house]:g} vs {other} {score[other]:g})"
            yield self.finding(
                doc, start, end,
                f"{other} spelling '{word}' in a text that is otherwise {house} ({why})",
                suggestion=suggestion,
                confidence=0.8 if clear else 0.55,
                severity=severity,
            )

    @staticmethod
    def _next_capitalised(text: str, end: int) -> bool:
        m = _NEXT_WORD.match(text, end)
        return bool(m and m.group(1)[0].isupper())


_NEXT_WORD = re.compile(r"[ \t]+([A-Za-z]\w*)")


def _match_case(replacement: str, original: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement

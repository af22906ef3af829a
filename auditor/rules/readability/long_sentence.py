"""Sentences far longer than news prose usually allows.

A sentence with more words than ``long-sentence.max_words`` in
``rules/readability.yml`` (the 99.6th percentile of sentences in 8,281 US
news articles is 66 words) is reported, longest first, at most a couple per
document. Table rows, lists of numbers and runs of names (a country picker
widget) that the sentence splitter could not break are not prose and are
skipped. Severity info.

Flags:
    The committee, which had met in closed session for most of the afternoon after a long and often bitter debate about the budget, the schedule, the staffing of the new office and the question of whether the city should borrow money at all given the rising cost of credit and the uncertain outlook for tax revenue next year, finally voted to approve the plan, although several members said they still had serious doubts about whether it could be carried out on time and within the budget that had been agreed.

Passes:
    The committee met in closed session. After a long debate it approved the plan. Several members said they still had doubts about the timetable and the budget.
"""

from __future__ import annotations

import re

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule

_NUMBERISH = re.compile(r"\d")
_HAS_LETTER = re.compile(r"[^\W\d_]")


@register
class LongSentence(Rule):
    id = "readability.long-sentence"
    summary = "Sentence much longer than news prose allows"
    default_severity = Severity.INFO

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        conf = load_yaml_resource("readability.yml")["long-sentence"]
        self._max_words = int(conf["max_words"])
        self._max_per_doc = int(conf["max_per_document"])
        self._max_number_share = float(conf["max_number_share"])
        self._max_capitalised_share = float(conf["max_capitalised_share"])

    def check(self, doc: Document):
        text = doc.text
        # a sentence of N words is at least ~2N characters: skip short ones without splitting
        min_chars = 2 * self._max_words
        long: list[tuple[int, int, int]] = []
        for sp in doc.sentences:
            if sp.end - sp.start < min_chars:
                continue
            tokens = text[sp.start:sp.end].split()
            if len(tokens) <= self._max_words:
                continue  # cheap bound: there are never more words than tokens
            words = sum(1 for t in tokens if _HAS_LETTER.search(t))
            if words <= self._max_words:
                continue  # punctuation and numbers are not words
            numbers = sum(1 for t in tokens if _NUMBERISH.search(t))
            if numbers > self._max_number_share * len(tokens):
                continue
            capitalised = sum(1 for t in tokens if t[:1].isupper())
            if capitalised > self._max_capitalised_share * len(tokens):
                continue  # a run of names: a country picker, a tag list, a byline box
            long.append((words, sp.start, sp.end))
        long.sort(reverse=True)
        for words, start, end in long[: self._max_per_doc]:
            yield self.finding(
                doc, start, end,
                f"sentence of {words} words (more than {self._max_words}): hard to follow; consider splitting it",
                confidence=0.6,
            )

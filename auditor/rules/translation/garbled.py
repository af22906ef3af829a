"""Leftovers of machine translation: stray words, doubled words, broken sentence ends.

Three shapes that a human writer or editor rarely leaves but a translation
system (or a rewrite that was never reread) does:

* a stray word after a closing reporting clause — '…,” he added road.' —
  where the reporting verb takes no object. Words that may close such a
  clause were mined from 8,281 US news articles (adverbs of time, place and
  manner, "yes"/"no"; any -ly adverb); the stray word must be an ordinary
  English word by ``wordfreq`` frequency, so names and typos stay out;
* a doubled function word ("the the", "to to"); grammatical doublings
  ("had had", "that that", "gave her her book") are not listed;
* a sentence that stops on a word that cannot end one ("… sent to the.").

Word lists live in ``rules/translation/garbled.yml``.

Flags:
    “We must find innovative ways to find the funding,” he added road.

    The minister said the the plan would be ready by spring.

    The aid will be sent to the. Officials gave no date.

Passes:
    “We must find innovative ways to find the funding,” he added later.

    “We must find the funding,” the minister told reporters. “It is urgent,” Healey said firmly.

    He said that that plan had had its chance, and she gave her her coat.

    “It is over,” Smith said Monday. The vote passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import re2
from wordfreq import zipf_frequency

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule

_RE2 = re2.Options()
_RE2.log_errors = False
_RE2_I = re2.Options()
_RE2_I.log_errors = False
_RE2_I.case_sensitive = False


@dataclass(frozen=True, slots=True)
class _Settings:
    stray: re.Pattern[str]
    allowed: frozenset[str]
    min_zipf: float
    doubled: object
    broken_end: object


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    conf = load_yaml_resource("translation/garbled.yml")
    verbs = "|".join(sorted({re.escape(v) for v in conf["reporting_verbs"]}, key=len, reverse=True))
    pronouns = "|".join(re.escape(p) for p in conf["subject_pronouns"])
    name = r"[A-Z][\w’'.-]*"
    subject = rf"(?:{pronouns}|{name}(?:[ \t]+{name}){{0,2}}|(?:the|a|an)[ \t]+[a-z]+)"
    # after a comma or an exclamation only: after a question, '…?" I said
    # female.' gives the answer
    stray = re.compile(
        rf"[,!][\"”’'][ \t]+{subject}[ \t]+(?P<verb>{verbs})[ \t]+(?P<word>[a-z][a-z’'-]*)[ \t]*(?:[.!?](?=\s|$)|$)",
        re.M,
    )
    doubled = "|".join(rf"{re.escape(w)}\s+{re.escape(w)}" for w in conf["doubled_words"])
    broken = "|".join(re.escape(w) for w in conf["broken_end_words"])
    return _Settings(
        stray=stray,
        allowed=frozenset(w.lower() for w in conf["allowed_followers"]),
        min_zipf=float(conf["stray_min_zipf"]),
        doubled=re2.compile(rf"\b(?:{doubled})\b", _RE2_I),
        # lower case only: "Plan A." or "the band The The." are not broken ends
        broken_end=re2.compile(rf"[ \t](?:{broken})[.!?](?:[ \t]+[A-Z“\"]|[ \t]*\n)", _RE2),
    )


_QUOTE_CLOSE = re2.compile(r"[,!][\"”’'][ \t]+[A-Za-z]", _RE2)


@lru_cache(maxsize=65536)
def _is_ordinary_word(word: str, min_zipf: float) -> bool:
    return zipf_frequency(word, "en") >= min_zipf


@register
class Garbled(Rule):
    id = "translation.garbled"
    summary = "Garbled text left by machine translation (stray or doubled words, broken sentence ends)"
    default_severity = Severity.WARNING

    def check(self, doc: Document):
        s = _settings()
        text = doc.text
        yield from self._stray_words(doc, text, s)
        yield from self._doubled(doc, text, s)
        yield from self._broken_ends(doc, text, s)

    def _stray_words(self, doc: Document, text: str, s: _Settings):
        if '"' not in text and "”" not in text and "’" not in text and "'" not in text:
            return
        for anchor in _QUOTE_CLOSE.finditer(text):  # a cheap DFA pass finds the few candidates
            m = s.stray.match(text, anchor.start())
            if m is None:
                continue
            word = m.group("word")
            low = word.lower().replace("’", "'")
            if low in s.allowed or low.endswith(("ly", "ing")) or "'" in low:
                continue
            if not _is_ordinary_word(low, s.min_zipf):
                continue
            yield self.finding(
                doc, m.start("verb"), m.end("word"),
                f"stray word '{word}' after the reporting clause '{m.group('verb')}': "
                "probably left over from machine translation",
                suggestion=m.group("verb"),
                confidence=0.75,
            )

    def _doubled(self, doc: Document, text: str, s: _Settings):
        for m in s.doubled.finditer(text):
            start, end = m.span()
            chunk = text[start:end]
            first, second = chunk.split(None, 1)
            if end < len(text) and (text[end] == "\u00ad" or text[end].isalpha()):
                continue  # a soft hyphen: "an\u00adgri\u00ader" is one word
            if "\n\n" in chunk or second[0].isupper():
                continue  # across paragraphs, or a title ("The The", "from To Kill a Mockingbird")
            if doc.in_quotation(start, end):
                severity = Severity.INFO  # someone's transcribed words: a stammer is possible
            else:
                severity = None
            yield self.finding(
                doc, start, end,
                f"doubled word '{first} {second}'",
                suggestion=first,
                confidence=0.85,
                severity=severity,
            )

    def _broken_ends(self, doc: Document, text: str, s: _Settings):
        for m in s.broken_end.finditer(text):
            start = m.start() + 1
            if doc.in_quotation(start):
                continue  # transcribed speech breaks off mid-sentence on purpose
            end = start
            while end < len(text) and text[end].isalpha():
                end += 1
            yield self.finding(
                doc, start, end + 1,
                f"sentence ends on '{text[start:end]}': text is missing or garbled here",
                confidence=0.6,
                severity=Severity.INFO,
            )

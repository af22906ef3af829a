"""Leftovers of machine translation: stray words, doubled words, broken sentence ends.

Shapes that a human writer or editor rarely leaves but a translation
system (or a rewrite that was never reread) does:

* a stray word after a closing reporting clause — '…,” he added road.',
  '…,” the minister said window, adding that …' — where the reporting verb
  takes no object. Words that may close such a
  clause were mined from 8,281 US news articles (adverbs of time, place and
  manner, "yes"/"no"; any -ly adverb); the stray word must be an ordinary
  English word by ``wordfreq`` frequency, so names and typos stay out;
* a participle that needs an object ending the sentence — '…,” he said
  adding.' — or a second reporting clause after the first — '…,” Zelensky
  stressed, he said.' (participles that stand alone, "smiling", "laughing",
  are fine);
* a doubled function word ("the the", "to to"); grammatical doublings
  ("had had", "that that", "gave her her book") are not listed, but "that
  that" before a determiner or subject pronoun is ("noted that that the
  enemy attacked");
* a sentence that stops on a word that cannot end one ("… sent to the.").

Word lists live in ``rules/translation/garbled.yml``.

Flags:
    “We must find innovative ways to find the funding,” he added road.

    The minister said the the plan would be ready by spring.

    "Every euro counts," the Commission President said adding.

    "The ball is on the Russian side," Zelensky stressed, he said.

    "Only pressure works," he wrote on Telegram, she emphasized.

    The government said said it would publish a plan.

    The head of the region noted that that the enemy attacked the city 300 times.

    The aid will be sent to the. Officials gave no date.

Passes:
    “We must find innovative ways to find the funding,” he added later.

    “We must find the funding,” the minister told reporters. “It is urgent,” Healey said firmly.

    He said that that plan had had its chance, and she gave her her coat.

    "We will win," he said, smiling. "It is over," the Commission President said again.

    "Every euro counts," she said, adding that the fund was nearly empty.

    "I hardly recognized you," he said, amused. "Am I on a spree?" he recalled saying.

    'He is all mine,' he claimed he said.

    "Only pressure works," he wrote on Telegram on Monday, adding that talks were futile.

    “It is over,” Smith said Monday. The vote passed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import re2

from auditor.documents.document import Document
from auditor.documents.utf8 import utf8
from auditor.lexicon import words_above
from auditor.model import Severity
from auditor.patterns import re2_options
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule

_RE2 = re2_options()
_RE2_I = re2_options(ignorecase=True)


@dataclass(frozen=True, slots=True)
class _Settings:
    stray: re.Pattern[str]
    double: re.Pattern[str]
    allowed: frozenset[str]
    dangling: frozenset[str]
    dangling_after: frozenset[str]
    min_zipf: float
    scan: object


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    conf = load_yaml_resource("translation/garbled.yml")
    verbs = "|".join(sorted({re.escape(v) for v in conf["reporting_verbs"]}, key=len, reverse=True))
    pronouns = "|".join(re.escape(p) for p in conf["subject_pronouns"])
    name = r"[A-Z][\w’'.-]*"
    # "the minister", and "the Commission President" (an article and up to three words)
    subject = rf"(?:{pronouns}|{name}(?:[ \t]+{name}){{0,2}}|(?:the|a|an)[ \t]+(?:[A-Za-z][\w’'-]*[ \t]+){{0,2}}[A-Za-z][\w’'-]*)"
    # after a comma or an exclamation only: after a question, '…?" I said
    # female.' gives the answer
    opening = rf"[,!][\"”’'][ \t]+{subject}[ \t]+(?P<verb>{verbs})"
    # (a comma before the word only counts for a dangling participle: "he said, amused." is English)
    # The word ends the sentence, or a participle clause follows it: '…," he said window, adding that …'
    participles = "|".join(sorted({re.escape(w) for w in conf["dangling_participles"]}, key=len, reverse=True))
    stray = re.compile(rf"{opening}(?P<comma>,?)[ \t]+(?P<word>[a-z][a-z’'-]*)[ \t]*"
                       rf"(?:[.!?](?=\s|$)|$|(?P<then>,[ \t]+(?:{participles})\b))", re.MULTILINE)
    # a second reporting clause after the first: '…,” Zelensky stressed, he said.'
    # (the comma is required: '…,” he claimed he said.' is reported speech)
    # (up to four words may close the first: '…,” he wrote on Telegram, she emphasized.')
    double = re.compile(rf"{opening}(?:[ \t]+[\w’'-]+){{0,4}},[ \t]+(?P<second>(?:{pronouns})[ \t]+(?:{verbs}))"
                        r"[ \t]*[.!?](?=\s|$)", re.MULTILINE)
    doubled = "|".join(rf"{re.escape(w)}\s+{re.escape(w)}" for w in conf["doubled_words"])
    determiners = "|".join(re.escape(w) for w in conf["determiners"])
    # "that that the": the third word is part of the match; _doubled reports the first two
    doubled += "".join(rf"|{re.escape(w)}\s+{re.escape(w)}\s+(?:{determiners})"
                       for w in conf["doubled_before_determiner"])
    broken = "|".join(re.escape(w) for w in conf["broken_end_words"])
    return _Settings(
        stray=stray,
        double=double,
        allowed=frozenset(w.lower() for w in conf["allowed_followers"]),
        dangling=frozenset(w.lower() for w in conf["dangling_participles"]),
        dangling_after=frozenset(conf["dangling_after"]),
        min_zipf=float(conf["stray_min_zipf"]),
        # One linear pass finds the candidates of all three shapes: (1) a closing
        # quotation followed by a clause, (2) a doubled function word (any case),
        # (3) a sentence end on a function word (lower case only: "Plan A." and
        # the band "The The." are not broken ends).
        scan=re2.compile(
            r"([,!][\"”’'][ \t]+[A-Za-z])"
            rf"|((?i:\b(?:{doubled})\b))"
            rf"|([ \t](?:{broken})[.!?](?:[ \t]+[A-Z“\"]|[ \t]*\n))",
            _RE2,
        ),
    )


def _is_ordinary_word(word: str, min_zipf: float) -> bool:
    return word.lower() in words_above(min_zipf)


@register
class Garbled(Rule):
    id = "translation.garbled"
    summary = "Garbled text left by machine translation (stray or doubled words, broken sentence ends)"
    default_severity = Severity.WARNING

    def check(self, doc: Document):
        s = _settings()
        text = doc.text
        view = utf8(text)
        for m in view.finditer(s.scan):
            start, end = view.span(m)
            if m.group(1) is not None:
                yield from self._stray_word(doc, text, s, start)
            elif m.group(2) is not None:
                yield from self._doubled(doc, text, start, end)
            else:
                yield from self._broken_end(doc, text, start)

    def _stray_word(self, doc: Document, text: str, s: _Settings, at: int):
        m = s.stray.match(text, at)
        if m is None:
            yield from self._double_clause(doc, text, s, at)
            return
        word = m.group("word")
        low = word.lower().replace("’", "'")
        if m.group("then") and low in s.dangling:
            return  # "he said, adding, ..." is not a stray word
        if low in s.dangling and m.group("verb") in s.dangling_after:
            # "…,” he said adding." — the participle's object was lost
            yield self.finding(
                doc, m.start("verb"), m.end("word"),
                f"'{m.group('verb')} {word}' ends the sentence, but '{word}' needs an object or a clause "
                "(lost in machine translation)",
                suggestion=m.group("verb"),
                confidence=0.75,
            )
            return
        if m.group("comma") or low in s.allowed or low.endswith(("ly", "ing")) or "'" in low:
            return
        if not _is_ordinary_word(low, s.min_zipf):
            return
        yield self.finding(
            doc, m.start("verb"), m.end("word"),
            f"stray word '{word}' after the reporting clause '{m.group('verb')}': "
            "probably left over from machine translation",
            suggestion=m.group("verb"),
            confidence=0.75,
        )

    def _double_clause(self, doc: Document, text: str, s: _Settings, at: int):
        m = s.double.match(text, at)
        if m is None:
            return
        yield self.finding(
            doc, m.start("verb"), m.end("second"),
            f"two reporting clauses in a row ('{m.group('verb')}', '{m.group('second')}'): "
            "probably left over from machine translation",
            suggestion=m.group("verb"),
            confidence=0.7,
        )

    def _doubled(self, doc: Document, text: str, start: int, end: int):
        chunk = text[start:end]
        words = chunk.split()
        if len(words) > 2:  # "that that the": report the doubled pair only
            end = start + chunk.index(words[1], len(words[0])) + len(words[1])
            chunk = text[start:end]
        first, second = chunk.split(None, 1)
        if end < len(text) and (text[end] == "\u00ad" or text[end].isalpha()):
            return  # a soft hyphen: "an\u00adgri\u00ader" is one word
        if "\n\n" in chunk or second[0].isupper():
            return  # across paragraphs, or a title ("The The", "from To Kill a Mockingbird")
        # someone's transcribed words: a stammer is possible
        severity = Severity.INFO if doc.in_quotation(start, end) else None
        yield self.finding(
            doc, start, end,
            f"doubled word '{first} {second}'",
            suggestion=first,
            confidence=0.85,
            severity=severity,
        )

    def _broken_end(self, doc: Document, text: str, at: int):
        start = at + 1
        if doc.in_quotation(start):
            return  # transcribed speech breaks off mid-sentence on purpose
        end = start
        while end < len(text) and text[end].isalpha():
            end += 1
        yield self.finding(
            doc, start, end + 1,
            f"sentence ends on '{text[start:end]}': text is missing or garbled here",
            confidence=0.6,
            severity=Severity.INFO,
        )

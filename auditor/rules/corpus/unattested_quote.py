"""Unattested quotation: words put in a speaker's mouth that no other source carries.

When several documents of a run cover the same story and quote the same
speaker, a quotation that only one of them attributes to that speaker is
suspect: misquoted, paraphrased into quotation marks, or invented. (One
article gives the Kremlin spokesman the word "unrealistic"; every other
article quotes him as saying the report was "not in line with reality".)

Per document the rule keeps, for each quotation with an identifiable
speaker (a capitalised name next to a reporting verb, "he said" resolved
to the last named speaker or to the subject of the previous sentence, a
role ("the Kremlin spokesman said") to the person an apposition in the
document or in another document on the story gives it, a surname resolved to the full name used earlier
in the document), the speaker's surname and first name, the normalised
quoted words and their location; plus every quotation's words and the
document's distinctive names. A quotation is reported when another document
on the same story (sharing most distinctive names, published within days)
(both dated: within days; undated: a stricter share of names) quotes the
same speaker, at least one of them EARLIER (the first report of a
story sets the record; a later one adds the new words), and none of the
document's quotations of that speaker is carried by any of them (a document
that shares one quotation of a speaker with the story and adds another
snippet of the same speech is ordinary reporting). When several other
documents quote the speaker, two of them must share a quotation: if each
quotes a different snippet of a press conference, one more different
snippet is ordinary reporting too. Only short quotations
(a characterisation such as "unrealistic", not a long passage) of a speaker
quoted at most a couple of times in the document are reported: quoting a
long statement at length is a document's own access to it. Thresholds and word lists are in ``rules/corpus.yml``.

Flags:
    ---
    date: 2024-11-26
    source: Daily Planet
    ---
    Kremlin spokesman Dmitry Peskov said the report was "not in line with reality". Talks between Keir Starmer and Emmanuel Macron in Paris were revived, Le Monde reported, and Jean-Noël Barrot agreed.
    ===
    ---
    date: 2024-11-27
    source: Copycat Times
    ---
    Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël Barrot agreed. Dmitry Peskov responded by calling the idea "unrealistic".

Passes:
    ---
    date: 2024-11-26
    source: Daily Planet
    ---
    Kremlin spokesman Dmitry Peskov said the report was "not in line with reality". Talks between Keir Starmer and Emmanuel Macron in Paris were revived, Le Monde reported, and Jean-Noël Barrot agreed.
    ===
    ---
    date: 2024-11-27
    source: Copycat Times
    ---
    Keir Starmer and Emmanuel Macron revived talks in Paris, according to Le Monde, and Jean-Noël Barrot agreed. Peskov said the report was "not in line with reality".

    ---
    date: 2024-11-26
    source: Daily Planet
    ---
    Dmitry Peskov said the report was "not in line with reality". Keir Starmer met Emmanuel Macron in Paris.
    ===
    ---
    date: 2024-11-27
    source: Other Paper
    ---
    Nancy Pelosi said the budget was "a disgrace" at a press conference with Chuck Schumer in Washington.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import NamedTuple

import re2

from auditor.documents.utf8 import utf8
from auditor.model import Finding, Location
from auditor.patterns import literal_alternation, re2_options
from auditor.registry import register
from auditor.rules.base import CorpusRule, DocRef
from auditor.rules.corpus._profile import (
    origin,
    profile,
    rare_entity_candidates,
    rare_max_df,
    settings,
    template_names,
)

_NAME = re.compile(r"[A-Z][\w’'-]*[a-z](?:[ \t]+(?:de |van |von |bin |al-)?[A-Z][\w’'-]*[a-z])*")
_QUOTE_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+[A-Z“\"]")
# A full name (two or more capitalised words) followed by a lower-case word:
# the subject of a clause ("Marco Rubio flew", "Andriy Yermak, the head of
# the office, led").
_FULL_NAME_SUBJECT = re.compile(r"\b([A-Z][a-z]+(?:[ \t]+[A-Z][\w’'-]*[a-z])+)(?:,[^,]{1,80},)?[ \t]+[a-z]+")

# a single capitalised word opening a sentence as its subject: "Lavrov was blunt."
_SURNAME_SUBJECT = re.compile(r"[\s\"”]*([A-Z][a-z]+[\w’'-]*)[ \t]+(?:was|is|had|has|did|also|then|later|[a-z]+ed)\b")


@dataclass(slots=True)
class QuoteSummary:
    entities: array
    # surname -> (first name or "", [(normalised quote, location)])
    speakers: dict[str, tuple[str, list[tuple[str, Location]]]] = field(default_factory=dict)
    quotes: tuple[str, ...] = ()
    # role ("kremlin spokesman", "foreign minister") -> (surname, first name)
    # from appositions in the document ("Dmitry Peskov, the Kremlin spokesman")
    roles: dict[str, tuple[str, str]] = field(default_factory=dict)


class _Names(NamedTuple):
    """The part of a summary the story pass of ``finish`` reads."""

    entities: array
    quoted: bool  # it attributes quotations to speakers


@lru_cache(maxsize=1)
def _verbs() -> str:
    """The reporting verbs of ``rules/corpus.yml`` as one alternation, longest first."""
    verbs = settings()["unattested_quote"]["reporting_verbs"]
    return "|".join(sorted({re.escape(v.rstrip(":")) for v in verbs}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    cfg = settings()["unattested_quote"]
    verbs = _verbs()
    # after a name, up to the quotation: "Dmitry Peskov, the Kremlin spokesperson, stated the report was "
    after_name = re.compile(rf"(?:’s|'s)?(?:,[^,“\"”]{{1,80}},)?\s+(?:\w+\s+){{0,2}}(?:{verbs})\b")
    # right after a quotation: ", Peskov said" / ", said Peskov" / ", he said"
    name = _NAME.pattern
    trailing = re.compile(
        rf"\s*,?\s*(?:(?P<pron>he|she)\s+(?:{verbs})\b|(?:{verbs})\s+(?P<n1>{name})|(?P<n2>{name})\s+(?:{verbs})\b"
        # ", according to Kremlin spokesman Dmitry Peskov"
        rf"|according\s+to\s+(?:[\w’'-]+\s+){{0,3}}?(?P<n3>[A-Z][a-z]+(?:[ \t]+[A-Z][\w’'-]*[a-z])+))"
    )
    return after_name, trailing, frozenset(cfg["not_speakers"])


def normalise(quote: str) -> str:
    return " ".join(_QUOTE_WORD.findall(quote.lower().replace("’", "'")))


@register
class UnattestedQuote(CorpusRule):
    id = "corpus.unattested-quote"
    summary = "Quotation attributed to a speaker that no other document on the story carries"

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        self._cfg = settings()["unattested_quote"]
        self._after_name, self._trailing, self._not_speakers = _patterns()
        verbs = _verbs()
        self._pronoun_verb = re.compile(rf"\b(?:[Hh]e|[Ss]he)\s+(?:{verbs})\b,")
        nouns = "|".join(sorted(map(re.escape, self._cfg["role_nouns"]), key=len, reverse=True))
        mods = "|".join(sorted(map(re.escape, self._cfg["role_modifiers"]), key=len, reverse=True))
        role = rf"(?:(?:[A-Z][a-z]+(?:’s|'s)?|(?i:{mods}))[ \t]+){{0,2}}(?i:{nouns})\b"
        # "Dmitry Peskov, the Kremlin spokesman," / "Kremlin spokesman Dmitry Peskov"
        self._role_mods = frozenset(m.lower() for m in self._cfg["role_modifiers"])
        # every role noun in one RE2 pass over the document's shared UTF-8
        # view (not a str.find loop per noun)
        self._role_noun_re = re2.compile(literal_alternation(self._cfg["role_nouns"]), re2_options(ignorecase=True))
        # "the Kremlin spokesman described the meeting as "
        # ("[Tt](?<!\w[Tt])he" is "\b[Tt]he" written so that the pattern starts
        # with a character class: re then skips ahead to a T at C speed)
        self._role_speaker = re.compile(
            rf"[Tt](?<!\w[Tt])he[ \t]+({role})[ \t]+(?:[a-z]+[ \t]+){{0,2}}(?:{verbs})\b")

    # -- observe -------------------------------------------------------------
    def observe(self, doc) -> QuoteSummary | None:
        quotations = [q for q in doc.quotations if q.closed and q.inner_end - q.inner_start > 1]
        if not quotations:
            return None
        text = doc.text
        paragraphs = doc.paragraphs
        starts = [p.start for p in paragraphs]
        full_names: dict[str, str] = {}  # surname -> first name, as first met in the document
        summary = QuoteSummary(entities=profile(doc).entities)
        summary.roles = self._roles(text)
        last_speaker: tuple[str, int] | None = None
        all_quotes = []
        for q in quotations:
            inner = text[q.inner_start:q.inner_end]
            norm = normalise(inner)
            if not norm:
                continue
            words = inner.split()
            if 1 < len(words) <= 12 and sum(w[:1].isupper() for w in words) / len(words) > 0.6:
                continue  # a title or a name in quotation marks, not speech
            all_quotes.append(norm)
            k = bisect.bisect_right(starts, q.start) - 1
            para_start = paragraphs[k].start if k >= 0 else 0
            para_end = paragraphs[k].end if k >= 0 else len(text)
            name = self._speaker(text, max(para_start, q.start - 300), q.start, q.end, min(para_end, q.end + 120))
            if name == "<pronoun>":
                if last_speaker and q.start - last_speaker[1] < 800:
                    name = last_speaker[0]
                else:
                    name = self._subject_before(text, max(0, q.start - 400), q.start)
            if not name:
                continue
            if name.startswith("@"):  # a role: this document's or the story's holder of it
                last_speaker = (name, q.end)
                held = summary.roles.get(name[1:])
                if held is None:
                    entry = summary.speakers.setdefault(name, ("", []))
                    entry[1].append((norm, doc.locate(q.inner_start, q.inner_end)))
                    continue
                name = " ".join(w.title() for w in held[::-1] if w)
            words = [w for w in name.replace("’s", "").replace("'s", "").split() if w not in self._not_speakers]
            if not words:
                continue
            surname = words[-1]
            # the capitalised word right before the surname: "Marco" in
            # "State Marco Rubio" (a title's tail), "Faisal" in "Faisal bin Farhan"
            given = [w for w in words[:-1] if w[:1].isupper()]
            first = given[-1] if given else full_names.get(surname, "")
            full_names.setdefault(surname, first)
            last_speaker = (" ".join(words), q.end)
            entry = summary.speakers.setdefault(surname.lower(), (first.lower(), []))
            entry[1].append((norm, doc.locate(q.inner_start, q.inner_end)))
        summary.quotes = tuple(all_quotes)
        return summary if summary.speakers or summary.quotes else None

    def _roles(self, text: str) -> dict[str, tuple[str, str]]:
        """Role -> (surname, first name) from appositions; a role held by
        two people in the document is dropped."""
        out: dict[str, tuple[str, str] | None] = {}
        found: dict[tuple[str, str], None] = {}
        # anchored at each role noun, never a scan from every capital letter
        mods = self._role_mods
        for lo, hi in utf8(text).spans(self._role_noun_re):
            # "Kremlin spokesman Dmitry Peskov" (a name after the noun), or
            # "Dmitry Peskov, the Kremlin spokesman," (an apposition); most
            # role nouns are neither, and cost no more than these two looks
            m = _FULL_NAME_AT.match(text, hi)
            apposition = text[hi:hi + 1] in (",", ".")
            if m is None and not apposition:
                continue
            # the word before the noun, when it qualifies it ("Kremlin", "foreign")
            before = text[max(0, lo - 30):lo].split()
            mod = before[-1] if before and (before[-1].lower() in mods or _CAPITALISED.fullmatch(before[-1])) else ""
            role = f"{mod} {text[lo:hi]}"
            if m:
                found.setdefault((role, m.group(1)))
            if apposition:
                k = len(before) - (2 if mod else 1)
                if k >= 0 and before[k] in ("the", "a"):
                    k -= 1
                if k >= 0 and before[k].endswith(","):
                    head = text[max(0, lo - 120):lo]
                    cut = head.rfind(before[k])
                    m = _FULL_NAME_END.search(head[max(0, cut - 60):cut + len(before[k]) - 1])
                    if m:
                        found.setdefault((role, m.group(1)))
        for role, name in found:
            words = name.split()
            if words[0] in self._not_speakers:
                continue
            key, person = _role_key(role), (words[-1].lower(), words[0].lower() if len(words) > 1 else "")
            if key:
                out[key] = person if out.get(key, person) == person else None
        return {k: v for k, v in out.items() if v is not None}

    def _speaker(self, text: str, lo: int, qstart: int, qend: int, hi: int) -> str | None:
        """The name attributed to the quotation at [qstart, qend), if any
        ("@kremlin spokesman" for a role)."""
        m = self._trailing.match(text, qend, hi)
        if m:
            if m.group("pron"):
                return "<pronoun>"
            return m.group("n1") or m.group("n2") or m.group("n3")
        before = text[lo:qstart]
        cut = 0
        for end in _SENTENCE_END.finditer(before):
            cut = end.end() - 1  # the quotation's own sentence only
        before = before[cut:]
        roles = list(self._role_speaker.finditer(before))
        if roles and not any(ch in before[roles[-1].end():] for ch in "“”\""):
            key = _role_key(roles[-1].group(1))
            if key:
                return "@" + key
        names = list(_NAME.finditer(before))
        for name in reversed(names):
            tail = self._after_name.match(before, name.end())
            if tail and not any(ch in before[tail.end():] for ch in "“”\""):
                return "<pronoun>" if name.group(0) in ("He", "She") else name.group(0)
        if re.search(r"\b(?:[Hh]e|[Ss]he)\s+(?:\w+\s+){0,2}\w+:?\s*$", before):
            return "<pronoun>"
        if self._pronoun_verb.search(before):
            return "<pronoun>"  # 'A ceasefire, he said, was "a trap".'
        return None

    def _subject_before(self, text: str, lo: int, qstart: int) -> str | None:
        """The person a "he"/"she" before a quotation refers to when no
        quotation before it was attributed: the one person named in full as
        the subject of the previous sentence ("Marco Rubio flew to Ottawa. He
        had called the move "a surrender"."), else None. Two full names in
        that sentence ("Rubio met Sergei Lavrov.") leave it unresolved."""
        before = text[lo:qstart]
        ends = [m.end() - 1 for m in _SENTENCE_END.finditer(before)]
        if not ends:
            return None
        previous = before[ends[-2] if len(ends) > 1 else 0:ends[-1]]
        if "\n\n" in previous:
            return None  # a paragraph break: the pronoun's referent is not in view
        names = [m for m in _FULL_NAME_SUBJECT.finditer(previous)
                 if m.group(1).split()[0] not in self._not_speakers]
        if names:
            return names[0].group(1) if len(names) == 1 else None
        # a surname alone as the subject ("Lavrov was blunt."), of a person
        # named in full earlier in the document ("Sergei Lavrov")
        m = _SURNAME_SUBJECT.match(previous)
        if m and m.group(1) not in self._not_speakers and re.search(
                rf"\b[A-Z][a-z]+[ \t]+{re.escape(m.group(1))}\b", text[:qstart]):
            return m.group(1)
        return None

    # -- finish --------------------------------------------------------------
    def finish(self, observations: Sequence[tuple[DocRef, QuoteSummary]]) -> Iterator[Finding]:
        cfg = self._cfg
        n = len(observations)
        max_df = rare_max_df(n)
        # pairs of documents on the same story: they share several names that
        # few documents carry (inverted index, cost bounded by max_df²)
        # (one read of the log for the three passes over the names: each pass
        # over the log unpickles every summary again)
        names = [(origin(ref), _Names(s.entities, bool(s.speakers))) for ref, s in observations]
        frequent = template_names(names, max_df)
        shared = rare_entity_candidates(
            ((i, s.entities) for i, (_, s) in enumerate(names) if s.quoted),
            int(cfg["min_shared_names"]), max_df, frequent,
        )
        rare_count = [sum(1 for h in s.entities if h not in frequent) for _, s in names]
        del names
        story: dict[int, list[int]] = {}
        for (i, j), count in shared.items():
            if self._same_story(observations[i][0], observations[j][0], count, min(rare_count[i], rare_count[j])):
                story.setdefault(i, []).append(j)
                story.setdefault(j, []).append(i)
        for i in sorted(story):
            ref, summary = observations[i]
            for surname, (first, quotes) in summary.speakers.items():
                if surname.startswith("@"):  # a role: named by the story's other documents
                    if " " not in surname:
                        continue  # "the president", "the spokesman": whose, in another outlet's text?
                    held = {observations[j][1].roles.get(surname[1:]) for j in story[i]} - {None}
                    if len(held) != 1:
                        continue
                    (surname, first), = held
                    if surname in summary.speakers:
                        continue  # also quoted by name: judged there
                others = []
                for j in story[i]:
                    theirs = observations[j][1].speakers.get(surname)
                    if theirs is None or (first and theirs[0] and first != theirs[0]):
                        continue  # not quoted there, or a different person of that surname
                    others.append(j)
                earlier = [j for j in others if _before(observations[j][0], ref)]
                if not earlier:
                    continue  # the first report of the story sets the record
                if len(quotes) > int(cfg["max_quotes_per_speaker"]):
                    continue  # quoting a speaker at length: its own access to a long statement
                carried = [any(self._carries(observations[j][1].quotes, norm) for j in others) for norm, _ in quotes]
                if any(carried):
                    continue  # it shares words of this speaker with the story: extra snippets are normal
                if len(others) >= int(cfg["consensus_min_docs"]) and not self._consensus(observations, others, surname):
                    continue  # the others quote different snippets too: the speaker said several things
                for norm, loc in quotes:
                    if len(norm.split()) > int(cfg["max_words"]):
                        continue  # long verbatim passages are snippets of a speech, not a characterisation
                    ref_j, s_j = observations[earlier[0]]
                    theirs = s_j.speakers[surname][1][0][0]
                    where = ref_j.path + (f" row {ref_j.id}" if ref_j.id and ref_j.id not in ref_j.path else "")
                    yield self.finding_at(
                        ref.ordinal, loc,
                        f"Quotation attributed to {surname.title()} appears in no other document on this story; "
                        f"{len(others)} other document(s) on it quote {surname.title()} differently, earlier "
                        f"e.g. \"{_clip(theirs)}\" in {where}",
                        confidence=0.6,
                    )

    def _same_story(self, a: DocRef, b: DocRef, shared: int, smaller: int) -> bool:
        """Enough shared rare names, and close in time when both are dated
        (undated pairs need a stricter share of shared names)."""
        cfg = self._cfg
        if smaller <= 0:
            return False
        share = shared / smaller
        da, db = _date(a.date), _date(b.date)
        if da and db:
            return abs((da - db).days) <= int(cfg["max_days"]) and share >= float(cfg["story_containment"])
        return share >= float(cfg["undated_story_containment"])

    def _consensus(self, observations, others: list[int], surname: str) -> bool:
        """Do two of ``others`` share a quotation of the speaker? (The story
        has an agreed wording to deviate from.) The earliest
        ``_CONSENSUS_DOCS`` documents are compared: a quadratic check stays
        bounded when an archive's story has hundreds of reports."""
        others = sorted(others)[:_CONSENSUS_DOCS]
        for x, j in enumerate(others):
            for norm, _ in observations[j][1].speakers[surname][1]:
                if any(self._carries(observations[k][1].quotes, norm) for k in others[x + 1:]):
                    return True
        return False

    def _carries(self, quotes: tuple[str, ...], norm: str) -> bool:
        words = norm.split()
        padded = f" {norm} "
        for other in quotes:
            if padded in f" {other} " or f" {other} " in padded:
                return True
        if len(words) >= int(self._cfg["overlap_min_words"]):
            need = float(self._cfg["overlap_share"])
            wanted = set(words)
            for other in quotes:
                if len(wanted & set(other.split())) / len(wanted) >= need:
                    return True
        return False


_ROLE_NOISE = frozenset(("the", "a", "an"))
_CAPITALISED = re.compile(r"[A-Z][a-z]+(?:’s|'s)?")
_FULL_NAME_AT = re.compile(r"[ \t]+([A-Z][a-z]+(?:[ \t]+[A-Z][\w’'-]*[a-z])+)")
_FULL_NAME_END = re.compile(r"([A-Z][a-z]+(?:[ \t]+[A-Z][\w’'-]*[a-z])+)$")


_CONSENSUS_DOCS = 40


def _role_key(role: str) -> str:
    """'Russian Foreign Minister' -> 'foreign minister', 'the Kremlin's
    spokesman' -> 'kremlin spokesman': the role noun and one word before it."""
    words = [w.lower().replace("’s", "").replace("'s", "") for w in role.split()]
    words = [w for w in words if w not in _ROLE_NOISE]
    return " ".join(words[-2:])


def _before(a: DocRef, b: DocRef) -> bool:
    """Was ``a`` published before ``b`` (by date, then run order)?"""
    da, db = _date(a.date), _date(b.date)
    if da and db and da != db:
        return da < db
    return a.ordinal < b.ordinal


def _clip(text: str, n: int = 60) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except ValueError:
        return None

"""titles.out-of-date — a title whose time reference contradicts the role
dates on the document's date.

* "former X" while the person holds X on that date ("former President
  Donald Trump" in February 2025);
* "X-elect" once the person has taken office ("President-elect Trump" in
  February 2017; later it is mostly historical usage and is left alone,
  unless the person's verb is in the present: "President-elect Donald Trump
  has said", in March 2025), while "US President-elect Donald Trump" in
  January 2025 is right;
* "then-X" for an office the person had not yet held;
* a bare current title for an office the person has left ("US President
  Biden" in February 2025). Because newspapers write "President Obama
  signed the law in 2010" or "the firing of FBI Director James Comey" for
  past events, a bare title is only reported with a nationality qualifier
  (option ``bare_needs_qualifier``; a country after the office counts:
  "President of the United States Joe Biden"), within ``max_gap_days`` of the end of
  the role, and when its sentence has no past-time marker (``past_markers``
  in ``rules/titles.yml``: "then", "under" or "during" before the title,
  a named "administration", an earlier month or
  year ...). The one exception is a sentence about the article's own
  present: a bare title that opens the sentence (optionally after "On
  Tuesday,") or names the speaker of a closing attribution (", Prime
  Minister Justin Trudeau said"), outside quotations, in a sentence with a present-time marker
  ("today", a weekday: ``current_markers``) and no retelling
  ("had", "heard", "testified": ``retold_markers``), is checked without a
  qualifier ("Secretary of State Antony Blinken met Saudi officials on
  Tuesday", written in March 2025), and at any distance from the end of
  the role ("Russian Defence Minister Sergei Shoigu visited troops on
  Tuesday", written in 2025). The same holds for a lowercase title with a
  nationality qualifier set off beside the name ("Olaf Scholz, the German
  chancellor, said on Monday"; "Ukraine's foreign minister, Dmytro Kuleba,
  said on Tuesday"); other lowercase titles are descriptions and are only
  checked for "former". A bare title before the role began is
  not reported: it is anticipation ("President Trump will ...") far more
  often than an error.

Archive dates are sometimes wrong; a document that cites a year more than
one year after its date, or gives someone a title they took more than a
month after it, is treated as undated.

The rule needs the document date (front matter, archive field or a
``sources:`` mapping) and is silent without one. Dates within
``grace_days`` of a changeover are never reported. A name without a title
("Joe Biden approved") says nothing about the office and is not checked.
Inside a quotation the severity drops one step.

Flags:
    ---
    date: 2025-02-20
    ---
    The plan will be presented by Sir Keir Starmer to former President Donald Trump next week.

    ---
    date: 2025-02-20
    ---
    The proposal responds to fears surrounding US President Biden's commitment to Ukraine.

    ---
    date: 2017-02-15
    ---
    President-elect Donald Trump met the governors on Tuesday.

    ---
    date: 2025-03-12
    ---
    Secretary of State Antony Blinken met Saudi officials in Riyadh on Tuesday.

Passes:
    ---
    date: 2025-01-16
    ---
    US President-elect Donald Trump might propose a plan after taking office next Monday.

    ---
    date: 2023-06-01
    ---
    Former President Donald Trump spoke in Iowa.

    ---
    date: 2022-05-10
    ---
    President Joe Biden signed the bill on Monday.

    ---
    date: 2024-11-26
    ---
    Earlier this month, Joe Biden approved Kyiv's use of long-range missiles.

    ---
    date: 2019-03-01
    ---
    In 2014, President Obama signed an executive order.

    ---
    date: 2025-03-12
    ---
    The inquiry heard on Tuesday that Prime Minister Rishi Sunak had ignored advice.

    ---
    date: 2017-05-10
    ---
    On Wednesday, Trump fired FBI Director James Comey.

    President Obama signed the order without a date on the article.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from pydantic import BaseModel, ConfigDict

from auditor.documents.document import Document
from auditor.documents.metadata import MONTH_NAMES, MONTHS
from auditor.knowledge.people import Person, Role
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule, lower_severity
from auditor.rules.titles._parse import (
    TitleMention,
    candidates,
    full_name_in,
    hypothetical,
    lexicon,
    norm_title,
    role_fits_title,
    sentence_bounds,
    settings,
    title_mentions,
)

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
#: "March 6, 2019", "6 March 2019", "March 2019": a dated event, in the past
#: when its month is before the document's ("sits during her meeting with
#: Ukrainian President Petro Poroshenko in Kyiv, Ukraine, March 6, 2019")
_MONTH_YEAR = re.compile(r"\b(" + "|".join(m.capitalize() for m in MONTH_NAMES) + r")\.?(?:[ \t]+\d{1,2},?)?[ \t]+(20\d\d)\b")


def _month_start(m: re.Match[str]) -> dt.date:
    return dt.date(int(m.group(2)), MONTHS[m.group(1).lower()], 1)


class Options(BaseModel):
    model_config = ConfigDict(extra="forbid")

    #: Days around a changeover in which nothing is reported.
    grace_days: int = 3
    #: A bare title of a past role is reported only this soon after the role ended.
    max_gap_days: int = 400
    #: "-elect" after taking office is reported only this soon after it.
    max_elect_days: int = 30
    #: Report bare titles of past roles only with a nationality qualifier
    #: ("US President Biden"): unqualified ones are mostly historical usage.
    bare_needs_qualifier: bool = True


@lru_cache(maxsize=1)
def _past_marker_re() -> re.Pattern[str]:
    words = sorted(settings().get("past_markers", []), key=len, reverse=True)
    return re.compile(r"(?i)(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])")


@lru_cache(maxsize=1)
def _past_preposition_re() -> re.Pattern[str]:
    """``past_prepositions`` right before a title ("under President Obama")."""
    words = "|".join(re.escape(w) for w in settings().get("past_prepositions", [])) or "(?!)"
    return re.compile(r"(?i)(?<![\w-])(?:" + words + r")[ \t]+(?:the[ \t]+)?$")


@lru_cache(maxsize=1)
def _past_named_noun_re() -> re.Pattern[str]:
    """``past_named_nouns`` after a capitalised name ("the Obama administration")."""
    words = "|".join(re.escape(w) for w in settings().get("past_named_nouns", [])) or "(?!)"
    return re.compile(r"\b(?!(?:The|This|That|An?|His|Her|Its|Their|Our|Whole|Entire|New|Current)\b)"
                      r"[A-Z][\w-]+(?:'s|’s)?[ \t]+(?:" + words + r")\b")


@lru_cache(maxsize=1)
def _current_marker_re() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(present-time markers, retelling markers) of rules/titles.yml."""
    return _words_re(settings().get("current_markers", [])), _words_re(settings().get("retold_markers", []))


def _words_re(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)) or "(?!)"
    return re.compile(r"(?i)(?<![\w-])(?:" + alternatives + r")(?![\w-])")


_LEAD_IN = re.compile(r"[\s\"“‘(]*(?:(?:On|on|Earlier|Late|Early)?[ \t]*[A-Z][a-z]+day(?:[ \t]+(?:morning|afternoon|evening|night))?,?|Today,?|Yesterday,?)?[ \t]*(?:[Tt]he[ \t]+)?")


_ATTRIBUTION_BEFORE = re.compile(r"[,”\"][ \t]*$")
_REPORTING_AFTER = re.compile(r"[ \t]+(?:said|says|told|tells|added|adds|wrote|writes)\b")


def _current_event(doc: Document, mention: TitleMention) -> bool:
    """Is the title holder the subject of a sentence that reports
    something happening now ("Secretary of State Antony Blinken met Saudi
    officials on Tuesday"), or the speaker of a closing attribution ("...,
    Prime Minister Justin Trudeau said on Tuesday")? Then even an
    unqualified title is the article's own present, not historical usage.
    Only in those two positions and outside quotations: in "Trump fired FBI
    Director James Comey", written on a Wednesday, the weekday is the
    report's, the title the event's."""
    text = doc.text
    left, right = sentence_bounds(text, mention.start, mention.end)
    if doc.in_quotation(mention.start, mention.end):
        return False
    lead = _LEAD_IN.match(text, left, mention.start)
    opens = lead is not None and lead.end() == mention.start
    attribution = (_ATTRIBUTION_BEFORE.search(text, max(left, mention.start - 3), mention.start) is not None
                   and _REPORTING_AFTER.match(text, mention.names[-1].end) is not None)
    if not (opens or attribution):
        return False
    markers, retold = _current_marker_re()
    return bool(markers.search(text, left, right)) and not retold.search(text, left, right)


_PRESENT_AFTER = re.compile(r"[ \t]+(?:has|have|is|says|will|wants|plans|insists|vows)\b")


def _speaks_now(text: str, mention: TitleMention) -> bool:
    """Does the title holder's verb stand in the present or present perfect
    ("President-elect Donald Trump has said", "... says")? Then the title is
    the writer's own, not a retelling of the transition period."""
    return _PRESENT_AFTER.match(text, mention.names[-1].end) is not None


_NEXT_WORD = re.compile(r"(?:'s|’s)?[ \t]+([A-Za-z]+)")


def _attributive(text: str, mention: TitleMention) -> bool:
    """Is "former Title Name" a modifier of a following noun ("former
    President Trump confidante ...", "former President Trump's lawyer")?
    Then "former" may belong to that noun."""
    end = mention.names[-1].end
    if text.startswith(("'s", "’s"), end):
        return True
    m = _NEXT_WORD.match(text, end)
    return bool(m) and m.group(1) in set(settings().get("attributive_heads", []))


def _fmt(date: dt.date | None) -> str:
    return date.isoformat() if date else "?"


@register
class OutOfDate(Rule):
    id = "titles.out-of-date"
    summary = "'former', '-elect', 'then-' or a bare title that contradicts the role dates on the document date"
    default_severity = Severity.WARNING
    options_model = Options

    def check(self, doc: Document) -> Iterator[Finding]:
        if doc.date is None:
            return
        index = self.ctx.knowledge.people
        lex = lexicon(index)
        mentions = [m for m in title_mentions(doc, index)
                    if m.names and norm_title(m.title) not in lex.unchecked and lex.offices_for(m.title)]
        if not mentions:
            return
        plausible: bool | None = None  # decided on the first finding (costs a pass over the text)
        for mention in mentions:
            if mention.prefix == "neutral" or mention.complement or hypothetical(doc.text, mention):
                continue
            title_offices = lex.offices_for(mention.title)
            for ref in mention.names:
                people = candidates(ref, doc.text)
                if not ref.full:
                    # a surname alone: only people the document names in full, or curated ones
                    people = [p for p in people if p.curated or full_name_in(doc.text, p)]
                if not people:
                    continue
                verdicts = []
                for person in people:
                    roles = [r for r in person.roles if role_fits_title(r, mention, title_offices)]
                    if roles:
                        verdicts.append(self._judge(doc, mention, person, roles))
                # every person the name may denote must be out of date
                if verdicts and all(verdicts):
                    if plausible is None:
                        plausible = self._date_plausible(doc, mentions, lex)
                    if not plausible:
                        return
                    message, suggestion = verdicts[0]
                    severity = self.severity
                    if doc.in_quotation(mention.start, mention.end):
                        severity = lower_severity(severity)
                    yield self.finding(doc, mention.start, max(ref.end, mention.head_end if mention.postposed else 0),
                                       message, suggestion=suggestion,
                                       severity=severity, confidence=0.85 if mention.prefix else 0.7)
                    break

    # -- one person ----------------------------------------------------------------------
    def _judge(self, doc: Document, mention: TitleMention, person: Person, roles: list[Role]):
        date = doc.date
        grace = self.options.grace_days
        text = doc.text
        end = max(mention.head_end, mention.names[0].end)

        def rewrite(seg_start: int, seg_end: int, replacement: str) -> str:
            return text[mention.start:seg_start] + replacement + text[seg_end:end]
        elect = all(r.office.function and r.office.function.endswith("-elect") for r in roles)
        if mention.prefix == "former":
            current = [r for r in roles if r.active_on(date, strict=True, grace=grace)]
            if current and not _attributive(text, mention):
                return (f"{person.name} holds the office of {current[0].office.title} on {date} "
                        f"(since {_fmt(current[0].start)}): not 'former'",
                        rewrite(mention.prefix_start, mention.head_start, ""))
            return None
        if mention.prefix == "then":
            if all(r.starts_after(date, grace=grace) for r in roles):
                first = min(r.start for r in roles if r.start)
                return (f"{person.name} only took the office of {roles[0].office.title} on {first}: "
                        f"'then-' has no earlier time to refer to on {date}", None)
            return None
        if any(r.active_on(date, grace=grace) for r in roles):
            return None
        if elect:
            main_id = roles[0].office.id.removesuffix("-elect")
            limit = self.options.max_gap_days if _speaks_now(text, mention) else self.options.max_elect_days
            main = [r for r in person.roles if r.office.id == main_id and r.active_on(date, strict=True, grace=grace)
                    and r.start and (date - r.start).days <= limit]
            if main and not self._past_context(text, mention, date):
                fixed = re.sub(r"(?i)[- ]elect$", "", mention.title)
                return (f"{person.name} took office as {main[0].office.title} on {_fmt(main[0].start)}: "
                        f"no longer '-elect' on {date}", rewrite(mention.title_start, mention.title_end, fixed))
            return None
        qualified = mention.adjective is not None or mention.country_end is not None
        if mention.lowercase and not (qualified and (mention.appositive or mention.postposed)
                                      and _current_event(doc, mention)):
            # a lowercase title is mostly a description ("the prime minister at the
            # time"); but a qualified one set off beside the subject of today's news
            # ("Olaf Scholz, the German chancellor, said on Monday") is a title
            return None
        if (self.options.bare_needs_qualifier and not qualified
                and not _current_event(doc, mention)):
            return None
        if all(r.ended_before(date, grace=grace) for r in roles):
            last_end = max(r.end for r in roles if r.end)
            if (date - last_end).days > self.options.max_gap_days and not _current_event(doc, mention):
                # long after the role, a title is mostly historical usage; but the
                # subject of today's news ("Russian Defence Minister Sergei Shoigu
                # visited troops on Tuesday", in 2025) is stale at any distance
                return None
            if self._past_context(text, mention, date):
                return None
            return (f"{person.name} left the office of {roles[-1].office.title} on {last_end}: "
                    f"on {date} the title is out of date (write 'former {mention.title}')",
                    rewrite(mention.head_start, mention.head_start, "former "))
        # a bare title before the role began is anticipation ("President Trump
        # will ...") or a wrong archive date far more often than an error
        return None

    def _date_plausible(self, doc: Document, mentions: list[TitleMention], lex) -> bool:
        """Archive dates are sometimes wrong (a crawl date, another story's
        date). A text that cites a year well after its date, or gives a
        title-holder a title they only took long after it, is not dated
        reliably enough to judge anyone's title by."""
        date = doc.date
        if any(int(y) > date.year + 1 for y in _YEAR.findall(doc.text)):
            return False
        for mention in mentions:
            if mention.prefix is not None:
                continue
            title_offices = lex.offices_for(mention.title)
            for ref in mention.names:
                for person in candidates(ref, doc.text):
                    roles = [r for r in person.roles if role_fits_title(r, mention, title_offices)]
                    if roles and all(r.starts_after(date, grace=30) for r in roles) and (ref.full or person.curated):
                        return False
        return True

    @staticmethod
    def _past_context(text: str, mention: TitleMention, date: dt.date) -> bool:
        left, right = sentence_bounds(text, mention.start, mention.end)
        sentence = text[left:right]
        if _past_marker_re().search(sentence) or _past_named_noun_re().search(sentence) or (
                _past_preposition_re().search(text, max(left, mention.start - 12), mention.start)):
            return True
        if any(int(y) < date.year for y in _YEAR.findall(sentence)):
            return True
        return any(_month_start(m) < dt.date(date.year, date.month, 1) for m in _MONTH_YEAR.finditer(sentence))

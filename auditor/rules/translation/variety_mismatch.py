"""translation.variety-mismatch — an institution or title spelled in the
other spelling variety than its own official name: a UK body or UK title
in US spelling ("UK Ministry of Defense", "Defense Secretary John Healey")
or a US one in UK spelling ("US Department of Defence").

Decided by the entity, not by a spelling list: the country of the
institution (from the qualifier before it: "UK", "British", "Britain's",
"US", "American" ...; from a seat of government right after it: "in
London", ``seats`` in ``rules/titles.yml``; else from the office-holder
named nearest before it, or after it in its sentence) or of the person
holding the title (from the knowledge base), and the official variety recorded for that institution or
office in ``rules/knowledge/offices.yml`` (``variety``). Offices and
institutions without a recorded variety (Israel's Ministry of Defense,
Ukraine's defence ministry) are never reported, whatever the spelling. A
lowercase title without a name ("the defense secretary said") is resolved
to the nearest preceding known person who holds such an office. The variety
words themselves (Defence/Defense, Labour/Labor, ...) are listed in
``rules/titles.yml``.

The suggestion is the same text in the entity's variety, safe to apply
unattended. A foreign title with its nationality qualifier, written in the
document's own variety (the house style: ``house_style.variety`` in the
config, else the majority of en-GB/en-US spellings in the text) — "US Defence
Secretary" in a British paper, "British Defense Secretary" in an American
one — is a common style choice and is reported at info severity. An
unqualified title ("Defense Secretary John Healey", as if it were the
document's own country's) and an institution's proper name ("UK Ministry of
Defense") are warnings.

Flags:
    ---
    date: 2024-12-18
    ---
    The UK Ministry of Defense is considering sending troops.

    ---
    date: 2024-12-18
    ---
    Defense Secretary John Healey has been in Kyiv.

    ---
    date: 2024-12-18
    ---
    Healey said he would wait, but the defense secretary said his main duty was to Ukraine.

    ---
    date: 2022-03-01
    ---
    A spokesman for the US Department of Defence declined to comment.

    ---
    date: 2025-10-20
    ---
    Defence Secretary John Healey announced the orders. The Ministry of Defense said they were worth £1.5bn.

    ---
    date: 2025-10-20
    ---
    The Ministry of Defense said Defence Secretary John Healey would announce the orders.

    The Ministry of Defense in London said the orders were worth £1.5bn.

Passes:
    ---
    date: 2025-02-20
    ---
    Defence Secretary John Healey met his Norwegian counterpart.

    ---
    date: 2024-05-01
    ---
    Israel's Ministry of Defense and the US Department of Defense signed the deal.

    ---
    date: 2022-03-01
    ---
    Defense Secretary Lloyd Austin spoke to the Ukrainian Defence Ministry.

    The defense minister said the air defense systems had arrived.

    ---
    date: 2025-10-20
    ---
    Defence Secretary John Healey met Pete Hegseth. The US Department of Defense said the talks went well.

    ---
    date: 2025-02-12
    ---
    Benjamin Netanyahu toured the border. The Ministry of Defense said more troops would follow.

    The Ministry of Defense in Moscow said more troops would follow.

    ---
    date: 2025-10-20
    ---
    The Ministry of Defense said so. Defence Secretary John Healey visited the troops later.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from functools import lru_cache

from auditor.documents.document import Document
from auditor.knowledge.people import Office, PeopleIndex
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule, lower_severity
from auditor.rules.translation._words import WordMatcher
from auditor.rules.titles._parse import (
    Lexicon,
    TitleMention,
    candidates,
    country_display,
    lexicon,
    norm_title,
    respell,
    sentence_bounds,
    settings,
    title_mentions,
    variety_of_spelling,
)

_CAP_WORD = re.compile(r"[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+)*")


@register
class VarietyMismatch(Rule):
    id = "translation.variety-mismatch"
    summary = "A UK institution or title in US spelling, or a US one in UK spelling (decided by the entity)"
    default_severity = Severity.WARNING
    safe_fix = True

    def check(self, doc: Document) -> Iterator[Finding]:
        index = self.ctx.knowledge.people
        lex = lexicon(index)
        text = doc.text
        pairs = lex.variety_pairs
        if not _has_variety_word(text):
            return
        yield from self._institutions(doc, lex, pairs)
        for mention in title_mentions(doc, index):
            spelled = variety_of_spelling(mention.title, pairs)
            if spelled is None:
                continue
            office = self._office_of(doc, mention, lex, index)
            if office is None or office.variety is None or office.variety == spelled:
                continue
            end = mention.names[-1].end if mention.names and not mention.postposed else mention.title_end
            original = text[mention.title_start:end]
            fixed = respell(original, office.variety, pairs)
            if fixed == original:
                continue
            where = country_display(index, office.country)
            yield self._emit(doc, mention.title_start, end,
                             f"{_possessive(where)} {office.title} is spelled the {office.variety} way; "
                             f"{mention.title!r} uses {spelled} spelling", fixed, spelled,
                             styled=mention.adjective is not None)

    # -- institutions --------------------------------------------------------------
    def _institutions(self, doc: Document, lex: Lexicon, pairs) -> Iterator[Finding]:
        if lex.institution_re is None:
            return
        text = doc.text
        for m in lex.institution_re.finditer(text):
            s, e = m.span()
            if (s > 0 and text[s - 1].isalnum()) or (e < len(text) and text[e].isalnum()):
                continue
            form = text[s:e]
            spelled = variety_of_spelling(form, pairs)
            if spelled is None:
                continue
            key = norm_title(form)
            adj = lex.adjective_before(text, s)
            if adj:
                country = lex.adjectives.get(adj[0])
                start = adj[1]
            else:
                country = _seat_after(text, e) or self._country_by_coreference(doc, lex, s, e, key, spelled)
                start = s
            if country is None:
                continue
            entity = next((o for o in lex.institutions_by_form.get(key, []) if o.country == country), None)
            if entity is None or entity.variety is None or entity.variety == spelled:
                continue
            original = text[start:e]
            fixed = respell(original, entity.variety, pairs)
            where = country_display(lex.index, entity.country)
            yield self._emit(doc, start, e, f"{_possessive(where)} {entity.title} is spelled the {entity.variety} way",
                             fixed, spelled)

    def _country_by_coreference(self, doc: Document, lex: Lexicon, pos: int, end: int, key: str,
                                spelled: str) -> str | None:
        """The country of an unqualified institution ("The Ministry of
        Defense said ...") from the nearest known office-holder named before
        it in its paragraph or the one before ("Defence Secretary John Healey
        ... the Ministry of Defense"), else from the first one named after it
        in its own sentence ("The Ministry of Defense said Defence Secretary
        John Healey would ..."). Left alone when an institution of that name is spelled
        this way officially in a country the document mentions ("Department
        of Defense" beside "US"): the text may mean that one."""
        entities = lex.institutions_by_form.get(key, [])
        text = doc.text
        for other in entities:
            if other.variety == spelled and lex.names_country(text, other.country):
                return None
        countries = {o.country for o in entities if o.variety is not None and o.variety != spelled}
        if not countries:
            return None
        window = int(settings().get("coreference_window", 300))
        chunk = text[max(0, pos - window):pos]
        # this paragraph and the one before it: a report names the minister,
        # then opens the next paragraph with "The Ministry of Defense said"
        previous = chunk.rfind("\n\n", 0, max(0, chunk.rfind("\n\n")))
        if previous >= 0:
            chunk = chunk[previous:]
        country = _holder_country(doc, lex, reversed(list(_CAP_WORD.finditer(chunk))), countries)
        if country != _UNDECIDED:
            return country
        # the rest of its own sentence: "The Ministry of Defense said Defence Secretary John Healey ..."
        right = min(sentence_bounds(text, pos, end)[1], end + window)
        return _holder_country(doc, lex, _CAP_WORD.finditer(text, end, right), countries) or None

    def _emit(self, doc: Document, start: int, end: int, message: str, fixed: str, spelled: str,
              styled: bool = False) -> Finding:
        severity = self.severity
        confidence = 0.85
        house = (self.ctx.config.house_style.variety or document_variety(doc.text)) if styled else None
        if house == spelled:
            severity = Severity.INFO
            confidence = 0.5
            message += f" (the document is written in {house}: possibly house style)"
        if doc.in_quotation(start, end):
            severity = lower_severity(severity)
        return self.finding(doc, start, end, message, suggestion=fixed, severity=severity, confidence=confidence)

    # -- whose title is it? --------------------------------------------------------
    def _office_of(self, doc: Document, mention: TitleMention, lex: Lexicon, index: PeopleIndex) -> Office | None:
        key = norm_title(mention.title)
        title_offices = lex.offices_by_form.get(key, [])
        functions = {o.function for o in title_offices if o.function}
        if mention.names:
            for ref in mention.names:
                for person in candidates(ref, doc.text):
                    office = _relevant_office(person.roles, doc.date, title_offices, functions)
                    if office is not None:
                        return office
            return None
        if mention.country:
            same = [o for o in title_offices if o.country == mention.country]
            if not same:
                same = [o for o in index.offices.values()
                        if o.kind == "office" and o.country == mention.country and o.function in functions]
            return same[0] if same else None
        if mention.lowercase:
            return self._coreference(doc, mention, index, title_offices, functions)
        return None

    def _coreference(self, doc: Document, mention: TitleMention, index: PeopleIndex, title_offices, functions):
        window = int(settings().get("coreference_window", 300))
        start = max(0, mention.title_start - window)
        chunk = doc.text[start:mention.title_start]
        if "\n\n" in chunk:
            chunk = chunk[chunk.rfind("\n\n"):]
        for m in reversed(list(_CAP_WORD.finditer(chunk))):
            name = re.sub(r"(?:'s|’s)$", "", m.group(0))
            people = index.by_name(name) or index.by_name(name.split()[-1])
            if not people or any(not p.roles for p in people):
                continue
            offices = {o for p in people if (o := _relevant_office(p.roles, doc.date, title_offices, functions))}
            if len(offices) == 1:
                return offices.pop()
            if offices:
                return None
        return None


def _possessive(where: str) -> str:
    """'the United Kingdom' -> "The United Kingdom's", 'the United States' -> "The United States'"."""
    return where[:1].upper() + where[1:] + ("'" if where.endswith("s") else "'s")


_UNDECIDED = ""  # no office-holder among the names looked at


def _holder_country(doc: Document, lex: Lexicon, names: Iterator[re.Match[str]], countries: set[str]) -> str | None:
    """The country of the first known person among ``names`` who holds an
    office on the document's date: that country if it is one of
    ``countries``, else None; None too when that person holds offices in
    several countries; ``_UNDECIDED`` when nobody named holds one."""
    for m in names:
        name = re.sub(r"(?:'s|’s)$", "", m.group(0))
        people = lex.index.by_name(name) or lex.index.by_name(name.split()[-1])
        if not people:
            continue
        held = {r.office.country for p in people for r in p.roles
                if doc.date is None or r.active_on(doc.date, grace=3)}
        if len(held) == 1:
            country = held.pop()
            return country if country in countries else None
        if held:
            return None
    return _UNDECIDED


@lru_cache(maxsize=1)
def _seats() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """"in <seat of government>" right after an institution, and the seats'
    countries (``seats`` in ``rules/titles.yml``)."""
    seats = {str(k): str(v) for k, v in (settings().get("seats") or {}).items()}
    if not seats:
        return None, seats
    names = "|".join(re.escape(n) for n in sorted(seats, key=len, reverse=True))
    return re.compile(rf"[ \t]+in[ \t]+({names})\b"), seats


def _seat_after(text: str, end: int) -> str | None:
    """The country of the seat named right after an institution ("the
    Ministry of Defense in London": GB), if any."""
    pattern, seats = _seats()
    m = pattern.match(text, end) if pattern is not None else None
    return seats[m.group(1)] if m else None


def _relevant_office(roles, date: dt.date | None, title_offices, functions) -> Office | None:
    """The person's office the title refers to: one it names, else one of the
    same function, preferring roles held on the date."""
    active = [r for r in roles if date is None or r.active_on(date, grace=3)]
    for pool in (active, roles):
        for role in pool:
            if role.office in title_offices:
                return role.office
        for role in pool:
            if role.office.function in functions:
                return role.office
    return None


@lru_cache(maxsize=1)
def _spelling_pairs() -> WordMatcher:
    """en-GB/en-US word pairs of translation.variety-mix (rules/translation/variety_spellings.yml),
    each word with its variety."""
    try:
        data = load_yaml_resource("translation/variety_spellings.yml") or {}
    except Exception:  # noqa: BLE001 - the list belongs to another rule; work without it
        data = {}
    variety: dict[str, str] = {}
    for gb, us in (data.get("pairs") or {}).items():
        variety.setdefault(str(gb).lower(), "en-GB")
        variety.setdefault(str(us).lower(), "en-US")
    for gb, us in settings().get("variety_words", []):
        variety.setdefault(gb.lower(), "en-GB")
        variety.setdefault(us.lower(), "en-US")
    return WordMatcher(variety.items())


def document_variety(text: str) -> str | None:
    """The majority spelling variety of ``text`` (None on a tie). Called only
    when there is a finding to grade, but then on the whole text: an RE2
    word matcher (``re`` took 60 ms per article on this alternation)."""
    counts = {"en-GB": 0, "en-US": 0}
    for _, _, variety in _spelling_pairs().finditer(text):
        counts[variety] += 1
    if counts["en-GB"] == counts["en-US"]:
        return None
    return "en-GB" if counts["en-GB"] > counts["en-US"] else "en-US"


def _has_variety_word(text: str) -> bool:
    """Cheap pre-check: substring tests, no regex pass over the text."""
    return any(stem in text for stem in _STEMS)


_STEMS = ("efen", "abor", "abour", "entre", "enter", "rganis", "rganiz", "rogram")

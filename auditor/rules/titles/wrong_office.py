"""titles.wrong-office — a title attached to a known person that matches no
office the person has held by the document's date (any date when it has
none), or that names the wrong country, or the wrong national form of the
office.

Three cases, from most to least certain:

* wrong country: "Ukrainian Prime Minister Sir Keir Starmer" — Starmer's
  prime-ministership is British (suggests "British Prime Minister ...");
  the country may follow the office, as in translated text ("Prime
  Minister of Ukraine Keir Starmer"; "Defence Minister of Great Britain
  John Healey" is the wrong national form, like "British Defence Minister
  John Healey", and both are rewritten "British Defence Secretary ...");
* wrong national form: "former Foreign Minister Jeremy Hunt" — the UK
  office is Foreign Secretary; "two ex-defense ministers, Grant Shapps and
  Gavin Williamson" — Defence Secretary (the US spelling is reported by
  ``translation.variety-mismatch``);
* an office the person never held ("Secretary of State Boris Johnson").

Titles of past roles are fine with or without "former" (the time reference
is ``titles.out-of-date``'s business); a role that begins after the
document date is not reported here either. Lowercase generic forms with no
name ("the defence minister said") are never checked; lowercase forms
attached to a name are checked like capitalised ones, at lower confidence.
Military ranks, legislators and other titles the knowledge base cannot
cover are listed in ``rules/titles.yml`` (``unchecked_titles``) and
skipped. A surname alone is only reported when the document also gives the
full name, and a name shared with a known person of no recorded office
(Ian Healy, the cricketer) is never reported.

Flags:
    ---
    date: 2024-12-18
    ---
    Ukrainian Prime Minister Sir Keir Starmer also discussed the situation in Ukraine.

    ---
    date: 2025-01-16
    ---
    The plan was endorsed by former Foreign Minister Jeremy Hunt on Monday.

    ---
    date: 2025-01-16
    ---
    It was endorsed by two ex-defense ministers, Grant Shapps and Gavin Williamson.

Passes:
    ---
    date: 2024-12-18
    ---
    Prime Minister Keir Starmer and Sir Keir Starmer's spokesman spoke to Foreign Secretary David Lammy.

    ---
    date: 2025-01-16
    ---
    The plan was endorsed by former PM Boris Johnson and former Foreign Secretary Jeremy Hunt.

    ---
    date: 2023-05-02
    ---
    Ukrainian Prime Minister Denys Shmyhal met the defence minister in Kyiv.

    ---
    date: 2025-09-01
    ---
    The French foreign minister, Jean-Noël Barrot, met Ian Healy.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from auditor.documents.document import Document
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule, lower_severity
from auditor.rules.titles._parse import (
    NameRef,
    TitleMention,
    candidates,
    country_adjective,
    country_display,
    full_name_in,
    hypothetical,
    lexicon,
    norm_title,
    role_fits_title,
    title_mentions,
)

_GRACE = dt.timedelta(days=3)


@register
class WrongOffice(Rule):
    id = "titles.wrong-office"
    summary = "A title that names an office the person never held, the wrong country or the wrong national form"
    default_severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        index = self.ctx.knowledge.people
        lex = lexicon(index)
        text = doc.text
        for mention in title_mentions(doc, index):
            if not mention.names or mention.prefix == "neutral" or mention.complement:
                continue  # "de facto foreign minister", "so-called president"
            if mention.lowercase and not (mention.adjective or mention.country_end or mention.plural or mention.appositive
                                          or any(ref.full for ref in mention.names)):
                continue  # "class president Ryan": a description, not a title
            key = norm_title(mention.title)
            if key in lex.unchecked:
                continue
            title_offices = lex.offices_for(mention.title)
            if not title_offices or hypothetical(text, mention):
                continue
            verdicts = [v for ref in mention.names if (v := self._judge(doc, mention, ref, title_offices, lex))]
            if not verdicts:
                continue
            yield self._finding(doc, mention, verdicts, lex)

    # -- judgement ----------------------------------------------------------------
    def _judge(self, doc: Document, mention: TitleMention, ref: NameRef, title_offices, lex):
        people = candidates(ref, doc.text)
        if not people:
            return None
        date = doc.date
        elect_of = {o.id.removesuffix("-elect") for o in title_offices if o.id.endswith("-elect")}
        for person in people:
            for role in person.roles:
                if role_fits_title(role, mention, title_offices):
                    return None  # held it (now, before, or later: out-of-date's business)
                if role.office.id in elect_of:
                    return None  # "President-elect" for a president: elected before taking office
        if len(people) > 1:
            # namesakes: the one the document names in full, if exactly one
            named = [p for p in people if full_name_in(doc.text, p)]
            if len(named) == 1:
                people = named
        functions = {o.function for o in title_offices if o.function}
        key = norm_title(mention.title)
        weak = key in lex.weak and mention.country is None
        for person in people:
            held = [r for r in person.roles if date is None or r.start is None or r.start <= date + _GRACE]
            held.sort(key=lambda r: r.start or dt.date.min, reverse=True)
            current = [r for r in held if date is None or r.active_on(date, grace=3)] or held
            for role in current:
                if role.office in title_offices and mention.country and role.office.country != mention.country:
                    return ("country", person, role, ref)
            for role in current:
                if role.office.function in functions:
                    kind = "country" if mention.country not in (None, role.office.country) else "form"
                    if kind == "form" and mention.lowercase and role.office.country in lex.organisations:
                        continue  # "the EU's foreign minister": a description, not a title
                    return (kind, person, role, ref)
        if len(people) != 1 or weak:
            return None
        person = people[0]
        if not ref.full and not full_name_in(doc.text, person):
            return None
        # "never held" only where the packs are complete: the kinds of office in
        # never_held_functions, in a country where the person holds office, and
        # for curated people or UK/US cabinet posts (complete source data)
        countries = person.countries()
        if (mention.country and person.curated and countries and mention.country not in countries
                and not countries & lex.organisations and mention.country not in lex.organisations
                and any(o.function in lex.never_held_functions and o.country == mention.country
                        for o in title_offices)):
            # "French President Giorgia Meloni": no office in that country at all,
            # and her own (Italian) office is of another kind. Not for officials of
            # international organisations, whose national careers before them the
            # packs rarely record ("Belgian Prime Minister Charles Michel", 2014-2019).
            return ("never", person, None, ref)
        never = lex.never_held_functions | (lex.never_held_qualified if mention.country else set())
        covered = [o for o in title_offices if o.function in never and o.country in countries
                   and (mention.country in (None, o.country))]
        if not covered or not (person.curated or covered[0].country in ("GB", "US")):
            return None
        if any(date is not None and r.start is not None and r.start > date + _GRACE
               and r.office.function in functions for r in person.roles):
            # a future role of this kind may be the one meant (a misdated text); stay
            # quiet. A future role of another kind is no excuse: Rubio's later
            # stint as national security adviser does not make him Defense
            # Secretary in March 2025.
            return None
        return ("never", person, None, ref)

    def _finding(self, doc: Document, mention: TitleMention, verdicts, lex) -> Finding:
        kind, person, role, ref = verdicts[0]
        text = doc.text
        suggestion = None
        if kind in ("country", "form") and role is not None:
            office = role.office
            title = office.title
            if mention.plural:
                from auditor.rules.titles._parse import _plural

                title = _plural(title)
            seg_start = mention.head_start
            # a country after the title ("Defence Minister of Great Britain John
            # Healey") becomes the adjective before it, as in English usage
            qualified = mention.adjective is not None or mention.country_end is not None
            adj = (country_adjective(lex, office.country) or "") if qualified else ""
            replacement = (adj + " " if adj else "") + (title.lower() if mention.lowercase and mention.postposed else title)
            rest = mention.head_end if adj or mention.country_end is None else mention.title_end
            suggestion = text[mention.start:seg_start] + replacement + text[rest:mention.end]
            where = country_display(lex.index, office.country)
            if kind == "country":
                message = (f"{person.name} held the office of {office.title} in {where}, "
                           f"not in {country_display(lex.index, mention.country)}")
            else:
                message = f"{person.name}'s office in {where} is {office.title}, not {mention.title!r}"
            confidence = 0.9 if not mention.lowercase else 0.7
        else:
            held = [r.office.title for r in person.roles]
            held_text = ", ".join(dict.fromkeys(held)) or "no recorded office"
            message = f"{person.name} has not held the office of {mention.title!r} (known offices: {held_text})"
            confidence = 0.6
        severity = self.severity
        if doc.in_quotation(mention.start, mention.end):
            severity = lower_severity(severity)
        if mention.lowercase:
            severity = lower_severity(severity) if severity == Severity.ERROR else severity
        return self.finding(doc, mention.start, mention.end, message, suggestion=suggestion,
                            confidence=confidence, severity=severity)

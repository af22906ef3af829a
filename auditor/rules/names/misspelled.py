"""A known person's name misspelled: "Foreign Secretary David Lamy" for David
Lammy, "Healy declined" in an article about John Healey.

A capitalised name in surname position that is within one edit of a known
person's surname is reported only with supporting context, because an
unknown name that merely resembles a famous one is usually another person:

* a first name that fits the known person ("David Lamy" → David Lammy),
* an office the person held by the document date, right before the name
  ("Foreign Secretary Lamy", "the defence secretary, Healy"), also with the
  country after it as translated text writes it ("Defence Secretary of Great
  Britain John Healy"), or another wording of that kind of office naming
  the person's country ("British Defence Minister John Healy"),
* the correct spelling of that person elsewhere in the same document, or
* a misspelling already resolved earlier in the same document ("David Lamy"
  … "Lamy said").

Counter-evidence silences it: a known full name ("Pascal Lamy", the former
WTO chief; "Ian Healy", the cricketer), a first name that fits someone else
("Gary Cohn" beside Michael Cohen), a token used as a first name in the
document, a common English word. A token that is itself a known surname of
someone else ("Healy") is reported only when that person is never introduced
in the document and the intended person's spelling or a resolved misspelling
is. Pairs differing by a consonant (a typo rather than a vowel or doubling
slip; two swapped letters in a long name, "Zelenksy", count as a slip)
need two kinds of support, and in names under six letters one of them must
be the office ("German Chancellor Olaf Sholz"); a slip in a four-letter name
("Israeli Defence Minister Israel Kats") needs both first name and office.
The suggestion is the person's surname; the confidence says how strong the
support is (``auditor fix`` should apply only confident ones).

A first name one edit from the person's own is reported too ("Kier Starmer",
"Secretary of State Anthony Blinken"); when the token is a usual name in
English or the surname a common one, only with the office before it or the
right first name elsewhere ("Joan Healey" may be another Healey; "Garry
Reid" was a Pentagon official, not Harry Reid). Nicknames and full forms
(Steve/Steven), ASCII spellings (Radoslaw) and transliterations
(Sergey/Sergei, Victor/Viktor) are not slips.

A vowel-only difference used consistently ("Avigdor Liberman") is a
transliteration when the person's name comes from another script
(``transliterated_countries`` in ``rules/names.yml``; the person's countries
are those of their offices and the pack's ``country``, which gives it for
people without an office: "AfD co-leader Alice Wiedel"; a person with no
country at all is given the benefit of the doubt); for a name with one
spelling a fitting first name is support enough ("Ursula von der Layen", "JD
Vence"), unless that first name is too common to single anyone out
("William D. Cohan", the author, is not William Cohen) and no office before
it does ("Scottish First Minister John Swinny"); a surname of nine letters or
more is distinctive enough ("Meta chief executive Mark Zuckerburg"). The given name right
before the surname counts as a first name too ("José Manuel Albarez").

Flags:
    Defence Secretary John Healey visited Kyiv on Monday. Healy declined to give details.

    ---
    date: 2024-12-18
    ---
    The meeting will be attended by Foreign Secretary David Lamy. Lamy said the talks would focus on support.

    Commission chief Ursula von der Layen said the bloc would respond.

    ---
    date: 2025-03-06
    ---
    Secretary of State Anthony Blinken was not there.

Passes:
    Pascal Lamy, the former head of the WTO, spoke in Geneva. Lamy added that trade rules matter.

    Garry Reid, a Pentagon official, testified. Steven Witkoff and Sergey Lavrov met in Moscow.

    Ian Healy kept wicket for Australia for a decade. Healy said the pitch was flat.

    Jane Marlowe-Pike opened the session. Marlowe-Pike said the budget was tight.

    Foreign Secretary David Lammy met Defence Secretary John Healey. Lammy and Healey spoke later.
"""

from __future__ import annotations

import re

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from auditor.documents.document import Document
from auditor.memo import remember
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.names._known import (
    Close,
    NameKnowledge,
    first_name,
    fold,
    fold_title,
    mention_first,
    name_knowledge,
)
from auditor.rules.titles._parse import lexicon
from auditor.rules.names._scan import (
    Mention,
    derived_pair,
    is_common,
    phonetic_key,
    letters,
    scan,
    settings,
    title_words,
    words_above,
)


@dataclass(slots=True)
class _Verdict:
    person: Any
    close: Close
    confidence: float
    reason: str
    #: the document names this person (first name, office): say who in the message
    named: bool = True


@register
class MisspelledName(Rule):
    id = "names.misspelled"
    summary = "A known person's name misspelled (with supporting context in the document)"
    default_severity = Severity.ERROR
    safe_fix = True

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        conf = settings()
        self._min_len = conf["min_length"]
        mconf = conf["misspelled"]
        self._min_ratio = mconf["min_ratio"]
        self._typo_len = mconf["typo_min_length"]
        self._typo_ratio = mconf["typo_min_ratio"]
        self._short_typo_len = mconf["short_typo_min_length"]
        self._established_zipf = mconf["established_zipf"]
        self._transliterated = frozenset(mconf["transliterated_countries"])
        self._common_first = words_above(mconf["common_first_zipf"])
        self._long_surname = mconf["common_first_long_surname"]
        self._usual_first = words_above(mconf["usual_first_zipf"])
        self._weak_ratio = mconf["short_name_min_ratio"]
        self._memo: dict[str, tuple[tuple[Close, ...], bool]] = {}

    # -- candidates ---------------------------------------------------------------
    def _closes(self, nk: NameKnowledge, form: str) -> tuple[Close, ...]:
        out = []
        for c in nk.close(form):
            if derived_pair(fold(form), fold(c.surname)) or c.ratio < self._min_ratio:
                continue
            if c.same_key or (letters(form) >= self._short_typo_len and c.ratio >= self._typo_ratio):
                out.append(c)
        return tuple(out)

    def _candidate(self, nk: NameKnowledge, form: str) -> tuple[tuple[Close, ...], bool]:
        """Known surnames ``form`` may be a misspelling of, and whether only
        weakly (memoised per form)."""
        if letters(form) < self._min_len or form.casefold() in title_words():
            return (), False
        known = nk.known_surname(form)
        if not known and is_common(form):
            return (), False
        closes = self._closes(nk, form)
        if known:
            # a known surname of someone else: only vowel/doubling slips
            return tuple(c for c in closes if c.same_key), False
        if closes:
            return closes, False
        # A short name one edit off ("Kats" for Katz, "Tuks" for Tusk) scores
        # below the ratio floors: the person's first name and office both
        # before it are then the only acceptable support (see _judge).
        weak = tuple(c for c in nk.close(form)
                     if c.ratio >= self._weak_ratio and not derived_pair(fold(form), fold(c.surname)))
        return weak, bool(weak)

    def warm_up(self) -> None:
        # the word list of established names is first needed by a rare case
        words_above(self._established_zipf)

    def check(self, doc: Document) -> Iterator[Finding]:
        nk = name_knowledge(self.ctx.knowledge)
        if nk is None:
            return
        sc = scan(doc)
        yield from self._first_names(doc, nk, sc)
        yield from self._surnames(doc, nk, sc)

    # -- first names --------------------------------------------------------------
    def _first_names(self, doc: Document, nk: NameKnowledge, sc: Any) -> Iterator[Finding]:
        """A known surname after a first name one edit from the person's own
        ("Kier Starmer", "Anthony Blinken", "Emanuel Macron"). A token that is
        some known person's first name ("Joan" beside John Healey) may be another
        person of that surname, so it also needs the office before it or the
        right first name elsewhere in the document. Nicknames and full forms
        (Steve/Steven: one a prefix of the other) and vowel-only variants of
        transliterated names (Sergey/Sergei) are spellings, not slips. A token
        that is a usual name in English (``usual_first_zipf``: Joan, Marc,
        Anthony) needs the same support."""
        for form, tokens in sc.firsts.items():
            people = nk.known_surname(form)
            if not people:
                continue
            own = {f for p in people for f in nk.firsts.get(p, ())}
            for token in tokens:
                folded = fold(token)
                if folded in own or len(folded) < 4 or first_name(token, nk) is None:
                    continue
                if nk.is_known_full(token, form):
                    continue
                matches = [(p, f) for p in people for f in nk.firsts.get(p, ())
                           if len(f) >= 4 and not f.startswith(folded) and not folded.startswith(f)
                           and OSA.distance(folded, f) == 1]
                if len({id(p) for p, _ in matches}) != 1:
                    continue
                person, right = matches[0]
                if self._transliterated_name(person) and (
                        _consonants(folded) == _consonants(right) or phonetic_key(token) == phonetic_key(right)):
                    continue  # Sergey/Sergei, Victor/Viktor: transliterations
                # a surname many people bear (Reid, Ahmed, Trump: a usual word in
                # English) leaves a one-letter-off first name to a namesake
                # ("Garry Reid", "Ivana Trump") unless the context names the person
                distinctive = fold(form) not in self._usual_first
                named_right = any(fold(t) in nk.firsts.get(person, ()) for t in tokens)
                for m in sc.occurrences([form]):
                    if m.first != token:
                        continue
                    office = self._office_before(doc, nk, person, m.before)
                    if (folded in nk.all_firsts or folded in self._usual_first or not distinctive) and not (
                            office or named_right):
                        continue  # "Joan Healey" may be John Healey's namesake
                    display = _first_display(person, right) or token
                    support = "office before the name" if office else (
                        "spelled correctly elsewhere" if named_right else "no known person of that name")
                    yield self.finding(
                        doc, m.before, m.before + len(token),
                        f"'{token} {form}' looks like a misspelling of {person.name}'s first name ({support})",
                        suggestion=display, confidence=0.85 if (office or named_right) else 0.7,
                    )

    # -- surnames -------------------------------------------------------------------
    def _surnames(self, doc: Document, nk: NameKnowledge, sc: Any) -> Iterator[Finding]:
        memo = self._memo
        candidates: dict[str, tuple[Close, ...]] = {}
        weak_forms: set[str] = set()
        for form in sc.forms:
            hit = memo.get(form)
            if hit is None:
                hit = remember(memo, form, self._candidate(nk, form))
            closes, weak = hit
            if closes:
                candidates[form] = closes
                if weak:
                    weak_forms.add(form)
        if not candidates:
            return
        non_final = {fold(t) for t in sc.non_final}
        candidates = {f: c for f, c in candidates.items() if fold(f) not in non_final}
        if not candidates:
            return
        # Forms present in surname position; first names seen with the candidates.
        present: dict[str, int] = {}
        for form, count in sc.forms.items():
            key = fold(form)
            present[key] = present.get(key, 0) + count
        # A known surname ("Healy", "Lamy") can only be reported with the
        # intended person's spelling in the document or a fitting first name:
        # drop the others before looking at positions.
        for form in [f for f in candidates if nk.known_surname(f)]:
            tokens = {fold(t) for t in sc.firsts.get(form, ())}
            if not any(_spelled_elsewhere(nk, p, present) or tokens & nk.firsts.get(p, frozenset())
                       for c in candidates[form] for p in c.people):
                del candidates[form]
        if not candidates:
            return
        mentions = [(m, mention_first(m, nk)) for m in sc.occurrences(candidates)
                    if not _GIVEN_NAME_OF.match(doc.text, m.end)]
        firsts: dict[str, set[str]] = {}
        for m, first in mentions:
            if first:
                firsts.setdefault(fold(m.form), set()).add(first)
        # first names seen with every form (for "is the intended person introduced?")
        firsts_all: dict[str, set[str]] = {}
        for form, tokens in sc.firsts.items():
            names = {f for t in tokens if (f := first_name(t, nk))}
            if names:
                firsts_all.setdefault(fold(form), set()).update(names)
        resolved: dict[str, _Verdict] = {}
        # first-name mentions first, so "David Lamy" resolves a bare "Lamy"
        # wherever it stands in the document
        mentions.sort(key=lambda mf: mf[1] is None)
        for m, first in mentions:
            key = fold(m.form)
            verdict = self._judge(doc, nk, m, first, key, candidates[m.form], present, firsts, firsts_all, resolved,
                                  weak=m.form in weak_forms)
            if verdict is None:
                continue
            if first:
                resolved.setdefault(key, _Verdict(
                    verdict.person, verdict.close, verdict.confidence,
                    f"'{m.first} {m.form}' earlier in this document is {verdict.person.name}"))
            who = verdict.person.name if verdict.named else f"'{verdict.close.surname}'"
            yield self.finding(
                doc, m.start, m.end,
                f"'{m.form}' looks like a misspelling of {who} ({verdict.reason})",
                suggestion=_suggest(verdict), confidence=verdict.confidence,
            )

    # -- one occurrence -----------------------------------------------------------
    def _short_typo(self, form: str, close: Close) -> bool:
        """A consonant slip in a short name: many real names are one such
        edit apart, so it needs the person's office before it."""
        return not _slip(form, close) and letters(form) < self._typo_len

    def _established(self, form: str) -> bool:
        """A name or word in its own right (wordfreq), not a mere slip."""
        return form.lower() in words_above(self._established_zipf)

    def _variant_spelling(self, form: str, close: Close, person: Any, elsewhere: int,
                          first: str | None = None) -> bool:
        """A transliteration the document uses consistently ("Liberman",
        "Turchinov", "Garibashvili"): the known spelling never appears, the
        two differ only in vowels, y, h or j, never in a consonant, and the
        person's name is transliterated from another script (a person known
        only from Latin-script countries has one spelling: "Layen" for von
        der Leyen is a slip, unless its only support is a first name as
        common as William and the surname is short: "William Cohan" may be
        someone else, "Mark Zuckerburg" hardly)."""
        if elsewhere:
            return False
        countries = person.name_countries()
        if countries and not countries & self._transliterated and not (
                first and first in self._common_first and letters(close.surname) < self._long_surname):
            return False
        a, b = fold(form), fold(close.surname)
        if _consonants(a) == _consonants(b):
            return True
        # a letter swapped for another of the same sound ("Kassem"/"Qassem", same
        # length and phonetic key) is a spelling too, for names from another
        # script; a doubled or dropped letter ("Grosi") stays a slip
        return close.same_key and len(a) == len(b) and self._transliterated_name(person)

    def _transliterated_name(self, person: Any) -> bool:
        """Does the person's name reach English from another script (or is
        the country unknown)? Then vowel-only variants are real spellings.
        The countries are the offices' and the pack's ``country``."""
        countries = person.name_countries()
        return not countries or bool(countries & self._transliterated)

    def _judge(self, doc, nk, m: Mention, first, key, closes, present, firsts, firsts_all, resolved,
               weak: bool = False) -> _Verdict | None:
        known_other = nk.known_surname(m.form)
        own = {id(p) for p in known_other}
        # people for whom the form is itself correct are not misspelled
        pairs = [(p, c) for c in closes for p in c.people if id(p) not in own]
        if not pairs:
            return None
        if first:
            if nk.is_known_full(m.first, m.form):
                return None  # "Pascal Lamy", "Ian Healy"
            fitting = [(p, c) for p, c in pairs if first in nk.firsts.get(p, ())]
            if not fitting:
                return None  # another person with that first name
            person, close = fitting[0]
            office = self._office_before(doc, nk, person, m.before)
            elsewhere = _spelled_elsewhere(nk, person, present)
            supports = 1 + bool(office) + bool(elsewhere)
            if (known_other or not _slip(m.form, close)) and supports < 2:
                return None
            if (self._short_typo(m.form, close) or weak) and not office:
                return None
            if self._established(m.form) and not office:
                return None  # "David Clarke", "Tom Wolfe": a real name with a common first name
            if self._variant_spelling(m.form, close, person, elsewhere, first) and not (
                    office and (present.get(key, 0) == 1 or not self._transliterated_name(person))):
                # a consistent transliteration ("Oleksiy"/"Oleksii") survives its office
                # only where the name comes from another script; "Scottish First
                # Minister John Swinny" has one spelling, and the office singles him out
                return None
            reason = "first name" + (" and office" if office else "") + (
                "; spelled correctly elsewhere" if elsewhere else "")
            return _Verdict(person, close, _confidence(close, supports, bool(known_other)), reason)
        # bare surname: counter-evidence first
        own_firsts = firsts.get(key, set())
        if key in resolved:
            v = resolved[key]
            if all(nk.first_fits(v.person, f) for f in own_firsts):
                return _Verdict(v.person, v.close, min(v.confidence, 0.9), v.reason)
            return None  # two people behind one form: leave it
        if own_firsts or weak:
            return None  # introduced with a first name that did not resolve: another person
        if known_other and any(_introduced(nk, q, firsts) for q in known_other):
            return None
        best: _Verdict | None = None
        for person, close in pairs:
            office = self._office_before(doc, nk, person, m.before)
            elsewhere = _spelled_elsewhere(nk, person, present)
            supports = bool(office) + bool(elsewhere)
            if supports == 0 or (known_other and not elsewhere):
                continue
            if not _slip(m.form, close) and (supports < 2 or (self._short_typo(m.form, close) and not office)):
                continue
            if not office and doc.in_quotation(m.start, m.end):
                continue  # a quoted spelling beside the right one: names.inconsistent (info)
            if elsewhere and present.get(key, 0) > elsewhere:
                continue  # the "misspelling" is the document's usual form
            if self._closer_form_present(key, close, present):
                continue  # "Muller" beside "Mueller" (unknown) and "Miller" (known)
            if self._established(m.form) and not (office or _introduced(nk, person, firsts_all)):
                continue  # "Davis" beside some "Davies": both common surnames
            if self._variant_spelling(m.form, close, person, elsewhere):
                continue
            if _lowercase_word_in(doc.text, m.form):
                continue  # "Malls can also open" beside "... malls ...": a common noun
            reason = "office before the name" if office else ""
            if elsewhere:
                reason = (reason + "; " if reason else "") + f"spelled '{close.surname}' elsewhere in the document"
            named = bool(office) or _introduced(nk, person, firsts_all)
            v = _Verdict(person, close, _confidence(close, supports, bool(known_other)), reason, named)
            if best is None or v.confidence > best.confidence:
                best = v
        return best

    @staticmethod
    def _closer_form_present(key: str, close: Close, present: dict[str, int]) -> bool:
        """Another form in the document is nearer to ``key`` than the known surname."""
        target = fold(close.surname)
        for other in present:
            if other in (key, target) or abs(len(other) - len(key)) > 1:
                continue
            if OSA.distance(key, other) <= 1 and fuzz.ratio(key, other) > close.ratio:
                return True
        return False

    def _office_before(self, doc, nk: NameKnowledge, person, start: int) -> str | None:
        """An office form of ``person`` ending right before ``start``
        ("Foreign Secretary David Lamy", "the defence secretary, Healy"). The
        country may follow the office, as in translated text ("Defence
        Secretary of Great Britain John Healy"). Another wording of the same
        kind of office counts when it names the person's country ("British
        Defence Minister John Healy", "Defence Minister of Great Britain John
        Healy"): the reader is pointed at the same person."""
        forms = nk.office_forms(person, doc.date)
        if not forms:
            return None
        raw = doc.text[max(0, start - 100):start].rstrip(" ,\t")
        countries = person.countries()
        after = None
        lex = lexicon(nk.index)
        post = lex.country_at_end_re.search(raw) if lex.country_at_end_re is not None else None
        if post:
            after = lex.country_by_name.get(post.group(1))
            if after not in countries:
                return None  # "Prime Minister of Qatar Mohamed ...": another country's office
            raw = raw[:post.start()]
        window = fold_title(raw)
        for form in forms:
            if window.endswith(form):
                # "Qatar's Prime Minister Mohamed ...": another country's office
                qualifier = _QUALIFIER.search(raw, 0, len(raw) - len(form))
                country = nk.index.country_of_adjective(qualifier.group(1)) if qualifier else None
                if country is not None and country not in countries:
                    continue
                return form
        functional = _function_forms(nk.index)
        for role in person.roles:
            if doc.date is not None and role.start is not None and role.start > doc.date:
                continue
            for form in functional.get((role.office.function, role.office.country), ()):
                if not window.endswith(form) or (len(window) > len(form) and window[-len(form) - 1].isalnum()):
                    continue
                qualifier = _QUALIFIER.search(raw, 0, len(raw) - len(form))
                country = after or (nk.index.country_of_adjective(qualifier.group(1)) if qualifier else None)
                if country == role.office.country:
                    return form
        return None


_FUNCTION_FORMS: dict[int, tuple[Any, dict[tuple[str, str], tuple[str, ...]]]] = {}


def _function_forms(index: Any) -> dict[tuple[str, str], tuple[str, ...]]:
    """(function, country) -> folded multi-word title forms of every office
    of that function elsewhere ("defence minister" for the UK's
    defence-minister function, whose own form is "Defence Secretary")."""
    hit = _FUNCTION_FORMS.get(id(index))
    if hit is not None and hit[0] is index:
        return hit[1]
    by_function: dict[str, set[str]] = {}
    countries: dict[str, set[str]] = {}
    for office in index.offices.values():
        if office.kind != "office" or not office.function:
            continue
        countries.setdefault(office.function, set()).add(office.country)
        for form in office.all_forms:
            if " " in form:
                by_function.setdefault(office.function, set()).add(fold_title(form))
    table = {(f, c): tuple(sorted(by_function.get(f, ()), key=len, reverse=True))
             for f, cs in countries.items() for c in cs}
    _FUNCTION_FORMS.clear()
    _FUNCTION_FORMS[id(index)] = (index, table)
    return table


#: A token followed by "bin", "ibn", "al" ... and a name is a given name of a
#: longer name ("Mohammed bin Salman", "Tamim bin Hamad Al Thani"), not a surname.
_GIVEN_NAME_OF = re.compile(r"[ \t]+(?:bin|ibn|bint|abu|al|el)[ \t-]+[A-Z]")


#: The word (or possessive) right before an office form: a nationality qualifier?
_QUALIFIER = re.compile(r"((?:[A-Z][\w.]*[ \t])?[A-Z][\w.]*(?:'s|’s)?)[ \t]+$")


def _slip(form: str, close: Close) -> bool:
    """A slip rather than another name: a vowel or doubling difference (same
    phonetic key), or two adjacent letters swapped in a long name ("Zelenksy"
    for Zelensky), which typing produces and names rarely differ by."""
    return close.same_key or (letters(form) >= 6 and _transposed(fold(form), fold(close.surname)))


def _transposed(a: str, b: str) -> bool:
    """Do ``a`` and ``b`` differ only by one swap of adjacent letters?"""
    if len(a) != len(b) or a == b:
        return False
    diff = [i for i in range(len(a)) if a[i] != b[i]]
    return len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]]


def _first_display(person: Any, folded: str) -> str | None:
    """The first name ``folded`` as the knowledge base writes it."""
    for full in person.full_names:
        for part in full.split():
            if fold(part) == folded:
                return part
    return None


def _lowercase_word_in(text: str, form: str) -> bool:
    """Does the lowercase form occur as a word ("malls")? Then the capital is
    the sentence's, not a name's."""
    low = form.lower()
    at = text.find(low)
    while at >= 0:
        end = at + len(low)
        if (at == 0 or not text[at - 1].isalpha()) and (end == len(text) or not text[end].isalpha()):
            return True
        at = text.find(low, at + 1)
    return False


def _consonants(text: str) -> str:
    return _VOWELISH.sub("", text)


_VOWELISH = re.compile(r"[aeiouyhj'’-]")


def _spelled_elsewhere(nk: NameKnowledge, person, present: dict[str, int]) -> int:
    """How often the person's own surname forms occur in the document."""
    return sum(present.get(form, 0) for form in nk.surname_forms[person])


def _introduced(nk: NameKnowledge, person, present_firsts: dict[str, set[str]]) -> bool:
    """Is ``person`` named with a first name somewhere in the document?"""
    for form in nk.surname_forms[person]:
        for first in present_firsts.get(form, ()):
            if first in nk.firsts.get(person, ()):
                return True
    return False


def _confidence(close: Close, supports: int, known_other: bool) -> float:
    conf = 0.7 + 0.1 * supports + (close.ratio - 80) / 200
    if not close.same_key:
        conf -= 0.1
    if known_other:
        conf -= 0.05
    return round(max(0.5, min(0.99, conf)), 3)


def _suggest(v: _Verdict) -> str:
    """The known surname form within one edit of the misspelling."""
    return v.close.surname

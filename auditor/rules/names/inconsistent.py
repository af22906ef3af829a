"""One person's name spelled two ways in one document ("Zelensky" and
"Zelenskyy", "Peña Nieto" and "Pena Nieto").

Name forms in surname position that are one edit apart and sound alike (same
phonetic key; a consonant typo only in longer names) are taken as one name
written two ways; the less frequent form is reported and the majority form
suggested (ties go to the form used outside quotations, then to the
knowledge base's canonical surname). A form inside a quotation is reported at
info severity: the spelling is someone else's words.

Not variants: two different people who share or nearly share a surname —
forms introduced with different first names ("Gary Cohn", "Michael Cohen"),
or both known to the knowledge base as different people; plurals and
possessives ("the Obamas", "Trump's"); common English words. A known
person's surname beside an unknown look-alike is left to
``names.misspelled``, which reports it as a misspelling when the context
supports that.

Flags:
    Volodymyr Zelensky met the envoy on Monday. Zelensky said talks would go on. Later Zelenskyy left.

    ---
    date: 2025-02-20
    ---
    Trump called Zelensky a dictator. Zelensky replied. He wrote: "Zelenskyy better move fast."

Passes:
    Hillary Clinton and Bill Clinton attended. Clinton's speech was short.

    Gary Cohn resigned in March. Michael Cohen pleaded guilty. Cohn and Cohen never met.

    Trump's rally drew thousands. Trump spoke for an hour, and the Trumps left early.

    Jane Marlowe-Pike opened the session. Marlowe-Pike said the budget was tight.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from auditor.documents.document import Document
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.names._known import NameKnowledge, first_name, fold, name_knowledge
from auditor.rules.names._scan import (
    close_forms,
    is_common,
    letters,
    phonetic_key,
    plural_pair,
    scan,
    settings,
)


def variant_pair(a: str, b: str, min_ratio: float, typo_len: int, typo_ratio: float) -> bool:
    """Are two (different) forms spelling variants of one name?"""
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True  # case or accents only
    if plural_pair(fa, fb) or OSA.distance(fa, fb) > 1:
        return False
    ratio = fuzz.ratio(fa, fb)
    if ratio < min_ratio:
        return False
    if phonetic_key(a) == phonetic_key(b):
        return True
    return min(letters(a), letters(b)) >= typo_len and ratio >= typo_ratio


_QUOTED_ONLY = 2


@register
class InconsistentName(Rule):
    id = "names.inconsistent"
    summary = "One person's name spelled two ways in one document"
    default_severity = Severity.WARNING
    safe_fix = False

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        conf = settings()
        self._min_len = conf["min_length"]
        self._min_ratio = conf["inconsistent"]["min_ratio"]
        self._typo_len = conf["misspelled"]["typo_min_length"]
        self._typo_ratio = conf["misspelled"]["typo_min_ratio"]

    def check(self, doc: Document) -> Iterator[Finding]:
        sc = scan(doc)
        if len(sc.mentions) < 2:
            return
        nk = name_knowledge(self.ctx.knowledge)
        counts: dict[str, int] = {}
        for m in sc.mentions:
            counts[m.form] = counts.get(m.form, 0) + 1
        non_final = {fold(t) for t in sc.non_final}
        eligible = []
        for form in counts:
            if letters(form) < self._min_len:
                continue
            known = nk.known_surname(form) if nk else []
            if not known and (is_common(form) or fold(form) in non_final):
                continue
            eligible.append(form)
        if len(eligible) < 2:
            return
        neighbours = close_forms(eligible)
        if not neighbours:
            return
        firsts: dict[str, set[str]] = {}
        quoted: dict[str, int] = {}
        for m in sc.mentions:
            if m.form in neighbours:
                first = first_name(m.first, nk)
                if first:
                    firsts.setdefault(fold(m.form), set()).add(first)
        # pairs that are variants of one name
        for m in sc.mentions:
            if m.form in neighbours and doc.in_quotation(m.start, m.end):
                quoted[m.form] = quoted.get(m.form, 0) + 1
        flagged: dict[str, str] = {}  # minority form -> suggested form
        quoted_only: set[str] = set()  # minority forms reported only inside quotations
        for form, others in neighbours.items():
            for other in others:
                same = self._same_name(nk, form, other, firsts)
                if not same:
                    continue
                if _prefer(other, form, counts, quoted, nk):
                    prev = flagged.get(form)
                    if prev is None or _prefer(other, prev, counts, quoted, nk):
                        flagged[form] = other
                        if same == _QUOTED_ONLY:
                            quoted_only.add(form)
                        else:
                            quoted_only.discard(form)
        # a form flagged towards a form that is itself flagged: follow the chain
        for form, target in list(flagged.items()):
            seen = {form}
            while target in flagged and target not in seen:
                seen.add(target)
                target = flagged[target]
            flagged[form] = target
        if not flagged:
            return
        for m in sc.mentions:
            target = flagged.get(m.form)
            if target is None:
                continue
            quote = doc.in_quotation(m.start, m.end)
            if quote is None and m.form in quoted_only:
                continue
            where = "inside a quotation, " if quote else ""
            yield self.finding(
                doc, m.start, m.end,
                f"'{m.form}' is {where}spelled '{target}' elsewhere in this document "
                f"({counts[target]}x against {counts[m.form]}x)",
                suggestion=target,
                confidence=0.6 if quote else 0.8,
                severity=Severity.INFO if quote else None,
            )

    def _same_name(self, nk: NameKnowledge | None, a: str, b: str, firsts: dict[str, set[str]]) -> int:
        """0: not one name; 1: variants of one name; _QUOTED_ONLY: variants,
        but unquoted uses of the unknown form are names.misspelled's."""
        if not variant_pair(a, b, self._min_ratio, self._typo_len, self._typo_ratio):
            return 0
        fa, fb = firsts.get(fold(a), set()), firsts.get(fold(b), set())
        if fa and fb and not (fa & fb):
            return 0  # introduced with different first names: two people
        if nk is None:
            return 1
        pa, pb = nk.known_surname(a), nk.known_surname(b)
        if pa and pb:
            return int(bool({id(p) for p in pa} & {id(p) for p in pb}))
        if pa or pb:
            # a known surname beside an unknown look-alike: outside quotations
            # names.misspelled reports it (as an error, when supported)
            return _QUOTED_ONLY
        return 1


def _prefer(a: str, b: str, counts: dict[str, int], quoted: dict[str, int], nk: Any) -> bool:
    """Is form ``a`` the better (majority) form than ``b``?"""
    if counts[a] != counts[b]:
        return counts[a] > counts[b]
    free_a, free_b = counts[a] - quoted.get(a, 0), counts[b] - quoted.get(b, 0)
    if free_a != free_b:
        return free_a > free_b
    if nk is not None:
        ca, cb = _is_canonical(nk, a), _is_canonical(nk, b)
        if ca != cb:
            return ca
    return False


def _is_canonical(nk: NameKnowledge, form: str) -> bool:
    for person in nk.known_surname(form):
        canonical = person.surnames[0] if person.surnames else person.name.split()[-1]
        if fold(canonical) == fold(form):
            return True
    return False

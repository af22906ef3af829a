"""One person's name spelled two ways in one document ("Zelensky" and
"Zelenskyy", "Peña Nieto" and "Pena Nieto").

Name forms in surname position that are one edit apart and sound alike (same
phonetic key) are taken as one name
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

from auditor.documents.document import Document
from auditor.memo import remember
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.names._known import NameKnowledge, fold, mention_first, name_knowledge, variant_pair
from auditor.rules.names._scan import (
    is_common,
    letters,
    phonetic_key,
    scan,
    settings,
    title_words,
)


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
        self._memo: dict[str, str] = {}

    def check(self, doc: Document) -> Iterator[Finding]:
        sc = scan(doc)
        if len(sc.forms) < 2:
            return
        nk = name_knowledge(self.ctx.knowledge)
        memo = self._memo
        buckets: dict[str, list[str]] = {}
        for form in sc.forms:
            key = memo.get(form)
            if key is None:
                key = remember(memo, form, self._key(nk, form))
            if key:
                buckets.setdefault(key, []).append(form)
        groups = [g for g in buckets.values() if len(g) > 1]
        if not groups:
            return
        non_final = {fold(t) for t in sc.non_final}
        neighbours: dict[str, set[str]] = {}
        for group in groups:
            group = [f for f in group if nk and nk.known_surname(f) or fold(f) not in non_final]
            for form in group:
                others = {o for o in group if o != form}
                if others:
                    neighbours[form] = others
        if not neighbours:
            return
        counts = sc.forms
        occurrences = sc.occurrences(neighbours)
        firsts: dict[str, set[str]] = {}
        for m in occurrences:
            first = mention_first(m, nk)
            if first:
                firsts.setdefault(fold(m.form), set()).add(first)
        pairs = [(form, other, same) for form, others in neighbours.items() for other in sorted(others)
                 if (same := self._same_name(nk, form, other, firsts, counts))]
        if not pairs:
            return
        quoted: dict[str, int] = {}
        in_quote: dict[int, bool] = {}
        for m in occurrences:
            q = doc.in_quotation(m.start, m.end) is not None
            in_quote[m.start] = q
            if q:
                quoted[m.form] = quoted.get(m.form, 0) + 1
        flagged: dict[str, str] = {}  # minority form -> suggested form
        quoted_only: set[str] = set()  # minority forms reported only inside quotations
        for form, other, same in pairs:
            if _prefer(other, form, counts, quoted, nk):
                prev = flagged.get(form)
                if prev is None or _nearer(form, other, prev, counts, quoted, nk):
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
        for m in occurrences:
            target = flagged.get(m.form)
            if target is None:
                continue
            quote = in_quote[m.start]
            if not quote and m.form in quoted_only:
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

    def _key(self, nk: NameKnowledge | None, form: str) -> str:
        """The phonetic key of a name-like form, "" for other words."""
        if letters(form) < self._min_len or form.casefold() in title_words():
            return ""
        if (nk is None or not nk.known_surname(form)) and is_common(form):
            return ""
        return phonetic_key(form) or ""

    def _same_name(self, nk: NameKnowledge | None, a: str, b: str,
                   firsts: dict[str, set[str]], counts: dict[str, int]) -> int:
        """0: not one name; 1: variants of one name; _QUOTED_ONLY: variants,
        but unquoted uses of the unknown form are names.misspelled's."""
        if not variant_pair(a, b, self._min_ratio):
            return 0
        fa, fb = firsts.get(fold(a), set()), firsts.get(fold(b), set())
        if fa and fb and not (fa & fb):
            return 0  # introduced with different first names: two people
        pa, pb = (nk.known_surname(a), nk.known_surname(b)) if nk is not None else ([], [])
        if pa and pb:
            return int(bool({id(p) for p in pa} & {id(p) for p in pb}))
        if pa or pb:
            # a known surname beside an unknown look-alike: outside quotations
            # names.misspelled reports it (as an error, when supported)
            return _QUOTED_ONLY
        # two unknown forms: only a clear majority, and not brand styling
        if a.lower() == b.lower() or a.replace("-", "").lower() == b.replace("-", "").lower():
            return 0  # "ObamaCare"/"Obamacare", "Wal-Mart"/"Walmart"
        ca, cb = counts[a], counts[b]
        major, minor = (a, b) if ca > cb else (b, a)
        if counts[major] < 2 or counts[major] < 2 * counts[minor]:
            return 0
        if firsts.get(fold(minor)) and not firsts.get(fold(major)):
            return 0  # the rare form names a person in full; the common one never does
        return 1


def _nearer(form: str, a: str, b: str, counts, quoted, nk) -> bool:
    """Should ``form`` be corrected to ``a`` rather than ``b``? The more
    similar form first ("Muller" -> "Mueller", not "Miller"), then the majority."""
    ra, rb = fuzz.ratio(fold(form), fold(a)), fuzz.ratio(fold(form), fold(b))
    if ra != rb:
        return ra > rb
    return _prefer(a, b, counts, quoted, nk)


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

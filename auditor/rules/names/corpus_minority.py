"""A name spelled one way by one source while the rest of the corpus spells it
another ("Zelenskiy" in one outlet's articles, "Zelensky" in everyone
else's).

Across the whole run, name forms in surname position that are one edit
apart and sound alike (same phonetic key) are compared. A form is reported
when every document using it comes from one source, while the close form is
used by several documents from several other sources, many times more often.
Works without the knowledge base; with it, two forms that are surnames of
different known people are never compared, and a form the knowledge base
accepts for the same person is reported at info severity only (a legitimate
house style, but an inconsistency across the corpus).

Not the same person: forms introduced with first names that the majority
never uses with its form; a minority form never given a first name, unless
the majority form is a known person's surname and names one person; forms
used as first names ("Steny Hoyer"); English words and names in their own
right ("Tipper", "Rogue": too frequent in wordfreq); plurals, demonyms and
brand capitalisation ("ObamaCare"), accents only ("Martínez", a source's
diacritics policy). A document that uses both forms is left
to ``names.inconsistent``. Each observation is a small summary per document (form
counts, a few first names, the location of each form's first occurrence);
no text is kept.

Flags:
    ---
    source: wire-a
    ---
    Ukrainian President Volodymyr Zelenskiy met envoys. Zelenskiy said talks would go on.
    ===
    ---
    source: paper-b
    ---
    President Volodymyr Zelensky spoke in Kyiv. Zelensky thanked the allies.
    ===
    ---
    source: paper-c
    ---
    Volodymyr Zelensky addressed parliament on Tuesday. Zelensky was applauded.
    ===
    ---
    source: paper-d
    ---
    Volodymyr Zelensky travelled to Brussels. Zelensky met Nato officials.

Passes:
    ---
    source: wire-a
    ---
    Gary Cohn resigned as economic adviser. Cohn had opposed the tariffs.
    ===
    ---
    source: paper-b
    ---
    Michael Cohen testified before Congress. Cohen apologised.
    ===
    ---
    source: paper-c
    ---
    Michael Cohen was sentenced in December. Cohen will serve three years.
    ===
    ---
    source: paper-d
    ---
    Michael Cohen spoke to reporters. Cohen said he regretted it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from auditor.documents.document import Document
from auditor.memo import remember
from auditor.model import Finding, Location, Severity
from auditor.registry import register
from auditor.rules.base import CorpusRule, DocRef
from auditor.rules.names._known import NameKnowledge, first_name, name_knowledge, variant_pair
from auditor.rules.names._scan import (
    is_common,
    letters,
    phonetic_key,
    scan,
    settings,
    strip_accents,
    title_words,
    words_above,
)


class FormUse(NamedTuple):
    """One name form in one document (the observation's unit; a tuple, as
    hundreds of thousands are made on a large archive)."""

    form: str
    key: str
    count: int
    firsts: tuple[str, ...]
    loc: Location | None  # None for forms that can only be a majority


@register
class CorpusMinorityName(CorpusRule):
    id = "names.corpus-minority"
    summary = "A source spells a name differently from most other sources in the corpus"
    default_severity = Severity.WARNING
    safe_fix = False

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        conf = settings()
        self._min_len = conf["min_length"]
        cm = conf["corpus_minority"]
        self._min_ratio = cm["min_ratio"]
        self._min_docs = cm["min_majority_docs"]
        self._min_sources = cm["min_majority_sources"]
        self._factor = cm["min_majority_factor"]
        self._max_minor_docs = cm["max_minority_docs"]
        self._max_forms = cm["max_forms_per_doc"]
        self._minor_zipf = cm["minority_max_zipf"]
        self._memo: dict[str, tuple[str, bool]] = {}
        self._seen: dict[str, int] = {}  # documents per form in this process

    def _key(self, nk: NameKnowledge | None, form: str) -> tuple[str, bool]:
        """(phonetic key, may be a minority) of a form, memoised: the key is
        "" for words that are not names; only rare words (or known surnames)
        can be reported, so only they need a location in the summary."""
        hit = self._memo.get(form)
        if hit is None:
            key, rare = "", False
            if letters(form) >= self._min_len and form.casefold() not in title_words():
                known = bool(nk is not None and nk.known_surname(form))
                if known or not is_common(form):
                    key = phonetic_key(form)
                    rare = known or form.lower() not in words_above(self._minor_zipf)
            hit = remember(self._memo, form, (key, rare))
        return hit

    # -- map -------------------------------------------------------------------------
    def observe(self, doc: Document) -> tuple[FormUse, ...] | None:
        if doc.source is None:
            return None  # the rule compares sources
        sc = scan(doc)
        nk = name_knowledge(self.ctx.knowledge)
        non_final = sc.non_final
        memo_get = self._memo.get
        keyed = [(form, kr, count) for form, count in sc.forms.items()
                 if (kr := memo_get(form) or self._key(nk, form))[0] and form not in non_final]
        if not keyed:
            return None
        keyed.sort(key=lambda x: -x[2])
        out = []
        text = doc.text
        firsts_of = sc.firsts.get
        seen = self._seen
        for form, (key, rare), count in keyed[: self._max_forms]:
            loc = None
            at = -1
            docs_so_far = remember(seen, form, seen.get(form, 0) + 1)
            if rare:
                # whether the document counts as a use must not depend on what
                # else this worker process has seen (the output would change
                # with the split of documents between workers) ...
                at = _find_standalone(text, form)
                if at < 0 or _nickname(text, at, at + len(form)):
                    continue
                # ... only whether it needs a location: a form already in more
                # documents (in this process alone) than a minority may have
                # can never be reported
                if docs_so_far <= self._max_minor_docs:
                    loc = doc.locate(at, at + len(form))
            tokens = firsts_of(form)
            firsts: tuple[str, ...] = ()
            if tokens:
                firsts = tuple(sorted({f for t in tokens if (f := first_name(t, nk))})[:3])
            if at >= 0 and not firsts and _INITIALS_BEFORE.search(text, max(0, at - 12), at):
                firsts = ("?",)  # "Aaron S.J. Zelinsky": named in full, first name unread
            out.append(FormUse(form, key, count, firsts, loc))
        return tuple(out) or None

    # -- reduce ----------------------------------------------------------------------
    def finish(self, observations: Sequence[tuple[DocRef, Any]]) -> Iterator[Finding]:
        """One pass over the observations into per-form tallies: their size
        grows with the number of distinct forms, not of documents; only a
        form rare enough to be a minority keeps its uses."""
        tallies: dict[str, _Tally] = {}
        by_key: dict[str, set[str]] = {}
        for ref, summary in observations:
            for use in summary:
                tally = tallies.get(use.form)
                if tally is None:
                    tally = tallies[use.form] = _Tally([] if use.loc is not None else None)
                    by_key.setdefault(use.key, set()).add(use.form)
                tally.add(ref, use, summary, self._max_minor_docs)
        nk, loaded = None, False  # the knowledge base is consulted only when two forms share a key
        for forms in by_key.values():
            if len(forms) < 2:
                continue
            if not loaded:
                nk, loaded = name_knowledge(self.ctx.knowledge), True
            for minor in sorted(forms):
                major = self._majority_for(minor, forms, tallies, nk)
                if major is None:
                    continue
                yield from self._report(minor, major, tallies, nk)

    def _majority_for(self, minor: str, forms: set[str], tallies: dict[str, _Tally], nk) -> str | None:
        minor_uses = tallies[minor].minority
        if not minor_uses:
            return None  # in too many documents, or an English word or a name in its own right ("Tipper")
        sources = {u.source for u in minor_uses}
        if len(sources) != 1:
            return None
        (source,) = sources
        best, best_docs = None, 0
        for major in sorted(forms):  # sorted: ties resolve the same way in every run
            if major == minor or not variant_pair(minor, major, self._min_ratio):
                continue
            if minor.lower() == major.lower() or minor.replace("-", "") == major.replace("-", ""):
                if not (nk and nk.known_surname(major)):
                    continue  # brand capitalisation, not a person's name
            if strip_accents(minor) == strip_accents(major):
                continue  # "Martínez"/"Martinez": a source's diacritics policy, not a misspelling
            tally = tallies[major]
            others, other_sources = tally.outside(source)
            if (others < self._min_docs or other_sources < self._min_sources
                    or others < self._factor * len(minor_uses)):
                continue
            if not self._same_person(minor, major, minor_uses, tally.firsts_outside(source), nk):
                continue
            if others > best_docs:
                best, best_docs = major, others
        return best

    @staticmethod
    def _same_person(minor: str, major: str, minor_uses, major_firsts: Counter[str], nk) -> bool:
        if nk is not None:
            pa, pb = nk.known_surname(minor), nk.known_surname(major)
            if pa and pb:
                return bool({id(p) for p in pa} & {id(p) for p in pb})
            if pa:
                return False  # the rare form is a known person's own name ("Jenkyns")
        minor_firsts = {f for u in minor_uses for f in u.firsts}
        if minor_firsts:
            # the full name must be attested with the majority spelling: in
            # several documents, or as most of that form's first names
            # ("Nicolle Wallace"; not "James Burke" for a "James Burky")
            total = sum(major_firsts.values())
            return any(major_firsts[f] >= 3 or (total and major_firsts[f] >= 0.5 * total and major_firsts[f] >= 2)
                       for f in minor_firsts)
        # a bare minority form: the majority form must be a known person's
        # surname (famous people are named by surname alone), naming one person
        if not major_firsts or nk is None or not nk.known_surname(major):
            return False
        _, top_count = major_firsts.most_common(1)[0]
        return top_count >= 0.6 * sum(major_firsts.values())

    def _report(self, minor: str, major: str, tallies: dict[str, _Tally], nk) -> Iterator[Finding]:
        minor_uses = tallies[minor].minority
        source = minor_uses[0].source
        others, n_sources = tallies[major].outside(source)
        accepted = bool(nk and nk.known_surname(minor) and nk.known_surname(major))
        for u in minor_uses:
            if major in u.variants:
                continue  # both forms in one document: names.inconsistent's finding
            yield self.finding_at(
                u.ordinal, u.loc,
                f"'{minor}' is {source}'s spelling; {others} documents from {n_sources} other "
                f"sources write '{major}'",
                suggestion=major,
                confidence=0.6 if accepted else 0.75,
                severity=Severity.INFO if accepted else None,
            )


class _MinorUse(NamedTuple):
    """One use of a possible minority form: where, by whom, with which
    first names, beside which other forms of the same key in its document."""

    ordinal: int
    source: str | None
    loc: Location | None
    firsts: tuple[str, ...]
    variants: tuple[str, ...]


class _Tally:
    """What the reduce step keeps of one form across the corpus."""

    __slots__ = ("docs", "by_source", "firsts", "minority")

    def __init__(self, minority: list | None) -> None:
        self.docs = 0
        self.by_source: dict[str | None, int] = {}
        self.firsts: dict[str | None, Counter[str]] = {}
        #: its uses with their documents' forms, while few enough to be a
        #: minority; None once too many (or when its first use has no location)
        self.minority = minority

    def add(self, ref: DocRef, use: FormUse, summary: tuple[FormUse, ...], max_minor: int) -> None:
        self.docs += 1
        self.by_source[ref.source] = self.by_source.get(ref.source, 0) + 1
        if use.firsts:
            self.firsts.setdefault(ref.source, Counter()).update(use.firsts)
        if self.minority is not None:
            if self.docs > max_minor:
                self.minority = None
            else:
                variants = tuple(u.form for u in summary if u.key == use.key and u.form != use.form)
                self.minority.append(_MinorUse(ref.ordinal, ref.source, use.loc, use.firsts, variants))

    def outside(self, source: str | None) -> tuple[int, int]:
        """(documents, sources) carrying the form, ``source`` left out."""
        return self.docs - self.by_source.get(source, 0), len(self.by_source) - (source in self.by_source)

    def firsts_outside(self, source: str | None) -> Counter[str]:
        out: Counter[str] = Counter()
        for src, counts in self.firsts.items():
            if src != source:
                out.update(counts)
        return out


_INITIALS_BEFORE = re.compile(r"[A-Z]\.[ \t]*$")


def _nickname(text: str, start: int, end: int) -> bool:
    """George "Dempsy" Summers: a quoted nickname, not a surname."""
    return start > 0 and end < len(text) and text[start - 1] in "\"“‘'" and text[end] in "\"”’'"


def _find_standalone(text: str, form: str) -> int:
    """First occurrence of ``form`` as a whole word (str.find, then a boundary check)."""
    at = text.find(form)
    n = len(form)
    while at >= 0:
        before = text[at - 1] if at else " "
        after = text[at + n] if at + n < len(text) else " "
        if not (before.isalnum() or before in "-'’") and not (after.isalnum() or after == "-"):
            return at
        at = text.find(form, at + 1)
    return -1

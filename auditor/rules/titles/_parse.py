"""Find titles attached to names ("former UK Foreign Secretary Jeremy Hunt").

Shared by ``titles.wrong-office``, ``titles.out-of-date`` and
``translation.variety-mismatch``. One RE2 pass over the text finds every
surface form of every office title known to the knowledge base (capitalised,
lowercase, Defence/Defense variants, plurals); each hit is then extended
backwards (nationality qualifier, "former"/"ex-"/"then-") and forwards
(country named after the office, as translated text writes it: "Defence
Minister of Great Britain John Healey", "the Minister of Foreign Affairs of
Ukraine Dmytro Kuleba"; honorific; one name or a list of names), and names
are resolved through the
:class:`~auditor.knowledge.people.PeopleIndex`.

The parse of the last document is memoised, because two or three rules ask
for it in a row.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import re2

from auditor.documents.utf8 import utf8
from auditor.knowledge.people import Office, Person, Role
from auditor.patterns import LARGE_DFA_MEMORY, re2_options
from auditor.resources import load_yaml_resource

if TYPE_CHECKING:  # pragma: no cover
    from auditor.documents.document import Document
    from auditor.knowledge.people import PeopleIndex

_TOKEN = re.compile(r"[^\W\d_][\w'’.\-]*")
_SPACE = re.compile(r"[ \t]+")
_LIST_SEP = re.compile(r"(?:,[ \t]+and[ \t]+|,[ \t]+|[ \t]+and[ \t]+|[ \t]*&[ \t]*)")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_SENTENCE_END = re.compile(r"[.!?]\s+|\n")
_ARTICLES = {"the", "The"}
_FUNCTION_WORDS = {
    "The", "A", "An", "And", "But", "As", "When", "While", "If", "After", "Then", "Also", "Meanwhile", "So",
    "Yet", "Or", "Now", "Later", "Earlier", "Both", "His", "Her", "Their", "Our", "Its", "Two", "Three",
    "Four", "Five", "Said", "By", "For", "From", "With", "Of", "To", "In", "On", "At", "That", "This",
    "Former", "Ex", "Even", "Only", "Including", "Like", "Unlike", "Under", "Before", "Since",
    "Today", "Yesterday", "Tonight", "However", "Instead", "Still", "Indeed", "Although", "Though",
}
_BLOCKING = {"Deputy", "Vice", "Assistant", "Under", "Shadow", "Junior", "Associate", "Principal", "Lieutenant",
             "Lt.", "Lt", "Senior", "Chief", "First", "Second", "Acting", "Parliamentary", "Permanent",
             "Minister", "Secretary", "State", "Regional", "Provincial", "State's", "Party"}
# Lowercase words that make another office of the title after them ("deputy
# national security adviser Tony Blinken"): a running-text title blocked like
# its capitalised form.
_BLOCKING_LOWER = {"deputy", "vice", "assistant", "under", "shadow", "junior", "associate", "principal",
                   "senior", "parliamentary", "permanent", "regional", "provincial"}
_VARIETY_SWAP = {"defence": "defense", "defense": "defence", "labour": "labor", "labor": "labour"}


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return load_yaml_resource("titles.yml")


def norm_title(text: str) -> str:
    """Compare titles regardless of case, spelling variety, hyphens and number."""
    words = text.replace("-", " ").replace(".", "").replace("’", "'").lower().split()
    words = [{"defense": "defence", "labor": "labour", "center": "centre",
              "organization": "organisation", "program": "programme"}.get(w, w) for w in words]
    if words and is_plural_word(words[-1]):
        last = words[-1]
        words[-1] = last[:-3] + "y" if last.endswith("ies") else last[:-1]
    return " ".join(words)


_NOT_PLURAL = {"affairs", "sales", "arms", "chiefs", "forces", "relations", "pensions", "nations", "states",
               "us", "is", "ms", "mrs", "potus", "dos", "das", "his"}


def is_plural_word(word: str) -> bool:
    word = word.lower()
    if word in _NOT_PLURAL or len(word) <= 3:
        return False
    return word.endswith("ies") or (word.endswith("s") and not word.endswith("ss"))


def _plural(form: str) -> str:
    head, _, last = form.rpartition(" ")
    if last.endswith("y") and not last.endswith(("ey", "ay")):
        last = last[:-1] + "ies"
    elif last.endswith("s"):
        return form
    else:
        last = last + "s"
    return f"{head} {last}" if head else last


def _variants(form: str) -> set[str]:
    out = {form}
    for word, other in _VARIETY_SWAP.items():
        for f in list(out):
            if word in f:
                out.add(f.replace(word, other))
            cap, ocap = word.capitalize(), other.capitalize()
            if cap in f:
                out.add(f.replace(cap, ocap))
    more = set()
    for f in out:
        more.add(f.lower())
        if " " in f or len(f) > 3:
            more.add(_plural(f))
            more.add(_plural(f).lower())
    return out | more


# --------------------------------------------------------------------------- lexicon
class Lexicon:
    """Title and qualifier lookups derived from one PeopleIndex."""

    def __init__(self, index: PeopleIndex) -> None:
        cfg = settings()
        self.index = index
        self.unchecked = {norm_title(t) for t in cfg.get("unchecked_titles", [])}
        self.unchecked_functions = set(cfg.get("unchecked_functions", []))
        self.never_held_functions = set(cfg.get("never_held_functions", []))
        self.never_held_qualified = set(cfg.get("never_held_qualified_functions", []))
        self.weak = {norm_title(t) for t in cfg.get("weak_titles", [])}
        self.honorifics = set(cfg.get("honorifics", []))
        self.particles = set(cfg.get("name_particles", []))
        self.name_stoppers = set(cfg.get("name_stoppers", []))
        self.organisations = set(cfg.get("organisations", []))
        prefixes = cfg.get("prefixes", {})
        self.prefix_kind: dict[str, str] = {}
        for kind, words in prefixes.items():
            for w in words:
                self.prefix_kind[w] = kind
        # title forms of offices (kind office), by normalised form
        self.offices_by_form: dict[str, list[Office]] = {}
        self.institutions_by_form: dict[str, list[Office]] = {}
        inst_surface: set[str] = set()
        title_forms: list[str] = []
        for office in index.offices.values():
            if office.kind == "country":
                continue
            target = self.offices_by_form if office.kind == "office" else self.institutions_by_form
            for form in (*office.all_forms, *(office.generic if office.kind == "office" else ())):
                bucket = target.setdefault(norm_title(form), [])
                if office not in bucket:
                    bucket.append(office)
                if office.kind == "office":
                    title_forms.append(form)
                else:
                    inst_surface |= {v for v in _variants(form) if v[:1].isupper()}
        for key, offices in self.offices_by_form.items():
            if any(o.function in self.unchecked_functions for o in offices):
                self.unchecked.add(key)
        self.functions_by_form: dict[str, set[str]] = {
            key: {o.function for o in offices if o.function} for key, offices in self.offices_by_form.items()
        }
        # the finder looks only for checked titles; lowercase only for
        # multi-word ones ("the defence secretary"), since lowercase single
        # words ("president", "leader") are descriptions and very frequent
        surface: set[str] = set()
        for form in title_forms:
            if norm_title(form) in self.unchecked:
                continue
            for variant in _variants(form):
                # single lowercase words ("president") are kept only after a
                # nationality qualifier ("the Ukrainian president"): see _parse
                if variant[:1].isupper() or " " in variant or len(variant) > 5:
                    surface.add(variant)
        self.title_re = _alternation(surface)
        self.institution_re = _alternation({s for s in inst_surface if s[:1].isupper()})
        # nationality qualifiers: adjective -> country code
        self.adjectives = dict(index.country_adjectives)
        self.adj_max_words = max((len(a.split()) for a in self.adjectives), default=1)
        self.country_first_adjective: dict[str, str] = {}
        for office in index.offices.values():
            if office.kind == "country":
                adjs = [a for a in office.adjectives if not a.endswith(("'s", "’s", "'"))]
                if adjs:
                    self.country_first_adjective[office.country] = adjs[0]
        self.variety_pairs: list[tuple[str, str]] = [tuple(p) for p in cfg.get("variety_words", [])]
        self.country_by_name = country_names(index)
        names = "|".join(re.escape(n) for n in sorted(self.country_by_name, key=len, reverse=True))
        of_country = rf"[ \t]+of[ \t]+(?:the[ \t]+)?({names})"
        #: " of <country>" right after a title ("Prime Minister of Great
        #: Britain"), followed by a name or a comma; group 1 is the country name
        self.country_after_re = re.compile(of_country + r"(?=[ \t]+[A-Z]|,[ \t])") if names else None
        #: the same at the end of a text before a name ("Defence Minister of Great Britain| John ...")
        self.country_at_end_re = re.compile(of_country + "$") if names else None
        self._country_words: dict[str, re.Pattern[str] | None] = {}

    def names_country(self, text: str, country: str) -> bool:
        """Does ``text`` name ``country`` by one of its adjectives or forms
        ("US", "American"), standing alone? One pattern per country, built on
        first use."""
        if country not in self._country_words:
            words = sorted((a for a, c in self.adjectives.items() if c == country), key=len, reverse=True)
            self._country_words[country] = (
                re.compile(rf"(?<![\w.])(?:{'|'.join(map(re.escape, words))})(?![\w])") if words else None)
        pattern = self._country_words[country]
        return pattern is not None and pattern.search(text) is not None

    def adjective_before(self, text: str, pos: int) -> tuple[str, int] | None:
        """The nationality qualifier ending just before ``pos`` (one space
        between), as (adjective, start) — longest first ("North Korean")."""
        if pos < 2 or text[pos - 1] not in " \t":
            return None
        end = pos - 1
        start = end
        best = None
        for _ in range(self.adj_max_words):
            # extend one word to the left
            i = start - 1
            while i >= 0 and not text[i].isspace():
                i -= 1
            word_start = i + 1
            if word_start >= start:
                break
            candidate = text[word_start:end]
            lead = candidate[:1]
            if lead in "(\"“‘'—–":
                candidate = candidate[1:]
                word_start += 1
            if candidate in self.adjectives:
                best = (candidate, word_start)
            start = word_start - 1
            if start <= 0 or text[start] not in " ":
                break
        return best

    def offices_for(self, title: str) -> list[Office]:
        return self.offices_by_form.get(norm_title(title), [])

    def functions_for(self, title: str) -> set[str]:
        return self.functions_by_form.get(norm_title(title), set())


class _Finder:
    """Leftmost-longest literal matches of the title forms: one RE2
    alternation, run as a DFA in one pass over the text. (The DFA needs a
    bigger memory budget than RE2's default for ~1,000 forms; on overflow RE2
    silently falls back to a much slower engine.)"""

    def __init__(self, strings: set[str]) -> None:
        alts = sorted(strings, key=len, reverse=True)
        self._pattern = re2.compile("(?:" + "|".join(re.escape(a) for a in alts) + ")",
                                    re2_options(dfa_memory=LARGE_DFA_MEMORY))

    def finditer(self, text: str | bytes):
        """Matches over a ``str``, or over the UTF-8 bytes of a shared
        :class:`~auditor.documents.utf8.Utf8Text` (how the rules call it)."""
        return self._pattern.finditer(text)


def country_names(index: PeopleIndex) -> dict[str, str]:
    """Names of countries (and organisations) as written after "of" -> code:
    the country's title and other forms ("United Kingdom", "UK", "Great
    Britain", "Russian Federation"), not its adjectives."""
    out: dict[str, str] = {}
    for office in index.offices.values():
        if office.kind == "country":
            for name in (office.title, *office.forms):
                out.setdefault(name, office.country)
    return out


def _alternation(strings: set[str]) -> Any:
    strings = {s for s in strings if s}
    return _Finder(strings) if strings else None


_LEXICONS: dict[int, Lexicon] = {}


def lexicon(index: PeopleIndex) -> Lexicon:
    lex = _LEXICONS.get(id(index))
    if lex is None or lex.index is not index:
        lex = Lexicon(index)
        _LEXICONS.clear()
        _LEXICONS[id(index)] = lex
    return lex


# --------------------------------------------------------------------------- mentions
@dataclass(slots=True)
class NameRef:
    start: int
    end: int
    text: str
    people: list[Person]
    full: bool  # more than a surname


@dataclass(slots=True)
class TitleMention:
    start: int                    # whole phrase (prefix/qualifier .. last name)
    end: int
    title_start: int
    title_end: int
    title: str                    # as written
    lowercase: bool
    plural: bool
    prefix: str | None = None     # "former" | "then" | "neutral"
    prefix_text: str | None = None
    adjective: str | None = None
    country: str | None = None    # from the qualifier
    qualifier_start: int | None = None
    names: list[NameRef] = field(default_factory=list)
    appositive: bool = False
    prefix_start: int | None = None
    #: the name comes first: "Jeremy Hunt, the former foreign secretary"
    postposed: bool = False
    #: "the press secretary of the Russian President Dmitry Peskov": the name
    #: may belong to the noun before "of", so the title rules leave it alone
    complement: bool = False
    #: end of a country named after the title ("Defence Minister of Great
    #: Britain"): the country is then in ``country``, ``adjective`` is None
    country_end: int | None = None

    @property
    def head_start(self) -> int:
        """Start of qualifier + title (without the prefix)."""
        return self.qualifier_start if self.qualifier_start is not None else self.title_start

    @property
    def head_end(self) -> int:
        """End of title + a country named after it."""
        return self.country_end if self.country_end is not None else self.title_end


_MEMO: tuple[Any, Any, Any] = (None, None, None)  # (document, index, mentions), replaced as one tuple


def title_mentions(doc: Document, index: PeopleIndex) -> list[TitleMention]:
    """Every title in ``doc.text`` with its qualifier, prefix and names
    (memoised for the last document, safe when threads share the module)."""
    global _MEMO
    memo_doc, memo_index, memo_value = _MEMO
    if memo_doc is doc and memo_index is index:
        return memo_value
    value = _parse(doc.text, lexicon(index))
    _MEMO = (doc, index, value)
    return value


def _parse(text: str, lex: Lexicon) -> list[TitleMention]:
    if lex.title_re is None:
        return []
    out: list[TitleMention] = []
    n = len(text)
    last_end = -1
    for s, e in utf8(text).spans(lex.title_re):
        if s < last_end:
            continue
        if (s > 0 and (text[s - 1].isalnum() or text[s - 1] in "_")) or (e < n and (text[e].isalnum() or text[e] in "-_")):
            continue
        title = text[s:e]
        lowercase = title[:1].islower()
        if lowercase and " " not in title and lex.adjective_before(text, s) is None:
            continue  # "the president said": a description; "the Ukrainian president, X": a title
        mention = TitleMention(start=s, end=e, title_start=s, title_end=e, title=title,
                               lowercase=lowercase, plural=is_plural_word(title.split()[-1]))
        if not _extend_back(text, mention, lex):
            continue
        _country_after(text, mention, lex)
        _extend_forward(text, mention, lex)
        if not mention.names:
            _postposed(text, mention, lex)
        elif _COMPLEMENT.search(text, max(0, mention.start - 12), mention.start):
            mention.complement = True
        out.append(mention)
        last_end = mention.end
    return out


def _extend_back(text: str, mention: TitleMention, lex: Lexicon) -> bool:
    """Qualifier and prefix before the title; False to drop the hit."""
    s = mention.title_start
    window = text[max(0, s - 60):s]
    pos = s
    # "ex-" / "then-" glued to the title
    for glued in ("ex-", "Ex-", "then-", "Then-"):
        if window.endswith(glued):
            mention.prefix = lex.prefix_kind.get(glued)
            mention.prefix_text = glued
            mention.start = mention.prefix_start = s - len(glued)
            return True
    adj = lex.adjective_before(text, s)
    if adj:
        before = _word_before(text, adj[1])
        if before:
            word = before[0]
            possessive = adj[0].endswith(("'s", "’s"))  # "..., and Ukraine's defence minister, X": its own title
            if (word in ("of", "Of", "for", "&") or (word == "and" and not possessive)) or (
                    word[:1].isupper() and word.strip("\"“‘'(") not in _FUNCTION_WORDS
                    and word not in lex.prefix_kind and not word.endswith((".", ":", ";", ",", "!", "?", '"', "”"))):
                return False  # "Boy Scouts of America President ...": part of a longer name
        mention.adjective = adj[0]
        mention.country = lex.adjectives.get(mention.adjective)
        pos = adj[1]
        mention.qualifier_start = pos
        mention.start = pos
    # previous word
    prev = _word_before(text, pos)
    if prev:
        word = prev[0]
        kind = lex.prefix_kind.get(word)
        if kind:
            mention.prefix = kind
            mention.prefix_text = word
            mention.start = mention.prefix_start = prev[1]
            return True
        bare = word.strip("\"“”‘’'(),;:")
        if bare in _BLOCKING or bare in _BLOCKING_LOWER:
            return False
        if bare.endswith(("'s", "’s")) and mention.adjective is None:
            return True  # "Trump's Defense Secretary ..." - a possessive owner, fine
        if bare[:1].isupper() and mention.adjective is None and bare not in _FUNCTION_WORDS and not word.endswith((".", ",", ":", ";", "!", "?", '"', "”")):
            # "Health Minister", "Labour leader" ... a longer title we do not know
            return False
    return True


def _country_after(text: str, mention: TitleMention, lex: Lexicon) -> None:
    """"Prime Minister of Great Britain Keir Starmer", "the Minister of
    Foreign Affairs of Ukraine Dmytro Kuleba": the country after the office
    qualifies it as a nationality adjective before it would. Not when a
    qualifier already stands before the title ("British Minister of the
    UK ..." is no title we can judge)."""
    if lex.country_after_re is None or mention.country is not None:
        return
    m = lex.country_after_re.match(text, mention.title_end)
    if not m:
        return
    mention.country = lex.country_by_name.get(m.group(1))
    mention.country_end = m.end()
    mention.end = m.end()


def _word_before(text: str, pos: int) -> tuple[str, int] | None:
    """(word, start) of the whitespace-delimited word before ``pos``, when
    only spaces or tabs separate them."""
    i = pos - 1
    while i >= 0 and text[i] in " \t":
        i -= 1
    if i == pos - 1 or i < 0 or text[i] == "\n":
        return None
    end = i + 1
    while i >= 0 and not text[i].isspace():
        i -= 1
    return text[i + 1:end], i + 1


def _extend_forward(text: str, mention: TitleMention, lex: Lexicon) -> None:
    pos = mention.head_end
    n = len(text)
    appositive = False
    if text.startswith(", ", pos) and (mention.plural or _preceded_by_the(text, mention.head_start)
                                       or _preceded_by_the(text, mention.start)
                                       or (mention.adjective or "").endswith(("'s", "’s"))):
        # "the defence secretary, X", "the former foreign secretary, X",
        # "Ukraine's foreign minister, X": an appositive names the holder
        pos += 2
        appositive = True
    elif pos < n and text[pos] in " \t":
        pos += 1
    else:
        return
    first = _read_name(text, pos, lex)
    if first is None:
        return
    if appositive and not mention.plural and not re.match(r"[ \t]*(?:[,.;:)—–]|$)", text[first.end:first.end + 3]):
        return  # "by the Prime Minister, Mr. Trump said": not an appositive
    mention.appositive = appositive
    mention.names.append(first)
    mention.end = first.end
    if mention.plural:
        pos = first.end
        while True:
            sep = _LIST_SEP.match(text, pos)
            if not sep:
                break
            nxt = _read_name(text, sep.end(), lex)
            if nxt is None:
                break
            mention.names.append(nxt)
            mention.end = nxt.end
            pos = nxt.end


#: "the press secretary of the Russian President Dmitry Peskov", "an adviser to the
#: President of Ukraine Andriy Yermak", "the spokesman for the Russian President ...": the
#: name may be the earlier noun's ("to"/"for" only with "the": "voted for President Biden")
_COMPLEMENT = re.compile(r"\b(?:of[ \t]+(?:the[ \t]+)?|(?:to|for)[ \t]+the[ \t]+)$")
_APPOSITION = re.compile(r"(?:,[ \t]+(?:the|a|The)[ \t]+|,[ \t]+)$")


def _postposed(text: str, mention: TitleMention, lex: Lexicon) -> None:
    """"Jeremy Hunt, the former foreign secretary, ..." — the name before."""
    after = text[mention.head_end:mention.head_end + 2]
    if not after or after[0] not in ",.;:)" or after.startswith(("'", "’")):
        return
    window = text[max(0, mention.start - 8):mention.start]
    m = _APPOSITION.search(window)
    if not m:
        return
    comma = mention.start - (len(window) - m.start())
    tokens: list[tuple[int, int]] = []
    pos = comma
    while len(tokens) < 5:
        i = pos - 1
        while i >= 0 and text[i] not in " \t\n":
            i -= 1
        word = text[i + 1:pos]
        if not word or not (word[:1].isupper() or (word in lex.particles and tokens)):
            break
        tokens.append((i + 1, pos))
        if i < 0 or text[i] != " ":
            break
        pos = i
    for k in range(len(tokens), 0, -1):
        start = tokens[k - 1][0]
        name = text[start:comma]
        people = lex.index.by_name(name)
        if people:
            mention.names.append(NameRef(start, comma, name, people, full=k > 1))
            mention.start = start
            mention.end = max(mention.end, mention.head_end)
            mention.appositive = True
            mention.postposed = True
            return


def _preceded_by_the(text: str, start: int) -> bool:
    before = text[max(0, start - 5):start]
    return before.endswith(("the ", "The "))


def _read_name(text: str, pos: int, lex: Lexicon) -> NameRef | None:
    """A capitalised name at ``pos`` (after an optional honorific)."""
    tokens: list[tuple[int, int]] = []
    cur = pos
    n = len(text)
    honorific_end = None
    while len(tokens) < 6 and cur < n:
        m = _TOKEN.match(text, cur)
        if not m:
            break
        word = m.group(0)
        if not tokens and honorific_end is None and word in lex.honorifics:
            honorific_end = m.end()
            sp = _SPACE.match(text, m.end())
            if not sp:
                return None
            cur = sp.end()
            pos = cur
            continue
        if tokens and word in lex.name_stoppers:
            break
        if not word[0].isupper():
            if word in lex.particles and tokens:
                sp = _SPACE.match(text, m.end())
                if sp and sp.end() < n and text[sp.end()].isupper():
                    tokens.append(m.span())
                    cur = sp.end()
                    continue
            break
        tokens.append(m.span())
        sp = _SPACE.match(text, m.end())
        if not sp or word.endswith(("'s", "’s")) or (word.endswith(".") and len(word) > 3):
            break
        cur = sp.end()
    if not tokens:
        return None
    # the whole capitalised run must be a known name ("President Ryan Nichols"
    # is not Paul Ryan); a trailing sentence-initial word is forgiven
    for k in (len(tokens), len(tokens) - 1):
        if k < 1:
            break
        if k < len(tokens) and not _sentence_boundary(text, tokens[k - 1][1], tokens[k][0]):
            break
        start, end = tokens[0][0], tokens[k - 1][1]
        raw = text[start:end]
        clean = _POSSESSIVE.sub("", raw).rstrip(".,;:") if not re.search(r"\b[A-Z]\.$", raw) else raw
        if not clean:
            continue
        people = lex.index.by_name(clean)
        if people:
            return NameRef(start, start + len(clean), clean, people, full=k > 1)
    start, end = tokens[0]
    raw = _POSSESSIVE.sub("", text[start:end]).rstrip(".,;:")
    return NameRef(start, start + len(raw), raw, [], full=False)


def _sentence_boundary(text: str, end: int, next_start: int) -> bool:
    gap = text[end - 1:next_start]
    return bool(re.match(r"[.!?]\s", gap)) or "\n" in gap


# --------------------------------------------------------------------------- helpers for rules
def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around a span, cheaply (no full segmentation)."""
    left = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    left = 0 if left < 0 else left + 1
    m = _SENTENCE_END.search(text, end)
    right = m.start() + 1 if m else len(text)
    return left, right


def full_name_in(text: str, person: Person) -> bool:
    """Does the document name ``person`` in full somewhere?"""
    return any(form in text for form in person.full_names if " " in form)


def respell(text: str, target_variety: str, pairs: list[tuple[str, str]]) -> str:
    """``text`` with the variety words spelled the ``target_variety`` way."""
    out = text
    for gb, us in pairs:
        src, dst = (us, gb) if target_variety == "en-GB" else (gb, us)
        out = re.sub(rf"\b{re.escape(src)}", dst, out)
    return out


_WORDS = re.compile(r"[A-Za-z]+")


def variety_of_spelling(text: str, pairs: list[tuple[str, str]]) -> str | None:
    """en-GB / en-US when ``text`` contains a variety word (or its plural), else None."""
    table = _variety_table(tuple(tuple(p) for p in pairs))
    for word in _WORDS.findall(text):
        v = table.get(word) or (table.get(word[:-1]) if word.endswith("s") else None)
        if v:
            return v
    return None


@lru_cache(maxsize=4)
def _variety_table(pairs: tuple[tuple[str, str], ...]) -> dict[str, str]:
    table: dict[str, str] = {}
    for gb, us in pairs:
        table[gb] = "en-GB"
        table[us] = "en-US"
    return table


# --------------------------------------------------------------------------- role judgements
def candidates(ref: NameRef, text: str = "") -> list[Person]:
    """People a name may denote that have known roles, or [] when the name
    may denote a known person without any (Ian Healy, the cricketer): when
    that person is the only one, or is named in full in the document. A
    surname shared with relatives of no office ("Trump": Ivanka, Melania)
    does not block the office holder."""
    if not ref.people:
        return []
    with_roles = [p for p in ref.people if p.roles]
    if len(with_roles) == len(ref.people):
        return with_roles
    if not with_roles or ref.full:
        return []
    if any(not p.roles and full_name_in(text, p) for p in ref.people):
        return []
    return with_roles


def role_fits_title(role: Role, mention: TitleMention, title_offices: list[Office]) -> bool:
    return role.office in title_offices and (mention.country is None or mention.country == role.office.country)


def hypothetical(text: str, mention: TitleMention) -> bool:
    """"a President Hillary Clinton would ..." names no real office holder."""
    before = text[max(0, mention.start - 4):mention.start]
    return before.endswith((" a ", " an ", "\na ", "A ", "An "))


def country_display(index: PeopleIndex, code: str | None) -> str:
    """A country's name for a message: "the United Kingdom", "Ukraine"."""
    name = index.country_names.get(code or "", code or "?")
    return f"the {name}" if name in set(settings().get("definite_article_names", [])) else name


def country_adjective(lex: Lexicon, country: str) -> str | None:
    return lex.country_first_adjective.get(country)

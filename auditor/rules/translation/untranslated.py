"""Fragments left in another language, script or typographic convention.

What a translation (human or machine) leaves untranslated in English text:

* a homoglyph: a Cyrillic or Greek letter inside a Latin word ("Kyіv" with
  a Cyrillic і) — invisible to a reader, but breaks search and spelling;
* a run of another script (Cyrillic, Greek, CJK, Arabic, ...) in the prose,
  unless the writer cites and glosses it ('the word "незламні", meaning
  unbreakable'; cue words in ``gloss_before`` / ``gloss_after``) or it is
  a web or mail address ("https://премияарсеньева.рф/");
* a sentence in another language: a cheap pre-check counts function words
  of other languages that are not English words ("und", "les", "della";
  capitalised ones count only before a lowercase word: "El gobierno", not
  "El Paso");
  only sentences with enough of them go to ``langdetect`` (slow), seeded for
  deterministic answers. Short phrases ("raison d'être", "coup d'état") and
  names ("Le Monde", "Die Welt", "La Repubblica") never reach it;
* full-width punctuation of Chinese and Japanese ("，", "。", "（");
* quotation marks English does not use (« », „ “), and a dash between a
  quotation and its reporting clause ('"We will win," - he said': Russian
  and Ukrainian punctuation);
* number formats of other languages: a decimal comma before a magnitude
  ("3,5 million", "2,7%"), "mln", "bln", "mlrd", a space or thin space as the
  thousands separator ("15 000 troops"), a dot as thousands separator ("20.000
  soldiers"), "Mrd."/"Mio." after a number, "№", a day.month.year date
  ("24.02.2022").

Lists and thresholds live in ``rules/translation/untranslated.yml``.

Flags:
    The delegation arrived in Kyіv on Tuesday.

    The ministry said «the operation is proceeding according to plan».

    "We will not give up an inch of our land," - Zelensky said.

    The company said it would expand production，and prices would fall.

    Exports grew by 3,5 million tonnes last year.

    The budget deficit reached 12 bln roubles.

    The decree, signed on 24.02.2022, ordered the mobilisation of reservists.

    The mayor told the crowd: Nous ne sommes pas prêts et nous ne voulons pas de cette guerre dans notre pays.

    The statement said the city was calm (город спокоен) in the morning.

    "Russland setzt auf Terror gegen die Zivilbevölkerung," Merz said at a news conference in Berlin.

    Le président du Conseil a salué l'unité des Vingt-Six, his spokesman added in a written statement.

    The president spoke in Mexico City. El gobierno no ha confirmado la información sobre los detenidos.

Passes:
    The delegation arrived in Kyiv on Tuesday, according to Le Monde, La Repubblica and Die Welt.

    The official website of the award is https://премияарсеньева.рф/ and entries close in May.

    It was his raison d'être, critics said after the coup d'état; a true enfant terrible.

    The motto, "liberté, égalité, fraternité", hangs in every town hall, and Merz called it a model.

    Asked by Bild am Sonntag about holidays, European Commission President Ursula von der Leyen replied.

    El Paso and Los Angeles sent aid, Il Messaggero reported, and Dem senators agreed.

    Exports grew by 3.5 million tonnes, to 3,500 tonnes a week, or 15,000 tonnes a month.

    The drug is a β-blocker, the doctors said.

    He called them "rapists" — he said he assumed others were different.

    Soldiers use the word "незламні", meaning unbreakable, as their motto.
"""

from __future__ import annotations

import os
import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import pairwise
from typing import Any

import re2

from auditor.documents.document import Document
from auditor.documents.utf8 import utf8
from auditor.model import Severity
from auditor.patterns import re2_options
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule
from auditor.rules.translation._words import WordMatcher

_RE2 = re2_options()

_SCRIPTS: tuple[tuple[int, int, str], ...] = (
    (0x0370, 0x03FF, "Greek"), (0x1F00, 0x1FFF, "Greek"),
    (0x0400, 0x052F, "Cyrillic"), (0x0530, 0x058F, "Armenian"),
    (0x0590, 0x05FF, "Hebrew"), (0x0600, 0x06FF, "Arabic"), (0x0750, 0x077F, "Arabic"),
    (0x0900, 0x097F, "Devanagari"), (0x0E00, 0x0E7F, "Thai"), (0x10A0, 0x10FF, "Georgian"),
    (0x3040, 0x30FF, "Japanese kana"), (0x3400, 0x4DBF, "CJK"), (0x4E00, 0x9FFF, "CJK"),
    (0xAC00, 0xD7AF, "Hangul"),
)
_CJK = {"Japanese kana", "CJK", "Hangul"}
# a plain character class: Python's re scans it in C without re2's UTF-8 copy of the text
_OTHER_SCRIPT = re.compile(
    "[\u0370-\u03FF\u1F00-\u1FFF\u0400-\u06FF\u0750-\u077F\u0900-\u097F"
    "\u0E00-\u0E7F\u10A0-\u10FF\u3040-\u30FF\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7AF]"
)
_WORD = re.compile(r"[^\W\d_]+")
# full-width and CJK punctuation ("，", "。", "：", "（", "【"): left by translation from Chinese or
# Japanese when no CJK letter stands beside it (a quoted "中国梦。" is the script check's finding)
_FULLWIDTH = re.compile("[\u3001\u3002\u3008-\u3011\u3014-\u301B\uFF01-\uFF0F\uFF1A-\uFF20\uFF3B-\uFF40\uFF5B-\uFF65]")
# the counted noun, maybe after a capitalised adjective ("1 230 Russian soldiers")
_NOUN_AFTER = re.compile(r"[ \u00a0](?:[A-Z][a-z]+[ \u00a0])?[a-z]{3,}\b")
_VERSION_BEFORE = re.compile(r"\b(?:version|ver\.?|v|release|build|firmware|update)\s*$", re.IGNORECASE)
# name particles are short ("von der", "de la", "am", "bin"); the run holds at most three of them
_PARTICLES = re.compile(r"[a-zà-ÿ]{1,3}[ \t]+(?:[a-zà-ÿ]{1,3}[ \t]+){0,1}[A-Z]")
_CAP_BEFORE = re.compile(r"[A-Z][\w’'-]*[ \t]+(?:[a-zà-ÿ]{1,3}[ \t]+){0,1}$")


# a whitespace-delimited token that is a web or mail address: a scheme, "www." or an "@";
# or a bare domain, lower-case labels ending in a top-level domain of two letters or more
# ("премияарсеньева.рф"; not two words missing the space after a full stop, "Путин.Он")
_ADDRESS = re.compile(r"(?:\w[\w+.-]*://|www\.)\S*|\S+@\S+")
_DOMAIN = re.compile(r"[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}(?:/\S*)?")


def _in_address(text: str, start: int, end: int) -> bool:
    """Is ``text[start:end]`` part of one token that is a web or mail address?"""
    lo, hi = start, end
    while lo > 0 and not text[lo - 1].isspace():
        lo -= 1
    while hi < len(text) and not text[hi].isspace():
        hi += 1
    token = text[lo:hi].lstrip("\"'“‘(«<").rstrip("\"'”’).,;:!?»>")
    return bool(_ADDRESS.fullmatch(token) or (token.islower() and _DOMAIN.fullmatch(token)))


@lru_cache(maxsize=1)
def rare_characters():
    """Every character of ``_OTHER_SCRIPT`` and ``_FULLWIDTH`` in one RE2 class.

    ``re`` tests each character of the text against a class; RE2's DFA runs
    over the document's shared UTF-8 bytes several times faster. One pass
    tells whether the two ``re`` searches can find anything at all.
    """
    return re2.compile(f"[{_OTHER_SCRIPT.pattern[1:-1]}{_FULLWIDTH.pattern[1:-1]}]", re2_options())


def _in_name(text: str, at: int) -> bool:
    """Is the function word at ``at`` a particle inside a name ("Ursula von
    der Leyen", "Bild am Sonntag")? Capitalised words on both sides."""
    return bool(_PARTICLES.match(text, at)) and bool(_CAP_BEFORE.search(text, max(0, at - 60), at))


# where a sentence splits into clauses for a second look: punctuation and quotation marks
_CLAUSE_PUNCT = ",;:()[]«»“”\"—–"
_CLAUSE_BREAK = re.compile("[" + re.escape(_CLAUSE_PUNCT) + "]")


_CLOSERS = {"«": "»", "„": "“”", "‹": "›", "»": "«"}


def _script(ch: str) -> str | None:
    o = ord(ch)
    if o < 0x0370:
        return "Latin" if ch.isalpha() else None
    for lo, hi, name in _SCRIPTS:
        if lo <= o <= hi:
            return name
    return "Latin" if ch.isalpha() and o < 0x0250 or 0x1E00 <= o <= 0x1EFF else None


@dataclass(frozen=True, slots=True)
class _Settings:
    homoglyphs: dict[str, str]
    gloss_before: re.Pattern[str]
    gloss_after: re.Pattern[str]
    min_letters: int
    min_cjk: int
    quote_openers: object
    dash_attribution: object
    max_per_doc: int
    numbers: object
    # payload "lower" for the listed words, "initial" for the same words capitalised: those
    # count only before a lowercase word, so a sentence may open with one ("El gobierno no
    # ha ...") while names ("El Paso", "Il Messaggero") never do; one RE2 pass finds both
    function_words: WordMatcher
    english_clause_words: frozenset[str]
    min_function_words: int
    min_words: int
    min_probability: float
    languages: tuple[str, ...]


@lru_cache(maxsize=1)
def _settings() -> _Settings:
    conf = load_yaml_resource("translation/untranslated.yml")
    magnitudes = "|".join(re.escape(str(m)) for m in conf["magnitude_words"])
    abbreviations = "|".join(re.escape(str(a)) for a in conf["foreign_number_abbreviations"])
    after_number = "|".join(re.escape(str(a)) for a in conf["foreign_magnitudes_after_number"])
    counted = "|".join(re.escape(str(n)) for n in conf["counted_nouns"])
    signs = "".join(re.escape(str(c)) for c in conf["foreign_signs"])
    openers = "".join(re.escape(q) for q in conf["foreign_quote_openers"])
    return _Settings(
        homoglyphs={str(k): str(v) for k, v in conf["homoglyphs"].items()},
        gloss_before=re.compile(
            r"\b(?:" + "|".join(re.escape(str(w)) for w in conf["gloss_before"]) + r")\s*[:,]?\s*[\"“‘'«(]?\s*$",
            re.IGNORECASE),
        gloss_after=re.compile(
            r"\s*[\"”’'»)]?\s*[,(—–-]?\s*(?:" + "|".join(re.escape(str(w)) for w in conf["gloss_after"]) + r")\b",
            re.IGNORECASE),
        min_letters=int(conf["min_script_letters"]),
        min_cjk=int(conf["min_cjk_chars"]),
        quote_openers=re2.compile(f"[{openers}]", _RE2),
        dash_attribution=re2.compile(
            # the closing quote (or a comma), the dash, maybe a subject, the reporting verb
            r"(?:[,.!?][\"”»]|[\"”»][,.]|,)[ \t]*(?:[-–—][ \t]*)"
            r"(?:(?:he|she|they|it|we|the(?:[ \t]+[a-z]+){1,4}|[A-Z][\w’'-]+(?:[ \t]+[A-Z][\w’'-]+){0,2})[ \t]+)?"
            r"(?:and[ \t]+)?"  # '"…", - and added that …'
            r"(?:" + "|".join(re.escape(str(v)) for v in conf["dash_attribution_verbs"]) + r")\b",
            _RE2),
        max_per_doc=int(conf["max_per_document"]),
        numbers=re2.compile(
            rf"(\b\d{{1,3}},\d{{1,2}}[ \t\x{{00A0}}]?(?:{magnitudes}))"
            rf"|(\b(?:{abbreviations})\b\.?)"
            r"|(\b\d{1,3}(?:[ \x{00A0}\x{202F}\x{2009}]\d{3})+\b)"
            # a day.month.year date ("24.02.2022"): English writes 24 February 2022
            r"|(\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?:19|20)\d{2}\b)"
            # a dot as thousands separator before a counted noun ("20.000 soldiers"); a German or
            # Dutch magnitude after a number ("3 Mrd. Euro"); a sign such as "№"
            rf"|(\b[1-9]\d{{0,2}}(?:\.\d{{3}})+[ \t\x{{00A0}}](?:{counted})\b"
            rf"|\b\d+(?:[.,]\d+)?[ \t\x{{00A0}}]?(?:{after_number})\b\.?"
            rf"|[{signs}][ \t\x{{00A0}}]?\d+)",
            _RE2,
        ),
        function_words=WordMatcher(
            [(str(w)[:1].upper() + str(w)[1:], "initial") for w in conf["foreign_function_words"]]
            + [(str(w), "lower") for w in conf["foreign_function_words"]],
            case_sensitive=True),
        english_clause_words=frozenset(str(w) for w in conf["english_clause_words"]),
        min_function_words=int(conf["min_foreign_function_words"]),
        min_words=int(conf["min_words"]),
        min_probability=float(conf["min_probability"]),
        languages=tuple(str(lang) for lang in conf["langdetect_languages"]),
    )


@lru_cache(maxsize=1)
def _factory(languages: tuple[str, ...]) -> Any:
    """langdetect with only the configured profiles, built on the first
    candidate: most documents never need it, and each profile costs time
    and memory."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    profiles = []
    for lang in languages:
        with open(os.path.join(PROFILES_DIRECTORY, lang), encoding="utf-8") as fh:
            profiles.append(fh.read())
    factory.load_json_profile(profiles)
    factory.seed = 0  # langdetect is random unless seeded
    return factory


@lru_cache(maxsize=4096)
def _detect(sentence: str, languages: tuple[str, ...]) -> tuple[str, float]:
    from langdetect.lang_detect_exception import LangDetectException

    detector = _factory(languages).create()
    detector.append(sentence)
    try:
        best = detector.get_probabilities()[0]
    except (LangDetectException, IndexError):
        return "unknown", 0.0
    return best.lang, best.prob


@register
class Untranslated(Rule):
    id = "translation.untranslated"
    summary = "Untranslated fragments: other languages, scripts, homoglyphs, quotation marks, number formats"
    default_severity = Severity.WARNING

    def warm_up(self) -> None:
        # langdetect's profiles are 17 MB of dictionaries: one copy shared by
        # the workers, not one each
        _factory(_settings().languages)

    def check(self, doc: Document):
        s = _settings()
        text = doc.text
        if rare_characters().search(utf8(text).data):  # almost no article has either
            if _OTHER_SCRIPT.search(text):
                yield from self._scripts(doc, text, s)
            if _FULLWIDTH.search(text):
                yield from self._fullwidth(doc, text, s)
        yield from self._quotes(doc, text, s)
        yield from self._dash_attributions(doc, text, s)
        yield from self._numbers(doc, text, s)
        yield from self._foreign_sentences(doc, text, s)

    # -- other scripts and homoglyphs ------------------------------------------
    def _scripts(self, doc: Document, text: str, s: _Settings):
        run: list[tuple[int, int, str]] = []  # consecutive words of one other script

        def flush():
            if not run:
                return None
            script = run[0][2]
            letters = sum(e - b for b, e, _ in run)
            need = s.min_cjk if script in _CJK else s.min_letters
            start, end = run[0][0], run[-1][1]
            run.clear()
            if letters < need:
                return None
            if s.gloss_before.search(text, max(0, start - 40), start) or s.gloss_after.match(text, end):
                return None  # cited and glossed on purpose: 'the word "незламні", meaning unbreakable'
            if _in_address(text, start, end):
                return None  # a web or mail address: "https://премияарсеньева.рф/" has no translation
            return self.finding(doc, start, end, f"untranslated {script} text in English prose", confidence=0.9)

        for m in _WORD.finditer(text):
            word = m.group()
            scripts = {_script(ch) for ch in word} - {None}
            if not scripts or scripts == {"Latin"}:
                f = flush()
                if f:
                    yield f
                continue
            if "Latin" in scripts and scripts <= {"Latin", "Cyrillic", "Greek"}:
                f = flush()
                if f:
                    yield f
                foreign = [ch for ch in word if _script(ch) not in ("Latin", None)]
                fixed = "".join(s.homoglyphs.get(ch, ch) for ch in word)
                yield self.finding(
                    doc, m.start(), m.end(),
                    f"'{word}' mixes Latin letters with look-alike {_script(foreign[0])} "
                    f"letter(s) {', '.join(repr(c) for c in foreign)}",
                    suggestion=fixed if all(ch in s.homoglyphs for ch in foreign) else None,
                    confidence=0.95,
                )
                continue
            script = sorted(scripts - {"Latin"})[0]
            if run and (run[0][2] != script or _WORD.search(text, run[-1][1], m.start())):
                f = flush()
                if f:
                    yield f
            run.append((m.start(), m.end(), script))
        f = flush()
        if f:
            yield f

    # -- full-width punctuation --------------------------------------------------------
    def _fullwidth(self, doc: Document, text: str, s: _Settings):
        count = 0
        for m in _FULLWIDTH.finditer(text):
            i = m.start()
            near = text[max(0, i - 1):i] + text[i + 1:i + 2]
            if any(_script(ch) in _CJK for ch in near):
                continue  # punctuation of a CJK run the script check reports
            count += 1
            if count > s.max_per_doc:
                return
            yield self.finding(
                doc, i, i + 1,
                f"full-width punctuation '{m.group()}' in English prose (a leftover of translation from "
                "Chinese or Japanese)",
                confidence=0.85,
            )

    # -- quotation marks ---------------------------------------------------------
    def _quotes(self, doc: Document, text: str, s: _Settings):
        if "«" not in text and "„" not in text and "‹" not in text and "»" not in text:
            return
        count = 0
        for m in s.quote_openers.finditer(text):
            i = m.start()
            mark = text[i]
            if mark == "»" and not (i + 1 < len(text) and text[i + 1].isalpha() and (i == 0 or not text[i - 1].isalnum())):
                continue  # » closes a «…» quotation; only »…« style opens with it
            closer = _CLOSERS[mark]
            line_end = text.find("\n", i)
            if not any(c in text[i + 1:line_end if line_end >= 0 else len(text)] for c in closer):
                continue  # no closing mark: a navigation arrow ("« Previous"), not a quotation
            count += 1
            if count > s.max_per_doc:
                break
            yield self.finding(
                doc, i, i + 1,
                f"quotation mark {mark} is not used in English (a translation leftover)",
                suggestion="“",
                confidence=0.85,
            )

    # -- a dash before the reporting clause ------------------------------------------
    def _dash_attributions(self, doc: Document, text: str, s: _Settings):
        view = utf8(text)
        for count, m in enumerate(view.finditer(s.dash_attribution)):
            if count >= s.max_per_doc:
                return
            start, end = view.span(m)
            if text[end:end + 3].lstrip().startswith(":"):
                continue  # "– Handel said:" introduces the next quotation (an interview's turns)
            dash = next(i for i in range(start, end) if text[i] in "-–—")
            yield self.finding(
                doc, dash, dash + 1,
                "dash between a quotation and its reporting clause: Russian/Ukrainian punctuation "
                "(English: '…,” he said')",
                suggestion="",
                confidence=0.8,
            )

    # -- number formats ------------------------------------------------------------
    def _numbers(self, doc: Document, text: str, s: _Settings):
        count = 0
        for m in s.numbers.finditer(text):  # one pass: decimal comma | abbreviation | spaced thousands | date
            start, end = m.span()
            number = m.group()
            if m.group(5) is not None:
                finding = self.finding(
                    doc, start, end,
                    f"'{number}' is written in another language's convention "
                    "(English: a comma for thousands, 'm'/'bn' for magnitudes, 'No.' for №)",
                    confidence=0.75,
                )
            elif m.group(4) is not None:
                if (start > 0 and (text[start - 1] in "./-_" or text[start - 1].isalnum())) or \
                        text[end:end + 1] in ("/", "_", "-") or text[end:end + 1].isalnum() or \
                        (text[end:end + 1] == "." and text[end + 1:end + 2].isalnum()):
                    continue  # part of a file name, URL or version string ("janet.11.03.2015.mp4")
                if _VERSION_BEFORE.search(text, max(0, start - 12), start):
                    continue  # "version 2.10.2024"
                finding = self.finding(
                    doc, start, end,
                    f"date '{number}' in day.month.year form: English writes the month as a word",
                    confidence=0.7,
                )
            elif m.group(1) is not None:
                if start > 0 and (text[start - 1] in ",." or text[start - 1].isdigit()):
                    continue  # "1,234,5" is a list or a typo, not a decimal comma
                finding = self.finding(
                    doc, start, end,
                    f"decimal comma in '{number}': English writes a decimal point",
                    suggestion=number.replace(",", ".", 1),
                    confidence=0.8,
                )
            elif m.group(2) is not None:
                finding = self.finding(
                    doc, start, end,
                    f"'{number}' is not an English abbreviation (million: m/mn, billion: bn)",
                    confidence=0.75,
                )
            else:
                before = text[max(0, start - 2):start]
                after = text[end:end + 2]
                if (before[-1:].isspace() and before[:1].isdigit()) or (after[:1].isspace() and after[1:2].isdigit()):
                    continue  # a run of numbers (table, phone number), not one number
                if after[:1] in ".," and after[1:2].isdigit():
                    continue
                if (before and before[-1] in ",.") or not _NOUN_AFTER.match(text, end):
                    continue  # tables and score lines; a translated count reads "15 000 troops"
                finding = self.finding(
                    doc, start, end,
                    f"space as thousands separator in '{number}': English writes a comma",
                    suggestion=re.sub(r"[ \u00a0\u202f\u2009]", ",", number),
                    confidence=0.6,
                    severity=Severity.INFO,
                )
            count += 1
            if count > s.max_per_doc:
                return
            yield finding

    # -- sentences in other languages -----------------------------------------------
    def _foreign_sentences(self, doc: Document, text: str, s: _Settings):
        hits = [start for start, end, kind in s.function_words.finditer(text)
                if kind == "lower" or (text[end:end + 1] == " " and text[end + 1:end + 2].islower())]
        if len(hits) < s.min_function_words:
            return
        sentences = doc.sentences
        starts = [sp.start for sp in sentences]
        per_sentence: dict[int, int] = {}
        for pos in hits:
            i = bisect_right(starts, pos) - 1
            if i >= 0:
                per_sentence[i] = per_sentence.get(i, 0) + 1
        reported = 0
        for i, n in sorted(per_sentence.items()):
            if n < s.min_function_words:
                continue
            span = sentences[i]
            for start, end, lang, prob in self._foreign_spans(text, span.start, span.end, hits, s):
                reported += 1
                if reported > s.max_per_doc:
                    return
                quoted = doc.in_quotation(start, end) is not None
                yield self.finding(
                    doc, start, end,
                    f"{'sentence' if (start, end) == (span.start, span.end) else 'clause'} in another language "
                    f"(langdetect: {lang}, p={prob:.2f}) in English text",
                    confidence=min(0.95, prob),
                    severity=Severity.INFO if quoted else None,
                )

    @staticmethod
    def _foreign_spans(text: str, start: int, end: int, hits: list[int], s: _Settings):
        """The whole sentence if it is in another language; else its clauses
        that are. A foreign quotation or clause inside an English sentence
        ('"Russland setzt auf Terror," Merz said.') is outvoted by the English
        words around it when the sentence is judged as a whole."""
        sentence = text[start:end]
        if len(sentence.split()) < s.min_words:
            return
        lang, prob = _detect(sentence, s.languages)
        whole = lang not in ("en", "unknown") and prob >= s.min_probability
        foreign, english = [], False
        cuts = [start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, start, end)] + [end]
        for a, b in pairwise(cuts):
            while a < b and (text[a].isspace() or text[a] in _CLAUSE_PUNCT):
                a += 1
            while b > a and (text[b - 1].isspace() or text[b - 1] in _CLAUSE_PUNCT):
                b -= 1
            if (a, b) == (start, end):
                break  # one clause: the sentence itself
            if sum(a <= h < b and not _in_name(text, h) for h in hits) < s.min_function_words:
                # no foreign function words: an English clause ("Merz said") if it is long enough
                # and has an English word ("Selon le ministère" has none: it is part of the French)
                words = text[a:b].split()
                english = english or (whole and len(words) >= 3
                                      and any(w.lower().strip(".,;:!?\"'“”’") in s.english_clause_words for w in words))
                continue
            clause = text[a:b]
            if len(clause.split()) < s.min_words:
                continue
            c_lang, c_prob = _detect(clause, s.languages)
            if c_lang not in ("en", "unknown") and c_prob >= s.min_probability:
                foreign.append((a, b, c_lang, c_prob))
        if whole and not (foreign and english):
            yield start, end, lang, prob  # the sentence is foreign throughout
        else:
            yield from foreign  # only these clauses are

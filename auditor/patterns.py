"""Compile user-supplied patterns with a linear-time engine.

Rule packs are data written by users; a pattern such as ``(a+)+$`` must not
be able to hang a CI job. RE2 guarantees linear-time matching and rejects
backreferences and look-around, so every pattern that comes from YAML goes
through :func:`compile_user_pattern`.
"""

from __future__ import annotations

import re

import re2

from auditor.errors import ConfigError

#: RE2's memory budget per pattern (its own default). The lazy DFA caches
#: the states it builds within the budget; a pattern that needs more throws
#: the cache away again and again, or silently falls back to the far slower
#: NFA. A long run's workers grow their caches up to the budget, so only the
#: patterns measured to need more get more (:data:`LARGE_DFA_MEMORY`).
DFA_MEMORY = 8 << 20
#: For the big alternations (a thousand title forms, the sourcing phrase
#: lists), measured over the AllSides archive: the sourcing scanner took
#: 0.47 s on 16 MiB, 0.29 s on 32 MiB (14 MiB resident) and 0.28 s on 64 MiB
#: (22 MiB resident); the title forms on 8 MiB fell back to the NFA (200
#: times slower) and need under 4 MiB of cache on a larger budget.
LARGE_DFA_MEMORY = 32 << 20


def re2_options(*, ignorecase: bool = False, longest: bool = False, dfa_memory: int = DFA_MEMORY) -> re2.Options:
    """The options every RE2 pattern of the project is compiled with."""
    options = re2.Options()
    options.log_errors = False  # errors are reported by us, as one line
    options.max_mem = dfa_memory
    options.case_sensitive = not ignorecase
    options.longest_match = longest
    return options


def compile_user_pattern(pattern: str, where: str, *, ignorecase: bool = False, allow_empty: bool = False,
                         longest: bool = False):
    """An RE2 pattern object; ConfigError naming ``where`` if invalid.

    Patterns that can match the empty string are rejected unless
    ``allow_empty``: they would produce zero-width findings everywhere.
    ``longest`` selects leftmost-longest semantics, so of several
    alternatives starting at one position the longest wins (a phrase list
    and a pattern that extends the phrase).
    """
    try:
        compiled = re2.compile(pattern, re2_options(ignorecase=ignorecase, longest=longest))
    except re2.error as exc:
        message = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ConfigError(f"{where}: invalid pattern {pattern!r}: {message} "
                          "(patterns use RE2 syntax: no backreferences or look-around)") from None
    if not allow_empty and compiled.search("") is not None:
        raise ConfigError(f"{where}: pattern {pattern!r} matches the empty string")
    return compiled


def literal_alternation(phrases: list[str]) -> str:
    """One RE2 alternation of literal phrases, word-bounded where the phrase
    starts or ends with a word character; longest phrases first.

    RE2's ``\\b`` is ASCII-only, so phrases that start or end with a
    non-ASCII letter get no boundary there rather than never matching.
    """
    parts = []
    for phrase in sorted(set(phrases), key=len, reverse=True):
        body = re.escape(phrase)
        if _ascii_word_char(phrase[:1]):
            body = r"\b" + body
        if _ascii_word_char(phrase[-1:]):
            body = body + r"\b"
        parts.append(body)
    return "|".join(parts)


def _ascii_word_char(ch: str) -> bool:
    return bool(ch) and ch.isascii() and (ch.isalnum() or ch == "_")

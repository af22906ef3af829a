"""Errors a user can act on.

Every error that reaches the command line is an :class:`AuditorError`: the
CLI prints its message as one line and exits with code 2. Anything else is a
bug, and the CLI still prints one line (with a hint to report it) rather than
a traceback.
"""

from __future__ import annotations


class AuditorError(Exception):
    """An error whose message is complete and names the file, line or rule."""

    exit_code = 2


class InputError(AuditorError):
    """A file, archive row or path that cannot be read."""


class ConfigError(AuditorError):
    """An invalid configuration, rule pack or knowledge pack."""


class UsageError(AuditorError):
    """Wrong command-line arguments."""

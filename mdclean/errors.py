"""Errors that reach users as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations


class MdcleanError(Exception):
    """Base class: the message is the whole story, ready to print."""


class RuleFileError(MdcleanError):
    """A rule file (shipped, or from a rule pack) breaks the schema."""


class ConfigError(MdcleanError):
    """Bad configuration: an unknown key or rule code, a wrong type."""


class RuleCrash(MdcleanError):
    """A rule raised on a document: a bug in mdclean, reported for that file only."""

    def __init__(self, code: str, error: BaseException) -> None:
        super().__init__(f"rule {code} failed: {type(error).__name__}: {error}")
        self.code = code
        self.error = error


class NestingTooDeep(MdcleanError):
    """Blocks nested deeper than the parser follows: what lies deeper would go unchecked."""

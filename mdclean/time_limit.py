"""Rules from rule packs run under a time limit: a regex that backtracks without end cannot hang a run.

Python's regex engine backtracks: ``(a+)+$`` takes seconds on thirty characters and
doubles with each one more. Built-in rules are reviewed; a rule pack comes with a
repository nobody may have reviewed. Each call of a pack rule's matcher (its fast-path
question and its search) gets ``RULE_PACK_SECONDS`` of wall time, enforced with
``SIGALRM`` (the regex engine checks for signals while it backtracks). A rule that runs
out is an error for that file; it is not run again, and every later file its keywords do
not rule out is an error too (it could not be checked). The limit applies in the main
thread of a process on a POSIX system (the command line and its workers); a library caller
in another thread, or on Windows, runs pack rules without it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from .errors import MdcleanError

if TYPE_CHECKING:
    from .document import Document
    from .matchers import Matcher
    from .models import Finding

RULE_PACK_SECONDS = 2.0
"""Wall time one call of a pack rule may take on one file: far above what a sane regex needs on
the largest page, far below a hung run (a backtracking regex takes minutes to years)."""

_Result = TypeVar("_Result")


class RuleTimeout(MdcleanError):
    """A rule pack's rule ran out of time on a file."""


class TimeLimitedMatcher:
    """A rule pack's matcher, each call of it limited in time; everything else is the matcher's."""

    def __init__(
        self, matcher: Matcher, code: str, source: str, seconds: float | None = None
    ) -> None:
        self._matcher = matcher
        self._code = code
        self._source = source
        self._seconds = RULE_PACK_SECONDS if seconds is None else seconds
        self._failure: str | None = None
        """Set once the rule ran out of time: it is not run again."""

    @property
    def wrapped(self) -> Matcher:
        """The matcher it limits (how the rule reads a page: ``corroboration.reading_of``)."""
        return self._matcher

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name == "_matcher":  # copy and pickle ask before __init__ ran
            raise AttributeError(name)
        return getattr(self._matcher, name)

    def may_match(self, lowered_text: str, *, parse_certain: bool = False) -> bool:
        if self._failure is not None:
            return self._stopped(lowered_text)
        return self._limited(
            lambda: self._matcher.may_match(lowered_text, parse_certain=parse_certain)
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        if self._failure is not None:
            self._stopped(doc.text.lower())  # a file the keywords rule out has nothing to find
            return iter(())
        return iter(self._limited(lambda: list(self._matcher.find(doc))))

    def _stopped(self, lowered_text: str) -> bool:
        """After a timeout: False for a file the keywords rule out (no regex needed); an error otherwise."""
        if not self._matcher.keyword_trigger().holds(lowered_text):
            return False
        raise RuleTimeout(
            f"rule {self._code} of rule pack {self._source} was stopped on an earlier file "
            f"({self._failure}); this file was not checked"
        )

    def _limited(self, call: Callable[[], _Result]) -> _Result:
        try:
            with _alarm(self._seconds):
                return call()
        except _OutOfTime:
            self._failure = f"it took more than {self._seconds:g} s"
            raise RuleTimeout(
                f"rule {self._code} of rule pack {self._source} took more than {self._seconds:g} s "
                "on this file and was stopped (a regex that backtracks, like (a+)+$?); it is not "
                "run again in this run, and the file was not checked"
            ) from None


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException, so that no ``except Exception`` in a matcher swallows it."""


def _on_alarm(_signum: int, _frame: object) -> None:
    raise _OutOfTime


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    if (
        not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield  # no timer here: run without a limit
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)

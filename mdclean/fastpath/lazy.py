"""Patterns compiled when first used, not when made.

A matcher is built when a text may reach its rule, and its ``__init__`` compiles every pattern
it may need; many it never uses on that text (a big phrase alternation that only ``find``
reads, on a page the trigger turns away; one of a rule's 300 phrase buckets). CPython's
regex compiler is slow on long alternations (a one-file run spent more than half its time
compiling), so a pattern only ``find`` reads is best compiled when ``find`` reads it.

``lazy_compile(source, flags)`` stands for ``re.compile(source, flags)``: ``pattern`` is
there at once; anything else (``search``, ``fullmatch``, ``flags``, which a pattern's
inline flags change...) compiles it first, with the same arguments, so every answer is the
compiled pattern's own. Once compiled, its methods are kept on the object itself, so a call
costs what it costs on the compiled pattern (no wrapper in between). A bad pattern would raise
``re.error`` where it is first used rather than where it was made, so a matcher built where
its mistakes must show at once (a rule pack's, loaded eagerly: one clear error at load time)
is built under ``eager_patterns``, where ``lazy_compile`` is ``re.compile``; the built-in
rules' matchers are built lazily, and the tests build each of them eagerly too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, cast

_EAGER = [0]
"""How many ``eager_patterns`` blocks are open (a matcher may build another inside one)."""


@contextmanager
def eager_patterns() -> Iterator[None]:
    """Within it, ``lazy_compile`` compiles at once (a bad pattern raises there)."""
    _EAGER[0] += 1
    try:
        yield
    finally:
        _EAGER[0] -= 1


_KEPT = (
    "search",
    "match",
    "fullmatch",
    "finditer",
    "findall",
    "sub",
    "subn",
    "split",
    "scanner",
    "flags",
    "groups",
    "groupindex",
)
"""What is copied from the compiled pattern on first use (then found without ``__getattr__``)."""


class LazyPattern:
    """A pattern compiled on first use (``lazy_compile``)."""

    def __init__(self, source: str, flags: int = 0) -> None:
        self.pattern = source
        self._given_flags = flags

    @property
    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiling it when not done yet)."""
        done = self.__dict__.get("_compiled")
        if done is None:
            done = re.compile(self.pattern, self._given_flags)
            for name in _KEPT:
                self.__dict__[name] = getattr(done, name)
            self.__dict__["_compiled"] = done
        return cast("re.Pattern[str]", done)

    def __getattr__(self, name: str) -> Any:
        # Only for names not found on the object: before the first use, or ones not kept.
        if name.startswith("__") or name in ("_compiled", "_given_flags", "pattern"):
            raise AttributeError(name)
        return getattr(self.compiled, name)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyPattern):
            other = other.compiled
        return self.compiled == other

    def __hash__(self) -> int:
        return hash(self.compiled)

    def __repr__(self) -> str:
        return repr(self.compiled)

    def __copy__(self) -> LazyPattern:
        return self  # as ``re.Pattern``: immutable

    def __deepcopy__(self, memo: object) -> LazyPattern:
        return self

    def __reduce__(self) -> tuple[Any, ...]:
        return (lazy_compile, (self.pattern, self._given_flags))


def lazy_compile(source: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(source, flags)``, done when the pattern is first used (see the module);
    at once inside ``eager_patterns``."""
    if _EAGER[0]:
        return re.compile(source, flags)
    return cast("re.Pattern[str]", LazyPattern(source, flags))


__all__ = ["LazyPattern", "eager_patterns", "lazy_compile"]

"""Loading a YAML front matter body the way the rules need it, and splitting it into entries.

The structural loader is ruamel.yaml's safe loader with two things left to the
rules that own them: duplicate keys are allowed (FM003 reports them) and
timestamps stay strings (FM006 judges dates). So a block fails to load here only
when its YAML itself is broken.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

# ruamel.yaml is imported on first use (about 25 ms): a run whose front matter the simple
# reader reads without asking its resolver never needs it.


@lru_cache(maxsize=1)
def loaders() -> tuple[YAML, YAML]:
    """The pure loader, then libyaml's (ruamel.yaml.clib), five times faster; libyaml words errors
    differently, so a body it rejects is loaded again by the pure parser, whose messages and
    positions the rules report. Both allow duplicate keys and keep timestamps as strings."""
    from ruamel.yaml import YAML
    from ruamel.yaml.constructor import SafeConstructor

    class _Constructor(SafeConstructor):
        """Safe constructor that leaves timestamps as the strings written."""

    _Constructor.add_constructor("tag:yaml.org,2002:timestamp", SafeConstructor.construct_yaml_str)

    def loader(pure: bool) -> YAML:
        yaml = YAML(typ="safe", pure=pure)
        yaml.Constructor = _Constructor
        yaml.allow_duplicate_keys = True
        return yaml

    return loader(pure=True), loader(pure=False)


def _yaml_error() -> type[YAMLError]:
    from ruamel.yaml.error import YAMLError

    return YAMLError


STRING_TAG = "tag:yaml.org,2002:str"
MAY_BE_TYPED = frozenset("!&*+-.0123456789<=FNTfnt~yYoO")
"""The first characters of the plain scalars the YAML resolver may give another tag than a
string (it picks its implicit resolvers by the first character: ``true``, ``null``, numbers,
dates, ``<<``, ``=``...), and YAML 1.1's ``yes``/``on`` to be safe; the tests check the set
against the loader over every printable character."""


_TYPED_WORDS = frozenset({"true", "false", "null", "yes", "no", "on", "off", "y", "n"})
"""Among plain scalars that open with a letter, only booleans and null are typed (any case)."""


def implicit_tag(plain: str) -> str:
    """The tag the loader gives a plain (unquoted) scalar: ``tag:yaml.org,2002:str``, ``...:int``..."""
    first = plain[:1]
    if first and (
        first not in MAY_BE_TYPED or (first.isalpha() and plain.lower() not in _TYPED_WORDS)
    ):
        return STRING_TAG
    return _resolved_tag(plain)


@lru_cache(maxsize=4096)
def _resolved_tag(plain: str) -> str:
    """Kept per text: a site's pages repeat their values (``ms.date: 11/04/2016``, ``draft: false``)."""
    from ruamel.yaml.nodes import ScalarNode

    return str(loaders()[0].resolver.resolve(ScalarNode, plain, (True, False)))


@dataclass(frozen=True, slots=True)
class YamlProblem:
    """Why a body does not load, with the parser's position in the body (0-based)."""

    message: str
    line: int
    column: int


@dataclass(frozen=True, slots=True)
class Loaded:
    ok: bool
    data: Any = None
    problem: YamlProblem | None = None


@lru_cache(maxsize=512)
def load(body: str) -> Loaded:
    """Load a body (``\\n`` line breaks); never raises."""
    pure, fast = loaders()
    try:
        return Loaded(True, fast.load(body))
    except Exception:  # noqa: BLE001 - any failure: the pure parser decides and explains
        return _load_pure(pure, body)


def _load_pure(pure: YAML, body: str) -> Loaded:
    try:
        return Loaded(True, pure.load(body))
    except _yaml_error() as error:
        return Loaded(False, problem=_problem(error))
    except (ValueError, TypeError, RecursionError) as error:  # a constructor choked on a scalar
        return Loaded(False, problem=YamlProblem(str(error), 0, 0))


def _problem(error: YAMLError) -> YamlProblem:
    problem = getattr(error, "problem", None)
    context = getattr(error, "context", None)
    context_mark = getattr(error, "context_mark", None)
    mark = getattr(error, "problem_mark", None) or context_mark
    if problem and "end of stream" in problem and context_mark is not None:
        mark = context_mark  # where the unclosed thing opened says more than the end does
    message = problem or str(error).splitlines()[0]
    if context and problem:
        message = f"{message} ({context})"
    if mark is None:
        return YamlProblem(message, 0, 0)
    return YamlProblem(message, mark.line, mark.column)


# A top-level entry starts at column 0 with anything but a comment or a list item.
_ENTRY_START = re.compile(r"[^\s#-]|-(?!\s|$)")
_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s:#'"\[\]{},&*!|>%@`][^:]*?)[ \t]*:(?:[ \t]|$)""")


@dataclass(frozen=True, slots=True)
class Entry:
    """A top-level ``key: value`` of a body: its first line and the line after its last one."""

    key: str | None
    """The key as written (quotes removed); None when the first line is no ``key:``."""
    start: int
    end: int


def entries(lines: tuple[str, ...]) -> list[Entry]:
    """Split body lines into top-level entries; comments and blanks before the first are left out."""
    starts = [i for i, line in enumerate(lines) if _ENTRY_START.match(line)]
    found: list[Entry] = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        found.append(Entry(_key(lines[start]), start, end))
    return found


def _key(line: str) -> str | None:
    m = _KEY.match(line)
    if m is None:
        return None
    key = m.group("key")
    return key[1:-1] if key[:1] in "\"'" and len(key) > 1 else key


def segment(lines: tuple[str, ...], entry: Entry) -> str:
    """An entry's lines as a body of its own."""
    return "".join(line + "\n" for line in lines[entry.start : entry.end])


def compose(body: str) -> Any:
    """The body's node tree (keys with their positions); raises YAMLError when it does not parse."""
    return loaders()[0].compose(body)

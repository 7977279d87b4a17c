"""``fastpath.lazy``: a pattern compiled on first use answers as ``re.compile`` of the same
arguments would, whatever is asked of it first."""

from __future__ import annotations

import copy
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from mdclean.fastpath.lazy import LazyPattern, eager_patterns, lazy_compile

SOURCES = [
    (r"\W*(?:share|teilen|分享)\W*", re.IGNORECASE),
    (r"(?i)read more", 0),  # an inline flag: ``flags`` is the compiled pattern's
    (r"(a)(?P<name>b)?", 0),
    (r"^x$", re.MULTILINE),
    ("", 0),
]


@pytest.mark.parametrize(("source", "flags"), SOURCES)
def test_answers_as_compiled(source: str, flags: int) -> None:
    compiled = re.compile(source, flags)
    text = "Share\nread more ab x\n分享 teilen"
    for first in ("flags", "search", "groups", "groupindex", "pattern", "finditer"):
        lazy = lazy_compile(source, flags)
        assert isinstance(lazy, LazyPattern)
        assert getattr(lazy, first) is not None
        assert lazy.pattern == compiled.pattern
        assert lazy.flags == compiled.flags
        assert lazy.groups == compiled.groups
        assert lazy.groupindex == compiled.groupindex
        assert _spans(lazy.search(text)) == _spans(compiled.search(text))
        assert _spans(lazy.match(text)) == _spans(compiled.match(text))
        assert _spans(lazy.fullmatch(text)) == _spans(compiled.fullmatch(text))
        assert [m.span() for m in lazy.finditer(text)] == [
            m.span() for m in compiled.finditer(text)
        ]
        assert lazy.findall(text) == compiled.findall(text)
        assert lazy.sub("-", text) == compiled.sub("-", text)
        assert lazy.split(text) == compiled.split(text)
        assert lazy == compiled and compiled == lazy and hash(lazy) == hash(compiled)


def _spans(found: re.Match[str] | None) -> tuple[int, int] | None:
    return None if found is None else found.span()


def test_not_compiled_until_used() -> None:
    lazy = lazy_compile(r"x(")  # not a pattern: nothing is compiled yet
    assert lazy.pattern == "x("
    with pytest.raises(re.error):
        lazy.search("x")


def test_kept_methods_are_the_compiled_patterns() -> None:
    lazy = lazy_compile("ab", re.I)
    lazy.search("AB")
    compiled = lazy.compiled  # type: ignore[attr-defined]
    assert lazy.search == compiled.search  # a bound method of the compiled pattern itself
    assert "search" in vars(lazy)


def test_copies_and_pickles() -> None:
    lazy = lazy_compile("ab", re.I)
    assert copy.copy(lazy) is lazy and copy.deepcopy(lazy) is lazy
    again = pickle.loads(pickle.dumps(lazy))
    assert again == re.compile("ab", re.I)
    lazy.search("x")
    assert pickle.loads(pickle.dumps(lazy)).search("xAb").span() == (1, 3)  # type: ignore[union-attr]


@settings(max_examples=200, deadline=None)
@given(
    source=st.sampled_from([r"[\W_]*(?:a|bc|é)[\W_]*", r"\bab?c", r"(?i)ı|i", r"a{2,}|b+"]),
    flags=st.sampled_from([0, re.IGNORECASE, re.IGNORECASE | re.MULTILINE]),
    text=st.text(alphabet="abcé ı_İ-\n", max_size=20),
)
def test_random_texts(source: str, flags: int, text: str) -> None:
    lazy, compiled = lazy_compile(source, flags), re.compile(source, flags)
    assert _spans(lazy.fullmatch(text)) == _spans(compiled.fullmatch(text))
    assert [m.span() for m in lazy.finditer(text)] == [m.span() for m in compiled.finditer(text)]


def test_eager_patterns_compile_at_once() -> None:
    with eager_patterns():
        compiled = lazy_compile("ab", re.I)
    assert type(compiled) is re.Pattern
    with eager_patterns(), pytest.raises(re.error):
        lazy_compile("x(")


def test_every_builtin_rules_phrase_buckets_compile() -> None:
    """``PhraseBuckets`` compiles a group when a line of it is first asked about (most never
    are): every group of the built-in rules' ``families`` compiles."""
    from mdclean.catalogue import builtin_rules
    from mdclean.matchers.phrase_buckets import PhraseBuckets
    from mdclean.matchers.phrase_lists import phrases_of

    families = [
        r for r in builtin_rules() if "families" in r.params or "families_inline" in r.params
    ]
    assert families
    for rule in families:
        with eager_patterns():
            buckets = PhraseBuckets(phrases_of(rule.params, "families", "families_inline"))
        assert buckets.fullmatch("-") in (True, False)

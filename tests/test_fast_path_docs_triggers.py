"""Triggers tightened in session 13 so that docs pages need no parse: what each rules out on a
docs page, and what it must still let through (the rule's findings with the fast path on and
off are equal, and as written here)."""

from __future__ import annotations

import pytest
from fast_path_checks import builtin_rule, found_both_ways

from mdclean.fastpath.tail import last_long_paragraph_start

_PROSE = (
    "This paragraph of the article runs on for well over forty words so that the tail of "
    "the page starts right after it, as a reader would count them: one two three four five "
    "six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen."
)
_CODE = 'def greet(name):\n    return f"Hello, {name}!"\nprint(greet("world"))\n'
_FENCE = f"```python\n{_CODE}```\n"
_FLAT = 'def greet(name): return f"Hello, {name}!" print(greet("world"))'


def _asks(code: str, text: str) -> bool:
    return builtin_rule(code).matcher.may_match(text.lower())


# BP175 (code-copy): a fence's code must stand twice in the text.


def test_bp175_a_docs_page_with_code_and_no_copy_does_not_trigger() -> None:
    text = f"Install it:\n\n{_FENCE}\nThen greet someone else:\n\n```sh\nmake greet\n```\n"
    assert not _asks("BP175", text)
    assert found_both_ways("BP175", text) == []


@pytest.mark.parametrize(
    "text",
    [
        f"Greet:\n\n{_FLAT}\n\n{_FENCE}",  # the copy before
        f"Greet:\n\n{_FENCE}\n{_FLAT}\n",  # the copy after
        f"Greet:\n\n{_FENCE}\n{_FLAT.upper()}\n",  # the case differs
        f"Greet:\n\n{_FENCE}\n{_FLAT.replace('{', '&#123;')}\n",  # entities: maybe
        f"Greet:\n\n{_FENCE}\n{_FLAT.replace('def', 'DEF İ')}\n",  # a dotted capital I
    ],
)
def test_bp175_a_copy_beside_the_fence_still_triggers(text: str) -> None:
    assert _asks("BP175", text)
    found_both_ways("BP175", text)  # (the same both ways, found or not)


def test_bp175_a_fence_the_raw_text_cannot_place_triggers() -> None:
    text = f"A paragraph right before the fence:\n{_FENCE}\n{_FLAT}\n"
    assert _asks("BP175", text)
    found_both_ways("BP175", text)


# BP181 (minified-code): a semicolon and a script's mark or a declaration, outside fences.


def test_bp181_semicolons_in_prose_and_code_in_fences_do_not_trigger() -> None:
    text = (
        "Run it twice; the second run is faster.\n\n"
        "```js\nconst a = () => document.body; window.x = 1;\n```\n\n"
        "```css\nbody { color: red; margin: 0; }\n```\n"
    )
    assert not _asks("BP181", text)
    assert found_both_ways("BP181", text) == []


def test_bp181_minified_code_still_triggers() -> None:
    code = "!function(){var e=document.documentElement;" * 6 + "e.className='dark';}();"
    assert _asks("BP181", f"Text.\n\n{code}\n")
    assert found_both_ways("BP181", f"Text.\n\n{code}\n") == [code]


# BP153 (engine-chrome): a proof must open a line, not only one of the engine's phrases.


def test_bp153_the_engines_ordinary_words_alone_do_not_trigger() -> None:
    text = "# Options\n\nhide\n\npast\n\nfavorite\n\nSet `past` to hide old entries.\n"
    assert builtin_rule("BP153").matcher.keyword_trigger().holds(text.lower())
    assert not _asks("BP153", text)
    assert found_both_ways("BP153", text) == []


def test_bp153_a_thread_with_its_story_line_still_triggers() -> None:
    story = "120 points by alice 3 hours ago | hide | past | favorite | 48 comments"
    text = f"# A story\n\n{story}\n\nThe post itself.\n"
    assert _asks("BP153", text)
    found_both_ways("BP153", text)


# BP160 (closing-ask): the ask must stand from the last long paragraph on.

_ASK = "If you enjoyed this post, please share it with your friends."
# Long, and without a word of any ask ("se", "you", "would"...: the trigger's words).
_PLAIN = (
    "The tool reads each line of the input file and builds a tree of nodes, one node for "
    "every block it finds: paragraphs, headings, lists, quotes, tables and code. Then the "
    "renderer walks that tree from the top down and writes the output page to the disk in one go."
)


def test_bp160_an_ask_above_the_last_long_paragraph_does_not_trigger() -> None:
    text = f"{_PLAIN} {_ASK}\n\n{_PLAIN}\n"
    assert builtin_rule("BP160").matcher.keyword_trigger().holds(text.lower())
    assert not _asks("BP160", text)
    assert found_both_ways("BP160", text) == []


def test_bp160_an_ask_ending_the_last_long_paragraph_still_triggers() -> None:
    text = f"{_PLAIN}\n\n{_PLAIN} {_ASK}\n"
    assert _asks("BP160", text)
    assert found_both_ways("BP160", text) == [f" {_ASK}"]


def test_bp160_an_ask_above_a_fence_does_not_trigger() -> None:
    text = f"A short intro. {_ASK}\n\n{_FENCE.replace('greet', 'hello')}"
    assert not _asks("BP160", text)
    assert found_both_ways("BP160", text) == []


def test_the_last_long_paragraph_starts_where_its_chunk_does() -> None:
    text = f"Intro.\n\n{_PROSE}\n\nShort end.\n"
    assert last_long_paragraph_start(text, 29) == text.index(_PROSE)
    assert last_long_paragraph_start("Intro.\n\nShort end.\n", 29) == 0


# BP022 (widget-element): a class or id attribute (or a Pandoc fence) and a widget's name.


def test_bp022_a_widget_name_in_prose_does_not_trigger() -> None:
    text = "Install the sharedaddy plugin, then jp-relatedposts.\n"
    assert not _asks("BP022", text)


@pytest.mark.parametrize(
    "widget",
    [
        '<div class="sharedaddy">\n<a href="https://x.org/share">Share</a>\n</div>',
        '<DIV ID = "sharedaddy">\n<a href="https://x.org/share">Share</a>\n</DIV>',
        "::: {.sharedaddy}\n[Share](https://x.org/share)\n:::",
    ],
)
def test_bp022_a_widget_still_triggers(widget: str) -> None:
    text = f"{_PROSE}\n\n{widget}\n"
    assert _asks("BP022", text)
    found_both_ways("BP022", text)

"""The parsers run without markdown-it's ``normalize`` rule and normalize only what needs it:
the tokens stay markdown-it's own."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

from mdclean import parsing
from mdclean.parsing.normalize import normalized

_STOCK = (
    MarkdownIt("commonmark", {"maxNesting": parsing.MAX_NESTING})
    .enable(["table", "strikethrough"])
    .use(front_matter_plugin)
)
_TEXTS = st.text(alphabet="ab \t\r\n\0>-*_`[]()<|#:", max_size=80)


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_block_tokens_are_markdown_its_whatever_the_line_endings(text: str) -> None:
    stock_env: dict[str, object] = {}
    env: dict[str, object] = {}
    stock = _STOCK.parse(text, stock_env)  # (its inline tokens also have children)
    ours = parsing.parse_blocks(text, env)
    assert [(t.type, t.map, t.content, t.info, t.markup) for t in ours] == [
        (t.type, t.map, t.content, t.info, t.markup) for t in stock
    ]
    assert env == stock_env


@settings(max_examples=500, deadline=None)
@given(_TEXTS)
def test_inline_tokens_are_markdown_its_whatever_the_line_endings(text: str) -> None:
    assert parsing.parse_inline(text, {}) == _STOCK.parseInline(text, {})[0].children


def test_what_normalizing_changes() -> None:
    text = "a\nb"
    assert normalized(text) is text  # nothing to do: no copy
    assert normalized("a\r\nb\rc\0") == "a\nb\nc\ufffd"

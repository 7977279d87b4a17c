"""The block parser asks each block rule only where the line's first character lets it match
(`mdclean.parsing.dispatch`): the tokens must be markdown-it's own, byte for byte."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.token import Token

from mdclean import parsing
from mdclean.catalogue import builtin_rules
from mdclean.parsing.blocks import new_block_parser
from mdclean.parsing.dispatch import RuleChain, dispatch_block_rules

STOCK = new_block_parser(dispatch=False)
DISPATCHED = dispatch_block_rules(new_block_parser(dispatch=False))


def _tokens(parser: Any, text: str) -> tuple[list[tuple[object, ...]], dict[str, Any]]:
    env: dict[str, Any] = {}
    tokens: list[Token] = parser.parse(text, env)
    return [
        (t.type, t.tag, t.map, t.content, t.info, t.markup, t.level, t.nesting, t.attrs, t.meta)
        for t in tokens
    ], env


def _same_parse(text: str) -> None:
    assert _tokens(DISPATCHED, text) == _tokens(STOCK, text)


# Each line opens one of the block rules' shapes, or looks like one and is not, at every indent
# that matters (none, a list item's, a code block's, a tab).
CASES = {
    "table after a paragraph": "Intro\n| a | b |\n|---|:-:|\n| 1 | 2 |\n> q\n",
    "table whose second line is a list": "a | b\n- | -\n- x\n",
    "table with a dash and space": "a | b\n- x\n",
    "one-line table": "| a | b |",
    "aligned table without pipes at the edges": "a | b\n:-- | --:\n1 | 2\n",
    "fence in a list in a quote": "> - item\n>   ```py\n>   code\n>   ```\n> text\n",
    "tilde fence interrupting a paragraph": "text\n~~~\nx\n~~~\n",
    "indented code after a list": "- a\n\n      code in item\n\n    code\n",
    "lazy continuation that looks like code": "para\n    not code\n# h\n",
    "setext headings": "Title\n=====\n\nSub\n---\ntext\n  - no\n",
    "hr, list or setext": "a\n* * *\nb\n- - -\n\n***\n___\n",
    "ordered lists interrupting": "text\n2. no\n1. yes\n10) ten\n",
    "empty bullet after a paragraph": "text\n-\n- \n+ x\n",
    "reference definitions": "[a]: /u 'title'\n[b]:\n  /v\n[c]\ntext [a] [b]\n",
    "html blocks": "<div>\nx\n</div>\n<!-- c -->\ntext\n<span>\n",
    "headings at each level": "# a\n###### f\n####### no\n#no\n  # two spaces\n",
    "front matter": "---\ntitle: x\n---\nText\n---\n",
    "front matter look-alikes": "> ---\n> a: b\n> ---\n\n---\nb: c\n---\n",
    "front matter after a blank line": "\n---\na: b\n---\n",
    "tabs": "\t- tab item\n\t\tcode?\n>\tquote\n\t# h\n",
    "deep nesting": "> > - a\n> >   > b\n> >   - c\n> >\n> >       code\n",
    "unicode first characters": "\u00a0- nbsp\n\u3000# wide\n\u2013 dash\n",
    "blank and whitespace lines": "\n   \n\t\n  a\n \n",
    "crlf": "# T\r\n\r\n| a |\r\n| - |\r\n- x\r\n",
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_dispatched_rules_give_markdown_its_own_tokens(text: str) -> None:
    _same_parse(text)


def test_every_rule_example_parses_the_same() -> None:
    texts = [example.text for rule in builtin_rules() for example in rule.examples]
    assert len(texts) > 400
    for text in texts:
        _same_parse(text)


_PIECES = [
    "",
    " ",
    "text",
    "a | b",
    "| a | b |",
    "|---|---|",
    "- | -",
    ":-",
    ":--|--:",
    "- a",
    "* b",
    "+ c",
    "-",
    "1. one",
    "2) two",
    "12345678901. long",
    "> q",
    ">",
    "    code",
    "\tcode",
    "  - nested",
    "```",
    "~~~",
    "```py",
    "---",
    "***",
    "___",
    "===",
    "# h",
    "#",
    "<div>",
    "</div>",
    "<!--",
    "-->",
    "[r]: /u",
    "[r]:",
    "[x]",
]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=14), st.sampled_from(["", "  ", "> ", "   "]))
def test_random_block_shapes_parse_the_same(lines: list[str], prefix: str) -> None:
    _same_parse("\n".join(prefix + line if i % 2 else line for i, line in enumerate(lines)))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab |-:*+1.)>#`~<[]=_ \t\n", max_size=80))
def test_random_characters_parse_the_same(text: str) -> None:
    _same_parse(text)


def test_the_parser_mdclean_uses_dispatches() -> None:
    # The chains stand in front of markdown-it's rules, which all stay active ("code" must:
    # the parser reads whether it is on to tell indented code).
    rules = parsing.blocks.new_block_parser().block.ruler.get_active_rules()
    assert rules[0] == "mdclean_rules"
    assert {"code", "fence", "table", "paragraph"} <= set(rules)
    assert isinstance(DISPATCHED.block.ruler.getRules("paragraph")[0], RuleChain)
    assert len(DISPATCHED.block.ruler.getRules("paragraph")) == 1

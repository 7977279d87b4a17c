"""The document's shortcuts (gated block rules, lazy positions, shared per-document data)
give exactly what the plain computation gives."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink

from mdclean.document import (
    _BLOCK_PARSER,
    _INLINE_PARSER,
    _NORMAL_URL,
    Document,
    _gate_block_rules,
    _new_block_parser,
)
from mdclean.markup import scan_elements

# Pieces that start, end or interrupt blocks, so generated lines exercise every block rule.
PIECES = st.sampled_from(
    [
        "text",
        "a | b",
        "|",
        "---",
        "|---|---|",
        ":-:",
        "- ",
        "* ",
        "+ ",
        "1. ",
        "2) ",
        "> ",
        ">",
        "#",
        "## h",
        "```",
        "~~~",
        "```py",
        "<div>",
        "</div>",
        "<!-- c -->",
        "<script>",
        "[a]: /u",
        "[a]",
        "***",
        "___",
        "    ",
        "\t",
        " ",
        "=",
        "\\|",
        "\x00",
        "é",
    ]
)
LINE = st.lists(PIECES, max_size=5).map("".join)
LINE_BREAKS = st.sampled_from(["\n", "\n", "\n", "\r\n", "\r"])
TEXT = st.lists(st.tuples(LINE, LINE_BREAKS), max_size=12).map(
    lambda ls: "".join(a + b for a, b in ls)
)

_PLAIN_PARSER = _new_block_parser()


def _token_fields(text: str, parser) -> list[tuple]:
    return [
        (
            t.type,
            t.tag,
            t.nesting,
            t.map,
            t.content,
            t.markup,
            t.info,
            t.attrs,
            t.level,
            t.hidden,
            t.children,
            t.block,
            t.meta,
        )
        for t in parser.parse(text, {})
    ]


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_gated_block_rules_parse_as_the_plain_rules(text: str) -> None:
    assert _token_fields(text, _BLOCK_PARSER) == _token_fields(text, _PLAIN_PARSER)
    assert _BLOCK_PARSER.parse(text, {}) == _PLAIN_PARSER.parse(
        text, {}
    )  # every field of every token


def test_gated_block_rules_parse_every_kind_of_block_as_the_plain_rules() -> None:
    text = (
        "---\ntitle: x\n---\n# Head\n\npara\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quote\n> - item\n"
        "> continued\n\n1. one\n2. two\n\n```py\ncode\n```\n\n    indented\n\n<div>\nhtml\n</div>\n\n"
        "[ref]: /url 'title'\n\n***\nSetext\n===\ntext\n~~~\nfence\n~~~\n"
    )
    tokens = _token_fields(text, _BLOCK_PARSER)
    assert tokens == _token_fields(text, _PLAIN_PARSER)
    assert _BLOCK_PARSER.parse(text, {}) == _PLAIN_PARSER.parse(text, {})
    assert {
        "front_matter",
        "heading_open",
        "table_open",
        "blockquote_open",
        "ordered_list_open",
        "fence",
        "code_block",
        "html_block",
        "hr",
        "bullet_list_open",
    } <= {t[0] for t in tokens}


def test_a_gated_parser_changed_afterwards_parses_as_the_plain_one() -> None:
    # Changing the rules drops the dispatchers: the ruler compiles the gated rules again.
    gated = _new_block_parser()
    _gate_block_rules(gated)
    gated.disable("table")
    plain = _new_block_parser().disable("table")
    text = "a | b\n| - | - |\n\n> quote\n- item\n\n---\n# h\n"
    assert gated.parse(text, {}) == plain.parse(text, {})
    assert [t.type for t in gated.parse(text, {})][:3] == [
        "paragraph_open",
        "inline",
        "paragraph_close",
    ]


def _reference_line_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return starts


@given(st.text(alphabet="ab\r\n", max_size=40))
def test_line_positions_agree_however_they_are_worked_out(text: str) -> None:
    counted_first = Document(text)
    assert counted_first.line_count == len(_reference_line_starts(text))
    assert counted_first.line_starts == _reference_line_starts(text)
    listed_first = Document(text)
    assert listed_first.line_starts == _reference_line_starts(text)
    assert listed_first.line_count == len(_reference_line_starts(text))


def test_line_starts_wait_until_a_position_is_needed() -> None:
    doc = Document("# Title\n\n- a\n- b\n")
    assert doc.root.children and doc._lines._starts is None
    assert doc.position(9) == (3, 1)
    assert doc.line_starts == [0, 8, 9, 13]


def test_leaves_and_nodes_are_those_of_the_tree() -> None:
    doc = Document("# T\n\n- a\n\n  > q\n- b\n\n<div>x</div>\n\n```\nc\n```\n")

    def walk(node):
        for child in node.children:
            yield child
            yield from walk(child)

    every = list(walk(doc.root))
    assert list(doc.nodes()) == every
    assert list(doc.leaves()) == [n for n in every if not n.children and not n.is_container]
    assert [n.kind for n in doc.leaves("paragraph", "fence")] == [
        "paragraph",
        "paragraph",
        "paragraph",
        "fence",
    ]
    assert list(doc.leaves("paragraph", "fence")) == list(
        doc.leaves("paragraph", "fence")
    )  # asked twice


def test_block_content_maps_to_the_source_when_asked() -> None:
    doc = Document("> - first line\n>   second line\n")
    node = next(doc.leaves("paragraph"))
    content = doc.content(node)
    assert content is not None and content.text == "first line\nsecond line"
    assert (content.line_starts, content.source_starts, content.exact) == ((0, 11), (4, 19), True)
    assert doc.text[content.to_source(11) : content.to_source(17)] == "second"


def test_scanned_elements_are_a_fresh_list_each_time() -> None:
    text = '<div class="ad"><ins></ins></div>'
    first = scan_elements(text)
    first.clear()
    assert [e.name for e in scan_elements(text)] == ["div", "ins"]


@settings(max_examples=2000, deadline=None)
@given(
    st.one_of(
        st.from_regex(_NORMAL_URL, fullmatch=True),
        st.text(max_size=30),
        st.text(alphabet="hts:/.%@[]a-#?", max_size=30),
    )
)
def test_urls_left_alone_are_those_normalization_keeps(url: str) -> None:
    assert _INLINE_PARSER.normalizeLink(url) == normalizeLink(url)
    assert _BLOCK_PARSER.normalizeLink(url) == normalizeLink(url)


def test_urls_normalization_changes_are_still_normalized() -> None:
    for url in (
        "https://bücher.example/ä",
        "http://example.com/a b",
        "HTTP://x.org",
        "//host/x",
        "https://" + "a" * 64 + ".com/",
        "https://" + ".".join(["a" * 60] * 5) + "/",
        "50%off",
        "mailto:a@b.c",
        "https://[::1]/",
    ):
        assert _INLINE_PARSER.normalizeLink(url) == normalizeLink(url)

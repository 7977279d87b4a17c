"""The rules' shortcuts on parsed documents (skeletons read without the inline parse, the
leaves every html-element rule reads once) give exactly what the plain computation gives."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mdclean.config import DEFAULT
from mdclean.document import Document
from mdclean.matchers.html_element import tagged_leaves
from mdclean.matchers.linkblocks import (
    IMAGE,
    LINK,
    Link,
    Skeleton,
    may_hold_links,
    parsed_skeleton,
    plain_skeleton,
    skeleton,
)

# Pieces of inline content: plain words and links, and everything that makes content not plain
# (emphasis, escapes, code, entities, images, HTML, autolinks, stray brackets, odd targets).
PLAIN_PIECES = st.sampled_from(
    [
        "word",
        "Also read:",
        " ",
        "  ",
        "\t",
        "\n",
        "  \n",
        " \n  ",
        "\n\t",
        " \t\n",
        " | ",
        "·",
        "(x)",
        "!",
        "?",
        "é",
        "\u00a0",
        "[a](/u)",
        "[Two words](https://example.com/p?q=1#f)",
        "[](x)",
        "[a\nb](c)",
        "[ a ](d)",
        "[a](http://b.c/d_e~f)",
        "[a](b)(c)",
        "[a](//host/p)",
        "[a!](?q)",
        "[a](http://" + "h" * 64 + ".com)",
        "![i](/p.png)",
        "![](https://t.example/p?id=1&page=x)",
        "!![b](c)",
        "[a](?x=1&y=2)",
    ]
)
OTHER_PIECES = st.sampled_from(
    [
        "[x]()",
        "[a](javascript:x)",
        "[a](http://ex ample)",
        "[a](u\\)",
        "[a](%20)",
        "[a](u&amp;v)",
        "[a](<u>)",
        "[a](u 'title')",
        "[a] (b)",
        "[a][b]",
        "[a]",
        "]",
        "[",
        "![i](/p&amp;q)",
        "[a](/p&amp;q)",
        "**b**",
        "_e_",
        "`c`",
        "~~s~~",
        "\\*",
        "&amp;",
        "<b>",
        "<http://a.b>",
        "a*b",
        "x_y",
        "[a](HTTPS://x.y)",
        "[a](mailto:x@y.z)",
    ]
)
# A bold lead, and what may stand at its edges (spaces, punctuation, letters, symbols).
LEADS = st.tuples(
    st.sampled_from(["**", "**", "**", "", "*", "***"]),
    st.sampled_from(["", " ", ".", "é", "a", "€", "\u00a0"]),
    st.sampled_from(["Also read:", "Subscribe", "a", "", "x*y", "a\nb"]),
    st.sampled_from(["", " ", ":", ".", "é", "\u3000", "€"]),
    st.sampled_from(["", "**", "*", "__"]),
    st.sampled_from(["", " ", "x", ".", "!", "[", "\n", "é", "€", "\u00a0"]),
).map("".join)
INLINE = st.one_of(
    st.lists(PLAIN_PIECES, max_size=10).map("".join),
    st.lists(st.one_of(PLAIN_PIECES, OTHER_PIECES), max_size=10).map("".join),
    st.tuples(LEADS, st.lists(PLAIN_PIECES, max_size=6).map("".join)).map("".join),
)


def _paragraph_skeletons(text: str) -> list[tuple[str, Skeleton | None, Skeleton]]:
    doc = Document(text)
    return [
        (node.token.content, plain_skeleton(node.token.content), parsed_skeleton(doc, node))
        for node in doc.leaves("paragraph", "heading")
        if node.token is not None
    ]


@settings(max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(INLINE)
def test_plain_skeletons_are_the_parsed_skeletons(content: str) -> None:
    for _, plain, parsed in _paragraph_skeletons(
        f"para\n\n{content}\n\n# {content.replace(chr(10), ' ')}\n"
    ):
        if plain is not None:
            assert plain == parsed


def test_plain_content_is_read_without_the_inline_parse() -> None:
    [(_, plain, parsed)] = _paragraph_skeletons(
        "Also read:  \n  [One](https://a.example/x) | [Two\nwords](/b)!![icon](/i.png?a=1&b=2)\n"
    )
    assert (
        plain
        == parsed
        == Skeleton(
            f"Also read: {LINK} | {LINK}!{IMAGE}",
            [Link("One", "https://a.example/x"), Link("Two words", "/b")],
            images=1,
        )
    )


def test_a_bold_lead_is_read_without_the_inline_parse() -> None:
    [(_, plain, parsed)] = _paragraph_skeletons("**Also read:** [One](/a) | [Two](/b)\n")
    assert (
        plain
        == parsed
        == Skeleton(f"Also read: {LINK} | {LINK}", [Link("One", "/a"), Link("Two", "/b")])
    )


def test_content_with_markup_is_left_to_the_parse() -> None:
    for content in (
        "**Also read:**x [a](/b)",
        "** Also**",
        "**a** **b**",
        "![icon](/i&#46;png)",
        "[a](b&amp;c)",
        "[a](%41)",
        "[a](mailto:x@y.z)",
        "a\\_b",
        "[a]",
        "[a](b) [c]",
    ):
        assert plain_skeleton(content) is None, content


def test_a_document_skeleton_is_the_same_either_way() -> None:
    doc = Document("Read more: [a](/x) and [b](/y)\n\n**Bold:** [c](/z)\n")
    first, second = doc.leaves("paragraph")
    assert skeleton(doc, first) == parsed_skeleton(doc, first)
    assert skeleton(doc, second) == parsed_skeleton(doc, second)


def test_tagged_leaves_are_read_once_per_document() -> None:
    doc = Document('<div class="ad">x</div>\n\nplain\n\n`<b>` code <i>y</i>\n', config=DEFAULT)
    leaves = tagged_leaves(doc)
    assert tagged_leaves(doc) is leaves
    assert [leaf.node.kind for leaf in leaves] == ["html_block", "paragraph"]
    html, paragraph = leaves
    assert html.lowered == '<div class="ad">x</div>'
    assert [(element.name, probe) for element, probe in html.probes] == [
        ("div", '<div class="ad">')
    ]
    assert paragraph.masked == "      code <i>y</i>"
    assert [(element.name, probe) for element, probe in paragraph.probes] == [("i", "<i>")]


AUTOLINK_PIECES = st.sampled_from(
    [
        "<http://a.b>",
        "<a@b.c>",
        "<mailto:x@y.z>",
        '<span class="x">',
        "</span>",
        '<ins\n data-x="1">',
        '<a href="/u">',
        "</a>",
        "<x:y>",
        "<a b@c>",
        "<<a@b>",
        "@",
        ":",
        "<",
        ">",
        "text",
        " ",
        "\n",
        "[a](/u)",
        "[a]",
        "[a]: /u",
        "\\<b@c>",
    ]
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(AUTOLINK_PIECES, max_size=8).map("".join))
def test_content_said_to_hold_no_link_parses_to_no_link(content: str) -> None:
    for text, _, parsed in _paragraph_skeletons(f"[a]: /u\n\npara\n\n{content}\n"):
        if not may_hold_links(text):
            assert parsed.links == []


def test_html_without_links_is_ruled_out_before_the_parse() -> None:
    assert not may_hold_links('<span class="label">Also read:</span>')
    assert may_hold_links("<https://example.com>") and may_hold_links("<me@example.com>")
    assert may_hold_links("[label]")

"""The parse every rule stands on: markdown-it through its public API, and what it keeps of links."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.common.normalize_url import normalizeLink

from mdclean import parsing
from mdclean.document import Document
from mdclean.errors import NestingTooDeep
from mdclean.parsing.links import _NORMAL_URL, normalization_keeps
from mdclean.parsing.parser import NormalLinksKept


def test_every_kind_of_block_is_parsed_with_its_lines() -> None:
    text = (
        "---\ntitle: x\n---\n# Head\n\npara\n| a | b |\n| - | - |\n| 1 | 2 |\n\n> quote\n\n"
        "1. one\n\n```py\ncode\n```\n\n    indented\n\n<div>\nhtml\n</div>\n\n"
        "[ref]: /url 'title'\n\n***\nSetext\n===\n"
    )
    env: dict[str, object] = {}
    blocks = [
        (t.type, t.map)
        for t in parsing.parse_blocks(text, env)
        if t.nesting == 1 or (t.block and t.nesting == 0 and t.type != "inline")
    ]
    assert blocks == [
        ("front_matter", [0, 3]),
        ("heading_open", [3, 4]),
        ("paragraph_open", [5, 6]),
        ("table_open", [6, 9]),
        ("thead_open", [6, 7]),
        ("tr_open", [6, 7]),
        ("th_open", None),
        ("th_open", None),
        ("tbody_open", [8, 9]),
        ("tr_open", [8, 9]),
        ("td_open", None),
        ("td_open", None),
        ("blockquote_open", [10, 11]),
        ("paragraph_open", [10, 11]),
        ("ordered_list_open", [12, 14]),
        ("list_item_open", [12, 14]),
        ("paragraph_open", [12, 13]),
        ("fence", [14, 17]),
        ("code_block", [18, 19]),
        ("html_block", [20, 23]),
        ("hr", [26, 27]),
        ("heading_open", [27, 29]),
    ]
    assert env == {"references": {"REF": {"title": "title", "href": "/url", "map": [24, 25]}}}


def test_inline_content_is_left_for_the_rules_to_parse() -> None:
    (_, inline, _) = parsing.parse_blocks("Some *text* and [a link](/x).\n", {})
    assert (inline.type, inline.content, inline.children) == (
        "inline",
        "Some *text* and [a link](/x).",
        [],
    )
    tokens = parsing.parse_inline(inline.content, {})
    assert [t.type for t in tokens] == [
        "text",
        "em_open",
        "text",
        "em_close",
        "text",
        "link_open",
        "text",
        "link_close",
        "text",
    ]
    assert tokens[5].attrs == {"href": "/x"}


def test_a_document_parses_inline_content_with_its_reference_definitions() -> None:
    doc = Document("See [the docs][d].\n\n[d]: https://example.com/docs\n")
    paragraph = next(doc.leaves("paragraph"))
    link = doc.inline_tokens(paragraph)[1]
    assert (link.type, link.attrs) == ("link_open", {"href": "https://example.com/docs"})
    assert list(doc.env["references"]) == ["D"]  # the parse on demand added nothing to it


@pytest.mark.parametrize("depth", [199, 200])
def test_blocks_nested_to_the_parsers_limit_are_an_error(depth: int) -> None:
    text = "> " * depth + "deep\n"
    if depth < parsing.MAX_NESTING:
        tokens = parsing.parse_blocks(text, {})
        assert [t.content for t in tokens if t.type == "inline"] == ["deep"]
    else:
        with pytest.raises(NestingTooDeep, match="nested more than 199 levels deep"):
            parsing.parse_blocks(text, {})


def test_the_parse_is_the_seam_a_document_is_parsed_through(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    def too_deep(text: str, env: dict[str, object]) -> list[object]:
        raise NestingTooDeep("too deep")

    monkeypatch.setattr(parsing, "parse_blocks", too_deep)
    with pytest.raises(NestingTooDeep):
        Document("# Title\n").nodes()


@settings(max_examples=1000, deadline=None)
@given(
    st.one_of(
        st.from_regex(_NORMAL_URL, fullmatch=True),
        st.text(max_size=30),
        st.text(alphabet="hts:/.%@[]a-#?", max_size=30),
    )
)
def test_what_normalization_keeps_it_gives_back_unchanged(url: str) -> None:
    if normalization_keeps(url):
        assert normalizeLink(url) == url
    assert NormalLinksKept().normalizeLink(url) == MarkdownIt().normalizeLink(url)


def test_the_parsers_read_links_as_markdown_it_does() -> None:
    text = (
        "[a](https://example.com/a?b=c) [b](<https://bücher.example/ä>) [c](50%off) [d][r]\n\n"
        "[r]: http://example.com/a%20b 'title'\n"
    )
    plain = MarkdownIt("commonmark", {"maxNesting": parsing.MAX_NESTING}).enable(
        ["table", "strikethrough"]
    )
    env: dict[str, object] = {}
    assert parsing.parse_blocks(text, env) == plain.disable("inline").parse(text, plain_env := {})
    assert env == plain_env
    (inline,) = [t for t in plain.enable("inline").parse(text, {}) if t.type == "inline"][:1]
    assert parsing.parse_inline(inline.content, dict(env)) == inline.children


@pytest.mark.parametrize(
    ("url", "normalized"),
    [
        ("https://bücher.example/ä", "https://xn--bcher-kva.example/%C3%A4"),
        ("http://example.com/a b", "http://example.com/a%20b"),
        ("50%off", "50%25off"),
        ("https://" + ".".join(["a" * 60] * 5) + "/", "https:///"),  # mdurl drops the host
        ("HTTP://x.org", "HTTP://x.org"),
        ("//host/x", "//host/x"),
        ("mailto:a@b.c", "mailto:a@b.c"),
    ],
)
def test_urls_normalization_may_change_are_not_taken_as_written(url: str, normalized: str) -> None:
    assert not normalization_keeps(url)
    assert normalizeLink(url) == normalized


def test_a_url_whose_normalization_changed_between_versions_is_not_taken_as_written() -> None:
    # markdown-it-py 3.0 writes the brackets of an IPv6 host as %5B and %5D, 4.x keeps them.
    assert not normalization_keeps("https://[::1]/")
    assert normalizeLink("https://[::1]/") in ("https://[::1]/", "https://%5B::1%5D/")


@pytest.mark.parametrize(
    "url", ["https://example.com/a?b=c#d", "../docs/intro.md", "https://x.org", "#top", ""]
)
def test_plain_urls_are_kept_as_written(url: str) -> None:
    assert normalization_keeps(url)
    assert normalizeLink(url) == url

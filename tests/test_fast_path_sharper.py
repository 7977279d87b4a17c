"""Triggers sharpened in session 9: what each rules out on docs pages, and what it must let
through (the rule's findings equal with the fast path on and off, and as written here)."""

from __future__ import annotations

import pytest
from fast_path_checks import FAST, builtin_rule, found_both_ways
from hypothesis import given, settings
from hypothesis import strategies as st

from mdclean.document import Document
from mdclean.fastpath import tail
from mdclean.prefilter import prefilter_for


def _asks(code: str, text: str) -> bool:
    return builtin_rule(code).matcher.may_match(text.lower())


# --- glued-chrome-lines (BP068, BP085): lines in a row that are chrome, as find reads them ---

_GLUED = "We all love the new release of the tool, it is great.\n"


def test_bp085_captions_that_open_lines_apart_do_not_trigger() -> None:
    docs = (
        "# Settings\n\nSubscribe to the events you need.\n\n"
        "Preview the page before you publish it.\n\nShare the link with your team.\n"
    )
    assert not _asks("BP085", docs)
    assert found_both_ways("BP085", docs) == []


@pytest.mark.parametrize(
    "chrome",
    [
        "Subscribe\nPreview\nDismiss\n",
        # Markup the label trigger reads apart still reaches the rule: a tag-like run, code
        # marks, a link split inside a caption.
        "<subscribe>\n<preview>\n<dismiss>\n",
        "`Subscribe`\n*Preview*\n[Dis](https://x.test/)miss\n",
    ],
)
def test_bp085_glued_chrome_lines_still_trigger(chrome: str) -> None:
    text = "# Post\n\n" + _GLUED + chrome
    assert _asks("BP085", text)
    assert found_both_ways("BP085", text) == [chrome.rstrip("\n")]


def test_bp068_two_share_captions_in_a_row_trigger_and_one_does_not() -> None:
    one = "# Post\n\n" + _GLUED + "Share to Twitter\n\nEmail This\n"
    assert not _asks("BP068", one)
    two = "# Post\n\n" + _GLUED + "Share to Twitter\nEmail This\n"
    assert _asks("BP068", two)
    assert found_both_ways("BP068", two) == ["Share to Twitter\nEmail This"]


# --- archive-widget (BP043): as many counts as its entries need, in the page's tail ---


def test_bp043_parentheses_that_hold_no_count_do_not_trigger() -> None:
    docs = (
        "# Options\n\n- `name` (`string`): the entry's name (required)\n"
        "- `weight` (`int`): where it sorts, see `sort()` (optional)\n- see (1) and (2) above\n"
    )
    assert not _asks("BP043", docs)
    assert found_both_ways("BP043", docs) == []


@pytest.mark.parametrize(
    "archive",
    [
        "- ► [2015](https://blog.example.com/2015/) (3)\n"
        "- ► [2014](https://blog.example.com/2014/) (7)\n"
        "- ► [2013](https://blog.example.com/2013/) (2)\n",
        # Counts spelt through markup the skeleton drops: code, emphasis, entities, a tag.
        "- ► [2015](https://blog.example.com/2015/) (`3`)\n"
        "- ► [2014](https://blog.example.com/2014/) &#40;**7**&#41;\n"
        "- ► [2013](https://blog.example.com/2013/) (<b>2</b>)\n",
        "- ► [2015](https://blog.example.com/2015/) (&#51;)\n"
        "- ► [2014](https://blog.example.com/2014/) &lpar;7&rpar;\n"
        "- ► [2013](https://blog.example.com/2013/) (2\\)\n",
    ],
)
def test_bp043_counts_however_spelt_still_trigger(archive: str) -> None:
    text = "# Post\n\nShort text.\n\n## Blog Archive\n\n" + archive
    assert _asks("BP043", text)
    assert found_both_ways("BP043", text) == ["## Blog Archive\n\n" + archive.rstrip("\n")]


# --- card-run (LK011): a title link per card, to an external page beyond a site's root ---

_PROSE = (
    "This paragraph of the article runs on for well over twenty words so that the cards "
    "below have prose before them, as the rule wants, and nothing more than that."
)


def test_lk011_links_to_sites_roots_and_relative_pages_do_not_trigger() -> None:
    docs = (
        f"# Install\n\n{_PROSE}\n\n[Download the latest version](https://example.com/)\n\n"
        "Version 3, 2024\n\n[Read the changelog for every release](../changelog.md)\n\n"
        "Version 2, 2023\n"
    )
    assert not _asks("LK011", docs)
    assert found_both_ways("LK011", docs) == []


def test_lk011_cards_to_one_page_key_still_trigger() -> None:
    cards = (
        "[How we moved our build to a new runner](https://blog.example.com/2024/runner)\n\n"
        "May 3, 2024 · 12 comments\n\n"
        "[What a year of on-call taught the team](https://blog.example.com/2024/runner/)\n\n"
        "April 9, 2024 · 7 comments\n"
    )
    text = f"# Post\n\n{_PROSE}\n\n{cards}"
    assert _asks("LK011", text)
    assert found_both_ways("LK011", text) == [cards.rstrip("\n")]


# --- what code blocks hold triggers no rule that reads paragraphs (BP043, BP065) ---

_CODE = "```c\n#include <stdio.h>\n#include <stdlib.h>\nint a = f(476), b = g(12), c = h(3);\n```\n"


@pytest.mark.parametrize("code", ["BP043", "BP065"])
def test_counts_and_hashtags_in_fenced_code_do_not_trigger(code: str) -> None:
    text = f"# Example\n\nShort text.\n\n{_CODE}"
    assert not _asks(code, text)
    assert found_both_ways(code, text) == []


def test_hashtags_after_fenced_code_still_trigger() -> None:
    text = f"# Post\n\n{_PROSE}\n\n{_CODE}\n{_PROSE}\n\n#mosquitoes #personal\n"
    assert _asks("BP065", text)
    assert found_both_ways("BP065", text) == ["#mosquitoes #personal"]


def test_a_fence_the_raw_text_cannot_place_leaves_its_code_read() -> None:
    listed = "# Post\n\n- A step:\n\n  ```\n  #include <stdio.h>\n  #define N 3\n  ```\n"
    assert _asks("BP065", listed)  # (inside a list item: the reading keeps the whole text)


# --- next-post-link (LK010): a word of direction beside a link that may lead to an article ---


def test_lk010_a_next_link_to_a_page_beside_this_one_does_not_trigger() -> None:
    docs = "# Install\n\nShort text.\n\n**Next:** [Testing your setup](testing.md)\n"
    assert not _asks("LK010", docs)
    assert found_both_ways("LK010", docs) == []


@pytest.mark.parametrize(
    "row",
    [
        "**Next:** [Testing your setup](/docs/testing/)",
        "Next: [Pointers in C explained](\nhttps://blog.example.com/2024/05/pointers.html)",
        "Next: <https://blog.example.com/2024/05/pointers.html>",
    ],
)
def test_lk010_a_next_link_to_an_article_page_still_triggers(row: str) -> None:
    text = f"# Post\n\n{_PROSE}\n\n{row}\n"
    assert _asks("LK010", text)
    assert found_both_ways("LK010", text) == [row]


def test_lk010_a_reference_link_still_triggers() -> None:
    row = "Next: [Pointers in C explained][p]"
    text = f"# Post\n\n{_PROSE}\n\n{row}\n\n[p]: https://blog.example.com/2024/05/pointers.html\n"
    assert _asks("LK010", text)
    assert found_both_ways("LK010", text) == [row]


# --- phrase rules read no fenced code: a label there opens no paragraph ---


def test_a_phrase_label_in_fenced_code_does_not_trigger() -> None:
    text = '# Example\n\nShort text.\n\n```c\nprintf("%d", n);\nSubscribe\n```\n'
    assert not _asks("BP060", text)
    assert found_both_ways("BP060", text) == []
    outside = text + "\nSubscribe\n"
    assert _asks("BP060", outside)


# --- signoff-box (BP050): a line of evidence in a run of sign-off lines ---

_BOX = (
    "作者：小明\n链接：https://www.zhihu.com/question/1/answer/2\n来源：知乎\n"
    "著作权归作者所有。商业转载请联系作者获得授权，非商业转载请注明出处。\n"
)


def test_bp050_follow_prompts_without_evidence_do_not_trigger() -> None:
    docs = "# Setup\n\nFollow the steps below.\n\nShare your feedback on GitHub.\n"
    assert not _asks("BP050", docs)
    assert found_both_ways("BP050", docs) == []


@pytest.mark.parametrize("box", [_BOX, _BOX.replace("著作权", "**著作权**")])
def test_bp050_a_signoff_box_still_triggers(box: str) -> None:
    text = "# 文章\n\n正文的最后一段。\n\n" + box
    assert _asks("BP050", text)
    assert found_both_ways("BP050", text) == [box.rstrip("\n")]


# --- trailing links (LK004): a page whose last line ends a sentence ends with no run ---

_RUN = (
    "[Ten ways to tune the database you run](https://a.example/2024/tune)\n\n"
    "[Why we left the big cloud last year](https://b.example/2024/cloud)\n\n"
    "[How our build got twice as fast](https://c.example/2024/build)\n"
)


def test_lk004_a_last_line_that_ends_a_sentence_does_not_trigger() -> None:
    text = f"# Post\n\n{_PROSE}\n\n{_RUN}\nThat is all, see [the docs](https://d.example/docs).\n"
    assert not _asks("LK004", text)
    assert found_both_ways("LK004", text) == []


@pytest.mark.parametrize(
    "after",
    [
        "",
        "\n© Example Blog. All rights reserved.\n",
        # A definition ending in a full stop: it stands under the last block.
        "\n[d]: https://d.example/docs.\n",
    ],
)
def test_lk004_a_run_under_a_closing_line_or_a_definition_still_triggers(after: str) -> None:
    text = f"# Post\n\n{_PROSE}\n\n{_RUN}{after}"
    assert _asks("LK004", text)
    assert found_both_ways("LK004", text)[0].startswith("[Ten ways")


@settings(max_examples=500, deadline=None)
@given(st.text(st.sampled_from([*"ab1_*~.,!? \t\n\x1c\x0b-"]), max_size=30))
def test_the_seen_words_are_counted_as_token_by_token(text: str) -> None:
    by_token = sum(1 for token in text.split() if tail._SEEN_WORD.fullmatch(token))
    assert len(tail._SEEN_WORDS.findall(text)) == by_token


# --- filter lists (AD011, AD012): a Markdown image counts when the lists judge its URL ---


def _chosen(text: str) -> set[str]:
    doc = Document(text, None, FAST)
    return {rule.code for rule in prefilter_for(FAST.rules).candidates_for(doc)}


def test_ad011_a_docs_image_is_asked_of_the_lists_and_does_not_trigger() -> None:
    text = "# Setup\n\nThe dialog:\n\n![The settings dialog](../images/settings.png)\n"
    assert not {"AD011", "AD012"} & _chosen(text)
    assert found_both_ways("AD011", text) == []


def test_ad011_a_banner_the_lists_block_still_triggers() -> None:
    image = "![](https://servedby.flashtalking.com/imp/8/123456;7890;201;gif;Site;Banner728x90/?)"
    text = f"The second step is to measure.\n\n>\n> {image}\n\nThen change one thing.\n"
    assert "AD011" in _chosen(text)
    assert found_both_ways("AD011", text) == [image]


def test_ad011_without_the_document_any_image_is_a_maybe() -> None:
    assert _asks("AD011", "# Setup\n\n![The settings dialog](../images/settings.png)\n")


# --- glued-code-caption (BP098): a caption on a fence's first or last line of code ---


def test_bp098_a_keyword_inside_the_code_does_not_trigger() -> None:
    text = "# Copy files\n\n```powershell\n$a = 1\nCopy-Item a b -Recurse\n$b = 2\n```\n"
    assert not _asks("BP098", text)
    assert found_both_ways("BP098", text) == []


@pytest.mark.parametrize(
    ("code", "caption"),
    [
        ("```python\nCopy code\nimport os\nprint(os.name)\n```\n", "Copy code\n"),
        ("```js\nlet a = 1;\nf(a);Объяснить с\n```\n", "Объяснить с"),
        # A fence the raw text cannot place (in a list item): any line may hold the caption.
        ("- Run:\n\n  ```sh\n  ls -la\n  make\n  Copy\n  ```\n", "  Copy\n"),
    ],
)
def test_bp098_a_caption_by_a_fence_still_triggers(code: str, caption: str) -> None:
    text = f"# Example\n\nText.\n\n{code}"
    assert _asks("BP098", text)
    assert [found.strip() for found in found_both_ways("BP098", text)] == [caption.strip()]

"""BP127 (conversion-pitch): what the two signals, the tail and the repository guard decide."""

from __future__ import annotations

import mdclean

_ONLY = mdclean.Config(select=("BP127",))

_README = """# tool

## Usage

Run `tool --help` to see every option, and `tool init` to write a configuration file in the
current folder that the other commands read from then on, whatever folder they run in.

If you like it, join the [Discord](https://discord.gg/abc123)!
"""


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=_ONLY, unsafe=True).text


def test_a_readme_keeps_its_closing_pitch_a_crawled_post_does_not() -> None:
    # The same closing line: a README's own (a "Usage" heading, no front matter), a post's
    # pitch once the page says where it was crawled from.
    assert _fixed(_README) == _README
    crawled = "---\nsource: https://blog.example.com/tool\n---\n\n" + _README
    assert _fixed(crawled) == crawled.removesuffix(
        "\nIf you like it, join the [Discord](https://discord.gg/abc123)!\n"
    )


def test_a_pitch_with_the_article_going_on_after_it_stays() -> None:
    text = (
        "---\ntitle: Notes\n---\n\n"
        "If you enjoyed the first part, subscribe to the [newsletter](https://example.com/newsletter).\n\n"
        "The second part starts here, with the setup of the cluster and the three services that "
        "run on it, each in its own namespace with its own quotas and its own alerts.\n"
    )
    assert _fixed(text) == text


def test_the_ask_and_the_link_may_be_two_blocks_only_under_a_box_opener() -> None:
    article = (
        "That is the whole migration: two commands and one restart, and the service has run on "
        "the new cluster for three weeks now without a single page to the engineer on call.\n\n"
    )
    link = "[Get the checklist](https://example.gumroad.com/l/checklist)\n"
    boxed = article + "**Want more? Get my free checklist.**\n\n" + link
    sentence = article + "If you liked this, the same steps work for the database.\n\n" + link
    assert _fixed(boxed) == article.removesuffix("\n")
    assert _fixed(sentence) == sentence

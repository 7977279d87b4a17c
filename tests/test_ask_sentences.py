"""``ask-sentences`` (BP355, BP356): the author's ask read as sentences of a verb and a place.

Each test puts the ask beside its look-alike: the author's own sentence that keeps a block, a
question without a label, an ask above the article's last words."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.matchers.ask_sentences import sentences

CLOSING = (
    "The last scene is the one readers remember: the detective names the culprit, and every "
    "clue planted in the first act finally pays off in front of everyone who doubted the "
    "detective from the start.\n\n"
)


def _fixed(code: str, text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=unsafe).text


def test_sentences_split_at_stops_and_at_a_stop_glued_to_a_capital() -> None:
    text = "Sign up for my mailing list.Once you sign up, you get tips. No spam! 订阅吧。好的"
    assert sentences(text) == [
        "Sign up for my mailing list.",
        "Once you sign up, you get tips.",
        "No spam!",
        "订阅吧。",
        "好的",
    ]


def test_a_version_number_or_a_file_name_is_no_sentence_end() -> None:
    assert sentences("Install v1.2.3 from setup.py today.") == [
        "Install v1.2.3 from setup.py today."
    ]


def test_a_newsletter_ask_under_the_article_goes_and_is_safe_with_a_service_link() -> None:
    ask = "Want more tips? [Join my newsletter](https://example.substack.com/subscribe) today.\n"
    assert _fixed("BP355", CLOSING + ask) == CLOSING.rstrip("\n") + "\n"
    assert _fixed("BP355", CLOSING + ask, unsafe=False) == CLOSING.rstrip("\n") + "\n"


def test_a_newsletter_ask_without_a_service_link_is_unsafe() -> None:
    ask = "Sign up for my mailing list to get a new tip delivered to your inbox each week.\n"
    assert _fixed("BP355", CLOSING + ask, unsafe=False) == CLOSING + ask
    assert _fixed("BP355", CLOSING + ask) == CLOSING.rstrip("\n") + "\n"


def test_an_ask_above_the_articles_last_paragraph_stays() -> None:
    ask = "Sign up for my mailing list to get a new tip delivered to your inbox each week.\n\n"
    text = CLOSING + ask + CLOSING
    assert _fixed("BP355", text) == text


def test_one_sentence_of_the_authors_own_keeps_the_ask() -> None:
    text = CLOSING + (
        "The import to Buttondown took ten minutes last year. Sign up for my newsletter to get the "
        "next issue in your inbox.\n"
    )
    assert _fixed("BP355", text) == text


def test_a_labelled_comment_prompt_goes_and_an_unlabelled_one_stays() -> None:
    labelled = "**👉 Let's discuss in the comments:** Are you writing a crime novel?\n"
    plain = "Are you writing a crime novel? Let me know in the comments!\n"
    assert _fixed("BP356", CLOSING + labelled) == CLOSING.rstrip("\n") + "\n"
    assert _fixed("BP356", CLOSING + plain) == CLOSING + plain


def test_a_labelled_prompt_the_author_answers_stays() -> None:
    text = CLOSING + (
        "Tell me in the comments: why no Postgres? One file is easier to back up, that's why.\n"
    )
    assert _fixed("BP356", text) == text


def test_a_comment_prompt_over_a_sign_up_ask_goes_and_so_does_the_ask() -> None:
    prompt = "💬 Schreib es in die Kommentare: Welche Lösung nutzt du?\n\n"
    ask = (
        "If you liked this post, you can get more of them by signing up for my mailing list. "
        "Once you sign up, you'll get a new tip delivered straight to your inbox each week.\n"
    )
    text = CLOSING + prompt + ask
    assert _fixed("BP356", text) == CLOSING + ask
    assert _fixed("BP355", text) == CLOSING + prompt.rstrip("\n") + "\n"

"""BP041 (``author-box``): the box about the author, found by its profile links and place."""

from __future__ import annotations

import mdclean
from mdclean import Config
from mdclean.models import Applicability

SAFE = Config(select=("BP041",))
UNSAFE = Config(select=("BP041",), unsafe_fixes=True)
LAST = "The article's last paragraph.\r\n\r\n"
BIO = "Jane writes about streaming systems, Postgres and bike trips across the Alps.\r\n"


def test_a_box_under_a_known_label_goes_with_safe_fixes_and_crlf_stays() -> None:
    text = (
        f"{LAST}## À propos de l'auteur\r\n\r\n{BIO}\r\n"
        "[GitHub](https://github.com/janedoe)\r\n\r\n## Commentaires\r\n"
    )
    assert mdclean.fix(text, config=SAFE).text == f"{LAST}## Commentaires\r\n"


def test_an_unlabelled_box_is_an_unsafe_fix() -> None:
    text = f"{LAST}[![](https://blog.example.com/img/avatar.png)](https://blog.example.com/author/jane/)\r\n\r\n{BIO}"
    violations = mdclean.lint(text, config=UNSAFE)
    assert [v.code for v in violations] == ["BP041"]
    assert violations[0].fix is not None
    assert violations[0].fix.applicability is Applicability.UNSAFE
    assert mdclean.fix(text, config=SAFE).text == text
    assert mdclean.fix(text, config=UNSAFE).text == "The article's last paragraph.\r\n"


def test_a_label_without_a_profile_or_avatar_closing_the_page_is_an_unsafe_fix() -> None:
    text = f"{LAST}## About the author\r\n\r\n{BIO}"
    assert mdclean.fix(text, config=SAFE).text == text
    assert mdclean.fix(text, config=UNSAFE).text == "The article's last paragraph.\r\n"
    followed = f"{text}\r\n## License\r\n\r\nMIT.\r\n"
    assert mdclean.fix(followed, config=UNSAFE).text == followed


def test_a_repository_link_is_no_profile() -> None:
    text = f"{LAST}### [The parser](https://github.com/example/parser)\r\n\r\n{BIO}"
    assert mdclean.fix(text, config=UNSAFE).text == text


def test_a_box_that_is_the_whole_page_stays() -> None:
    text = f"### [Jane Doe](https://blog.example.com/author/jane/)\r\n\r\n{BIO}"
    assert mdclean.fix(text, config=UNSAFE).text == text


def test_a_bio_too_long_for_a_box_stays() -> None:
    long_bio = " ".join(["Jane writes about streaming systems and Postgres."] * 12) + "\r\n"
    text = f"{LAST}### [Jane Doe](https://blog.example.com/author/jane/)\r\n\r\n{long_bio}"
    assert mdclean.fix(text, config=UNSAFE).text == text


def test_a_lead_in_keeps_the_box() -> None:
    text = (
        "The interview was with this researcher:\r\n\r\n"
        f"### [Jane Doe](https://blog.example.com/author/jane/)\r\n\r\n{BIO}"
    )
    assert mdclean.fix(text, config=UNSAFE).text == text

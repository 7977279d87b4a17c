"""BP041's trigger gates the rule on the text: each link pattern it asks about holds a literal
(a Mastodon profile's ``/@``, an author page's ``/author/``), so a page with links but none of
them is never handed to the matcher, and the box a Mastodon link proves is still found."""

from __future__ import annotations

from typing import Any

import mdclean
from mdclean.catalogue import builtin_rules
from mdclean.config import Config
from mdclean.rule_gates import gate_of

LINK_SYNTAX = ("any", ("](", "]:", "<"))
"""The gate of a link pattern without a literal: any page with a link passes it."""


def _leaves(gate: Any) -> list[Any]:
    kind, items = gate
    if kind in ("all", "or"):
        return [leaf for item in items for leaf in _leaves(item)]
    return [gate]


def _bare_link_gates(gate: Any) -> list[Any]:
    """The parts of a top-level "or" that ask only for link syntax."""
    kind, items = gate
    parts = items if kind == "or" else (gate,)
    return [part for part in parts if _leaves(part) == [LINK_SYNTAX]]


def test_every_link_pattern_of_bp041_has_a_literal() -> None:
    rule = next(rule for rule in builtin_rules() if rule.code == "BP041")
    gate = gate_of(rule.matcher.trigger())
    assert gate is not None
    assert _bare_link_gates(gate) == []


POST = (
    "# Notes on tuning autovacuum\n\n"
    "Autovacuum keeps the tables small enough to scan, and on a busy database its defaults "
    "are too timid: raise the cost limit before anything else and watch the dead tuples.\n\n"
)
BOX = (
    "### [Jane Doe](https://mastodon.social/@jane)\n\n"
    "Jane runs the database team at a small bank and writes about Postgres, queues and "
    "the occasional bike trip.\n\n"
    "[Mastodon](https://mastodon.social/@jane) · [Pixelfed](https://pixelfed.social/@jane)\n"
)


def test_a_box_proved_by_a_mastodon_link_is_found_with_and_without_the_fast_path() -> None:
    for fast in (True, False):
        config = Config(select=("BP041",), fast_path=fast)
        assert mdclean.fix(POST + BOX, config=config, unsafe=True).text == POST.rstrip("\n") + "\n"


def test_a_page_whose_links_prove_no_author_is_not_found() -> None:
    text = (
        POST + "See [the manual](https://www.postgresql.org/docs/current/routine-vacuuming.html).\n"
    )
    assert mdclean.lint(text, config=Config(select=("BP041",))) == []

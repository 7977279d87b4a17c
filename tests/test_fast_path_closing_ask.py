"""BP160's trigger asks, per phrase branch, for every word the branch must hold (a
conjunction), not for its longest word alone: "se" or "si" stand in nearly every page."""

from __future__ import annotations

import pytest

from mdclean.catalogue import builtin_rules
from mdclean.fastpath.raw_text import RawText
from mdclean.fastpath.regex_literals import required_groups
from mdclean.matchers.base import Matcher
from mdclean.matchers.closing_ask import _clauses


def _bp160() -> Matcher:
    return next(rule for rule in builtin_rules() if rule.code == "BP160").matcher


def test_required_groups() -> None:
    assert required_groups("a(?:b|c)d(e)?") == ["b|c"]
    assert required_groups("a(?:b|c)+d(?:e){0,1}f(?=g)") == ["b|c"]
    assert required_groups("a|b") is None


def test_a_branch_asks_for_all_its_words() -> None:
    clauses = _clauses("si te (?:ha gustado|gustó|ha sido útil) (?:este|el) (?:artículo|post)")
    assert clauses is not None
    assert ("si",) in clauses and ("te",) in clauses
    assert ("artículo", "post") in clauses


@pytest.mark.parametrize(
    "text",
    [
        "# Instalación\n\nSi usas Linux, se instala con pip. Te lo explico abajo.\n",
        "# Einrichtung\n\nAls je dit leest: de installatie staat hieronder.\n",
        "Follow the steps below; see also the FAQ.\n",
    ],
)
def test_docs_words_alone_are_no_ask(text: str) -> None:
    assert not _bp160().may_match(RawText(text.lower()))


@pytest.mark.parametrize(
    "text",
    [
        "Texto largo del artículo.\n\nSi te ha gustado este artículo, compártelo con tus amigos.\n",
        "Long article text.\n\nIf you enjoyed this post, please share it with a friend.\n",
        "Fin.\n\nSe você quer receber novidades, inscreva-se na newsletter.\n",
    ],
)
def test_asks_pass(text: str) -> None:
    assert _bp160().may_match(RawText(text.lower()))

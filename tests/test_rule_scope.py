"""``skip-front-matter-keys``: a rule leaves alone the pages whose front matter marks them (docs)."""

from __future__ import annotations

from pathlib import Path

import pytest

import mdclean
from mdclean.catalogue import load_rule_file
from mdclean.config import Config
from mdclean.errors import RuleFileError

RELATED = (
    "The model scores each profile once a day.\n\n"
    "## Related posts\n\n"
    "- [Grinding coffee](https://blog.example.com/grind-coffee-beans/)\n"
    "- [Tea temperature](https://blog.example.com/water-temperature-tea/)\n"
    "- [Sour espresso](https://blog.example.com/sour-espresso/)\n"
)


def _codes(text: str) -> set[str]:
    return {v.code for v in mdclean.lint(text, config=Config())}


@pytest.mark.parametrize(
    "front_matter",
    [
        "---\ntitle: Scores\nms.date: 03/12/2024\n---\n\n",
        "---\ntitle: Scores\nsidebar_position: 3\n---\n\n",
        "+++\ntitle = 'Scores'\nlinkTitle = 'Scores'\n+++\n\n",
    ],
)
def test_a_docs_page_keeps_its_related_list(front_matter: str) -> None:
    text = front_matter + RELATED
    assert _codes(text) == set()
    assert mdclean.fix(text, config=Config(), unsafe=True).text == text


def test_a_blog_page_loses_it() -> None:
    text = "---\ntitle: Scores\ndate: 2024-03-12\ntags: [coffee]\n---\n\n" + RELATED
    assert {"BP001"} <= _codes(text)
    fixed = mdclean.fix(text, config=Config(), unsafe=True).text
    assert fixed == "---\ntitle: Scores\ndate: 2024-03-12\ntags: [coffee]\n---\n\n" + (
        "The model scores each profile once a day.\n"
    )


def test_a_nested_key_does_not_mark_a_docs_page() -> None:
    # Only top-level keys count: a nested "nav_order" (a theme setting) does not make a docs page.
    text = "---\ntitle: Scores\nseries:\n  nav_order: 3\n---\n\n" + RELATED
    assert "BP001" in _codes(text)


def test_an_unknown_key_list_is_one_clear_error(tmp_path: Path) -> None:
    rule = tmp_path / "ZZ002.yaml"
    rule.write_text(
        "code: ZZ002\nname: zz\nsummary: Promo\nexplanation: A label.\nfix: safe\n"
        "skip-front-matter-keys: [no-such-keys]\nmatcher: phrase-block\n"
        "params:\n  labels: ['subscribe now']\n"
        'examples:\n  - bad: "Text.\\n\\nSubscribe now\\n"\n    fixed: "Text.\\n"\n'
        '  - good: "Subscribe now to the feed of release notes.\\n"\n',
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match=r"ZZ002.yaml: skip-front-matter-keys: phrase list"):
        load_rule_file(rule)

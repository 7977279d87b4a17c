"""Phrase lists are data: every shipped list loads, and a rule pack adds a language without code."""

from __future__ import annotations

from pathlib import Path

import pytest
from ruamel.yaml import YAML

import mdclean
from mdclean.catalogue import builtin_rules_dir, load_rule_file
from mdclean.errors import RuleFileError
from mdclean.matchers.phrase_lists import load_phrase_list, phrases_dir
from mdclean.widget_evidence import CAPTIONS, FILLERS, FORM_MESSAGES

PHRASE_FILES = sorted(phrases_dir().glob("*.yaml"))


def _key_lists() -> set[str]:
    """Lists of front matter keys (``skip-front-matter-keys``), not of phrases in languages."""
    lists: set[str] = set()
    for rule_file in builtin_rules_dir().glob("*.yaml"):
        data = YAML(typ="safe").load(rule_file.read_text(encoding="utf-8"))
        lists.update(data.get("skip-front-matter-keys", []))
    return lists


def test_every_phrase_list_is_used_by_a_rule() -> None:
    used = _key_lists()
    for rule_file in builtin_rules_dir().glob("*.yaml"):
        params = YAML(typ="safe").load(rule_file.read_text(encoding="utf-8")).get("params") or {}
        used.update(
            params.get("phrases", []),
            params.get("ends", []),
            params.get("exempt", []),
            params.get("leads", []),
            params.get("name_labels", []),
            params.get("about_labels", []),
            *(
                params.get(key, [])
                # BP100's and BP101's lists, one key each kind of phrase; BP210's joining words;
                # BP265's form buttons and messages
                for key in (
                    "buttons",
                    "messages",
                    "sections",
                    "prompts",
                    "fields",
                    "says",
                    "replies",
                    "dates",
                    "counts",
                    "policies",
                    "connectors",
                    "caption_phrases",  # interface-run's captions around its anchors (BP251)
                    "button_phrases",  # BP285's share buttons beside the network names
                    "label_phrases",
                    "note_labels",  # BP083's editor's notes, which end its run
                    "credits",  # BP105's and BP190's picture credit lines (the lead figure stays)
                )
            ),
            params.get("meta_labels", []),
            params.get("words", []),
            params.get("safe_phrases", []),  # a strict core's phrases (BP016: crosspost-notes)
            params.get("safe_texts", []),  # link texts that make a row certain (BP039)
            params.get("controls", []),  # BP105's signs of a site's header
            params.get("home_labels", []),
            params.get("companions", []),  # BP220's captions of a share row's other buttons
            # BP350's Jetpack lists: the buttons' notes, the "More" slot, ratings, "Related"
            *(params.get(key, []) for key in ("notes", "more", "ratings", "related")),
            params.get("weekdays", []),  # BP345's date lines may open with a weekday
            # BP345's UI families and its lists of strings a page may name ("weak")
            params.get("families", []),
            params.get("weak", []),
            params.get("next", []),  # BP382's "Next" labels (its "Previous" ones are its phrases)
            # BP355's and BP356's places and verbs (ask-sentences), and the other kind's
            params.get("places", []),
            params.get("verbs", []),
            params.get("pass_places", []),
            params.get("pass_verbs", []),
            params.get("toc_titles", []),  # BP420's and BP421's titles of a table of contents
            params.get("target_lists", []),  # BP013's and BP220's share endpoints
            params.get("reprint", []),  # BP091's and BP490's reprint credits
            params.get("networks", []),  # BP490's titles of a sister-site list
            # BP490's rights phrases, imprint lines and labels, legal menus' words, notices
            *(
                params.get(key, [])
                for key in ("rights", "imprint", "imprint_labels", "menu_words", "notices")
            ),
            *(
                # BP127's lists; other rules give inline regexes under "asks"
                [name for name in params.get(key, []) if str(name).replace("-", "").isalnum()]
                # (BP325's and BP327's address lists: platforms, paths, campaigns)
                for key in (
                    "asks",
                    "section_labels",
                    "page_labels",
                    "platforms",
                    "paths",
                    "campaigns",
                )
            ),
        )
    # the widget reading's lists (plain --fix's parts of a share, follow, newsletter or app box)
    used.update(*CAPTIONS.values(), FORM_MESSAGES, FILLERS)
    assert {p.stem for p in PHRASE_FILES} == used


# Lists whose source speaks only the languages they hold: software that prints its captions in
# English whatever the site's language (a plugin's saved caption, Google's translator popup, the
# docs frameworks' AI buttons), and lines mined from a crawl archive of English and Chinese sites
# (web-template-lines: a language the archive lacks cannot be counted by domains).
SOURCE_LANGUAGES_ONLY = frozenset(
    {
        "ai-page-actions",
        "ui-page-translators",
        "ui-wordpress-plugins",
        "web-template-lines",
        "web-template-lines-wide",
        # the consent tools' shipped defaults (English, and the packs that translate them) and the
        # follow button's generator languages found in sites' templates (no Chinese found)
        "cookie-banner-defaults",
        "ui-twitter-follow",
    }
)


@pytest.mark.parametrize(
    "path",
    [p for p in PHRASE_FILES if not p.stem.startswith("platform-") and p.stem not in _key_lists()],
    ids=lambda p: p.stem,
)
def test_phrase_list_ships_english_german_and_chinese(path: Path) -> None:
    languages = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    if set(languages) == {"all"}:
        return  # addresses' shapes, in no language (promo-platforms, campaign-parameters)
    if path.stem in SOURCE_LANGUAGES_ONLY:
        assert "en" in languages  # what its source prints, and no more
        return
    assert {"en", "de", "zh"} <= set(languages)
    assert load_phrase_list(path.stem)


@pytest.mark.parametrize(
    "path", [p for p in PHRASE_FILES if p.stem.startswith("platform-")], ids=lambda p: p.stem
)
def test_platform_list_ships_the_languages_of_its_platform(path: Path) -> None:
    # A platform's chrome speaks the languages of its interface (WeChat's is Chinese), not all.
    languages = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    assert languages and all(len(code) in (2, 3) for code in languages)
    assert load_phrase_list(path.stem)


def test_a_rule_pack_adds_a_language_inline(tmp_path: Path) -> None:
    pack = tmp_path / "FR001.yaml"
    pack.write_text(
        "code: FR001\nname: promo-line-fr\nsummary: Ligne de promotion\nexplanation: French promo lines.\n"
        "fix: safe\nmatcher: labelled-line\nparams:\n  labels: ['lire aussi', 'à lire aussi']\n"
        'examples:\n  - bad: "Texte.\\n\\n**À lire aussi :** [Titre](https://exemple.fr/a)\\n"\n'
        '    fixed: "Texte.\\n"\n  - good: "Lire aussi le [manuel](https://exemple.fr/m) avant tout.\\n"\n',
        encoding="utf-8",
    )
    config = mdclean.Config(select=("FR001",), rule_packs=(pack,))
    text = "Texte.\n\n**À lire aussi :** [Titre](https://exemple.fr/a)\n\nSuite.\n"
    assert mdclean.fix(text, config=config).text == "Texte.\n\nSuite.\n"


def test_an_unknown_phrase_list_is_a_load_error_naming_it(tmp_path: Path) -> None:
    rule = tmp_path / "XX001.yaml"
    rule.write_text(
        "code: XX001\nname: x\nsummary: x\nexplanation: x\nfix: safe\nmatcher: labelled-line\n"
        "params:\n  phrases: [no-such-list]\nexamples:\n  - bad: x\n    fixed: x\n  - good: x\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleFileError, match="phrase list 'no-such-list'"):
        load_rule_file(rule)

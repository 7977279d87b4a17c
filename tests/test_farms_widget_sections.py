"""BP090, LK012, LK013, LK014 and BP091: a site's widgets and footer at a page's end, by title,
by the shapes of their links or lines; what stays around them keeps its bytes."""

from __future__ import annotations

import mdclean
from mdclean import Config

ARTICLE = (
    "The article's last paragraph tells how the server was installed, configured and tuned, "
    "and what the first layers published with it looked like in a browser, with enough words "
    "to be the page's text and not a widget's line, which is what the rules look for first.\r\n"
)


def _fixed(text: str, *codes: str) -> str:
    return mdclean.fix(text, config=Config(select=codes, unsafe_fixes=True)).text


def test_a_search_box_and_a_related_title_go_and_crlf_stays() -> None:
    text = (
        f"{ARTICLE}\r\n## Search\r\n\r\nGo\r\n\r\n## Comments\r\n\r\nNice.\r\n\r\n"
        "## Related posts\r\n"
    )
    assert _fixed(text, "BP090", "LK012") == f"{ARTICLE}\r\n## Comments\r\n\r\nNice.\r\n"


def test_a_search_title_over_its_sub_sections_stays() -> None:
    text = f"{ARTICLE}\r\n## Search\r\n\r\n### Filters\r\n\r\nPick one.\r\n"
    assert _fixed(text, "BP090") == text


def test_a_related_title_over_a_list_of_links_is_left_to_the_link_rules() -> None:
    text = f"{ARTICLE}\r\n## Related posts\r\n\r\n- [Install](install.md)\r\n- [Use](use.md)\r\n"
    assert _fixed(text, "LK012") == text


def test_a_tag_cloud_goes_with_its_heading_but_not_an_earlier_heading() -> None:
    cloud = "[GIS](/site/taxonomy/term/1)\r\n[QGIS](/site/taxonomy/term/2)\r\n"
    text = f"{ARTICLE}\r\n## Tags\r\n\r\n{cloud}\r\n## Comments\r\n\r\nNice.\r\n"
    assert _fixed(text, "LK013") == f"{ARTICLE}\r\n## Comments\r\n\r\nNice.\r\n"


def test_chrome_links_inside_the_article_text_stay() -> None:
    text = f"[GIS](/site/taxonomy/term/1) [QGIS](/site/taxonomy/term/2)\r\n\r\n{ARTICLE}"
    assert _fixed(text, "LK013") == text


def test_excerpt_cards_and_their_label_go() -> None:
    cards = (
        "MORE ARTICLES\r\n\r\n"
        "Cooking rice at altitude\r\nWater boils at a lower temperature up there, so the rice…\r\n"
        "\r\n"
        "Sharpening a kitchen knife\r\nA dull knife slips more often than a sharp one, and the…\r\n"
    )
    assert _fixed(f"{ARTICLE}\r\n{cards}", "LK014") == ARTICLE


def test_a_copyright_footer_goes_with_its_small_print() -> None:
    footer = "© 2024 Example Blog\r\n\r\nPrivacy · Terms\r\n"
    assert _fixed(f"{ARTICLE}\r\n{footer}", "BP091") == ARTICLE


def test_a_licence_line_at_the_end_stays() -> None:
    text = f"{ARTICLE}\r\n© 2024 Jane Doe, released under the MIT License\r\n"
    assert _fixed(text, "BP091") == text

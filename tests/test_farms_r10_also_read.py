"""BP120 also-read-line and LK020 post-navigation-lines: "label, link" lines that point at other posts."""

from __future__ import annotations

import pytest

import mdclean

PROSE = (
    "The migration took three weeks, mostly because the old build scripts had grown around "
    "assumptions nobody had written down, and every step uncovered another one of them."
)
CLOSING = (
    "In the end the numbers were worth it: cold builds went from eleven minutes to four, and "
    "the incremental path now finishes before the editor has saved the file."
)


def _fixed(text: str, *codes: str) -> str:
    config = mdclean.Config(select=codes or ("BP120", "LK020"))
    return mdclean.fix(text, config=config, unsafe=True).text


def _page(line: str, newline: str = "\n") -> str:
    return newline.join(["# Build times", "", PROSE, "", line, "", CLOSING, ""])


WITHOUT = _page("").replace("\n\n\n\n", "\n\n")


@pytest.mark.parametrize(
    "line",
    [
        "Also read [How we cut our build time](https://blog.example.com/2023/04/build-time/)",
        "**Read also** [How we cut our build time](/2023/04/build-time/)",
        "👉 **Lesen Sie auch:** [Wie wir die Bauzeit halbierten](https://blog.example.de/bauzeit/)",
        "➡️ *Te puede interesar:* [Cómo redujimos el tiempo](https://blog.example.es/?p=123)",
        '_Also read:_ "[How we cut our build time](https://blog.example.com/build-time/)"',
        "【推荐阅读】[如何阅读源码](https://blog.example.cn/p/123)",
        "**Читайте также** — [Как мы ускорили сборку](https://blog.example.ru/?p=123)",
        "関連記事：[ビルド時間を半分にした話](https://blog.example.jp/entry/2023/04/01/120000)",
        "[Lire aussi : Comment nous avons réduit la compilation](https://blog.example.fr/reduire/)",
        "ALSO READ | [One](https://blog.example.com/one/) | [Two](https://blog.example.com/two/)",
        "### Baca juga: [Cara kami memangkas waktu build](https://blog.example.id/memangkas/)",
        "**Baca juga:** [Cara Migrasi WordPress](/blog/migrasi/) — panduan pindah ke VPS.",
    ],
)
def test_an_also_read_line_goes_whatever_its_shape(line: str) -> None:
    assert _fixed(_page(line)) == WITHOUT


def test_a_quote_or_list_item_goes_with_its_only_line() -> None:
    quoted = _page(
        "> 📖 **Baca juga:** [deepin 25.2.0 Resmi Dirilis](/2026-07-08-deepin-25-2-release)"
    )
    listed = _page("- Leia também: [Como reduzimos o tempo](https://blog.example.com.br/reduzir/)")
    assert _fixed(quoted, "BP120") == WITHOUT
    assert _fixed(listed, "BP120") == WITHOUT


def test_line_endings_are_kept() -> None:
    page = _page("Also read [How we cut our build time](https://blog.example.com/b/)", "\r\n")
    assert _fixed(page) == WITHOUT.replace("\n", "\r\n")


@pytest.mark.parametrize(
    "line",
    [
        # a sentence that goes on after the link, with no dash to set a description apart
        "Also read [the release notes](https://example.com/notes) before you upgrade the server.",
        # a description too long to be one: a paragraph of prose
        "Baca juga: [panduan ini](/blog/panduan/) — " + " ".join(["kata"] * 30),
        # a repository's own Markdown file, an anchor, a documentation page
        "Also read: [Advanced Networking](./advanced-networking.md)",
        "Read also [the caveats](#caveats)",
        "Lesen Sie auch [Verbindungen](https://docs.example.com/administration/config.html)",
        "Lees ook [de handleiding](https://example.nl/docs/install/)",
        # "See also" and "Read more" are not labels of this family
        "See also [How we cut our build time](https://blog.example.com/2023/04/build-time/)",
        "Read more [in the manual](https://example.com/manual)",
        # a label in a link's text without a separator is a title
        "[Also read this before you start](https://blog.example.com/start/)",
        # four links are a list, not a line
        "Also read: [A](/a/) [B](/b/) [C](/c/) [D](/d/)",
    ],
)
def test_look_alikes_stay(line: str) -> None:
    page = _page(line)
    assert _fixed(page) == page


def test_a_docs_page_keeps_its_reading_path() -> None:
    page = "---\nsidebar_position: 3\n---\n" + _page(
        "Also read [Deploying the service](https://example.com/guides/deploy/)"
    )
    assert _fixed(page) == page


def test_post_navigation_lines_in_one_paragraph() -> None:
    page = _page(
        "**Artikel Sebelumnya:** [Memahami React Server Components](/posts/rsc/)\n"
        "**Artikel Selanjutnya:** [TypeScript untuk Developer Senior](/posts/ts/)"
    )
    assert _fixed(page, "LK020") == WITHOUT


def test_post_navigation_lines_one_paragraph_each() -> None:
    page = _page(
        "Entrada anterior: [Instalar Hugo](https://blog.example.es/2023/05/hugo/)\n\n"
        "Entrada siguiente: [Publicar en Netlify](https://blog.example.es/2023/06/netlify/)"
    )
    assert _fixed(page, "LK020") == WITHOUT


@pytest.mark.parametrize(
    "line",
    [
        # a docs series' bare labels, and three labelled lines (a list of parts)
        "Previous: [Install](https://example.com/install/)",
        "Next article: [A](/a/)\nPrevious article: [B](/b/)\nNext article: [C](/c/)",
        # a label with prose after the link
        "Next article: [Deploying](https://blog.example.com/deploy/) explains the rest.",
    ],
)
def test_post_navigation_look_alikes_stay(line: str) -> None:
    page = _page(line)
    assert _fixed(page, "LK020") == page


def test_a_page_relative_link_is_a_manuals_cross_reference() -> None:
    page = _page("Lire aussi : [Configurer le service](../configuration/service/)")
    assert _fixed(page) == page


RELATED = (
    "## Related Posts\n\n"
    "- [Dictate Emails at the Speed of Thought](/blog/dictate-emails/). Clear your backlog.\n"
    "- [Async Communication Is Better When You Speak It](/blog/async/). Why it lands better.\n"
)


def test_a_related_list_with_excerpts_goes_with_its_heading() -> None:
    page = _page(RELATED.rstrip("\n"))
    assert _fixed(page, "BP121") == WITHOUT


def test_an_archive_of_months_goes() -> None:
    page = _page(
        "Arsip Blog\n\n"
        "- [Desember 2023](https://blog.example.id/2023/12/)\n"
        "- [November 2023](https://blog.example.id/?m=202311)"
    )
    assert _fixed(page, "BP121") == WITHOUT


@pytest.mark.parametrize(
    "widget",
    [
        # a manual's related articles: paths relative to the page
        RELATED.replace("(/blog/", "(../blog/"),
        # an item with a second link, or a long excerpt, is content
        RELATED.replace("Clear your backlog.", "See [the demo](https://example.com/demo)."),
        RELATED.replace("Clear your backlog.", " ".join(["word"] * 31)),
        # one item is not a widget
        RELATED.split("- [Async")[0],
        # an archive label over links that are not months
        "## Archives\n\n- [Release 1.0](https://example.com/r/1.0/)\n- [Release 2.0](https://example.com/r/2.0/)\n",
    ],
)
def test_post_list_look_alikes_stay(widget: str) -> None:
    page = _page(widget.rstrip("\n"))
    assert _fixed(page, "BP121") == page


CARDS = (
    "**Related**\n\n"
    "[How to grind coffee beans at home](https://blog.example.com/2023/04/grind/)\n\n"
    "April 12, 2023\n\n"
    'In "Coffee"\n\n'
    "[Why your espresso tastes sour](https://blog.example.com/2023/06/sour/)\n\n"
    "June 3, 2023\n\n"
    'In "Coffee"'
)


def test_jetpack_cards_go_with_their_title() -> None:
    assert _fixed(_page(CARDS), "BP122") == WITHOUT


def test_jetpack_cards_as_one_list_in_german() -> None:
    cards = (
        "### Ähnliche Beiträge\n\n"
        "- [Kaffee zu Hause mahlen](https://blog.example.de/2023/04/mahlen/)\n"
        "  12. April 2023\n"
        "  In „Kaffee“\n"
        "- [Warum Espresso sauer schmeckt](https://blog.example.de/2023/06/sauer/)\n"
        "  3. Juni 2023\n"
        "  In „Kaffee“"
    )
    assert _fixed(_page(cards), "BP122") == WITHOUT


def test_the_articles_own_links_above_the_cards_stay() -> None:
    sources = "- [The grinder's manual](https://example.com/manual/)\n- [A study](https://example.org/study/)"
    page = _page(sources + "\n\n" + CARDS.split("\n\n", 1)[1])
    assert _fixed(page, "BP122") == _page(sources)


@pytest.mark.parametrize(
    "cards",
    [
        # a category named in a sentence
        CARDS.replace('In "Coffee"', 'In "Coffee" we file everything about beans and water'),
        # a context line inside a list item's text, not a card's own line
        CARDS.replace('In "Coffee"', '- In "Coffee"'),
        # one card without its title
        CARDS.split("\n\n", 1)[1].split("\n\n[Why")[0],
    ],
)
def test_card_look_alikes_stay(cards: str) -> None:
    page = _page(cards)
    assert _fixed(page, "BP122") == page


@pytest.mark.parametrize(
    ("line", "goes"),
    [
        ("See also: [How we cut our build time](https://news.example.com/2023/04/build/)", True),
        ("Voir aussi : [Notre migration](https://blog.example.fr/2023-04-12-migration/)", True),
        ("Zie ook [De migratie](https://blog.example.nl/blog/migratie)", True),
        ("See also: [Cache settings](https://example.com/guide/cache-settings/)", False),
        ("See also: [Coffee](https://en.wikipedia.org/wiki/Coffee)", False),
        ("See also: [A post](https://blog.example.com/2023/04/a/) and the manual", False),
    ],
)
def test_see_also_goes_only_before_posts_addresses(line: str, goes: bool) -> None:
    page = _page(line)
    assert _fixed(page, "BP123") == (WITHOUT if goes else page)


def test_post_navigation_labels_above_their_links() -> None:
    page = _page(
        "Artículo anterior\n\n[Instalar Hugo](https://blog.example.es/2023/05/hugo/)\n\n"
        "Artículo siguiente\n\n[Publicar en Netlify](https://blog.example.es/2023/06/netlify/)"
    )
    assert _fixed(page, "LK020") == WITHOUT


def test_a_label_above_prose_stays() -> None:
    page = _page(
        "Next article\n\nThe [deployment guide](https://blog.example.com/deploy/) says the rest."
    )
    assert _fixed(page, "LK020") == page


def test_related_cards_with_dates_and_excerpts_go() -> None:
    cards = (
        "## Te puede interesar\n\n"
        "[Cómo moler café en casa](https://blog.example.es/2023/04/moler/)\n\n"
        "12 abril, 2023\n\n"
        "Moler justo antes de preparar conserva el aroma.\n\n"
        "[Por qué tu espresso sabe ácido](https://blog.example.es/2023/06/acido/)\n\n"
        "3 junio, 2023\n\n"
        "Un espresso ácido suele estar poco extraído."
    )
    assert _fixed(_page(cards), "BP121") == WITHOUT


def test_the_closing_paragraph_after_the_last_card_stays() -> None:
    cards = (
        "## Related posts\n\n"
        "[How to grind coffee beans at home](https://blog.example.com/2023/04/grind/)\n\n"
        "April 12, 2023\n\n"
        "[Why your espresso tastes sour](https://blog.example.com/2023/06/sour/)\n\n"
        "June 3, 2023"
    )
    assert _fixed(_page(cards), "BP121") == WITHOUT


def test_cards_without_any_text_are_left_to_the_link_list_rules() -> None:
    cards = "## Related posts\n\n### [A title here](/blog/a/)\n\n### [Another title](/blog/b/)"
    page = _page(cards)
    assert _fixed(page, "BP121") == page

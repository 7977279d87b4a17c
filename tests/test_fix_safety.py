"""Which findings ``--fix`` may apply unattended: the strict cores of loose rules, the loose
branches of strict ones. Each test puts the exact evidence beside its look-alike: if a loose
branch went safe (or an exact one went unsafe), one of them fails."""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config


def _safe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,))).text


def _unsafe(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


# BP002: a promo line is safe; a label over a manual's pages is the manual's, not a promotion.

GERMAN_INTRO = (
    "# FTP-Import\n\n"
    "Wenn Sie eine Piwigo-Galerie verwenden, können Sie Verzeichnisse per FTP übertragen.\n\n"
)
GERMAN_END = "Bei selbst signierten Zertifikaten muss der Server dem Zertifikat vertrauen.\n"


@pytest.mark.parametrize(
    "target",
    [
        "https://docs.mattermost.com/administration/config-settings.html#allow",
        "https://example.org/docs/configuration/",
        "https://piwigo.readthedocs.io/de/latest/ftp.html",
        "../fotos-importieren/fotos-in-piwigo-importieren",
    ],
)
def test_a_promo_line_into_a_manual_is_not_found(target: str) -> None:
    line = f"Lesen Sie auch: [Zertifikate einrichten]({target})\n\n"
    text = GERMAN_INTRO + line + GERMAN_END
    assert _unsafe("BP002", text) == text
    # Nor does any other rule read it as a promotion (BP120's "Lesen Sie auch" line).
    assert not mdclean.lint(text)


def test_a_news_promo_line_goes_with_safe_fixes() -> None:
    line = "**Also: [AI could help soften cloud sticker shock](https://www.zdnet.com/article/ai-cloud/)**\n\n"
    text = "First paragraph.\n\n" + line + "Second paragraph.\n"
    assert _safe("BP002", text) == "First paragraph.\n\nSecond paragraph.\n"


def test_a_site_rooted_promo_link_is_a_web_page_not_a_manual() -> None:
    line = "Lire aussi : [Les meilleurs SSD de 2024](/2024/03/meilleurs-ssd/)\n\n"
    text = "Premier paragraphe.\n\n" + line + "Deuxième paragraphe.\n"
    assert _safe("BP002", text) == "Premier paragraphe.\n\nDeuxième paragraphe.\n"


# BP100: a thread is certain by its comment permalinks, a form alone by its notice and fields.

PROSE = (
    "Distributed consensus algorithms let a set of computers agree on one value, such as "
    "the commit or rollback decision of a two-phase commit, even when messages are lost.\n\n"
)
PERMALINK_THREAD = (
    "## 2 thoughts on “Paxos”\n\n"
    "[April 8, 2015 at 10:30 pm](https://blog.example/paxos/#comment-23)\n\n"
    "I think this statement of yours is incorrect.\n\n"
    "[Reply](https://blog.example/paxos/?replytocom=23#respond)\n"
)
SAYS_THREAD = (
    "RAUL SANCAR dice:\n\n"
    "Me gusta mucho el orden de este artículo.\n\n"
    "Responder\n\n"
    "MARTA dice:\n\n"
    "Gracias por el resumen.\n\n"
    "Responder\n"
)
FORM = (
    "### Leave a Reply Cancel reply\n\n"
    "Your email address will not be published. Required fields are marked *\n\n"
    "Comment *\n\n"
    "Name *\n\n"
    "Email *\n\n"
    "Website\n"
)


def test_a_thread_with_two_comment_permalinks_goes_with_safe_fixes() -> None:
    assert _safe("BP100", PROSE + PERMALINK_THREAD) == PROSE.rstrip("\n") + "\n"


def test_two_cited_comments_without_a_reply_button_wait_for_unsafe_fixes() -> None:
    sources = (
        "* [Comment of 8 April 2015](https://blog.example/paxos/#comment-23)\n"
        "* [Comment of 9 April 2015](https://blog.example/paxos/#comment-24)\n"
    )
    text = PROSE + sources
    assert _safe("BP100", text) == text
    assert _unsafe("BP100", text) == PROSE.rstrip("\n") + "\n"


def test_a_thread_read_from_its_says_lines_waits_for_unsafe_fixes() -> None:
    text = PROSE + SAYS_THREAD
    assert _safe("BP100", text) == text
    assert _unsafe("BP100", text) == PROSE.rstrip("\n") + "\n"


def test_a_comment_form_alone_goes_with_safe_fixes() -> None:
    assert _safe("BP100", PROSE + FORM) == PROSE.rstrip("\n") + "\n"


def test_a_form_with_words_between_its_lines_waits_for_unsafe_fixes() -> None:
    words = "Thanks to everyone who sent corrections for the first part\n\n"
    text = PROSE + FORM.replace("Comment *\n\n", "Comment *\n\n" + words)
    assert _safe("BP100", text) == text
    assert _unsafe("BP100", text) == PROSE.rstrip("\n") + "\n"


# BP105: a header from the skip link is certain when the article's title closes it exactly.

ARTICLE = (
    "The router's own resolver must move aside before another one can listen on port 53, "
    "and its DHCP server then stops announcing any resolver at all.\n"
)
MENU = (
    "* [Home](https://blog.example.com/)\n"
    "* [Linux](https://blog.example.com/category/linux/)\n"
    "* [About](https://blog.example.com/about/)\n\n"
)


def test_a_header_closed_by_the_pages_level_one_title_goes_with_safe_fixes() -> None:
    body = "# Moving a router's DNS to port 54\n\n" + ARTICLE
    text = "[Skip to content](#content)\n\nNotes on servers, routers and networks\n\n" + MENU + body
    assert _safe("BP105", text) == body


def test_a_header_of_links_and_labels_alone_goes_with_safe_fixes() -> None:
    body = "## Moving a router's DNS to port 54\n\n" + ARTICLE
    text = (
        "[Zum Inhalt springen](#content)\n\n[Example Blog](https://blog.example.com/)\n\n"
        + MENU
        + body
    )
    assert _safe("BP105", text) == body


def test_a_header_closed_by_a_guessed_title_waits_for_unsafe_fixes() -> None:
    # The end is a level-two heading over text, and a tagline of six words stands above it:
    # where the article starts is read from the page's shape.
    body = "## Moving a router's DNS to port 54\n\n" + ARTICLE
    text = "[Skip to content](#content)\n\nNotes on servers, routers and networks\n\n" + MENU + body
    assert _safe("BP105", text) == text
    assert _unsafe("BP105", text) == body


def test_a_header_holding_a_section_heading_waits_for_unsafe_fixes() -> None:
    body = "# Moving a router's DNS to port 54\n\n" + ARTICLE
    header = "[Skip to content](#content)\n\n## Example Blog\n\nServers and networks\n\n"
    text = header + MENU + body
    assert _safe("BP105", text) == text
    assert _unsafe("BP105", text) == body


def test_the_front_matters_title_makes_the_end_certain() -> None:
    front = '---\ntitle: "Moving a router\'s DNS"\nsource: "https://blog.example.com/dns"\n---\n'
    body = "## Moving a router's DNS\n\n" + ARTICLE
    text = (
        front
        + "[Skip to content](#content)\n\nNotes on servers, routers and networks\n\n"
        + MENU
        + body
    )
    assert _safe("BP105", text) == front + "\n" + body


# BP101: a meta line is certain when it links to the author's archive page and holds more meta.

TITLE = "# Moving a router's DNS to port 54\n\n"


@pytest.mark.parametrize(
    "line",
    [
        "Posted on 2023-03-03 by [admin](https://blog.example.com/author/admin/)",
        "[Jane Doe](https://blog.example.com/author/jane/) · [Networks](https://blog.example.com/category/networks/)",
        "Publié le 3 mars 2023 par [Jeanne](https://blog.example.fr/author/jeanne/)",
    ],
)
def test_a_meta_line_with_the_authors_archive_link_goes_with_safe_fixes(line: str) -> None:
    text = TITLE + line + "\n\n" + ARTICLE
    assert _safe("BP101", text) == TITLE + ARTICLE


@pytest.mark.parametrize(
    "line",
    [
        "By Jane Doe · March 3, 2023 · 5 min read",
        "Veröffentlicht am 3. März 2023 · [Netzwerke](https://blog.example.de/category/netzwerke/)",
    ],
)
def test_a_meta_line_read_from_its_words_waits_for_unsafe_fixes(line: str) -> None:
    text = TITLE + line + "\n\n" + ARTICLE
    assert _safe("BP101", text) == text
    assert _unsafe("BP101", text) == TITLE + ARTICLE


# BP120: an also-read line is certain when every link is a post's address.

INDONESIAN = "Paragraf pertama artikel ini.\n\n"
INDONESIAN_END = "Paragraf berikutnya.\n"


@pytest.mark.parametrize(
    "target",
    [
        "/2025-11-12-deepin-nvidia-optimus-hdmi",
        "https://blog.example.id/2024/03/nvidia-optimus/",
        "https://blog.example.id/?p=123",
    ],
)
def test_an_also_read_line_to_a_post_goes_with_safe_fixes(target: str) -> None:
    text = (
        INDONESIAN + f"> **Baca juga:** [NVIDIA Optimus di deepin]({target})\n\n" + INDONESIAN_END
    )
    assert _safe("BP120", text) == INDONESIAN + INDONESIAN_END


def test_an_also_read_line_to_another_page_waits_for_unsafe_fixes() -> None:
    text = (
        INDONESIAN
        + "**Baca juga:** [Harga paket](https://toko.example.id/harga)\n\n"
        + INDONESIAN_END
    )
    assert _safe("BP120", text) == text
    assert _unsafe("BP120", text) == INDONESIAN + INDONESIAN_END


# BP037 and LK020: post navigation is certain when every link is a post's address.

CHINESE = "正文的最后一段。\n\n"


def test_post_navigation_to_dated_permalinks_goes_with_safe_fixes() -> None:
    line = "[上一篇：字符串乘法](https://blog.example.cn/2021/03/string-multiply/)\n"
    assert _safe("BP037", CHINESE + line) == CHINESE.rstrip("\n") + "\n"


def test_post_navigation_between_a_repositorys_files_waits_for_unsafe_fixes() -> None:
    line = "[上一篇：字符串乘法](../算法思维系列/字符串乘法.md)\n"
    text = CHINESE + line
    assert _safe("BP037", text) == text
    assert _unsafe("BP037", text) == CHINESE.rstrip("\n") + "\n"


def test_noun_first_post_navigation_to_a_post_goes_with_safe_fixes() -> None:
    line = "**Artikel sebelumnya:** [Hydration error](https://blog.example.id/2024/05/hydration/)\n"
    text = INDONESIAN + line
    assert _safe("LK020", text) == INDONESIAN.rstrip("\n") + "\n"


def test_noun_first_post_navigation_to_another_page_waits_for_unsafe_fixes() -> None:
    line = "**Artikel sebelumnya:** [Hydration error](https://blog.example.id/hydration)\n"
    text = INDONESIAN + line
    assert _safe("LK020", text) == text
    assert _unsafe("LK020", text) == INDONESIAN.rstrip("\n") + "\n"


# LK013: a block of a CMS's links is certain when every link is its machinery, not a feed.

FRENCH = (
    "Le dernier paragraphe de l'article explique comment installer le serveur cartographique, "
    "le configurer et publier une première couche de données pour la consulter dans un "
    "navigateur web, avec assez de mots pour faire un vrai paragraphe.\n\n"
)


def test_a_drupal_tag_cloud_goes_with_safe_fixes() -> None:
    cloud = (
        "[PostGIS](/site/taxonomy/term/121)\n"
        "[QGIS](/site/taxonomy/term/129)\n"
        "[Plus](/site/tagclouds/chunk/4)\n"
    )
    assert _safe("LK013", FRENCH + cloud) == FRENCH.rstrip("\n") + "\n"


def test_feed_and_log_in_links_wait_for_unsafe_fixes() -> None:
    row = "[RSS](https://blog.example.fr/feed/) [Connexion](https://blog.example.fr/wp-login.php)\n"
    text = FRENCH + row
    assert _safe("LK013", text) == text
    assert _unsafe("LK013", text) == FRENCH.rstrip("\n") + "\n"


# BP016: a cross-post note with its link is certain; a licence or "do not reproduce" notice is not.

BODY = "Body text of the article.\n\n"


@pytest.mark.parametrize(
    "note",
    [
        "_Originally published at_ [_https://example.substack.com_](https://open.substack.com/pub/example/p/post)_._",
        "*Ursprünglich veröffentlicht auf [meinem Blog](https://blog.example.de/post)*",
        "Publicado originalmente en [mi blog](https://blog.example.es/post).",
    ],
)
def test_a_cross_post_note_with_its_link_goes_with_safe_fixes(note: str) -> None:
    assert _safe("BP016", BODY + note + "\n") == BODY.rstrip("\n") + "\n"


@pytest.mark.parametrize(
    "note",
    [
        "Originally published at https://blog.example.com/post",
        "版权声明：本文为博主原创文章，遵循 [CC 4.0 BY-SA](http://creativecommons.org/licenses/by-sa/4.0/) 版权协议，转载请附上原文出处链接和本声明。",
    ],
)
def test_a_licence_or_a_note_without_a_link_waits_for_unsafe_fixes(note: str) -> None:
    text = BODY + note + "\n"
    assert _safe("BP016", text) == text
    assert _unsafe("BP016", text) == BODY.rstrip("\n") + "\n"


CRAWLED_MENU = (
    "[![](https://www.example.com/images/logo.png)](https://www.example.com)\n\n"
    "* [Home](https://www.example.com)\n"
    "* [Research](https://www.example.com/research/)\n"
    "* [News](https://www.example.com/news)\n\n"
    "Search\n\n"
)
MALWARE = (
    "# Malware posing as a meeting app\n\n"
    "A new family of malware poses as a meeting application and steals the wallets of the "
    "people who install it, most of them working in Web3.\n"
)


def test_a_crawled_menu_closed_by_the_front_matters_title_goes_with_safe_fixes() -> None:
    front = (
        '---\ntitle: "Malware posing as a meeting app"\n'
        "source: https://www.example.com/posts/meeting-app-malware.html\n---\n"
    )
    assert _safe("BP105", front + CRAWLED_MENU + MALWARE) == front + "\n" + MALWARE


def test_a_crawled_menu_without_a_title_to_close_it_waits_for_unsafe_fixes() -> None:
    front = "---\nsource: https://www.example.com/posts/meeting-app-malware.html\n---\n"
    text = front + CRAWLED_MENU + MALWARE
    assert _safe("BP105", text) == text
    assert _unsafe("BP105", text) == front + "\n" + MALWARE


# BP001: a related list inside the site is certain when every link is a post's address.

JAPANESE = "本文の最後の段落です。\n\n"


def test_a_related_list_of_the_sites_posts_goes_with_safe_fixes() -> None:
    related = (
        "## 関連記事\n\n"
        "- [プログラミングスクール比較](/blog/2026-03-08-programming-school-comparison)\n"
        "- [エンジニア転職完全ガイド](/blog/2026-03-09-engineer-career-change-guide)\n"
    )
    assert _safe("BP001", JAPANESE + related) == JAPANESE.rstrip("\n") + "\n"


def test_a_related_list_of_the_sites_other_pages_waits_for_unsafe_fixes() -> None:
    related = "## 関連記事\n\n- [インストール](/guide/install)\n- [設定](/guide/config)\n"
    text = JAPANESE + related
    assert _safe("BP001", text) == text
    assert _unsafe("BP001", text) == JAPANESE.rstrip("\n") + "\n"


# BP047: a "posted in" line is certain when every link is a category or tag page.

SPANISH = "El último párrafo del artículo.\n\n"


def test_a_posted_in_line_to_category_pages_goes_with_safe_fixes() -> None:
    line = "Publicado en [Viajes](https://blog.example.es/category/viajes/), [Asia](https://blog.example.es/tag/asia/)\n"
    assert _safe("BP047", SPANISH + line) == SPANISH.rstrip("\n") + "\n"


def test_a_published_in_line_to_a_journal_waits_for_unsafe_fixes() -> None:
    line = "Published in [Nature Physics](https://www.nature.com/nphys/)\n"
    text = "Our paper on the quantum Hall effect.\n\n" + line
    assert _safe("BP047", text) == text
    assert _unsafe("BP047", text) == "Our paper on the quantum Hall effect.\n"


# LK008: a row of the previous and the next post is certain when both are posts' addresses.

LAST = "The article's last paragraph.\n\n"


def test_a_post_navigation_row_between_dated_posts_goes_with_safe_fixes() -> None:
    row = (
        "[« How to grind coffee beans at home](https://blog.example.com/2023/04/grind-coffee/) | "
        "[Why your espresso tastes sour »](https://blog.example.com/2023/06/sour-espresso/)\n"
    )
    assert _safe("LK008", LAST + row) == LAST.rstrip("\n") + "\n"


def test_a_row_between_two_other_pages_waits_for_unsafe_fixes() -> None:
    row = (
        "[« How to grind coffee beans at home](https://coffee.example.com/grind-coffee) | "
        "[Why your espresso tastes sour »](https://coffee.example.com/sour-espresso)\n"
    )
    text = LAST + row
    assert _safe("LK008", text) == text
    assert _unsafe("LK008", text) == LAST.rstrip("\n") + "\n"


# LK010: one "next post" link in the tail is certain when it leads to a post's address.


def test_a_next_post_link_to_a_dated_post_goes_with_safe_fixes() -> None:
    text = LAST + "[Next post: Raft by example](https://blog.example.com/2023/05/raft/)\n"
    assert _safe("LK010", text) == LAST.rstrip("\n") + "\n"


def test_a_next_tutorial_link_to_another_page_waits_for_unsafe_fixes() -> None:
    text = LAST + "**Next tutorial - [Pointers](https://tutorials.example.com/pointers/)**\n"
    assert _safe("LK010", text) == text
    assert _unsafe("LK010", text) == LAST.rstrip("\n") + "\n"


# BP083: a chrome tail is certain when every block of it is: the other rules' by their safe
# fixes, the blocks it adds by the theme's links, avatars or a widget's label alone.

WP_POST = (
    "# SOP bypass via the browser cache\n\n"
    "Whilst hunting for security issues on a public bug bounty program, I noticed that several "
    "API endpoints had CORS enabled, and that one of them returned private data from the cache "
    "to any origin that asked for it with the force-cache option of fetch.\n\n"
)
WP_TAIL = (
    "### Share this:\n\n"
    "* [Twitter](https://blog.example.com/2019/12/24/sop-bypass/?share=twitter)\n"
    "* [Facebook](https://blog.example.com/2019/12/24/sop-bypass/?share=facebook)\n\n"
    "Like Loading...\n\n"
    "### _Related_\n\n"
    "[CORS](https://blog.example.com/tag/cors/)[HackerOne](https://blog.example.com/tag/hackerone/)\n\n"
    "![Unknown's avatar](https://2.gravatar.com/avatar/b4f8d77b183e297e?s=60&d=identicon)\n\n"
    "## Published by Dantalion\n\n"
    "[View all posts by Dantalion](https://blog.example.com/author/dantalion/)\n"
)


def test_a_wordpress_tail_of_theme_blocks_goes_with_safe_fixes() -> None:
    assert mdclean.fix(WP_POST + WP_TAIL).text == WP_POST.rstrip("\n") + "\n"


def test_a_tail_holding_a_bio_no_rule_knows_waits_for_unsafe_fixes() -> None:
    bio = "Dantalion breaks web apps for a living and writes about it on weekends.\n\n"
    tail = WP_TAIL.replace("## Published by Dantalion\n\n", bio)
    fixed = mdclean.fix(WP_POST + tail).text
    assert "### _Related_" in fixed and bio.strip() in fixed
    assert mdclean.fix(WP_POST + tail, unsafe=True).text == WP_POST.rstrip("\n") + "\n"


def test_a_tail_line_linking_elsewhere_waits_for_unsafe_fixes() -> None:
    sources = "[RFC 6454](https://www.rfc-editor.org/rfc/rfc6454) · [HackerOne](https://hackerone.com/reports/761726)\n\n"
    tail = WP_TAIL.replace("![Unknown's avatar]", sources + "![Unknown's avatar]")
    assert "RFC 6454" in mdclean.fix(WP_POST + tail).text


# BP041: "Published by NAME" over a link to the author's archive is a theme's template.

CARD_POST = (
    "The migration took three weeks, mostly because the old build scripts had grown around "
    "assumptions nobody had written down, and each one had to be found by breaking it first.\n\n"
)


def test_a_published_by_card_linking_the_archive_goes_with_safe_fixes() -> None:
    card = (
        "## Published by Jane Doe\n\n"
        "[View all posts by Jane Doe](https://blog.example.com/author/jane/)\n"
    )
    assert _safe("BP041", CARD_POST + card) == CARD_POST.rstrip("\n") + "\n"


def test_a_published_by_card_linking_a_profile_only_waits_for_unsafe_fixes() -> None:
    card = (
        "## Published by Jane Doe\n\n"
        "Jane writes about build systems and the occasional bike trip.\n\n"
        "[Twitter](https://twitter.com/janedoe)\n"
    )
    text = CARD_POST + card
    assert _safe("BP041", text) == text
    assert _unsafe("BP041", text) == CARD_POST.rstrip("\n") + "\n"


# BP039: a byline linking the author's archive is certain when its text is the theme's template.


def test_an_archive_link_in_the_theme_template_goes_with_safe_fixes() -> None:
    line = "[Voir tous les articles par Joao Gabriel](https://blog.example.fr/author/joao/)\n\n"
    text = CARD_POST + line + "## Navigation des articles\n"
    assert _safe("BP039", text) == CARD_POST + "## Navigation des articles\n"


def test_an_archive_link_under_the_authors_name_waits_for_unsafe_fixes() -> None:
    line = "[Joao Gabriel](https://blog.example.fr/author/joao/)\n\n"
    text = CARD_POST + line + "## Navigation des articles\n"
    assert _safe("BP039", text) == text
    assert _unsafe("BP039", text) == CARD_POST + "## Navigation des articles\n"


def test_a_tail_with_an_empty_widget_remnant_goes_with_safe_fixes() -> None:
    tail = WP_TAIL.replace("### _Related_\n\n", "<>\n\n### _Related_\n\n")
    assert mdclean.fix(WP_POST + tail).text == WP_POST.rstrip("\n") + "\n"


def test_a_tail_with_a_word_of_its_own_waits_for_unsafe_fixes() -> None:
    tail = WP_TAIL.replace("### _Related_\n\n", "Enjoy!\n\n### _Related_\n\n")
    assert "Enjoy!" in mdclean.fix(WP_POST + tail).text
    assert mdclean.fix(WP_POST + tail, unsafe=True).text == WP_POST.rstrip("\n") + "\n"


# LK013: WordPress's "Meta" widget, link for link, is its template; a guide's list of a blog's
# log-in and feed addresses (no WordPress.org credit, or an example host) stays unsafe.

ES_ARTICLE = (
    "El último párrafo del artículo cuenta cómo instalamos el servidor, cómo lo configuramos "
    "y qué vimos al arrancarlo por primera vez, con palabras suficientes para ser un párrafo "
    "de verdad y no una línea suelta.\n\n"
)
META_WIDGET = (
    "## Meta\n\n"
    "- [Acceder](https://blog.montana.es/wp-login.php)\n"
    "- [Feed de entradas](https://blog.montana.es/feed/)\n"
    "- [Feed de comentarios](https://blog.montana.es/comments/feed/)\n"
    "- [WordPress.org](https://es.wordpress.org/)\n"
)
GUIDE_LIST = (
    "- [Acceso](https://blog.montana.es/wp-login.php)\n"
    "- [Feed de entradas](https://blog.montana.es/feed/)\n"
    "- [Feed de comentarios](https://blog.montana.es/comments/feed/)\n"
)


def test_wordpress_meta_widget_goes_with_safe_fixes() -> None:
    assert _safe("LK013", ES_ARTICLE + META_WIDGET) == ES_ARTICLE.rstrip("\n") + "\n"


@pytest.mark.parametrize(
    "block",
    [
        GUIDE_LIST,
        META_WIDGET.replace("blog.montana.es", "blog.example.com"),
        META_WIDGET.replace(
            "- [Feed de comentarios](https://blog.montana.es/comments/feed/)\n", ""
        ),
    ],
)
def test_lookalikes_of_the_meta_widget_stay_unsafe(block: str) -> None:
    text = ES_ARTICLE + block
    assert _safe("LK013", text) == text
    assert _unsafe("LK013", text) != text


def test_reference_link_is_documentation_or_a_reference_folder() -> None:
    from mdclean.matchers.fix_safety import reference_link

    assert reference_link("https://docs.python.org/3/library/re.html")
    assert reference_link("https://example.org/api/v2/users")
    assert reference_link("/reference/")
    assert not reference_link("https://blog.example.org/2024/05/post/")


# BP155: a counted thread's header whose number the crawl glued to a quote still goes with safe
# fixes when it links its author's profile; without that link it waits for --unsafe-fixes.

FORUM = (
    "[kasia_w](https://forum.drukarki3d.pl/u/kasia_w) 12 marca 2024, 10:15 1\n\n"
    "Drukarka przestała podawać filament po wymianie dyszy, co sprawdzić najpierw?\n\n"
    "[marek](https://forum.drukarki3d.pl/u/marek) 12 marca 2024, 11:02 2\n\n"
    "Sprawdź napięcie sprężyny ekstrudera i czy dysza jest dobrze dokręcona na gorąco.\n\n"
    "[kasia_w](https://forum.drukarki3d.pl/u/kasia_w) 12 marca 2024, 18:40 3\n\n"
    "Pomogło dokręcenie dyszy na gorąco, dziękuję za podpowiedź.\n\n"
)
GLUED = (
    "[ola](https://forum.drukarki3d.pl/u/ola) 14 marca 2024, 09:12 4"
    "![](https://forum.drukarki3d.pl/letter_avatar_proxy/v4/letter/k/e47c2a/48.png) kasia_w:\n\n"
    "U mnie to samo, dopiero wymiana rurki PTFE pomogła na dobre.\n"
)


def test_a_counted_thread_header_glued_to_a_quote_goes_with_safe_fixes() -> None:
    fixed = _safe("BP155", FORUM + GLUED)
    assert "forum.drukarki3d.pl/u/" not in fixed
    assert "wymiana rurki PTFE" in fixed and "dokręcenie dyszy" in fixed


def test_a_counted_thread_header_without_number_or_profile_stays_unsafe() -> None:
    unlinked = (
        "ola\n\n[14 marca 2024, 09:12](https://forum.drukarki3d.pl/t/dysza/123/4)\n\n"
        "U mnie to samo, dopiero wymiana rurki PTFE pomogła na dobre.\n"
    )
    text = FORUM + unlinked
    assert "/t/dysza/123/4" in _safe("BP155", text)
    assert "/t/dysza/123/4" not in _unsafe("BP155", text)


# BP154: Discourse's whole credit glued under the last post goes with safe fixes when the page's
# own address (its front matter) is a Discourse topic; the same line on any other page waits.

DISCOURSE_TAIL = (
    "Bei mir lag es am Zigbee-Stick: nach dem Firmware-Update lief alles wieder stabil.\n"
    "Betrieben mit Discourse, beste Erfahrung mit aktiviertem JavaScript\n"
)


def test_discourse_credit_on_a_topic_page_goes_with_safe_fixes() -> None:
    head = "---\nsource: https://forum.heimnetz.de/t/zigbee-stick-faellt-aus/4711\n---\n\n"
    fixed = _safe("BP154", head + DISCOURSE_TAIL)
    assert "JavaScript" not in fixed
    assert fixed.endswith("lief alles wieder stabil.\n")


@pytest.mark.parametrize(
    "head",
    [
        "",
        "---\nsource: https://blog.heimnetz.de/2024/05/discourse-einrichten/\n---\n\n",
        "---\ntitle: Zigbee\n---\n\n",
    ],
)
def test_discourse_credit_elsewhere_stays_unsafe(head: str) -> None:
    text = head + DISCOURSE_TAIL
    assert _safe("BP154", text) == text
    assert "JavaScript" not in _unsafe("BP154", text)


def test_a_credit_without_its_javascript_notice_stays_unsafe() -> None:
    head = "---\nsource: https://forum.heimnetz.de/t/zigbee-stick-faellt-aus/4711\n---\n\n"
    text = head + "Bei mir lag es am Zigbee-Stick, jetzt läuft alles.\nPowered by Discourse\n"
    assert _safe("BP154", text) == text


def test_the_meta_widget_with_plain_permalinks_or_on_wordpress_com_goes_with_safe_fixes() -> None:
    plain = (
        "### Meta\n\n"
        "* [Connexion](https://carnet.lefevre.fr/blog/wp-login.php)\n"
        "* [Flux des publications](https://carnet.lefevre.fr/blog/?feed=rss2)\n"
        "* [Flux des commentaires](https://carnet.lefevre.fr/blog/?feed=comments-rss2)\n"
        "* [Site de WordPress-FR](https://fr.wordpress.org/)\n"
    )
    hosted = (
        "### Méta\n\n"
        "* [Créer un compte](https://wordpress.com/start?ref=wplogin)\n"
        "* [Connexion](https://carnetlefevre.wordpress.com/wp-login.php)\n"
        "* [Flux des publications](https://carnetlefevre.wordpress.com/feed/)\n"
        "* [Flux des commentaires](https://carnetlefevre.wordpress.com/comments/feed/)\n"
        "* [WordPress.com](https://wordpress.com/)\n"
    )
    for widget in (plain, hosted):
        assert _safe("LK013", ES_ARTICLE + widget) == ES_ARTICLE.rstrip("\n") + "\n"


# BP630: a stamp beside a link to the author's archive page is safe; beside a bare name, unsafe.

STAMP_TITLE = "[Startseite](https://www.example.de/)\n\n# Pferdesport bei Olympia 2028\n\n"
STAMP_BODY = (
    "Das Internationale Olympische Komitee hat entschieden, dass der Pferdesport auch 2028 in "
    "Los Angeles zum Programm der Spiele gehört.\n"
)


def test_a_title_stamp_beside_the_author_archive_link_is_safe() -> None:
    run = "[Dominique Wehrmann](https://www.example.de/autor/wehrmann/)\n\nam 4. Februar 2022 um 11:23\n\n"
    assert _safe("BP630", STAMP_TITLE + run + STAMP_BODY) == STAMP_TITLE + STAMP_BODY


def test_a_title_stamp_beside_a_bare_name_is_unsafe() -> None:
    text = STAMP_TITLE + "Dominique Wehrmann\n\nam 4. Februar 2022 um 11:23\n\n" + STAMP_BODY
    assert _safe("BP630", text) == text
    assert _unsafe("BP630", text) == STAMP_TITLE + STAMP_BODY


def test_a_title_stamp_alone_is_safe() -> None:
    """Under a title heading, a run of nothing but dates with their times or labels: the place
    and every token of the lines say the same."""
    run = "Veröffentlicht: 04.02.2022, 11:23 Uhr\n| aktualisiert: 04.02.2022, 12:05 Uhr\n\n"
    assert _safe("BP630", STAMP_TITLE + run + STAMP_BODY) == STAMP_TITLE + STAMP_BODY


def test_a_title_stamp_with_a_section_or_a_text_copy_stamp_is_unsafe() -> None:
    sectioned = STAMP_TITLE + "04.02.2022, 11:23 Uhr | Sport\n\n" + STAMP_BODY
    assert _safe("BP630", sectioned) == sectioned
    assert _unsafe("BP630", sectioned) == STAMP_TITLE + STAMP_BODY
    copy = (
        "Pferdesport bei Olympia 2028\n\n04.02.2022 | 11:23\n\nAktualisiert: 12.05pm\n\n"
        + STAMP_BODY
    )
    assert _safe("BP630", copy) == copy


def test_a_title_stamp_that_links_the_author_archive_on_its_own_line_is_safe() -> None:
    """One line of the author's archive link, the site's name and the stamp: the CMS's
    address and the stamp's date agree, as a link beside a stamp does."""
    line = "[Dominique Wehrmann](/sport/autor/wehrmann-1.47) · Sport · Publiziert: 04.02.2022 11:23\n\n"
    assert _safe("BP630", STAMP_TITLE + line + STAMP_BODY) == STAMP_TITLE + STAMP_BODY


def test_a_title_stamp_beside_a_byline_or_an_author_link_with_its_role_is_safe() -> None:
    """A name after a byline's own word ("von", "Por") beside a stamp: the word, the name's
    shape and the stamp agree; so does an author's archive link with a role beside it. A bare
    name beside a stamp still waits (``test_a_title_stamp_beside_a_bare_name_is_unsafe``)."""
    byline = "von Dominique Wehrmann\n\nam 4. Februar 2022 um 11:23\n\n"
    assert _safe("BP630", STAMP_TITLE + byline + STAMP_BODY) == STAMP_TITLE + STAMP_BODY
    role = "am 4. Februar 2022 um 11:23\n\n[Dominique Wehrmann](/autor/wehrmann/)   Leitende Sportredakteurin\n\n"
    assert _safe("BP630", STAMP_TITLE + role + STAMP_BODY) == STAMP_TITLE + STAMP_BODY
    sentence = "[Dominique Wehrmann](/autor/wehrmann/) schreibt seit 2010 über den Sport.\n\n"
    text = STAMP_TITLE + "am 4. Februar 2022 um 11:23\n\n" + sentence + STAMP_BODY
    assert sentence in _unsafe("BP630", text)


def test_a_title_stamp_with_its_reading_time_is_safe() -> None:
    """A reading time beside the date and its time is the template's too."""
    run = "Publié le 4 février 2022 à 11h23 Lecture 2 min.\n\n"
    assert _safe("BP630", STAMP_TITLE + run + STAMP_BODY) == STAMP_TITLE + STAMP_BODY


STANDFIRST = (
    "Der Reitsport bleibt olympisch, auch wenn viele Verbände lange um ihn bangen mussten.\n\n"
)


def test_a_stamp_under_the_standfirst_with_its_widgets_goes() -> None:
    """A template's stamp under the title's standfirst, beside its rating label and share
    caption; a stamp alone between two paragraphs (a diary's) stays."""
    head = STAMP_TITLE + STANDFIRST
    text = head + "4 Feb, 2022 11:23 Uhr\nBewertung:\n\nTeilen\n\n" + STAMP_BODY
    assert _safe("BP630", text) == head + "Teilen\n\n" + STAMP_BODY
    diary = head + "4. Februar 2022, 11:23 Uhr\n\n" + STAMP_BODY
    assert _unsafe("BP630", diary) == diary

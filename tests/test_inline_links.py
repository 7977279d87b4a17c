"""``inline_links``: inline Markdown links read from raw lines, the one reading of their syntax
(edge_meta, author_echo, line_reading, edge_widget_lines read links with it)."""

from __future__ import annotations

import pytest

from mdclean.matchers.inline_links import (
    JOINED_LINK,
    JOINED_LINK_CLOSE,
    LINK,
    image_openings,
    is_image,
    is_one_image,
    is_one_link,
    link_texts,
    links,
    named_images,
    target_openings,
    without_images,
    without_images_from,
    without_links,
    without_links_to,
    without_loose_links,
    without_one_line_images,
)


def test_links_with_titles_and_angle_brackets() -> None:
    raw = (
        'Publicado por [Ana Ruiz](/autor/ana-ruiz/ "Ver perfil") en '
        "[Política](<https://www.example.es/seccion/politica/>) y [Economía](/economia/ 'Sección')"
    )
    assert links(raw) == [
        ("Ana Ruiz", "/autor/ana-ruiz/"),
        ("Política", "https://www.example.es/seccion/politica/"),
        ("Economía", "/economia/"),
    ]


def test_an_image_is_read_unless_asked_not_to() -> None:
    raw = "![Фото](https://img.example.ru/a.jpg) [Андрей Сидорчик](/opinion/author/1174)"
    assert links(raw) == [
        ("Фото", "https://img.example.ru/a.jpg"),
        ("Андрей Сидорчик", "/opinion/author/1174"),
    ]
    assert links(raw, images=False) == [("Андрей Сидорчик", "/opinion/author/1174")]
    assert [is_image(match) for match in LINK.finditer(raw)] == [True, False]


def test_a_linked_picture_yields_its_picture() -> None:
    raw = "[![](//media.example.com/w400/thumb.jpg)](https://www.example.com/articles/x)"
    assert links(raw) == [("", "//media.example.com/w400/thumb.jpg")]


def test_a_target_with_parentheses_or_spaces_is_no_link() -> None:
    assert links("[Wiki](https://en.example.org/wiki/Foo_(bar))") == []
    assert links("[texto](/a b)") == []


def test_without_links_keeps_an_images_bang() -> None:
    raw = "Posted on [March 3, 2024](/2024/03/03/slug/) in ![i](/i.png)[News](/category/news/)"
    assert without_links(raw) == "Posted on   in !  "


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        (
            "Lire aussi : [Le conseil vote](/politique/1234-le-conseil-vote)",
            "Lire aussi : Le conseil vote",
        ),
        ("[二月 3, 2024](/a b) 张三", "二月 3, 2024 张三"),  # a broken target: still a link
        ("no [link] here", "no [link] here"),
    ],
)
def test_link_texts(raw: str, text: str) -> None:
    assert link_texts(raw) == text


@pytest.mark.parametrize(
    ("raw", "one"),
    [
        ("[Authors](/authors/)", True),
        ("  [Autoren][1]  ", True),
        ("[Authors](/authors/) and more", False),
        ("[](/empty)", False),
        ("Authors", False),
    ],
)
def test_is_one_link(raw: str, one: bool) -> None:
    assert is_one_link(raw) is one


def test_without_images_reads_an_image_as_a_reader_sees_it() -> None:
    # (line_reading's images: a source with spaces or a title still goes, a linked picture
    # leaves its link, a link alone is no image)
    raw = '![Logo der Stadt](/bilder/logo stadt.png "Logo") Rathaus [![Karte](/karte.jpg)](/plan/)'
    assert without_images(raw) == ("  Rathaus [ ](/plan/)", True)
    assert without_images("[Inicio](/) ![](<https://cdn.example.com/a.gif>)", by="") == (
        "[Inicio](/) ",
        True,
    )
    assert without_images("Voir [la carte](/carte/) ! [Note]") == (
        "Voir [la carte](/carte/) ! [Note]",
        False,
    )


def test_target_openings_read_each_target_from_its_opening() -> None:
    # (written_targets, chrome_line_runs: a title, angle brackets, a space after the opening
    # parenthesis, a target a converter cut at the line's end)
    raw = (
        '[Startseite](/ "Home") ![Bild](<https://cdn.example.de/a b.png>) '
        "[Weiterlesen]( /2024/05/artikel) [Kontakt](https://www.example.de/kontakt-"
    )
    assert target_openings(raw) == [
        "/",
        "https://cdn.example.de/a",
        "/2024/05/artikel",
        "https://www.example.de/kontakt-",
    ]
    assert target_openings("Texto sin enlaces (ni paréntesis raros) [nota]") == []


def test_image_openings_read_alt_and_source() -> None:
    # (author_box, fix_safety, head_parts: an alt on one line, the source without its title;
    # a linked picture yields its picture; an alt broken over two lines is no image)
    raw = (
        '![Фото: Анна Петрова](/img/anna.jpg "Анна") '
        "[![](https://example.ru/avatar.png)](/author/anna/) ![две\nстроки](/b.png)"
    )
    assert image_openings(raw) == [
        ("Фото: Анна Петрова", "/img/anna.jpg"),
        ("", "https://example.ru/avatar.png"),
    ]


def test_link_texts_may_drop_an_images_mark() -> None:
    # (calendar_table reads a cell's picture as its alt alone)
    raw = "![Logo](/logo.png) [Lundi 6](/2024/05/06/)"
    assert link_texts(raw) == "!Logo Lundi 6"
    assert link_texts(raw, keep_bangs=False) == "Logo Lundi 6"


def test_without_loose_links_takes_images_whole() -> None:
    # (own_copyright reads a footer line's words without its links and badges)
    raw = "© 2024 [Ejemplo S.A.](https://www.example.es/) ![badge](/img/b a.svg) Todos"
    assert without_loose_links(raw) == "© 2024     Todos"
    assert without_loose_links(raw, by="") == "© 2024   Todos"


def test_without_one_line_images_leaves_a_linked_pictures_link() -> None:
    # (navigation_cards, post_cards: a card's picture goes, its link and title stay; an alt
    # over two lines or a source with parentheses is left as written)
    raw = (
        "[![Vorschau](/img/a.jpg)](/2024/05/titel/) ![Bild](/img/b (1).jpg) ![zwei\nZeilen](/c.png)"
    )
    assert without_one_line_images(raw) == (
        "[ ](/2024/05/titel/) ![Bild](/img/b (1).jpg) ![zwei\nZeilen](/c.png)"
    )
    assert without_one_line_images("![](/x.png)**Título**", by="") == "**Título**"


def test_named_images_read_alt_and_source_as_a_reader_sees_the_image() -> None:
    # tip_jar reads a QR code by its alt or its file: the source up to a space, a title and a
    # broken target's rest aside; a target with parentheses is no image.
    raw = (
        '![支付宝](/img/alipay-qr.png "扫码") ![](/img/wx pay.jpg) '
        "![x](/a_(b).png) [![PayPal](/pp.svg)](https://paypal.me/x)"
    )
    assert named_images(raw, lambda alt, source: f"<{alt}|{source}>") == (
        "<支付宝|/img/alipay-qr.png> <|/img/wx> ![x](/a_(b).png) [<PayPal|/pp.svg>](https://paypal.me/x)"
    )
    assert named_images(raw, lambda alt, source: " ") == without_images(raw)[0]


def test_without_links_to_drops_a_platforms_links_and_linked_pictures() -> None:
    # platform_chrome drops the links to the platform's own pages: a linked picture whole, a
    # link (a title in either quotes), never a bare image whose source matches.
    raw = (
        '[![VIP](/b/vip.png "x")](https://mall.csdn.net/vip?a=1) [立即使用](https://mall.csdn.net/vip "开通") '
        "[Mitglied werden](<https://mall.csdn.net/vip> 'Jetzt') ![](https://mall.csdn.net/vip.png) "
        "[Artikel](https://blog.csdn.net/x/article/1)"
    )
    assert without_links_to(raw, lambda href: "mall.csdn.net/vip" in href) == (
        "   ![](https://mall.csdn.net/vip.png) [Artikel](https://blog.csdn.net/x/article/1)"
    )


def test_without_images_from_takes_an_images_bang() -> None:
    raw = "![](https://assets.dev.to/assets/heart.svg) 25 ![Foto](/x.jpg 'Bild') [![](/a.png)](/b)"
    assert without_images_from(raw, lambda source: "assets.dev.to" in source) == (
        " 25 ![Foto](/x.jpg 'Bild') [![](/a.png)](/b)"
    )
    assert without_images_from(raw, lambda source: source.endswith(".png")) == (
        "![](https://assets.dev.to/assets/heart.svg) 25 ![Foto](/x.jpg 'Bild') [](/b)"
    )


def test_a_joined_link_reads_as_link_while_its_title_stands_on_one_line() -> None:
    # navigation_cards and post_cards join a card's blocks; a link reads as LINK reads it, an
    # empty target too (no post: may_be_a_post says so), its text across the blocks.
    raw = (
        '### Vorheriger Beitrag\n\n[Der alte Hafen](/2024/05/der-alte-hafen/ "Lesen") '
        "[Article suivant\n\nLe vieux port](<https://blog.example.fr/vieux-port/> 'Lire') [vide]()"
    )
    read = [(match["text"], match["href"]) for match in JOINED_LINK.finditer(raw)]
    assert read == [(match["text"], match["href"]) for match in LINK.finditer(raw)]
    assert read == [
        ("Der alte Hafen", "/2024/05/der-alte-hafen/"),
        ("Article suivant\n\nLe vieux port", "https://blog.example.fr/vieux-port/"),
        ("vide", ""),
    ]
    assert JOINED_LINK_CLOSE.findall(raw) == [href for _, href in read]
    # A quote opened in one block is no title closed in the next one.
    cut = '[Next post](/next/ "Title\n\ncut") [Older](/older/)'
    assert [match["href"] for match in LINK.finditer(cut)] == ["/next/", "/older/"]
    assert [match["href"] for match in JOINED_LINK.finditer(cut)] == ["/older/"]
    assert JOINED_LINK_CLOSE.findall(cut) == ["/older/"]


def test_image_openings_read_a_buttons_source_as_promo_box_did() -> None:
    # promo_box reads its buttons' image sources so; a source left empty ("![a]()", "![b](  )")
    # reads as "", which no button's address matches.
    raw = (
        "[![Buy Me A Coffee](https://cdn.buymeacoffee.com/buttons/v2/default-yellow.png)]"
        "(https://www.buymeacoffee.com/x) ![Unterstützen](<https://liberapay.com/assets/widgets/donate.svg>)"
        " ![a]() ![b](  ) ![Patreon](https://c5.patreon.com/external/logo/become_a_patron_button.png"
    )
    assert [source for _, source in image_openings(raw)] == [
        "https://cdn.buymeacoffee.com/buttons/v2/default-yellow.png",
        "https://liberapay.com/assets/widgets/donate.svg",
        "",
        "",
        "https://c5.patreon.com/external/logo/become_a_patron_button.png",
    ]


@pytest.mark.parametrize(
    ("raw", "one"),
    [
        ('![Obra de teatro en Madrid](https://cdn.example.es/fotos/obra.jpg "Foto: EFE")', True),
        ("![](//img.example.pl/kultura/winda-w-chmurach.jpg)", True),
        ("![Bild](<https://example.de/bild mit leerzeichen.jpg>)", False),
        ("![Photo](/a.jpg 'Crédit')", True),
        ("[![Фото](/a.jpg)](/novosti/123)", False),
        ("![Foto](/a.jpg) Lesen Sie mehr", False),
        ("![Foto](/a_(1).jpg)", False),
    ],
)
def test_is_one_image(raw: str, one: bool) -> None:
    # pictured_cards: a card's picture alone on its line, as LINK reads an image
    assert is_one_image(raw) is one

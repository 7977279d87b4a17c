"""A widget's own evidence vouches for a part of an unsafe finding (``mdclean.widget_evidence``):
whole blocks of one family's share or follow links and captions, two lines and a link of the
family's shape at least, made safe when they hold nothing else; beside each, its look-alikes
(a caption without a link, one link alone, two families, a log-in link, part of a paragraph,
code or an HTML block, a manual's share link)."""

from __future__ import annotations

from vouching_parts import safe_parts

from mdclean.widget_evidence import FOLLOW, NEWSLETTER, SHARE, read_line, widget_runs

ARTICLE = (
    "# Il bilancio\n\n"
    "Il consiglio ha approvato il nuovo bilancio lunedì dopo un lungo dibattito sulle scuole.\n"
    "I consiglieri hanno discusso per tre ore prima del voto finale, passato di poco.\n\n"
)
HEADLINES = (
    "Dieci parchi da visitare quest'estate con la famiglia\n"
    "Perché la riparazione del ponte richiede un altro anno\n\n"
)
SHARE_ROW = (
    "Condividi\n\n"
    "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://giornale.example.it/a)\n"
    "[X](https://twitter.com/intent/tweet?url=https://giornale.example.it/a)\n\n"
)


def _parts(text: str, first: str) -> list[str]:
    """The safe parts of an unsafe finding that removes everything from ``first`` on (a tail)."""
    return safe_parts(text, text[text.index(first) :], "BP421")


def test_a_share_row_of_two_endpoints_in_a_tail_of_headlines_is_a_part() -> None:
    assert _parts(ARTICLE + HEADLINES + SHARE_ROW, HEADLINES[:10]) == [SHARE_ROW.rstrip("\n")]


def test_a_follow_caption_over_two_russian_profiles_is_a_part() -> None:
    row = (
        "Подписывайтесь на нас\n\n"
        "- [Одноклассники](https://ok.ru/gazeta)\n"
        "- [Дзен](https://dzen.ru/gazeta)\n"
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == [row.rstrip("\n")]


def test_captions_without_a_link_are_no_part() -> None:
    # a newsletter caption alone, a follow caption over a network's bare name, Blogger's three
    # button captions: no link of the family's shape, so they wait for --unsafe-fixes
    for tail in (
        "Iscriviti alla newsletter\n\n",
        "Seguici sui social\nInstagram\n",
        "Email This\nBlogThis!\nShare to Twitter\n",
    ):
        assert _parts(ARTICLE + HEADLINES + tail, HEADLINES[:10]) == [], tail


def test_one_link_alone_is_no_part() -> None:
    row = "[Join us on Discord](https://discord.com/invite/abc)\n"
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_a_subscribe_button_beside_a_follow_link_is_two_families_and_no_part() -> None:
    row = "[Abonnieren](#/portal/signup)\n[Folgen](https://x.com/beispiel)\n\n"
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_a_login_link_among_share_links_cuts_the_row() -> None:
    row = (
        "[Twitter](https://blog.example.es/p/?share=twitter)\n"
        "[Acceder](https://blog.example.es/wp-login.php)\n"
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_a_row_inside_a_paragraph_of_prose_is_no_part() -> None:
    row = (
        "Partager sur Facebook\n"
        "[Twitter](https://twitter.com/intent/tweet?url=https://journal.example.fr/a)\n"
        "Le conseil municipal se réunira de nouveau en septembre pour voter le budget.\n"
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_a_row_in_an_html_block_is_no_part() -> None:
    row = (
        "<div>\n"
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://giornale.example.it/a)\n"
        "[X](https://twitter.com/intent/tweet?url=https://giornale.example.it/a)\n"
        "</div>\n"
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_line_readings_in_several_languages() -> None:
    for line, family in (
        ("Partager sur Facebook", SHARE),
        ("카카오스토리 공유", SHARE),
        ("트위터 공유하기", SHARE),
        ("Tweetnij", SHARE),
        ("Wyślij znajomemu", SHARE),
        ("Seguici sui social", FOLLOW),
        ("Suivez-nous", FOLLOW),
        ("Подпишитесь на рассылку", NEWSLETTER),
        ("[VK](https://vk.com/gazeta)", FOLLOW),
        ("[OK](https://ok.ru/group/5460)", FOLLOW),
        ("* [微博](https://service.weibo.com/share/share.php?url=x)", SHARE),
    ):
        reading = read_line(line)
        assert reading is not None and family in reading.families, line
    for line in (
        "Subscribe to the council's minutes if you want to follow the debate closely.",
        "[Share](https://docs.example.com/guide/sharing)",
        "[Studie](https://doi.org/10.1/x)",
        "[Acceso](https://blog.example.es/wp-login.php)",
        "![logo](https://giornale.example.it/logo.png) Seguici su Facebook",
    ):
        assert read_line(line) is None, line


def test_a_manuals_share_link_among_sentences_is_no_run() -> None:
    docs = (
        "To add a share button, link to the endpoint:\n\n"
        "[Share on X](https://twitter.com/intent/tweet?text=Hello)\n\n"
        "The button opens the composer with the text filled in.\n"
    )
    assert widget_runs(docs.splitlines()) == []

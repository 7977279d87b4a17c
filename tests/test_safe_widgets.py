"""A widget's own evidence vouches for a part of an unsafe finding (``mdclean.widget_evidence``):
whole blocks of one family's share or follow links and captions, two lines and a link of the
family's shape at least, made safe when they hold nothing else; beside each, its look-alikes
(a caption without a link, one link alone, two families, a log-in link, part of a paragraph,
code or an HTML block, a manual's share link)."""

from __future__ import annotations

from vouching_parts import safe_parts

from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability, Edit, Fix, Violation
from mdclean.vouching import page_parts
from mdclean.widget_evidence import APP, FOLLOW, NEWSLETTER, SHARE, read_line, widget_runs

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


def test_a_follow_row_html2text_wrapped_over_three_lines_is_one_part() -> None:
    # four icon links to the paper's profiles, one a language's LinkedIn host, wrapped inside
    # their links' texts: one row, read whole
    row = (
        '[ ](https://www.facebook.com/diario/ "Facebook") [\n'
        '](https://twitter.com/diario/ "X") [ ](https://instagram.com/diario/\n'
        '"Instagram") [ ](https://es.linkedin.com/company/diario/ "Linkedin")\n'
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == [row.rstrip("\n")]


def test_a_row_of_two_profile_links_alone_is_no_part() -> None:
    row = "[Facebook](https://www.facebook.com/diario) [X](https://x.com/diario)\n"
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == []


def test_a_wrapped_link_that_never_closes_is_read_line_by_line() -> None:
    lines = ["[Facebook](https://www.facebook.com/diario) [unclosed", "text that goes on"]
    assert widget_runs(lines) == []


def test_app_store_badges_beside_their_caption_are_a_part() -> None:
    row = (
        "Descarga la app [ ](https://apps.apple.com/es/app/diario/id336860348\n"
        '"Apple Store") [\n'
        '](https://play.google.com/store/apps/details?id=com.diario "Play Store")\n'
    )
    assert _parts(ARTICLE + HEADLINES + row, HEADLINES[:10]) == [row.rstrip("\n")]
    box = (
        "Téléchargez gratuitement les applications\n\n"
        "[![App Store](/img/appstore.svg)](https://apps.apple.com/fr/app/journal/id1)\n"
    )
    assert _parts(ARTICLE + HEADLINES + box, HEADLINES[:10]) == [box.rstrip("\n")]


def test_an_app_caption_without_a_store_link_is_no_part() -> None:
    for tail in (
        "Pobierz naszą aplikację\n\n",
        "Download our app\n[Our app](https://giornale.example.it/app)\n",
    ):
        assert _parts(ARTICLE + HEADLINES + tail, HEADLINES[:10]) == [], tail


def test_app_and_profile_line_readings() -> None:
    for line, family in (
        (
            "[Google News](https://news.google.com/publications/CAAqBwgKMP6OigMwlqo8?hl=es-419)",
            FOLLOW,
        ),
        ("[LinkedIn](https://fr.linkedin.com/company/journal)", FOLLOW),
        ("Scarica la nostra app", APP),
        ("アプリをダウンロード", APP),
        ("下载客户端", APP),
        ("[Google Play](https://play.google.com/store/apps/details?id=x)", APP),
    ):
        reading = read_line(line)
        assert reading is not None and family in reading.families, line
    for line in (
        "[Noticia](https://news.google.com/articles/CBMiabc)",
        "[Wikipedia](https://de.wikipedia.org/wiki/Zeitung)",
    ):
        assert read_line(line) is None, line


def test_a_widget_beside_a_part_of_another_reading_goes_in_the_same_pass() -> None:
    # a share row (a part the other readings vouch for) and, in another finding, a follow
    # row only the widget reading vouches for: both are parts of the same pass (the second
    # finding may be gone once the first part went, the page's tail read anew)
    machinery = (
        "[Facebook](https://www.facebook.com/giornale)\n"
        "[X](https://x.com/giornale)\n"
        "[Instagram](https://www.instagram.com/giornale)\n"
    )
    text = ARTICLE + HEADLINES + SHARE_ROW + "Altre notizie\n\n" + machinery
    doc = Document(text, None, Config())
    found = [
        doc.text[p.start : p.end].strip()
        for p in page_parts(doc, [_unsafe(doc, SHARE_ROW), _unsafe(doc, machinery)])
    ]
    assert found == [SHARE_ROW.rstrip("\n"), machinery.rstrip("\n")]


def _unsafe(doc: Document, block: str) -> Violation:
    start = doc.text.index(block)
    end = start + len(block)
    (line, column), (end_line, end_column) = doc.position(start), doc.position(end)
    fix = Fix((Edit(start, end),), Applicability.UNSAFE)
    return Violation("BP421", "c", "c", line, column, end_line, end_column, start, end, fix)

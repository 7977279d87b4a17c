"""A widget's own evidence vouches for a part of an unsafe finding (``mdclean.widget_evidence``):
a share row of share endpoints, a follow row of profiles, a newsletter's captions, an ad's
label, each made safe when the lines hold nothing else; beside each, its look-alike."""

from __future__ import annotations

from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability, Edit, Fix, Violation
from mdclean.vouching import page_parts
from mdclean.widget_evidence import ANCHOR, FILLER, ad_label_pattern, line_kind, widget_lines

ARTICLE = (
    "# Il bilancio\n\n"
    "Il consiglio ha approvato il nuovo bilancio lunedì dopo un lungo dibattito sulle scuole.\n"
    "I consiglieri hanno discusso per tre ore prima del voto finale, passato di poco.\n\n"
)
HEADLINES = (
    "Dieci parchi da visitare quest'estate con la famiglia\n"
    "Perché la riparazione del ponte richiede un altro anno\n\n"
)


def _finding(text: str, first: str) -> tuple[Document, Violation]:
    """An unsafe finding removing everything from the line ``first`` on (a page's tail)."""
    doc = Document(text, None, Config())
    start = text.index(first)
    fix = Fix((Edit(start, len(text)),), Applicability.UNSAFE)
    line, column = doc.position(start)
    end_line, end_column = doc.position(len(text))
    return doc, Violation(
        "BP421", "tail", "tail", line, column, end_line, end_column, start, len(text), fix
    )


def _parts(text: str, first: str) -> list[str]:
    doc, violation = _finding(text, first)
    parts = page_parts(doc, [violation])
    assert all(p.fix is not None and p.fix.applicability is Applicability.SAFE for p in parts)
    return [doc.text[p.start : p.end] for p in parts]


def test_a_share_row_of_two_endpoints_in_a_tail_of_headlines_is_a_part() -> None:
    share = (
        "Condividi\n\n"
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://giornale.example.it/a)\n"
        "[X](https://twitter.com/intent/tweet?url=https://giornale.example.it/a)\n\n"
    )
    assert _parts(ARTICLE + HEADLINES + share, HEADLINES[:10]) == [share.rstrip("\n")]


def test_a_text_copys_newsletter_and_follow_captions_are_parts_the_sentence_stays() -> None:
    tail = (
        "Iscriviti alla newsletter\n\n"
        "Ogni mattina le notizie del giorno scelte dalla redazione, gratis nella tua casella.\n\n"
        "Seguici su Facebook\n"
        "Instagram\n"
    )
    assert _parts(ARTICLE + HEADLINES + tail, HEADLINES[:10]) == [
        "Iscriviti alla newsletter",
        "Seguici su Facebook\nInstagram",
    ]


def test_an_ad_label_line_among_teasers_is_a_part_a_heading_named_so_is_not() -> None:
    assert _parts(ARTICLE + HEADLINES + "Pubblicità\n\n" + HEADLINES, HEADLINES[:10]) == [
        "Pubblicità"
    ]
    assert _parts(ARTICLE + HEADLINES + "## Pubblicità\n\n" + HEADLINES, HEADLINES[:10]) == []


def test_network_names_alone_are_no_part() -> None:
    # a list of the networks an article names (or a follow row no caption names): no anchor
    tail = "Facebook\nInstagram\nTikTok\n\n"
    assert _parts(ARTICLE + HEADLINES + tail, HEADLINES[:10]) == []


def test_links_of_another_shape_or_a_sentence_cut_a_row() -> None:
    tail = (
        "[Facebook](https://www.facebook.com/sharer/sharer.php?u=https://x.example.it/a) "
        "[Fonte](https://www.istat.it/report-2024)\n"
        "Abbonati per leggere i commenti dei nostri esperti, ogni giorno alle otto.\n"
    )
    assert _parts(ARTICLE + HEADLINES + tail, HEADLINES[:10]) == []


def test_a_finding_of_a_follow_row_alone_goes_whole_as_a_part() -> None:
    row = "Folgen Sie uns auf\n\n[Instagram](https://www.instagram.com/beispielzeitung/)\n"
    assert _parts(ARTICLE + row, "Folgen Sie") == [row.rstrip("\n")]
    # the same caption over an article's source link: the link is no profile, the caption alone goes
    source = "Folgen Sie uns auf\n\n[Studie](https://doi.org/10.1/x)\n"
    assert _parts(ARTICLE + source, "Folgen") == ["Folgen Sie uns auf"]


def test_line_kinds_in_several_languages() -> None:
    doc = Document("x\n", None, Config())
    ad = ad_label_pattern(doc)
    assert ad is not None
    for line in ("Anzeige", "- Publicidad -", "広告", "Реклама", "광고"):
        assert line_kind(line, ad) == ANCHOR, line
    for line in ("Partager sur Facebook", "Suivez-nous", "Подпишитесь на рассылку", "* 分享到"):
        assert line_kind(line, ad) == ANCHOR, line
    for line in ("Facebook", "E-mail", "Imprimir"):
        assert line_kind(line, ad) == FILLER, line
    for line in (
        "Subscribe to the council's minutes if you want to follow the debate closely.",
        "## Advertisement",
        "The advertisement market grew by four percent last year, the report says.",
        "[Share](https://docs.example.com/guide/sharing)",
    ):
        assert line_kind(line, ad) is None or not widget_lines([line], ad), line


def test_quoted_subscribe_sentence_and_docs_share_link_are_not_widgets() -> None:
    docs = (
        "To add a share button, link to the endpoint:\n\n"
        "[Share on X](https://twitter.com/intent/tweet?text=Hello)\n\n"
        "The button opens the composer with the text filled in.\n"
    )
    assert not widget_lines(docs.splitlines())
    quoted = 'The letter ended with "Subscribe to our newsletter" in bold, as they all do.\n'
    assert not widget_lines([quoted])

"""Session 27's teaser boxes read by the shapes converters leave (BP470, BP525, BP590).

What goes: a box whose cards markdownify broke over a thumbnail, a count and a title heading;
cards chained by their broken links; a list whose every item is a card with an excerpt and a
byline; two news headlines that share a place among three. What stays: an introducing line
("Llévatelo:") and the caption above a box, a series of three parts, an article's own list.
"""

from __future__ import annotations

import mdclean
from mdclean.config import Config

LEAD = (
    "El Mandatario se reunirá, en Punta Arenas, con las autoridades locales, y luego se"
    " trasladará hasta Puerto Natales.\n\n"
    "![Presidente Boric vuelve a su casa, Magallanes: Este miércoles realiza su segunda visita a"
    ' regiones]( "Presidente Boric vuelve a su casa, Magallanes: Este miércoles realiza su segunda'
    ' visita a regiones")\n\n'
    "Foto: ATON\n\n"
    "Llévatelo:\n\n"
)
BOX = (
    "Las + leídas\n\n"
    '[![ Guardia de seguridad de Johnny Depp se sincera ]( " Guardia de seguridad ")\n\n'
    "22669\n\n"
    "### Guardia de seguridad de Johnny Depp se sincera](/noticias/entretencion/personajes/"
    "guardia-de-seguridad-de-johnny-depp/2022-05-01/142327.html)\n\n"
    '[![ Alcalde Carter se llenó de troleos ]( " Alcalde Carter se llenó de troleos ")\n\n'
    "13155\n\n"
    "### Alcalde Carter se llenó de troleos por propuesta sobre gas](/noticias/entretencion/"
    "television/alcalde-carter-se-lleno-de-troleos/2022-05-02/173459.html)\n\n"
    '[![ Pollo Castillo baja un video ]( " Pollo Castillo baja un video ")\n\n'
    "11651\n\n"
    "### Pollo Castillo baja un video tras ser acusado](/noticias/tecnologia/redes-sociales/"
    "pollo-castillo-baja-un-video/2022-05-02/141325.html)\n\n"
)
BODY = (
    "El Presidente Gabriel Boric, quien vive uno de los momentos políticos más difíciles desde"
    " que asumiera el mando hace dos meses, viaja este miércoles a su región natal de Magallanes"
    " en su segunda visita a regiones.\n\n"
    "Boric se desplaza a un territorio amigo, al que representó durante dos periodos como"
    " diputado y donde obtuvo más del sesenta por ciento de los votos en el balotaje de"
    " diciembre.\n"
)


def _fixed(text: str, *, unsafe: bool = True) -> str:
    return mdclean.fix(text, config=Config(), unsafe=unsafe).text


def test_cards_markdownify_broke_over_a_thumbnail_a_count_and_a_title_go() -> None:
    fixed = _fixed(LEAD + BOX + BODY)
    assert "Johnny Depp" not in fixed
    assert "Pollo Castillo" not in fixed
    assert "Las + leídas" not in fixed
    # The caption and the introducing line above the box are no pieces of it.
    assert "Foto: ATON" in fixed
    assert "Llévatelo:" in fixed
    assert BODY in fixed


ARTICLE = (
    "Rusia anunció a principios de este mes que planea desplegar para el otoño sus recién"
    " probados misiles balísticos intercontinentales, capaces de efectuar ataques nucleares contra"
    " Estados Unidos, según dijo el ministerio en un comunicado.\n\n"
    "El ministro de Asuntos Exteriores dijo el lunes que Occidente no debería subestimar los"
    " elevados riesgos de un conflicto nuclear, y pidió a los aliados que vuelvan a la mesa de"
    " negociación cuanto antes.\n\n"
)
CHAINED = (
    "## Últimas Noticias\n\n"
    "[## Quién es Tiffany Chen, la novia del actor\n\n"
    "La mujer es instructora de artes marciales y está en pareja con el actor desde agosto\n\n"
    "![](./files/a.jpg)](https://www.example.com/teleshow/2022/05/04/quien-es-tiffany-chen/)"
    "[## Aseguraron a 310 migrantes que viajaban en un tráiler\n\n"
    "Cinco de los migrantes fueron trasladados a hospitales de la región\n\n"
    "![](./files/b.jpg)](https://www.example.com/america/2022/05/04/aseguraron-a-310-migrantes/)"
    "[## Borrell cree que los países dejarán de comprar petróleo\n\n"
    "El alto representante dijo que hay que tener en cuenta la situación de cada miembro\n\n"
    "![](./files/c.jpg)](https://www.example.com/america/2022/05/04/borrell-cree-que-los-paises/)\n"
)


def test_cards_chained_by_their_broken_links_go_with_their_title() -> None:
    fixed = _fixed(ARTICLE + CHAINED)
    assert fixed == ARTICLE.rstrip("\n") + "\n"


CARD_LIST = (
    "## Articles liés\n\n"
    "-   [![](https://www.example.fr/app/uploads/2018/06/a-380x190.jpg)](https://www.example.fr/"
    "societe/education/un-an-a-latelier-sciences-po-ep-5/)\n\n"
    "    ### [Un an à l’atelier Sciences Po, ép. 5 : Eprouvante oralité](https://www.example.fr/"
    "societe/education/un-an-a-latelier-sciences-po-ep-5/)\n\n"
    "    Intervenant à l’atelier du lycée, Philippe observe tout au long de l’année ses élèves."
    " Sa première chronique de 2020 raconte leurs premiers pas vers l’oral, avec ses peurs et"
    " ses petites victoires de chaque semaine…\n\n"
    "    Par  \n    Le 05/02/2020\n\n"
    "-   [![](https://www.example.fr/app/uploads/2020/01/b-380x190.jpg)](https://www.example.fr/"
    "societe/education/contre-les-e3c-les-eleves-gagnent/)\n\n"
    "    ### [Contre les E3C, les élèves de Louise-Michel gagnent une bataille](https://www.example"
    ".fr/societe/education/contre-les-e3c-les-eleves-gagnent/)\n\n"
    "    Un peu partout en région parisienne, les lycéens se mobilisent contre les premières"
    " épreuves de contrôle continu instaurées cette année par la réforme, et à Bobigny le blocus"
    " a duré trois jours…\n\n"
    "    Par [Hervé Hinopay](https://www.example.fr/author/herve-hinopay/)  \n    Le 31/01/2020\n\n"
    "-   [![](https://www.example.fr/app/uploads/2019/06/c-380x190.jpg)](https://www.example.fr/"
    "societe/sourde-et-muette-en-classe-une-journee/)\n\n"
    "    ### [Sourde et muette en classe… pendant une journée](https://www.example.fr/societe/"
    "sourde-et-muette-en-classe-une-journee/)\n\n"
    "    Dans le collège de Luna, on sensibilise les élèves au handicap par la voie de l’exemple,"
    " une journée durant, sans parler ni entendre.\n\n"
    "    Par  \n    Le 28/01/2020\n"
)
FRENCH = (
    "En apparence, la lutte est festive. Les étudiants du département ont installé des tables"
    " dans le hall, servent du café aux passants et expliquent à qui veut les entendre pourquoi"
    " ils bloquent les examens depuis trois semaines.\n\n"
)


def test_a_list_whose_every_item_is_a_card_with_an_excerpt_goes_with_its_title() -> None:
    fixed = _fixed(FRENCH + CARD_LIST)
    assert fixed == FRENCH.rstrip("\n") + "\n"


PLACE = (
    "Лукашенко тайно вступил в должность президента Белоруссии. Торжественная церемония прошла"
    " во Дворце Независимости без объявления, и государственное телевидение показало её только"
    " через несколько часов после окончания.\n\n"
    "## Сюжет\n\n"
    "* [В Минске появились пострадавшие от применения водометов](https://www.example.ru/"
    "politics/2020/09/23/v-minske-poyavilis-postradavshie.html)\n"
    "* [В Минске протестующих поливают оранжевой жидкостью](https://www.example.ru/politics/"
    "2020/09/23/v-minske-protestuyushhikh-polivayut.html)\n"
    "* [Протестующие в Минске стекаются к стеле](https://www.example.ru/politics/2020/09/23/"
    "protestuyushhie-v-minske-stekayutsya.html)\n"
)


def test_two_headlines_that_share_a_place_make_no_series() -> None:
    assert "Минске" not in _fixed(PLACE)


SERIES = (
    "The exporter writes one file per table, and each file holds the rows in the order the"
    " database returned them to the client, which is why sorting matters here.\n\n"
    "## More\n\n"
    "- [Exporting tables, part 1: the reader](/blog/2024/05/exporting-tables-part-1/)\n"
    "- [Exporting tables, part 2: the writer](/blog/2024/06/exporting-tables-part-2/)\n"
    "- [Exporting tables, part 3: the scheduler](/blog/2024/07/exporting-tables-part-3/)\n"
)


def test_a_series_of_three_parts_stays() -> None:
    assert _fixed(SERIES) == SERIES

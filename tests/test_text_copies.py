"""Text copies read by their shape (``text-dump-edges``): BP420/BP421 on pages whose article is
short or whose lines a list item runs on, and BP500's headline boxes."""

from __future__ import annotations

import mdclean

RULES = ("BP420", "BP421", "BP500")

LONG_A = (
    "Oto kraje, w których średnia godzina pracy wnosi najwięcej do PKB. Bez względu na to, jak "
    "ciężko pracuje przeciętny pracownik w Meksyku, jego godzina pracy wnosi do gospodarki "
    "znacznie mniej niż godzina pracy przeciętnej osoby pracującej w Irlandii."
)
LONG_B = (
    "Portal Statista powołuje się na dane zebrane przez OECD na rok 2019. Według nich przeciętna "
    "godzina pracy w Meksyku wnosi do gospodarki 20,9 dolara, w Irlandii aż 99,5 dolara, a w "
    "Polsce 36,7 dolara. Średnia dla krajów OECD wynosi 59,5 dolara, a w Unii Europejskiej 54,4 "
    "dolara, co pokazuje, jak bardzo różni się wydajność pracy w poszczególnych krajach regionu."
)
MENU = [
    "Biznes", "Aktualności", "Firma", "Przemysł", "Handel", "Energetyka", "Bankowość",
    "Rolnictwo", "Ekologia", "Media",
]  # fmt: skip
BOX = [
    "Demograficzna przyszłość Polski. Gdzie ubędzie najwięcej mieszkańców? [MAPA]",
    "Uważaj, czym się szczepisz. Nie każdy preparat da równe prawa do podróżowania",
    "Militarne potęgi. Te państwa wydają na wojsko najwięcej na świecie [RANKING]",
    "Odmrażanie gospodarki. Jest kalendarz luzowania obostrzeń",
    "Szykują się masowe zwolnienia w bankach. Automatyzacja zwiększy prekaryzację pracy",
]
TITLE = "Ile jest warta godzina pracy? W tych krajach praca popłaca"


def _fixed(text: str, rules: tuple[str, ...] = RULES) -> str:
    config = mdclean.Config(select=rules)
    result = mdclean.fix(text, config=config, unsafe=True)
    assert result.converged
    assert mdclean.fix(result.text, config=config, unsafe=True).text == result.text
    return result.text


def _lines(*parts: list[str] | str) -> str:
    out: list[str] = []
    for part in parts:
        out.extend([part] if isinstance(part, str) else part)
    return "\n".join(out) + "\n"


def test_an_article_of_two_long_lines_has_a_core() -> None:
    # (one paragraph of lines: the menu over it goes, the title stays)
    text = _lines(MENU, TITLE, LONG_A, LONG_B)
    assert _fixed(text) == _lines(TITLE, LONG_A, LONG_B)


def test_one_long_line_alone_is_no_core() -> None:
    # (two sentences on one line: a notice, a description)
    text = _lines(MENU, TITLE, LONG_A)
    assert _fixed(text) == text


def test_one_long_line_of_three_sentences_is_a_core() -> None:
    # (a news brief of one paragraph: "(ANSA) - ROMA, 28 LUG - ... in Serie A. Lazio-Brescia ...")
    text = _lines(MENU, TITLE, LONG_B)
    assert _fixed(text) == _lines(TITLE, LONG_B)


def test_a_box_of_headlines_under_the_article_goes() -> None:
    text = _lines(TITLE, LONG_A, LONG_B, "Zobacz więcej", BOX)
    assert _fixed(text) == _lines(TITLE, LONG_A, LONG_B)


def test_three_headlines_need_a_title_or_a_repeat() -> None:
    bare = _lines(TITLE, LONG_A, LONG_B, "Zobacz", BOX[:3])
    assert _fixed(bare) == bare
    titled = _lines(TITLE, LONG_A, LONG_B, "Najczęściej czytane", BOX[:3])
    assert _fixed(titled) == _lines(TITLE, LONG_A, LONG_B)
    repeated = _lines(TITLE, LONG_A, LONG_B, BOX[:2], "Zobacz", BOX[1:4])
    assert _fixed(repeated) == _lines(TITLE, LONG_A, LONG_B)


def test_headlines_the_author_introduces_stay() -> None:
    text = _lines(TITLE, LONG_A, LONG_B, "Zobacz też poprzednie teksty:", BOX)
    assert _fixed(text) == text


def test_section_titles_between_paragraphs_stay() -> None:
    text = _lines(TITLE, LONG_A, BOX[0], LONG_B, BOX[1], LONG_A, BOX[2], LONG_B)
    assert _fixed(text) == text


def test_a_box_inside_the_prose_goes_only_under_its_title() -> None:
    box = ["Verwandte Artikel", "Netlist vs. Samsung", *BOX[:3]]
    text = _lines(TITLE, LONG_A, box, LONG_B, LONG_A)
    assert _fixed(text) == _lines(TITLE, LONG_A, LONG_B, LONG_A)
    untitled = _lines(TITLE, LONG_A, "Netlist vs. Samsung", BOX[:3], LONG_B, LONG_A)
    assert _fixed(untitled) == untitled


def test_footer_items_between_two_runs_go_with_them() -> None:
    longer = ["Gli eventi del corriere", "Dataroom di Milena Gabanelli"]
    text = _lines(TITLE, LONG_A, LONG_B, MENU, longer, MENU[::-1])
    assert _fixed(text, ("BP421",)) == _lines(TITLE, LONG_A, LONG_B)


def test_the_title_between_two_menus_stays() -> None:
    text = _lines(MENU, TITLE, "28 kwietnia 2021, 06:29", MENU[::-1], LONG_A, LONG_B)
    assert _fixed(text, ("BP420",)) == _lines(
        TITLE, "28 kwietnia 2021, 06:29", MENU[0], LONG_A, LONG_B
    )


def test_lines_a_list_item_runs_on_are_read() -> None:
    footer = ["Kontakt", "Regulamin", "RSS", "Kariera", "Reklama", "Prywatność", "Cookies", "Mapa"]
    text = _lines(TITLE, LONG_A, LONG_B, "* Tylko dla prenumeratorów", footer)
    assert _fixed(text, ("BP421",)) == _lines(TITLE, LONG_A, LONG_B, "* Tylko dla prenumeratorów")


def test_a_short_notice_over_a_whole_menu_does_not_protect_it() -> None:
    notice = [
        "Lo stato del tuo abbonamento è sospeso.",
        "Carta di credito è SCADUTA.",
        "Carta di credito è IN SCADENZA.",
    ]
    menu = [f"{name} {n}" for n in range(3) for name in MENU]
    text = _lines(notice, menu, TITLE, LONG_A, LONG_B, LONG_A)
    assert _fixed(text, ("BP420",)) == _lines(notice, TITLE, LONG_A, LONG_B, LONG_A)


def test_an_introduction_over_a_short_list_still_protects_it() -> None:
    intro = "This is the cake my grandmother baked every Sunday, and it still disappears fast."
    text = _lines(intro, MENU, TITLE, LONG_A, LONG_B, LONG_A)
    assert _fixed(text, ("BP420",)) == text


def test_headlines_that_ask_or_exclaim_do_not_stretch_the_article() -> None:
    teasers = [
        "Is Penn Badgley Quitting Television After This Season?",
        "Kit Harington Premieres the New Season in London!",
        "Adriana Lima's Floral Dress Brightens Up a Day in Brazil",
        "What It's Really Like To Be Best Friends With Madonna",
        "Will the Finale Music Finally Be Released This Spring?",
        "Katie Holmes And Jamie Foxx Dating Rumors Won't Go Away",
    ]
    text = _lines(TITLE, LONG_A, LONG_B, teasers)
    assert _fixed(text, ("BP500",)) == _lines(TITLE, LONG_A, LONG_B)


def test_a_footer_run_takes_the_titled_box_under_it() -> None:
    footer = ["Reklama", "Tematy:", "Drukuj", "Kontakt", "Regulamin", "RSS", "Kariera", "Mapa"]
    text = _lines(TITLE, LONG_A, LONG_B, footer, "Powiązane", BOX[:3])
    assert _fixed(text, ("BP421",)) == _lines(TITLE, LONG_A, LONG_B)


def test_verse_with_hard_line_breaks_under_the_article_stays() -> None:
    verse = ["この道を行けば  ", "どうなるものか  ", "危ぶむなかれ  ", "危ぶめば道はなし  "]
    text = _lines(TITLE, LONG_A, LONG_B, verse * 3, "行けばわかるさ")
    assert _fixed(text, ("BP421",)) == text


JA_PROSE = (
    "気象庁は13日、午後9時19分ごろ、日向灘で震度5弱の地震があったと発表した。"
    "震源の深さは約30キロ、地震の規模は6.9と推定される。"
    "この地震で、気象庁は高知県と宮崎県に1メートルの津波注意報を出した。"
)
JA_MENU = ["速報", "朝刊", "記事一覧", "連載", "ランキング", "特集", "天気", "数独", "ログイン"]


def test_one_line_of_three_sentences_in_japanese_is_a_core() -> None:
    # (a script without spaces: the line's sentences count, not its lines)
    title = "宮崎県で震度5弱、高知と宮崎に1メートルの津波注意報"
    text = _lines(JA_MENU, title, JA_PROSE, "各地の震度は次のとおり。")
    assert _fixed(text, ("BP420",)) == _lines(title, JA_PROSE, "各地の震度は次のとおり。")
    two = _lines(
        JA_MENU, title, "気象庁は13日、地震があったと発表した。", "各地の震度は次のとおり。"
    )
    assert _fixed(two, ("BP420",)) == two


def test_a_skip_link_of_the_lists_opens_the_menu_whatever_its_words() -> None:
    title = "宮崎県で震度5弱、高知と宮崎に1メートルの津波注意報"
    text = _lines(
        "メニューをとばして、記事の本文エリアへ",
        JA_MENU,
        title,
        JA_PROSE,
        "各地の震度は次のとおり。",
    )
    assert _fixed(text, ("BP420",)) == _lines(title, JA_PROSE, "各地の震度は次のとおり。")


def test_labels_glued_by_innertext_are_evidence() -> None:
    head = ["Do Rzeczy", "SubskrybujSzukajMenu", "Ekonomia", "EkonomiaKrajŚwiat"]
    assert _fixed(_lines(head, TITLE, LONG_A, LONG_B)) == _lines(TITLE, LONG_A, LONG_B)
    brands = ["Do Rzeczy", "YouTube", "Ekonomia", "PowerPoint"]
    text = _lines(brands, TITLE, LONG_A, LONG_B)
    assert _fixed(text) == text


RANKED = [
    "1 Demograficzna przyszłość Polski i jej regionów",
    "2 Uważaj, czym się szczepisz przed podróżą",
    "3 Militarne potęgi wydają na wojsko najwięcej",
    "4 Odmrażanie gospodarki ma już swój kalendarz",
    "5 Szykują się masowe zwolnienia w bankach",
]


def test_a_ranked_box_of_headlines_is_no_list_of_quantities() -> None:
    text = _lines(TITLE, LONG_A, LONG_B, LONG_A, "Najczęściej czytane", RANKED)
    assert _fixed(text, ("BP500",)) == _lines(TITLE, LONG_A, LONG_B, LONG_A)
    dates = [
        "3 maja odbyło się pierwsze spotkanie komisji",
        "5 maja komisja przyjęła pierwszy projekt ustawy",
        "7 maja projekt trafił pod obrady całego Sejmu",
        "9 maja posłowie przyjęli ustawę bez poprawek",
        "11 maja prezydent podpisał ustawę o pracy",
    ]
    timeline = _lines(TITLE, LONG_A, LONG_B, LONG_A, dates)
    assert _fixed(timeline, ("BP500",)) == timeline

    # A list of quantities whose three lines happen to count 1, 2, 3 ranks nothing: the
    # recipe's ingredients under the article stay (the ranks are most of its digit lines).
    ingredients = [
        "Ingredients",
        "250 gm green beans (trimmed)",
        "1/3 teaspoon cumin seeds",
        "1 medium size onion chopped",
        "2 medium size tomatoes diced",
        "1/2 teaspoon ginger garlic paste",
        "1/4 teaspoon turmeric powder",
        "3 teaspoon cooking oil",
        "Salt as per taste",
    ]
    recipe = _lines(TITLE, LONG_A, LONG_B, LONG_A, ingredients)
    assert _fixed(recipe, ("BP500",)) == recipe


CITIES = [
    "Milano", "Roma", "Torino", "Bergamo", "Brescia", "Bologna", "Monza", "Firenze", "Veneto",
    "Venezia", "Padova", "Rovigo", "Treviso", "Belluno", "Verona", "Vicenza", "Trentino",
]  # fmt: skip
NOTICE = ["Carta di credito è SCADUTA.", "Per aggiornare clicca qui"]


def test_a_notice_between_two_menus_of_a_whole_head_goes_with_them() -> None:
    # (not into the run nearest the article: the title and standfirst stand over it)
    header = ["Ile osób w Polsce nie ma pracy w tym roku", "Oto kraje, które płacą najwięcej."]
    text = _lines(CITIES, NOTICE, MENU, header, MENU, TITLE, LONG_A, LONG_B)
    assert _fixed(text, ("BP420",)) == _lines(header, TITLE, LONG_A, LONG_B)
    # (a short head: the notice may be the author's, and what it stands above stays)
    short = _lines(MENU, NOTICE, MENU, TITLE, LONG_A, LONG_B)
    assert _fixed(short, ("BP420",)) == _lines(NOTICE, MENU, TITLE, LONG_A, LONG_B)


def test_a_short_run_joins_the_footer_it_is_bridged_to() -> None:
    first = ["MSV Duisburg News", "Fußball heute live", "3. Liga Tabelle", "Vereinsheim"]
    between = ["Die Trainer der 3. Liga für die Saison", "kicker.tv - Sport Highlights im Video"]
    text = _lines(TITLE, LONG_A, LONG_B, first, between, MENU)
    assert _fixed(text, ("BP421",)) == _lines(TITLE, LONG_A, LONG_B)
    alone = _lines(TITLE, LONG_A, LONG_B, first)
    assert _fixed(alone, ("BP421",)) == alone


def test_the_article_s_own_list_under_its_last_line_is_no_box() -> None:
    title = "宮崎県で震度5弱、高知と宮崎に1メートルの津波注意報"
    article = [
        title,
        JA_PROSE,
        "各地の震度は次のとおり。",
        "＜震度5弱＞",
        "宮崎県：高鍋町、新富町、宮崎市",
        "福岡県：久留米市、大牟田市、柳川市",
        "大分県：大分市、臼杵市、佐伯市、竹田市",
        "有料会員になると会員限定の有料記事もお読みいただけます。",
    ]
    teasers = [
        "日韓外相「連携を国内外に発信」 トランプ次期政権への対応も協議",
        "中国軍、「東部戦区」代表団が訪日へ 不測の事態防止に約5年ぶり",
        "米、AI半導体に新輸出規制 同盟国に優先供給 「密輸」防ぐ狙いも",
        "天理、香芝、榛原が関西大会へ 奈良県アンサンブルコンテスト中学",
        "今年は寒波の恵み、世界遺産をライトアップ 白川郷合掌造り",
    ]
    assert _fixed(_lines(article, teasers), ("BP500",)) == _lines(article)


# -- session 27: the core's far clusters, menu lines, small print, bullets, rank numbers -------


def test_a_comment_thread_far_below_does_not_stretch_the_core() -> None:
    from mdclean.document import Document
    from mdclean.matchers.text_copy import text_copy

    comments = [
        "Das ist eine sehr gute Analyse der Lage, danke dafür.",
        "Ich sehe das ganz anders als der Autor dieses Textes.",
        "Wer soll das alles am Ende eigentlich noch bezahlen?!",
        "Endlich schreibt einmal jemand offen über dieses Thema.",
    ]
    text = _lines(TITLE, LONG_A, LONG_B, LONG_A, MENU, MENU[::-1], comments)
    core = text_copy(Document(text, None, mdclean.Config())).core
    assert core == (1, 3)


def test_a_line_of_section_names_is_a_menu() -> None:
    head = ["Kraj Świat Opinie Religia Historia Ekonomia Zdrowie Tygodnik", "SubskrybujSzukajMenu"]
    assert _fixed(_lines(head, TITLE, LONG_A, LONG_B)) == _lines(TITLE, LONG_A, LONG_B)
    # (a title in title case over its byline stays: the article's title is never a menu's)
    title = "How To Grow Tomatoes In Small Gardens"
    text = _lines("Menu", title, "By Jane Doe", LONG_A, LONG_B)
    assert title in _fixed(text)


def test_a_footers_small_print_is_evidence() -> None:
    footer = ["Kontakt", "Impressum", "redaktion@example.de", "Tel. 030 1234 5678"]
    text = _lines(TITLE, LONG_A, LONG_B, footer, "© 2024 Example GmbH")
    assert _fixed(text, ("BP421",)) == _lines(TITLE, LONG_A, LONG_B)
    two = _lines(TITLE, LONG_A, LONG_B, "Kontakt", "Impressum", "Datenschutz")
    assert _fixed(two, ("BP421",)) == two


def test_bulleted_headlines_under_the_article_go() -> None:
    bullets = [f"▲ {line}" for line in BOX]
    text = _lines(TITLE, LONG_A, LONG_B, bullets)
    assert _fixed(text, ("BP500",)) == _lines(TITLE, LONG_A, LONG_B)


def test_a_rankings_numbers_do_not_break_its_headlines() -> None:
    ranked = "\n\n".join(f"{n}.\n\n{line}" for n, line in enumerate(BOX[:4], 1))
    page = "\n\n".join([TITLE, LONG_A, LONG_B, "Najczęściej czytane", ranked]) + "\n"
    fixed = _fixed(page, ("BP500",))
    assert BOX[3] not in fixed and LONG_B in fixed

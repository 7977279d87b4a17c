"""BP420/BP421 (``text-dump-edges``): a plain-text dump's menu and footer read by shape."""

from __future__ import annotations

import mdclean

PROSE = (
    "The committee will publish its full report in the spring, the minister said.\n"
    "Opposition parties said they would study the proposals before taking a position.\n"
    "The vote on the final text is expected before the summer recess.\n"
)
MENU = "\n".join(
    ["Home", "World", "Politics", "Business", "Tech", "Science", "Health", "Sport", "Culture"]
)


def _codes(text: str) -> set[str]:
    config = mdclean.Config(select=("BP420", "BP421"))
    return {v.code for v in mdclean.lint(text, config=config)}


def _fixed(text: str) -> str:
    config = mdclean.Config(select=("BP420", "BP421"))
    result = mdclean.fix(text, config=config, unsafe=True)
    assert result.converged
    assert mdclean.fix(result.text, config=config, unsafe=True).text == result.text
    return result.text


def test_a_menu_of_bare_lines_over_the_title_goes_the_title_stays() -> None:
    text = MENU + "\nMinister Unveils Plans For The Budget\n\n" + PROSE
    assert _fixed(text) == "Minister Unveils Plans For The Budget\n\n" + PROSE


def test_menu_groups_in_paragraphs_of_their_own_go_together() -> None:
    # (the line right over the article may be its title: it stays)
    groups = "Home\nWorld\nPolitics\n\nBusiness\nTech\nScience\n\nHealth\nCulture\nSport\n\n"
    assert _fixed(groups + PROSE) == "Sport\n\n" + PROSE


def test_a_footer_after_the_article_goes() -> None:
    assert _fixed(PROSE + "\n" + MENU + "\n") == PROSE


def test_rows_and_a_breadcrumb_are_evidence_for_a_short_run() -> None:
    head = "首页|新闻|图片|评论|娱乐|财经\n首页 >> 教育资讯 >> 正文\n"
    prose = (
        "在采访中，我们了解到不少学子在出国前就每年守在电脑前观看直播。\n"
        "但是，随着年龄和阅历的增长，学子对这些话题的关注点也在变化。\n"
        "在法国留学的卢宇表示，他还是个中学生时，就开始关注这些新闻了。\n"
    )
    assert _fixed(head + "海外留学生看两会\n" + prose) == "海外留学生看两会\n" + prose


def test_a_page_without_a_core_of_prose_keeps_its_short_lines() -> None:
    poem = "Herr\nes ist Zeit\nDer Sommer\nwar sehr groß\nLeg deinen Schatten\n" * 3
    assert _codes(poem + "\n" + MENU + "\n") == set()


def test_short_lines_below_the_authors_first_sentence_stay() -> None:
    text = "This is the cake my grandmother baked every Sunday, and it still goes fast.\n\n"
    text += "Ingredients\nButter\nSugar\nFour eggs\nFlour\nLemon zest\nLemon juice\nIcing sugar\n\n"
    assert _codes(text + PROSE) == set()


def test_an_introduced_list_a_table_of_contents_and_a_timeline_stay() -> None:
    assert _codes("The menu should hold these pages:\n" + MENU + "\n\n" + PROSE) == set()
    assert _codes("Table of contents\n" + MENU + "\n\n" + PROSE) == set()
    years = "\n".join(f"{1990 + i} Release {i}" for i in range(9))
    assert _codes(PROSE + "\n" + years + "\n") == set()


def test_sections_that_come_back_in_the_article_are_an_outline() -> None:
    outline = "Intro\nSetup\nUsage\nOptions\nOutput\nErrors\nTesting\nRelease\n\n"
    body = PROSE + "\n".join(
        f"{name}\n\n{PROSE}" for name in ("Intro", "Setup", "Usage", "Options", "Output", "Errors")
    )
    assert "BP420" not in _codes(outline + body)


def test_code_and_template_lines_are_no_labels() -> None:
    config = "{{< code-toggle >}}\n[module]\nsource = 'content'\ntarget = 'assets'\n"
    lines = config * 3 + "{{< /code-toggle >}}\n"
    assert _codes(PROSE + "\n" + lines) == set()


def test_a_line_with_a_link_is_no_label() -> None:
    links = "\n".join(f"[{name}](/{name.lower()})" for name in MENU.split("\n"))
    assert _codes(links + "\n\n" + PROSE) == set()


# -- session 28: the tail read whole, glued menus, bullet labels --------------------------

_FOOTER = "\n".join(["Home", "Regions", "Contact", "Account", "Feeds", "Privacy", "Cookies", "RSS"])


def test_a_notice_between_the_footers_menus_goes_with_them() -> None:
    # (from the footer's first menu on, a lone paragraph between its menus is the site's)
    notice = (
        "Example.org has been running for fifteen years and holds the largest database of "
        "emergency reports in the country. The site is visited by many readers each month."
    )
    second = "\n".join(["© Example.org", "Privacy statement", "Cookie settings", "RSS feed"])
    text = PROSE + "\n" + _FOOTER + "\n" + notice + "\n" + second + "\n"
    assert _fixed(text) == PROSE


def test_an_authors_closing_paragraph_before_the_footer_stays() -> None:
    closing = "Thanks for reading, and see you next week for the second part of the series."
    text = PROSE + closing + "\n\n" + _FOOTER + "\n"
    assert _fixed(text) == PROSE + closing + "\n"


def test_a_menu_the_copy_glued_into_one_line_is_read_as_its_items() -> None:
    items = [
        "Multimedia",
        "Chính trị - Xã hội",
        "Điều tra - Bạn đọc",
        "Pháp luật",
        "Kinh tế - Công nghệ",
        "Bất động sản",
        "Văn hóa - Giải trí",
        "Quốc tế",
        "Doanh nghiệp",
    ]
    glued = " ".join(items)
    title = "Bộ trưởng công bố kế hoạch ngân sách"
    text = glued + "\n\n" + title + "\n\n" + PROSE + "\n" + "\n".join(items) + "\n"
    # (the items one per line below: other readings' work, they may stay)
    assert _fixed(text).startswith(title + "\n\n" + PROSE)


def test_a_long_line_of_the_pages_words_but_no_items_stays() -> None:
    # (the items must compose the whole line, in order)
    line = "Multimedia and politics in the news of the week"
    items = "\n".join(["Multimedia", "Politics", "News", "Week"])
    text = line + "\n\n" + PROSE + "\n" + items + "\n"
    assert line in _fixed(text)


def test_menu_items_with_a_glued_bullet_are_labels() -> None:
    bullets = "\n".join(
        f"•{name}"
        for name in [
            "Borsa",
            "Professioni",
            "Real Estate",
            "PMI",
            "Motori",
            "Mare",
            "Business Wire",
            "Ambiente",
        ]
    )
    assert _fixed(PROSE + "\n" + bullets + "\n") == PROSE


NEWS_MENU = "\n".join(
    [
        "Home",
        "World",
        "Politics",
        "Business",
        "Tech",
        "Science",
        "Health",
        "Sport",
        "Culture",
        "Travel",
        "Food",
        "Style",
        "Cars",
        "Games",
        "Music",
        "Books",
    ]
)
NEWS_TITLE = "Minister unveils new plans for the budget"
READ_ALOUD = (
    "\n\nListen\nPrint\nShare\nFont size\nSmall\nLarge\nClose\nComments\n\n"
    "Playing audio over a mobile network may incur extra data charges.\n\n"
    "Start\nStop\n\nText size\n\nSmaller\nSmall\nNormal\nLarger\nLargest\n\nSend\nPrint page\n\n"
)
HEADLINES = (
    "\nLatest headlines\n\n" + NEWS_TITLE + "\n\nRail strike called off after late night talks\n\n"
    "City council approves new tram line plan\n"
)


def test_the_title_a_headlines_box_prints_again_stays_past_a_notice() -> None:
    # (naver: a read-aloud notice between the title and the prose hides the title from the
    # nearest-headline reading; the tail's box of headlines prints it again, and only it)
    text = NEWS_MENU + "\n\n" + NEWS_TITLE + READ_ALOUD + PROSE + HEADLINES
    kept = "Playing audio over a mobile network may incur extra data charges.\n\nPrint page\n\n"
    assert _fixed(text) == NEWS_TITLE + "\n\n" + kept + PROSE + HEADLINES
    # (in plain --fix, the title is no line "printed again" that vouches for the menu: the menu
    # stays, and only the buttons' captions under the title go)
    buttons = "Listen\nPrint\nShare\nFont size\nSmall\nLarge\nClose\nComments\n\n"
    assert mdclean.fix(text, config=mdclean.Config()).text == text.replace(buttons, "")

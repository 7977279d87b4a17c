"""BP505-BP508 (``caption-lines``): captions and meta lines a text copy keeps as whole lines."""

from __future__ import annotations

import mdclean

CODES = ("BP505", "BP506", "BP507", "BP508")
PROSE = (
    "Oto kraje, w których średnia godzina pracy wnosi najwięcej do PKB w całej Europie.\n"
    "Portal Statista powołuje się na dane zebrane przez OECD na rok 2019 i 2020.\n"
    "Według nich przeciętna godzina pracy w Meksyku wnosi do gospodarki bardzo mało.\n"
)
ENGLISH = (
    "The committee will publish its full report in the spring, the minister said.\n"
    "Opposition parties said they would study the proposals before taking a position.\n"
    "The vote on the final text is expected before the summer recess.\n"
)


def _codes(text: str, *codes: str) -> list[str]:
    config = mdclean.Config(select=codes or CODES)
    return [v.code for v in mdclean.lint(text, config=config)]


def _fixed(text: str, *codes: str, unsafe: bool = True) -> str:
    config = mdclean.Config(select=codes or CODES)
    result = mdclean.fix(text, config=config, unsafe=unsafe)
    assert result.converged
    assert mdclean.fix(result.text, config=config, unsafe=unsafe).text == result.text
    return result.text


def test_captions_above_and_below_the_article_go_one_line_each() -> None:
    text = (
        "Ile jest warta godzina pracy?\n"
        "Udostępnij na Facebooku\n" + PROSE + "Zgłoś błąd na stronie\n"
        "Komentarze(9)\n"
        "Jan\n"
        "odpowiedz\n"
    )
    assert _fixed(text, "BP505") == "Ile jest warta godzina pracy?\n" + PROSE + "Jan\n"


def test_glued_captions_and_counts_are_one_caption_line() -> None:
    tail = "Udostępnij na FacebookuUdostępnij na Twitterze\n评论 (3)\n12 comments\n"
    assert _fixed(ENGLISH + tail, "BP505") == ENGLISH


def test_inside_the_article_only_a_run_of_captions_goes() -> None:
    one = ENGLISH + "Share\n" + ENGLISH
    assert _codes(one, "BP505") == []
    two = ENGLISH + "Share on Facebook\nPrint\n" + ENGLISH
    assert _fixed(two, "BP505") == ENGLISH + ENGLISH


def test_a_page_without_an_article_keeps_its_lines() -> None:
    assert _codes("Print\nReply\n\nComments\n", "BP505") == []


def test_a_line_that_says_more_than_a_caption_stays() -> None:
    text = ENGLISH + "Share on Facebook with your friends and family\n"
    assert _codes(text, "BP505") == []


def test_prose_wrapped_by_hand_keeps_its_last_words() -> None:
    text = (
        "An array is a single chunk of memory of a known, fixed size that can be\n"
        "allocated on the stack. You can access elements of an array using indexing,\n"
        "like this:\n\n```rust\nlet a = [1, 2, 3];\n```\n\n" + ENGLISH
    )
    assert _codes(text, "BP505") == []


def test_a_code_span_is_no_caption() -> None:
    assert _codes(ENGLISH + "\n*`buffer`*\\\nThe buffer.\n", "BP505") == []


def test_reading_time_lines_go_safely_a_sentence_stays() -> None:
    text = "# Post\n\n5 min read\n\nLesezeit: 3 Min.\n\n" + ENGLISH
    assert _fixed(text, "BP506", unsafe=False) == "# Post\n\n" + ENGLISH
    kept = "The guide says 5 min read is enough for the summary, not the appendix.\n"
    assert _codes(kept, "BP506") == []


def test_the_date_line_under_the_title_goes_not_one_in_the_article() -> None:
    text = "Ile jest warta godzina pracy?\n28 kwietnia 2021, 06:29\n" + PROSE
    assert _fixed(text, "BP507") == "Ile jest warta godzina pracy?\n" + PROSE
    inside = PROSE + "28 kwietnia 2021, 06:29\n" + PROSE
    assert _codes(inside, "BP507") == []
    first = "28 kwietnia 2021, 06:29\n" + PROSE
    assert _codes(first, "BP507") == []


def test_the_date_line_with_its_time_under_the_title_is_safe() -> None:
    """The place (over the article's first line, under its title) and the line's every token
    (a date and its clock time) agree; a bare date waits for --unsafe-fixes, and so does a
    date line under a paragraph of prose (a diary's next entry)."""
    text = "Ile jest warta godzina pracy?\n28 kwietnia 2021, 06:29\n" + PROSE
    assert _fixed(text, "BP507", unsafe=False) == "Ile jest warta godzina pracy?\n" + PROSE
    bare = "Ile jest warta godzina pracy?\n28 kwietnia 2021\n" + PROSE
    assert _fixed(bare, "BP507", unsafe=False) == bare
    assert _fixed(bare, "BP507") == "Ile jest warta godzina pracy?\n" + PROSE


def test_a_date_with_a_place_stays() -> None:
    text = "Berlin, 12. Mai 2021\n" + ENGLISH
    assert _codes("Title\n" + text, "BP507") == []


def test_a_tags_label_and_its_row_go_outside_the_article() -> None:
    text = PROSE + "Tematy:\npraca PKB godzina\n"
    assert _fixed(text, "BP508") == PROSE
    sentence = PROSE + "Tags:\nWe tag every post with its year and its country.\n"
    assert _codes(sentence, "BP508") == []
    inside = PROSE + "Tags:\nyear country\n" + PROSE
    assert _codes(inside, "BP508") == []


def test_a_kramdown_attribute_list_is_no_caption() -> None:
    # (Jekyll's docs: "{: .note}" over the paragraph it styles; "note" alone is no button here.)
    text = (
        "## Links\n\n{: .note}\nSince Jekyll 4.0, you don't need to prepend the tags with the base URL.\n\n"
        + ENGLISH
    )
    assert _codes(text) == []


def test_a_term_over_its_description_is_no_caption() -> None:
    # (cpp-docs: a parameter's name, then a hard break, then what it is: "Register" is no button.)
    text = (
        "## Parameters\n\n*register*\\\nThe register to pop. Must be a general-purpose register.\n\n"
        + ENGLISH
    )
    assert _codes(text) == []


def test_a_date_line_with_a_count_glued_to_its_time_goes() -> None:
    # (innerText glues the comment count to the time: "11:55" and "93")
    text = "Polska z najniższym bezrobociem\nDodano: 30 kwietnia 2021, 11:5593\n" + PROSE
    assert _fixed(text, "BP507") == "Polska z najniższym bezrobociem\n" + PROSE
    score = "Polska z najniższym bezrobociem\nWynik: 30 kwietnia 2021, 11:5593\n" + PROSE
    assert _codes(score, "BP507") == []


JAPANESE = (
    "市の教育委員会は十三日、新しい校舎の建設工事を巡る契約について調査を始めたと発表した。\n"
    "委員会によると、工事の費用は当初の見込みより大きく膨らみ、説明が求められていた。\n"
    "市長は記者会見で「市民に丁寧に説明したい」と述べ、来月にも報告書をまとめる考えを示した。\n"
)


def test_a_japanese_title_over_the_date_line_is_a_headline() -> None:
    """A Japanese news title runs to some forty characters (its words counted by characters):
    with no sentence's stop inside it, it is the headline, and the date line with its time
    ("20時01分") under it is the CMS's stamp. Under a line that ends a sentence (a diary's
    last paragraph), the date waits for --unsafe-fixes."""
    title = "市教委が新校舎の建設契約を調査へ 工事費の膨張巡り市長が説明の意向示す 来月にも報告書\n"
    text = title + "2025年1月13日 20時01分\n" + JAPANESE
    assert _fixed(text, "BP507", unsafe=False) == title + JAPANESE
    diary = "きょうは朝から雨が降っていて、散歩に出かけるのをやめて家で本を読んで過ごした。\n"
    entry = diary + "2025年1月13日 20時01分\n" + JAPANESE
    assert _fixed(entry, "BP507", unsafe=False) == entry


# -- BP685: a stamp line anywhere outside the article's core (session 33) ----------------------


def test_a_labelled_stamp_far_from_the_title_goes_with_unsafe_fixes_only() -> None:
    text = (
        "Ile jest warta godzina pracy?\n"
        "Udostępnij\n"
        "Zdjęcie: Agencja\n"
        "Subskrybuj\n"
        "Zaloguj\n"
        "Opublikowano: 29.04.2021, 17:13\n"
        "Komentarze\n"
        "\n" + PROSE
    )
    fixed = text.replace("Opublikowano: 29.04.2021, 17:13\n", "")
    assert _fixed(text, "BP685") == fixed
    # above the core, its title could join the head's menu once it is gone (pages25's donga)
    assert _fixed(text, "BP685", unsafe=False) == text


def test_a_stamp_after_the_article_goes_and_one_without_label_or_time_stays() -> None:
    stamp = PROSE + "\nCreated 12.12.2019\n\n28.04.2023, 18:41 Uhr\n"
    # a clock time without a label, or a label without a clock time: only on a page saved
    # from the web (the gate of ``article_region``)
    assert _codes(stamp, "BP685") == []
    saved = "[Skip to content](#main)\n\n" + stamp
    config = mdclean.Config(select=("BP685", "BP185"))  # (BP185's gate reads the saving)
    found = [
        (v.code, v.line, v.fix and v.fix.applicability.value)
        for v in mdclean.lint(saved, config=config)
    ]
    assert found == [("BP185", 1, "unsafe"), ("BP685", 9, "unsafe")]


def test_a_clock_time_without_a_date_stays_on_a_saved_page() -> None:
    text = "[Skip to content](#main)\n\n" + PROSE + "\n19:30\n\n01:20\n"
    config = mdclean.Config(select=("BP685", "BP185"))
    assert [v.code for v in mdclean.lint(text, config=config)] == ["BP185"]


def test_a_stamp_inside_the_article_stays() -> None:
    text = PROSE + "Opublikowano: 29.04.2021, 17:13\n" + ENGLISH
    assert _codes(text, "BP685") == []


# -- BP508: a tags label over a block of short links (session 33) ------------------------------


def test_a_tags_label_over_a_list_of_short_links_goes_with_it() -> None:
    text = ENGLISH + "\n**Themen:**\n\n* [Achtsamkeit](/themen/a)\n* [Familie](/themen/f)\n"
    assert _fixed(text, "BP508") == ENGLISH


def test_a_tags_label_over_a_row_of_links_goes_with_it() -> None:
    text = ENGLISH + "\nMots-clefs :\n\n[police](+-police-+) | [armée](+-armee-+)\n"
    assert _fixed(text, "BP508") == ENGLISH


def test_a_label_over_long_link_titles_or_a_sentence_stays() -> None:
    text = (
        ENGLISH + "\nTopics:\n\n* [How to install the tool on a fresh machine](/docs/install)\n"
        "* [Setup](/docs/setup)\n"
    )
    assert _codes(text, "BP508") == []
    text = ENGLISH + "\nTags:\n\n* [Setup](/docs/setup) is the first page to read.\n"
    assert _codes(text, "BP508") == []


def test_a_stamp_right_under_the_title_above_the_article_is_left_to_bp507() -> None:
    # (taken alone, the title would join the head's menu on the next pass: p23's hankookilbo)
    text = (
        "뉴스 홈\n"
        "정치\n"
        '여당, 예산안 처리 또 미뤄져… 야당 "책임 회피"\n'
        "입력 2026.03.02 18:20\n"
        "국회는 2일 본회의를 열었지만 여야가 합의하지 못해 예산안을 상정하지 못했다.\n"
        "여당 원내대표는 다음 주에 다시 본회의를 열어 예산안을 처리하겠다고 밝혔다.\n"
        "야당은 정부가 제출한 예산안에 지역 사업 예산이 빠졌다며 수정을 요구하고 있다.\n"
    )
    assert _codes(text, "BP685") == []
    assert _codes(text, "BP507") == ["BP507"]

"""Session 13, role Y: bylines, dates, counters and author cards (BP017's reading times and
label-first view counts, BP101's false positives, BP200-BP202), each with its look-alikes."""

from __future__ import annotations

import pytest
from fast_path_checks import found_both_ways

import mdclean
from mdclean.config import Config

BODY = "Body text that the author wrote about the importer, long enough to be the article.\n"


def _fixed(code: str, text: str) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


@pytest.mark.parametrize(
    "line",
    [
        "Lượt Xem 31",
        "5 min read",
        "Lesezeit: 5 Min.",
        "阅读时长：5 分钟",
        "この記事は約 10 分で読めます",
        "Tiempo de lectura: 4 minutos",
        "Temps de lecture : 6 minutes",
        "Время чтения: 7 минут",
        "Leestijd 3 minuten",
        "Czas czytania: 5 min",
        "Okuma süresi: 4 dakika",
        "Waktu baca: 3 menit",
        "5분 소요",
        "Tempo di lettura: 2 minuti",
        "Tempo de leitura: 8 minutos",
    ],
)
def test_a_reading_time_or_view_count_alone_goes(line: str) -> None:
    assert found_both_ways("BP017", f"# Title\n\n{line}\n\n{BODY}") == [line]


@pytest.mark.parametrize(
    "line",
    [
        "5 minutes",
        "The recipe takes 5 minutes to read and 20 minutes to cook.",
        "Visitas guiadas: los sábados a las 11, con reserva previa.",
        "Lesezeit und Aufmerksamkeit sinken, wenn Absätze zu lang werden.",
        "Reading time matters less than whether the reader finishes the page.",
        "阅读时长和完读率是我们最关心的两个指标。",
    ],
)
def test_a_sentence_about_reading_or_a_duration_stays(line: str) -> None:
    assert found_both_ways("BP017", f"# Title\n\n{line}\n\n{BODY}") == []


def test_a_changelog_report_line_with_a_profile_link_stays() -> None:
    text = "# Changelog\n\n## 2.3.1\n\nReported by [kazu](/u/kazu) on March 3, 2024.\n\n" + BODY
    assert found_both_ways("BP101", text) == []


def test_a_version_link_is_no_date() -> None:
    text = "# Releases\n\n- [2.0.0](/releases/2.0.0) [kazu](/u/kazu)\n\n" + BODY
    assert found_both_ways("BP101", text) == []


def test_an_avatar_linked_to_a_profile_joins_the_byline() -> None:
    avatar = "[![Image 1: Jane Doe](https://avatars.example.com/u/1)](https://github.com/jane)"
    text = f"# Title\n\nJanuary 23, 2026 ·\n\n2 min read\n\n{avatar}\n\nMaintainer\n\n{BODY}"
    assert _fixed("BP101", text) == f"# Title\n\n{BODY}"


def test_a_title_byline_goes_under_any_heading_of_the_head_only() -> None:
    assert _fixed("BP200", f"# T\n\nJane Doe 2024-03-03\n\n{BODY}") == f"# T\n\n{BODY}"
    kept = f"# T\n\n{BODY}\nJane Doe 2024-03-03\n\n{BODY}"
    assert found_both_ways("BP200", kept) == []


def test_a_closing_card_needs_the_name_twice() -> None:
    card = "![](jane.jpg)\n\nJane Doe\n\nJohn works on queues, storage and the tools that keep them running every day.\n"
    assert found_both_ways("BP201", f"# T\n\n{BODY}\n{card}") == []


def test_a_tags_label_joins_the_byline_in_any_language() -> None:
    for label in ("Tags:", "Schlagwörter:", "Etiquetas:", "标签：", "タグ:"):
        line = (
            "Posted by [ann](https://b.example/author/ann/) [2023-08-14](https://b.example/2023/08/14/post/) "
            f"{label}[web](https://b.example/tag/web/)"
        )
        assert _fixed("BP101", f"# Title\n\n{line}\n\n{BODY}") == f"# Title\n\n{BODY}"

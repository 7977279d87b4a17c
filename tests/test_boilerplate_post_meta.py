"""BP101 post-meta-line: a post's byline made only of meta, under its title, and what stays."""

from __future__ import annotations

from fast_path_checks import found_both_ways

import mdclean
from mdclean.config import Config

BODY = "Body text that the author wrote about the importer.\n"


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP101",)), unsafe=True).text


def test_a_byline_under_the_title_goes_and_only_it() -> None:
    byline = "By Jane Doe · March 3, 2023 · 5 min read"
    assert _fixed(f"# Title\n\n{byline}\n\n{BODY}") == f"# Title\n\n{BODY}"
    assert found_both_ways("BP101", f"# Title\n\n{byline}\n\n{BODY}") == [byline]


def test_a_byline_keeps_crlf() -> None:
    text = f"# Title\r\n\r\nPosted on 2023-03-03 by [admin](https://b.example/author/admin/)\r\n\r\n{BODY}"
    assert _fixed(text) == f"# Title\r\n\r\n{BODY}"


def test_one_kind_of_meta_stays() -> None:
    for line in (
        "2023-05-01",
        "Updated: 2023-05-01",
        "By Jane Doe",
        "March 3, 2023 · April 4, 2023",
    ):
        assert found_both_ways("BP101", f"# Title\n\n{line}\n\n{BODY}") == []


def test_a_line_with_the_articles_words_stays() -> None:
    line = "Posted on 2023-03-03 by Jane, this release fixes the importer"
    assert found_both_ways("BP101", f"# Title\n\n{line}\n\n{BODY}") == []


def test_a_byline_between_long_paragraphs_stays() -> None:
    long = "The importer reads every row of the sheet and " * 6 + "then stops.\n\n"
    paragraphs = "".join(f"Paragraph {n} of the article.\n\n" for n in range(12))
    text = f"# Title\n\n{paragraphs}By Jane Doe · March 3, 2023 · 5 min read\n\n{long}"
    assert found_both_ways("BP101", text) == []


def test_a_byline_in_the_tail_goes() -> None:
    long = "The importer reads every row of the sheet and " * 6 + "then stops.\n\n"
    footer = "Posted by [Jane Doe](https://www.blogger.com/profile/0134) at [11:25 AM](https://b.example/2017/07/post.html)"
    text = f"# Title\n\n{long * 14}{footer}\n"
    assert found_both_ways("BP101", text) == [footer]

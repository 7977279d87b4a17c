"""LK009 (``recommended-links``): a related-posts widget by the click-tracking marks of its links."""

from __future__ import annotations

import mdclean
from mdclean import Config

LK009 = Config(select=("LK009",))
LAST = "The article's last paragraph.\r\n\r\n"
JETPACK = "?relatedposts_hit=1&relatedposts_origin=7&relatedposts_position={}"


def _item(slug: str, position: int) -> str:
    return f"[A post on {slug}](https://blog.example.com/{slug}/{JETPACK.format(position)}) May 1, 2026\r\n"


def test_a_run_of_marked_items_goes_with_its_heading_and_crlf_stays() -> None:
    text = f"{LAST}### Related\r\n\r\n{_item('coffee', 0)}\r\n{_item('tea', 1)}\r\n## Comments\r\n"
    assert mdclean.fix(text, config=LK009).text == f"{LAST}## Comments\r\n"


def test_an_html_list_of_marked_links_goes() -> None:
    html = (
        '<ul class="related">\r\n<li><a href="https://blog.example.com/a/?utm_source=recommended">'
        'A post</a></li>\r\n<li><a href="https://blog.example.com/b/?utm_source=recommended">'
        "B post</a></li>\r\n</ul>\r\n"
    )
    assert mdclean.fix(f"{LAST}{html}", config=LK009).text == "The article's last paragraph.\r\n"


def test_a_long_heading_over_the_run_stays_with_its_section() -> None:
    heading = "## What we learned from three months of grinding coffee by hand every day\r\n\r\n"
    text = f"{LAST}{heading}{_item('coffee', 0)}\r\nThe grinder matters most.\r\n"
    assert mdclean.fix(text, config=LK009).text == f"{LAST}{heading}The grinder matters most.\r\n"


def test_an_entity_in_the_mark_is_read_as_the_parser_reads_it() -> None:
    text = f"{LAST}[A post](https://blog.example.com/a/?relatedposts&#95;hit=1)\r\n"
    fast = mdclean.fix(text, config=LK009).text
    slow = mdclean.fix(text, config=Config(select=("LK009",), fast_path=False)).text
    assert fast == slow == "The article's last paragraph.\r\n"


def test_unmarked_links_stay() -> None:
    text = f"{LAST}- [A post on coffee](https://blog.example.com/coffee/?ref=newsletter)\r\n"
    assert mdclean.fix(text, config=LK009).text == text

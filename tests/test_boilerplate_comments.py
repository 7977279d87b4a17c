"""BP100 comment-thread: a post's comments and comment form at the page's end, and what stays."""

from __future__ import annotations

from fast_path_checks import found_both_ways

import mdclean
from mdclean.config import Config

PROSE = (
    "Distributed consensus algorithms let a set of computers agree on one value, such as "
    "the commit or rollback decision of a two-phase commit, even when messages are lost.\n\n"
)

THREAD = (
    "## 2 thoughts on “Paxos”\n\n"
    "1. **Chaitanya**\n\n"
    "[April 8, 2015 at 10:30 pm](https://blog.example/paxos/#comment-23)\n\n"
    "I think this statement of yours is incorrect.\n\n"
    "[Reply](https://blog.example/paxos/?replytocom=23#respond)\n"
)


def _fixed(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP100",)), unsafe=True).text


def test_a_thread_after_the_article_goes_and_only_it() -> None:
    assert _fixed(PROSE + THREAD) == PROSE.rstrip("\n") + "\n"
    assert found_both_ways("BP100", PROSE + THREAD) == [THREAD.rstrip("\n")]


def test_a_thread_keeps_crlf_and_the_links_after_it() -> None:
    after = "[Next post: Raft](https://blog.example/raft/)\n"
    text = (PROSE + THREAD + "\n" + after).replace("\n", "\r\n")
    assert _fixed(text) == (PROSE + after).replace("\n", "\r\n")


def test_a_thread_with_prose_after_it_stays() -> None:
    text = PROSE + THREAD + "\n" + PROSE
    assert found_both_ways("BP100", text) == []


def test_a_thread_opening_the_page_stays() -> None:
    assert found_both_ways("BP100", THREAD) == []


def test_one_permalink_alone_is_no_thread() -> None:
    text = PROSE + "[April 8, 2015](https://blog.example/paxos/#comment-23)\n"
    assert found_both_ways("BP100", text) == []


def test_a_says_line_needs_a_reply_button_or_a_permalink() -> None:
    says = "Jane says:\n\nGreat post, thanks.\n"
    assert found_both_ways("BP100", PROSE + says) == []
    assert found_both_ways("BP100", PROSE + says + "\nReply\n") == [says + "\nReply"]


def test_a_form_needs_its_notice_and_two_fields() -> None:
    notice = "Your email address will not be published. Required fields are marked *\n\n"
    assert found_both_ways("BP100", PROSE + notice + "Name *\n") == []
    form = notice + "Name *\n\nEmail *\n"
    assert found_both_ways("BP100", PROSE + form) == [form.rstrip("\n")]

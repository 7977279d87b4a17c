"""Parts of a large unsafe finding that vouch for themselves (``mdclean.vouching.vouched_parts``):
a run of captions of enough chrome or software families, a run of machinery links, a run of
link lines the page prints twice (its menu). Each beside its look-alike, where no part vouches;
and the engine applies the parts with plain ``--fix`` only, never with ``--unsafe-fixes`` (the
whole finding goes there) and never in a report."""

from __future__ import annotations

import mdclean
from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability, Edit, Fix, Violation
from mdclean.vouching import (
    caption_families,
    chrome_captions,
    page_parts,
    repeated_link_lines,
    vouched_parts,
)

ARTICLE = (
    "# The budget\n\n"
    "The council approved the new budget on Monday after a long debate about school funding.\n"
    "Members argued for three hours before the final vote, which passed by a narrow margin.\n\n"
)


def _finding(text: str, first: str, code: str = "BP083") -> tuple[Document, Violation]:
    """A document, and an unsafe finding whose one edit removes everything from the line
    ``first`` to the end (a page's tail, as BP083 reads one)."""
    doc = Document(text, None, Config())
    start = text.index(first)
    fix = Fix((Edit(start, len(text)),), Applicability.UNSAFE)
    line, column = doc.position(start)
    end_line, end_column = doc.position(len(text))
    return doc, Violation(
        code, "tail", "tail", line, column, end_line, end_column, start, len(text), fix
    )


def _parts(text: str, first: str) -> list[str]:
    doc, violation = _finding(text, first)
    parts = page_parts(doc, [violation])
    assert all(p.fix is not None and p.fix.applicability is Applicability.SAFE for p in parts)
    return [doc.text[p.start : p.end] for p in parts]


RELATED = (
    "## More from us\n\n"
    "[Ten parks to visit this summer with the family](https://news.example.org/2024/parks)\n\n"
    "[Why the bridge repair takes another year](https://news.example.org/2024/bridge)\n\n"
)
SHARE = (
    "Share this:\n\n"
    "* [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://news.example.org/a)\n"
    "* [X](https://twitter.com/intent/tweet?url=https://news.example.org/a)\n"
    "* [Email](mailto:?subject=The%20budget)\n"
)


def test_a_share_row_inside_a_tail_of_headlines_is_a_part_of_its_own() -> None:
    parts = _parts(ARTICLE + RELATED + SHARE, "## More from us")
    assert parts == [SHARE.rstrip("\n")]


def test_headlines_to_the_sites_own_posts_are_no_part() -> None:
    assert _parts(ARTICLE + RELATED, "## More from us") == []


def test_a_part_reads_only_its_own_run_a_sentence_cuts_it() -> None:
    # captions of four families, but a sentence between them: two runs of two families each
    tail = (
        "Log in\nFacebook\n\nWe read every letter our readers send us each week.\n\nHome\nShare\n"
    )
    assert _parts(ARTICLE + tail, "Log in") == []
    assert _parts(ARTICLE + "Log in\nFacebook\nHome\nShare\n\n" + RELATED, "Log in") == [
        "Log in\nFacebook\nHome\nShare"
    ]


def test_the_software_strings_are_families_of_their_own_in_a_part() -> None:
    run = "Leave a Reply\nSkip to content\nFacebook\nPrivacy Policy\n\n"
    assert _parts(ARTICLE + run + RELATED, "Leave a Reply") == [run.rstrip("\n")]
    # (a whole finding's reading keeps its own families: the software's strings are a part's)
    assert caption_families(run.splitlines()) == {"skip", "social", "legal"}


def test_the_software_strings_count_towards_four_families_not_the_anchors_three() -> None:
    # chrome: social, account, home (three, no anchor); WordPress's own string makes four
    assert chrome_captions(["Leave a Reply", "Facebook", "Log in", "Home"])
    assert not chrome_captions(["Facebook", "Log in", "Home"])
    # a docs page's head: a skip link (an anchor), a search box, the docs theme's "On this
    # page": two chrome families and one software family wait (BP105's look-alike)
    assert not chrome_captions(["Skip to content", "Search...", "On this page"])


def test_a_guide_that_quotes_one_programs_buttons_makes_no_part() -> None:
    # one program's strings (the chrome lists know two of them too): three families, no part
    guide = (
        ARTICLE
        + "## The comment form\n\n"
        + "Leave a Reply\n\nPost Comment\n\nCancel reply\n\nRecent Posts\n"
    )
    assert _parts(guide, "## The comment form") == []
    lines = ["Leave a Reply", "Post Comment", "Cancel reply", "Recent Posts"]
    assert not chrome_captions(lines)


def test_an_article_that_names_social_networks_vouches_for_nothing() -> None:
    tail = "## Where we post\n\nFacebook\n\nInstagram\n\nTikTok\n\nYouTube\n"
    assert _parts(ARTICLE + tail, "## Where we post") == []


MENU = (
    "* [Politik](https://news.example.org/politik/)\n"
    "* [Wirtschaft](https://news.example.org/wirtschaft/)\n"
    "* [Kultur](https://news.example.org/kultur/)\n"
)


def test_a_menu_the_page_prints_twice_is_a_part() -> None:
    text = MENU + "\n" + ARTICLE + RELATED + MENU
    doc = Document(text, None, Config())
    assert len(repeated_link_lines(doc)) == 3
    assert _parts(text, "## More from us") == [MENU.rstrip("\n")]


def test_a_menu_printed_once_or_two_lines_printed_twice_are_no_part() -> None:
    assert _parts(ARTICLE + RELATED + MENU, "## More from us") == []
    two = "".join(MENU.splitlines(keepends=True)[:2])
    assert _parts(two + "\n" + ARTICLE + RELATED + two, "## More from us") == []


def test_a_table_of_contents_printed_twice_is_no_menu() -> None:
    toc = "* [Setup](#setup)\n* [Usage](#usage)\n* [Options](#options)\n"
    assert _parts(toc + "\n" + ARTICLE + RELATED + toc, "## More from us") == []


def test_a_see_also_list_is_no_part() -> None:
    see_also = (
        "## See also\n\n"
        "* [Configuration](https://docs.example.org/configuration/)\n"
        "* [Command line](https://docs.example.org/cli/)\n"
        "* [Plugins](https://docs.example.org/plugins/)\n"
    )
    assert _parts(ARTICLE + see_also, "## See also") == []


def test_a_finding_that_is_all_evidence_is_no_part_of_itself() -> None:
    doc, violation = _finding(ARTICLE + SHARE, "Share this:")
    assert vouched_parts(doc, violation) == []


def test_plain_fix_removes_the_part_and_unsafe_fixes_the_whole(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = ARTICLE + RELATED + SHARE
    import mdclean.engine as engine

    def run(doc: Document, rules: object) -> list[Violation]:
        return [_finding(doc.text, "## More from us")[1]] if "## More from us" in doc.text else []

    monkeypatch.setattr(engine, "_unfolded", run)
    safe = mdclean.fix(text, config=Config(select=("BP083",)))
    assert safe.text == ARTICLE + RELATED.rstrip("\n") + "\n"
    assert "Share this" not in safe.text
    assert mdclean.lint(text, config=Config(select=("BP083",))) == []  # (run is patched: no report)
    unsafe = mdclean.fix(text, config=Config(select=("BP083",)), unsafe=True)
    assert "More from us" not in unsafe.text


def test_a_list_whose_duplicate_a_fix_took_is_the_pages_one_list() -> None:
    # (the repetition is read on the text a pass reads: once LK001 took a list's duplicate,
    # the copy left is no menu)
    text = ARTICLE + RELATED + MENU + "\n" + MENU
    assert len(repeated_link_lines(Document(text, None, Config()))) == 3
    assert repeated_link_lines(Document(ARTICLE + RELATED + MENU, None, Config())) == frozenset()

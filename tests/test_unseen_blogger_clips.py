"""Blogger post footers as clippers leave them (issue 11): reference links whose definitions
were dropped, a byline split by its links, the footer glued onto the last paragraph."""

from __future__ import annotations

import dataclasses

import mdclean
from mdclean.config import Config
from mdclean.document import Document
from mdclean.matchers.clipped_references import with_clipped_links
from mdclean.matchers.linkblocks import LINK, Link, skeleton

# A clipper that writes reference links, with the definitions of the footer's links cut off.
CLIPPED_FOOTER = """\
With this client the Unified Push just got more Unified, try it out.

[Email This][8][BlogThis!][9][Share to Twitter][10][Share to Facebook][11]

Labels: [aerogear][13]

Subscribe to: [Post Comments (Atom)][16]

Powered by [Blogger][48].
"""

# A text converter that lost the blank lines: byline and share captions joined to the references.
GLUED_FOOTER = """\
## References

[Linux Anti-Debugging](http://www.example.com/rants/anti_ptrace.htm)
Posted by Liviu at 11:39 PM\x20\x20\x20\x20\x20
Email This
BlogThis!
Share to Twitter
"""

# WordPress's note under a closed comment form, the login link inside the sentence.
MUST_LOG_IN = """\
Last paragraph.

You must be [logged in](https://example.com/wp-login.php?redirect_to=https%3A%2F%2Fexample.com%2Fp%2F) to post a comment.
"""


def test_a_clipped_footer_goes_block_by_block_and_the_article_stays() -> None:
    result = mdclean.fix(CLIPPED_FOOTER)
    assert result.text == "With this client the Unified Push just got more Unified, try it out.\n"
    assert sorted(v.code for v in result.fixed) == ["BP008", "BP009", "BP046", "BP066"]


def test_the_same_footer_with_crlf_keeps_its_line_ends() -> None:
    result = mdclean.fix(CLIPPED_FOOTER.replace("\n", "\r\n"))
    assert result.text == "With this client the Unified Push just got more Unified, try it out.\r\n"


def test_a_clipped_reference_reads_as_a_link_with_its_text() -> None:
    doc = Document("Powered by [Blogger][48] and [Jekyll](https://jekyllrb.com).\n")
    node = next(doc.leaves("paragraph"))
    skel = skeleton(doc, node)
    assert skel is not None
    read = with_clipped_links(skel)
    assert read.text == f"Powered by {LINK} and {LINK}."
    assert read.links == [Link("Blogger", ""), Link("Jekyll", "https://jekyllrb.com")]
    assert read.visible == "Powered by Blogger and Jekyll."


def test_glued_footer_lines_go_and_the_references_stay_with_unsafe_fixes() -> None:
    # BP068 alone is unsafe; another rule reads the same glued lines as Blogger's post footer,
    # and two readings of one block make its fix safe (``corroboration``).
    assert mdclean.fix(GLUED_FOOTER, config=Config(select=("BP068",))).text == GLUED_FOOTER
    assert mdclean.fix(GLUED_FOOTER).text == mdclean.fix(GLUED_FOOTER, unsafe=True).text
    result = mdclean.fix(GLUED_FOOTER, unsafe=True)
    assert result.text == (
        "## References\n\n[Linux Anti-Debugging](http://www.example.com/rants/anti_ptrace.htm)\n"
    )
    assert [v.code for v in result.fixed] == ["BP068"]


def test_a_phrase_split_by_its_link_is_found_with_the_fast_path_on_and_off() -> None:
    fast = Config()
    for config in (fast, dataclasses.replace(fast, fast_path=False)):
        result = mdclean.fix(MUST_LOG_IN, config=config)
        assert result.text == "Last paragraph.\n"
        assert [v.code for v in result.fixed] == ["BP008"]

"""Widgets as the converters of sites we have not seen leave them (issue 11)."""

from __future__ import annotations

import mdclean
from mdclean.document import Document
from mdclean.edits import apply_edits
from mdclean.guard import check
from mdclean.models import Edit

# Jetpack's share box as a WordPress-to-Hugo exporter writes it: two spaces a level, so the
# levels after the blank line parse as indented code. The reference definition after it stays.
EXPORTED_SHARE_BOX = """\
For those interested, do read his [blog][2].

<div class="sharedaddy sd-sharing-enabled">
  <div class="robots-nocontent sd-block sd-social sd-social-icon-text sd-sharing">
    <h3 class="sd-title">
      Share this:
    </h3>

    <div class="sd-content">
      <ul>
        <li class="share-twitter">
          <a class="share-twitter sd-button share-icon" href="https://blog.example.com/2008/01/24/post/?share=twitter" title="Click to share on Twitter"><span>Twitter</span></a>
        </li>
        <li class="share-end">
        </li>
      </ul>
    </div>
  </div>
</div>

 [2]: http://example.net/eeePC-F8.html
"""


def test_an_exported_share_box_goes_whole_with_its_indented_levels() -> None:
    result = mdclean.fix(EXPORTED_SHARE_BOX.replace("\n", "\r\n"))
    assert result.text == (
        "For those interested, do read his [blog][2].\r\n\r\n [2]: http://example.net/eeePC-F8.html\r\n"
    )
    assert [v.code for v in result.fixed] == ["BP022"]


def test_real_code_inside_a_widget_keeps_the_widget() -> None:
    text = EXPORTED_SHARE_BOX.replace(
        '    <div class="sd-content">\n',
        '    $ ./configure --prefix=/usr\n    <div class="sd-content">\n',
    )
    assert mdclean.fix(text).text == text


HTML_AROUND_CODE = (
    '<div class="box">\n  <p>\n\n    <span>x</span>\n    <b>y</b>\n\n</div>\n\nAfter.\n'
)


def _guard(text: str, start: str, end: str) -> str | None:
    """What the guard says of removing ``text`` from ``start`` up to ``end`` (exclusive)."""
    edit = Edit(text.index(start), text.index(end))
    return check(Document(text), Document(apply_edits(text, [edit])), [edit])


def test_the_guard_lets_a_block_of_tags_only_go_whole() -> None:
    assert _guard(HTML_AROUND_CODE, "<div", "After.") is None


def test_the_guard_keeps_indented_code_that_is_not_only_tags_and_any_part_of_code() -> None:
    code = HTML_AROUND_CODE.replace("<b>y</b>", "make install")
    assert _guard(code, "<div", "After.") == "removing it would change the code on line 4"
    assert _guard(HTML_AROUND_CODE, "    <b>", "\n</div>") == (
        "removing it would change the code on line 4"
    )

"""One violation per unit of junk, so that what a check counts as fixable is what a fix counts as fixed."""

from __future__ import annotations

import mdclean
from mdclean.models import Applicability

ADSENSE = """Intro paragraph.

<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"
     crossorigin="anonymous"></script>
<ins class="adsbygoogle"
     style="display:block"
     data-ad-slot="42"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({});
</script>

Closing paragraph.
"""

MARKED_BANNER = """Convert the files first.

<!-- affiliate ads begin -->
<a href="https://example.pxf.io/c/5597632/2136622/26400" target="_top" id="2136622">
  <img src="//a.impactradius-go.com/display-ad/26400-2136622" border="0" alt="" width="728" height="90"/>
</a>
<img height="0" width="0" src="https://example.pxf.io/i/5597632/2136622/26400" style="position:absolute;visibility:hidden;" border="0" />
<!-- affiliate ads end -->

## Step 2
"""

PIXEL_IN_UNSAFE_BOX = """Text.

<a href="https://secure.2checkout.com/order/checkout.php?PRODS=4709458&QTY=1&AFFILIATE=108875&CART=1"><img src="https://example.com/box.png" border="0">Box</a> <img height="0" width="0" src="https://example.pxf.io/i/5597632/2136622/26400" style="position:absolute;visibility:hidden;" border="0" />

More text.
"""


def test_an_adsense_loader_slot_and_push_script_are_one_finding_spanning_them() -> None:
    [violation] = mdclean.lint(ADSENSE)
    assert (violation.code, violation.line, violation.column, violation.end_line) == (
        "AD001",
        3,
        1,
        10,
    )
    result = mdclean.fix(ADSENSE)
    assert result.text == "Intro paragraph.\n\nClosing paragraph.\n"
    assert [v.code for v in result.fixed] == ["AD001"] and result.remaining == []


def test_two_units_with_a_paragraph_between_stay_two() -> None:
    unit = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
    text = f"A.\n\n{unit}\n\nB.\n\n{unit}\n\nC.\n"
    assert [v.line for v in mdclean.lint(text)] == [3, 7]
    assert mdclean.fix(text).text == "A.\n\nB.\n\nC.\n"


def test_a_pixel_inside_a_box_removed_as_safely_is_not_reported_again() -> None:
    violations = mdclean.lint(MARKED_BANNER)
    assert [(v.code, v.fix.applicability if v.fix else None) for v in violations] == [
        ("AD009", Applicability.SAFE)
    ]
    result = mdclean.fix(MARKED_BANNER)
    assert result.text == "Convert the files first.\n\n## Step 2\n"
    assert len(result.fixed) == len(violations)


def test_a_safe_fix_inside_an_unsafe_one_stays_reported_and_counts_once_fixed() -> None:
    violations = mdclean.lint(PIXEL_IN_UNSAFE_BOX)
    assert [(v.code, v.fix.applicability if v.fix else None) for v in violations] == [
        ("AD009", Applicability.UNSAFE),
        ("AD007", Applicability.SAFE),
    ]
    safe = mdclean.fix(PIXEL_IN_UNSAFE_BOX)  # plain --fix still removes the pixel
    assert [v.code for v in safe.fixed] == ["AD007"] and [v.code for v in safe.remaining] == [
        "AD009"
    ]
    everything = mdclean.fix(PIXEL_IN_UNSAFE_BOX, unsafe=True)
    assert everything.text == "Text.\n\nMore text.\n"
    assert sorted(v.code for v in everything.fixed) == [
        "AD007",
        "AD009",
    ]  # the pixel went with the box

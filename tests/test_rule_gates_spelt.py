"""A link-target gate lets a text through on an entity's ``&`` or an escape's ``\\`` only where
a link target holds one: the reading decodes no other (``rule_gates._SPELT_TARGET``)."""

from __future__ import annotations

import pytest

from mdclean.fastpath.triggers import Among
from mdclean.matchers.written_targets import targets_and_decoded
from mdclean.rule_gates import gate_of, passes

SHARE = Among(targets_and_decoded, literals=("intent/tweet",))


@pytest.mark.parametrize(
    "text",
    [
        "[tweet](https://twitter.com/intent/tweet?url=x)",
        "[tweet](https:&#47;&#47;twitter.com&#47;intent&#47;tweet?url=x)",
        "[tweet](https://twitter.com/intent\\/tweet?url=x)",
        '<a href="https://twitter.com/intent&#x2f;tweet">tweet</a>',
        "[tweet]: https://twitter.com/intent&#47;tweet",
    ],
)
def test_a_target_that_holds_the_literal_or_spells_it_passes(text: str) -> None:
    lowered = text.lower()
    assert SHARE.holds(lowered) == ("intent/tweet" in "".join(targets_and_decoded(lowered)))
    assert passes(gate_of(SHARE), lowered)


@pytest.mark.parametrize(
    "text",
    [
        "Tom & Jerry link to [the docs](https://docs.muster.de/start).",
        "A path C:\\Users\\ana and [a link](https://muster.de/).",
        "$\\alpha$ &amp; [home](/) and `x && y`",
    ],
)
def test_ampersands_and_backslashes_outside_targets_do_not_pass(text: str) -> None:
    lowered = text.lower()
    assert not SHARE.holds(lowered)
    assert not passes(gate_of(SHARE), lowered)

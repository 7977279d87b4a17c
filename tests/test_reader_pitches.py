"""BP260/BP263 (a publication's pitch for its readers' money): the safe core is Substack's
template word for word; a Ghost site's pitch in the same shape is unsafe only, and a README's
support section stays under both."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

SUBSTACK = (
    "Example Weekly is a reader-supported publication. To receive new posts and support my work,"
    " consider becoming a free or paid subscriber."
)
GHOST = (
    "~this week~ is my weekly newsletter supported by readers like you. Please consider signing"
    " up for a paying subscription starting at $10/month for exclusive articles."
)
ARTICLE = "The scheduler improved SGD noticeably.\n\n"
NEXT = "\n\nAdam keeps two moving averages per weight.\n"


def _fix(code: str, text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=unsafe).text


def test_substacks_template_goes_with_plain_fix() -> None:
    assert _fix("BP260", ARTICLE + SUBSTACK + NEXT, unsafe=False) == ARTICLE + NEXT.lstrip("\n")


def test_substacks_template_as_a_line_goes_with_plain_fix() -> None:
    text = "At some point it stops feeling like a demo.\n" + SUBSTACK + "\nHow I built this\n"
    fixed = "At some point it stops feeling like a demo.\nHow I built this\n"
    assert _fix("BP263", text, unsafe=False) == fixed


def test_a_pitch_in_other_words_needs_unsafe_fixes() -> None:
    text = ARTICLE + GHOST + NEXT
    assert _fix("BP260", text, unsafe=False) == text
    assert _fix("BP260", text, unsafe=True) == ARTICLE + NEXT.lstrip("\n")


def test_a_readmes_support_section_stays() -> None:
    text = (
        "## Support the Project\n\n"
        "- **One-Time Contributions**: Make a one-time donation and have your name in the app.\n\n"
        "You can also send a one-time tip via the sponsor links below.\n\n"
        "To view all available tiers, please visit our [GitHub Sponsors page](https://github.com/sponsors/x).\n"
    )
    for code in ("BP260", "BP263"):
        assert _fix(code, text, unsafe=True) == text

"""A fix that removes every use of a link reference definition pointing at a share or log-in
endpoint takes the definition too (same fix); any other definition stays."""

from __future__ import annotations

import mdclean
from mdclean.config import Config

ARTICLE = (
    "The migration took two evenings: we moved the database first, then the workers, and "
    "kept the old cluster running read-only until the numbers matched.\n\n"
)
SHARE_ROW = "[Tweet][tw] [Teilen][fb] [E-Mail](mailto:?subject=Migration)\n\n"
SHARE_DEFS = (
    "[tw]: https://twitter.com/intent/tweet?url=https%3A%2F%2Fblog.muster.de%2Fmigration\n"
    "[fb]: https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fblog.muster.de\n"
)


def _fix(text: str) -> str:
    return mdclean.fix(text, config=Config(select=("BP013",))).text


def test_the_share_rows_definitions_go_with_it() -> None:
    assert _fix(ARTICLE + SHARE_ROW + SHARE_DEFS) == ARTICLE.rstrip("\n") + "\n"


def test_definitions_between_paragraphs_go_with_their_seam() -> None:
    text = ARTICLE + SHARE_ROW + SHARE_DEFS + "\nClosing words of the post.\n"
    assert _fix(text) == ARTICLE + "Closing words of the post.\n"


def test_a_definition_used_again_stays() -> None:
    text = (
        ARTICLE
        + "We also posted the [announcement][TW] on the evening of the move, with the graphs.\n\n"
        + SHARE_ROW
        + SHARE_DEFS
    )
    fixed = _fix(text)
    assert "[Tweet][tw]" not in fixed
    assert "[tw]: https://twitter.com/intent" in fixed
    assert "[fb]: " not in fixed


def test_a_definition_to_a_page_stays() -> None:
    row = "[Tweet][tw] [Teilen](https://www.facebook.com/sharer/sharer.php?u=x)\n\n"
    defs = "[tw]: https://twitter.com/intent/tweet?url=x\n[src]: https://muster.de/quelle\n"
    text = ARTICLE + row + "[Quelle][src]\n\n" + defs
    fixed = _fix(text)
    assert "[Tweet][tw]" not in fixed and "[tw]: " not in fixed
    assert "[src]: https://muster.de/quelle" in fixed


def test_a_definition_inside_a_quote_stays() -> None:
    text = ARTICLE + SHARE_ROW + "> [tw]: https://twitter.com/intent/tweet?url=x\n"
    assert "> [tw]: " in _fix(text)

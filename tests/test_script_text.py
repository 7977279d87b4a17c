"""BP296: JSON-LD and a third party's snippet on one line are safe; the same snippet written
a statement a line (as a tutorial shows it) and other script text wait for ``--unsafe-fixes``."""

from __future__ import annotations

import mdclean
from mdclean.config import Config


def _fix(text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=Config(select=("BP296",)), unsafe=unsafe).text


HEAD = "Texto del artículo.\n\n"


def test_a_snippet_on_one_line_goes_with_safe_fixes() -> None:
    text = HEAD + "(adsbygoogle = window.adsbygoogle || []).push({});\n"
    assert _fix(text, unsafe=False) == HEAD.rstrip("\n") + "\n"


def test_a_snippet_on_lines_waits_for_unsafe_fixes() -> None:
    snippet = (
        "window.dataLayer = window.dataLayer || [];\n"
        "function gtag(){dataLayer.push(arguments);}\n"
        "gtag('js', new Date());\n"
    )
    text = HEAD + snippet
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == HEAD.rstrip("\n") + "\n"


def test_other_script_text_waits_for_unsafe_fixes() -> None:
    text = HEAD + "window.a = 'x'; window.b = 'y'; window.c = { id: 3 }\n"
    assert _fix(text, unsafe=False) == text
    assert _fix(text, unsafe=True) == HEAD.rstrip("\n") + "\n"


def test_json_ld_goes_with_safe_fixes() -> None:
    text = HEAD + '{"@context":"https://schema.org","@type":"Article","headline":"T"}\n'
    assert _fix(text, unsafe=False) == HEAD.rstrip("\n") + "\n"

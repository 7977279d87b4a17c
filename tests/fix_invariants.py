"""Generated documents with junk spliced in, and what ``mdclean.fix`` must keep true on them.

Shared by the bounded property test (tests/test_fix_fuzz.py) and the long run
(scripts/fuzz_fix.py). The documents are made of the shapes that reread as other
Markdown when a neighbour goes: HTML blocks, lazy continuations, indented code and
indented continuation lines, fences, setext underlines, thematic breaks, lists and
quotes; junk (ad units, a tracking pixel, an ad container, a promo line, an ad label,
a suppression comment) is spliced between them, glued to them or set apart by blank
lines. The invariants are judged with markdown-it's full HTML rendering, not with the
guard's own reading, so that the guard is checked against an independent oracle.
"""

from __future__ import annotations

import random
import re

from markdown_it import MarkdownIt
from mdit_py_plugins.front_matter import front_matter_plugin

import mdclean

WORDS = [
    "the",
    "page",
    "text",
    "article",
    "cloud",
    "news",
    "reader",
    "code",
    "build",
    "note",
    "river",
    "stone",
    "light",
]

JUNK = (
    '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>',
    '<ins class="adsbygoogle" data-ad-slot="1"></ins>',
    '<ins class="adsbygoogle"\n     style="display:block"\n     data-ad-slot="2"></ins>',
    '<img src="https://www.facebook.com/tr?id=1&ev=PageView" width="1" height="1">',
    '<div class="ad-slot"></div>',
    "Also read: [Other post](https://other.example/post)",
    "Advertisement",
    "<!-- mdclean-disable AD001 -->",
)
_CONTAINERS = ("", "", "", "> ", "- ", "1. ")


def _in_container(junk: str, container: str) -> str:
    indent = "> " if container == "> " else " " * len(container)
    return container + junk.replace("\n", "\n" + indent)


_JUNK_SHOWN = (
    *JUNK[:5],
    JUNK[-1],
    'Also read: <a href="https://other.example/post">Other post</a>',
    "Advertisement",
)


def _junk_pattern(junk: str, container: str) -> re.Pattern[str]:
    """How a piece of junk shows in the HTML, any spacing: a block of its own or inline, or as raw
    text inside another HTML block, its container marks at the start of a line."""
    body = r"\s+".join(map(re.escape, _in_container(junk, container)[len(container) :].split()))
    if not container:
        return re.compile(body)
    return re.compile(rf"(?m)^{re.escape(container.strip())}\s+" + body)


_JUNK_HTML = tuple(
    _junk_pattern(junk, container)
    for junk, container in sorted(
        {(junk, container) for junk in _JUNK_SHOWN for container in _CONTAINERS},
        key=lambda v: -len(v[0]) - len(v[1]),
    )
)

_RENDERER = (
    MarkdownIt("commonmark").enable("table").enable("strikethrough").use(front_matter_plugin)
)

INVARIANTS = (
    "renders-as-before",
    "no-new-code",
    "code-kept",
    "only-removes",
    "idempotent",
    "no-new-blank-line-problems",
    "converges",
)


def _words(rng: random.Random, low: int = 1, high: int = 6) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(low, high)))


def _shape(rng: random.Random) -> str:
    sentence = _words(rng).capitalize() + "."
    return rng.choice(
        [
            sentence,
            sentence + "\n" + _words(rng) + ".",
            "## " + _words(rng),
            _words(rng) + "\n" + rng.choice(["---", "==="]),
            rng.choice(["---", "***"]),
            "- " + _words(rng) + "\n- " + _words(rng),
            "1. " + _words(rng) + "\n2. " + _words(rng),
            "> " + sentence,
            "```\n" + _words(rng) + "\n```",
            "    " + _words(rng),
            "    continued " + _words(rng) + ".",
            "<div>\n" + _words(rng) + "\n</div>",
            "<details>\n\n" + sentence + "\n\n</details>",
            _words(rng),  # a lazy continuation when glued after a quote or a list
        ]
    )


def _junk(rng: random.Random) -> str:
    """A piece of junk, at the top level or inside a quote or a list item."""
    return _in_container(rng.choice(JUNK), rng.choice(_CONTAINERS))


def generate(rng: random.Random) -> str:
    """A document of 2 to 8 pieces, a third of them junk, joined by 1 to 3 line breaks."""
    pieces = [_junk(rng) if rng.random() < 0.35 else _shape(rng) for _ in range(rng.randint(2, 8))]
    text = ""
    for i, piece in enumerate(pieces):
        text += piece + (
            "\n" if i == len(pieces) - 1 else rng.choice(["\n", "\n\n", "\n\n", "\n\n\n"])
        )
    return text


def _normalized(html: str) -> str:
    """The HTML without the junk, spacing collapsed."""
    for junk in _JUNK_HTML:
        html = junk.sub("", html)
    # Marks left as raw text where junk sat inside another HTML block, whether or not a fix took them.
    html = re.sub(r"(?m)^[ \t]*(?:>|-|\d\.)(?=[ \t]|$)", "", html)
    html = re.sub(r"\s+", " ", html)
    html = re.sub(r">\s+", ">", re.sub(r"\s+<", "<", html))
    # A container left with nothing but junk in it goes with the junk.
    emptied = re.compile(r"<(p|li|ul|blockquote)>\s*</\1>|<ol(?: start=\"\d+\")?>\s*</ol>")
    while emptied.search(html):
        html = emptied.sub("", html)
    return html.strip()


def _junk_shares_an_html_block(text: str) -> bool:
    """Whether junk sits in one HTML block with other lines: removing it frees them (a heading, a
    fence line, indented text), which may then render as what they are (see the README)."""
    for token in _RENDERER.parse(text):
        if token.type == "html_block" and any(junk in token.content for junk in JUNK):
            rest = token.content
            for junk in _JUNK_HTML:
                rest = junk.sub("", rest)
            if rest.strip():
                return True
    return False


def _code_blocks(text: str) -> list[str]:
    return [t.content for t in _RENDERER.parse(text) if t.type in ("fence", "code_block")]


def _blank_line_problems(text: str) -> tuple[int, int, int]:
    """Counts of MD012 (a blank line after a blank line, outside code), MD022 (a heading side with no
    blank line) and MD047 (more than one line break at the end)."""
    lines = text.split("\n")
    code = {
        line
        for t in _RENDERER.parse(text)
        if t.type in ("fence", "code_block") and t.map
        for line in range(t.map[0], t.map[1])
    }

    def blank(i: int) -> bool:
        return lines[i].strip(" >") == ""

    last = (
        len(lines) - 1 if text.endswith("\n") else len(lines)
    )  # the empty piece after the final break
    md012 = sum(
        1
        for i in range(1, last)
        if blank(i) and blank(i - 1) and i not in code and i - 1 not in code
    )
    md022 = 0
    for token in _RENDERER.parse(text):
        if token.type == "heading_open" and token.map:
            start, end = token.map
            md022 += start > 0 and not blank(start - 1)
            md022 += end < last and not blank(end)
    md047 = int(text.endswith("\n\n"))
    return md012, md022, md047


def _is_subsequence(small: str, big: str) -> bool:
    it = iter(big)
    return all(ch in it for ch in small)


def _with_headings_dropped(before: str, after: str) -> bool:
    """Whether ``after`` is ``before`` with some headings left out: a heading left over nothing but
    junk goes with it (the engine's emptied sections)."""
    position = 0
    for part in re.split(r"(<h[1-6]>.*?</h[1-6]>)", before):
        if after.startswith(part, position):
            position += len(part)
        elif not re.fullmatch(r"<h[1-6]>.*</h[1-6]>", part):
            return False
    return position == len(after)


def violated(text: str) -> list[str]:
    """The invariants ``mdclean.fix(text, unsafe=True)`` breaks (none, when all is well)."""
    result = mdclean.fix(text, unsafe=True)
    fixed = result.text
    broken = []
    if not result.converged:
        broken.append("converges")
    if not _is_subsequence(fixed, text):
        broken.append("only-removes")
    if mdclean.fix(fixed, unsafe=True).text != fixed:
        broken.append("idempotent")
    old_code, new_code = _code_blocks(text), _code_blocks(fixed)
    if any(code not in old_code for code in new_code):
        broken.append("no-new-code")
    if any(code not in new_code for code in old_code):
        broken.append("code-kept")
    if any(
        after > before
        for before, after in zip(
            _blank_line_problems(text), _blank_line_problems(fixed), strict=False
        )
    ):
        broken.append("no-new-blank-line-problems")
    if not _junk_shares_an_html_block(text):
        before, after = _normalized(_RENDERER.render(text)), _normalized(_RENDERER.render(fixed))
        if not _with_headings_dropped(before, after):
            broken.append("renders-as-before")
    return broken

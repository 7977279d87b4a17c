"""``script-text``: a page's inline script or JSON-LD left as a paragraph of text.

A text dump or a converter that drops the ``<script>`` tag but keeps its text leaves the
page's machinery between the article's blocks: a theme's settings (``window.ReactionApiUrl
= '…'; window.ReactionReqBody = { entryId: 28 }``), a form's checks (``var
password_contains_letmein = /…/ui; var empty_error = "";``), a dark-mode switch, the
page's JSON-LD (``{"@context":"https://schema.org", …}``). Minified code is BP181's; this
reads code written with spaces, by its statements.

A paragraph counts as script when, with its string and regex literals set aside, it is a
run of statements (at least ``min_statements``, two or more on each of its lines, as a
script's text collapsed onto one line is, and article code shown in a dump is not: one
statement a line), each of which opens as a statement does (a declaration, an assignment,
a call, a keyword), one of them a script's mark (``var x =``, ``window.``, ``document.``,
``function``, ``=>``), and it holds no prose (five words in a row, or CJK text, outside the
strings) and no inline code span (a tutorial's sentence that quotes code). A paragraph
that is a schema.org JSON-LD object is the page's metadata, exactly.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import OutsideFences
from ..fastpath.triggers import AnyOf, Search, Trigger, all_of, literals
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_STRING = re.compile(r""""(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'""")
# A regex literal where an expression starts (after ``=``, ``(``, ``,`` or ``:``).
_REGEX_LITERAL = re.compile(r"(?<=[=(,:])\s*/(?![/*])(?:[^/\\\n]|\\.)+/[a-z]*")
_STATEMENT = re.compile(
    r"[\s{}()\]]*(?:"
    r"(?:var|let|const|function|return|if|else|for|while|do|switch|case|break|continue|new"
    r"|typeof|delete|throw|try|catch|finally|import|export|async|await|void|class)\b"
    r"|!function\b"
    r"|[\w$]+(?:\s*\??\.\s*[\w$]+|\s*\[[^\]]*\])*\s*"
    r"(?:[-+*/%|&^]?=(?!=)|\(|\+\+|--|\|\||&&|,|\?|=>|[=!]==?)"
    r"|$)"
)
_MARK = re.compile(
    r"\b(?:var|let|const)\s+[\w$]+\s*=|\bwindow\.|\bdocument\.|\bfunction\s*[\w$]*\s*\(|=>"
)
_PROSE = re.compile(r"[^\W\d_]{2,}(?: [^\W\d_]{2,}){4,}")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_JSON_LD = re.compile(r'\s*[\[{].*"@context"\s*:\s*"https?://schema\.org/?".*[}\]]\s*', re.DOTALL)
# The start-up snippets third parties hand out to paste into a page, word for word (AdSense,
# gtag.js, analytics.js, Google Tag Manager, Meta's pixel, Hotjar, Clarity, Yandex Metrica and
# its ads, Baidu Tongji, Matomo, Taboola, Ezoic): each holds a script's mark (``window.``,
# ``function``, ``var x =``), so the trigger sees it.
_SNIPPET = re.compile(
    r"\(adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*\[\]\)\.push\("
    r"|window\.dataLayer\s*=\s*window\.dataLayer\s*\|\|\s*\[\]"
    r"|function\s*gtag\(\)\s*\{\s*dataLayer\.push\(arguments\)"
    r"|\(function\(i,s,o,g,r,a,m\)\{i\[.GoogleAnalyticsObject.\]"
    r"|\(function\(w,d,s,l,i\)\{w\[l\]\s*=\s*w\[l\]\s*\|\|\s*\[\]"
    r"|!function\(f,b,e,v,n,t,s\)"
    r"|\(function\(h,o,t,j,a,r\)\{\s*h\.hj\s*="
    r"|\(function\(c,l,a,r,i,t,y\)\{"
    r"|\(function\(m,e,t,r,i,k,a\)\{\s*m\[i\]\s*=\s*m\[i\]\s*\|\|\s*function"
    r"|window\.yaContextCb\s*=\s*window\.yaContextCb\s*\|\|\s*\[\]"
    r"|var\s+_hmt\s*=\s*_hmt\s*\|\|\s*\[\]"
    r"|var\s+_paq\s*=\s*(?:window\._paq\s*=\s*window\.)?_paq\s*\|\|\s*\[\]"
    r"|window\._taboola\s*=\s*window\._taboola\s*\|\|\s*\[\]"
    r"|window\.ezstandalone\s*=\s*window\.ezstandalone\s*\|\|\s*\{\}"
)
# The trigger's reading of the marks in the raw, lower-cased text, where a converter may have
# escaped ``_``, ``.``, ``(`` or ``>`` with a backslash.
_RAW_MARK = re.compile(
    r"(?:var|let|const)\s+[\w$\\]+\s*=|window\\?\.|document\\?\.|function\s*[\w$\\]*\s*\\?\(|=\\?>"
)
# Two statements' ends on one line: a paragraph of three statements or more, two or more a
# line, has a line with two (``_reading``: one end a line gives at most one statement more than
# lines).
_TWO_ENDS = re.compile(r";[^\n]*;")
# A word each snippet of ``_SNIPPET`` holds, as a converter writes it (``\_hmt``: the word is
# still there).
_SNIPPET_WORDS = (
    "adsbygoogle", "datalayer", "googleanalyticsobject", "w,d,s,l,i", "f,b,e,v,n,t,s",
    "h,o,t,j,a,r", "c,l,a,r,i,t,y", "m,e,t,r,i,k,a", "yacontextcb", "hmt", "paq", "taboola",
    "ezstandalone",
)  # fmt: skip


class ScriptTextMatcher(Matcher):
    name = "script-text"
    params = MappingProxyType({"min_statements": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_statements = int(params.get("min_statements", 3))

    def trigger(self) -> Trigger:
        """Outside fenced code (``find`` reads paragraphs): two statements' ends on a line and a
        script's mark, or a statement's end and a known snippet's word, or JSON-LD's key."""
        script = all_of(Search(_TWO_ENDS, folded=False), Search(_RAW_MARK))
        snippet = all_of(literals(";"), literals(*_SNIPPET_WORDS))
        return OutsideFences(AnyOf((script, snippet, literals("@context"))))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.leaves("paragraph"):
            text = raw_text(doc, node)
            if "`" in text or _introduced(doc, node):
                continue  # a sentence that quotes code in a span is prose; code a colon
                # introduces ("Add this to your page:") is the article's
            script, safety = self._reading(_ESCAPE.sub(r"\1", text))
            if script:
                start, end = doc.node_span(node)
                edits = (remove_blocks(doc, node),)
                yield Finding(start, end, edits=edits, applicability=safety)

    def _reading(self, code: str) -> tuple[bool, Applicability | None]:
        """Whether the paragraph is a page's script, and how safe its removal is: JSON-LD and a
        known third party's snippet on one line are exact; other code is told by its shape."""
        if _JSON_LD.fullmatch(code):
            return True, Applicability.SAFE
        bare = _REGEX_LITERAL.sub("", _STRING.sub('""', code))
        statements = _statements(bare)
        if statements is None:
            return False, None
        if ";" in code and _SNIPPET.search(code):
            return True, Applicability.SAFE if "\n" not in code.strip() else None
        lines = code.count("\n") + 1
        enough = len(statements) >= max(self.min_statements, 2 * lines)
        return enough and _MARK.search(bare) is not None, None


def _statements(bare: str) -> list[str] | None:
    """The statements of code whose strings were set aside, or None when it is not code only:
    prose (five words in a row, CJK text) or a part that does not open as a statement does."""
    if _CJK.search(bare) or _PROSE.search(bare):
        return None
    statements = [part for part in bare.split(";") if part.strip()]
    if not statements or not all(_STATEMENT.match(part) for part in statements):
        return None
    return statements


def _introduced(doc: Document, node: Node) -> bool:
    """Whether the block before the paragraph ends with a colon: the article leads into code."""
    previous = node.previous_sibling
    if previous is None or previous.kind not in ("paragraph", "heading"):
        return False
    return raw_text(doc, previous).rstrip().endswith((":", "："))

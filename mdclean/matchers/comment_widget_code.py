"""``comment-widget-code``: a comment system's start-up script or style left as a paragraph.

Static blogs (Hexo, Hugo, Jekyll) and many CMS themes load their comments from a service:
Waline, Twikoo, Giscus, utterances, Disqus, Valine, Artalk, Gitalk, Cusdis, LiveRe. A
converter that drops the ``<script>`` and ``<style>`` tags but keeps their text leaves the
widget's set-up in the page where the thread would be: ``import { init } from
".../@waline/client/..."; init({ el: "#waline", serverURL: ... })``, ``var disqus_config =
function () { ... }``, a style rule for the comment box (``#comments-section{margin-top:5vw}``).

A paragraph goes when it is code, not prose (one character in ``min_symbol_share`` or more
of ``;{}()=:"'``, and a statement's or a call's marks), and names a comment service (its
package, its host or its settings: ``@waline/client``, ``twikoo.init``, ``giscus.app``,
``disqus_config``), or when it is nothing but style rules, one of whose selectors names the
comment box (``#comments``, ``.comment-list``, ``#waline``). A service's set-up in an
article is written in a code block, which stays.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import AllOf, AnyOf, Literals, Search, Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import raw_text

# A comment service as its set-up code names it: its package, host, global or settings.
_SERVICES = (
    "waline", "twikoo", "giscus", "utteranc", "disqus", "valine", "artalk", "gitalk", "cusdis",
    "remark42", "livere", "changyan", "gitment", "vssue", "hyvor",
)  # fmt: skip
_SERVICE = re.compile("|".join(_SERVICES), re.IGNORECASE)
# What a script holds: a call with an object, a statement's end, an assignment, an import.
_SCRIPT_MARKS = (
    re.compile(r"\w\s*\(\s*\{"),  # init({ … }), new Valine({ … })
    re.compile(r"\}\s*\)\s*;?"),
    re.compile(r"\b(?:var|let|const)\s+[\w$]+\s*=|\bimport\s*\{|\bfunction\s*\("),
    re.compile(r"\b\w+\s*:\s*(?:['\"\\]|true\b|false\b|\d)"),  # el: "#waline", dark: 'auto'
)
_SCRIPT_SYMBOLS = frozenset(";{}()=:\"'")
# A style sheet's text: rules and nothing else; a selector that names the comment box.
_STYLE = re.compile(r"\s*(?:[^{}\s][^{}]{0,200}\{[^{}]{1,400}\}\s*)+")
_SELECTOR = re.compile(r"([^{}]{1,200})\{")
_COMMENT_SELECTOR = re.compile(rf"[#.][\w-]*(?:comment|{'|'.join(_SERVICES)})[\w-]*", re.IGNORECASE)
_STYLE_HINT = re.compile(rf"[#.][\w-]*(?:comment|{'|'.join(_SERVICES)})[\w-]*\s*[{{,:]")


class CommentWidgetCodeMatcher(Matcher):
    name = "comment-widget-code"
    params = MappingProxyType({"min_symbol_share": float, "min_marks": int, "max_chars": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_symbol_share = float(params.get("min_symbol_share", 0.06))
        self.min_marks = int(params.get("min_marks", 2))
        self.max_chars = int(params.get("max_chars", 20000))

    def trigger(self) -> Trigger:
        """A comment service's name, or a style rule whose selector names the comment box."""
        style = AllOf((Literals(("{",)), Search(_STYLE_HINT, folded=False)))
        return AnyOf((literals(*_SERVICES), style))

    def find(self, doc: Document) -> Iterator[Finding]:
        for node in doc.root.children:
            if node.kind != "paragraph":
                continue
            text = raw_text(doc, node).strip()
            if len(text) <= self.max_chars and (self._is_setup(text) or _is_comment_style(text)):
                start, end = doc.node_span(node)
                yield Finding(start, end, edits=(remove_blocks(doc, node, node),))

    def _is_setup(self, text: str) -> bool:
        """A comment service's set-up script: code that names the service."""
        if _SERVICE.search(text) is None:
            return False
        symbols = sum(1 for character in text if character in _SCRIPT_SYMBOLS)
        if symbols < len(text) * self.min_symbol_share:
            return False
        return sum(1 for mark in _SCRIPT_MARKS if mark.search(text)) >= self.min_marks


def _is_comment_style(text: str) -> bool:
    """Style rules and nothing else, one of whose selectors names the comment box."""
    if "{" not in text or _STYLE.fullmatch(text) is None:
        return False
    return any(_COMMENT_SELECTOR.search(m.group(1)) for m in _SELECTOR.finditer(text))

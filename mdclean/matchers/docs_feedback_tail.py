"""``docs-feedback-tail``: a docs framework's feedback widget and what follows it, glued to the
article's last paragraph.

A docs framework draws a feedback widget under every page: the question ("Was this page
helpful?") and its two buttons, which a crawler of a Mintlify or Docsy site keeps as two lines,
"Was this page helpful?" and "YesNo". Crawlers of such sites drop the blank lines between the
page's last blocks, so the widget, the previous/next titles, the footer's links and the
assistant panel's notice become the last lines of the article's last paragraph.

The widget is read as two lines together: a line that is one of the ``phrases`` (the question,
as the frameworks translate it) and, right under it, a line that is one of the ``buttons``
phrases (the two answers, as the frameworks translate them). From the question on, every line
of the paragraph goes when each line after the buttons is short (``max_words`` words, as a reader
sees it: pager titles, footer links, "Powered by Mintlify"); else only the widget's two lines
go. What comes before the question stays. Two template strings on two lines, the question and
its own answers, are the evidence: the fix is safe.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..models import Applicability, Finding
from ..removal import remove_blocks, remove_span
from .base import ParamError
from .line_reading import line_reading
from .phrase_lists import phrase_pattern
from .phrases import PhraseMatcher

_WORD = re.compile(r"[^\W_]+")


class DocsFeedbackTailMatcher(PhraseMatcher):
    name = "docs-feedback-tail"
    params = MappingProxyType({**PhraseMatcher.params, "buttons": list, "max_words": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        buttons = phrase_pattern({"phrases": params.get("buttons", [])})
        if buttons is None:
            raise ParamError("params.buttons: give the phrase lists of the widget's buttons")
        self.buttons = re.compile(rf"[\W_]*(?:{buttons})[\W_]*", re.IGNORECASE)
        self.max_words = int(params.get("max_words", 12))

    @cached_property
    def question(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self.labels})[\W_]*", re.IGNORECASE)

    def find(self, doc: Document) -> Iterator[Finding]:
        for node, _rough in self.blocks_to_probe(doc, "paragraph"):
            first = self._widget_line(doc, node)
            if first is not None:
                yield self._finding(doc, node, first)

    def _widget_line(self, doc: Document, node: Node) -> int | None:
        """The paragraph's line that holds the question when the next line holds its
        buttons; None when no line does."""
        for line in range(node.start_line, node.end_line - 1):
            if self.question.fullmatch(_reading(doc, line)) is None:
                continue
            if self.buttons.fullmatch(_reading(doc, line + 1)) is not None:
                return line
        return None

    def _finding(self, doc: Document, node: Node, first: int) -> Finding:
        """The widget and the short lines after it to the paragraph's end; the widget's two
        lines alone when a longer line follows them."""
        tail = range(first + 2, node.end_line)
        end = node.end_line if all(self._short(doc, line) for line in tail) else first + 2
        if first == node.start_line and end == node.end_line:
            start, stop = doc.node_span(node)
            edit = remove_blocks(doc, node)
        else:
            start, stop = doc.line_offset(first), doc.line_end(end - 1)
            edit = remove_span(doc, start, stop)
        return Finding(start, stop, edits=(edit,), applicability=Applicability.SAFE)

    def _short(self, doc: Document, line: int) -> bool:
        return len(_WORD.findall(_reading(doc, line))) <= self.max_words


def _reading(doc: Document, line: int) -> str:
    """The line as a reader sees it (``line_reading``), read once per document."""
    readings = doc.shared("docs_feedback_reading")
    found: str | None = readings.get(line)
    if found is None:
        found = readings[line] = line_reading(doc.line_text(line))[0]
    return found

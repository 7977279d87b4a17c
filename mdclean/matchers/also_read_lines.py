"""A "read also" label and its link inside a paragraph of the article, read line by line.

A converter that keeps no blank line between blocks (crawl4ai's raw Markdown, a clipper over
a page whose teaser sits in the article's ``<p>``) leaves a news site's "read also" teaser
among the article's lines, where a block reading never sees it alone:

- a line of a paragraph that is nothing but the label and its links, the article's lines
  around it (``**Baca juga:[Headline](https://site/read/2023/11/02/…)**``);
- the label and its one link glued before the article's next sentence, at a line's start
  (``À LIRE AUSSI **[Headline](https://site/…-2541683_23.php)**C'est ce que…``). Here the link
  is the evidence: it leads to an article's permalink on the page's own site
  (``link_targets``), its text is a headline (three words or more), and what follows opens a
  sentence of its own (a capital, a quote, a digit: a sentence that goes on after its link,
  "Lire aussi [ce livre](…) qui…", is prose).

Only the label and its links go: every other byte of the paragraph stays.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..document import BlockContent, Document, Node
from ..models import Edit
from ..parsing import parse_inline
from ..removal import remove_lines, remove_span
from .link_targets import PERMALINK, own_link, page_site, target_shape
from .linkblocks import Link, Skeleton, tokens_skeleton, word_count
from .phrase_lists import fold_width

_PARENTS = ("root", "blockquote")
"""Where a paragraph's line can go alone: a list item's first line holds its marker."""
_MIN_HEADLINE_WORDS = 3
_MIN_REST_WORDS = 4
"""Words the sentence after a glued link holds at least: the article's, not a credit."""
_SENTENCE_OPENERS = "«\"“„‘'¿¡([—–"
_EMPHASIS_RUN = re.compile(r"[^\w*_]*([*_]+)")


@dataclass(frozen=True, slots=True)
class LineCut:
    """What goes from one content line of a paragraph: the whole line, or its first
    ``length`` characters (a glued label and link)."""

    line: int
    length: int | None
    links: tuple[Link, ...]


def line_skeleton(doc: Document, line: str) -> Skeleton:
    """The skeleton of one content line, read from its own inline parse."""
    return tokens_skeleton(parse_inline(line, doc.env))


def paragraph_lines(doc: Document, node: Node) -> tuple[BlockContent, list[str]] | None:
    """A paragraph's content and its lines, when its lines can go one by one."""
    if node.parent is None or node.parent.kind not in _PARENTS:
        return None
    content = doc.content(node)
    if content is None or not content.exact:
        return None
    return content, content.text.split("\n")


def glued_lead_end(doc: Document, folded: str, found: re.Match[str]) -> int | None:
    """Where a label and its link glued before a sentence end in ``folded`` (the line), or
    None when they are no teaser: the link leads to an own permalink and reads as a headline,
    and a sentence of the article opens right after it."""
    href, text = found.group("href"), found.group("text")
    if target_shape(href) != PERMALINK or not own_link(href, page_site(doc)):
        return None
    if word_count(text) < _MIN_HEADLINE_WORDS:
        return None
    end = _closed_emphasis(folded, found)
    if end is None or not _opens_a_sentence(folded[end:].lstrip(" \t")):
        return None
    return end


def _closed_emphasis(folded: str, found: re.Match[str]) -> int | None:
    """Where the lead ends: after the link, and after the emphasis its label opened before
    it ("**Baca juga:[…](…)**"); None when that emphasis is not closed right there."""
    end = found.end()
    lead = found.group("label")
    opener = _EMPHASIS_RUN.match(lead)
    if opener is None or opener.group(1) in lead[opener.end() :]:
        return end
    run = opener.group(1)
    return end + len(run) if folded.startswith(run, end) else None


def _opens_a_sentence(rest: str) -> bool:
    """Whether the text after a glued link is a sentence of the article of its own: four
    words or more, opening with a capital, a digit or a quote."""
    if not rest or word_count(rest) < _MIN_REST_WORDS:
        return False
    first = rest[0]
    return first.isupper() or first.isdigit() or first in _SENTENCE_OPENERS


def cuts_in(
    doc: Document,
    lines: list[str],
    probe: Callable[[str], bool],
    whole: Callable[[Skeleton], bool],
    glued: Callable[[str], re.Match[str] | None],
) -> list[LineCut]:
    """The lines of a paragraph a label opens (``probe``, on the folded line) that are a label
    and its links (``whole``, on the line's skeleton) or begin with a glued label and link
    (``glued``)."""
    cuts: list[LineCut] = []
    for i, line in enumerate(lines):
        folded = fold_width(line)
        if not probe(folded):
            continue
        skel = line_skeleton(doc, line)
        if len(lines) > 1 and whole(skel):
            cuts.append(LineCut(i, None, tuple(skel.links)))
            continue
        found = glued(folded)
        if found is None:
            continue
        end = glued_lead_end(doc, folded, found)
        if end is not None:
            cuts.append(LineCut(i, end, (Link(found.group("text"), found.group("href")),)))
    return cuts


def cut_edit(doc: Document, node: Node, content: BlockContent, cut: LineCut) -> Edit:
    """The edit that takes one cut out of the paragraph."""
    line = node.start_line + cut.line
    if cut.length is None:
        return remove_lines(doc, line, line + 1)
    start = content.to_source(content.line_starts[cut.line])
    return remove_span(doc, start, start + cut.length)

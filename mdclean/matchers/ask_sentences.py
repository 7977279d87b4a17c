"""``ask-sentences``: the author's ask under the article, read as sentences of a known build.

Writing, marketing and hobby blogs close a post with an ask in the author's own words, never
the same twice: "Want writing tips delivered straight to your inbox each week?", "If you liked
the tips in this article, get more of them by signing up for my mailing list.", "👉 Let's
discuss in the comments: are you writing a crime novel?", "Schreib es in die Kommentare!".
No phrase list holds every such sentence, but each is built the same way in every language: a
verb that invites (``verbs``: sign up, subscribe, get, join; tell, share, leave, discuss) and
the place the reader is sent to (``places``: your inbox, my newsletter, my mailing list; in
the comments, in die Kommentare, 评论区). A sentence with both is an ask. A block (paragraph or
heading) goes when every sentence of it is an ask, or stands beside one as the ask's company:
a question to the readers (``questions``: "Are you writing a crime novel?"), a sentence that
names the place alone (``place_companions``: "You'll get a tip delivered to your inbox each
week."), or a whole sentence of the ``companions`` lists ("Unsubscribe at any time!", "Thanks
for reading!"). One sentence of anything else keeps the block: a question answered by the
author, a paragraph that plugs the author's repository and then asks for comments.

Only the page's tail is read: walking back from the page's end, past the blocks this rule takes
and short ones, up to the first code, table or block of ``prose_words`` words. A heading goes
only with the ask under it (or at the page's very end). A README page and a project's own
support section stay, as for ``conversion-pitch``. The finding is safe when the block also
links a newsletter platform's form or the site's own sign-up page (``promo_links``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.fences import fenced_code
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher, any_pattern, compile_patterns
from .conversion_pitch import heading_pattern, repository_page, under_section
from .fix_safety import safe_if
from .linkblocks import Skeleton, skeleton, word_count
from .phrase_lists import fold_width, phrase_pattern
from .promo_links import promo_links

_ARTICLE_KINDS = ("fence", "code_block", "table")
_ASK_KINDS = ("paragraph", "heading")
# A sentence ends at a stop before white space (or the text's end), at a stop of a script
# written without spaces, or at a stop glued to the next sentence's capital ("list.Once you").
_SENTENCE_END = re.compile(
    r"[.!?…]+[\"'”’)\]»」』*_]*(?=\s|$)|[。！？]+[」』）)]*|(?<=[a-z])[.!?](?=[A-Z][a-z])"
)
# A colon as the raw text may write it (the character, full-width, or an entity).
_COLON = r"(?:[:：]|&#0*58;|&#x0*3a;|&colon;)"
_LABEL_WORDS = 10  # an ask written as a label: "👉 Let's discuss in the comments:"
_SENTENCE_WORDS = 8  # a paragraph of a sentence this long is the article's, not a widget line
_ASK_WORDS = 30  # the longest ask sentence (CJK: two characters a word)
_QUESTION = re.compile(r"[?？][\"'”’)\]»」』*_\s\W]*$")
# What stands around a sentence's words: emoji, arrows, emphasis and punctuation.
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")


def sentences(text: str) -> list[str]:
    """The sentences of a block's visible text, in order, none empty."""
    found, start = [], 0
    for stop in _SENTENCE_END.finditer(text):
        found.append(text[start : stop.end()])
        start = stop.end()
    found.append(text[start:])
    return [s.strip() for s in found if _EDGES.sub("", s.strip())]


class AskSentencesMatcher(Matcher):
    name = "ask-sentences"
    params = MappingProxyType(
        {
            "keywords": list,
            "places": list,
            "verbs": list,
            "companions": list,
            "questions": bool,
            "place_companions": bool,
            "label_led": bool,
            "pass_places": list,
            "pass_verbs": list,
            "pass_companions": list,
            "section_labels": list,
            "page_labels": list,
            "platforms": list,
            "paths": list,
            "safe_links": list,
            "max_words": int,
            "prose_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._own = AskReading(
            _searcher(phrase_pattern(params, "places", "places_inline")),
            _searcher(phrase_pattern(params, "verbs", "verbs_inline")),
            _whole(phrase_pattern(params, "companions", "companions_inline")),
            questions=bool(params.get("questions", False)),
            place_companions=bool(params.get("place_companions", False)),
            label_led=bool(params.get("label_led", False)),
        )
        # The other kind of ask the walk may pass (a sign-up ask under a comment prompt): it is
        # no more the article's prose than this rule's own asks are.
        self._passed = AskReading(
            _searcher(phrase_pattern(params, "pass_places", "pass_places_inline")),
            _searcher(phrase_pattern(params, "pass_verbs", "pass_verbs_inline")),
            _whole(phrase_pattern(params, "pass_companions", "pass_companions_inline")),
            questions=True,
            place_companions=True,
        )
        self._section_heading = heading_pattern(params, "section_labels")
        self._page_heading = heading_pattern(params, "page_labels")
        self.links = promo_links(params)
        # A newsletter service's form or landing page (Mailchimp, Kit, Substack...): exact.
        self._safe_links = any_pattern(compile_patterns(params.get("safe_links", []), "safe_links"))
        self._keywords = tuple(str(k).lower() for k in params.get("keywords", []))
        self.max_words = int(params.get("max_words", 80))
        self.prose_words = int(params.get("prose_words", 30))

    def trigger(self) -> Trigger:
        """One of the ``keywords`` (every place holds one), after the page's last fence: the
        walk back from the page's end stops at code, so no ask above it is read. With
        ``label_led``, a colon follows the keyword soon (the label's end, or a link's scheme in
        it: the rest of a label of ten words, with its marks and link targets)."""
        keywords = self._keywords
        if not keywords:
            return self.keyword_trigger()
        label = (
            re.compile(rf"(?:{'|'.join(map(re.escape, keywords))})[\s\S]{{0,400}}?{_COLON}")
            if self._own.label_led
            else None
        )

        def holds(lowered: str) -> bool:
            tail = _after_last_fence(lowered)
            if label is not None:
                return label.search(tail) is not None
            return any(keyword in tail for keyword in keywords)

        reason = "a keyword stands after the last fence (before a colon, for a label)"
        return all_of(self.keyword_trigger(), Check(holds, reason))

    def find(self, doc: Document) -> Iterator[Finding]:
        page = doc.root.children
        if self._own.place is None or repository_page(doc, page, self._page_heading):
            return
        for index, skel in reversed(self._tail_asks(doc, page)):
            node = page[index]
            start, end = doc.node_span(node)
            safety = safe_if(any(self._signs_up(link.href) for link in skel.links))
            yield Finding(start, end, edits=(remove_blocks(doc, node, node),), applicability=safety)

    def _signs_up(self, href: str) -> bool:
        """Whether a link leads to a sign-up: a newsletter service, or a promotion's endpoint."""
        if self._safe_links is not None and self._safe_links.search(href):
            return True
        return self.links.endpoint(href)

    def _tail_asks(self, doc: Document, page: Sequence[Node]) -> list[tuple[int, Skeleton]]:
        """The ask blocks of the page's tail, last first, with their indexes on the page."""
        found: list[tuple[int, Skeleton]] = []
        taken_after = True  # the page's end counts as an ask under a closing heading
        for index in range(len(page) - 1, 0, -1):
            node = page[index]
            if node.kind in _ARTICLE_KINDS:
                break
            skel = skeleton(doc, node) if node.kind in _ASK_KINDS else None
            if skel is not None and self._takes(doc, page, index, skel, taken_after=taken_after):
                found.append((index, skel))
                taken_after = True
                continue
            if self._is_prose(doc, node, skel) and not self._is_passed(skel):
                break
            taken_after = False
        return found

    def _takes(
        self, doc: Document, page: Sequence[Node], index: int, skel: Skeleton, *, taken_after: bool
    ) -> bool:
        """Whether the block at ``index`` is an ask this rule takes: a heading only over an ask
        it takes (or the page's end), nothing under a project's own support section."""
        if page[index].kind == "heading" and not taken_after:
            return False
        return self._is_ask(skel) and not under_section(doc, page, index, self._section_heading)

    def _is_prose(self, doc: Document, node: Node, skel: Skeleton | None) -> bool:
        """Whether a block the walk meets is the article's: long enough to be its prose."""
        if node.kind == "heading":
            return False
        if skel is None:
            skel = skeleton(doc, node)
        if skel is not None:
            words = skel.outside_words()
            # a long block, or a sentence of the author's own ("It comes once a month.")
            return words >= self.prose_words or (
                words >= _SENTENCE_WORDS and _SENTENCE_END.search(skel.visible.rstrip()) is not None
            )
        text = doc.text[slice(*doc.node_span(node))]
        if "```" in text or "~~~" in text:
            return True  # code in a list or a quote: the article's (the trigger reads past none)
        return len(text.split()) >= self.prose_words * 2  # a list or quote: its words, marks aside

    def _is_ask(self, skel: Skeleton) -> bool:
        """Whether every sentence of the block is one of this rule's asks or their company."""
        return skel.words() <= self.max_words and self._own.reads(_text(skel))

    def _is_passed(self, skel: Skeleton | None) -> bool:
        """Whether the block is an ask of the other kind, which the walk passes over."""
        return (
            skel is not None
            and self._passed.place is not None
            and skel.words() <= self.max_words
            and self._passed.reads(_text(skel))
        )


@dataclass(frozen=True)
class AskReading:
    """One kind of ask: the place it sends the reader to, the verbs that invite, and what may
    stand beside it (questions, the place named alone, whole sentences of ``companion``)."""

    place: re.Pattern[str] | None
    verb: re.Pattern[str] | None
    companion: re.Pattern[str] | None
    questions: bool = False
    place_companions: bool = False
    label_led: bool = False

    def reads(self, text: str) -> bool:
        """Whether every sentence of ``text`` is an ask or its company, one an ask; with
        ``label_led``, the ask is the block's label ("Let's discuss in the comments:") and
        every sentence after it is company."""
        if self.label_led:
            return self._label_led(text)
        kinds = [self.kind(sentence) for sentence in sentences(text)]
        return bool(kinds) and None not in kinds and "ask" in kinds

    def _label_led(self, text: str) -> bool:
        """Whether the text opens with an ask written as a label, and only company follows."""
        label, colon, rest = text.partition(":")
        if not colon or word_count(label) > _LABEL_WORDS or self.kind(label) != "ask":
            return False
        return all(self._beside(sentence) for sentence in sentences(rest))

    def kind(self, sentence: str) -> str | None:
        """``ask``, ``company`` or None (a sentence of the article's own)."""
        place = self.place is not None and self.place.search(sentence) is not None
        if place and self.verb is not None and self.verb.search(sentence):
            # An ask is one short sentence; a transcript's run-on line that ends on one is not.
            return "ask" if word_count(sentence) <= _ASK_WORDS else None
        return "company" if (place and self.place_companions) or self._beside(sentence) else None

    def _beside(self, sentence: str) -> bool:
        """Whether the sentence may stand beside an ask: a question, or a companion phrase."""
        if self.questions and _QUESTION.search(sentence):
            return True
        return self.companion is not None and self.companion.fullmatch(sentence) is not None


def _text(skel: Skeleton) -> str:
    """The block's text as the phrases read it: what a reader sees, spaces folded."""
    return fold_width(" ".join(skel.visible.split()))


def _whole(phrases: str | None) -> re.Pattern[str] | None:
    """The phrases as whole sentences, give or take the punctuation around them."""
    return re.compile(rf"[\W_]*(?:{phrases})[\W_]*", re.I) if phrases else None


def _searcher(phrases: str | None) -> re.Pattern[str] | None:
    """The phrases as one case-insensitive pattern searched inside a sentence."""
    return re.compile(phrases, re.I) if phrases else None


def _after_last_fence(lowered: str) -> str:
    """The text after the last top-level fence (the walk stops at code); all of it when the
    raw text cannot place the fences (``fenced_code``)."""
    fences = fenced_code(lowered)
    return lowered[fences[-1][1] :] if fences else lowered

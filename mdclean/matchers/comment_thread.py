"""``comment-thread``: a blog post's comment section: its readers' comments and the comment form.

A comment carries marks that an article does not: a permalink to the comment as its date or
reply link (``#comment-123``, ``?replytocom=123``, Blogger's ``?showComment=``,
``/comment-page-2``), a "NAME says:" line ("RAUL SANCAR dice:", "阿豪说道："), a reply button
alone in its block ("Reply", "Responder", "回复"), a "Pingback:" line. Where such marks stand
close together (at most ``max_gap`` other blocks between two of them), the run of top-level
blocks from the first to the last is the thread, with the comments' own words between the
marks. It goes when it holds at least two marks, one of them a permalink or a "says" line.
The section's labels ("18 thoughts on “Paxos”", "Comments (5)", "3 respuestas") and the
form's prompts and field labels ("Leave a Reply", "Name *", "Email *", "Website") next to
it go with it. A form without a thread goes when its e-mail notice ("Your email address will
not be published") stands with at least two field labels.

Comments close a page: the run must follow the article's prose (a paragraph of at least
``min_prose_words`` words before it), and no such paragraph may follow it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.body import body_of
from ..fastpath.triggers import AllOf, AnyOf, Literals, SearchBackwards, Trigger, literals
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .linkblocks import LINK_TARGET, Link, Skeleton, raw_text, skeleton, word_count
from .phrase_lists import fold_width
from .required_phrases import required_alternation

# A link to one comment (its permalink, its reply link, a page of the thread). Each branch
# holds one of ``_URL_KEYS``, which the trigger looks for.
COMMENT_URL = re.compile(r"replytocom=\d|showcomment=\d|#comment-?\d|/comment-page-\d", re.I)
_URL_KEYS = ("replytocom=", "showcomment=", "#comment", "/comment-page-")
# The verb of a "NAME says:" line always ends in a colon, ASCII or full-width.
_SAYS_VERBS = (
    "says", "said", "wrote", "sagt", "schreibt", "meint", "dit", "écrit", "dice", "escribió",
    "comentó", "disse", "diz", "comentou", "scrive", "detto", "пишет", "говорит", "написал",
    "написала", "说道", "說道", "说", "說", "より", "発言", "コメント", "말", "작성", "ki", "berkata",
    "mengatakan", "zegt", "schreef", "pisze", "napisał", "napisała", "mówi", "nói", "viết",
)  # fmt: skip
_SAYS_COLON = re.compile(rf"(?:{'|'.join(map(re.escape, _SAYS_VERBS))}) ?[:：]")
# The same, read backwards: it opens with the colon (the trigger's ``SearchBackwards``).
_SAYS_COLON_BACKWARDS = re.compile(
    rf"[:：] ?(?:{'|'.join(re.escape(verb[::-1]) for verb in _SAYS_VERBS)})"
)
# The notice every WordPress comment form prints, in its translations: a form's proof.
_FORM_NOTICE = (
    "will not be published", "nicht veröffentlicht", "ne sera pas publiée", "no será publicad",
    "não será publicado", "non sarà pubblicato", "не будет опубликован", "不会被公开",
    "不會被公開", "公開されることはありません", "공개되지 않습니다", "yayınlanmayacak",
    "tidak akan dipublikasikan", "wordt niet gepubliceerd", "nie zostanie opublikowany",
    "không được hiển thị công khai", "required fields are marked",
)  # fmt: skip
_PINGBACK = re.compile(r"(?:pingback|trackback)\s*:", re.I)
# List and heading markers, emphasis and brackets; a lone "*" is a required field's mark.
_LINE_MARKUP = re.compile(r"^(?:[\s#>+-]|[*_]{1,3}(?=\S)|\d+[.)]\s)*|\*\*|__|[`\[\]]")
_SAYS_MAX_WORDS = 10
_LINK_MAX_WORDS = 8  # a permalink's text is a date, a number or "Reply", never a sentence
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class Marks:
    """What a top-level block holds of a comment section."""

    strong: int = 0  # permalinks, "says" lines, reply buttons, pingbacks
    proof: int = 0  # permalinks and "says" lines
    chrome: bool = False  # every line is a label, a form prompt or a field label
    notice: bool = False  # the form's e-mail notice
    fields: int = 0  # lines that are a form's field labels

    def __add__(self, other: Marks) -> Marks:
        return Marks(
            self.strong + other.strong,
            self.proof + other.proof,
            self.chrome and other.chrome,
            self.notice or other.notice,
            self.fields + other.fields,
        )

    @property
    def any(self) -> bool:
        return self.strong > 0 or self.chrome


NO_MARKS = Marks()


class CommentThreadMatcher(Matcher):
    name = "comment-thread"
    params = MappingProxyType(
        {
            "sections": list,
            "prompts": list,
            "fields": list,
            "says": list,
            "replies": list,
            "max_gap": int,
            "min_prose_words": int,
        }
    )
    required = frozenset({"sections", "prompts", "fields", "says", "replies"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self._phrases = {key: required_alternation(params, key) for key in sorted(self.required)}
        self.max_gap = int(params.get("max_gap", 8))
        self.min_prose_words = int(params.get("min_prose_words", 20))

    @cached_property
    def _whole(self) -> dict[str, re.Pattern[str]]:
        """Each phrase kind, matched against a whole block or line (compiled on first use)."""
        return {
            key: re.compile(rf"(?:{pattern})[\s.!:]*", re.IGNORECASE)
            for key, pattern in self._phrases.items()
        }

    @cached_property
    def _says(self) -> re.Pattern[str]:
        return re.compile(rf"\S.{{0,80}}?\s?(?:{self._phrases['says']})\s*", re.IGNORECASE)

    def trigger(self) -> Trigger:
        """A permalink's URL, a "says" line's colon with a reply word, or a form's notice."""
        says = SearchBackwards(_SAYS_COLON_BACKWARDS)  # (``_SAYS_COLON``, colon first)
        says_and_reply = AllOf((self._reply_literals(), says))
        return AnyOf((literals(*_URL_KEYS), says_and_reply, literals(*_FORM_NOTICE)))

    def _reply_literals(self) -> Trigger:
        """The reply buttons' words (each phrase up to its first regex syntax)."""
        words = {re.split(r"[(?\[\\]", phrase, maxsplit=1)[0].strip() for phrase in _REPLY_WORDS}
        return Literals(tuple(sorted(w.lower() for w in words if w)))

    def find(self, doc: Document) -> Iterator[Finding]:
        if not self.may_match(body_of(doc).text):
            return  # what ``find`` needs is not in the text (the fast path's question, kept exact)
        blocks = doc.root.children
        marks = [self._marks(doc, node) for node in blocks]
        for first, last in _runs(blocks, marks, self.max_gap):
            if self._is_section(doc, blocks, marks, first, last):
                start, end = doc.node_span(blocks[first])[0], doc.node_span(blocks[last])[1]
                yield Finding(start, end, edits=(remove_blocks(doc, blocks[first], blocks[last]),))

    def _is_section(
        self, doc: Document, blocks: list[Node], marks: list[Marks], first: int, last: int
    ) -> bool:
        """Whether the run is a comment section: a thread, or a form alone, after the prose."""
        total = sum(marks[first : last + 1], NO_MARKS)
        thread = total.strong >= 2 and total.proof >= 1
        form = total.notice and total.fields >= 2
        if not (thread or form):
            return False
        return self._prose_before(doc, blocks, first) and not self._prose_after(doc, blocks, last)

    def _prose_before(self, doc: Document, blocks: list[Node], first: int) -> bool:
        return any(self._is_prose(doc, node) for node in blocks[:first])

    def _prose_after(self, doc: Document, blocks: list[Node], last: int) -> bool:
        return any(self._is_prose(doc, node) for node in blocks[last + 1 :])

    def _is_prose(self, doc: Document, node: Node) -> bool:
        if node.kind != "paragraph":
            return False
        skel = skeleton(doc, node)
        return skel is not None and not skel.link_only and skel.words() >= self.min_prose_words

    def _marks(self, doc: Document, node: Node) -> Marks:
        """The marks of a top-level block: of its own text, or summed over a list's or quote's
        paragraphs (a thread converted as a list of comments)."""
        if node.kind in ("paragraph", "heading", "html_block"):
            return self._leaf_marks(doc, node)
        if node.kind not in ("bullet_list", "ordered_list", "blockquote"):
            return NO_MARKS
        found = [self._leaf_marks(doc, leaf) for leaf in node.walk() if leaf.kind == "paragraph"]
        total = sum(found, Marks(chrome=True))
        # A list of comments, or a list the thread's chrome fills ("1. No trackbacks yet.").
        return Marks(total.strong, total.proof, chrome=bool(found) and total.chrome)

    def _leaf_marks(self, doc: Document, node: Node) -> Marks:
        raw = raw_text(doc, node)
        skel = skeleton(doc, node) if raw.strip() else None
        if skel is None:
            return NO_MARKS
        text = fold_width(" ".join(skel.visible.split()))
        return self._comment_marks(skel, text) + self._form_marks(raw, text)

    def _comment_marks(self, skel: Skeleton, text: str) -> Marks:
        """A comment's marks in a block: permalinks, a "says" line, a reply button, a pingback."""
        permalinks = sum(1 for link in skel.links if self._is_permalink(link))
        says = word_count(text) <= _SAYS_MAX_WORDS and self._says.fullmatch(text) is not None
        alone = self._whole["replies"].fullmatch(text) or _PINGBACK.match(text)
        return Marks(strong=permalinks + says + bool(alone), proof=permalinks + says, chrome=True)

    def _form_marks(self, raw: str, text: str) -> Marks:
        """Whether each line of a block is the section's chrome; the form's notice and fields."""
        lines = [line for line in map(_line_text, raw.splitlines()) if line]
        return Marks(
            chrome=all(self._is_chrome_line(line) for line in lines),
            notice=any(notice in text.lower() for notice in _FORM_NOTICE),
            fields=sum(1 for line in lines if self._whole["fields"].fullmatch(line)),
        )

    def _is_permalink(self, link: Link) -> bool:
        """A link to one comment, as its date, number or reply button: not "see this comment"."""
        if not COMMENT_URL.search(link.href):
            return False
        text = fold_width(" ".join(link.text.split()))
        if word_count(text) > _LINK_MAX_WORDS:
            return False
        return (
            not text
            or _DIGIT.search(text) is not None
            or bool(self._whole["replies"].fullmatch(text))
        )

    def _is_chrome_line(self, line: str) -> bool:
        return any(
            self._whole[key].fullmatch(line) for key in ("sections", "prompts", "fields", "replies")
        )


def _runs(blocks: list[Node], marks: list[Marks], max_gap: int) -> Iterator[tuple[int, int]]:
    """The runs of marked blocks (first and last index) that at most ``max_gap`` unmarked
    blocks separate; an unmarked heading (the next part of the page) ends a run."""
    first = last = -1
    for index, (node, mark) in enumerate(zip(blocks, marks, strict=True)):
        if mark.any:
            first = index if first < 0 else first
            last = index
        elif first >= 0 and (node.kind == "heading" or index - last > max_gap):
            yield first, last
            first = last = -1
    if first >= 0:
        yield first, last


def _line_text(line: str) -> str:
    """One line of a block's source as a phrase reads it: link targets, emphasis and list or
    heading markers dropped, white space folded."""
    line = LINK_TARGET.sub("]", line)
    return fold_width(" ".join(_LINE_MARKUP.sub("", line).split()))


_REPLY_WORDS = (
    "reply", "antworten", "répondre", "responder", "rispondi", "ответить", "回复", "回覆",
    "返信", "답글", "답장", "yanıtla", "cevapla", "balas", "beantwoorden", "reageer",
    "odpowiedz", "trả lời", "pingback", "trackback",
)  # fmt: skip
"""The reply buttons' words (as ``rules/phrases/reply-buttons.yaml`` spells them) and pingback
lines, as the trigger looks for them beside a "says" line. ``find`` asks the same trigger
first, so a word missing here costs a thread, never a result of the fast path."""

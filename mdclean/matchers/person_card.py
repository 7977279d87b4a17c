"""``person-card``: an author's or reviewer's card, told by its picture: the avatar, the name, the bio.

Author-box and byline plugins print each credited person as a card: a picture, the name, a
bio in the third person that opens with the name. Molongui Post Contributors labels each card
"Written by" / "Reviewed by" / "Fact-checked by" and gives its picture the alt text "Author
Avatar" / "Contributor Avatar"; the medical and finance sites' reviewer boxes do the same in
their languages ("Geschrieben von: Autor-Avatar Joella Dunn", "Bewertet von: Rezensenten-Avatar
John Turner"). A text dump keeps the alt text as a word before the name, a Markdown converter
keeps the picture itself. Two readings, line by line (a text dump's card is lines of one
paragraph):

- an avatar line: the name at the line's end after a word that says avatar (``avatar_words``,
  the picture's alt text), optionally after a credit label (``credit-labels``) and a colon;
  then, optionally, the line again and the bio opening with the name. It goes when it has a
  credit label, a bio or its repetition (an "Avatar Group" heading of a UI kit's docs has
  none). Safe with a credit label: the plugin's label and its avatar's alt text, two signs.
- a picture card: an image alone or before the name on its line, the name (a line of its
  own when the image is alone: a name heading), then the bio opening with the name. The
  picture must show the person (its address or alt text says avatar, author or profile, or
  holds the name), or the name must be the text of a link just above (the byline's profile
  link right over the box). It goes at the page's tail (no long paragraph after it) or right
  under such a byline. Unsafe: a guess by shape. An interview's opening portrait stays (no
  byline of that name, prose after it), and a team page's cards stay (three cards or more).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from ..document import Document
from ..fastpath.triggers import AnyOf, Literals, Search, Trigger
from ..models import Finding
from ..removal import line_runs, remove_lines
from .base import Matcher
from .fix_safety import safe_if
from .phrase_lists import fold_width, phrase_pattern

# What stands before a line's text: a quote's marks, a list's marker, a heading's hashes.
_MARKS = re.compile(r"^[ \t>]*(?:(?:[*+-]|\d{1,3}[.)])[ \t]+)?(?:#{1,6}[ \t]+)?")
# A picture at the start of a line, linked or not: its alt text and its address.
_PICTURE = re.compile(r"^\[?!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)[^)\n]*\)(?:\]\([^)\n]*\))?")
# The raw shape of a picture card (in the lower-cased source, from the picture's "!["): the
# picture, its name on the line or the next, then the bio opening with the name's first word.
_PICTURE_SHAPE = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)(?:\]\([^)\n]*\))?(?:[ \t]+|[ \t]*\n(?:[ \t>]*\n)*[ \t>]*"
    r"(?:#{1,6}[ \t]+)?)([^\W\d_][^\s]*)[^\n]*\n(?:[ \t>]*\n)*[ \t>]*\1"
)
# The raw shape of a credited card (in the lower-cased text): the front matter's ``author:``
# (a clipper's "[[Jane Doe]]", a theme's "Jane Doe @ Editor"), and a later line that opens
# with that name.
_CREDIT_SHAPE = re.compile(
    r"^author:[ \t]*[\"']?(?:\[\[)?([^\W\d_][^\n\"'@\[\]|]{2,40}?)[ \t]*(?:@[^\n]*)?"
    r"(?:\]\])?[\"']?[ \t]*\n[\s\S]*\n[ \t>*+-]*\1",
    re.MULTILINE,
)
_ROLE = re.compile(r"^\s*(?:[@|,–—-]\s*[^\W\d_][^\n]{0,60})?$")
_HOST = re.compile(r"^(?:[a-z]+:)?//[^/]*", re.IGNORECASE)
_LINK = re.compile(r"^\[([^\]\n]+)\]\([^)\n]*\)$")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_NAME_WORD = re.compile(r"[^\W\d_][^\W\d_'’.-]*(?:[-'’.][^\W\d_]+)*\.?")
_PARTICLES = frozenset({"de", "da", "di", "van", "von", "der", "den", "le", "la", "del", "bin"})
_MAX_NAME_WORDS = 4
_MAX_PREFIX_WORDS = 6  # "Geschrieben von: Autor-Avatar", "Avatar de l'auteur"
_MAX_CJK_NAME = 8
_LONG_PARAGRAPH = 25  # words of a line of prose (page_head.PROSE_WORDS): after it, no tail
_PROSE = 15  # words of a line of the article's prose, before a closing card
_TEAM = 3  # picture cards on a page of a team, not one author's box


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    text: str
    """The line without its leading marks and its ends' spaces."""


class PersonCardMatcher(Matcher):
    name = "person-card"
    front_matter = True  # (the credited card's name is the front matter's ``author``)
    params = MappingProxyType(
        {
            "labels": list,
            "phrases": list,
            "avatar_words": list,
            "portrait_words": list,
            "min_bio_words": int,
            "max_bio_words": int,
        }
    )
    required = frozenset({"phrases", "avatar_words", "portrait_words"})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        labels = phrase_pattern(params) or "(?!)"
        self._label = re.compile(rf"^(?:{labels})(?![\w-])\s*[:：]?\s*", re.IGNORECASE)
        self.avatar_words = tuple(str(w).lower() for w in params["avatar_words"])
        self.portrait_words = tuple(str(w).lower() for w in params["portrait_words"])
        self.min_bio_words = int(params.get("min_bio_words", 5))
        self.max_bio_words = int(params.get("max_bio_words", 120))

    def trigger(self) -> Trigger:
        """A word that says avatar, or a picture card's raw shape (``find`` asks each card)."""
        return AnyOf(
            (
                Literals(self.avatar_words),
                Search(_PICTURE_SHAPE, folded=False),
                Search(_CREDIT_SHAPE, folded=False),
            )
        )

    def find(self, doc: Document) -> Iterator[Finding]:
        lines = _text_lines(doc)
        cards = list(self._avatar_cards(lines)) + self._picture_cards(doc, lines)
        cards += self._credited_cards(doc, lines) + self._head_avatars(lines)
        if not cards:
            return
        cards = [(_filled(doc, card), labelled) for card, labelled in cards]
        removed = sorted({n for card, _ in cards for n in card})
        safe = {n for card, labelled in cards if labelled for n in card}
        for first, end in line_runs(removed):
            edit = remove_lines(doc, first, end)
            is_safe = all(n in safe for n in range(first, end))
            start, stop = doc.line_offset(first), doc.line_end(end - 1)
            yield Finding(start, stop, edits=(edit,), applicability=safe_if(is_safe))

    # Avatar lines: the alt text kept as a word before the name.

    def _avatar_cards(self, lines: list[_Line]) -> Iterator[tuple[list[int], bool]]:
        """Each avatar card's line numbers and whether a credit label opens it."""
        at = 0
        while at < len(lines):
            head = self._avatar_line(lines[at].text)
            if head is None:
                at += 1
                continue
            name, labelled = head
            taken = self._card_after(lines, at + 1, name)
            if labelled or len(taken) > 0:
                yield [lines[at].number, *(lines[i].number for i in taken)], labelled
            at += 1 + len(taken)

    def _avatar_line(self, text: str) -> tuple[str, bool] | None:
        """The name on an avatar line and whether a credit label opens the line."""
        split = _trailing_name(text, self.avatar_words)
        if split is None:
            return None
        prefix, name = split
        label = self._label.match(prefix)
        rest = prefix[label.end() :] if label else prefix
        if len(rest.split()) > _MAX_PREFIX_WORDS or not self._says_avatar(rest):
            return None
        return name, label is not None

    def _says_avatar(self, text: str) -> bool:
        lowered = fold_width(text).lower()
        return any(word in lowered for word in self.avatar_words)

    def _card_after(self, lines: list[_Line], at: int, name: str) -> list[int]:
        """The indexes of the lines after an avatar line that are its card's: the line again
        (the avatar over the name) and the bio that opens with the name."""
        taken: list[int] = []
        if at < len(lines) and self._repeats(lines[at].text, name):
            taken.append(at)
            at += 1
        if at < len(lines) and self._bio(lines[at].text, name):
            taken.append(at)
        return taken

    def _repeats(self, text: str, name: str) -> bool:
        split = _trailing_name(text, self.avatar_words)
        return split is not None and split[1] == name and self._says_avatar(split[0])

    def _bio(self, text: str, name: str) -> bool:
        """A bio in the third person: it opens with the name (or its first word) and runs
        ``min_bio_words`` to ``max_bio_words`` words."""
        if not _opens_with_name(text, name):
            return False
        words = len(text.split()) if not _UNSPACED.search(text) else len(text) // 2
        return self.min_bio_words <= words <= self.max_bio_words

    # Picture cards: the picture itself, then the name, then the bio.

    def _picture_cards(self, doc: Document, lines: list[_Line]) -> list[tuple[list[int], bool]]:
        found = [card for at in range(len(lines)) if (card := self._picture_card(lines, at))]
        if len(found) >= _TEAM:
            return []  # a team's page
        kept = []
        for at, name, last in found:
            if not _shaped(doc, lines[at], lines[last]):
                continue
            echo = _echoed(lines, at, name)
            if echo or (_after_prose(lines, at) and self._closes_page(lines, last)):
                kept.append(([lines[i].number for i in range(at, last + 1)], False))
        return kept

    def _picture_card(self, lines: list[_Line], at: int) -> tuple[int, str, int] | None:
        """(where the card starts, its name, its bio's index) for a picture card at ``at``."""
        picture = _PICTURE.match(lines[at].text)
        if picture is None:
            return None
        after = lines[at].text[picture.end() :].strip()
        name_at = at if after else at + 1
        if name_at >= len(lines) or name_at + 1 >= len(lines):
            return None
        name = _whole_name(after if after else lines[name_at].text)
        if name is None or not self._bio(lines[name_at + 1].text, name):
            return None
        if not (self._portrait(picture, name) or _echoed(lines, at, name)):
            return None
        return at, name, name_at + 1

    def _portrait(self, picture: re.Match[str], name: str) -> bool:
        """Whether the picture's address or alt text says it shows a person, or names them."""
        alt, address = picture.group(1).lower(), picture.group(2).lower()
        if alt.strip() == name.lower() or any(w in alt + address for w in self.portrait_words):
            return True
        return any(len(w) >= 4 and w in address for w in name.lower().split())

    # Head avatars: the byline's avatar and name under the title, before the article.

    def _head_avatars(self, lines: list[_Line]) -> list[tuple[list[int], bool]]:
        """The lines before the article's first line of prose that are an avatar picture (its
        address says avatar: Gravatar's ``/avatar/HASH``) and a name after it, nothing else."""
        found: list[tuple[list[int], bool]] = []
        for line in lines:
            if _words(line.text) >= _LONG_PARAGRAPH:
                break
            picture = _PICTURE.match(line.text)
            if picture is None or not self._avatar_picture(picture):
                continue
            if _whole_name(line.text[picture.end() :].strip()) is not None:
                found.append(([line.number], False))
        return found

    def _avatar_picture(self, picture: re.Match[str]) -> bool:
        """A picture whose alt text says avatar, or whose address's path is an avatar's
        (Gravatar's ``/avatar/HASH``; a code host's ``avatars.`` host alone is a user's icon
        in a README's list of contributors)."""
        path = _HOST.sub("", picture.group(2))
        return self._says_avatar(picture.group(1)) or "/avatar" in path.lower()

    # Credited cards: the name the front matter credits, over a bio that opens with it.

    def _credited_cards(self, doc: Document, lines: list[_Line]) -> list[tuple[list[int], bool]]:
        """The cards in the page's tail whose name line is the front matter's author (with a
        role after it: "Jane Doe @ Editor") and whose next line is a bio opening with it."""
        names = _credited_names(doc)
        kept: list[tuple[list[int], bool]] = []
        for at in range(len(lines) - 1):
            name = next((n for n in names if lines[at].text.startswith(n)), None)
            if name is None or not _ROLE.match(lines[at].text[len(name) :]):
                continue
            if not self._bio(lines[at + 1].text, name) or not _after_prose(lines, at):
                continue
            if self._closes_page(lines, at + 1):
                kept.append(([lines[at].number, lines[at + 1].number], False))
        return kept

    def _closes_page(self, lines: list[_Line], last: int) -> bool:
        """No paragraph of prose after the card: it stands in the page's tail."""
        return all(_words(line.text) < _LONG_PARAGRAPH for line in lines[last + 1 :])


def _credited_names(doc: Document) -> list[str]:
    """The names the front matter's ``author:`` line credits, as written, when the raw text
    holds the credited card's shape (the trigger's, asked here so that it stays exact)."""
    blocks = doc.root.children
    if not blocks or blocks[0].kind != "front_matter":
        return []
    lowered = doc.text.lower()
    start, end = doc.node_span(blocks[0])
    names = []
    for found in _CREDIT_SHAPE.finditer(lowered, start):
        if found.start() >= end:
            break
        name = doc.text[found.start(1) : found.end(1)].strip()
        if _whole_name(name) is not None:
            names.append(name)
    return names


def _after_prose(lines: list[_Line], at: int) -> bool:
    """Whether a line of prose stands before the card: an article it closes (an obituary's or
    an "About me" page's opening portrait has only the title above it)."""
    return any(_words(line.text) >= _PROSE for line in lines[:at])


def _text_lines(doc: Document) -> list[_Line]:
    """The non-blank lines of the page's paragraphs and headings, in order."""
    lines: list[_Line] = []
    for node in doc.leaves("paragraph", "heading"):
        for number in range(node.start_line, node.end_line):
            text = _MARKS.sub("", doc.line_text(number)).strip()
            if text:
                lines.append(_Line(number, text))
    return lines


def _trailing_name(text: str, avatar_words: tuple[str, ...]) -> tuple[str, str] | None:
    """(what stands before, the name) for a line that ends with a person's name."""
    words = text.split()
    if _UNSPACED.search(words[-1] if words else ""):
        last = words[-1]
        ok = len(words) > 1 and len(last) <= _MAX_CJK_NAME
        return (" ".join(words[:-1]), last) if ok else None
    count = _name_words_at_end(words, avatar_words)
    name = words[len(words) - count :]
    if count < 2 or count == len(words) or not name[0][0].isupper():
        return None
    return " ".join(words[: len(words) - count]), " ".join(name)


def _name_words_at_end(words: list[str], avatar_words: tuple[str, ...]) -> int:
    """How many of the last words are a name's: capitalized (or a particle, "van", "de"),
    letters only, none of them the avatar's word, four at most."""
    count = 0
    for word in reversed(words):
        lowered = word.lower()
        if count >= _MAX_NAME_WORDS or any(a in lowered for a in avatar_words):
            break
        if not (_NAME_WORD.fullmatch(word) and (word[0].isupper() or lowered in _PARTICLES)):
            break
        count += 1
    return count


def _whole_name(text: str) -> str | None:
    """The text when it is a person's name and nothing else."""
    if _UNSPACED.search(text):
        return text if len(text) <= _MAX_CJK_NAME and " " not in text else None
    split = _trailing_name("x " + text, ())
    return split[1] if split is not None and split[0] == "x" else None


def _opens_with_name(text: str, name: str) -> bool:
    """Whether the text opens with the name, or its first word, then goes on as a sentence."""
    for opening in (name, name.split()[0]):
        if text.startswith(opening):
            rest = text[len(opening) :]
            if _UNSPACED.match(rest) or re.match(r"(?:'s|’s)?\s+[^\W\d_]", rest):
                return rest.lstrip()[:1].islower() or _UNSPACED.match(rest) is not None
    return False


def _echoed(lines: list[_Line], at: int, name: str) -> bool:
    """Whether one of the three lines above is a link whose text is the name (the byline)."""
    for line in lines[max(0, at - 3) : at]:
        link = _LINK.match(line.text)
        if link and link.group(1).strip() == name:
            return True
    return False


def _shaped(doc: Document, first: _Line, last: _Line) -> bool:
    """Whether the card's lower-cased source holds the raw shape the trigger searches."""
    start = doc.line_offset(first.number)
    source = doc.text[start : doc.line_end(last.number)].lower()
    at = source.find("![")
    return at >= 0 and _PICTURE_SHAPE.match(source, at) is not None


def _filled(doc: Document, numbers: list[int]) -> list[int]:
    """A card's lines with the blank lines between them (a card of blocks), when only blank
    lines part them."""
    between = range(min(numbers), max(numbers) + 1)
    if all(n in numbers or not doc.line_text(n).strip() for n in between):
        return list(between)
    return numbers


def _words(text: str) -> int:
    return len(text.split()) if not _UNSPACED.search(text) else len(text) // 2

"""``ui-block``: blocks whose whole text is the UI strings of the software that made the page.

A shop's product page, a comment widget, a consent banner: the captions of their controls are
the software's own template strings ("Add to cart", "Sold out", "3 comments", "Sign in with
GitHub", "Accept selected", "Accept all"), the same on every site that runs it and translated
by its translators. ``scripts/ui_strings.py`` reads them from the software's translation files
into the rule's phrase lists; this reads a page with them.

A *unit* is a top-level paragraph, heading or list (a list's items each a paragraph). A unit
is *covered* when its reader's text (link texts, no images or emphasis) is nothing but such
strings with what a converter leaves between them: spaces, ``|``, ``·``, bullets, dashes,
brackets and counts ("Wishlist 0"). A unit with code, a table, or a sentence of the article
in it is never covered: a manual that names a button writes it in code or in a sentence.

Neighbouring covered units make a run, and a run goes when its strings are evidence
enough: one string of ``long_words`` words ("Be the first to write a review"); where one
paragraph or item holds two strings, two with ``min_weight`` words between them and one of two
words or more ("Accept selected Accept all") or three of any length; where each string stands
alone in its block, ``spread_weight`` words ("Your cart is empty" / "Continue shopping": a
design system's docs page shows a banner's buttons one a block, "Tout accepter" / "Tout
refuser"). Chinese and Japanese count two characters a word. A heading that ends a run stays
(it heads what follows).

With ``safe_strings``, a run of one paragraph that holds that many strings of two words or more
is safe: template strings cover the block from end to end, twice over. With ``safe_words``, so
is a run of one block that is one string of that many words ("Use tab to navigate through the
menu items.").
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.grams import StringSet
from ..fastpath.raw_text import per_text, searchable
from ..fastpath.regex_literals import plain_runs
from ..fastpath.triggers import Check, Trigger, all_of
from ..models import Applicability, Finding
from ..removal import remove_blocks
from .block_runs import neighbour_runs
from .healed_links import BROKEN_TARGET, TARGET_REST, healed_skeleton
from .interface_run import reader_text
from .label_triggers import phrase_text
from .linkblocks import Skeleton, raw_text, rough_text, word_count
from .phrase_lists import fold_width, phrases_of
from .phrases import PhraseMatcher

_LISTS = ("bullet_list", "ordered_list")
# What a converter leaves between a widget's captions: spaces, pipes, bullets, dashes,
# brackets, arrows, stars, and counts ("Wishlist 0", "(2)").
_FILLER = re.compile(r"(?:[\s|·•/,;:()\[\]<>«»→×*+#~=–—¿¡-]|\d[\d.,]*[kKmM]?(?!\w))*")
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
# A letter of a script written with spaces between words (Latin, Greek, Cyrillic, Vietnamese).
_SPACED = "[a-z\u00c0-\u024f\u0370-\u052f\u1e00-\u1eff]"
# Where a string may start and end: not inside a word of a spaced script.
_OPENS = f"(?:(?<!{_SPACED})|(?={_UNSPACED.pattern}))"
_CLOSES = f"(?:(?<={_UNSPACED.pattern})|(?!{_SPACED}))"
_WHY = "two of the UI strings, or one long one, stand in the text as a reader sees it"
_DIGITS = re.compile(r"\d[\d.,]*")
_CODE = re.compile(r"`|<code\b", re.IGNORECASE)
# A template's placeholder left unfilled ("%d bloggers like this:"): a page copied with the
# script that fills it not run shows the software's string exactly as its pack writes it.
_PRINTF = re.compile(r"%(?:\d\$)?[ds]")
# How a phrase spells that placeholder (``scripts/ui_strings.py``'s ``_LITERAL_COUNT``).
_PLACEHOLDER_SLOT = "%d"


@dataclass(frozen=True)
class Cover:
    """How strings cover a unit: how many, their words, the longest one's words."""

    strings: int = 0
    weight: int = 0
    longest: int = 0
    multiword: int = 0  # strings of two words or more
    densest: int = 0  # the most strings one paragraph or item holds
    literal: int = 0  # strings that show the template's own placeholder ("%d bloggers like this:")
    labelled: int = (
        0  # links read by their label alone ("Previous Post: TITLE"): ``labelled_links``
    )

    def __add__(self, other: Cover) -> Cover:
        return Cover(
            self.strings + other.strings,
            self.weight + other.weight,
            max(self.longest, other.longest),
            self.multiword + other.multiword,
            max(self.densest, other.densest),
            self.literal + other.literal,
            self.labelled + other.labelled,
        )


class UiBlockMatcher(PhraseMatcher):
    name = "ui-block"
    params = MappingProxyType(
        {
            **PhraseMatcher.params,
            "max_words": int,
            "min_weight": int,
            "long_words": int,
            "spread_weight": int,
            "safe_strings": int,
            "safe_words": int,
        }
    )

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.max_words = int(params.get("max_words", 40))
        self.min_weight = int(params.get("min_weight", 3))
        self.long_words = int(params.get("long_words", 5))
        self.spread_weight = int(params.get("spread_weight", 5))
        self.safe_strings = int(params.get("safe_strings", 0))
        self.safe_words = int(params.get("safe_words", 0))
        self._phrase_list = phrases_of(params)

    @cached_property
    def _strings(self) -> tuple[re.Pattern[str], ...]:
        """Each phrase alone: a text is cut into strings by trying every one at each place."""
        return tuple(re.compile(phrase, re.IGNORECASE) for phrase in self._phrase_list)

    def trigger(self) -> Trigger:
        """A string must open a line (the phrase rules' trigger), and the text, read as a
        reader sees it (``reader_view``), must hold two strings' longest runs of words (one
        run may stand twice: the same string twice, or two that share it), or one long
        string's: what ``_enough`` asks of a run."""
        return all_of(super().trigger(), Check(self._holds_evidence, _WHY))

    @cached_property
    def _phrase_keys(self) -> tuple[str, ...] | None:
        """Per string, its longest run of words, lower-cased and folded as the text is
        (every match of the string holds it); None when one has none."""
        keys = []
        for phrase in self._phrase_list:
            runs = plain_runs(phrase, _in_run)
            key = max((" ".join(run.split()) for run in runs or ()), key=len, default="")
            if not key.strip():
                return None
            keys.append(searchable(key.lower()))  # (as the text is folded: "ı" is "i" there)
        return tuple(keys)

    @cached_property
    def _key_runs(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """Each string's longest run of words (the long strings' apart); None when one has
        none."""
        keys = self._phrase_keys
        if keys is None:
            return None
        short: set[str] = set()
        long: set[str] = set()
        for phrase, key in zip(self._phrase_list, keys, strict=True):
            # (a string whose slot may read the placeholder itself is evidence alone: ``_enough``)
            alone = nominal_words(phrase) >= self.long_words or _PLACEHOLDER_SLOT in phrase
            (long if alone else short).add(key)
        return tuple(sorted(short)), tuple(sorted(long))

    @cached_property
    def _key_index(self) -> StringSet:
        """The key runs, indexed: which of them a text holds, asked at once."""
        return StringSet(self._phrase_keys or ())

    def _holds_evidence(self, text: str) -> bool:
        runs = self._key_runs
        if runs is None:
            return True
        seen = kept_reader_view(text)
        present = self._key_index.present(seen)  # (the runs the text does not hold count 0)
        if not present:
            return False
        short, long = runs
        if any(run in present for run in long):
            return True
        found = 0
        for run in short:
            if run in present:
                found += seen.count(run)
                if found >= 2:
                    return self._two_strings(seen, present)
        return False

    @cached_property
    def _any_string(self) -> re.Pattern[str]:
        """Any string, not inside a word of a spaced script ("conta" in "contains"): where
        ``cut`` may start and end one (next to Chinese, Japanese or Korean, anywhere)."""
        strings = "|".join(f"(?:{p})" for p in self._phrase_list)
        return re.compile(f"{_OPENS}(?:{strings}){_CLOSES}", re.IGNORECASE)

    def _two_strings(self, seen: str, present: set[str]) -> bool:
        """Whether the strings themselves stand twice in the reader's view (a count's
        caption is "3 comments", not "comments"): whether ``_any_string`` finds two matches.

        As that regex's own search would answer, asked only where it can match: where one of
        the strings whose key run stands in the text matches, alone and unbounded (each match
        of the regex is one of a string there). The first place the regex matches at is its
        first match; the second is the first place it matches at from that one's end on."""
        places = self._string_places(seen, present)
        if not places:
            return False
        anywhere = self._any_string
        first = None
        for place in places:
            first = anywhere.match(seen, place)
            if first is not None:
                break
        if first is None:
            return False
        end = first.end()
        if end == first.start():  # an empty match: as the regex itself goes on from one
            matches = anywhere.finditer(seen)
            return next(matches, None) is not None and next(matches, None) is not None
        return any(anywhere.match(seen, place) is not None for place in places if place >= end)

    def _string_places(self, seen: str, present: set[str]) -> list[int]:
        """In order, every place where one of the strings matches, alone and unbounded
        (only those whose key run stands in the text, ``present``, can)."""
        keys = self._phrase_keys
        assert keys is not None  # (asked only when every string has a key run)
        places: set[int] = set()
        for index, key in enumerate(keys):
            if key in present:
                pattern = self._alone(index)
                found = pattern.search(seen)
                while found is not None:
                    places.add(found.start())
                    found = pattern.search(seen, found.start() + 1)
        return sorted(places)

    def _alone(self, index: int) -> re.Pattern[str]:
        """The ``index``-th string alone, as ``_any_string`` reads it, compiled on first use."""
        pattern = self._alone_patterns.get(index)
        if pattern is None:
            pattern = re.compile(self._phrase_list[index], re.IGNORECASE)
            self._alone_patterns[index] = pattern
        return pattern

    @cached_property
    def _alone_patterns(self) -> dict[int, re.Pattern[str]]:
        return {}

    def find(self, doc: Document) -> Iterator[Finding]:
        units = [node for node in doc.root.children if node.kind != "front_matter"]
        covers = [self._unit_cover(doc, node) for node in units]
        _join_wrapped_targets(doc, units, covers)
        _drop_lone_labelled_links(covers)
        for first, last in _runs(covers):
            last = _before_headings(units, first, last)
            total = sum((c for c in covers[first : last + 1] if c is not None), Cover())
            if last >= first and self._enough(total):
                yield self._finding(doc, units[first], units[last], first == last, total)

    def _finding(
        self, doc: Document, first: Node, last: Node, alone: bool, cover: Cover
    ) -> Finding:
        begin, end = doc.node_span(first)[0], doc.node_span(last)[1]
        edit = remove_blocks(doc, first, last)
        return Finding(begin, end, edits=(edit,), applicability=self._safety(alone, cover))

    def _enough(self, cover: Cover) -> bool:
        """Whether a run's strings are evidence: one long string; or, where a paragraph holds
        two of them, three strings or two that hold ``min_weight`` words with one of two words
        or more; or, where each stands alone (a docs page's demo shows its buttons so),
        ``spread_weight`` words."""
        if cover.longest >= self.long_words or cover.literal:
            return True
        if cover.strings < 2:
            return False
        if cover.densest < 2:
            return cover.weight >= self.spread_weight
        return cover.strings >= 3 or (cover.weight >= self.min_weight and cover.longest >= 2)

    def _safety(self, alone: bool, cover: Cover) -> Applicability | None:
        """Safe: one block alone, ``safe_strings`` strings of two words or more in it, or
        (``safe_words``) one string of that many words and nothing else: a template's long
        sentence is exact evidence by itself."""
        if self.safe_strings and alone and min(cover.multiword, cover.densest) >= self.safe_strings:
            return Applicability.SAFE
        if self.safe_words and alone and cover.strings == 1 and cover.longest >= self.safe_words:
            return Applicability.SAFE
        return None

    def _unit_cover(self, doc: Document, node: Node) -> Cover | None:
        """How strings cover a top-level paragraph, heading or list; None when they do not."""
        if node.kind in ("paragraph", "heading"):
            return self._leaf_cover(doc, node)
        if node.kind not in _LISTS:
            return None
        total = Cover()
        for item in node.children:
            leaves = item.children
            if len(leaves) != 1 or leaves[0].kind != "paragraph":
                return None
            cover = self._leaf_cover(doc, leaves[0])
            if cover is None:
                return None
            total += cover
        return total if total.strings else None

    def _leaf_cover(self, doc: Document, node: Node) -> Cover | None:
        """A paragraph's or heading's cover: a string must open its source (as the fast path's
        trigger reads it), then strings and fillers run to its end."""
        rough = fold_width(rough_text(doc, node))
        if _CODE.search(rough) or "\n|" in rough or self.probe.match(rough) is None:
            return None
        skel = healed_skeleton(doc, node)  # (html2text's wrapped link targets joined)
        if skel is None or skel.words() > self.max_words:
            return None
        # (a link whose target a converter wrapped reads as its text: ``_join_wrapped_targets``)
        cover = cut(BROKEN_TARGET.sub("]", reader_text(skel)).casefold(), self._strings)
        if cover is None and node.kind == "paragraph" and skel.link_only:
            return labelled_links(skel, self._strings)
        return cover


# html2text breaks a heading's link target after a hyphen: ``healed_links.BROKEN_TARGET``.


def _join_wrapped_targets(doc: Document, units: list[Node], covers: list[Cover | None]) -> None:
    """A paragraph that is nothing but the rest of the link target the covered block before it
    breaks off joins that block's run (it adds no string): it goes with the link it ends."""
    for i in range(1, len(units)):
        node, before = units[i], units[i - 1]
        if covers[i] is not None or covers[i - 1] is None or node.kind != "paragraph":
            continue
        if TARGET_REST.fullmatch(raw_text(doc, node).strip()) and BROKEN_TARGET.search(
            raw_text(doc, before).rstrip()
        ):
            covers[i] = Cover()


def cut(text: str, strings: tuple[re.Pattern[str], ...]) -> Cover | None:
    """The best way ``text`` is nothing but strings and fillers (most words, then most
    strings); None when it is not."""
    best: dict[int, Cover] = dict.fromkeys(_stops(text, 0), Cover())
    for pos in sorted_positions(best, len(text)):
        here = best[pos]
        for end, step in _steps(text, pos, strings):
            for after in _stops(text, end):
                _keep_best(best, after, here + step)
    done = best.get(len(text))
    if done is None or not done.strings:
        return None
    return Cover(
        done.strings, done.weight, done.longest, done.multiword, done.strings, done.literal
    )


def _steps(
    text: str, pos: int, strings: tuple[re.Pattern[str], ...]
) -> Iterator[tuple[int, Cover]]:
    """Each string that matches ``text`` at ``pos`` up to a word's bound: where it ends, and
    what it adds to a cover."""
    for pattern in strings:
        found = pattern.match(text, pos)
        if found is None or found.end() == pos or not _bounded(text, found.end()):
            continue
        words = _weight(found.group())
        literal = 1 if _PRINTF.search(found.group()) else 0
        # (alone, a string counts the words its phrase names, no more: what the trigger reads)
        longest = min(words, nominal_words(pattern.pattern))
        yield found.end(), Cover(1, words, longest, 1 if words >= 2 else 0, 1, literal)


_MAX_TITLE_WORDS = 20


def labelled_links(skel: Skeleton, strings: tuple[re.Pattern[str], ...]) -> Cover | None:
    """A paragraph of links only, each link's text one string and a title after it, as a
    post navigation prints them ("Previous Post: TITLE", "Next Post: TITLE"): each label
    counts as a string. Never safe (``multiword`` 0): the titles are the site's own words."""
    total = Cover()
    for link in skel.links:
        text = " ".join(fold_width(link.text).split()).casefold()
        opened = _FILLER.match(text)
        start = opened.end() if opened is not None else 0
        label = _label_at(text, start, strings)
        if label is None or word_count(text[label:]) > _MAX_TITLE_WORDS:
            return None
        words = _weight(text[start:label])
        total += Cover(1, words, words, 0, 1)
    if not total.strings:
        return None
    count = total.strings
    return Cover(count, total.weight, total.longest, 0, count, 0, count)


def _drop_lone_labelled_links(covers: list[Cover | None]) -> None:
    """A paragraph of labelled links counts only beside another one, or with two links of its
    own: a post navigation has its previous and its next link; one link whose text opens with
    a string ("Powered by WordPress: a history of the project") is the author's."""
    for i, cover in enumerate(covers):
        if cover is None or cover.labelled != 1:
            continue
        beside = (covers[j] for j in (i - 1, i + 1) if 0 <= j < len(covers))
        if not any(other is not None and other.labelled for other in beside):
            covers[i] = None


def _label_at(text: str, start: int, strings: tuple[re.Pattern[str], ...]) -> int | None:
    """Where the longest string that opens ``text`` at ``start`` ends, when a title follows it."""
    ends = []
    for pattern in strings:
        found = pattern.match(text, start)
        if found is not None and found.end() > start and _bounded(text, found.end()):
            ends.append(found.end())
    end = max(ends, default=None)
    if end is None or not any(char.isalnum() for char in text[end:]):
        return None
    return end


def sorted_positions(best: dict[int, Cover], end: int) -> Iterator[int]:
    """The reached places in order, including those reached while walking."""
    pos = -1
    while True:
        ahead = [p for p in best if pos < p < end]
        if not ahead:
            return
        pos = min(ahead)
        yield pos


def _keep_best(best: dict[int, Cover], pos: int, cover: Cover) -> None:
    known = best.get(pos)
    if known is None or (cover.weight, cover.strings) > (known.weight, known.strings):
        best[pos] = cover


def _stops(text: str, pos: int) -> Iterator[int]:
    """Where the next string may start once the filler at ``pos`` is passed: its end, and
    each place in it after a space or a mark (a count may open the next string: "3 comments")."""
    found = _FILLER.match(text, pos)
    end = found.end() if found is not None else pos
    yield pos
    for i in range(pos + 1, end + 1):
        if not text[i - 1].isdigit() and (i == end or text[i].isdigit()):
            yield i


def _bounded(text: str, end: int) -> bool:
    """Whether a string ends at a word's end (in Chinese, Japanese and Korean, anywhere)."""
    if end >= len(text) or not text[end].isalnum():
        return True
    return _UNSPACED.match(text, end - 1) is not None or _UNSPACED.match(text, end) is not None


def _weight(string: str) -> int:
    """A string's words, its counts aside."""
    return word_count(_DIGITS.sub(" ", string))


def _in_run(char: str) -> bool:
    return char.isalnum() or char == " "


# What a reader does not see of a text's source: images, link targets and reference labels,
# tags, emphasis, brackets, escapes; spaces and line breaks one space.
_UNSEEN = re.compile(
    r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|\]\[[^\]\n]*\]|</?[a-z][^>]*>|[*_`\\\[\]]"
)


@per_text  # (every ui-block rule's trigger reads it: one copy per text)
def kept_reader_view(text: str) -> str:
    """``reader_view``, read once per text."""
    return reader_view(text)


def reader_view(text: str) -> str:
    """The lowered raw text roughly as a reader sees it, to look for runs of words: every
    string a block's reader's text holds stands in it, spaces folded."""
    return " ".join(fold_width(_UNSEEN.sub(" ", phrase_text(text))).split())


def _example(phrase: str) -> str:
    """A phrase as a page may show it, to count its words: a slot of letters one word (the
    "@NAME" of "Follow @NAME"), counts and other slots left out."""
    lettered = _SLOT.sub(_slot_word, phrase)
    return re.sub(r"\[[^\]]*\][+*?]?|\\.|[?+*]", " ", lettered)


# A character class repeated: a slot the page fills ("[a-z0-9_]{1,15}", "[\d.,]+").
_SLOT = re.compile(r"\[(\^?)((?:\\.|[^\]\\])*)\](?:[+*]|\{\d*,?\d*\})")


def _slot_word(slot: re.Match[str]) -> str:
    """One word for a slot that may hold letters; none for a count's digits."""
    negated, inside = slot.group(1), re.sub(r"\\[dDsS]", "", slot.group(2))
    return " w " if negated or re.search(r"[a-zA-Z]|\\[wWu]", inside) else " "


@lru_cache(maxsize=4096)
def nominal_words(phrase: str) -> int:
    """The words a phrase names (``_example``): how much evidence one of its strings alone is,
    read the same by the trigger and by ``cut``, whatever a page fills its slots with."""
    return _weight(_example(phrase))


def _before_headings(units: list[Node], first: int, last: int) -> int:
    """The run's last unit once the headings that end it are left out (each heads what
    follows it); below ``first`` when the run is only headings."""
    while last >= first and units[last].kind == "heading":
        last -= 1
    return last


def _runs(covers: list[Cover | None]) -> Iterator[tuple[int, int]]:
    """The stretches of neighbouring covered units, first and last index."""
    covered = (i for i, cover in enumerate(covers) if cover is not None)
    for run in neighbour_runs(covered, lambda before, after: after == before + 1):
        yield run[0], run[-1]

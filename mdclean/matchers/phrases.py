"""Phrase lists: the words that mark site chrome, kept as data in ``rules/phrases/``.

Each ``<name>.yaml`` maps a language code to a list of regular expressions
(case-insensitive, matched against a whole label, so ``Also read`` does not
match ``Also read the manual``). A rule names the lists it uses in its params
(``phrases: [related-labels]``) and may add its own inline (``labels: [...]``);
adding a language is adding a key to a file, no code.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from pathlib import Path
from typing import Any, ClassVar

from ruamel.yaml import YAML
from ruamel.yaml.error import YAMLError

from ..document import Document, Node
from .base import Matcher, ParamError, max_width, per_text, searchable
from .linkblocks import ENTITY, LEADING_MARKUP, LINK_TARGET, skeleton

PHRASES_FOLDER = "phrases"
# Full-width punctuation (Chinese, Japanese, Korean typing) read as its ASCII twin wherever a
# label is matched: phrases are written with the ASCII character, texts are folded one to one.
FULL_WIDTH = "：！？（）｜"
_TO_ASCII = str.maketrans(FULL_WIDTH, ":!?()|")


def fold_width(text: str) -> str:
    """``text`` with full-width punctuation made ASCII (same length, same offsets)."""
    if text.isascii() or not any(char in text for char in FULL_WIDTH):
        return text
    return text.translate(_TO_ASCII)


def matchable_title(doc: Document, node: Node) -> str:
    """A heading's (or block's) visible text as phrase lists are matched against it:
    white space collapsed, full-width punctuation folded."""
    skel = skeleton(doc, node)
    return fold_width(" ".join(skel.visible.split())) if skel is not None else ""


@per_text  # every phrase rule reads the same folded copy, which the trigger's memos share
def _phrase_text(lowered_text: str) -> str:
    return fold_width(searchable(lowered_text))


def phrases_dir() -> Path:
    """``rules/phrases`` next to the built-in rules (installed or in a checkout)."""
    from ..catalogue import builtin_rules_dir  # the catalogue imports the matchers: import late

    return builtin_rules_dir() / PHRASES_FOLDER


@cache
def load_phrase_list(name: str) -> tuple[str, ...]:
    """Every phrase of ``rules/phrases/<name>.yaml``, all languages together."""
    if not re.fullmatch(r"[a-z0-9-]+", name):
        raise ParamError(f"phrase list {name!r}: names are lower-case letters, digits and '-'")
    path = phrases_dir() / f"{name}.yaml"
    try:
        data = YAML(typ="safe").load(path.read_text(encoding="utf-8"))
    except OSError:
        raise ParamError(f"phrase list {name!r}: no file {path}") from None
    except YAMLError as error:
        raise ParamError(f"phrase list {name!r}: {path} is not valid YAML: {error}") from None
    if not isinstance(data, dict) or not all(
        isinstance(v, list) and all(isinstance(p, str) for p in v) for v in data.values()
    ):
        raise ParamError(
            f"phrase list {name!r}: {path} must map language codes to lists of phrases "
            "(quote a phrase that holds ': ')"
        )
    for phrases in data.values():
        for phrase in phrases:
            if fold_width(phrase) != phrase:
                raise ParamError(
                    f"phrase list {name!r}: {phrase!r}: write full-width punctuation "
                    f"({FULL_WIDTH}) as its ASCII twin, which matches both"
                )
    # Checked once per list here (many rules share a list), not again by each rule.
    _check_phrases(
        data_phrases := [p for phrases in data.values() for p in phrases], f"phrase list {name!r}"
    )
    return tuple(data_phrases)


def phrases_of(
    params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels"
) -> list[str]:
    """The phrases of the named lists and the inline ones."""
    phrases: list[str] = []
    for name in params.get(lists_key, []):
        phrases.extend(load_phrase_list(str(name)))
    phrases.extend(str(p) for p in params.get(inline_key, []))
    return phrases


def phrase_pattern(
    params: Mapping[str, Any], lists_key: str = "phrases", inline_key: str = "labels"
) -> str | None:
    """One regex alternation (no anchors) of the named lists and the inline phrases."""
    _check_phrases([str(p) for p in params.get(inline_key, [])], f"params.{inline_key}")
    phrases = phrases_of(params, lists_key, inline_key)
    return "|".join(f"(?:{phrase})" for phrase in phrases) if phrases else None


_SPECIAL = set("\\.^$*+?{}[]()|")
_OPTIONAL_AFTER = ("?", "*", "{0")


def _top_level_alternatives(phrase: str) -> list[str]:
    parts, depth, start, i = [], 0, 0, 0
    while i < len(phrase):
        char = phrase[i]
        if char == "\\":
            i += 2
            continue
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif char == "|" and depth == 0:
            parts.append(phrase[start:i])
            start = i + 1
        i += 1
    parts.append(phrase[start:])
    return parts


def _literal_runs(
    pattern: str, *, optional_after: tuple[str, ...], break_on_space: bool
) -> list[str]:
    """The runs of plain characters at the top level of a regex, none that a quantifier in
    ``optional_after`` makes optional; with ``break_on_space`` a space ends a run too."""
    runs: list[str] = []
    current: list[str] = []
    depth, i = 0, 0
    while i < len(pattern):
        char = pattern[i]
        plain = not char.isspace() if break_on_space else char.isalnum()
        if (
            char == "\\"
            or char in _SPECIAL
            or depth
            or not plain
            or pattern.startswith(optional_after, i + 1)
        ):
            runs.append("".join(current))
            current = []
            if char in "([{":
                depth += 1
            elif char in ")]}":
                depth -= 1
            i += 2 if char == "\\" else 1
            continue
        current.append(char)
        i += 1
    runs.append("".join(current))
    return runs


def _longest_required_word(alternative: str) -> str | None:
    longest = max(
        _literal_runs(alternative, optional_after=_OPTIONAL_AFTER, break_on_space=False), key=len
    )
    return longest or None


_QUANTIFIERS = ("?", "*", "+", "{")
# A phrase variant that opens with a number; ``\d`` also matches other scripts' digits,
# which ``str.isdigit`` knows too.
_DIGIT_OPENINGS = ("\\d", "[0-9]", "[\\d")
_MAX_EXPANSIONS = 64
# Where a block's text can start in the raw text: at a line start or after the ``>`` or ``)``
# that ends a tag or a link target (either may have started on an earlier line), past
# container prefixes (quotes, bullets, "1."), emphasis and punctuation.
_BLOCK_START = re.compile(r"(?:^|(?<=[\r>)]))(?:[^\w\n\r]|_|\d{1,9}[.)])*", re.MULTILINE)
# One space of a label: any run of white space and tags (rough_text turns a tag into a
# space; a reader, and ``ad-label``, sees a line break as one).
_SPACE = r"(?:\s|<[^>]*>)+"
_KEY = 2


# The tokens of such a run. A run of plain punctuation is one token (only a ``]`` may open
# a link target); no token starts where another could, so the run is read one way only.
_RUN_TOKENS = (
    rf"(?:[^\w<\]]+|\](?:{LINK_TARGET.pattern[2:]})?|_+|\d{{1,9}}[.)]"
    r"|</?[a-z][^>]*>|<[^<>]{0,300}>)*"
)


@lru_cache(maxsize=1)
def _leading_run() -> re.Pattern[str]:
    """From a line start, what a reader never sees before a block's first word.

    The probe skips punctuation, emphasis and tags at the start of a block's rough text
    (link targets dropped, tags made spaces); in the raw text the same run also holds
    container prefixes, list numbers and the link targets themselves. So a label starts
    where such a run, begun at a line start, ends: one match per line, not one per
    ``>`` or ``)``. (A run may cross line ends: then the lines share their head.)
    """
    return re.compile(rf"(?:^|(?<=\r)){_RUN_TOKENS}", re.MULTILINE)


@lru_cache(maxsize=1)
def _line_runs() -> re.Pattern[str]:
    """A line break and the leading run of the line after it: searched for, it starts with
    a literal, so the regex skips to each line end fast (a text without ``\r``)."""
    return re.compile(rf"\n{_RUN_TOKENS}")


@per_text  # all phrase rules ask about the same text
def _heads(text: str) -> dict[str, list[int]]:
    """Where a label may start in ``text`` (lower-cased), by its first two characters."""
    heads: dict[str, list[int]] = {}
    if "\r" in text:
        run = _leading_run()
        reach = -1
        # Anchored at each line start; a line that an earlier run crossed shares that run's head.
        for start in itertools.chain((0,), (m.end() for m in _LINE_END.finditer(text))):
            if start > reach:
                match = run.match(text, start)
                at = reach = match.end() if match else start
                heads.setdefault(text[at : at + _KEY], []).append(at)
        return heads
    # Each search goes on where the last run ended, past the lines that run crossed.
    lines = "\n" + text
    for at in [m.end() for m in _line_runs().finditer(lines)]:
        key = lines[at : at + _KEY]
        if key in heads:
            heads[key].append(at - 1)
        else:
            heads[key] = [at - 1]
    return heads


@dataclass(frozen=True, slots=True)
class Hits:
    """Where the raw text holds a phrase's handle: heads where an opening stands, offsets of words."""

    heads: list[int]
    words: list[int]


class LabelTrigger:
    """The raw-text test of a phrase rule: no hits proves no block's probe can match.

    A probe matches a block's rough text (its source without link targets and tags) at
    the block's start, after leading markup; so each phrase's literal opening must stand
    in the raw text at the start of a line, past container prefixes and markup. A phrase
    with no literal opening contributes a word it cannot match without instead.
    """

    def __init__(self, openings: set[str], words: set[str], digit_start: bool = False) -> None:
        self.words = tuple(sorted(words, key=len))
        # The shorter words each word holds ("supported" in "-supported"): when one is absent, so is the word.
        self._inner_words = {
            w: tuple(v for v in self.words if len(v) < len(w) and v in w) for w in self.words
        }
        # Phrases that open with a number (``\d+ comments``): any head that starts with a digit.
        self.digit_start = digit_start
        keyed = {o for o in openings if _keyable(o)}
        self.keys = frozenset(o[:_KEY] for o in keyed if len(o) >= _KEY)
        self.short_keys = frozenset(o for o in keyed if len(o) < _KEY)
        self._keyed = keyed
        # By key, the openings of one ASCII word: a head that starts with one is a hit (in the
        # lower-cased text, as the regex would match it); and the first words of the others: a
        # head must start with one (a plain string test) before their regex is tried there.
        plain: dict[str, set[str]] = {}
        first_words: dict[str, set[str]] = {}
        self._regex_openings: dict[str, set[str]] = {}
        for opening in keyed:
            if len(opening) < _KEY:
                continue
            if " " not in opening and opening.isascii():
                plain.setdefault(opening[:_KEY], set()).add(opening)
            else:
                first_words.setdefault(opening[:_KEY], set()).add(opening.split(" ")[0])
                self._regex_openings.setdefault(opening[:_KEY], set()).add(opening)
        self.plain_by_key = {key: tuple(sorted(words)) for key, words in plain.items()}
        self.by_key = {key: tuple(sorted(words)) for key, words in first_words.items()}
        self._openings_by_key: dict[str, re.Pattern[str]] = {}
        # Openings that may start inside a run of markup, or whose case folds beyond lower():
        # searched for in the whole text.
        self._elsewhere = openings - keyed
        # Openings no ASCII character can match (even ignoring case): an ASCII text skips them.
        self.elsewhere_needs_non_ascii = all(not _may_match_ascii(o[:1]) for o in self._elsewhere)
        # Rules that share this trigger read each text once.
        self.hits: Callable[[str], Hits | None] = per_text(self._hits)

    # The regexes are compiled on first use: a run answered from the cache never needs them.
    @cached_property
    def opening(self) -> re.Pattern[str] | None:
        return _openings_regex(self._keyed, "")

    @cached_property
    def elsewhere(self) -> re.Pattern[str] | None:
        return _openings_regex(self._elsewhere, _BLOCK_START.pattern)

    @cached_property
    def elsewhere_anywhere(self) -> re.Pattern[str] | None:
        """A fast first look for ``elsewhere`` (no anchor to test at every character)."""
        return _openings_regex(self._elsewhere, "")

    @classmethod
    def of(cls, phrases: Iterable[str]) -> LabelTrigger | None:
        """The trigger of these phrases; None when one of them gives no handle (always ask).
        Rules with the same phrases share one trigger, which reads each text once."""
        return _trigger_of(tuple(phrases))

    @classmethod
    def _build(cls, phrases: tuple[str, ...]) -> LabelTrigger | None:
        openings: set[str] = set()
        words: set[str] = set()
        digit_start = False
        for phrase in phrases:
            for alternative in _top_level_alternatives(phrase):
                expanded = _expand_groups(alternative)
                for variant in expanded or [alternative]:
                    opening = _literal_opening(variant) if expanded else ""
                    if opening.strip() and not opening.startswith(" "):
                        openings.add(opening.lower())
                        continue
                    if expanded and variant.startswith(_DIGIT_OPENINGS):
                        digit_start = True
                        continue
                    word = _longest_literal_run(variant) if expanded else None
                    word = word or _longest_required_word(alternative)
                    if word is None:
                        return None
                    words.add(word.lower())
        return cls(openings, words, digit_start)

    def _hits(self, text: str) -> Hits | None:
        """The phrases' handles in ``text``; None when one may stand where heads are not read."""
        if (
            self._elsewhere
            and not (self.elsewhere_needs_non_ascii and text.isascii())
            and self.elsewhere_anywhere is not None
            and self.elsewhere_anywhere.search(text)
            and self.elsewhere is not None
            and self.elsewhere.search(text)
        ):
            return None
        words = self._word_offsets(text)
        if not self._keyed and not self.digit_start:  # no opening to look for at the heads
            return Hits([], words)
        heads = _heads(text)
        found: list[int] = []
        for key in self.keys:
            ats = heads.get(key)
            if ats is None:
                continue
            plain = self.plain_by_key.get(key, ())
            if plain:
                found += [at for at in ats if text.startswith(plain, at)]
            first_words = self.by_key.get(key)
            if first_words:
                opening = self._opening_of(key)
                found += [
                    at
                    for at in ats
                    if text.startswith(first_words, at)
                    and not text.startswith(plain, at)
                    and opening.match(text, at)
                ]
        if self.short_keys and any(k in text for k in self.short_keys) and self.opening is not None:
            # one-character openings: every head that starts with one
            found += [
                at
                for key, ats in heads.items()
                if key[:1] in self.short_keys
                for at in ats
                if self.opening.match(text, at)
            ]
        if self.digit_start:
            found += [at for key, ats in heads.items() if key[:1].isdigit() for at in ats]
        return Hits(found, words)

    def _opening_of(self, key: str) -> re.Pattern[str]:
        """The regex of the openings with this key that are not one ASCII word, compiled on first use."""
        pattern = self._openings_by_key.get(key)
        if pattern is None:
            compiled = _openings_regex(self._regex_openings[key], "")
            assert compiled is not None  # the key has such openings (``by_key``)
            pattern = self._openings_by_key[key] = compiled
        return pattern

    def _word_offsets(self, text: str) -> list[int]:
        """Where the words stand in ``text``; a word that holds an absent word is not looked for."""
        offsets: list[int] = []
        absent: set[str] = set()
        for word in self.words:
            if any(inner in absent for inner in self._inner_words[word]) or word not in text:
                absent.add(word)
            else:
                offsets += [m.start() for m in re.finditer(re.escape(word), text)]
        return offsets

    def may_match(self, text: str) -> bool:
        found = self.hits(text)
        return found is None or bool(found.heads or found.words)


# --- What a block's visible text may be, read from the raw text ---------------------------
# A phrase rule wants more than its label at a block's start: a block that is the label
# alone (give or take punctuation), or the label and a colon. ``visible_guess`` reads a
# stretch of raw text as the reader would, close enough that a shape failing on it fails
# on the parsed block too; where it cannot tell (HTML, entities, escapes, images) it says so.
_BLANK_LINE = re.compile(r"(?:\r\n?|\n)[ \t>]*(?=\r|\n|$)")
_LINE_END = re.compile(r"\r\n?|\n")
_ENTITY = re.compile(ENTITY)
_REFERENCE = re.compile(r"\]\[[^\]]*\]")
# Emphasis and code delimiters, unless whitespace stands on both sides (then they are text).
_DELIMITER = re.compile(r"(?<=\S)[*_~`]|[*_~`](?=\S)")
# HTML blocks that run over blank lines (CommonMark's kinds 1 to 5), to their end markers:
# a block there may be longer than the chunk around a hit.
_LONG_HTML = re.compile(r"<(?:(script|pre|style|textarea)|(!--)|(\?)|(!\[cdata\[)|(![a-z]))")
_LONG_HTML_END = (
    re.compile(r"</(?:script|pre|style|textarea)>"),
    re.compile("-->"),
    re.compile(r"\?>"),
    re.compile(r"\]\]>"),
    re.compile(">"),
)


@per_text
def _long_html_spans(text: str) -> list[tuple[int, int]]:
    """From each opening of a long HTML block (anywhere, not only at line starts) to its end marker."""
    spans = []
    position = 0
    while (opening := _LONG_HTML.search(text, position)) is not None:
        end_marker = _LONG_HTML_END[opening.lastindex - 1].search(text, opening.end())  # type: ignore[operator]
        position = end_marker.end() if end_marker else len(text)
        spans.append((opening.start(), position))
    return spans


def _in_long_html(text: str, at: int) -> bool:
    spans = _long_html_spans(
        text
    )  # in order, none overlapping: the last one starting before ``at`` decides
    i = bisect.bisect_left(spans, (at,)) - 1
    return i >= 0 and spans[i][0] < at <= spans[i][1]


_MAX_SHAPE_LINES = 40
_WORD_CHARACTER = re.compile(r"[^\W_]")
# What may follow a label in a shape without holding a word character.
_WORDLESS_AFTER = frozenset({r"[\W_]*", r"\s*[:：]"})


def visible_guess(line: str) -> str | None:
    """One line of raw text as the reader sees it, whitespace collapsed; None when that cannot be told.

    Link targets go, link texts stay (brackets dropped), emphasis and code delimiters go.
    Every character a reader would see is kept, so a phrase that fills the parsed block's
    text fills the guesses of its lines, joined with spaces, too.
    """
    if "<" in line or "\\" in line or "![" in line or ("&" in line and _ENTITY.search(line)):
        return None
    if "](" in line:
        line = LINK_TARGET.sub("]", line)
        if "](" in line:
            return None  # a target that goes on past the line end
    if "][" in line:
        line = _REFERENCE.sub("]", line)
        if "][" in line:
            return None
    line = line.replace("[", "").replace("]", "")
    if "*" in line or "_" in line or "~" in line or "`" in line:
        line = _DELIMITER.sub("", line)
    return " ".join(line.split())


class Shape:
    """What must follow a label for a phrase rule to act: nothing (the label fills the block)
    or a colon (a labelled line). Tested on the raw text around the trigger's hits."""

    def __init__(self, labels: str, after: str, whole: bool) -> None:
        self._labels = labels
        self._after = after
        self.whole = whole

    @cached_property
    def opening(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self._labels})", re.IGNORECASE)

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        return re.compile(rf"[\W_]*(?:{self._labels}){self._after}", re.IGNORECASE)

    def fits(self, text: str, hits: Hits) -> bool:
        """Whether a block with this shape may stand at one of the hits (True when unsure)."""
        if any(_in_long_html(text, at) for at in (*hits.heads, *hits.words)):
            return True
        if any(self._fits_from(text, at, at) for at in hits.heads):
            return True
        lines: set[int] = set()
        for at in hits.words:
            line = text.rfind("\n", 0, at)
            if line in lines:
                continue  # the same line's blocks were tried for an earlier word
            lines.add(line)
            chunk = _chunk_start(text, at)
            if chunk is None:
                return True
            heads = _line_heads(text, chunk, at)
            if len(heads) > _MAX_SHAPE_LINES or any(
                self._fits_from(text, start, at) for start in heads
            ):
                return True
        return False

    @cached_property
    def _label_limit(self) -> int | None:
        """At most how many characters a label spans, when what may follow it holds no word
        character (None: no bound known). A chunk that starts with a word character and holds
        one past this many characters is decided by what comes before that one."""
        return max_width(self._labels) if self._after in _WORDLESS_AFTER else None

    def _fits_from(self, text: str, start: int, must_cover: int) -> bool:
        """Whether the shape fits a block that starts at ``start`` and ends at a line end
        past ``must_cover``, within the blank-line-bounded chunk."""
        guesses: list[str] = []
        whole_chunk = ""  # the guesses read so far, joined
        limit = self._label_limit
        for guess in _chunk_guesses(text, start, must_cover):
            if guess is None:
                return True
            guesses.append(guess)
            if guess:
                whole_chunk = f"{whole_chunk} {guess}" if whole_chunk else guess
            # A label starting at the first character ends before a word character past the
            # limit, and no block holding that one can be a label: the lines after do not count.
            if (
                limit is not None
                and len(whole_chunk) > limit
                and whole_chunk[0].isalnum()
                and _WORD_CHARACTER.search(whole_chunk, limit)
            ):
                break
        if not self.whole:
            return self.pattern.match(whole_chunk) is not None
        if self.opening.match(whole_chunk) is None:
            return False  # no label at the start of the chunk: none at the start of a block in it
        covered = len(_LINE_END.findall(text, start, must_cover))
        block = ""
        for i, guess in enumerate(guesses):
            block = f"{block} {guess}" if block and guess else block or guess
            if i >= covered and self.pattern.fullmatch(block):
                return True
        return False


@per_text
def _line_guesses(text: str) -> dict[int, str | None]:
    """Each line's visible guess, by where it starts, filled as lines are read: every phrase
    rule reads the same lines."""
    return {}


def _chunk_guesses(text: str, start: int, must_cover: int) -> Iterator[str | None]:
    """The visible guess of each line from ``start`` to the blank line after ``must_cover``,
    read as they are asked for; None for a line that cannot be told, or in place of the
    line past ``_MAX_SHAPE_LINES`` (the last then)."""
    cache = _line_guesses(text)
    blank = _BLANK_LINE.search(text, must_cover)
    end = blank.start() if blank else len(text)
    position = start
    for _ in range(_MAX_SHAPE_LINES):
        if position > end:
            return
        line_end = _LINE_END.search(text, position, end)
        stop = line_end.start() if line_end else end
        if position not in cache:
            # Past the first line, a line's container prefixes are not its text.
            cache[position] = visible_guess(text[position:stop].lstrip(" \t>"))
        yield cache[position]
        if line_end is None:
            return
        position = line_end.end()
    if position <= end:
        yield None  # too many lines to read


def _chunk_start(text: str, at: int) -> int | None:
    """Where the blank-line-bounded chunk holding ``at`` starts; None when it holds more
    than ``_MAX_SHAPE_LINES`` lines before ``at``."""
    if "\r" in text:  # CR line breaks: the slow way
        start = 0
        for m in _BLANK_LINE.finditer(text, 0, at):
            start = m.end()
        return start
    line_start = text.rfind("\n", 0, at) + 1
    for _ in range(_MAX_SHAPE_LINES):
        if line_start == 0:
            return 0
        previous = text.rfind("\n", 0, line_start - 1) + 1
        if not text[previous:line_start].strip(" \t>\n"):
            return line_start
        line_start = previous
    return None


def _line_heads(text: str, start: int, at: int) -> list[int]:
    """The head of each line from ``start`` to the line holding ``at`` (past leading markup)."""
    heads = []
    run = _leading_run()
    position = start
    while position <= at and len(heads) <= _MAX_SHAPE_LINES:
        m = run.match(text, position)
        heads.append(min(m.end(), at) if m else position)
        line_end = _LINE_END.search(text, position)
        if line_end is None or line_end.end() > at:
            break
        position = line_end.end()
    return heads


def _may_match_ascii(char: str) -> bool:
    """Whether a case-insensitive regex character may match an ASCII one (``ſ`` matches ``s``)."""
    return (
        not char
        or char.isascii()
        or any(
            c.isascii() for mapped in (char.lower(), char.upper(), char.casefold()) for c in mapped
        )
    )


@lru_cache(maxsize=256)
def _trigger_of(phrases: tuple[str, ...]) -> LabelTrigger | None:
    return LabelTrigger._build(phrases)


def _keyable(opening: str) -> bool:
    """Starts with a letter, and its key holds only letters that ``str.lower`` and the regex
    case folding agree on once ``searchable`` has folded the text: Latin (Vietnamese's
    letters too, but the long s with a dot), Cyrillic, CJK; not Greek, which folds further."""
    key = opening[:_KEY]
    return key[:1].isalpha() and all(
        c.isascii()
        or 0xC0 <= ord(c) <= 0x24F
        or 0x400 <= ord(c) <= 0x52F
        or ord(c) >= 0x3000
        or (0x1E00 <= ord(c) <= 0x1EFF and c != "\u1e9b")
        or _caseless_mark(c)
        for c in key
    )


def _caseless_mark(char: str) -> bool:
    """Punctuation with no case at all (the ’ of "j’aime"): only itself matches it."""
    return not char.isalnum() and char.lower() == char == char.upper() == char.casefold()


def _openings_regex(openings: set[str], before: str) -> re.Pattern[str] | None:
    if not openings:
        return None
    ordered = sorted(openings, key=len, reverse=True)
    alternation = "|".join(_SPACE.join(re.escape(part) for part in o.split(" ")) for o in ordered)
    return re.compile(f"{before}(?:{alternation})", re.IGNORECASE | re.MULTILINE)


def _expand_groups(alternative: str) -> list[str] | None:
    """``alternative`` with its leading groups spelled out (``(?:a|b) c`` -> ``a c``, ``b c``).

    Groups are expanded while they come before any other regex syntax, so the variants
    start with longer literal openings; None when there are too many variants.
    """
    done: list[str] = []
    todo = [alternative]
    while todo:
        if len(done) + len(todo) > _MAX_EXPANSIONS:
            return None
        variant = todo.pop()
        opening = _literal_opening(variant)
        rest = variant[len(opening) :]
        group = _leading_group(rest)
        if group is None:
            done.append(variant)
            continue
        inner, after = group
        optional = after.startswith("?") and not after.startswith("??")
        if optional:
            after = after[1:]
            todo.append(opening + after)
        elif after.startswith(_QUANTIFIERS):
            done.append(variant)
            continue
        todo.extend(opening + part + after for part in _top_level_alternatives(inner))
    return done


def _longest_literal_run(variant: str) -> str | None:
    """The longest run of literal characters without a space that every match holds.

    Only top-level characters count, none that a quantifier follows; a run holds no
    space, so no tag of the raw text (a space in the rough text) can stand inside it.
    """
    longest = max(_literal_runs(variant, optional_after=_QUANTIFIERS, break_on_space=True), key=len)
    return longest if any(c.isalnum() for c in longest) else None


def _leading_group(text: str) -> tuple[str, str] | None:
    """``(?:inner)after`` at the start of ``text`` as (inner, after); None if it does not start so."""
    if not text.startswith("(?:"):
        return None
    depth, i = 0, 0
    while i < len(text):
        char = text[i]
        if char == "\\":
            i += 2
            continue
        if char == "[":
            close = text.find("]", i + 2)
            if close < 0:
                return None
            i = close + 1
            continue
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return text[3:i], text[i + 1 :]
        i += 1
    return None


def _literal_opening(alternative: str) -> str:
    """The characters every match of ``alternative`` starts with (up to the first regex syntax)."""
    for i, char in enumerate(alternative):
        if char in _SPECIAL or alternative.startswith(_QUANTIFIERS, i + 1):
            return alternative[:i]
    return alternative


def _check_phrases(phrases: Iterable[str], where: str) -> None:
    """A clear error for a phrase that is not a regular expression."""
    for phrase in phrases:
        try:
            re.compile(phrase)
        except re.error as error:
            raise ParamError(f"{where}: bad phrase {phrase!r}: {error}") from None


class PhraseMatcher(Matcher):
    """A matcher whose trigger is a label from phrase lists (``phrases``) or inline ``labels``.

    It compiles the labels once, derives the fast-path keywords from them (so a
    language added to a phrase list needs no rule edit), and keeps ``probe``: the
    labels after any leading markup, matched at the start of a block's text.
    """

    params: ClassVar[Mapping[str, type | tuple[type, ...]]] = {
        "phrases": list,
        "labels": list,
        "keywords": list,
    }

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        labels = phrase_pattern(params)
        if labels is None:
            raise ParamError("params.phrases: give at least one phrase list or label")
        self.labels = labels
        self.trigger = LabelTrigger.of(phrases_of(params))
        self.shape = self.block_shape(params)

    @cached_property
    def probe(self) -> re.Pattern[str]:
        """Compiled on first use: a worker whose files the fast path rules out never needs it."""
        return re.compile(LEADING_MARKUP + f"(?:{self.labels})", re.IGNORECASE)

    def block_shape(self, params: Mapping[str, Any]) -> Shape | None:
        """What must follow the label in the block for this rule to act; None: anything."""
        return None

    def may_match(self, lowered_text: str) -> bool:
        """A label must open a line of the raw text (see ``LabelTrigger``), and the block there
        must have the rule's shape (see ``Shape``); False proves the rule finds nothing."""
        if not super().may_match(lowered_text):
            return False  # a rule's own keywords, if it has any
        if self.trigger is None:
            return True
        text = _phrase_text(lowered_text)
        hits = self.trigger.hits(text)
        if hits is None:
            return True
        if not (hits.heads or hits.words):
            return False
        return self.shape is None or self.shape.fits(text, hits)


_ASSERTIONS = re.compile(r"\\[bBAZ]|\(\?<?[=!]|(?<!\[)\^|\$")


def label_shape(labels: str, after: str, *, whole: bool) -> Shape | None:
    """The shape of a block that is a label then ``after`` (a regex), the whole block or its start.

    None when the labels hold an assertion, which could hold on the parsed text and not
    on the guess: the rule then runs wherever its label stands.
    """
    if _ASSERTIONS.search(labels):
        return None
    return Shape(labels, after, whole)

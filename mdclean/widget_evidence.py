"""A widget's own evidence: share, follow, newsletter and ad-label lines (``vouching``'s reading).

A share row, a follow row, a newsletter box and an ad's label are junk by what they are, not
by where a page's shape puts them: a line whose every link leads to a share endpoint
(``twitter.com/intent``, ``facebook.com/sharer``...) or to a social network's profile page, a
line that is wholly a share or follow caption ("Partager sur Facebook", "Seguici sui social"),
a newsletter's sign-up caption or its form's message ("Iscriviti alla newsletter", "Please
enter a valid email address"), an ad's label ("Anzeige", "Publicidad", "広告": AD010's labels).
A rule that reads a page's tail or head from its shape finds such lines among others; this
reading keeps, among the lines a finding removes, the runs made of nothing else:

- every line of a run is one of those (an *anchor*), or a button's bare name beside them (a
  *filler*: "Facebook", "E-mail", "Print", "Your e-mail address"), blank lines between;
- a run holds one anchor at least (a row of network names alone is a follow row or a list of
  the networks an article names);
- no line of prose (a sentence of five words or more, more than fifteen words), no picture
  outside a link, no link of any other shape; a heading does not end a run (its section's
  content would stay without it).

``widget_runs`` gives a finding's runs (its parts, made safe by ``vouching``);
``widget_lines`` whether a finding's lines are one such run whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache, lru_cache

from .document import Document
from .matchers.fix_safety import documentation_link, junk_endpoint, social_profile
from .matchers.line_reading import line_reading
from .matchers.linkblocks import word_count
from .matchers.phrase_lists import phrase_pattern

ANCHORS: dict[str, tuple[str, ...]] = {
    "share": ("share-buttons", "share-labels"),
    "follow": ("follow-prompts",),
    "newsletter": ("newsletter-signup-captions", "subscribe-buttons"),
}
"""The chrome lists whose whole-line captions are a widget's evidence on their own."""
FORM_MESSAGES = ("signup-form-messages",)
"""A sign-up form's messages: whole sentences, but the software's, not an author's."""
FILLERS = ("share-button-words", "social-network-names", "signup-form-fields")
"""A button's bare name: evidence beside an anchor, not alone."""
_AD_RULE = "ad-label"
_CAPTION_CHARACTERS = 120
_SENTENCE_END = re.compile(r"(?<![.…])[.!?;。！？；](?:[\"'”’»」』)\]]*)$")
_SENTENCE_WORDS = 5
_LONG_WORDS = 15
_MARKER = re.compile(r"^(?:>\s*)*(?:[-*+]\s+|\d+[.)]\s+)?")
_HEADING = re.compile(r"^(?:>\s*)*#{1,6}\s")
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)[^)\n]*\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_BARE_IMAGE = re.compile(r"(?<!\[)(?<!\[ )!\[[^\]\n]*\]\([^)\n]*\)")
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")

ANCHOR, FILLER = "anchor", "filler"


@cache
def _pattern(lists: tuple[str, ...]) -> re.Pattern[str] | None:
    pattern = phrase_pattern({"phrases": list(lists)})
    return re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE) if pattern else None


def _whole(lists: tuple[str, ...], text: str) -> bool:
    pattern = _pattern(lists)
    return pattern is not None and pattern.fullmatch(text) is not None


def _prose(text: str) -> bool:
    words = word_count(text)
    return words > _LONG_WORDS or (
        words >= _SENTENCE_WORDS and _SENTENCE_END.search(text) is not None
    )


@lru_cache(maxsize=8192)
def _caption(text: str) -> str | None:
    """ANCHOR or FILLER for a line's shown text that is wholly a widget's caption."""
    if not text or len(text) > _CAPTION_CHARACTERS:
        return None
    if _whole(FORM_MESSAGES, text):
        return ANCHOR
    if _prose(text):
        return None
    if any(_whole(lists, text) for lists in ANCHORS.values()):
        return ANCHOR
    return FILLER if _whole(FILLERS, text) else None


def _link_line(line: str) -> str | None:
    """ANCHOR for a line of links alone (and a button's name beside them) that all lead to
    share endpoints or all to social profiles; "" for a line of links of any other kind (read
    by its text then), "docs" for one linking a manual's page, None for a line without a link."""
    links = _MD_LINK.findall(line)
    if not links:
        return None
    if not _bare_links(line):
        return ""
    return _link_shape([href for _, href in links])


def _bare_links(line: str) -> bool:
    """Whether a line's words outside its links are none, separators or a widget's caption."""
    outside = line_reading(_MD_LINK.sub(" ", line))[0]
    return not outside or _caption(outside) is not None or not _EDGES.sub("", outside)


def _link_shape(hrefs: list[str]) -> str:
    if all(junk_endpoint(href) for href in hrefs) or all(social_profile(href) for href in hrefs):
        return ANCHOR
    # (a link of another shape: its caption must vouch for it, unless it leads to a manual's
    # page, where "Share" names the guide to the button)
    return "docs" if any(documentation_link(href) for href in hrefs) else ""


def line_kind(raw: str, ad_label: re.Pattern[str] | None = None) -> str | None:
    """ANCHOR or FILLER for a widget's line (``raw``, a source line), None for any other."""
    stripped = _MARKER.sub("", raw.strip())
    if _BARE_IMAGE.search(stripped):
        return None
    line = _IMAGE.sub(" ", stripped)
    linked = _link_line(line)
    if linked == "docs":
        return None
    if linked:
        return linked
    text = _EDGES.sub("", line_reading(line.lstrip("#").strip())[0])
    if linked == "" and not _caption(text):
        return None  # (links of another shape: the caption must vouch for them)
    if ad_label is not None and not _HEADING.match(raw.strip()) and ad_label.match(text):
        return ANCHOR
    return _caption(text)


def ad_label_pattern(doc: Document) -> re.Pattern[str] | None:
    """AD010's labels (the ``ad-label`` rule's, as configured; None when it is off)."""
    rules = doc.config.rules if doc.config is not None else ()
    rule = next((r for r in rules if r.matcher_name == _AD_RULE and r.enabled), None)
    if rule is None:
        return None
    label: re.Pattern[str] | None = getattr(
        getattr(rule.matcher, "wrapped", rule.matcher), "label", None
    )
    return label


def widget_runs(lines: Sequence[str], ad_label: re.Pattern[str] | None = None) -> set[int]:
    """The lines (indexes in ``lines``) of each run of widget lines holding an anchor, blank
    lines between them joined, a heading at a run's end left out."""
    kinds = [line_kind(line, ad_label) if line.strip() else "" for line in lines]
    kept: set[int] = set()
    run: list[int] = []
    for i in [*range(len(lines)), len(lines)]:
        if i < len(lines) and not lines[i].strip():
            continue
        if i < len(lines) and kinds[i]:
            run.append(i)
            continue
        kept |= _anchored(run, kinds, lines)
        run = []
    return kept


def _anchored(run: list[int], kinds: Sequence[str | None], lines: Sequence[str]) -> set[int]:
    while run and _HEADING.match(lines[run[-1]].strip()):
        run = run[:-1]
    if not any(kinds[i] == ANCHOR for i in run):
        return set()
    return set(range(run[0], run[-1] + 1))


def widget_lines(lines: Sequence[str], ad_label: re.Pattern[str] | None = None) -> bool:
    """Whether every line (not blank) of ``lines`` is a widget's, one anchor at least among
    them, and the last is no heading."""
    found = [line for line in lines if line.strip()]
    return bool(found) and widget_runs(found, ad_label) == set(range(len(found)))

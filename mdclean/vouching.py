"""Readings of a removed block's own text that vouch for an unsafe fix (``corroboration``).

A line-level rule (a text copy's menu lines, a tail's caption lines) or a link-shape rule often
finds a block that no second matcher family finds: the page's shape is its only reading. These
readings look at what the fix removes, and nothing else, and find there evidence no page shape
gives:

- *captions of four families*: among the lines removed, whole lines that are captions of
  four different families of the chrome lists (the site's account buttons, the social
  networks' names, a share row's buttons, the home page...), or of three when one is an
  anchor only chrome holds (a skip link, a legal or copyright line: as BP140's own safe core
  reads a run), and no line of prose (a sentence of five words or more, or a line of more
  than fifteen words) anywhere in it; the software's own strings (WordPress and its themes,
  comment widgets, consent panels...: ``SOFTWARE_FAMILIES``) count as families towards the
  four;
- *machinery links*: every line removed is links alone (at most three words beside them) or a
  short caption, at least three links, and every link leads to a share, log-in or comment
  endpoint, a social network's profile page, a theme's own pages (its taxonomies, authors,
  comment anchors: ``theme_link``) or the home page of the site the page notes it was saved
  from. Feeds, log-in pages and the platform's credit alone do not (a guide lists a blog's
  feed addresses: the Meta widget is LK013's exact template).

Either holds for a block's words or links whatever rule found it; an article's sentences, and
its links to sources, never read so.

*Parts* (``vouched_parts``): a large finding (a page's tail, a text copy's last lines) often
mixes such evidence with headlines and sentences no reading vouches for, so the whole cannot be
vouched. Its removal is then read line by line: a line of prose (for the captions) or a line
that is neither machinery links nor a short caption (for the links) cuts it into runs, and a
run that holds the evidence on its own is removed by a safe edit of its own; the rest of the
finding stays unsafe. A part's bars are higher than a whole finding's, since what is left
may be where the rule read the article's edge from the page's shape: captions of four
families (an anchor does not lower it), links among which a share, log-in or comment
endpoint or a social profile stands (not the site's home and category pages alone: a head),
no picture outside a link and no caption that ends as a sentence. A third reading is a
part's alone: a run of three or more lines of links the page prints twice (its menu, in the
head and again in a drawer or the footer; links inside the page, a table of contents, do not
count). A fourth needs no link and no phrase (``evidence_repeats``): the lines outside the
article's prose core that the page prints twice in the same order (a menu in the head and the
footer), and past the core a teaser box whose headlines another box prints again. A fifth
needs a place (``_region_runs``): where a rule that reads the page's regions (a text copy's
head menu and tail, the title and tail zones, the site's section menus, the pool of links after
the prose core, the chrome after the article's last block, the site's footer, a closing menu)
read chrome, a run of its lines holding three marked lines of two kinds (a caption of the
chrome lists, whatever its family, a line the page prints again outside its core, links that
all lead outward), or four labels of three words at most that the page prints again outside
its core, half the run's lines at least (a menu printed in the head and again in the footer):
the region's reading and a second one agree. Past the article's core, a box of the site's
teasers read by its records (``teaser_records``) and a comment section read by its label and a
line of its own (``comment_sections``) are such second readings too. A sixth reads a widget by its
own evidence (``widget_evidence``: whole blocks of one family's share or follow links and
captions, or a newsletter's, two lines and a link at least, and nothing else), beside the
other readings' parts, never inside one. A seventh reads a saved page's head and tail where
the readings that need the saver's note read chrome (``_anchored_runs``): a run of lines of
links alone and short captions outside the prose core, holding an anchor only chrome holds
(a skip link, a legal caption, a copyright line; above the prose a menu, search or log-in
button too).
Plain ``--fix`` asks for parts only (``engine.fix``), never a report.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache, lru_cache

from .comment_sections import comment_runs
from .document import Document
from .evidence_repeats import core, printed_again, repeated_lines
from .matchers.fix_safety import (
    documentation_link,
    junk_endpoint,
    page_address,
    site_home,
    social_profile,
    theme_link,
)
from .matchers.line_reading import (
    BLOCK_MARKERS,
    SENTENCE_END,
    item_reading,
    line_reading,
    reads_as_prose,
)
from .matchers.link_site import link_site
from .matchers.link_targets import (
    DOWNLOADS,
    FileKind,
    is_file_target,
    is_own,
    is_permalink,
    site_of,
)
from .matchers.linkblocks import word_count
from .matchers.phrase_lists import phrase_pattern
from .matchers.saved_page import note_address
from .matchers.text_copy import CODE, row_cells, text_copy
from .models import Applicability, Edit, Fix, Violation
from .teaser_records import labelled_runs, stamped_runs
from .widget_evidence import whole_text_blocks, widget_runs

CAPTION_FAMILIES: dict[str, tuple[str, ...]] = {
    "skip": ("skip-links",),
    "controls": ("header-controls", "search-titles", "back-to-top", "language-switcher-lines"),
    "home": ("home-labels", "site-menu-captions"),
    "account": ("account-buttons", "login-prompts"),
    "widgets": ("sidebar-widget-titles",),
    "social": ("social-network-names", "follow-prompts"),
    "share": ("share-buttons", "share-labels", "share-button-words", "like-widgets"),
    "legal": ("legal-captions", "copyright-lines", "copyright-rights", "legal-imprint-labels"),
    "pager": ("pager-captions",),
    "comments": ("reply-buttons", "comment-section-labels"),
    "newsletter": ("newsletter-signup-captions", "subscribe-buttons"),
    "tail": ("tail-buttons",),
}
"""The chrome lists, grouped: two lists of one family (a share row's label and its buttons)
are one reading."""
SOFTWARE_FAMILIES: dict[str, tuple[str, ...]] = {
    "wordpress": (
        "ui-wordpress",
        "ui-wordpress-comment-links",
        "ui-wordpress-plugins",
        "ui-wordpress-themes",
        "ui-blog-themes",
    ),
    "comment-widgets": ("ui-comment-widgets",),
    "consent": ("ui-consent-panels",),
    "media-players": ("ui-media-players",),
    "membership": ("ui-membership",),
    "shop": ("ui-shop-controls",),
    "wiki": ("ui-wiki-chrome",),
    "docs": ("ui-docs-frameworks", "ui-docs-feedback", "ui-docs-feedback-buttons"),
    "twitter": ("ui-twitter-follow", "ui-twitter-timeline"),
    "builders": ("ui-site-builders", "ui-page-translators"),
    "templates": ("web-template-lines", "web-template-lines-wide", "platform-widget-lines"),
}
"""The software's own strings (``scripts/ui_strings.py`` reads them from its translation
files), one family per software: a line no chrome list above names counts for the software
whose string it is (one line, one family), towards the four families (an anchor's lower bar
of three counts the chrome lists' families alone: a docs page's head of a skip link, a search
box and "On this page" waits). A guide that quotes one program's buttons names one family."""
_CAPTION_CHARACTERS = 120
"""A longer line is no caption of any list (the longest software strings are a comment
form's notices): it is not matched against them."""
MIN_FAMILIES = 4
ANCHORED_FAMILIES = 3
ANCHORS = frozenset({"skip", "legal"})
"""A skip link or a legal page's caption is chrome's alone: with it, three families do."""
MIN_LINKS = 3
_MD_LINK = re.compile(r"(?<!!)\[([^\]\n]*)\]\(\s*<?([^)\s>]+)[^)\n]*\)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_CAPTION_WORDS = 4
_BARE_IMAGE = re.compile(r"(?<!\[)(?<!\[ )!\[[^\]\n]*\]\([^)\n]*\)")


@cache
def _family_patterns(software: bool = False) -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The families' whole-line patterns; with the software's strings (a part's reading)."""
    patterns = []
    for family, lists in (
        CAPTION_FAMILIES | SOFTWARE_FAMILIES if software else CAPTION_FAMILIES
    ).items():
        pattern = phrase_pattern({"phrases": list(lists)})
        if pattern:
            patterns.append((family, re.compile(rf"[\W_]*(?:{pattern})[\W_]*", re.IGNORECASE)))
    return tuple(patterns)


def removed_lines(doc: Document, violation: Violation) -> list[str]:
    """The source lines (not blank) the violation's fix removes."""
    assert violation.fix is not None
    lines: list[str] = []
    for edit in violation.fix.edits:
        lines += [line for line in doc.text[edit.start : edit.end].splitlines() if line.strip()]
    return lines


@lru_cache(maxsize=8192)
def _caption_family(raw: str, software: bool = False) -> str | None:
    """The chrome family a whole line's caption belongs to (with ``software``, the software's
    strings too); "" for a line of prose."""
    text = item_reading(raw)
    found = None
    if len(text) <= _CAPTION_CHARACTERS:
        found = next((f for f, p in _family_patterns(software) if p.fullmatch(text)), None)
    if found is None and reads_as_prose(text):
        return ""
    return found


def caption_families(lines: Iterable[str], *, software: bool = False) -> set[str] | None:
    """The families of chrome captions (with ``software``, of the software's strings too) that
    are whole lines among ``lines``; None when a line is prose."""
    families: set[str] = set()
    for raw in lines:
        found = _caption_family(raw, software)
        if found == "":
            return None
        if found is not None:
            families.add(found)
    return families


def _enough_families(families: set[str]) -> bool:
    return len(families) >= (ANCHORED_FAMILIES if families & ANCHORS else MIN_FAMILIES)


def chrome_captions(lines: list[str]) -> bool:
    """Whether lines hold whole-line captions of ``MIN_FAMILIES`` families (``ANCHORED_FAMILIES``
    chrome families with an anchor among them; the software's strings count towards the four,
    not the three) and no prose."""
    families = caption_families(lines)
    if families is None:
        return False
    if _enough_families(families):
        return True
    # The software's strings count as families of their own, the anchors' lower bar aside.
    families = caption_families(lines, software=True)
    return families is not None and len(families) >= MIN_FAMILIES


def machinery_links(lines: list[str], site: str | None) -> bool:
    """Whether every line is links alone (or a short caption) and every link, of at least
    ``MIN_LINKS``, leads to a page's machinery, a profile or the noted site's home page."""
    hrefs: list[str] = []
    for raw in lines:
        line_hrefs = _line_hrefs(raw)
        if line_hrefs is None:
            return False
        hrefs += line_hrefs
    return len(hrefs) >= MIN_LINKS and all(_machinery(href, site) for href in hrefs)


def _line_hrefs(raw: str, *, strict: bool = False) -> list[str] | None:
    """A line's link targets when it is links alone (at most three words beside them) or a
    short caption (no link); None for any other line. ``strict`` (a part's reading): a picture
    outside a link (the article's own figure?) or a caption that ends as a sentence is
    another line too."""
    stripped = BLOCK_MARKERS.sub("", raw.strip())
    if strict and (_BARE_IMAGE.search(stripped) or SENTENCE_END.search(stripped)):
        return None
    line = _IMAGE.sub(" ", stripped)
    links = _MD_LINK.findall(line)
    outside = word_count(line_reading(_MD_LINK.sub(" ", line))[0])
    if (not links and outside > _CAPTION_WORDS) or (links and outside > 3):
        return None
    return [href for _, href in links]


def _machinery(href: str, site: str | None) -> bool:
    return (
        junk_endpoint(href)
        or social_profile(href)
        or theme_link(href)
        or (site is not None and site_home(href, site))
    )


def evidence_vouches(doc: Document, violation: Violation) -> bool:
    """Whether the removed block's own text vouches for its fix (either reading)."""
    lines = removed_lines(doc, violation)
    if not lines:
        return False
    if chrome_captions(lines):
        return True
    return machinery_links(lines, _site(doc))


def _site(doc: Document) -> str | None:
    address = page_address(doc)
    return site_of(address) if address else None


_SPACES = re.compile(r"\s+")
MIN_MENU_LINES = 3
"""A run of link lines the page prints twice: at least this many lines (a menu, not a link)."""


def _menu_key(raw: str) -> str | None:
    """A line of links alone as a key to find it again (marks and spaces folded); None for
    any other line, or one whose links all lead inside the page (a table of contents)."""
    hrefs = _line_hrefs(raw)
    if not hrefs or all(href.startswith("#") for href in hrefs):
        return None
    return _SPACES.sub(" ", BLOCK_MARKERS.sub("", raw.strip()))


def _read_repeated(doc: Document) -> frozenset[str]:
    seen: set[str] = set()
    repeated: set[str] = set()
    for line in doc.text.splitlines():
        if "](" not in line:
            continue
        key = _menu_key(line)
        if key is None:
            continue
        (repeated if key in seen else seen).add(key)
    return frozenset(repeated)


def repeated_link_lines(doc: Document) -> frozenset[str]:
    """The lines of links this text prints twice or more (its menus, printed in the head and
    again in the footer or a mobile drawer). This text's, not the run's first: once a fix took
    one copy (LK001 takes a list's duplicate), the copy left is the page's one list."""
    store = doc.shared("vouching")
    if "repeated" not in store:
        store["repeated"] = _read_repeated(doc)
    found: frozenset[str] = store["repeated"]
    return found


def page_parts(doc: Document, violations: Sequence[Violation]) -> list[Violation]:
    """``vouched_parts`` of every unsafe violation of a page."""
    unsafe = [
        v for v in violations if v.fix is not None and v.fix.applicability is not Applicability.SAFE
    ]
    if not unsafe:
        return []
    repeated = repeated_link_lines(doc)
    parts = [part for v in unsafe for part in vouched_parts(doc, v, repeated)]
    # (a widget's lines go beside the other readings' parts, never inside one: a run of
    # captions of four families may need the share caption among them, a run of lines printed
    # twice the label above it; and the unsafe finding that holds the widget may be gone once
    # those parts went, the page's regions read anew)
    return parts + _widgets_beside(doc, unsafe, parts)


def _widgets_beside(
    doc: Document, unsafe: Sequence[Violation], parts: Sequence[Violation]
) -> list[Violation]:
    """The widget parts (``widget_parts``) of the unsafe findings that share no character
    with ``parts``."""
    widgets = [part for v in unsafe for part in widget_parts(doc, v)]
    return [
        part
        for part in widgets
        if not any(part.start < other.end and other.start < part.end for other in parts)
    ]


def widget_parts(doc: Document, violation: Violation) -> list[Violation]:
    """The parts of an unsafe finding's removal that are a widget with strong evidence of its
    own (``widget_evidence``: a share or follow row, a newsletter's box, whole blocks of text),
    each a finding of the same rule with a safe fix removing that part alone."""
    fix = violation.fix
    if fix is None or any(edit.replacement for edit in fix.edits):
        return []
    parts: list[Violation] = []
    for edit in fix.edits:
        first, last = _whole_lines(doc, edit)
        lines = [doc.line_text(line) for line in range(first, last + 1)]
        for a, b in widget_runs(lines):
            if whole_text_blocks(doc, first + a, first + b):
                parts.append(_part(doc, violation, edit, first + a, first + b, last))
    return parts


def vouched_parts(
    doc: Document, violation: Violation, repeated: frozenset[str] = frozenset()
) -> list[Violation]:
    """The parts of an unsafe finding's removal whose own lines vouch for them (a run of
    captions of enough families with no prose among them, a run of machinery links), each
    as a finding of the same rule with a safe fix that removes that part alone; none when
    the finding's removal is not only deletions or no part of it holds such evidence."""
    fix = violation.fix
    if fix is None or any(edit.replacement for edit in fix.edits):
        return []
    readings = (_site(doc), own_site(doc), repeated)
    prose = _prose_span(doc)
    outside = prose if readings[1] is not None else (0, -1)
    printed_twice = repeated_lines(doc, prose)
    again = _region_again(doc, violation, prose)
    parts: list[Violation] = []
    for edit in fix.edits:
        first, last = _whole_lines(doc, edit)
        if last - first < 1:
            continue
        whole = len(fix.edits) == 1
        runs = _part_runs(doc, (first, last), readings, outside, whole, printed_twice)
        more = _more_runs(runs, doc, (first, last), again, _region_mode(doc, violation))
        for a, b in runs + more:
            parts.append(_part(doc, violation, edit, first + a, first + b, last))
    if again is not None and _copy_anchored(doc, violation):
        parts += _copy_parts(doc, violation, parts)
    return parts


def _copy_parts(doc: Document, violation: Violation, parts: Sequence[Violation]) -> list[Violation]:
    """A head or tail finding's runs around an anchor (``COPY_ANCHORED_MATCHERS``), read over
    all its lines (a menu's caption may stand alone in a paragraph's last line, an edit of
    its own), as parts of each edit that share no character with ``parts``."""
    assert violation.fix is not None
    spans = [_whole_lines(doc, edit) for edit in violation.fix.edits]
    span = _copied_core(doc)
    if span is None or not spans:
        return []
    outer = (min(a for a, _ in spans), max(b for _, b in spans))
    anchored = _anchored_runs(doc, outer, span, _copy_heads(doc))
    runs = [(outer[0] + a, outer[0] + b) for a, b in anchored]
    found: list[Violation] = []
    for edit, (first, last) in zip(violation.fix.edits, spans, strict=True):
        found += [_part(doc, violation, edit, a, b, last) for a, b in _clipped(runs, first, last)]
    return _apart(found, parts)


def _copy_heads(doc: Document) -> frozenset[str]:
    """The families that anchor a head run with no saver's note (``COPY_HEAD_ANCHORS``), on a
    page a line outside its core proves a site's copy; none else."""
    return COPY_HEAD_ANCHORS if _web_copy(doc) else frozenset()


def _apart(found: Sequence[Violation], parts: Sequence[Violation]) -> list[Violation]:
    """The findings of ``found`` that share no character with ``parts``."""
    return [p for p in found if not any(p.start < o.end and o.start < p.end for o in parts)]


def _clipped(runs: Sequence[tuple[int, int]], first: int, last: int) -> list[tuple[int, int]]:
    """The runs' lines from ``first`` to ``last``, each run's share."""
    clipped = [(max(first, a), min(last, b)) for a, b in runs]
    return [(a, b) for a, b in clipped if a <= b]


# -- A region a rule read as chrome, and a second mark on its lines (plain ``--fix`` only) --

REGION_MATCHERS = frozenset(
    {
        "text-dump-edges",
        "edge-meta",
        "section-menu",
        "tail-pool",
        "chrome-tail",
        "site-footer",
        "trailing-site-menu",
    }
)
"""The matchers that read a page's regions (a text copy's head menu and tail after the core
and its credits, the title and tail zones, the site's section menus, the pool of links after
the prose core, the run of chrome after the article's last block, the site's footer, a menu
that ends the page): where they read chrome, a second mark of another kind on the lines makes
a part (``_region_runs``). Not the readings whose safe fix needs the saver's note of the page's
address or title by design (article-region, page-tail, site-head, head-above-title: a head
above a title no saver named may hold the article's own figure): they read with an anchor
(``ANCHORED_REGION_MATCHERS``)."""
ANCHORED_REGION_MATCHERS = frozenset({"article-region", "page-tail", "head-above-title"})
"""The readings of a saved page's head and tail whose safe fix needs the saver's note (above):
on a page that says it was saved from the web (``own_site``), their run is a part when it holds
the marks a region's run needs and an anchor only chrome holds (a skip link, a legal page's
caption, a copyright line), and no picture outside a link: the place, the marks and the anchor
agree."""
FAMILIES_APART = frozenset({"text-dump-edges", "edge-meta", "section-menu"})
"""The regional readings whose runs count each chrome family's caption as its own kind of
mark (session 29's: a text copy's edges, the title zone, the site's section menus, where a run
of captions of two families is the site's chrome). The readings of an article's tail
(chrome-tail, site-footer, closing menu, tail pool) count the families as one kind: a guide
that quotes one program's buttons stands there."""
MIN_REGION_MARKS = 3
"""Marked lines in a run of a region's lines: at least this many."""
MIN_REGION_KINDS = 2
"""Kinds of marks among them (a caption of the chrome lists, a line printed again, outward
links): two readings of the lines agree with the region's. The lists' families are one kind:
one program's strings span several (WordPress's comment form: its own "Leave a Reply", the
reply buttons' "Cancel reply", the widgets' "Recent Posts"), and a guide that quotes them is
one reading, not three."""


def _more_runs(
    runs: list[tuple[int, int]],
    doc: Document,
    edit_lines: tuple[int, int],
    again: frozenset[int] | None,
    mode: tuple[bool, bool] = (False, False),
) -> list[tuple[int, int]]:
    """The region's runs (``_region_runs``; none without ``again``) not among ``runs``;
    ``mode``: whether the reading counts the caption families apart, and whether its runs
    need an anchor (``ANCHORED_REGION_MATCHERS``)."""
    if again is None:
        return []
    found = _region_runs(doc, edit_lines, again, *mode)
    if mode[1]:
        anchored = _anchored_runs(doc, edit_lines, _prose_span(doc))
        found += [run for run in anchored if run not in found]
    return [run for run in found if run not in runs]


def _region_again(
    doc: Document, violation: Violation, prose: tuple[int, int]
) -> frozenset[int] | None:
    """The lines the page prints again, for a regional finding's runs (``_more_runs``); None
    for another rule's finding, or one all evidence (vouched whole: no part of itself)."""
    if not (_regional(doc, violation) or _anchored_region(doc, violation)):
        return None
    if evidence_vouches(doc, violation):
        return None
    return printed_again(doc, prose)


def _region_mode(doc: Document, violation: Violation) -> tuple[bool, bool]:
    """How a regional finding's runs are read: (families apart, an anchor needed)."""
    return _families_apart(doc, violation), _anchored_region(doc, violation)


COPY_ANCHORED_MATCHERS = frozenset({"text-dump-edges", "chrome-tail", "site-footer"})
"""The readings of a page's head or tail that need no saver's note (a text copy's edges of
bare lines, the run of chrome after the article's last block, the site's footer): the
article's core (``evidence_repeats.core``: the text copy's own reading, else the prose span)
is the place (the lines above its first prose line or below its last), and a run of
chrome's shape there around an anchor only chrome holds (``_anchored_runs``: a skip link, a
legal caption, a copyright line; above the prose a menu, search or log-in caption too) is a
part beside the runs its marks make, when the core holds an article
(``MIN_CORE_PARAGRAPHS``): the place and the anchor agree."""


COPY_HEAD_ANCHORS = frozenset({"controls"})
"""Above a head reading's core with no saver's note (a text copy's), the families that anchor
a run beside ``ANCHORS``: a menu button's, a search box's caption ("≡ Меню", "MENÜ",
"Suche"), on a page a line outside the core proves a site's copy (``_web_copy``). Not the home
page's or a site page's caption ("Startseite", "Kontakt": a text's first words may name
them) nor a log-in button's."""


def _copy_anchored(doc: Document, violation: Violation) -> bool:
    """Whether the finding's rule reads a page's head or tail (``COPY_ANCHORED_MATCHERS``)
    on a page whose core holds an article."""
    if doc.config is None:
        return False
    matcher = doc.config.matcher_of.get(violation.code)
    return matcher in COPY_ANCHORED_MATCHERS and _copied_core(doc) is not None


def _copied_core(doc: Document) -> tuple[int, int] | None:
    """The article's core (as ``evidence_repeats.core`` reads it: a text copy's own reading,
    else the prose span) as the document's first and last lines when it holds
    ``MIN_CORE_PARAGRAPHS`` prose paragraphs (a text copy's prose lines); None else. Read
    once a page."""
    store = doc.shared("prose core")
    if "copied core" not in store:
        copy = text_copy(doc)
        span = copy.core_lines()
        if span is not None and copy.core is not None:
            # (a text copy's lines: its prose lines count, a copy without blank lines is
            # one paragraph)
            first, last = copy.core
            prose = sum(1 for line in copy.lines[first : last + 1] if line.prose)
            store["copied core"] = span if prose >= MIN_CORE_PARAGRAPHS else None
        else:
            span = _prose_span(doc)
            store["copied core"] = span if _core_article(doc, span) else None
    found: tuple[int, int] | None = store["copied core"]
    return found


def _web_copy(doc: Document) -> bool:
    """Whether the page says it was saved from the web (``own_site``), or a line outside its
    core is an anchor only chrome holds (a skip link, a legal caption, a copyright line: a
    site's page, copied). Without either, a head's menu caption anchors nothing (a guide's
    text may start with the words of a menu). Carried from the fix run's first text
    (``Document.page_fact``: a fix may take the copyright line that proved it)."""
    return doc.page_fact("vouching: web copy", _read_web_copy, _either)


def _either(first: bool, own: bool) -> bool:
    return first or own


def _read_web_copy(doc: Document) -> bool:
    span = _copied_core(doc)
    if span is None:
        return False
    lines = (doc.line_text(i) for i in range(doc.line_count) if not span[0] <= i <= span[1])
    return own_site(doc) is not None or any(_anchor_of(line) for line in lines)


def _core_article(doc: Document, span: tuple[int, int]) -> bool:
    """Whether ``span`` holds ``MIN_CORE_PARAGRAPHS`` of the page's prose paragraphs."""
    found = [p for p in _prose_paragraphs(doc) if span[0] <= p[0] and p[1] <= span[1]]
    return len(found) >= MIN_CORE_PARAGRAPHS


def _anchored_region(doc: Document, violation: Violation) -> bool:
    """Whether the finding's rule reads a saved page's head or tail by the saver's note
    (``ANCHORED_REGION_MATCHERS``) on a page that says it was saved from the web."""
    if doc.config is None:
        return False
    matcher = doc.config.matcher_of.get(violation.code)
    return matcher in ANCHORED_REGION_MATCHERS and _saved_article(doc)


def _saved_article(doc: Document) -> bool:
    """Whether the page says it was saved from the web and its prose core holds an article
    (``MIN_CORE_PARAGRAPHS``): read once a page, whatever the number of its findings."""
    store = doc.shared("prose core")
    if "saved article" not in store:
        store["saved article"] = own_site(doc) is not None and _core_article(doc, _prose_span(doc))
    saved: bool = store["saved article"]
    return saved


MIN_CORE_PARAGRAPHS = 3
"""An article found: its prose core holds this many paragraphs at least (a skip link proves a
saving, not where the article stands: a short page's head and tail wait for --unsafe-fixes)."""


def _families_apart(doc: Document, violation: Violation) -> bool:
    """Whether the finding's reading counts each caption family as a kind (``FAMILIES_APART``)."""
    if doc.config is None:
        return False
    return doc.config.matcher_of.get(violation.code) in FAMILIES_APART


def _regional(doc: Document, violation: Violation) -> bool:
    """Whether the finding's rule reads a page's region (``REGION_MATCHERS``)."""
    if doc.config is None:
        return False
    return doc.config.matcher_of.get(violation.code) in REGION_MATCHERS


def _region_runs(
    doc: Document,
    edit_lines: tuple[int, int],
    again: frozenset[int],
    families_apart: bool = False,
    anchored: bool = False,
) -> list[tuple[int, int]]:
    """The runs of a regional finding's lines (as (first, last) from its first line) between
    lines of prose that hold ``MIN_REGION_MARKS`` marked lines of ``MIN_REGION_KINDS`` kinds
    (``_region_marks``), from the first marked line to the last, or a menu printed twice
    (``_menu_again_span``)."""
    first, last = edit_lines
    lines = [doc.line_text(line) for line in range(first, last + 1)]
    marks = [
        _region_marks(line, first + i in again, families_apart) if line.strip() else frozenset()
        for i, line in enumerate(lines)
    ]
    kept = _marked_spans(marks, lines, anchored)
    # The teaser-box reading vouches for the region rules' lines only (tested there); an
    # anchored finding's lines need their anchor.
    stamped = set() if anchored else _stamped_lines(doc, first, lines)
    return _runs(sorted(kept | stamped), lines)


def _marked_spans(
    marks: Sequence[frozenset[str] | None], lines: Sequence[str], anchored: bool
) -> set[int]:
    """The indexes of ``lines`` that ``_marked_span`` or ``_menu_again_span`` keep in each
    piece between prose; an anchored finding's span only with its anchor (``_anchors_span``)."""
    flags = [None if not lines[i].strip() else mark is not None for i, mark in enumerate(marks)]
    kept: set[int] = set()
    for piece in _pieces(flags):
        span = _marked_span(piece, marks) or _menu_again_span(piece, marks, lines)
        if not anchored or _anchors_span(span, lines):
            kept |= span
    return kept


def _stamped_lines(doc: Document, first: int, lines: Sequence[str]) -> set[int]:
    """The lines of a regional finding's boxes of the site's teasers past the article's core
    (``teaser_records``: their records' stamps, or a box's known title over three headlines),
    and of its comment section there (``comment_sections``: its label and a line of its own),
    as indexes of ``lines`` (from line ``first``)."""
    end = _text_core_end(doc)
    if end is None:
        return set()
    outside = end + 1 - first
    runs = stamped_runs(lines, outside) + labelled_runs(lines, outside, _chrome_caption)
    runs += comment_runs(lines, outside)
    return {i for a, b in runs for i in range(a, b + 1)}


def _chrome_caption(line: str) -> bool:
    """A caption of the chrome lists (the software's strings too): a titled box ends there."""
    return bool(_caption_family(line, software=True))


def _text_core_end(doc: Document) -> int | None:
    """The last line of the article's core as a text copy reads it (``evidence_repeats.core``),
    else of the page's prose span; None for a page without either. (Not ``core_end``, the later
    of the two: a text copy's teaser boxes are lines the prose span reads as its own.)"""
    store = doc.shared("prose core")
    if "text end" not in store:
        prose = _prose_span(doc)
        found = core(doc, prose)
        end = found[1] if found is not None else prose[1]
        store["text end"] = end if end >= 0 else None
    last: int | None = store["text end"]
    return last


MIN_ANCHORED_LINES = 2
"""A run of a saved page's head or tail around an anchor: at least this many lines."""
HEAD_ANCHORS = frozenset({"controls", "account", "home"})
"""Families that anchor a run above the article's prose only (a menu button, a search box's
caption, a log-in button, the home page's or a site page's caption: "Inicio", "Kontakt"): the
site's head holds them; past the article a guide may quote them ("Docs", "Downloads")."""


def _anchored_runs(
    doc: Document,
    edit_lines: tuple[int, int],
    prose: tuple[int, int],
    heads: frozenset[str] = HEAD_ANCHORS,
) -> list[tuple[int, int]]:
    """The runs of a saved page's head or tail finding (``ANCHORED_REGION_MATCHERS``) outside
    the page's prose core whose every line is chrome's shape (``_chrome_shaped``) and one of
    them an anchor (``_anchor_of``: a skip link, a legal caption, a copyright line; above the
    prose a caption of ``heads`` too: a menu, search or log-in caption),
    ``MIN_ANCHORED_LINES`` lines at least."""
    first, last = edit_lines
    lines = [doc.line_text(line) for line in range(first, last + 1)]
    flags: list[bool | None] = [
        None if not line.strip() else not prose[0] <= first + i <= prose[1] and _chrome_shaped(line)
        for i, line in enumerate(lines)
    ]
    kept: set[int] = set()
    for piece in _pieces(flags):
        anchors = ANCHORS | heads if first + piece[-1] < prose[0] else ANCHORS
        if len(piece) >= MIN_ANCHORED_LINES and any(_anchor_of(lines[i], anchors) for i in piece):
            kept |= set(piece)
    return _runs(sorted(kept), lines)


def _chrome_shaped(line: str) -> bool:
    """A line of links alone or a short caption (no picture outside a link, no sentence), or
    whose words outside its links are a chrome caption, or an imprint line, or a row of short cells between
    separators and no markup (``text_copy.row_cells``: "Inicio | Contacto | Términos"); not a
    heading of words no chrome list names (the article's title)."""
    family = _caption_family(line, software=True)
    if _imprint_line(line):
        return True
    if family == "":
        return False
    if family is not None or _outside_family(line) is not None:
        return True
    if not CODE.search(line) and row_cells(item_reading(line)):
        return True  # (a row of short cells between separators: a menu or a trail on a line)
    return _line_hrefs(line, strict=True) is not None and not _HEADING.match(line)


_HEADING = re.compile(r"\s*(?:>\s*)*#{1,6}\s")


def _outside_family(line: str) -> str | None:
    """The chrome family of a line's words outside its links ("Skip to content[Help](…)")."""
    stripped = BLOCK_MARKERS.sub("", line.strip())
    outside = _MD_LINK.sub(" ", _IMAGE.sub(" ", stripped)).strip()
    if not outside or outside == stripped:
        return None
    return _caption_family(outside, software=True) or None


def _anchor_of(line: str, anchors: frozenset[str] = ANCHORS) -> bool:
    """Whether a line is an anchor: its caption (or its words outside its links) of a family
    only chrome holds (``ANCHORS``; above the prose ``HEAD_ANCHORS`` too), or a footer's
    imprint line (``_imprint_line``)."""
    family = _caption_family(line, software=True) or _outside_family(line)
    return family in anchors or _imprint_line(line)


@cache
def _legal_words() -> re.Pattern[str]:
    words = phrase_pattern({"phrases": ["legal-menu-words"]}) or "(?!)"
    return re.compile(rf"(?<!\w)(?:{words})(?!\w)", re.IGNORECASE)


MIN_LEGAL_WORDS = 3
"""A site's legal menu kept as one bare line ("Kontakt Jobs Impressum AGB Datenschutz"): at
least this many names of legal or service pages in it."""


def _legal_menu_line(text: str) -> bool:
    """A line of the names of a site's legal and service pages run together, no sentence:
    ``MIN_LEGAL_WORDS`` of them at least (``legal-menu-words``), and every word of it a
    label's (none opens in lower case: a sentence's "haben", "und" are no menu's)."""
    if SENTENCE_END.search(text) or len(text) > _CAPTION_CHARACTERS:
        return False
    if any(word[:1].islower() for word in text.split()):
        return False
    return len(_legal_words().findall(text)) >= MIN_LEGAL_WORDS


@cache
def _imprint_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    lines = phrase_pattern({"phrases": ["legal-imprint-lines"]}) or "(?!)"
    labels = phrase_pattern({"phrases": ["legal-imprint-labels"]}) or "(?!)"
    return re.compile(lines, re.IGNORECASE), re.compile(rf"[\W_]*(?:{labels})", re.IGNORECASE)


def _imprint_line(line: str) -> bool:
    """A footer's imprint line (a short line, no sentence of prose): a registration the press
    law names anywhere in it ("ICP备12345678号", "KRS: 0000123456"), the names of the site's
    legal pages run together (``_legal_menu_line``), or an imprint label that opens it ("발행인 및 편집인 : …", "MwSt.Nr./Part.Iva …", "Editor Responsable: …"): the
    site's, as a copyright line is."""
    text = item_reading(line)
    if not text or len(text) > _CAPTION_CHARACTERS:
        return False
    registration, label = _imprint_patterns()
    if registration.search(text) or _legal_menu_line(text):
        return True
    return word_count(text) <= _IMPRINT_WORDS and label.match(text) is not None


_IMPRINT_WORDS = 8
"""An imprint label's line: at most this many words (a label and a name, an address or a
number; a sentence that opens with "Redaktion:" is the article's)."""


def _anchors_span(span: set[int], lines: Sequence[str]) -> bool:
    """Whether a span of a saved page's head or tail holds an anchor only chrome holds (a
    skip link, a legal page's caption, a copyright line: ``ANCHORS``) and no picture outside a
    link (the article's own figure above its title)."""
    if any(_BARE_IMAGE.search(lines[i]) for i in span):
        return False
    return any(_caption_family(lines[i], software=True) in ANCHORS for i in span)


def _marked_span(piece: list[int], marks: Sequence[frozenset[str] | None]) -> set[int]:
    """A run's lines from its first marked line to its last, when it holds enough marks."""
    marked = [i for i in piece if marks[i]]
    kinds = {kind for i in marked for kind in marks[i] or ()}
    if len(marked) < MIN_REGION_MARKS or len(kinds) < MIN_REGION_KINDS:
        return set()
    return {i for i in piece if marked[0] <= i <= marked[-1]}


MIN_AGAIN_LABELS = 4
"""A menu printed twice: at least this many of a run's label lines the page prints again."""
_AGAIN_LABEL_WORDS = 3
"""A menu's label: at most this many words as a reader sees the line (a headline is longer:
the article's title printed again in a teaser box is no menu item)."""


def _menu_again_span(
    piece: list[int], marks: Sequence[frozenset[str] | None], lines: Sequence[str]
) -> set[int]:
    """A run's lines from its first label printed again to its last, when it holds
    ``MIN_AGAIN_LABELS`` such labels and they make half of its lines at least: the site's menu
    printed in the head and again in the footer (or a teaser box's section and author labels
    printed again in the next box). The region's reading and the page's second printing agree;
    a label printed twice here and there among other lines does not."""
    again = [i for i in piece if "again" in (marks[i] or ()) and _label(lines[i])]
    if len(again) < MIN_AGAIN_LABELS or 2 * len(again) < len(piece):
        return set()
    return {i for i in piece if again[0] <= i <= again[-1]}


def _label(line: str) -> bool:
    """A line a menu's item may be: ``_AGAIN_LABEL_WORDS`` words at most."""
    return word_count(line_reading(line)[0]) <= _AGAIN_LABEL_WORDS


def _region_marks(line: str, again: bool, families_apart: bool = False) -> frozenset[str] | None:
    """A line's marks: "caption" for a caption of a chrome family (the software's strings
    too), "again" for a line the page prints again outside its core, "outward" for links alone
    that all lead to share, log-in or comment endpoints or social profiles (over which a share
    or social caption is no mark of its own); with ``families_apart``, the caption's family
    instead of "caption"; None for a line of prose."""
    family = _caption_family(line, software=True)
    if family == "":
        return None
    marks = {(family if families_apart else "caption")} if family else set()
    if again:
        marks.add("again")
    hrefs = _line_hrefs(line, strict=True)
    if hrefs and all(_outward(href) for href in hrefs):
        if family in NAMED_BY_LINKS:
            marks -= {"caption", family}  # (a share button's caption names where its link leads)
        marks.add("outward")
    return frozenset(marks)


NAMED_BY_LINKS = frozenset({"share", "social"})
"""Families whose caption, over outward links, names those links: a line "[Facebook](a share
endpoint)" is one widget's one reading, one kind of mark, not two."""


def _part_runs(
    doc: Document,
    edit_lines: tuple[int, int],
    readings: tuple[str | None, str | None, frozenset[str]],
    outside: tuple[int, int],
    whole_edit: bool,
    printed_twice: frozenset[int],
) -> list[tuple[int, int]]:
    """The runs of an edit's lines (its first and last whole line) that become parts, as
    (first, last) from its first line: the readings of ``_edit_runs``, then the lines the page
    prints twice (``_twice_runs``)."""
    first, last = edit_lines
    lines = [doc.line_text(line) for line in range(first, last + 1)]
    lines.append(_next_line(doc, last))  # (what follows the edit: its nesting, below)
    whole = (0, len(lines) - 2) if whole_edit else None
    runs = _edit_runs(lines, readings, first, outside, whole)
    runs += [run for run in _twice_runs(doc, printed_twice, first, last) if run not in runs]
    return runs


def _twice_runs(
    doc: Document, printed_twice: frozenset[int], first: int, last: int
) -> list[tuple[int, int]]:
    """The runs of an edit's lines that the page prints twice in order outside its prose
    (``evidence_repeats``), as (first, last) from the edit's first line; blank lines join."""
    runs: list[tuple[int, int]] = []
    for line in sorted(printed_twice):
        if not first <= line <= last:
            continue
        gap = range(first + runs[-1][1] + 1, line) if runs else range(0)
        if runs and all(not doc.line_text(k).strip() for k in gap):
            runs[-1] = (runs[-1][0], line - first)
        else:
            runs.append((line - first, line - first))
    return runs


def _edit_runs(
    lines: Sequence[str],
    readings: tuple[str | None, str | None, frozenset[str]],
    first: int,
    outside: tuple[int, int],
    whole: tuple[int, int] | None,
) -> list[tuple[int, int]]:
    """The runs of an edit's lines (first, last) that become parts: not the ``whole`` finding
    (all of whose lines are evidence: vouched for whole, in reports too), unless the site's own
    links keep it (they vouch in plain ``--fix`` only)."""
    kept, (own, fine) = _kept_lines(lines[:-1], readings, first, outside)
    runs = [run for run in _runs(sorted(kept | own), lines) if run != whole or run[0] in own]
    # (a run of a nested menu cut so that the line after it keeps its parent, and a run of the
    # site's links split at its captions: the guard takes the first that keeps what stays as
    # it renders, the larger first; the others overlap it, and wait for the next pass)
    fits = [fit for run in runs if run[0] in own and (fit := _nested_fit(run, lines)) != run]
    return runs + fits + [run for run in fine if run not in runs]


def _next_line(doc: Document, last: int) -> str:
    """The first line after line ``last`` that is not blank ("" for none)."""
    for line in range(last + 1, doc.line_count):
        if doc.line_text(line).strip():
            return doc.line_text(line)
    return ""


def _indent(line: str) -> int:
    return len(line.expandtabs(4)) - len(line.expandtabs(4).lstrip())


_ITEM = re.compile(r"(\s*)(?:[-*+]|\d+[.)])(\s+)")


def _parent_item(line: str, depth: int) -> bool:
    """Whether a line is a list's item under which a line indented ``depth`` nests (its text
    starts at that column or before, its marker before it)."""
    match = _ITEM.match(line.expandtabs(4))
    return match is not None and len(match.group(1)) < depth <= match.end()


def _nested_fit(run: tuple[int, int], lines: Sequence[str]) -> tuple[int, int]:
    """A run of a nested list's lines cut so that the line after it keeps its parent: when a
    line of the run is indented less than the line that follows the run (a menu's item whose
    sub-items go on past the run), the run starts after the last such line (the sub-items
    removed, their parent kept: else the item after them would change its list)."""
    a, b = run
    after = next((line for line in lines[b + 1 :] if line.strip()), "")
    if not after.strip():
        return run
    depth = _indent(after)
    shallow = [i for i in range(a, b + 1) if _parent_item(lines[i], depth)]
    if not shallow or shallow[-1] == b:
        return run
    start = next(i for i in range(shallow[-1] + 1, b + 1) if lines[i].strip())
    return start, b


def _kept_lines(
    lines: Sequence[str],
    readings: tuple[str | None, str | None, frozenset[str]],
    first: int,
    outside: tuple[int, int],
) -> tuple[set[int], tuple[set[int], list[tuple[int, int]]]]:
    """The lines of an edit that the part readings keep: (captions, machinery links and menus
    printed twice; the site's own links, on a page saved from the web)."""
    site, own, repeated = readings
    kept = _caption_runs(lines) | _link_runs(lines, site) | _menu_runs(lines, repeated)
    return kept, _own_runs(lines, own, first, outside) if own is not None else (set(), [])


def _whole_lines(doc: Document, edit: Edit) -> tuple[int, int]:
    """The first and last 0-based line an edit removes whole (last < first: none)."""
    starts = doc.line_starts
    first = bisect.bisect_left(starts, edit.start)
    last = bisect.bisect_right(starts, edit.end) - 2  # (the line before the one the edit ends in)
    if edit.end >= len(doc.text):  # (the last line, with its line break or without one)
        last = doc.line_count - 1
    return first, min(last, doc.line_count - 1)


def _pieces(flags: Sequence[bool | None]) -> list[list[int]]:
    """The runs of lines between breakers (``False``), blank lines (``None``) left out."""
    pieces: list[list[int]] = [[]]
    for i, flag in enumerate(flags):
        if flag is False:
            pieces.append([])
        elif flag is True:
            pieces[-1].append(i)
    return [piece for piece in pieces if piece]


def _caption_runs(lines: Sequence[str]) -> set[int]:
    """The lines of each prose-free run whose captions reach the families' bar, from its first
    caption to its last."""
    found = [_caption_family(line, software=True) if line.strip() else None for line in lines]
    flags = [_caption_flag(line, family) for line, family in zip(lines, found, strict=True)]
    kept: set[int] = set()
    for piece in _pieces(flags):
        kept |= _caption_span(piece, found)
    return kept


def _caption_flag(line: str, family: str | None) -> bool | None:
    """None for a blank line, False for prose (it cuts a run), True for any other line."""
    return family != "" if line.strip() else None


def _caption_span(piece: list[int], found: Sequence[str | None]) -> set[int]:
    """A run's lines from its first caption to its last, when they hold captions of
    ``MIN_FAMILIES`` families (a part's bar: an anchor does not lower it, the rest of the
    finding may be a page's head whose end is read from its shape)."""
    captions = [i for i in piece if found[i]]
    if len({found[i] for i in captions}) < MIN_FAMILIES:
        return set()
    return set(range(captions[0], captions[-1] + 1)) & set(piece)


def _link_runs(lines: Sequence[str], site: str | None) -> set[int]:
    """The lines of each run of machinery links and short captions holding ``MIN_LINKS`` links."""
    hrefs = [_line_hrefs(line, strict=True) if line.strip() else [] for line in lines]
    flags = [_link_flag(line, found, site) for line, found in zip(lines, hrefs, strict=True)]
    kept: set[int] = set()
    for piece in _pieces(flags):
        if _outward_run([href for i in piece for href in hrefs[i] or ()]):
            kept.update(piece)
    return kept


def _outward_run(hrefs: list[str]) -> bool:
    """``MIN_LINKS`` links or more, one of them at least ``_outward``."""
    return len(hrefs) >= MIN_LINKS and any(_outward(href) for href in hrefs)


def _outward(href: str) -> bool:
    """A share, log-in or comment endpoint, or a social profile: what a part's run of links
    must hold (a site's own menu of home and category pages can be a page's head)."""
    return junk_endpoint(href) or social_profile(href)


def _link_flag(line: str, hrefs: list[str] | None, site: str | None) -> bool | None:
    """None for a blank line, True for machinery links alone or a short caption, else False."""
    if not line.strip():
        return None
    return hrefs is not None and all(_machinery(href, site) for href in hrefs)


def _menu_runs(lines: Sequence[str], repeated: frozenset[str]) -> set[int]:
    """The lines of each run of ``MIN_MENU_LINES`` or more link lines the page prints twice."""
    if not repeated:
        return set()
    flags: list[bool | None] = [
        None if not line.strip() else _menu_key(line) in repeated for line in lines
    ]
    return {i for piece in _pieces(flags) if len(piece) >= MIN_MENU_LINES for i in piece}


def _runs(kept: Sequence[int], lines: Sequence[str]) -> list[tuple[int, int]]:
    """Consecutive kept lines (blank lines between two kept ones join them) as (first, last)."""
    runs: list[tuple[int, int]] = []
    for i in kept:
        if runs and all(not lines[k].strip() for k in range(runs[-1][1] + 1, i)):
            runs[-1] = (runs[-1][0], i)
        else:
            runs.append((i, i))
    return runs


def _part(
    doc: Document, violation: Violation, edit: Edit, first: int, last: int, edit_last: int
) -> Violation:
    """The finding for lines ``first``..``last`` of an edit: a safe fix removing them, with the
    blank lines after them when a blank line (or the edit's start) stands before them."""
    start = doc.line_offset(first)
    if last == edit_last:
        end = edit.end
    else:
        line = last + 1
        if first == 0 or not doc.line_text(first - 1).strip():
            while line <= edit_last and not doc.line_text(line).strip():
                line += 1
        end = edit.end if line > edit_last else doc.line_offset(line)
    content_end = doc.line_end(last)
    (line_no, column), (end_line, end_column) = doc.position(start), doc.position(content_end)
    return replace(
        violation,
        start=start,
        end=content_end,
        line=line_no,
        column=column,
        end_line=end_line,
        end_column=end_column,
        fix=Fix((Edit(max(start, edit.start), end),), Applicability.SAFE),
    )


# -- The site's own navigation and teasers (a part's reading on a page saved from the web) --

MIN_OWN_LINKS = 6
"""A run of the site's own links: at least this many (a menu, not a "See also" of two or three)."""
MIN_TEASERS = 3
"""A run of the site's own headlines to its articles: at least this many."""
_NAV_WORDS = 5
"""A menu's caption: at most this many words in a link's text."""
_HEADLINE_WORDS = 4
"""A teaser's headline: at least this many words (or characters ``_HEADLINE_CHARS`` in a script
written without spaces)."""
_HEADLINE_CHARS = 12
_OWN_CAPTION_WORDS = 6
_SEPARATORS = re.compile(r"^[\s|·•/>»›,;:()\[\]-]*$")
_FILES: tuple[FileKind, ...] = (*DOWNLOADS, "picture")
"""Files, not pages of the site (``link_targets.is_file_target``): a download, a picture."""
_SAVED_RULE = "article-region"


def own_site(doc: Document) -> str | None:
    """On a page that says it was saved from the web (the gate of ``article_region``, as the
    run's first text proved it), the page's own site: the one its saver noted, else the one
    its links share (``link_site``); "" when neither names one (then only the links from the
    site's root, ``/politics/``, are its own). None on any other page: a docs page's "See also"
    list links its own pages too."""
    # (carried from the run's first text: a safe fix of the head's menu takes the links the
    # site is read from; ``Document.page_fact``)
    return doc.page_fact("vouching: own site", _read_own_site, _carried_site)


def _carried_site(first: str | None, own: str | None) -> str | None:
    """The site this text names, else the one the run's first text named."""
    return own if own or first is None else first


def _read_own_site(doc: Document) -> str | None:
    if not _saved_page(doc):
        return None
    address = note_address(doc)
    if address is not None:
        return site_of(address) or ""
    # As ``article_region`` reads a page's site from its head (the links above the article's
    # prose; its tail links the group's sister sites): a link to that site's home page among
    # them, the theme's logo or the site's name (an article links deeper).
    # (or the site the whole page's links lead to most, when its head's agree).
    return _head_site(doc) or ""


def _head_site(doc: Document) -> str | None:
    head = doc.text[: doc.line_offset(_prose_span(doc)[0])] if doc.line_count else ""
    hrefs = [href for _, href in _MD_LINK.findall(head)]
    site = link_site(hrefs)
    if not site or any(href.strip() != "/" and site_home(href, site) for href in hrefs):
        return site
    return site if link_site(href for _, href in _MD_LINK.findall(doc.text)) == site else None


def _saved_page(doc: Document) -> bool:
    """Whether the page says it was saved from the web, as ``article_region``'s gate reads it
    with its rule's own settings (the saver's note of its address, a heading that is its
    address, a converter's links without text, a theme's skip link or the site's menu lines
    in its head), or a converter's link to a script (``javascript:``, as ``section-menu``)."""
    rules = doc.config.rules if doc.config is not None else ()
    rule = next((r for r in rules if r.matcher_name == _SAVED_RULE and r.enabled), None)
    if rule is None:
        return False
    saved = getattr(getattr(rule.matcher, "wrapped", rule.matcher), "saved_page_of", None)
    return saved is not None and (bool(saved(doc)) or _SCRIPT_LINK.search(doc.text) is not None)


_SCRIPT_LINK = re.compile(r"\]\(javascript:", re.IGNORECASE)
"""A link whose target is a script: a converter kept a web page's button (as ``section-menu``
reads a saved page: no author writes one)."""


def core_end(doc: Document) -> int | None:
    """The last line (0-based) of the article's prose core (``evidence_repeats.core``: the text
    copy's core, else the page's prose span; the later end of the two); None for a page
    without one. Text past it stands
    apart from the article's prose (the site's registration lines, a far box's blurb)."""
    store = doc.shared("prose core")
    if "end" not in store:
        prose = _prose_span(doc)
        found = core(doc, prose)
        store["end"] = None if found is None else max(found[1], prose[1])
    end: int | None = store["end"]
    return end


def article_core(doc: Document) -> tuple[int, int] | None:
    """The article's core as the document's first and last line (0-based): the text copy's
    core, else the page's prose span (``evidence_repeats.core``); None for a page without one."""
    return core(doc, _prose_span(doc))


def prose_end(doc: Document) -> int | None:
    """The last line (0-based) of the page's prose paragraphs' main group (``_prose_span``),
    whatever a text copy's reading of its lines says; None for a page without one. Short
    sentences that stand far past it (a comment form's rules) are not the article's prose."""
    store = doc.shared("prose core")
    if "prose end" not in store:
        first, last = _prose_span(doc)
        store["prose end"] = last if last >= first else None
    end: int | None = store["prose end"]
    return end


def _prose_span(doc: Document) -> tuple[int, int]:
    """The first and last line of the page's prose core: its paragraphs of sentences with few
    links (``_prose_paragraphs``), grouped where fewer than ``_PROSE_GAP`` other lines stand
    between two, the group of the most words; (0, -1) for none. What lies between them is the
    article's, whatever a rule read of its edges; a title line or a cookie notice far above
    it is a group of its own. Read once a page (every unsafe finding's parts ask it)."""
    store = doc.shared("prose core")
    if "span" not in store:
        store["span"] = _read_prose_span(doc)
    span: tuple[int, int] = store["span"]
    return span


def _read_prose_span(doc: Document) -> tuple[int, int]:
    groups: list[list[tuple[int, int, int]]] = []
    for paragraph in _prose_paragraphs(doc):
        if groups and paragraph[0] - groups[-1][-1][1] <= _PROSE_GAP:
            groups[-1].append(paragraph)
        else:
            groups.append([paragraph])
    if not groups:
        return (0, -1)
    best = max(groups, key=lambda group: sum(words for _, _, words in group))
    return best[0][0], best[-1][1]


_PROSE_GAP = 24
"""Lines (blank or not) between two paragraphs of one article's prose: an inline teaser box or
a figure stands between them; a site's menu of a hundred lines does not."""
_PROSE_LINK_SHARE = 0.3


def _prose_paragraphs(doc: Document) -> tuple[tuple[int, int, int], ...]:
    """The paragraphs (runs of lines between blank lines; a converter's wrapped lines are one
    paragraph) that are prose with at most ``_PROSE_LINK_SHARE`` of their words in links, as
    (first line, last line, words). Read once a page."""
    store = doc.shared("prose core")
    if "paragraphs" not in store:
        store["paragraphs"] = tuple(_read_prose_paragraphs(doc))
    paragraphs: tuple[tuple[int, int, int], ...] = store["paragraphs"]
    return paragraphs


def _read_prose_paragraphs(doc: Document) -> list[tuple[int, int, int]]:
    found: list[tuple[int, int, int]] = []
    start: int | None = None
    for i in range(doc.line_count + 1):
        line = doc.line_text(i) if i < doc.line_count else ""
        if start is not None and (not line.strip() or _BLOCK_START.match(line)):
            text = " ".join(doc.line_text(k).strip() for k in range(start, i))
            words = _prose_words(text)
            if words:
                found.append((start, i - 1, words))
            start = None
        if line.strip() and start is None:
            start = i
    return found


_BLOCK_START = re.compile(r"\s*(?:[-*+]\s|\d+[.)]\s|#{1,6}\s|>|\||!?\[)")
"""A line that opens a block of its own (a list's item, a heading, a quote, a table's row, a
link or a picture): a converter that writes no blank lines (a crawler's) still opens them so."""


def _prose_words(text: str) -> int:
    """A paragraph's words when it is prose with few links; 0 otherwise."""
    text = _IMAGE.sub(" ", BLOCK_MARKERS.sub("", text))
    shown = line_reading(text)[0]
    outside = line_reading(_MD_LINK.sub(" ", text))[0]
    words = word_count(shown)
    if not reads_as_prose(shown) or word_count(outside) < (1 - _PROSE_LINK_SHARE) * words:
        return 0
    return words


def _own_link(href: str, site: str) -> bool:
    """A link to a page of the page's own site (from the site's root, or an address on it), not
    to a file, a manual's page or a fragment of the page."""
    href = href.strip()
    if is_file_target(href, _FILES) or documentation_link(href):
        return False
    return is_own(href, site, relative=False)


def _own_line(raw: str, site: str) -> tuple[int, int] | None:
    """A line of the site's own links alone: (links, headlines among them); (0, 0) for a short
    caption or a line of separators; None for any other line. A link's text is a menu's
    caption (``_NAV_WORDS`` words at most) or a headline to an article's address."""
    stripped = BLOCK_MARKERS.sub("", raw.strip())
    if _BARE_IMAGE.search(stripped):
        return None
    line = _IMAGE.sub(" ", stripped)
    links = _MD_LINK.findall(line)
    outside = line_reading(_MD_LINK.sub(" ", line))[0]
    if not links:
        return (0, 0) if _own_caption(outside) else None
    if not (_SEPARATORS.match(outside) or _glued_caption(outside)):
        return None
    kinds = [_own_kind(text, href, site) or _outward_kind(href) for text, href in links]
    if None in kinds:
        return None
    return len(links) - kinds.count("outward"), kinds.count("headline")


_GLUED_WORDS = 3
"""A menu's caption printed beside its own link ("Политика[В рубрику →](/politika)": a
mega-menu's section name and its "to the section" button): at most this many words."""


def _glued_caption(text: str) -> bool:
    """A short caption beside a line's links: no sentence, no digit (not a teaser's date)."""
    return (
        0 < word_count(text) <= _GLUED_WORDS
        and not SENTENCE_END.search(text)
        and not _DIGIT.search(text)
    )


def _outward_kind(href: str) -> str | None:
    """ "outward" for a social profile or a share, log-in or comment endpoint among the site's
    own links (its menu's "follow us" items): it neither cuts a run nor counts towards it."""
    return "outward" if _outward(href) else None


def _own_caption(text: str) -> bool:
    """A menu's label between its links ("Sezioni", "Mehr zum Thema Gazastreifen"), a teaser
    card's line of names and date ("Jonas Roth 09.07.2024 5 min"), or separators alone."""
    words = word_count(text)
    if SENTENCE_END.search(text):
        return False
    card = words <= _CARD_WORDS and _DIGIT.search(text) is not None
    return 0 < words <= _OWN_CAPTION_WORDS or card or _SEPARATORS.match(text) is not None


_CARD_WORDS = 10
_DIGIT = re.compile(r"\d")


def _own_kind(text: str, href: str, site: str) -> str | None:
    """ "headline" for a link to one of the site's articles whose text is a headline, "menu"
    for a link to the site with a menu's caption, None for any other link."""
    if not _own_link(href, site):
        return None
    shown = line_reading(text)[0]
    if _headline(shown) and is_permalink(href, headline=True):
        return "headline"
    if word_count(shown) > _NAV_WORDS or SENTENCE_END.search(shown):
        return None
    return "menu"


def _headline(text: str) -> bool:
    words = word_count(text)
    return words >= _HEADLINE_WORDS or (words <= 2 and len(text.strip()) >= _HEADLINE_CHARS)


_NONE = (0, 0)


def _own_runs(
    lines: Sequence[str], site: str, first: int, prose: tuple[int, int]
) -> tuple[set[int], list[tuple[int, int]]]:
    """The lines of each run of the site's own links (``_own_line``) outside the page's prose
    (``prose``: its first and last line) holding ``MIN_OWN_LINKS`` links, or ``MIN_TEASERS``
    headlines to its articles, from its first line of links to its last; and each such run's
    stretches of link lines between its captions, as (first, last)."""
    counts = [
        None if not line.strip() or prose[0] <= first + i <= prose[1] else _own_line(line, site)
        for i, line in enumerate(lines)
    ]
    flags = [
        None if not line.strip() else count is not None
        for line, count in zip(lines, counts, strict=True)
    ]
    kept: set[int] = set()
    fine: list[tuple[int, int]] = []
    for piece in _pieces(flags):
        found = _own_piece(piece, [counts[i] or _NONE for i in piece])
        kept |= found
        fine += _stretches(found, counts, len(lines))
    return kept, fine


def _stretches(
    found: set[int], counts: Sequence[tuple[int, int] | None], size: int
) -> list[tuple[int, int]]:
    """A run's stretches of link lines, its captions cutting them (blank lines join them)."""
    linked = [i for i in sorted(found) if (counts[i] or _NONE)[0]]
    marks = ["x" if i in found and i not in linked else "" for i in range(size)]
    return _runs(linked, marks)


def _own_piece(piece: list[int], counts: list[tuple[int, int]]) -> set[int]:
    """A run's lines from its first line of links to its last, when it holds enough links."""
    linked = [i for i, count in zip(piece, counts, strict=True) if count[0]]
    links, headlines = sum(c[0] for c in counts), sum(c[1] for c in counts)
    if not linked or (links < MIN_OWN_LINKS and headlines < MIN_TEASERS):
        return set()
    return {i for i in piece if linked[0] <= i <= linked[-1]}

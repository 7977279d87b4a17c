"""Inline suppression comments, as markdownlint users write them, and the ones that suppress nothing.

``<!-- mdclean-disable CODE ... -->`` suppresses the codes (every rule when none is
given) from its line until a matching ``<!-- mdclean-enable ... -->``;
``<!-- mdclean-disable-next-line CODE -->`` the line below the comment;
``<!-- mdclean-disable-line CODE -->`` the line (or lines) the comment is on;
``<!-- mdclean-disable-file CODE -->`` the whole file. Codes may be prefixes (``AD``)
and may be separated by spaces or commas. A comment inside code (fences,
indented code, code spans) is shown to readers, not obeyed.

A violation is suppressed when it starts inside a directive's reach. A directive,
or a code in it, that suppressed nothing is reported by the rule whose matcher is
``unused-suppression`` (ruff's RUF100), and its fix removes the comment or the
unused codes. That rule also reports a comment that looks like a directive but is
misspelt (``mdclean-disable-nextline``, ``mdclean-ignore``), without a fix: it
suppresses nothing, and what was meant is for its author to say.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass, field

from .document import Document, Node
from .fastpath.body import body_of
from .markup import mask_code
from .models import Edit, Finding, Violation
from .removal import remove_blocks, remove_span

MARK = "mdclean-"
"""Lower-cased text every directive contains: a document without it has none."""
KINDS = ("disable-next-line", "disable-line", "disable-file", "disable", "enable")
DIRECTIVE = re.compile(
    rf"<!--\s*mdclean-(?P<kind>{'|'.join(KINDS)})(?![\w-])(?P<codes>[^>]*?)\s*-->", re.IGNORECASE
)
LOOKALIKE = re.compile(r"<!--\s*mdclean-(?P<kind>[\w-]*)[^>]*?-->", re.IGNORECASE)
"""Any comment that starts like a directive: those DIRECTIVE does not match are misspelt."""
_MEANT = {
    "ignore": "disable",
    "disable-nextline": "disable-next-line",
    "disable-next": "disable-next-line",
    "ignore-next-line": "disable-next-line",
    "ignore-line": "disable-line",
    "ignore-file": "disable-file",
    "disable-all": "disable",
    "disable-this-line": "disable-line",
    "disable-same-line": "disable-line",
    "enable-all": "enable",
    "disablefile": "disable-file",
    "disableline": "disable-line",
}
"""Misspellings met in the wild (markdownlint's, eslint's and ruff's spellings), and what they mean here."""
UNKNOWN = "unknown"
"""The kind of a misspelt directive: it reaches nothing."""
_CODE_SEPARATORS = re.compile(r"[\s,]+")
ALL = ""
"""The code that stands for every rule in a directive without codes."""


@dataclass(eq=False)
class Directive:
    """One suppression comment, where it reaches, and which of its codes were used."""

    kind: str
    codes: tuple[str, ...]
    """Upper-cased codes or prefixes; empty: every rule."""
    start: int
    end: int
    node: Node
    reach_start: int
    reach_end: int
    ended: dict[str, int] = field(default_factory=dict)
    """For ``disable``: code -> offset of the ``enable`` that ended it for that code."""
    used: set[str] = field(default_factory=set)

    @property
    def keys(self) -> tuple[str, ...]:
        return self.codes or (ALL,)

    def suppresses(self, violation: Violation) -> str | None:
        """The directive code that covers the violation, if any."""
        if not self.reach_start <= violation.start < self.reach_end:
            return None
        for key in self.keys:
            if key != ALL and not violation.code.startswith(key):
                continue
            if any(
                violation.code.startswith(code) and violation.start >= offset
                for code, offset in self.ended.items()
            ):
                continue  # an enable comment ended it for this code
            return key
        return None


def directives(doc: Document) -> list[Directive]:
    """The document's suppression comments, in order, with their reach worked out."""
    if MARK not in body_of(doc).whole:  # (the lower-cased text the fast path read, not another)
        return []
    found = [d for node in doc.leaves() if not node.is_code for d in _in_node(doc, node)]
    found.sort(key=lambda d: d.start)
    _link_enables(doc, found)
    return found


def _in_node(doc: Document, node: Node) -> Iterator[Directive]:
    content = doc.content(node)
    if content is None or MARK not in content.text.lower():
        return
    text = mask_code(content.text, inline_markdown=node.kind != "html_block")
    for match in LOOKALIKE.finditer(text):
        start, end = content.to_source(match.start()), content.to_source(match.end() - 1) + 1
        directive = DIRECTIVE.fullmatch(match.group())
        if directive is None:  # misspelt: reported, reaches nothing
            yield Directive(UNKNOWN, (match.group("kind").lower(),), start, end, node, start, start)
            continue
        kind = directive.group("kind").lower()
        codes = tuple(
            c.upper() for c in _CODE_SEPARATORS.split(directive.group("codes").strip()) if c
        )
        first_line, _ = doc.position(start)
        last_line, _ = doc.position(end - 1)
        if kind == "disable-file":
            reach = (0, len(doc.text))
        elif kind == "disable-next-line":
            reach = (doc.line_offset(last_line), doc.line_offset(last_line + 1))
        elif kind == "disable-line":
            reach = (doc.line_offset(first_line - 1), doc.line_offset(last_line))
        else:
            reach = (doc.line_offset(first_line - 1), len(doc.text))
        yield Directive(kind, codes, start, end, node, *reach)


def _link_enables(doc: Document, found: list[Directive]) -> None:
    """End each ``disable`` at the ``enable`` comments after it (all codes, or the codes named)."""
    for i, directive in enumerate(found):
        if directive.kind != "disable":
            continue
        for later in found[i + 1 :]:
            if later.kind != "enable":
                continue
            if not later.codes:
                directive.reach_end = later.start
                break
            for code in later.codes:
                directive.ended.setdefault(code, later.start)


def suppress(
    found: list[Directive], violations: Iterable[Violation], *, only_code: str | None = None
) -> list[Violation]:
    """The violations no directive covers; marks the directives that covered one as used.

    With ``only_code``, only directives naming that code exactly count (for the
    unused-suppression rule's own reports, which a blanket directive must not hide).
    """
    kept = []
    for violation in violations:
        covered = False
        for directive in found:
            if directive.kind in ("enable", UNKNOWN) or (
                only_code is not None and only_code not in directive.codes
            ):
                continue
            key = directive.suppresses(violation)
            if key is not None:
                directive.used.add(key)
                covered = True
        if not covered:
            kept.append(violation)
    return kept


def unused(
    doc: Document,
    found: list[Directive],
    own_code: str,
    *,
    selected: Collection[str],
    known: Collection[str],
) -> Iterator[Finding]:
    """A finding for each directive with codes that suppressed nothing, with the fix that drops them.

    Codes of rules that did not run (not selected) cannot be judged and are let be;
    codes that name no rule at all are reported.
    """
    codes = _CodeJudge(selected, known)
    for directive in found:
        if directive.kind == "enable":
            continue
        if directive.kind == UNKNOWN:
            yield Finding(directive.start, directive.end, _misspelt_message(directive.codes[0]))
            continue
        idle = codes.idle(directive, own_code)
        if idle:
            yield _idle_finding(doc, directive, idle, [key for key in idle if codes.unknown(key)])


class _CodeJudge:
    """Which codes of a directive a run can judge unused: those of rules that ran, and those of
    no rule at all."""

    def __init__(self, selected: Collection[str], known: Collection[str]) -> None:
        self.selected, self.known = selected, known

    def judged(self, key: str) -> bool:
        return (
            key == ALL
            or any(code.startswith(key) for code in self.selected)
            or not any(code.startswith(key) for code in self.known)
        )

    def idle(self, directive: Directive, own_code: str) -> list[str]:
        """The directive's codes that suppressed nothing, of those a run can judge."""
        return [
            key
            for key in directive.keys
            if key not in directive.used and key != own_code and self.judged(key)
        ]

    def unknown(self, key: str) -> bool:
        return key != ALL and not any(code.startswith(key) for code in self.known)


def _idle_finding(
    doc: Document, directive: Directive, idle: list[str], strangers: list[str]
) -> Finding:
    """The finding for a directive whose ``idle`` codes suppressed nothing (``strangers``: those
    that name no rule): drop the comment when nothing of it is used, else just those codes."""
    because = f" ({', '.join(strangers)}: no such rule code or prefix)" if strangers else ""
    if len(idle) == len(directive.keys):
        message = (
            "Unused suppression comment: it suppresses nothing"
            if not directive.codes
            else f"Unused suppression comment: {', '.join(idle)} suppressed nothing{because}"
        )
        return Finding(directive.start, directive.end, message, (_remove_comment(doc, directive),))
    kept = " ".join(code for code in directive.codes if code not in idle)
    replacement = f"<!-- mdclean-{directive.kind} {kept} -->"
    return Finding(
        directive.start,
        directive.end,
        f"Unused code in suppression comment: {', '.join(idle)} suppressed nothing{because}",
        (Edit(directive.start, directive.end, replacement),),
    )


def _misspelt_message(kind: str) -> str:
    meant = _MEANT.get(kind) or next(
        (k for k in KINDS if k.replace("-", "") == kind.replace("-", "")), None
    )
    hint = (
        f"did you mean mdclean-{meant}?"
        if meant
        else f"the directives are mdclean-{', mdclean-'.join(KINDS)}"
    )
    return f"Unknown suppression directive mdclean-{kind}: it suppresses nothing ({hint})"


def _remove_comment(doc: Document, directive: Directive) -> Edit:
    start, end = doc.node_span(directive.node)
    if doc.text[start:end].lstrip(" \t>").rstrip() == doc.text[directive.start : directive.end]:
        return remove_blocks(doc, directive.node)  # the comment is the whole block
    return remove_span(doc, directive.start, directive.end)

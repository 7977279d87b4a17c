"""Where a raw text writes link targets, read before any parse (for the fast path).

A link's href is its written target with entities and escapes decoded and unsafe
characters percent-encoded; so a pattern loosened by ``base.loosened`` that matches
an href matches its written target, or the target decoded (``base.decoded``). Each regex here starts
with a literal, so a text is scanned quickly, and catches more than markdown-it
would call a target (a superset is safe: the parse decides).
"""

from __future__ import annotations

import re

from .base import decoded, per_text, searchable
from .healed_links import heal, may_need_healing
from .inline_links import target_openings

_DEFINITION = re.compile(r"\]:\s*<?(\S*)")  # [label]: target (the target may be on the next line)
_HREF = re.compile(r"""href\s*=\s*["']?([^"'\s>]*)""")  # <a href=...>
_SRC = re.compile(r"""src\s*=\s*["']?([^"'\s>]*)""")  # <img src=...>
_AUTOLINK = re.compile(r"<([a-z][a-z0-9+.-]{1,31}:[^<>\s]*)>")  # <https://...>


@per_text  # several rules read the targets of each text
def written_targets(lowered: str) -> tuple[str, ...]:
    """Every link target written in the lower-cased raw text (and some strings that are not)."""
    # Each regex starts with its literal: it finds its targets faster than ``in`` would tell
    # whether there are any.
    targets = target_openings(lowered) + _DEFINITION.findall(lowered)
    if may_need_healing(lowered):
        # the targets a converter wrapped or left spaced, as the rules read them healed
        targets += target_openings(heal(lowered))
    if "<" in lowered:
        targets += _HREF.findall(lowered) + _SRC.findall(lowered) + _AUTOLINK.findall(lowered)
    return tuple(targets)


@per_text
def targets_and_decoded(lowered: str) -> tuple[str, ...]:
    """The targets written in the text, and those spelt with entities or escapes decoded too;
    all lower-cased as the text is (an entity may spell a capital: ``&#83;ubscribe``), so
    that a trigger's literals, in lower case, stand in them wherever a pattern may match."""
    targets = written_targets(searchable(lowered))
    if not any("&" in t or "\\" in t for t in targets):
        return targets
    return (
        *targets,
        *(searchable(decoded(t).lower()) for t in targets if "&" in t or "\\" in t),
    )

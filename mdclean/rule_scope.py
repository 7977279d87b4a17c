"""Pages a rule leaves alone whatever its matcher finds: those whose front matter marks them.

A docs generator's page (Microsoft Learn's ``ms.date``, Docusaurus's ``sidebar_position``,
Just the Docs' ``nav_order``, Adobe's ``exl-id``) is written by its authors, not scraped from
a blog: its "Related articles" list is content, as a docs "See also" list is. A rule names
the phrase lists of such keys with ``skip-front-matter-keys`` (each key is matched whole,
ignoring case), and the engine does not run it on a page whose front matter has one.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .catalogue import Rule
    from .document import Document


def rules_in_scope(doc: Document, rules: tuple[Rule, ...]) -> tuple[Rule, ...]:
    """``rules`` without those the page's front matter keys put out of scope."""
    if not any(rule.skip_front_matter_keys for rule in rules):
        return rules
    keys = _front_matter_keys(doc)
    if not keys:
        return rules
    return tuple(rule for rule in rules if not _skips(rule, keys))


def _skips(rule: Rule, keys: tuple[str, ...]) -> bool:
    if not rule.skip_front_matter_keys:
        return False
    pattern = _keys_pattern(rule.skip_front_matter_keys)
    return pattern is not None and any(pattern.fullmatch(key) for key in keys)


def _front_matter_keys(doc: Document) -> tuple[str, ...]:
    from .frontmatter.block import locate  # here: only pages a scoped rule may run on read it
    from .frontmatter.data import key_spans

    block = locate(doc)
    return tuple(key_spans(block)) if block is not None else ()


@functools.cache
def _keys_pattern(lists: tuple[str, ...]) -> re.Pattern[str] | None:
    from .matchers.phrase_lists import phrase_pattern  # here: a warm run loads no matcher code

    alternation = phrase_pattern({"phrases": list(lists)})
    return re.compile(alternation, re.IGNORECASE) if alternation else None

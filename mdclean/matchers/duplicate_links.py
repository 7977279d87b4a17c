"""``duplicate-links``: a link list whose targets all appeared in an earlier link list.

A link list is a Markdown list of links, an HTML block of links, or a run of
paragraphs that are only links. Scraped pages often carry the same related
links twice (as link paragraphs, then again as a list): the later copy goes,
whatever its order, and the first stays. Lists of in-page anchors (a table of
contents shown twice) and of the repository's own ``.md`` files (a reference
page's "applies to" lists) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Any

from ..document import Document, Node
from ..fastpath.triggers import Trigger, all_of
from ..models import Finding
from ..removal import remove_blocks
from .base import Matcher
from .link_triggers import RepeatedTargets
from .linkblocks import Link, is_source_file_link, link_list

Group = tuple[Node, Node, list[Link]]


class DuplicateLinksMatcher(Matcher):
    name = "duplicate-links"
    params = MappingProxyType({"keywords": list, "min_links": int})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        self.min_links = int(params.get("min_links", 3))

    def costly_to_ask(self) -> bool:
        return True  # every link target of the raw text is read; ``find`` skips prose blocks at a glance

    def trigger(self) -> Trigger:
        """A keyword, then ``min_links`` targets, not all in-page anchors, each linked twice:
        a repeated list's targets all occur in the earlier list too."""
        return all_of(self.keyword_trigger(), RepeatedTargets(self.min_links))

    def find(self, doc: Document) -> Iterator[Finding]:
        seen: list[frozenset[str]] = []
        for first, last, links in link_groups(doc, doc.root):
            targets = frozenset(_target(link.href) for link in links)
            if len(targets) < self.min_links or all(
                t.startswith("#") or is_source_file_link(t) for t in targets
            ):
                continue  # a table of contents, or a docs page's cross-references repeated
            if any(targets <= earlier for earlier in seen):
                start, end = doc.node_span(first)[0], doc.node_span(last)[1]
                yield Finding(start, end, edits=(remove_blocks(doc, first, last),))
            seen.append(targets)


def link_groups(doc: Document, container: Node) -> Iterator[Group]:
    """Link lists in document order: whole lists, HTML link blocks, runs of link paragraphs."""
    run: list[Node] = []
    run_links: list[Link] = []

    def flush() -> Iterator[Group]:
        if run:
            yield run[0], run[-1], list(run_links)
        run.clear()
        run_links.clear()

    for child in container.children:
        links = link_list(doc, child)
        if links is not None and child.kind == "paragraph":
            run.append(child)
            run_links.extend(links)
            continue
        yield from flush()
        if links is not None:
            yield child, child, links
        elif child.is_container:
            yield from link_groups(doc, child)
    yield from flush()


def _target(href: str) -> str:
    return href.strip().rstrip("/")

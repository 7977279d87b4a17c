"""Checks on front matter that loads: its keys and their values.

``front-matter-duplicate-key``: a key written twice in one mapping (js-yaml and
Hugo refuse the block; others keep one value silently), reported with both lines.
``front-matter-date``: a value of a date key (``date-keys`` in the config) that is
not a real date, such as ``2018-15-30`` or ``tuesday``.
``front-matter-required-key``: keys the config's ``required-keys`` (or the rule's
``keys``) name, missing or empty.
``front-matter-link-list``: a value that is an HTML list of links (WordPress
related-posts plugins store them in front matter); the fix removes the key.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from ..document import Document
from ..frontmatter.block import FrontMatter, locate, offset
from ..frontmatter.boilerplate import is_link_list, may_hold_link_list
from ..frontmatter.data import key_spans, mapping
from ..frontmatter.dates import DEFAULT_DATE_KEYS, is_valid_date
from ..frontmatter.simple import simple_mapping
from ..frontmatter.yamlload import compose
from ..models import Edit, Finding
from .base import Matcher, ParamError

if TYPE_CHECKING:
    from ruamel.yaml.nodes import MappingNode, Node


def _loaded(doc: Document) -> tuple[FrontMatter, dict[str, Any]] | None:
    block = locate(doc)
    if block is None or not block.closed:
        return None
    data = mapping(block)
    return (block, data) if data is not None else None


def _key_finding(
    doc: Document,
    block: FrontMatter,
    span: tuple[int, int],
    message: str,
    edits: tuple[Edit, ...] | None = None,
) -> Finding:
    start = offset(doc, block, span[0])
    return Finding(start, doc.line_end(block.body_line + span[0]), message, edits)


def _at_keys(
    doc: Document,
    block: FrontMatter,
    keyed: Iterable[tuple[Any, str]],
    *,
    removable: bool = False,
) -> Iterator[Finding]:
    """A finding at each key named (with its message) that is written at the top level; where
    keys are written is read only for a first finding. A removable key's finding removes it."""
    spans: dict[str, tuple[int, int]] | None = None
    for key, message in keyed:
        if spans is None:
            spans = key_spans(block)
        if key not in spans:
            continue
        first, end = spans[key]
        edits = (Edit(offset(doc, block, first), offset(doc, block, end)),) if removable else None
        yield _key_finding(doc, block, (first, end), message, edits)


_KEYWORDS_ONLY = MappingProxyType({"keywords": list})


class FrontMatterDuplicateKeyMatcher(Matcher):
    name = "front-matter-duplicate-key"
    front_matter = True
    params = _KEYWORDS_ONLY

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or not _may_repeat_keys(block):
            return
        for key, first_line in _repeated_keys(_composed(block.body)):
            line = key.start_mark.line
            yield Finding(
                offset(doc, block, line, key.start_mark.column),
                doc.line_end(block.body_line + line),
                f"duplicate key {key.value!r} on lines {block.body_line + first_line + 1} "
                f"and {block.body_line + line + 1}: generators keep one of the values or fail",
            )


def _may_repeat_keys(block: FrontMatter) -> bool:
    """A closed YAML block that the simple reader cannot read (a simple body has no key twice)."""
    return block.format == "yaml" and block.closed and simple_mapping(block) is None


def _composed(body: str) -> Node | None:
    """The body's node tree; None when it does not parse (front-matter-yaml's to report)."""
    from ruamel.yaml.error import YAMLError  # here: only a body the simple reader refused

    try:
        node: Node = compose(body)
    except (YAMLError, RecursionError):
        return None
    return node


def _repeated_keys(root: Node | None) -> Iterator[tuple[Node, int]]:
    """Each string key written again in its mapping, with the line of its first writing
    (merge keys ``<<`` aside)."""
    for node in _mappings(root):
        first: dict[str, int] = {}
        for key, _ in node.value:
            if not isinstance(key.value, str) or key.value == "<<":
                continue
            if key.value in first:
                yield key, first[key.value]
            else:
                first[key.value] = key.start_mark.line


def _mappings(node: Node | None) -> Iterator[MappingNode]:
    from ruamel.yaml.nodes import MappingNode, SequenceNode

    if isinstance(node, MappingNode):
        yield node
        for key, value in node.value:
            yield from _mappings(key)
            yield from _mappings(value)
    elif isinstance(node, SequenceNode):
        for item in node.value:
            yield from _mappings(item)


class FrontMatterDateMatcher(Matcher):
    name = "front-matter-date"
    front_matter = True
    params = _KEYWORDS_ONLY

    def find(self, doc: Document) -> Iterator[Finding]:
        loaded = _loaded(doc)
        if loaded is None:
            return
        block, data = loaded
        date_keys = doc.config.date_keys if doc.config is not None else DEFAULT_DATE_KEYS
        wanted = {k.lower() for k in date_keys}
        invalid = (
            (key, f"{key}: {value!r} is not a valid date")
            for key, value in data.items()
            if _is_invalid_date(key, value, wanted)
        )
        yield from _at_keys(doc, block, invalid)


def _is_invalid_date(key: Any, value: Any, date_keys: set[str]) -> bool:
    """Whether the value of a date key is written and is not a date."""
    if not isinstance(key, str) or key.lower() not in date_keys:
        return False
    if value is None or value == "" or hasattr(value, "year"):  # empty, or a TOML date
        return False
    return not (isinstance(value, str) and is_valid_date(value))


class FrontMatterRequiredKeyMatcher(Matcher):
    name = "front-matter-required-key"
    front_matter = True
    params = MappingProxyType({"keywords": list, "keys": list})

    def __init__(self, params: Mapping[str, Any]) -> None:
        super().__init__(params)
        keys = params.get("keys", [])
        if not all(isinstance(k, str) for k in keys):
            raise ParamError("params.keys: expected a list of front matter keys")
        self.default_keys = tuple(keys)

    def find(self, doc: Document) -> Iterator[Finding]:
        keys = (doc.config.required_keys if doc.config is not None else ()) or self.default_keys
        if not keys:
            return
        block = locate(doc)
        if block is None:
            yield Finding(0, doc.line_end(0), f"no front matter; required keys: {', '.join(keys)}")
            return
        data = mapping(block) if block.closed else None
        if data is not None:  # (broken front matter is reported by the rules that parse it)
            yield from _lacking(doc, block, data, keys)


def _lacking(
    doc: Document, block: FrontMatter, data: dict[str, Any], keys: Sequence[str]
) -> Iterator[Finding]:
    """The required keys missing (one finding for all), then those left empty (one each)."""
    missing = [k for k in keys if k not in data]
    if missing:
        yield _missing_keys(doc, block, missing)
    empty = [key for key in keys if key in data and _empty(data[key])]
    yield from _at_keys(doc, block, ((key, f"required key {key} is empty") for key in empty))


def _missing_keys(doc: Document, block: FrontMatter, missing: list[str]) -> Finding:
    """One finding on the opening line for every required key the block lacks."""
    return Finding(
        doc.line_offset(block.open_line),
        doc.line_end(block.open_line),
        f"front matter lacks required key{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
    )


def _empty(value: Any) -> bool:
    return value is None or (
        isinstance(value, (str, list, dict))
        and not (value.strip() if isinstance(value, str) else value)
    )


class FrontMatterLinkListMatcher(Matcher):
    name = "front-matter-link-list"
    front_matter = True
    params = _KEYWORDS_ONLY

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if block is None or block.format != "yaml" or not may_hold_link_list(block.body):
            return
        loaded = _loaded(doc)
        if loaded is None:
            return
        block, data = loaded
        link_lists = (
            (key, f"{key} holds an HTML list of links, not post data")
            for key, value in data.items()
            if is_link_list(value)
        )
        yield from _at_keys(doc, block, link_lists, removable=True)

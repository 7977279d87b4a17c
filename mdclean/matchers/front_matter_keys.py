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

from collections.abc import Iterator, Mapping
from typing import Any

from ruamel.yaml.error import YAMLError
from ruamel.yaml.nodes import MappingNode, Node, SequenceNode

from ..document import Document
from ..frontmatter.block import FrontMatter, locate, offset
from ..frontmatter.boilerplate import is_link_list, may_hold_link_list
from ..frontmatter.data import key_spans, mapping
from ..frontmatter.dates import DEFAULT_DATE_KEYS, is_valid_date
from ..frontmatter.simple import simple_mapping
from ..frontmatter.yamlload import compose
from ..models import Edit, Finding
from .base import Matcher, ParamError


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


class FrontMatterDuplicateKeyMatcher(Matcher):
    name = "front-matter-duplicate-key"
    params = {"keywords": list}

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if (
            block is None
            or block.format != "yaml"
            or not block.closed
            or simple_mapping(block) is not None
        ):
            return  # (a simple body has no key twice)
        try:
            root = compose(block.body)
        except (YAMLError, RecursionError):
            return  # broken YAML is front-matter-yaml's to report
        for node in _mappings(root):
            first: dict[str, int] = {}
            for key, _ in node.value:
                if not isinstance(key.value, str) or key.value == "<<":
                    continue
                line = key.start_mark.line
                if key.value in first:
                    start = offset(doc, block, line, key.start_mark.column)
                    yield Finding(
                        start,
                        doc.line_end(block.body_line + line),
                        f"duplicate key {key.value!r} on lines {block.body_line + first[key.value] + 1} "
                        f"and {block.body_line + line + 1}: generators keep one of the values or fail",
                    )
                else:
                    first[key.value] = line


def _mappings(node: Node | None) -> Iterator[MappingNode]:
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
    params = {"keywords": list}

    def find(self, doc: Document) -> Iterator[Finding]:
        loaded = _loaded(doc)
        if loaded is None:
            return
        block, data = loaded
        date_keys = doc.config.date_keys if doc.config is not None else DEFAULT_DATE_KEYS
        wanted = {k.lower() for k in date_keys}
        spans: dict[str, tuple[int, int]] | None = (
            None  # where keys are written: only for a finding
        )
        for key, value in data.items():
            if not isinstance(key, str) or key.lower() not in wanted:
                continue
            if value is None or value == "" or hasattr(value, "year"):  # empty, or a TOML date
                continue
            if isinstance(value, str) and is_valid_date(value):
                continue
            if spans is None:
                spans = key_spans(block)
            if key not in spans:
                continue
            yield _key_finding(doc, block, spans[key], f"{key}: {value!r} is not a valid date")


class FrontMatterRequiredKeyMatcher(Matcher):
    name = "front-matter-required-key"
    params = {"keywords": list, "keys": list}

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
        if data is None:
            return  # broken front matter is reported by the rules that parse it
        missing = [k for k in keys if k not in data]
        if missing:
            start = doc.line_offset(block.open_line)
            yield Finding(
                start,
                doc.line_end(block.open_line),
                f"front matter lacks required key{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            )
        empty = [key for key in keys if key in data and _empty(data[key])]
        spans = key_spans(block) if empty else {}
        for key in empty:
            if key in spans:
                yield _key_finding(doc, block, spans[key], f"required key {key} is empty")


def _empty(value: Any) -> bool:
    return value is None or (
        isinstance(value, (str, list, dict))
        and not (value.strip() if isinstance(value, str) else value)
    )


class FrontMatterLinkListMatcher(Matcher):
    name = "front-matter-link-list"
    params = {"keywords": list}

    def find(self, doc: Document) -> Iterator[Finding]:
        block = locate(doc)
        if (
            block is None
            or block.format != "yaml"
            or not may_hold_link_list(block.body)
        ):
            return
        loaded = _loaded(doc)
        if loaded is None:
            return
        block, data = loaded
        spans: dict[str, tuple[int, int]] | None = (
            None  # where keys are written: only for a finding
        )
        for key, value in data.items():
            if not is_link_list(value):
                continue
            if spans is None:
                spans = key_spans(block)
            if key not in spans:
                continue
            first, end = spans[key]
            edit = Edit(offset(doc, block, first), offset(doc, block, end))
            yield _key_finding(
                doc,
                block,
                (first, end),
                f"{key} holds an HTML list of links, not post data",
                (edit,),
            )

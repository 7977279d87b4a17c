"""The document's shortcuts (lazy positions, shared per-document data) give exactly what the
plain computation gives."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from mdclean.document import Document
from mdclean.markup import scan_elements


def _reference_line_starts(text: str) -> list[int]:
    starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]
    if starts[-1] == len(text) and len(starts) > 1:
        starts.pop()
    return starts


@given(st.text(alphabet="ab\r\n", max_size=40))
def test_line_positions_agree_however_they_are_worked_out(text: str) -> None:
    counted_first = Document(text)
    assert counted_first.line_count == len(_reference_line_starts(text))
    assert counted_first.line_starts == _reference_line_starts(text)
    listed_first = Document(text)
    assert listed_first.line_starts == _reference_line_starts(text)
    assert listed_first.line_count == len(_reference_line_starts(text))


def test_line_starts_wait_until_a_position_is_needed() -> None:
    doc = Document("# Title\n\n- a\n- b\n")
    assert doc.root.children and doc._lines._starts is None
    assert doc.position(9) == (3, 1)
    assert doc.line_starts == [0, 8, 9, 13]


def test_leaves_and_nodes_are_those_of_the_tree() -> None:
    doc = Document("# T\n\n- a\n\n  > q\n- b\n\n<div>x</div>\n\n```\nc\n```\n")

    def walk(node):
        for child in node.children:
            yield child
            yield from walk(child)

    every = list(walk(doc.root))
    assert list(doc.nodes()) == every
    assert list(doc.leaves()) == [n for n in every if not n.children and not n.is_container]
    assert [n.kind for n in doc.leaves("paragraph", "fence")] == [
        "paragraph",
        "paragraph",
        "paragraph",
        "fence",
    ]
    assert list(doc.leaves("paragraph", "fence")) == list(
        doc.leaves("paragraph", "fence")
    )  # asked twice


def test_block_content_maps_to_the_source_when_asked() -> None:
    doc = Document("> - first line\n>   second line\n")
    node = next(doc.leaves("paragraph"))
    content = doc.content(node)
    assert content is not None and content.text == "first line\nsecond line"
    assert (content.line_starts, content.source_starts, content.exact) == ((0, 11), (4, 19), True)
    assert doc.text[content.to_source(11) : content.to_source(17)] == "second"


def test_scanned_elements_are_a_fresh_list_each_time() -> None:
    text = '<div class="ad"><ins></ins></div>'
    first = scan_elements(text)
    first.clear()
    assert [e.name for e in scan_elements(text)] == ["div", "ins"]

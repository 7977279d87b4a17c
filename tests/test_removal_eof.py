"""A block removed at the end of a file without a final line break, after code: the seam keeps
the code block's own line break (the guard rightly refuses to touch code), so the fix is made."""

from __future__ import annotations

import pytest

from mdclean import guard
from mdclean.document import Document
from mdclean.edits import apply_edits
from mdclean.removal import remove_blocks


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Intro text.\n\n```\ncode\n```\n\nShare this post", "Intro text.\n\n```\ncode\n```\n"),
        ("Intro text.\n\n```\ncode\n```\nShare this post", "Intro text.\n\n```\ncode\n```\n"),
        ("Intro.\n\n~~~python\ncode\n~~~\n\n\nShare", "Intro.\n\n~~~python\ncode\n~~~\n"),
        ("Intro.\n\n    indented code\n\nShare", "Intro.\n\n    indented code\n"),
        ("Intro.\n\n```\ncode\n```\n\n- a\n- b", "Intro.\n\n```\ncode\n```\n"),
        ("- item\n\n  ```\n  x\n  ```\n\nShare", "- item\n\n  ```\n  x\n  ```\n"),
        # After prose the file still ends without a line break, as it did.
        ("Intro text.\n\nShare this post", "Intro text."),
        ("Intro text.\n\nShare this post\n", "Intro text.\n"),
        ("Intro.\n\n```\ncode\n```\n\nShare\n", "Intro.\n\n```\ncode\n```\n"),
    ],
)
def test_the_last_block_goes_and_what_stays_renders_as_before(text: str, kept: str) -> None:
    doc = Document(text)
    edit = remove_blocks(doc, doc.root.children[-1])
    fixed = apply_edits(text, [edit])
    assert fixed == kept
    assert guard.check(doc, Document(fixed), [edit]) is None

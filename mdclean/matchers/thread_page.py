"""Whether a page is a forum thread, as the thread rules found it (shared by the rules of one pass).

On a thread page the posts are the article, and they are short: a reply of one line between
two posts' chrome is text, not a theme's widget between two others. The rules that prove a
page a thread (a thread engine's template strings, two or more posts' headers) say so here,
and ``chrome-tail``, which runs after them on the same document, leaves such a page alone.
"""

from __future__ import annotations

from ..document import Document

_KEY = "thread-page"


def mark_thread(doc: Document) -> None:
    """Records that a rule proved the page a forum thread."""
    doc.shared(_KEY)["thread"] = True


def is_thread(doc: Document) -> bool:
    """Whether a rule that ran before on this document proved it a forum thread."""
    return bool(doc.shared(_KEY).get("thread", False))

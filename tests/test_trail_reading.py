"""BP185's breadcrumb reading (``trail_reading.breadcrumb``): trails in any form, and the
look-alikes that are no trail (a list of sites, a sentence between links, a last part that
names another page)."""

from __future__ import annotations

import pytest

from mdclean.document import Document
from mdclean.matchers.trail_reading import breadcrumb, folded

TITLE = folded("Backups mit restic")


def _first_block(text: str) -> tuple[Document, bool]:
    doc = Document(text)
    return doc, breadcrumb(doc, doc.root.children[0], {TITLE})


@pytest.mark.parametrize(
    "text",
    [
        "1. [Start](https://firma.example.de/)\n2. [Blog](https://firma.example.de/blog/)\n3. Backups mit restic\n",
        "[Home](https://www.example.com.br/blog) » [Linux](https://www.example.com.br/blog/linux/) » Backups mit restic\n",
        "* [Home](https://news.example.it)\n* [News](https://news.example.it/news/)\n",
        "- [首页](/)\n- [技术](/tech/)\n",
        "1. [HOME](https://blog.example.jp/)\n2. Backups mit restic: ein Leitfaden\n",
    ],
)
def test_trails(text: str) -> None:
    assert _first_block(text)[1]


@pytest.mark.parametrize(
    "text",
    [
        # home pages of several sites: a list of services
        "1. [GitHub](https://github.com/)\n2. [GitLab](https://gitlab.com/)\n3. Backups mit restic\n",
        # the first link is no home page
        "1. [Blog](https://firma.example.de/blog/)\n2. Backups mit restic\n",
        # words between the links: a sentence
        "[Home](https://firma.example.de/) is where [the blog](https://firma.example.de/blog/) lives\n",
        # the last part names another page
        "1. [Start](https://firma.example.de/)\n2. Kontakt und Anfahrt\n",
        # a second link to another site
        "* [Home](https://firma.example.de/)\n* [Docs](https://restic.readthedocs.io/)\n",
    ],
)
def test_no_trails(text: str) -> None:
    assert not _first_block(text)[1]

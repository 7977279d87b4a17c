"""Documentation pages whose link lists look like junk to a scraper's eye, and are content.

Each shape was met on real docs repositories (reference pages, DocFX includes, sample lists);
the pages here are written for the test. Every one must come out of ``--fix --unsafe-fixes``
byte for byte, alone and as a site whose pages repeat the same include.
"""

from __future__ import annotations

import pytest

import mdclean
from mdclean.config import Config
from mdclean.site.learning import learn_texts

RELATED_SOURCE_FILES = """\
# Collection classes

The following classes store arrays, lists and maps.

- [ArrayStore](../store/array-store.md) keeps an array.
- [ListStore](../store/list-store.md) keeps a list.

## Related articles

[Collections overview](../store/overview.md)

[Choosing a store](../store/choosing.md#by-size)
"""

APPLIES_TO_LISTS = """\
# Clauses

## default

Sets how unscoped variables behave.

`default` applies to the following directives:

- [parallel](directives.md#parallel)
- [for](directives.md#for)
- [sections](directives.md#sections)

## shared

Shares variables among threads.

`shared` applies to the following directives:

- [parallel](directives.md#parallel)
- [for](directives.md#for)
- [sections](directives.md#sections)
"""

SAMPLES_IN_ONE_FOLDER = """\
# Consumer templates

The samples below show the consumer templates at work.

- [CatalogReader](https://github.com/contoso/samples/tree/main/Data/Consumer)

- [TableViewer](https://github.com/contoso/samples/tree/main/Data/Consumer)

- [MultiReader](https://github.com/contoso/samples/tree/main/Data/Consumer)
"""

OTHER_RESOURCES = """\
# Publish with the CI

Push the branch and the workflow publishes the site.

## Other resources

- [Learn more about build workflows](https://docs.forge.example.org/actions/overview)
- [Caching dependencies to speed up workflows](https://docs.forge.example.org/actions/caching)
- [Manage a custom domain for your pages site](https://docs.forge.example.org/pages/domains)
"""

PAGES = {
    "related articles over .md files": RELATED_SOURCE_FILES,
    "applies-to lists repeated": APPLIES_TO_LISTS,
    "samples in one repository folder": SAMPLES_IN_ONE_FOLDER,
    "other resources": OTHER_RESOURCES,
}


@pytest.mark.parametrize("text", PAGES.values(), ids=list(PAGES))
def test_a_docs_page_is_left_as_it_is_even_with_unsafe_fixes(text: str) -> None:
    assert mdclean.lint(text) == []
    assert mdclean.fix(text, unsafe=True).text == text


CLASSES = ("Array", "Buffer", "Cache", "Deque", "Event", "Frame", "Graph", "Heap")


def include_page(name: str) -> str:
    return (
        f"# The {name} class\n\n"
        "[!INCLUDE[lifecycle](includes/lifecycle-note.md)]\n\n"
        "> [!NOTE]\n> The class library is still supported; new code may prefer the modern one.\n\n"
        '::: moniker range=">=v2"\n\n'
        f"{name} keeps what the caller hands it.\n\n"
        "::: moniker-end\n\n"
        '--8<-- "snippets/support.md"\n'
    )


def test_docs_toolchain_includes_alerts_and_fences_on_every_page_are_not_site_chrome() -> None:
    pages = [include_page(name) for name in CLASSES]
    config = Config(site_template=learn_texts(pages))
    for page in pages:
        assert mdclean.lint(page, config=config) == []
        assert mdclean.fix(page, config=config, unsafe=True).text == page

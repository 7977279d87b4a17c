"""The ``--diff --output-format html`` review page, rendered by real headless Chromium."""

from __future__ import annotations

import importlib.util
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean.cli import main

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
# A removed block that holds a script and a remote image, and kept text that names page-ending tags.
HOSTILE_AD = (
    '<div class="adsbygoogle"><script>document.title = "scripted"</script>'
    '<img src="http://example.org/pixel.gif"></div>'
)
POSTS = {
    "site-a/first.md": f"# First\n\nKept text before the ad.\n\n{AD}\n\nKept text after the ad.\n",
    "site-a/second.md": f"# Second\n\nA post that says `</script>` and `</html>` in code.\n\n{HOSTILE_AD}\n\n"
    "The end.\n",
    "site-b/review.md": "# Hubs\n\nThe hub packs a punch.\n\n[View On Amazon $56](https://www.amazon.com/dp/B005NGQWL2/"
    "?tag=example-20) [View On Anker $75](https://us.anker.com/products/a7510)\n\nBuy it.\n",
    "site-b/clean.md": "# Clean\n\nNothing to remove.\n",
}


def render(folder: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        main, ["--no-cache", "--diff", "--output-format", "html", *extra, str(folder)]
    )
    return result.exit_code, result.stdout


@pytest.fixture
def posts(tmp_path: Path) -> Path:
    for name, text in POSTS.items():
        (tmp_path / "posts" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "posts" / name).write_text(text, encoding="utf-8")
    return tmp_path / "posts"


def test_the_page_is_one_self_contained_document_with_the_summary(posts: Path) -> None:
    code, page = render(posts, "--unsafe-fixes")
    assert code == 1  # --diff: something would change
    assert page.startswith("<!DOCTYPE html>") and page.endswith("</html>\n")
    assert "default-src 'none'" in page  # the browser may fetch nothing
    assert not re.search(
        r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page.split('<script id="meta"')[0]
    )
    numbers = dict(re.findall(r'<td class="n" id="(\w+)">(\d+)</td>', page))
    assert numbers == {
        "files": "4",
        "changed": "3",
        "removed": "3",
        "safe": "2",
        "unsafe": "1",
        "left": "0",
        "errors": "0",
    }
    assert (
        page.count("</script>") == 3 and page.count("<script") == 3
    )  # its own two data blocks and its code
    assert "</html>" not in page[: -len("</html>\n")]


def test_without_unsafe_fixes_the_page_shows_only_safe_removals(posts: Path) -> None:
    page = render(posts)[1]
    assert dict(re.findall(r'<td class="n" id="(\w+)">(\d+)</td>', page))["unsafe"] == "0"
    assert "safe fixes only" in page


def test_html_goes_with_diff(posts: Path) -> None:
    result = CliRunner().invoke(main, ["--output-format", "html", str(posts)])
    assert result.exit_code == 2 and "use it with --diff" in result.stderr


def browser_path() -> str | None:
    return next(
        (
            shutil.which(b)
            for b in ("chromium", "chromium-browser", "google-chrome")
            if shutil.which(b)
        ),
        None,
    )


needs_browser = pytest.mark.skipif(
    browser_path() is None or importlib.util.find_spec("playwright") is None,
    reason="no chromium (apt-get install chromium) or no playwright: the page is not rendered in a browser",
)


def open_in_chromium(
    page: Path, screenshot: Path | None = None
) -> tuple[str, list[str], dict[str, str]]:
    """The rendered DOM, every URL the page requested, and what the page shows where it matters."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path(), args=["--no-sandbox"])
        try:
            tab = browser.new_page()
            requests: list[str] = []
            tab.on("request", lambda request: requests.append(request.url))
            tab.goto(page.as_uri(), wait_until="load")
            tab.wait_for_timeout(300)  # anything the page would fetch late
            shown = {
                "title": tab.title(),
                "page": tab.inner_text("#page"),
                "removed": tab.inner_text("#removed"),
            }
            tab.click("details.file >> nth=0")
            shown["first open"] = tab.inner_text("details.file >> nth=0")
            dom = tab.content()
            tab.select_option(
                "#folder", label=tab.eval_on_selector("#folder option:nth-child(3)", "o => o.value")
            )
            shown["after folder filter"] = tab.inner_text("#page")
            tab.select_option("#folder", value="")
            tab.select_option("#rule", value="AD009")
            shown["after rule filter"] = tab.inner_text("#page")
            if screenshot is not None:
                tab.screenshot(path=str(screenshot), full_page=True)
            return dom, requests, shown
        finally:
            browser.close()


@needs_browser
def test_chromium_shows_the_summary_and_removals_filters_and_fetches_nothing(
    posts: Path, tmp_path: Path
) -> None:
    page = tmp_path / "review.html"
    page.write_text(render(posts, "--unsafe-fixes")[1], encoding="utf-8")
    dom, requests, shown = open_in_chromium(page)
    assert requests == [page.as_uri()]  # the page itself, and nothing else
    assert shown["title"] == "mdclean review"  # the post's script never ran
    assert shown["removed"] == "3"
    assert shown["page"] == "page 1 of 1 (3 files)"  # the script listed the changed files
    files = re.findall(r'<details class="file"(?: open="")?><summary>([^<]*)<', dom)
    assert [Path(f).relative_to(posts).as_posix() for f in files] == [
        "site-a/first.md",
        "site-a/second.md",
        "site-b/review.md",
    ]
    # A removal in place, with its rule and the kept text around it.
    assert shown["first open"].splitlines()[:2] == [
        f"{posts / 'site-a' / 'first.md'}AD001",
        "line 2 \u2014 removed by AD001",
    ]
    assert (
        '<div class="ctx">Kept text before the ad.</div><div class="ctx"></div>'
        f'<div class="del">{AD.replace("<", "&lt;").replace(">", "&gt;")}</div>'
    ) in dom
    assert shown["after folder filter"] == "page 1 of 1 (1 files)"  # site-b: one changed file
    assert shown["after rule filter"] == "page 1 of 1 (1 files)"
    # The hostile post is text on the page: its script and image are shown, not run nor loaded.
    assert '&lt;script&gt;document.title = "scripted"&lt;/script&gt;' in dom
    assert "`&lt;/script&gt;` and `&lt;/html&gt;`" in dom


@needs_browser
def test_the_request_probe_sees_a_page_that_fetches(tmp_path: Path) -> None:
    # The check above is only worth something if a fetching page is caught.
    from playwright.sync_api import sync_playwright

    page = tmp_path / "fetching.html"
    page.write_text('<!DOCTYPE html><img src="http://127.0.0.1:9/pixel.gif">', encoding="utf-8")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=browser_path(), args=["--no-sandbox"])
        tab = browser.new_page()
        requests: list[str] = []
        tab.on("request", lambda request: requests.append(request.url))
        tab.goto(page.as_uri(), wait_until="load")
        browser.close()
    assert requests == [page.as_uri(), "http://127.0.0.1:9/pixel.gif"]

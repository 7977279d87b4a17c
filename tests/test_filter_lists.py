"""Filter lists (AD011-AD014): the engine, its cache, the configuration keys and what they find."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_settings import run, write

import mdclean
from mdclean import css_selectors, filterlists
from mdclean.models import Applicability

AD_IMAGE = (
    "![](https://servedby.flashtalking.com/imp/8/123456;7890;201;gif;ExampleSite;Banner728x90/?)"
)
USER_LIST = "! Title: my list\n||ads.example-cdn.test^$image\n"
USER_AD = "![](https://ads.example-cdn.test/banner.png)"


def codes(text: str, config: mdclean.Config | None = None) -> list[str]:
    return [v.code for v in mdclean.lint(text, config=config)]


# -- what the rules find ----------------------------------------------------------------------


def test_an_ad_inside_a_sentence_is_an_unsafe_fix() -> None:
    text = f"Read this {AD_IMAGE} and go on.\n"
    [violation] = mdclean.lint(text)
    assert violation.code == "AD011" and violation.fix is not None
    assert violation.fix.applicability is Applicability.UNSAFE
    assert mdclean.fix(text).text == text
    assert mdclean.fix(text, unsafe=True).text == "Read this and go on.\n"


def test_a_unit_an_older_rule_finds_is_left_to_it() -> None:
    adsense = (
        '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js"></script>\n'
        '<ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-1" data-ad-slot="2"></ins>\n'
    )
    text = f"Text.\n\n{adsense}\nMore.\n"
    assert codes(text) == ["AD001"]  # the loader and its <ins> are one unit
    # The unit stays AD001's when AD001 is not selected or ignored: ignoring it keeps AdSense.
    only_lists = mdclean.Config(select=("AD011", "AD012", "AD013", "AD014"))
    assert codes(text, only_lists) == []
    assert codes(text, mdclean.Config(ignore=("AD001",))) == []
    # A unit no older rule knows is the filter lists' (the loader, the slot of an unknown network).
    other = (
        'Text.\n\n<script async src="https://js.adsrvr.org/up_loader.1.1.0.js"></script>\n\nMore.\n'
    )
    assert codes(other) == ["AD011"]
    assert mdclean.fix(other).text == "Text.\n\nMore.\n"


def test_crlf_and_neighbours_stay_byte_for_byte() -> None:
    text = f"\ufeffFirst.\r\n\r\n{AD_IMAGE}\r\n\r\n    code stays\r\n"
    assert mdclean.fix(text).text == "\ufeffFirst.\r\n\r\n    code stays\r\n"


def test_links_alone_and_relative_banner_links_are_not_evidence() -> None:
    text = (
        "See [FullStory's blog](https://blog.fullstory.com/replay/) and "
        "[the ad server](https://servedby.flashtalking.com/imp/8/1;2;3;gif;Site;Banner/?).\n\n"
        '<a href="/ads/overview"><img src="diagram.png" alt="How our ads work"></a>\n'
    )
    assert codes(text) == []


def test_the_page_named_in_front_matter_owns_its_images() -> None:
    # EasyPrivacy blocks fullstory.com as a third party; on FullStory's own blog its images are content.
    body = "Text.\n\n![](https://blog.fullstory.com/images/replay.png)\n"
    assert codes(body) == ["AD012"]
    for front in (
        '---\ntitle: Replay\nsource: "https://blog.fullstory.com/replay/"\n---\n\n',
        '+++\nurl = "https://www.fullstory.com/blog/replay/"\n+++\n\n',
    ):
        assert codes(front + body) == [], front


def test_the_page_own_images_are_first_party() -> None:
    # Relative URLs resolve against the page itself: a path that only third-party rules name stays.
    assert filterlists.web_request("img/x.png") == (
        "https://page.invalid/img/x.png",
        "page.invalid",
        False,
    )
    assert filterlists.web_request("//cdn.example.com/x.png") == (
        "https://cdn.example.com/x.png",
        "cdn.example.com",
        True,
    )
    assert filterlists.web_request("data:image/png;base64,AAAA") is None
    assert filterlists.web_request("#top") is None


def test_adblock_is_not_imported_for_files_without_candidates() -> None:
    program = (
        "import sys, mdclean\n"
        "mdclean.lint('# Title\\n\\nProse with [a link](https://blog.fullstory.com/x) and <br> a break.\\n')\n"
        "print('adblock' in sys.modules)\n"
        "mdclean.lint('Text.\\n\\n![](https://example.com/diagram.png)\\n')\n"
        "print('adblock' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", program],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ},
    )
    assert done.stdout.split() == ["False", "True"]


# -- the engine's cache -------------------------------------------------------------------------


def test_engine_is_built_once_then_loaded_from_its_serialized_form(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import adblock

    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "engines"))
    user = write(tmp_path / "mine.txt", USER_LIST)
    engine = filterlists.load_engine([user])
    [cached] = (tmp_path / "engines").glob("engine-*.dat")

    def no_build(*args: object, **kwargs: object) -> None:
        raise AssertionError("built again")

    monkeypatch.setattr(adblock.FilterSet, "add_filter_list", no_build, raising=False)
    again = filterlists.load_engine([user])
    url = "https://ads.example-cdn.test/b.png"
    for loaded in (engine, again):
        assert loaded.check_network_urls(url, "https://page.invalid/", "image").matched
    # Another content is another key: the list is built (here: refused) instead of loaded.
    write(user, USER_LIST + "||more.example-cdn.test^\n")
    with pytest.raises(AssertionError, match="built again"):
        filterlists.load_engine([user])
    cached.write_bytes(b"not an engine")  # a damaged file is rebuilt, not an error
    monkeypatch.undo()
    monkeypatch.setenv("MDCLEAN_ENGINE_CACHE_DIR", str(tmp_path / "engines"))
    write(user, USER_LIST)
    assert (
        filterlists.load_engine([user])
        .check_network_urls(url, "https://page.invalid/", "image")
        .matched
    )


def test_result_cache_key_covers_the_lists_contents(tmp_path: Path) -> None:
    user = write(tmp_path / "mine.txt", USER_LIST)
    before = mdclean.Config(filter_lists=(user,)).fingerprint()
    write(user, USER_LIST + "||more.example-cdn.test^\n")
    assert mdclean.Config(filter_lists=(user,)).fingerprint() != before
    assert (
        mdclean.Config(builtin_filter_lists=False).fingerprint() != mdclean.Config().fingerprint()
    )


# -- configuration ------------------------------------------------------------------------------


def test_user_lists_are_read_relative_to_the_config_and_builtin_ones_can_be_turned_off(
    tmp_path: Path,
) -> None:
    write(tmp_path / "lists" / "mine.txt", USER_LIST)
    post = write(tmp_path / "blog" / "post.md", f"Text.\n\n{USER_AD}\n\n{AD_IMAGE}\n\nEnd.\n")
    write(tmp_path / ".mdclean.toml", 'filter-lists = ["lists/mine.txt"]\n')
    status, out, _ = run(tmp_path, "--select", "AD011", "blog")
    assert status == 1 and out.count("AD011") == 2
    write(
        tmp_path / ".mdclean.toml",
        'filter-lists = ["lists/mine.txt"]\nbuiltin-filter-lists = false\n',
    )
    assert run(tmp_path, "--select", "AD011", "--fix", "blog")[0] == 0
    assert post.read_text(encoding="utf-8") == f"Text.\n\n{AD_IMAGE}\n\nEnd.\n"


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            'filter-lists = "lists/mine.txt"',
            "filter-lists: expected a list of Adblock Plus filter list files",
        ),
        ("builtin-filter-lists = 1", "builtin-filter-lists: expected true or false, got a number"),
        ('filter-lists = ["lists/missing.txt"]', "filter-lists: "),
    ],
)
def test_bad_filter_list_settings_are_one_line_errors(
    tmp_path: Path, setting: str, message: str
) -> None:
    write(tmp_path / "post.md", "Text.\n")
    write(tmp_path / ".mdclean.toml", setting + "\n")
    status, out, err = run(tmp_path, "post.md")
    assert status == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and message in err and "Traceback" not in err
    if "missing" in setting:
        assert "lists/missing.txt: cannot read filter list" in err


# -- selectors ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "tag", "attrs", "expected"),
    [
        (
            "ins.adsbygoogle[data-ad-slot]",
            "ins",
            {"class": "adsbygoogle x", "data-ad-slot": "1"},
            True,
        ),
        ("ins.adsbygoogle[data-ad-slot]", "ins", {"class": "adsbygoogle"}, False),
        ('div[id^="div-gpt-"]', "div", {"id": "div-gpt-ad-1"}, True),
        ('a[href*="/jump/next.php?r="]', "a", {"href": "https://x.test/jump/next.php?r=1"}, True),
        (".ad.leaderboard", "div", {"class": "leaderboard"}, False),
        ("#sidebar-ad", "aside", {"id": "sidebar-ad"}, True),
        ("display-ads", "display-ads", {}, True),
        ('[href^="https://mystore.com/"] > img', "img", {"href": "https://mystore.com/"}, False),
    ],
)
def test_compound_selectors(selector: str, tag: str, attrs: dict[str, str], expected: bool) -> None:
    assert bool(css_selectors.matching([selector], tag, attrs)) is expected


def test_attributes_of_an_opening_tag() -> None:
    assert css_selectors.attributes('<ins class="a b" data-ad-slot=12 hidden>') == {
        "class": "a b",
        "data-ad-slot": "12",
        "hidden": "",
    }


# -- markup slips -------------------------------------------------------------------------------


def test_an_attribute_straight_after_a_quoted_value_still_belongs_to_the_tag() -> None:
    # A stray character after a quoted value: a browser reads on, so the unit is still an ad.
    text = (
        'まえがき。\n\n<ins class="adsbygoogle"\nstyle="display:block"ｌｓ\n'
        'data-ad-client="ca-pub-0000000000000000"\ndata-ad-slot="1111111111"></ins>\n\n本文。\n'
    )
    assert codes(text) == ["AD001"]
    assert mdclean.fix(text).text == "まえがき。\n\n本文。\n"


def test_an_ad_class_on_a_box_of_prose_is_not_enough() -> None:
    slot = '<div data-wpas-zoneid="3">{}</div>'
    assert codes("Text.\n\n" + slot.format("Try our product.") + "\n") == ["AD013"]
    article = " ".join(["This paragraph is part of the article and must stay where it is."] * 8)
    assert codes("Text.\n\n" + slot.format(article) + "\n") == []

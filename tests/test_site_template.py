"""Site profiles and TPL001 on small sites built here: what a site repeats, and what it must keep."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

import mdclean
from mdclean.cli import main
from mdclean.config import Config
from mdclean.settings import Resolver
from mdclean.site import learning
from mdclean.site.blocks import digest, file_digests
from mdclean.site.editor import EditorSites
from mdclean.site.learning import learn_texts
from mdclean.site.profile import block_counts, build_template

LONG_AGO = 1_600_000_000
FOLLOW = "微信扫一扫 关注该公众号"
SHARE_NOTICE = "Written in the mountains, one season at a time."


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["-j", "1", *args])
    return result.exit_code, result.stdout, result.stderr


WORDS = (
    "apple",
    "birch",
    "cedar",
    "daisy",
    "elder",
    "fern",
    "gorse",
    "hazel",
    "iris",
    "juniper",
    "kale",
    "lilac",
    "maple",
    "nettle",
    "olive",
    "poppy",
    "quince",
    "rowan",
    "sage",
    "thyme",
    "umbel",
    "violet",
)


def scraped_page(number: int) -> str:
    word = WORDS[number]
    return (
        f"# On {word}\n\nThe article's own text about {word} says something new.\n\n"
        f"A second paragraph on {word}.\n\n{FOLLOW}\n\n{SHARE_NOTICE}\n"
    )


def scraped_site(folder: Path, pages: int = 6) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for number in range(1, pages + 1):
        path = folder / f"post-{number}.md"
        path.write_text(scraped_page(number), encoding="utf-8")
        paths.append(path)
    return paths


NOUNS = ("Alias", "Content", "Date", "Item", "Location", "Member", "Process", "Service")


def docs_page(noun: str) -> str:
    return (
        f"---\ntitle: Get-{noun}\n---\n\n{{{{< toc >}}}}\n\n# Get-{noun}\n\n"
        f"Gets the {noun.lower()} objects of the session.\n\n## Parameters\n\n"
        "This cmdlet supports the common parameters: -Debug, -ErrorAction and -Verbose.\n\n"
        f"## Examples\n\n```powershell\nGet-{noun} -Name x\n```\n\n"
        "<!-- Old headings. Do not remove: other pages link to them. -->\n\n"
        "</Listing>\n\n## See also\n\n- [Overview](overview.md)\n- [Set-Thing](set-thing.md)\n"
    )


def test_a_docs_site_keeps_its_repeated_headings_toc_tags_standard_text_and_see_also_lists(
    tmp_path: Path,
) -> None:
    site = tmp_path / "docs"
    site.mkdir()
    (site / ".mdclean.toml").write_text("")
    pages = {site / f"get-{noun.lower()}.md": docs_page(noun) for noun in NOUNS}
    for path, text in pages.items():
        path.write_text(text)
    assert run("--no-cache", "--select", "TPL001", str(site)) == (0, "", "")
    run("--no-cache", "--fix", "--unsafe-fixes", str(site))
    assert {path: path.read_text() for path in pages} == pages


def test_scraped_chrome_goes_in_any_language_and_every_other_byte_stays(tmp_path: Path) -> None:
    site = tmp_path / "crawl"
    scraped_site(site)
    crlf = site / "post-7.md"
    crlf.write_bytes(b"\xef\xbb\xbf" + scraped_page(7).replace("\n", "\r\n").encode())
    code, out, _ = run("--no-cache", "--select", "TPL001", str(site))
    assert code == 1
    assert (
        f"{site / 'post-1.md'}:7:1: TPL001 Site template block (on 7 of the site's 7 pages)" in out
    )
    run("--no-cache", "--fix", "--unsafe-fixes", str(site))
    assert (
        (site / "post-1.md").read_text()
        == "# On birch\n\nThe article's own text about birch says something new.\n\nA second paragraph on birch.\n"
    )
    assert crlf.read_bytes() == b"\xef\xbb\xbf" + (
        b"# On hazel\r\n\r\nThe article's own text about hazel says something new.\r\n\r\n"
        b"A second paragraph on hazel.\r\n"
    )
    # Fixed pages teach nothing more: a second run finds nothing and changes nothing.
    assert run("--no-cache", "--fix", "--unsafe-fixes", str(site))[0] == 0


def test_the_fix_is_unsafe_unless_another_rule_sees_chrome_in_the_block(tmp_path: Path) -> None:
    site = tmp_path / "crawl"
    paths = scraped_site(site)
    run("--no-cache", "--fix", str(site))
    assert paths[0].read_text() == scraped_page(
        1
    )  # safe fixes only: nothing known about these blocks
    share = "Share this: [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://blog.example/p)\n"
    template = learn_texts([f"Post on {word} here.\n\n{share}" for word in WORDS[:5]])
    assert [block.safe for block in template.blocks] == [True]


def test_a_run_on_one_file_judges_it_against_the_whole_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repository = tmp_path / "blog"
    (repository / ".git").mkdir(parents=True)
    paths = scraped_site(repository / "content" / "posts")
    changed = paths[2]
    code, out, _ = run("--no-cache", "--select", "TPL001", str(changed))
    assert code == 1
    assert out.count("TPL001") == 2
    assert f"{changed}:7:1: TPL001 Site template block (on 6 of the site's 6 pages)" in out
    # As pre-commit calls it: from the work tree's root, the changed file alone, relative.
    monkeypatch.chdir(repository)
    relative = "content/posts/post-3.md"
    assert run("--no-cache", "-q", "--select", "TPL001", relative) == (
        1,
        f"{relative}:7:1: TPL001 Site template block (on 6 of the site's 6 pages)\n"
        f"{relative}:9:1: TPL001 Site template block (on 6 of the site's 6 pages)\n",
        "",
    )


def test_a_sub_folder_with_its_own_settings_is_another_site_and_its_settings_are_not_read(
    tmp_path: Path,
) -> None:
    site = tmp_path / "notes"
    paths = scraped_site(site)
    other = site / "drafts"
    other.mkdir()
    (other / ".mdclean.toml").write_text('filter-lists = "broken"\n')
    for number in range(6):  # the same footer again: counted with the site, it would change counts
        (other / f"draft-{number}.md").write_text(f"Draft {WORDS[number]}.\n\n{FOLLOW}\n")
    code, out, err = run("--no-cache", "-q", "--select", "TPL001", str(paths[2]))
    assert (code, err) == (1, "")
    assert f"{paths[2]}:7:1: TPL001 Site template block (on 6 of the site's 6 pages)" in out


def test_a_warm_run_on_an_unchanged_site_does_not_learn_it_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "crawl"
    for path in scraped_site(site):
        os.utime(path, (LONG_AGO, LONG_AGO))
    cache = str(tmp_path / "cache")
    cold = run("--cache-dir", cache, str(site))

    def no_learning(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was learned again")

    monkeypatch.setattr(learning, "build_template", no_learning)
    monkeypatch.setattr(learning, "_read_digests", no_learning)
    assert run("--cache-dir", cache, str(site)) == cold
    assert cold[0] == 1 and cold[1].count("TPL001") == 12


def test_a_fresh_copy_of_a_site_elsewhere_is_read_but_not_learned_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The scoreboard fixes a fresh copy of a corpus each run: same names under another root.
    cache = str(tmp_path / "cache")
    scraped_site(tmp_path / "one" / "crawl")
    first = run("--cache-dir", cache, "--select", "TPL001", str(tmp_path / "one" / "crawl"))
    scraped_site(tmp_path / "two" / "crawl")
    learned = learning.build_template

    def no_learning(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was learned again")

    monkeypatch.setattr(learning, "build_template", no_learning)
    copy = run("--cache-dir", cache, "--select", "TPL001", str(tmp_path / "two" / "crawl"))
    assert copy[1] == first[1].replace(str(tmp_path / "one"), str(tmp_path / "two"))
    assert first[1].count("TPL001") == 12
    shown = run("--cache-dir", cache, "--show-template", str(tmp_path / "two" / "crawl"))[1]
    assert str(tmp_path / "two" / "crawl") in shown and str(tmp_path / "one") not in shown
    # Exact: a copy whose texts differ only where block digests fold (case) is learned again:
    # the template's samples are read from the texts.
    scraped_site(tmp_path / "three" / "crawl")
    page = tmp_path / "three" / "crawl" / "post-1.md"
    page.write_text(scraped_page(1).replace(SHARE_NOTICE, SHARE_NOTICE.upper()))
    assert file_digests(page.read_text()) == file_digests(scraped_page(1))
    monkeypatch.setattr(learning, "build_template", learned)
    calls: list[str] = []
    monkeypatch.setattr(
        learning,
        "build_template",
        lambda root, *a, **k: calls.append(root) or learned(root, *a, **k),
    )
    run("--cache-dir", cache, "--select", "TPL001", str(tmp_path / "three" / "crawl"))
    assert calls == [str(tmp_path / "three" / "crawl")]
    # Other names under the same root: learned again too.
    renamed = tmp_path / "four" / "crawl"
    for number, path in enumerate(scraped_site(renamed), start=1):
        path.rename(renamed / f"page-{number}.md")
    run("--cache-dir", cache, "--select", "TPL001", str(renamed))
    assert calls == [str(tmp_path / "three" / "crawl"), str(renamed)]


def test_an_edited_page_is_read_again_and_the_others_are_not(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "crawl"
    paths = scraped_site(site)
    for path in paths:
        os.utime(path, (LONG_AGO, LONG_AGO))
    cache = str(tmp_path / "cache")
    run("--cache-dir", cache, str(site))
    paths[0].write_text(scraped_page(1).replace(FOLLOW, "An edit."))
    os.utime(paths[0], (LONG_AGO + 10, LONG_AGO + 10))
    read: list[str] = []
    original = learning._read_digests
    monkeypatch.setattr(learning, "_read_digests", lambda path: read.append(path) or original(path))
    _code, out, _ = run("--cache-dir", cache, "--select", "TPL001", str(site))
    assert read == [str(paths[0])]
    assert f"{paths[1]}:7:1: TPL001 Site template block (on 5 of the site's 6 pages)" in out


def test_site_roots_make_one_site_per_matching_folder(tmp_path: Path) -> None:
    # Three pages in each of two sections: six pages share the block, but no section has five.
    for section in ("a", "b"):
        for number in range(3):
            folder = tmp_path / "sites" / section
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"p{number}.md").write_text(scraped_page(number))
    (tmp_path / ".mdclean.toml").write_text("")
    assert run("--no-cache", "--select", "TPL001", str(tmp_path))[1].count("TPL001") == 12
    (tmp_path / ".mdclean.toml").write_text('site-roots = ["sites/*/"]\n')
    assert run("--no-cache", "--select", "TPL001", str(tmp_path)) == (0, "", "")


def test_without_config_or_git_each_subfolder_of_a_named_folder_is_a_site(tmp_path: Path) -> None:
    dataset = tmp_path / "dataset"
    scraped_site(dataset / "site-one", pages=3)
    for number in range(3):
        (dataset / "site-two").mkdir(parents=True, exist_ok=True)
        (dataset / "site-two" / f"p{number}.md").write_text(scraped_page(number + 10))
    assert run("--no-cache", "--select", "TPL001", str(dataset)) == (0, "", "")
    scraped_site(dataset / "site-one", pages=5)
    assert run("--no-cache", "--select", "TPL001", str(dataset))[1].count("TPL001") == 10


def test_a_file_named_alone_outside_git_is_judged_against_the_files_beside_it(
    tmp_path: Path,
) -> None:
    # Its folder's sub-folders are not walked: `mdclean ~/note.md` must not read all of `~`.
    home = tmp_path / "home"
    scraped_site(home / "archive" / "2019")
    note = home / "note.md"
    note.write_text(scraped_page(12), encoding="utf-8")
    assert run("--no-cache", "--select", "TPL001", str(note)) == (0, "", "")
    scraped_site(home, pages=5)
    assert run("--no-cache", "--select", "TPL001", str(note))[1].count("TPL001") == 2


def test_show_template_lists_each_site_and_template_keep_allows_a_block(tmp_path: Path) -> None:
    site = tmp_path / "crawl"
    scraped_site(site, pages=5)
    (site / ".mdclean.toml").write_text("")
    code, out, err = run("--no-cache", "--show-template", str(site))
    assert (code, err) == (0, "")
    assert out == (
        f"{site}: 5 files, template blocks on 5 or more\n"
        f"       5  unsafe  {SHARE_NOTICE}\n"
        f"       5  unsafe  {FOLLOW}\n"
    )
    (site / ".mdclean.toml").write_text(
        'template-keep = ["微信扫一扫"]\n'
    )  # a prefix allows the block
    code, out, _ = run("--no-cache", "--show-template", str(site))
    assert out.endswith(f"       5  kept    {FOLLOW}\n")
    code, out, _ = run("--no-cache", "--select", "TPL001", str(site))
    reported = [line for line in out.splitlines() if "TPL001" in line]
    assert len(reported) == 5 and all(":9:1: TPL001" in line for line in reported)


@pytest.mark.parametrize(
    ("setting", "message"),
    [
        (
            "template-min-files = 0",
            "template-min-files: expected a number of files (1 or more), got a number",
        ),
        (
            'site-roots = "sites"',
            "site-roots: expected a list of folder globs, one site per matching folder, "
            "got a string",
        ),
    ],
)
def test_a_bad_setting_is_one_line_and_exit_code_2(
    tmp_path: Path, setting: str, message: str
) -> None:
    (tmp_path / ".mdclean.toml").write_text(setting + "\n")
    (tmp_path / "a.md").write_text("Text.\n")
    code, _out, err = run("--no-cache", str(tmp_path))
    assert code == 2
    assert err == f"error: {tmp_path / '.mdclean.toml'}: {message}\n"


def test_only_the_blocks_past_the_threshold_are_read_as_text() -> None:
    texts = [f"Page on {word} has its own words.\n\n{FOLLOW}\n" for word in WORDS[:20]]
    read: list[str] = []

    def reading(name: str) -> str:
        read.append(name)
        return texts[int(name)]

    template = build_template(
        "",
        [(str(n), file_digests(text)) for n, text in enumerate(texts)],
        5,
        read=reading,
        is_chrome=lambda _: True,
        is_safe=lambda _: False,
    )
    assert read == ["0"]  # one file gives the sample of the one recurring block
    assert [(block.sample, block.files) for block in template.blocks] == [(f"{FOLLOW}\n", 20)]


def test_folding_keeps_paths_apart_and_lets_dates_counts_and_tracking_differ() -> None:
    assert digest("![](https://cdn.example/img/20230714180449.png)") != digest(
        "![](https://cdn.example/img/20230714180450.png)"
    )
    assert digest("![](figures/fig-1.png)") != digest("![](figures/fig-2.png)")
    assert digest("Posted on 2024-01-05 · 3 min read") == digest(
        "POSTED  on 2023-11-30 · 12 min read"
    )
    assert digest("发表于2021年9月1日 阅读 1234\n") == digest("发表于2023年12月30日\n阅读 7")
    assert digest("[Follow](https://x.example/me?utm_source=a&ref=3)") == digest(
        "[Follow](https://x.example/me?utm_source=b)"
    )
    assert digest("Chapter one") != digest("Chapter two")


def test_the_fast_path_never_hides_a_template_block(monkeypatch: pytest.MonkeyPatch) -> None:
    umlaut = "Folgen Sie uns ÜBERALL, auch auf Mastodon."
    pages = [scraped_page(n) + f"\n{umlaut}\n" for n in range(6)]
    config = Config(site_template=learn_texts(pages))
    texts = [
        *pages,
        "---\ntitle: x\n---\n" + FOLLOW + "\n",
        "İİİ " * 10 + "\n\n" + FOLLOW + "\n",
        "Nothing here.\n",
        f"Ein Text.\n\n{umlaut}\n",
    ]
    for text in texts:
        fast = mdclean.lint(text, config=config)
        assert fast == mdclean.lint(text, config=replace(config, fast_path=False))
    assert mdclean.lint(texts[-1], config=config)  # the last one does hold a template block


def test_template_min_files_sets_the_threshold(tmp_path: Path) -> None:
    site = tmp_path / "small"
    scraped_site(site, pages=3)
    (site / ".mdclean.toml").write_text("")
    assert run("--no-cache", "--select", "TPL001", str(site)) == (
        0,
        "",
        "",
    )  # three pages: under five
    (site / ".mdclean.toml").write_text("template-min-files = 3\n")
    assert run("--no-cache", "--select", "TPL001", str(site))[1].count("TPL001") == 6


def test_a_template_block_is_found_after_several_blank_lines_and_in_crlf_text() -> None:
    config = Config(site_template=learn_texts([scraped_page(n) for n in range(5)]))
    page = f"# On yew\n\nOwn text about yew trees.\n\n\n\n{FOLLOW}\n"
    assert (
        mdclean.fix(page, config=config, unsafe=True).text
        == "# On yew\n\nOwn text about yew trees.\n"
    )
    crlf = page.replace("\n", "\r\n")
    assert (
        mdclean.fix(crlf, config=config, unsafe=True).text
        == "# On yew\r\n\r\nOwn text about yew trees.\r\n"
    )


def test_an_editor_judges_a_file_against_its_site_learned_once_and_again_after_a_save(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site = tmp_path / "crawl"
    paths = scraped_site(site, pages=5)
    for path in paths:
        os.utime(path, (LONG_AGO, LONG_AGO))
    read: list[str] = []
    original = learning._read_digests
    monkeypatch.setattr(learning, "_read_digests", lambda path: read.append(path) or original(path))
    learned: list[Path] = []  # each time a site's files are walked and its template looked up
    learn = learning.SiteProfiles.template_for
    monkeypatch.setattr(
        learning.SiteProfiles,
        "template_for",
        lambda self, path: learned.append(path) or learn(self, path),
    )
    now = [0.0]
    sites = EditorSites(max_age=60, clock=lambda: now[0])
    unsaved = scraped_page(7)  # the editor's buffer: not on disk yet

    def findings() -> list[int]:
        # A fresh resolver per request, as the server makes one.
        config = sites.config_for(Resolver(cwd=site), paths[0], workspace=site)
        return [v.line for v in mdclean.lint(unsaved, config=config)]

    assert findings() == [7, 9]
    assert sorted(read) == sorted(map(str, paths))
    read.clear()
    for _keystroke in range(3):
        assert findings() == [7, 9]
    assert read == [] and len(learned) == 1
    paths[1].write_text(scraped_page(2).replace(FOLLOW, "An edit."))
    os.utime(paths[1], (LONG_AGO + 10, LONG_AGO + 10))
    sites.saved(paths[1])
    assert findings() == [9]  # the follow box is on 4 of the 5 pages now: under the threshold
    assert read == [str(paths[1])]
    read.clear()
    now[0] = 61.0  # a minute later the site is checked again: signatures only, nothing read
    assert findings() == [9]
    assert read == [] and len(learned) == 3


# One dataset, no configuration and no git: a folder per scraped site, each in its own language,
# with its own chrome; a docs site; and a site too small to tell its template from its text.
CHROME = {
    "de-blog": "Folgen Sie uns auf Mastodon, um keinen Beitrag zu verpassen.",
    "ja-blog": "この記事が気に入ったら、ぜひシェアしてください。",
    "ru-news": "Все права защищены. Перепечатка только с разрешения редакции.",
    "ar-news": "جميع الحقوق محفوظة لموقعنا، يمنع النسخ دون إذن.",
    "es-recetas": "Un blog de cocina casera desde Valencia, cada semana.",
}


def own_text(site: str, number: int) -> str:
    return f"{site}: {WORDS[number]} {WORDS[number + 1]}, {WORDS[-number - 1]}."


def test_a_dataset_of_sites_in_many_languages_loses_each_sites_chrome_and_keeps_its_text(
    tmp_path: Path,
) -> None:
    dataset = tmp_path / "crawl"
    expected: dict[Path, str] = {}
    for site, chrome in CHROME.items():
        (dataset / site).mkdir(parents=True)
        for number in range(6):
            page = dataset / site / f"{number}.md"
            own = f"# {WORDS[number].title()}\n\n{own_text(site, number)}\n"
            page.write_text(f"{own}\n{chrome}\n")
            expected[page] = own
    (dataset / "docs").mkdir()
    (dataset / "small").mkdir()
    for number, noun in enumerate(NOUNS):
        page = dataset / "docs" / f"{noun.lower()}.md"
        expected[page] = docs_page(noun)
        if number < 4:  # four pages: under the floor of five, whatever they repeat
            small = dataset / "small" / f"{number}.md"
            expected[small] = f"{own_text('small', number)}\n\n{CHROME['es-recetas']}\n"
    for path, text in expected.items():
        if not path.exists():
            path.write_text(text)
    code, out, err = run("--no-cache", "--show-template", str(dataset))
    assert (code, err) == (0, "")
    learned = [line for line in out.splitlines() if not line.startswith(" ")]
    assert learned == [
        f"{dataset / site}: {files} files, template blocks on 5 or more"
        for site, files in sorted({**dict.fromkeys(CHROME, 6), "docs": 8, "small": 4}.items())
    ]
    verdicts = {
        line.split()[1] + " " + line.split(maxsplit=2)[2]
        for line in out.splitlines()
        if line.startswith(" ") and any(chrome in line for chrome in CHROME.values())
    }
    # Safe where another rule knows the block (a follow prompt, a rights notice), else unsafe.
    assert verdicts == {
        f"safe {CHROME['de-blog']}",
        f"safe {CHROME['ru-news']}",
        f"unsafe {CHROME['ja-blog']}",
        f"unsafe {CHROME['ar-news']}",
        f"unsafe {CHROME['es-recetas']}",
    }
    before = {path: path.read_text() for path in expected}
    run("--no-cache", "--fix", str(dataset))
    # (ja-blog's share prompt too: TPL001 alone is unsafe, but another rule's finding of the
    # same block vouches for it: ``corroboration``)
    safe_sites = ("de-blog", "ru-news", "ja-blog")
    assert {path: path.read_text() for path in expected} == {
        path: expected[path] if path.parent.name in safe_sites else text
        for path, text in before.items()
    }
    run("--no-cache", "--fix", "--unsafe-fixes", str(dataset))
    assert {path: path.read_text() for path in expected} == expected


def test_what_learning_holds_grows_with_distinct_blocks_not_with_files() -> None:
    chrome = [FOLLOW, SHARE_NOTICE, "© The Gazette", "[Back to the index](../index.md)"]

    def site(files: int, own_block: bool) -> list[str]:
        return [
            (
                f"Page {WORDS[n % 22]}-{WORDS[n // 22 % 22]}{'x' * (n // 484)}.\n\n"
                if own_block
                else ""
            )
            + "\n\n".join(chrome)
            + "\n"
            for n in range(files)
        ]

    held = [
        len(block_counts(file_digests(text) for text in site(files, False))) for files in (10, 2000)
    ]
    assert held == [4, 4]  # a thousand times the files, the same four blocks: four counts
    own = site(2000, True)
    assert len(block_counts(file_digests(text) for text in own)) == 2004
    read: list[str] = []
    template = build_template(
        "",
        [(str(n), file_digests(text)) for n, text in enumerate(own)],
        600,
        read=lambda name: read.append(name) or own[int(name)],
        is_chrome=lambda _: True,
        is_safe=lambda _: False,
    )
    # Text is kept only for the blocks past the threshold, read from one file.
    assert sorted(block.sample.strip() for block in template.blocks) == sorted(chrome)
    assert read == ["0"]


def test_files_read_by_a_pool_key_the_template_as_files_read_here_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(learning, "_PARALLEL_FROM", 1)
    cache = str(tmp_path / "cache")
    scraped_site(tmp_path / "one" / "crawl")
    pooled = run("-j", "2", "--cache-dir", cache, "--select", "TPL001", str(tmp_path / "one"))
    assert pooled[1].count("TPL001") == 12
    scraped_site(tmp_path / "two" / "crawl")

    def no_learning(*args: object, **kwargs: object) -> None:
        raise AssertionError("the site was learned again")

    monkeypatch.setattr(learning, "build_template", no_learning)
    here = run("--cache-dir", cache, "--select", "TPL001", str(tmp_path / "two"))
    assert here[1] == pooled[1].replace(str(tmp_path / "one"), str(tmp_path / "two"))

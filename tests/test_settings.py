"""Configuration files end to end: discovery, every key, the command-line overrides, the errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean.cli import main

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"
PROMO_RULE = """\
code: ZZ001
name: house-promo
summary: House promo box
explanation: Our own promo boxes, scraped along with the posts.
fix: unsafe
matcher: html-element
params:
  keywords: [zz-promo]
  signatures: ['\\bzz-promo\\b']
examples:
  - bad: |
      Text.

      <div class="zz-promo">Spring sale on every plan</div>
    fixed: |
      Text.
  - good: |
      Text about promos.
"""
PROMO = 'Text.\n\n<div class="zz-promo">Spring sale on every plan</div>\n'


def run(folder: Path, *args: str) -> tuple[int, str, str]:
    """The CLI run from ``folder`` (discovery starts from the files, globs from the config's folder)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        result = CliRunner().invoke(main, ["--no-cache", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


# -- discovery ---------------------------------------------------------------------------


def test_pyproject_table_applies_to_files_below_it(tmp_path: Path) -> None:
    write(tmp_path / "docs" / "post.md", DIRTY)
    assert run(tmp_path, "-q", "docs")[0] == 1
    write(
        tmp_path / "pyproject.toml",
        '[project]\nname = "site"\n\n[tool.mdclean]\nignore = ["AD001"]\n',
    )
    assert run(tmp_path, "-q", "docs") == (0, "", "")


def test_pyproject_without_the_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / ".mdclean.toml", 'ignore = ["AD001"]\n')
    write(tmp_path / "docs" / "pyproject.toml", "[tool.black]\nline-length = 100\n")
    write(tmp_path / "docs" / "post.md", DIRTY)
    assert run(tmp_path, "-q", "docs") == (0, "", "")


def test_closest_configuration_wins_whole(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.mdclean]\nignore = ["AD001"]\n')
    write(tmp_path / "top.md", DIRTY)
    write(tmp_path / "blog" / ".mdclean.toml", "")  # closer, and says nothing: defaults apply there
    write(tmp_path / "blog" / "post.md", DIRTY)
    assert run(tmp_path, "-q", ".") == (1, "blog/post.md:5:1: AD001 [*] AdSense ad unit\n", "")


def test_dot_config_beats_pyproject_in_the_same_folder(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.mdclean]\nselect = ["BP"]\n')
    write(tmp_path / ".mdclean.toml", 'select = ["AD"]\n')
    write(tmp_path / "post.md", DIRTY)
    assert run(tmp_path, "-q", "post.md")[0] == 1


def test_config_option_replaces_discovery(tmp_path: Path) -> None:
    write(tmp_path / ".mdclean.toml", 'select = ["BP"]\n')
    write(tmp_path / "ci.toml", 'select = ["AD"]\n')
    write(tmp_path / "post.md", DIRTY)
    assert run(tmp_path, "-q", "post.md") == (0, "", "")
    assert run(tmp_path, "-q", "--config", "ci.toml", "post.md")[0] == 1


def test_isolated_ignores_every_configuration(tmp_path: Path) -> None:
    write(tmp_path / ".mdclean.toml", 'ignore = ["AD001"]\n')
    write(tmp_path / "post.md", DIRTY)
    assert run(tmp_path, "-q", "post.md") == (0, "", "")
    assert run(tmp_path, "-q", "--isolated", "post.md")[0] == 1


def test_command_line_select_starts_over_and_ignore_adds(tmp_path: Path) -> None:
    write(tmp_path / ".mdclean.toml", 'ignore = ["AD001"]\n')
    write(tmp_path / "post.md", DIRTY)
    assert run(tmp_path, "-q", "--select", "AD001", "post.md")[0] == 1
    write(tmp_path / ".mdclean.toml", 'select = ["AD001"]\n')
    assert run(tmp_path, "-q", "--ignore", "AD", "post.md") == (0, "", "")


# -- the keys ------------------------------------------------------------------------------


def test_select(tmp_path: Path) -> None:
    write(tmp_path / "post.md", DIRTY)
    write(tmp_path / ".mdclean.toml", 'select = ["BP", "LK"]\n')
    assert run(tmp_path, "-q", "post.md") == (0, "", "")


def test_extend_select_turns_on_a_rule_that_is_off_by_default(tmp_path: Path) -> None:
    write(tmp_path / "post.md", "---\ndate: 2024-01-02\n---\n\nText.\n")
    assert run(tmp_path, "-q", "post.md") == (0, "", "")
    write(tmp_path / ".mdclean.toml", 'extend-select = ["FM007"]\n')
    code, out, _ = run(tmp_path, "-q", "post.md")
    assert code == 1 and out.startswith("post.md:") and " FM007 " in out


def test_required_keys(tmp_path: Path) -> None:
    write(tmp_path / "post.md", "---\ntitle: Hello\n---\n\nText.\n")
    write(tmp_path / ".mdclean.toml", 'extend-select = ["FM007"]\n')
    assert run(tmp_path, "-q", "post.md") == (0, "", "")  # the default requires only title
    write(
        tmp_path / ".mdclean.toml",
        'extend-select = ["FM007"]\nrequired-keys = ["title", "author"]\n',
    )
    code, out, _ = run(tmp_path, "-q", "post.md")
    assert code == 1 and " FM007 " in out and "author" in out


def test_date_keys(tmp_path: Path) -> None:
    write(tmp_path / "post.md", "---\ntitle: Hello\npublished: someday\n---\n\nText.\n")
    assert run(tmp_path, "-q", "post.md") == (0, "", "")
    write(tmp_path / ".mdclean.toml", 'date-keys = ["published"]\n')
    code, out, _ = run(tmp_path, "-q", "post.md")
    assert code == 1 and " FM006 " in out


def test_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / "posts" / "a.md", DIRTY)
    write(tmp_path / "drafts" / "b.md", DIRTY)
    write(tmp_path / ".mdclean.toml", '[per-file-ignores]\n"drafts/*.md" = ["AD001"]\n')
    assert run(tmp_path, "-q", ".") == (1, "posts/a.md:5:1: AD001 [*] AdSense ad unit\n", "")


def test_exclude_leaves_out_walked_and_named_files(tmp_path: Path) -> None:
    write(tmp_path / "posts" / "a.md", DIRTY)
    write(tmp_path / "drafts" / "b.md", DIRTY)
    write(tmp_path / ".mdclean.toml", 'extend-exclude = ["drafts/"]\n')
    assert run(tmp_path, "-q", ".") == (1, "posts/a.md:5:1: AD001 [*] AdSense ad unit\n", "")
    # pre-commit names files one by one: an excluded file stays excluded.
    assert run(tmp_path, "-q", "drafts/b.md") == (0, "", "")


def test_exclude_replaces_the_default_and_extend_exclude_adds_to_it(tmp_path: Path) -> None:
    write(tmp_path / ".hidden" / "a.md", DIRTY)
    write(tmp_path / "b.md", DIRTY)
    write(tmp_path / ".mdclean.toml", 'extend-exclude = ["b.md"]\n')
    assert run(tmp_path, "-q", ".") == (0, "", "")  # hidden folders stay skipped
    write(tmp_path / ".mdclean.toml", 'exclude = ["b.md"]\n')
    assert run(tmp_path, "-q", ".") == (1, ".hidden/a.md:5:1: AD001 [*] AdSense ad unit\n", "")


def test_gitignore_is_respected_when_walking_by_default(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "build/\n*.tmp.md\n!keep.tmp.md\n")
    write(tmp_path / "build" / "a.md", DIRTY)
    write(tmp_path / "docs" / "b.tmp.md", DIRTY)
    write(tmp_path / "docs" / "keep.tmp.md", DIRTY)
    write(tmp_path / "docs" / ".gitignore", "local.md\n")
    write(tmp_path / "docs" / "local.md", DIRTY)
    assert run(tmp_path, "-q", ".") == (1, "docs/keep.tmp.md:5:1: AD001 [*] AdSense ad unit\n", "")
    write(tmp_path / ".mdclean.toml", "respect-gitignore = false\n")
    assert run(tmp_path, "-q", "--statistics", ".") == (1, "    4  AD001   [*] adsense-unit\n", "")


def test_unsafe_fixes(tmp_path: Path) -> None:
    write(tmp_path / "pack" / "ZZ001.yaml", PROMO_RULE)
    post = write(tmp_path / "post.md", PROMO)
    write(tmp_path / ".mdclean.toml", 'rule-packs = ["pack"]\n')
    assert run(tmp_path, "-q", "--fix", "post.md")[0] == 1
    assert post.read_text() == PROMO
    write(tmp_path / ".mdclean.toml", 'rule-packs = ["pack"]\nunsafe-fixes = true\n')
    assert run(tmp_path, "-q", "--fix", "post.md") == (0, "", "")
    assert post.read_text() == "Text.\n"


def test_rule_packs_add_rules_from_files_and_folders(tmp_path: Path) -> None:
    write(tmp_path / "config" / "pack" / "ZZ001.yaml", PROMO_RULE)
    write(
        tmp_path / "config" / "ZZ002.yaml",
        PROMO_RULE.replace("ZZ001", "ZZ002").replace("zz-promo", "zz-bar"),
    )
    write(tmp_path / "post.md", PROMO + '\n<p class="zz-bar">Sale</p>\n')
    assert run(tmp_path, "-q", "post.md") == (0, "", "")
    write(tmp_path / ".mdclean.toml", 'rule-packs = ["config/pack", "config/ZZ002.yaml"]\n')
    assert run(tmp_path, "-q", "post.md") == (
        1,
        "post.md:3:1: ZZ001 House promo box\npost.md:5:1: ZZ002 House promo box\n",
        "",
    )
    code, out, _ = run(tmp_path, "--list-rules")
    assert code == 0 and re.search(r"^ZZ001 +house-promo ", out, re.MULTILINE)


# -- errors: one line naming the file and the key, exit 2 -----------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            'selct = ["AD"]\n',
            "selct: unknown key (expected one of: select, ignore, extend-select, per-file-ignores, "
            "exclude, extend-exclude, unsafe-fixes, respect-gitignore, rule-packs, required-keys, "
            "date-keys, filter-lists, builtin-filter-lists, site-roots, template-min-files, "
            "template-keep)",
        ),
        (
            'select = "AD"\n',
            'select: expected a list of rule codes or prefixes, like ["AD", "BP001"], got a string',
        ),
        ("unsafe-fixes = 1\n", "unsafe-fixes: expected true or false, got a number"),
        (
            "exclude = [1]\n",
            "exclude: expected a list of glob patterns, got a list holding a number",
        ),
        (
            'ignore = ["XY123"]\n',
            "ignore: unknown rule code or prefix 'XY123' (run `mdclean --list-rules` to see "
            "the codes)",
        ),
        (
            '[per-file-ignores]\n"*.md" = ["QQ"]\n',
            "per-file-ignores: '*.md': unknown rule code or prefix 'QQ' "
            "(run `mdclean --list-rules` to see the codes)",
        ),
        ('rule-packs = ["missing"]\n', "rule-packs: {root}/missing: rule file or folder not found"),
        ("select = [\n", "not valid TOML: "),
    ],
)
def test_configuration_errors(tmp_path: Path, content: str, message: str) -> None:
    write(tmp_path / ".mdclean.toml", content)
    write(tmp_path / "post.md", CLEAN)
    code, out, err = run(tmp_path, "post.md")
    assert (code, out) == (2, "")
    assert err.startswith(f"error: {tmp_path / '.mdclean.toml'}: {message.format(root=tmp_path)}")
    assert err.count("\n") == 1


def test_pyproject_errors_name_the_table(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", '[tool.mdclean]\nrespect-gitignore = "yes"\n')
    write(tmp_path / "post.md", CLEAN)
    assert run(tmp_path, "post.md") == (
        2,
        "",
        f"error: {tmp_path / 'pyproject.toml'} [tool.mdclean]: "
        "respect-gitignore: expected true or false, got a string\n",
    )


def test_broken_rule_pack_names_the_config_and_the_rule_file(tmp_path: Path) -> None:
    write(tmp_path / "pack" / "ZZ001.yaml", PROMO_RULE.replace("fix: unsafe", "fix: maybe"))
    write(tmp_path / ".mdclean.toml", 'rule-packs = ["pack"]\n')
    write(tmp_path / "post.md", CLEAN)
    assert run(tmp_path, "post.md") == (
        2,
        "",
        f"error: {tmp_path / '.mdclean.toml'}: rule-packs: "
        f"{tmp_path / 'pack' / 'ZZ001.yaml'}: fix must be one of safe, "
        "unsafe, none, not 'maybe'\n",
    )


def test_a_broken_configuration_deeper_down_stops_the_run(tmp_path: Path) -> None:
    write(tmp_path / "a.md", CLEAN)
    write(tmp_path / "sub" / ".mdclean.toml", "colour = true\n")
    write(tmp_path / "sub" / "b.md", CLEAN)
    code, _, err = run(tmp_path, ".")
    assert code == 2 and err.startswith(
        f"error: {tmp_path / 'sub' / '.mdclean.toml'}: colour: unknown key"
    )


def test_missing_config_file_is_an_error(tmp_path: Path) -> None:
    write(tmp_path / "post.md", CLEAN)
    assert run(tmp_path, "--config", "nope.toml", "post.md") == (
        2,
        "",
        "error: nope.toml: --config: no such configuration file\n",
    )


def test_stdin_filename_picks_the_configuration_and_per_file_ignores(tmp_path: Path) -> None:
    write(tmp_path / "blog" / ".mdclean.toml", '[per-file-ignores]\n"drafts/*.md" = ["AD001"]\n')
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(tmp_path)
        as_draft = CliRunner().invoke(
            main, ["--no-cache", "-q", "--stdin-filename", "blog/drafts/x.md", "-"], input=DIRTY
        )
        as_post = CliRunner().invoke(
            main, ["--no-cache", "-q", "--stdin-filename", "blog/x.md", "-"], input=DIRTY
        )
    assert (as_draft.exit_code, as_draft.stdout) == (0, "")
    assert (as_post.exit_code, as_post.stdout) == (1, "blog/x.md:5:1: AD001 [*] AdSense ad unit\n")


def test_the_per_folder_skip_agrees_with_the_path_by_path_reading(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``skip`` works out a folder's part once; every verdict must be the one the whole path gives."""
    import os

    from mdclean.settings import GitIgnores, Resolver

    (tmp_path / ".git").mkdir()
    write(tmp_path / ".gitignore", "build/\n*.tmp.md\n!keep.tmp.md\n/top-only.md\n")
    write(tmp_path / "docs" / ".gitignore", "local.md\nsub/*.md\n!sub/kept.md\n")
    write(tmp_path / "docs" / ".mdclean.toml", 'extend-exclude = ["drafts/", "old-*.md"]\n')
    names = [
        "top-only.md",
        "a.tmp.md",
        "keep.tmp.md",
        "build/a.md",
        "docs/local.md",
        "docs/old-1.md",
        "docs/top-only.md",
        "docs/sub/x.md",
        "docs/sub/kept.md",
        "docs/drafts/d.md",
        "docs/deep/old-2.md",
        "docs/deep/local.md",
        "docs/deep/build/b.md",
        ".hidden/h.md",
        "plain.md",
    ]
    for name in names:
        write(tmp_path / name, "text\n")
    monkeypatch.chdir(tmp_path / "docs")
    resolver = Resolver()
    reference = GitIgnores()

    def by_whole_path(path: str, is_dir: bool, named: bool) -> bool:
        absolute = os.path.abspath(path)
        settings = resolver.settings_for(os.path.dirname(absolute))
        if settings.exclude.match_file(settings.relative(absolute, is_dir=is_dir)):
            return True
        return (
            not named and settings.respect_gitignore and reference.ignores(absolute, is_dir=is_dir)
        )

    paths = [str(tmp_path / n) for n in names] + [os.path.relpath(tmp_path / n) for n in names]
    folders = {os.path.dirname(p) for p in paths if os.path.dirname(p)}
    verdicts = [
        (path, is_dir, named, resolver.skip(path, is_dir=is_dir, named=named))
        for path, is_dir in [*((p, False) for p in paths), *((f, True) for f in folders)]
        for named in (False, True)
    ]
    assert [v for v in verdicts if v[3] != by_whole_path(*v[:3])] == []
    assert sum(v[3] for v in verdicts) > 20  # the tree does exclude and ignore things

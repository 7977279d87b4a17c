"""A repository you do not trust: its configuration, rule packs and cache must not make mdclean
read elsewhere, hang, crash or lie."""

from __future__ import annotations

import hashlib
import marshal
import os
from pathlib import Path

import pytest
from test_settings import AD, CLEAN, DIRTY, PROMO, PROMO_RULE, run, write

import mdclean
from mdclean import cache as cache_module
from mdclean import time_limit
from mdclean.config import Config
from mdclean.errors import ConfigError
from mdclean.runner import Mode, run_files
from mdclean.settings import path_inside_repository


def promo_rule(signature: str) -> str:
    """The settings tests' rule pack, with another signature."""
    return PROMO_RULE.replace(r"\bzz-promo\b", signature)


# -- settings that were accepted and should not be ------------------------------------------


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            '[per-file-ignores]\n"[" = ["AD"]\n',
            "per-file-ignores: '[': not a valid glob: the [ at position 1 is never closed (write \\[ for a bracket)",
        ),
        (
            'extend-exclude = ["drafts/[ab"]\n',
            "extend-exclude: 'drafts/[ab': not a valid glob: the [ at position 8 is never closed (write \\[ for a bracket)",
        ),
        (
            'extend-exclude = ["drafts/\\u0000"]\n',
            "extend-exclude: 'drafts/\\x00': holds the control character '\\x00'",
        ),
        (
            'required-keys = ["title\\u0000"]\n',
            "required-keys: 'title\\x00': holds the control character '\\x00'",
        ),
        (
            '[per-file-ignores]\n"a\\nb.md" = ["AD"]\n',
            "per-file-ignores: 'a\\nb.md': holds the control character '\\n'",
        ),
    ],
)
def test_settings_that_cannot_mean_what_they_say_are_errors(
    tmp_path: Path, content: str, message: str
) -> None:
    write(tmp_path / ".mdclean.toml", content)
    write(tmp_path / "post.md", CLEAN)
    assert run(tmp_path, "post.md") == (2, "", f"error: {tmp_path / '.mdclean.toml'}: {message}\n")


def test_a_bracket_that_is_closed_or_escaped_is_a_fine_glob(tmp_path: Path) -> None:
    write(
        tmp_path / ".mdclean.toml", '[per-file-ignores]\n"[ab].md" = ["AD"]\n"\\\\[c.md" = ["AD"]\n'
    )
    write(tmp_path / "a.md", DIRTY)
    write(tmp_path / "[c.md", DIRTY)
    write(tmp_path / "d.md", DIRTY)
    code, out, err = run(tmp_path, "-q", ".")
    assert (code, out, err) == (1, "d.md:5:1: AD001 [*] AdSense ad unit\n", "")


# -- paths in a configuration found in the tree stay inside its repository ------------------


@pytest.mark.parametrize(
    ("packs", "problem"),
    [
        (
            '["/etc/mdclean-pack"]',
            "'/etc/mdclean-pack': must be a path relative to the configuration file's folder "
            "(an absolute path is only taken from a file passed with --config)",
        ),
        (
            '["../../outside"]',
            "'../../outside': leads outside the repository ({repo}); a configuration file found in the "
            "tree may only name files inside it (pass --config to allow it)",
        ),
        (
            '["../escape"]',
            "'../escape': leads outside the repository ({repo}); a configuration file found in the "
            "tree may only name files inside it (pass --config to allow it)",
        ),
    ],
)
def test_rule_packs_of_a_repository_stay_inside_it(
    tmp_path: Path, packs: str, problem: str
) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(tmp_path / "outside" / "ZZ001.yaml", promo_rule("zz-promo"))
    (repo / "escape").symlink_to(tmp_path / "outside")  # a symlink in the clone, pointing out of it
    write(repo / "blog" / ".mdclean.toml", f"rule-packs = {packs}\n")
    write(repo / "blog" / "post.md", PROMO)
    code, out, err = run(repo, "blog/post.md")
    assert (code, out) == (2, "")
    assert (
        err
        == f"error: {repo / 'blog' / '.mdclean.toml'}: rule-packs: {problem.format(repo=repo)}\n"
    )


def test_a_pack_elsewhere_in_the_same_repository_is_fine(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "lint" / "ZZ001.yaml", promo_rule("zz-promo"))
    write(repo / "blog" / ".mdclean.toml", 'rule-packs = ["../lint"]\n')
    write(repo / "blog" / "post.md", PROMO)
    assert run(repo, "-q", "blog/post.md") == (1, "blog/post.md:3:1: ZZ001 House promo box\n", "")


def test_a_configuration_passed_on_the_command_line_may_name_any_path(tmp_path: Path) -> None:
    write(tmp_path / "shared" / "ZZ001.yaml", promo_rule("zz-promo"))
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(repo / "post.md", PROMO)
    write(repo / "ci.toml", f'rule-packs = ["{tmp_path / "shared"}"]\n')
    assert run(repo, "-q", "--config", "ci.toml", "post.md") == (
        1,
        "post.md:3:1: ZZ001 House promo box\n",
        "",
    )


def test_path_inside_repository_is_one_function_for_any_path_key(tmp_path: Path) -> None:
    assert (
        path_inside_repository(tmp_path, "lists/easylist.txt", "x: filter-lists")
        == tmp_path / "lists/easylist.txt"
    )
    with pytest.raises(
        ConfigError, match=r"^x: filter-lists: '../x': leads outside the repository"
    ):
        path_inside_repository(tmp_path, "../x", "x: filter-lists")


# -- a cache whose shards are damaged or forged --------------------------------------------


def _cache_run(docs: Path, cache_dir: Path, mode: Mode = Mode.CHECK, jobs: int = 1) -> list[tuple]:
    return [
        (
            Path(r.path).name,
            [(v.code, v.line, v.message, v.fix) for v in r.violations],
            r.changed,
            r.error,
        )
        for r in run_files([docs], mode, lambda _p: Config(), cache_dir=cache_dir, jobs=jobs)
    ]


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    folder = tmp_path / "docs"
    folder.mkdir()
    for i in range(40):  # more than a batch, so that two jobs use workers
        (folder / f"post{i:02}.md").write_text(DIRTY if i % 3 else CLEAN)
        os.utime(
            folder / f"post{i:02}.md", (1_600_000_000, 1_600_000_000)
        )  # stat signatures trusted
    return folder


def _sealed(payload: bytes) -> bytes:
    """A shard file as mdclean writes one, its checksum right: only the shape can be wrong."""
    return cache_module._MAGIC + hashlib.blake2b(payload, digest_size=16).digest() + payload


def test_a_shard_with_flipped_bits_is_a_miss_never_a_crash_or_a_wrong_answer(
    docs: Path, tmp_path: Path
) -> None:
    cache_dir = tmp_path / "cache"
    expected = _cache_run(docs, None)  # type: ignore[arg-type]
    assert _cache_run(docs, cache_dir) == expected
    (shard,) = cache_dir.glob("*.cache")
    pristine = shard.read_bytes()
    for position in range(0, len(pristine), max(1, len(pristine) // 12)):
        for bit in (0x01, 0x80):
            damaged = bytearray(pristine)
            damaged[position] ^= bit
            shard.write_bytes(bytes(damaged))
            assert _cache_run(docs, cache_dir, jobs=1 + position % 2) == expected, (position, bit)
    shard.write_bytes(pristine[: len(pristine) // 2])  # torn
    assert _cache_run(docs, cache_dir) == expected


@pytest.mark.parametrize(
    "forged",
    [
        {"format": 3, "results": [], "stats": {}},
        {"format": 3, "results": {b"k": "not a tuple"}, "stats": {"x": 1}},
        "a string",
    ],
)
def test_a_shard_of_the_wrong_shape_is_read_as_empty(
    docs: Path, tmp_path: Path, forged: object
) -> None:
    cache_dir = tmp_path / "cache"
    expected = _cache_run(docs, cache_dir)
    (shard,) = cache_dir.glob("*.cache")
    shard.write_bytes(_sealed(marshal.dumps(forged)))
    assert _cache_run(docs, cache_dir) == expected
    assert _cache_run(docs, cache_dir) == expected  # and it was written back whole


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.FIX])
@pytest.mark.parametrize("jobs", [1, 2])
def test_forged_entries_are_misses_and_the_files_are_checked_again(
    docs: Path, tmp_path: Path, mode: Mode, jobs: int
) -> None:
    cache_dir = tmp_path / "cache"
    expected = _cache_run(docs, None, Mode.CHECK)  # type: ignore[arg-type]
    _cache_run(docs, cache_dir)
    (shard,) = cache_dir.glob("*.cache")
    loaded = marshal.loads(shard.read_bytes()[len(cache_module._MAGIC) + 16 :])
    bad_values = [
        marshal.dumps("x"),
        marshal.dumps(((1, 2),)),
        b"\x00garbage",
        marshal.dumps((("AD001", "n", "m", "1", 1, 1, 1, 0, 1, None),)),
        marshal.dumps((("AD001", "n", "m", 1, 1, 1, 1, 0, 1, ("safe", ((5, 2, ""),))),)),
    ]
    for index, key in enumerate(list(loaded["results"])):
        day, _ = loaded["results"][key]
        loaded["results"][key] = (day, bad_values[index % len(bad_values)])
    shard.write_bytes(_sealed(marshal.dumps(loaded)))
    got = _cache_run(docs, cache_dir, mode, jobs=jobs)
    if mode is Mode.CHECK:
        assert got == expected
    else:
        assert all(error is None for *_, error in got)
        assert all(path.read_text() == CLEAN for path in docs.iterdir())


# -- a rule pack's regex that backtracks without end ---------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_backtracking_rule_pack_regex_cannot_hang_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    monkeypatch.setattr(
        time_limit, "RULE_PACK_SECONDS", 0.3
    )  # the tests need not wait the full limit
    write(tmp_path / "pack" / "ZZ001.yaml", promo_rule("zz-promo(a+)+$"))
    # (ignore TPL001: 37 identical pages would be a site template)
    write(tmp_path / ".mdclean.toml", 'rule-packs = ["pack"]\nignore = ["TPL001"]\n')
    hostile = '<div class="zz-promoaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!">x</div>\n'
    for i in range(40):
        write(
            tmp_path / "posts" / f"p{i:02}.md",
            hostile if i in (3, 30) else DIRTY if i == 5 else CLEAN,
        )
    code, out, err = run(tmp_path, "-j", jobs, "posts")
    assert code == 2
    lines = err.splitlines()
    assert [line.split(":")[0] for line in lines] == ["error", "error"]
    pack = tmp_path / "pack" / "ZZ001.yaml"
    assert lines[0].startswith(
        f"error: posts/p03.md: rule ZZ001 of rule pack {pack} took more than 0.3 s on "
        "this file and was stopped (a regex that backtracks, like (a+)+$?)"
    )
    # The same worker does not run the rule again; another one stops it in turn.
    assert lines[1] in (
        f"error: posts/p30.md: rule ZZ001 of rule pack {pack} was stopped on an earlier file "
        "(it took more than 0.3 s); this file was not checked",
        lines[0].replace("p03.md", "p30.md"),
    )
    assert out.startswith("posts/p05.md:5:1: AD001 [*] AdSense ad unit\n")


def test_built_in_rules_run_without_the_limit_and_pack_rules_find_as_before(tmp_path: Path) -> None:
    config = Config(
        rule_packs=(write(tmp_path / "ZZ001.yaml", promo_rule("zz-promo")),),
        select=("ZZ001", "AD001"),
    )
    by_code = {rule.code: rule.matcher for rule in config.rules}
    assert isinstance(by_code["ZZ001"], time_limit.TimeLimitedMatcher)
    assert not isinstance(by_code["AD001"], time_limit.TimeLimitedMatcher)
    assert [v.code for v in mdclean.lint(PROMO + "\n" + AD + "\n", config=config)] == [
        "ZZ001",
        "AD001",
    ]


def test_filter_lists_of_a_repository_stay_inside_it(tmp_path: Path) -> None:
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    write(tmp_path / "outside.txt", "||ads.example^\n")
    write(repo / ".mdclean.toml", 'filter-lists = ["../outside.txt"]\n')
    write(repo / "post.md", PROMO)
    code, out, err = run(repo, "post.md")
    assert (code, out) == (2, "")
    assert err == (
        f"error: {repo / '.mdclean.toml'}: filter-lists: '../outside.txt': leads outside the repository "
        f"({repo}); a configuration file found in the tree may only name files inside it "
        "(pass --config to allow it)\n"
    )

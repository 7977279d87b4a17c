"""The cache and site templates: a text none of whose blocks is the template's is cached under the
config without the template, so that a fix rerun (whose site learned another template from the
fixed pages) is answered from the cache; results never depend on the cache."""

from __future__ import annotations

import dataclasses
import itertools
from pathlib import Path

import pytest
from click.testing import CliRunner

from mdclean import runner
from mdclean.cli import main
from mdclean.config import Config
from mdclean.runner import FileResult, Mode, run_files, template_free, untemplated
from mdclean.site.learning import learn_texts

FOLLOW = "微信扫一扫 关注该公众号"
SIGN_OFF = "Written in the mountains, one season at a time."
AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
WORDS = ("apple", "birch", "cedar", "daisy", "elder", "fern", "gorse", "hazel")


def page(word: str, *tail: str) -> str:
    body = f"# On {word}\n\nThe article's own text about {word} says something new.\n\n"
    body += f"A second paragraph on {word}.\n"
    return body + "".join(f"\n{block}\n" for block in tail)


def site(folder: Path) -> None:
    """Six pages sharing two template blocks (one of them after an ad on half the pages)."""
    folder.mkdir(parents=True)
    for number, word in enumerate(WORDS[:6]):
        extra = (AD,) if number % 2 else ()
        (folder / f"post-{number}.md").write_text(page(word, FOLLOW, *extra, SIGN_OFF))


def cli(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(main, ["-j", "1", *args])
    return result.exit_code, result.stdout


def _no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kwargs: object) -> FileResult:
        raise AssertionError("a file was processed although the cache had its results")

    monkeypatch.setattr(runner, "process_text", fail)


def test_a_fix_rerun_after_the_template_went_is_answered_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The scoreboard's second run: the first fix removed the template blocks, so the site's
    template is learned again (another one), and still no file is processed."""
    docs, cache = tmp_path / "docs", str(tmp_path / "cache")
    site(docs)
    cli("--cache-dir", cache, "--fix", "--unsafe-fixes", str(docs))
    fixed = {path.name: path.read_text() for path in docs.iterdir()}
    assert all(FOLLOW not in text and AD not in text for text in fixed.values())
    uncached = cli("--no-cache", "--fix", "--unsafe-fixes", str(docs))
    _no_work(monkeypatch)
    assert cli("--cache-dir", cache, "--fix", "--unsafe-fixes", str(docs)) == uncached
    assert cli("--cache-dir", cache, "--fix", str(docs)) == cli("--no-cache", "--fix", str(docs))
    assert {path.name: path.read_text() for path in docs.iterdir()} == fixed


def _template(*blocks: str) -> object:
    texts = [page(word, *blocks) for word in WORDS]
    return learn_texts(texts, min_files=5)


def test_template_free_reads_the_blocks_the_rule_reads() -> None:
    template = _template(FOLLOW, SIGN_OFF)
    config = Config(site_template=template)  # type: ignore[arg-type]
    assert template.blocks  # type: ignore[attr-defined]
    assert not template_free(config, page("kale", FOLLOW))
    assert not template_free(config, page("kale", SIGN_OFF).replace("\n", "\r\n"))
    assert template_free(config, page("kale"))
    assert template_free(config, page("kale", f"{FOLLOW} and more words"))
    assert not template_free(Config(), page("kale"))  # no template: its own config
    assert untemplated(config).fingerprint() == Config().fingerprint()
    assert untemplated(Config()) is not None


TEXTS = {
    "plain": page("kale"),
    "follow": page("kale", FOLLOW),
    "ad": page("kale", AD),
    "both": page("kale", FOLLOW, AD, SIGN_OFF),
    "crlf": page("kale", SIGN_OFF, AD).replace("\n", "\r\n"),
}


def _results(folder: Path, mode: Mode, config: Config, cache_dir: Path | None) -> list[tuple]:
    return [
        (Path(r.path).name, [(v.code, v.line, v.fixable, v.message) for v in r.violations])
        for r in run_files([folder], mode, lambda _p: config, cache_dir=cache_dir)
    ]


@pytest.mark.parametrize("mode", [Mode.CHECK, Mode.FIX])
def test_results_never_depend_on_the_cache_whatever_template_came_before(
    tmp_path: Path, mode: Mode
) -> None:
    """Each text under each template, after every other template's run has filled the cache:
    the cached answer is the one a run without cache gives (texts written afresh each time)."""
    templates = {
        "none": None,
        "follow": _template(FOLLOW),
        "sign-off": _template(SIGN_OFF),
        "both": _template(FOLLOW, SIGN_OFF),
    }
    base = Config(unsafe_fixes=True)
    configs = {
        name: base if template is None else dataclasses.replace(base, site_template=template)  # type: ignore[arg-type]
        for name, template in templates.items()
    }
    folder = tmp_path / "docs"
    folder.mkdir()

    def write() -> None:
        for name, text in TEXTS.items():
            (folder / f"{name}.md").write_text(text)

    expected = {}
    for name, config in configs.items():
        write()
        expected[name] = _results(folder, mode, config, None)
        expected[name, "text"] = sorted(p.read_text() for p in folder.iterdir())
    for order in itertools.permutations(configs, 2):
        cache_dir = tmp_path / "cache" / "-".join(order)
        for name in (*order, *order):
            write()
            assert _results(folder, mode, configs[name], cache_dir) == expected[name], order
            assert sorted(p.read_text() for p in folder.iterdir()) == expected[name, "text"]

"""The hooks in .pre-commit-hooks.yaml, run by real pre-commit on a scratch git repository.

``pre-commit try-repo`` installs mdclean into a hook environment the way users'
pre-commit does, so this is the hook users get. It is given a one-commit copy of
this working tree (try-repo would leave out files git does not track yet), and the
environment is built once per module in a temporary PRE_COMMIT_HOME (once per run under
pytest-xdist too: the module's tests share one worker, ``xdist_group``).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph.\n\nSecond paragraph.\n"

TryRepo = Callable[[Path, str], "subprocess.CompletedProcess[str]"]

pytestmark = [
    pytest.mark.skipif(shutil.which("git") is None, reason="pre-commit needs git"),
    # Under pytest-xdist (``-n``; ``--dist loadgroup`` in pyproject.toml) these tests run on one
    # worker: the hook environment (a virtualenv with mdclean installed) is built once per run.
    pytest.mark.xdist_group("pre-commit"),
]


@pytest.fixture(scope="module")
def environment(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        PRE_COMMIT_COLOR="never",
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
        NO_COLOR="1",
    )
    env.pop("MDCLEAN_CACHE_DIR", None)
    return env


@pytest.fixture(scope="module")
def hooks_repo(tmp_path_factory: pytest.TempPathFactory, environment: dict[str, str]) -> Path:
    """This working tree as pre-commit would clone it: committed, without local clutter."""
    copy = tmp_path_factory.mktemp("hooks") / "mdclean"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".git",
            ".venv*",  # .venv and .ci/run's .venv-lowest (a whole environment)
            "__pycache__",
            ".*_cache",
            ".hypothesis",
            "*.egg-info",
            "build",
            "dist",
        ),
    )
    for command in (
        ["git", "init", "-q"],
        ["git", "add", "-A"],
        ["git", "commit", "-q", "-m", "snapshot"],
    ):
        subprocess.run(command, cwd=copy, check=True, env=environment)
    return copy


@pytest.fixture
def content_repo(tmp_path: Path, environment: dict[str, str]) -> Path:
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True, env=environment)
    return tmp_path


@pytest.fixture
def try_repo(hooks_repo: Path, environment: dict[str, str]) -> TryRepo:
    def run(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
        subprocess.run(["git", "add", "-A"], cwd=repo, check=True, env=environment)
        return subprocess.run(
            [sys.executable, "-m", "pre_commit", "try-repo", str(hooks_repo), hook, "--all-files"],
            cwd=repo,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
        )

    return run


def test_check_hook_passes_a_clean_post(content_repo: Path, try_repo: TryRepo) -> None:
    (content_repo / "post.md").write_text(CLEAN)
    result = try_repo(content_repo, "mdclean")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "mdclean" in result.stdout and "Passed" in result.stdout


def test_check_hook_fails_naming_file_and_line(content_repo: Path, try_repo: TryRepo) -> None:
    (content_repo / "docs").mkdir()
    (content_repo / "docs" / "post.md").write_text(DIRTY)
    (content_repo / "notes.txt").write_text(AD)  # not Markdown: the hook never sees it
    result = try_repo(content_repo, "mdclean")
    assert result.returncode == 1
    assert "docs/post.md:5:1: AD001 [*] AdSense ad unit" in result.stdout
    assert "notes.txt" not in result.stdout
    assert (content_repo / "docs" / "post.md").read_text() == DIRTY  # the check hook writes nothing


def test_fix_hook_rewrites_and_fails_the_run(content_repo: Path, try_repo: TryRepo) -> None:
    (content_repo / "post.md").write_text(DIRTY)
    result = try_repo(content_repo, "mdclean-fix")
    assert result.returncode == 1  # pre-commit fails a hook that modified files
    assert "files were modified by this hook" in result.stdout
    assert (content_repo / "post.md").read_text() == CLEAN
    again = try_repo(content_repo, "mdclean-fix")
    assert again.returncode == 0, again.stdout
    assert try_repo(content_repo, "mdclean").returncode == 0


def test_every_hook_is_in_the_readme() -> None:
    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ids = [line.split(":", 1)[1].strip() for line in hooks.splitlines() if line.startswith("- id:")]
    assert ids == ["mdclean", "mdclean-fix", "mdclean-fix-unsafe"]
    for hook_id in ids:
        assert f"- id: {hook_id}\n" in readme


# Posts in the shapes scraped pages take (see the rules' examples): an AdSense unit in
# three parts, a product box of shopping buttons, an affiliate disclosure.
ADSENSE_POST = """# Small releases

Teams that ship small changes recover faster.

<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1234567890123456"
     crossorigin="anonymous"></script>
<ins class="adsbygoogle" style="display:block" data-ad-slot="42"></ins>
<script>
     (adsbygoogle = window.adsbygoogle || []).push({});
</script>

Cut work until it can be reviewed in one sitting.
"""
ADSENSE_CLEAN = """# Small releases

Teams that ship small changes recover faster.

Cut work until it can be reviewed in one sitting.
"""
REVIEW_POST = """# The best USB hubs

As an Amazon Associate I earn from qualifying purchases.

The hub packs a punch for the price.

[View On Amazon $56](https://www.amazon.com/dp/B005NGQWL2/?tag=example-20) [View On Anker $75](https://us.anker.com/products/a7510)

It charges a laptop and two phones at once.
"""
REVIEW_CLEAN = """# The best USB hubs

The hub packs a punch for the price.

It charges a laptop and two phones at once.
"""


def readme_config(name: str, hooks_repo: Path, environment: dict[str, str]) -> str:
    """A ``.pre-commit-config.yaml`` of the README, pointed at this working tree's snapshot."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split(f"<!-- pre-commit-config: {name} -->\n```yaml\n", 1)[1].split("```", 1)[0]
    rev = subprocess.run(
        ["git", "rev-parse", "HEAD"],
        cwd=hooks_repo,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    return re.sub(r"rev: \S+", f"rev: {rev}", re.sub(r"repo: \S+", f"repo: {hooks_repo}", block))


def test_the_readme_flow_blocks_fixes_with_the_unsafe_hook_and_commits(
    content_repo: Path, hooks_repo: Path, try_repo: TryRepo, environment: dict[str, str]
) -> None:
    def run(*command: str) -> subprocess.CompletedProcess[str]:
        # A git hook's output reaches the terminal on stderr: read both as one.
        return subprocess.run(
            command,
            cwd=content_repo,
            env=environment,
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            timeout=600,
        )

    (content_repo / ".pre-commit-config.yaml").write_text(
        readme_config("fix-all", hooks_repo, environment)
    )
    (content_repo / "small-releases.md").write_text(ADSENSE_POST)
    (content_repo / "usb-hubs.md").write_text(REVIEW_POST)
    assert run(sys.executable, "-m", "pre_commit", "install").returncode == 0
    run("git", "add", "-A")
    blocked = run("git", "commit", "-m", "Add posts")
    assert blocked.returncode == 1, blocked.stdout
    # One finding per unit: the AdSense loader, slot and push script are one ad.
    assert [line.split(": ", 1)[1] for line in blocked.stdout.splitlines() if ".md:" in line] == [
        "AD001 [*] AdSense ad unit",
        "BP011 Affiliate or sponsorship disclosure",
        "AD009 Affiliate banner or product box",
    ]
    # Under pre-commit the hints name hooks, not a command the user may not have.
    assert "[*] 1 fixable with the `mdclean-fix` hook." in blocked.stdout
    assert (
        "2 more fixes available with the `mdclean-fix-unsafe` hook (or `args: [--unsafe-fixes]` on "
        "`mdclean-fix`)." in blocked.stdout
    )
    assert "mdclean --fix" not in blocked.stdout

    safe = try_repo(content_repo, "mdclean-fix")  # what the fix-safe set-up would do
    assert safe.returncode == 1 and "files were modified by this hook" in safe.stdout
    assert (content_repo / "small-releases.md").read_text() == ADSENSE_CLEAN
    assert (content_repo / "usb-hubs.md").read_text() == REVIEW_POST  # its fixes are unsafe
    assert "Fixed 1 problem in 1 file." in safe.stdout
    assert "2 more fixes available with the `mdclean-fix-unsafe` hook" in safe.stdout

    fixed = run(
        sys.executable,
        "-m",
        "pre_commit",
        "run",
        "--hook-stage",
        "manual",
        "mdclean-fix-unsafe",
        "--all-files",
    )
    assert fixed.returncode == 1 and "Fixed 2 problems in 1 file." in fixed.stdout, fixed.stdout
    assert (content_repo / "usb-hubs.md").read_text() == REVIEW_CLEAN

    run("git", "add", "-u")
    committed = run("git", "commit", "-m", "Add posts")
    assert committed.returncode == 0, committed.stdout
    assert "mdclean" in committed.stdout and "Passed" in committed.stdout
    shown = run("git", "show", "HEAD:usb-hubs.md")
    assert shown.stdout == REVIEW_CLEAN

"""Links to a repository's commits, issues and releases: a project report's list, no link farm."""

from __future__ import annotations

import pytest

import mdclean
from mdclean import Config
from mdclean.matchers.repository_links import records_work

FARMS = Config(select=("LK002", "LK004"), unsafe_fixes=True)


@pytest.mark.parametrize(
    "href",
    [
        "https://github.com/org/repo/commit/7c38093075759eca26781e9ec3abec9d71956c8d",
        "https://github.com/org/repo/issues/2310",
        "https://github.com/org/repo/pull/15#discussion_r1",
        "https://gitlab.com/group/repo/-/merge_requests/12",
        "https://gitee.com/org/repo/commits/43538a76",
        "https://bitbucket.org/team/repo/pull-requests/7",
        "https://git.kernel.org/pub/scm/git/git.git/commit/?id=abcdef12",
        "https://github.com/org/repo/releases/tag/v1.2.0",
        "https://github.com/org/repo/compare/v1.1...v1.2",
        "https://bugzilla.example.org/show_bug.cgi?id=12345",
        "https://review.opendev.org/c/openstack/nova/+/812345",
        "https://bugs.launchpad.net/ubuntu/+bug/1234567",
    ],
)
def test_forge_pages_of_one_piece_of_work(href: str) -> None:
    assert records_work(href)


@pytest.mark.parametrize(
    "href",
    [
        "https://blog.example.cn/p/101",
        "https://magazine.example.com/issue/42",
        "https://blog.csdn.net/someone/article/details/123456",
        "https://blog.example.com/2023/04/commit-to-it/",
        "https://blog.example.com/commit/better-habits",
        "https://github.com/org/repo",
        "https://github.com/org/repo/issues",
    ],
)
def test_articles_and_repository_roots_are_no_record_of_work(href: str) -> None:
    assert not records_work(href)


def test_a_related_list_with_one_commit_link_still_goes() -> None:
    text = (
        "The last paragraph of the post.\n\n"
        "- [How we rewrote the parser in a single week](https://blog.example.com/2023/parser)\n"
        "- [Why our tests now run twice as fast as before](https://blog.example.com/2023/tests)\n"
        "- [The commit that started it all, explained](https://github.com/org/repo/commit/7c38093)\n"
    )
    assert mdclean.fix(text, config=FARMS).text == "The last paragraph of the post.\n"


def test_a_page_ending_in_its_commits_keeps_them_byte_for_byte() -> None:
    text = (
        "本期重写了主文档。\r\n\r\n"
        "- [主文档重写](https://github.com/org/matrix/commit/7c38093075759eca)\r\n"
        "- [修复了部分英文翻译不一致的问题](https://github.com/org/matrix/commit/7db869603c40)\r\n"
        "- [更新了 D1 Ubuntu 24.10 测试报告](https://github.com/org/matrix/commit/43538a76cca4)"
    )
    assert mdclean.fix(text, config=FARMS).text == text

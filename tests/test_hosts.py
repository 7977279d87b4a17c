"""``hosts.registrable``: which site an address is on, one reading for every module."""

from __future__ import annotations

import pytest

from mdclean.hosts import registrable
from mdclean.matchers.link_targets import site_of


@pytest.mark.parametrize(
    ("host", "site"),
    [
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("noticias.uol.com.br", "uol.com.br"),
        ("www.asahi.or.jp", "asahi.or.jp"),
        ("www.presidencia.gob.mx", "presidencia.gob.mx"),
        ("www.gazeta.msk.ru", "gazeta.msk.ru"),
        # A site whose own name is short is no registry (a length guess read these as one).
        ("tomsk.mk.ru", "mk.ru"),
        ("www.mk.ru", "mk.ru"),
        ("www.nu.nl", "nu.nl"),
        ("www.rp.pl", "rp.pl"),
        ("www.ad.nl", "ad.nl"),
        ("freemail.web.de", "web.de"),
        ("Blog.Example.COM.", "example.com"),
        ("localhost", "localhost"),
    ],
)
def test_a_host_is_read_to_its_registrable_part(host: str, site: str) -> None:
    assert registrable(host) == site


def test_the_safety_of_fixes_reads_sites_the_same_way() -> None:
    assert site_of("https://tomsk.mk.ru/news/2020/09/23/x.html") == site_of("https://www.mk.ru/")
    assert site_of("https://www.nu.nl/binnenland/1.html") == "nu.nl"

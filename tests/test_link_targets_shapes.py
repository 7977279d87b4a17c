"""``link_targets``' named readings of a link's shape, on real addresses of many sites, CMSs and
languages (the corpora's and the study sets' pages): one table per question."""

from __future__ import annotations

import pytest

from mdclean.matchers.link_targets import (
    ALL_FILES,
    DOWNLOADS,
    FILE_EXTENSIONS,
    is_article_link,
    is_file_target,
    is_month_archive,
    is_own,
    is_permalink,
    is_picture,
    is_section_anchor,
    is_section_page,
    names_a_file,
    own_link,
    page_name,
    permalink,
)

PICTURES = [
    "//image.thepaper.cn/publish/interaction/image/3/131/10.jpg",
    "//file.thepaper.cn/www/v3/img/ppzp.jpg?t=20160926",
    "//media.nature.com/lw767/magazine-assets/d41586-025-03571-x/d41586-025-03571-x_51657434.png",
    "//cdn6.campograndenews.com.br/ui/images/logo-rodape.png",
    "./infobae.com-ucrania_files/2BCXM4V6EJAETFP7SCRYQFTSEA.jpg",
    "./infobae.com-ucrania_files/audioon.svg",
    "../img/app_down.png",
    "https://prtimes.jp/i/29713/88/thumb/168x110/d29713-88-287476-2.gif",
    "/images/equipo-seguridad-sierra-circular.webp",
    "/redesign2018/img/sharings/vk_gray.svg",
    "https://www.videoconverterfactory.com/tips/imgs-self/vlc-upscaling/vlc-upscaling-02.webp",
    "<https://example.com/photo.JPEG#zoom>",
    "https://i0.wp.com/example.com/wp-content/uploads/2024/05/cover.avif?w=1200",
    "https://example.com/favicon.ico",
    "https://example.com/scan.tiff",
]
DOWNLOAD_FILES = [
    "https://www.open-std.org/jtc1/sc22/wg21/docs/papers/2022/p2510r3.pdf",
    "https://developer.arm.com/-/media/Files/pdf/Cache_Speculation_Side-channels.pdf",
    "https://r.dcs.redcdn.pl/file/o2/tvn/web-content/m/p1/f/6786f3c62fbf9021694f6e51cc07fe3c/ea.pdf",
    "https://bandai-a.akamaihd.net/corp/press/100000775668027.pdf",
    "/assets/mydoc.pdf",
    "https://prtimes.jp/a/?c=29713&r=88&f=d29713-88-pdf-0.pdf",  # a download script's file
    "https://www.ecma-international.org/wp-content/uploads/ECMA-372_1st_edition_december_2005.pdf",
    "https://www2.aomeisoftware.com/download/dra/ab/AOMEIBackupperStd.exe",
    "https://us.videoconverterfactory.com/download/dvd-ripper.exe?from=best-ogg.html/d/rec",
    "https://nodejs.org/dist/v18.12.1/node-v18.12.1.pkg",
    "https://www.ietf.org/rfc/rfc2616.txt",
    "https://example.com/releases/app-1.2.apk",
    "https://example.com/podcast/episode-12.mp3",
    "https://example.com/data/2024/results.xlsx",
    "https://example.com/books/manual.epub",
    "https://example.com/source.tar.gz",
]
OTHER_FILES = [
    "https://www.taipeitimes.com/xml/index.rss",
    "/sitemap.xml",
    "../linux/index.yml",
    "./clang_format/README.md",
    "../README.md#目录",
    "https://github.com/blue-hood/apps/blob/master/crawl.sh",
    "https://github.com/Mr-Destructive/advent_of_code/blob/main/2024/src/day04/main.go",
]
PAGES = [
    "https://docs.rs",  # a site whose top-level domain is a file's extension
    "https://example.zip/",
    "https://www.nu.nl/formule-1/6080021/verstappen-noteert-zesde-tijd.html",
    "https://noticias.uol.com.br/coronavirus/index.htm",
    "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml",
    "http://m.daejonilbo.com/mnews.asp?pk_no=1412361",
    "contribute.jsp",
    "https://www.tutorialspoint.com/c_standard_library/c_function_fscanf.htm",
    "/download.php?id=12",
    "https://devblogs.microsoft.com/oldnewthing/20190530-00/?p=102529",
    "report.pdf/",
    "#photo.jpg",
    "mailto:press@example.zip",
    "javascript:void(0)",
    "",
]


@pytest.mark.parametrize("href", PICTURES)
def test_pictures_are_files_and_pictures(href: str) -> None:
    assert is_picture(href)
    assert is_file_target(href)
    assert is_file_target(href, ("picture",))
    assert not is_file_target(href, DOWNLOADS)


@pytest.mark.parametrize("href", DOWNLOAD_FILES)
def test_downloads_are_files_not_pictures(href: str) -> None:
    assert is_file_target(href)
    assert is_file_target(href, DOWNLOADS)
    assert not is_picture(href)


@pytest.mark.parametrize("href", OTHER_FILES)
def test_feeds_and_source_files_are_files_of_their_own_kinds(href: str) -> None:
    assert is_file_target(href)
    assert not is_file_target(href, DOWNLOADS)
    assert not is_picture(href)


@pytest.mark.parametrize("href", PAGES)
def test_pages_hosts_anchors_and_schemes_are_no_files(href: str) -> None:
    assert not is_file_target(href)
    assert not is_picture(href)


def test_every_kind_lists_its_extensions_once() -> None:
    extensions = [ext for kind in ALL_FILES for ext in FILE_EXTENSIONS[kind]]
    assert len(extensions) == len(set(extensions))
    assert not {"html", "htm", "shtml", "php", "asp", "aspx", "jsp"} & set(extensions)


PERMALINKS = [
    # WordPress "Day and name" / "Month and name" (Settings > Permalinks), news CMSs' dated paths
    "https://legrandcontinent.eu/fr/2018/04/23/la-cjue-precise-les-regles-procedurales/",
    "https://www.infobae.com/politica/2022/05/04/alberto-fernandez-pierde-confianza-interna/",
    "https://www.tribunnews.com/pendidikan/2020/05/04/jawaban-soal-apa-dampak-negatif",
    "/2020/09/23/prichinoy-taynoy-inauguracii",
    "https://example.blogspot.com/2019/03/my-first-post.html",  # Blogger
    "http://sugamasao.hatenablog.com/entry/2013/11/02/174311",  # Hatena Blog
    "https://www.dailymaverick.co.za/article/2025-05-03-icj-concludes-hearings-on-israel/",
    "https://news.sina.com.cn/c/2019-11-25/doc-iihnzahi3275702.shtml",
    "https://news.chosun.com/site/data/html_dir/2020/08/27/2020082704301.html",
    # numeric ids: news CMSs, WordPress "Plain" with a long id
    "/moskva/8836037",
    "https://tass.ru/moskva/8836033",
    "https://www.diepresse.com/19765800/nennen-wir-ihn-doch-golf-von-nordamerika",
    "newsDetail_forward_4506347",
    "https://www.nzz.ch/international/israel-und-gaza-news-im-nahostkonflikt-ld.1759794",
    "https://tvn24.pl/swiat/koronawirus-w-chile-tlumy-ludzi-w-sklepach-4668753",
    "http://m.daejonilbo.com/mnews.asp?pk_no=1412361",
    "https://devblogs.microsoft.com/oldnewthing/?p=33263",
    "https://www.nikkan-gendai.com/articles/view/sports/367061",
    "https://www.mynet.com/samsunda-sobadan-zehirlenen-2-cocuk-hastanelik-oldu-110106661445",
    "https://trojmiasto.wyborcza.pl/trojmiasto/7,35612,25651465,jest-nowy-prezes.html",
    "https://news.biglobe.ne.jp/entertainment/0215/ori_200215_7568645051.html",
    # slugs of five words or more: WordPress "Post name", Hugo's /posts/slug/
    "https://jacob.gold/posts/programmers-need-to-start-meditating-now/",
    "https://danielmiessler.com/blog/most-companies-arent-ready-for-ai",
    "https://revistaforum.com.br/brasil/tuca-almeida-do-the-voice-kids-morre-baleado/",
    "https://www.publico.es/sociedad/vecinos-carabanchel-exigen-cambios-proximas-ediciones.html",
]
SECTIONS = [
    "/",
    "/politika",
    "/politics/",
    "list_26912",  # thepaper.cn's channel lists, relative to the page
    "/tag/rossiya",
    "//nauka.tass.ru",
    "https://www.nzz.ch/international",
    "https://tvn24.pl/swiat/",
    "https://noticias.uol.com.br/coronavirus/index.htm",
    "https://www.uol.com.br/esporte/futebol/campeonatos/liga-dos-campeoes",
    "https://swizec.com/blog/frustration-driven-development/",  # a slug of three words
    "/category/noticias/",
    "https://www.ansa.it/sito/notizie/sport/sport.shtml",
    "https://www.lexpress.fr/actualite/",
    # a year's or a month's archive page: nothing after its date (a post's address goes on)
    "/2020/07",
    "/2020/07/",
    "https://blog.example.de/2019/3/",
    "https://example.blogspot.com/2021/11/",
    "/archives/2020/",
    "/blog/2020/07",
]
NEITHER = [
    "#top",
    "mailto:pomoc@tvn24.pl",
    "javascript:registerwdsshow();",
    "install.md",
    "../api/foo/",
    "https://example.com/files/report.pdf",
    "/wp-content/uploads/2024/05/cover.jpg",  # a file in a dated folder is no permalink
    "https://static1.howtogeekimages.com/wordpress/wp-content/uploads/2024/07/kanopy-homepage.png",
    "https://www.ecma-international.org/wp-content/uploads/ECMA-372_1st_edition_december_2005.pdf",
    "/en-US/docs/Web/API/Fetch_API/Using_Fetch",
]


@pytest.mark.parametrize("href", PERMALINKS)
def test_permalinks(href: str) -> None:
    assert is_permalink(href)
    assert permalink(href)  # (the older name, which other matchers import)
    assert not is_section_page(href)


@pytest.mark.parametrize("href", SECTIONS)
def test_section_pages(href: str) -> None:
    assert is_section_page(href)
    assert not is_permalink(href)


@pytest.mark.parametrize("href", NEITHER)
def test_anchors_files_and_deep_paths_are_neither(href: str) -> None:
    assert not is_permalink(href)
    assert not is_section_page(href)


OWN = [
    ("/politika", "tass.ru"),
    ("list_25488", None),
    ("//nauka.tass.ru", "tass.ru"),
    ("https://batepapo.uol.com.br/", "uol.com.br"),
    ("https://www.bbc.co.uk/news/world-12345678", "bbc.co.uk"),
    ("https://tomsk.mk.ru/social/", "mk.ru"),
    ("<https://www.nu.nl/sport>", "nu.nl"),
    ("https://example.blogspot.com/2019/03/a.html", "example.blogspot.com"),
]
NOT_OWN = [
    ("https://www.facebook.com/tassagency", "tass.ru"),
    ("https://tass.ru/", None),
    ("#top", "tass.ru"),
    ("mailto:a@tass.ru", "tass.ru"),
    ("https://other.blogspot.com/", "example.blogspot.com"),
    ("https://www.bbc.com/news", "bbc.co.uk"),
]


@pytest.mark.parametrize(("href", "site"), OWN)
def test_own_links(href: str, site: str | None) -> None:
    assert is_own(href, site)
    assert own_link(href, site)


@pytest.mark.parametrize(("href", "site"), NOT_OWN)
def test_other_sites_anchors_and_mail_are_not_own(href: str, site: str | None) -> None:
    assert not is_own(href, site)


@pytest.mark.parametrize(
    ("segment", "name"),
    [
        ("impressum.html", "impressum"),
        ("story-4668753.shtml", "story-4668753"),
        ("mnews.asp", "mnews"),
        ("contribute.jsp", "contribute"),
        ("contact.cfm", "contact"),
        ("index.php5", "index"),
        ("cvename.cgi", "cvename"),
        ("report.pdf", "report.pdf"),
        ("politics", "politics"),
    ],
)
def test_a_page_is_named_without_its_extension(segment: str, name: str) -> None:
    assert page_name(segment) == name


HEADLINE_ONLY_ADDRESSES = [
    "https://www.nature.com/articles/d41586-023-03866-x",  # five digits inside a segment
    "https://ai.meta.com/blog/meta-llama-3-1/",  # a slug of four words
    "https://aif.ru/politics/world/i_tolstyy_sloy_alzhira",
    "https://www.meetgor.com/aoc-2024-day-1/",
    "https://www.anthropic.com/news/introducing-claude-for-education",
    "https://dev.to/mwong068/what-is-memoization-4359",
]
"""Articles' addresses that only a headline over them makes an article's: a four-word slug, a
five-digit run inside a segment (a section's name or numbered list can be as short)."""


@pytest.mark.parametrize("href", HEADLINE_ONLY_ADDRESSES)
def test_a_headline_makes_a_short_slug_or_id_an_article(href: str) -> None:
    assert is_permalink(href, headline=True)
    assert not is_permalink(href)


@pytest.mark.parametrize(
    "href",
    [
        "/2024-07-18",
        "https://www.mk.ru/politics/2020/09/23/prichinoy-taynoy-inauguracii-lukashenko-stal-styd.html",
        "/moskva/8836033",
        # a query's id and a long segment were is_permalink's and now are under a headline too
        "http://mp.weixin.qq.com/s?__biz=MzI5NzU0MTc5Mg==&mid=2247484000&idx=1&sn=d3a3af7d",
        "https://news.ycombinator.com/item?id=22867289",
        "/dotnet/api/system.management.automation.runspaces.authenticationmechanism",
    ],
)
def test_an_article_address_is_one_under_a_headline_too(href: str) -> None:
    assert is_permalink(href)
    assert is_permalink(href, headline=True)


@pytest.mark.parametrize(
    "href",
    [
        "/politics/",
        "/tag/rossiya",
        "/category/noticias/",
        "https://www.nzz.ch/",
        "/auctions/2023-12/",  # a month's listing, no day
        "/2020/07",  # a month's archive page (WordPress's Archives widget)
        "https://noticias.example.es/2024/05/",
        # a repository's file and its line: no article (vouching's old reading took the
        # commit's hash or the comment number for an id)
        "https://github.com/llvm/llvm-project/blob/1ba5ea67a30170053964a28f2f47aea4bb7f5ff1/compiler-rt/include/sanitizer/asan_interface.h#L256",
        "https://github.com/microsoft/vcpkg-docs/blob/main/vcpkg/examples/installing-and-using-packages.md#cmake",
        "https://www.example.com/wp-content/uploads/2024/05/a-photo-of-the-team.jpg",
    ],
)
def test_sections_and_files_are_no_articles_under_a_headline(href: str) -> None:
    assert not is_permalink(href, headline=True)


@pytest.mark.parametrize(
    "href",
    ["main.cpp", "setup.cfg", "contribute.jsp", "ask_user_home.jsp?userId=3828188", "a.idl#x"],
)
def test_a_relative_name_with_an_extension_names_a_file(href: str) -> None:
    assert names_a_file(href)


@pytest.mark.parametrize("href", ["politique/article/slug", "story/1234.html", "index.php?p=1"])
def test_a_relative_page_names_no_file(href: str) -> None:
    assert not names_a_file(href)


@pytest.mark.parametrize(
    "href",
    [
        "https://www.example.com.br/noticias/2020/03/14/trump-fez-exame.htm",  # a dated folder
        "/news/view.php?idx=10295",  # a query's article number
        "https://www.kompas.com/read/?id=88123",
        "https://fly.io/blog/litestream-writable-vfs/",  # an article's folder
        "https://hnasr.substack.com/p/memcached-architecture",
        "https://www.example.de/nachrichten/wetter",
        "https://www.nature.com/articles/d41586-025-00243-8",
        "https://www.example.com/politica/sucesso-4668753/",  # a long id in the last segment
    ],
)
def test_a_strict_article_link(href: str) -> None:
    assert is_article_link(href, strict=True)
    assert is_article_link(href)


@pytest.mark.parametrize(
    "href",
    [
        "/politique/1234-le-conseil-vote",  # an id of four digits and its slug
        "https://www.example.jp/entry1234.html",  # an id in a page's name
        "https://ai.meta.com/resources/meta-llama-3-1/",  # a slug of four words
    ],
)
def test_a_teaser_link_that_is_no_strict_article_link(href: str) -> None:
    assert is_article_link(href)
    assert not is_article_link(href, strict=True)


@pytest.mark.parametrize(
    "href",
    ["/politics/", "/tag/rossiya", "https://shop.example.com/products/blue-mug", "#comments"],
)
def test_sections_and_products_are_no_article_links(href: str) -> None:
    assert not is_article_link(href)


@pytest.mark.parametrize(
    ("href", "anchor"),
    [
        ("#installation", True),
        (" #Einleitung ", True),
        ("https://docs.example.com/guide/setup#step-2", True),
        ("http://example.org/#top", True),
        ("#", False),
        ("/guide/setup", False),
        ("https://example.com/a#b#c", False),
        ("mailto:ana@example.es#x", False),
    ],
)
def test_a_section_anchor_is_a_named_place_of_a_page(href: str, anchor: bool) -> None:
    # (anchor_toc, toc_toggle: the links of a table of contents)
    assert is_section_anchor(href) is anchor


@pytest.mark.parametrize(
    ("href", "anywhere", "root"),
    [
        ("/2020/04/", True, True),
        ("https://blog.example.de/2019/11", True, True),
        ("//www.monde-diplomatique.fr/2020/07", True, True),
        ("/2021/3/", True, True),
        ("https://htmhell.dev/adventcalendar/2025/11/", True, False),
        ("/blog/2020/07", True, False),
        ("/2020/04/?m=1", True, False),
        ("/2020/04/#archive", True, False),
        ("/2020/04/mi-entrada-del-blog/", False, False),
        ("/2020/13/", False, False),
        ("http://schemas.microsoft.com/maml/2004/10", True, False),
        ("/1999/", False, False),
    ],
)
def test_a_month_archive_ends_in_a_year_and_month(href: str, anywhere: bool, root: bool) -> None:
    # fix_safety asks for one at the site's root (the Archives widget's), link_targets' shapes
    # for one anywhere (a section, not a permalink, though its path holds a date).
    assert is_month_archive(href) is anywhere
    assert is_month_archive(href, root=True) is root
    if anywhere:
        assert not is_permalink(href)

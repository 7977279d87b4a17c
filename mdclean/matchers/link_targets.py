"""Where a saved page's links lead: to the page's own site or not, to a section or an article.

A page converted from the web (html2text, markdownify, crawl4ai, a clipper) keeps the site's
navigation as links, and what tells a menu from an article's links is where they lead, in any
language: a menu links the site's own *section pages* (its home, ``/politics/``,
``/edition-la-plaine``, ``list_26912``, ``/tag/x``: a path of one to four short segments), an
article's teasers link its *permalinks* (a date in the path, ``/2020/09/23/``, a numeric id of
five digits or more, a slug of five words or more, ``story-4668753.html``), and anything else
(a file, an anchor, a mail address, a script) is neither.

``page_site`` is the page's own site: the one its crawler or clipper noted, else the one most
of its absolute links lead to (``link_site``). A link is the site's own when it is a path (from
the root or relative to the page, not an anchor) or an address on that site or any of its
subdomains (``site_of`` reads a host's registrable part: ``noticias.uol.com.br`` and
``batepapo.uol.com.br`` are one site's).

Pure readings of one address each; the page's site is read once per document.

This module is the one reading of a link's shape for every matcher: one question, one named
function (``is_file_target``, ``is_picture``, ``is_permalink``, ``is_section_page``,
``is_own``, ``page_site``, ``noted_site``). A matcher that needs a stricter or looser reading
asks for it by a parameter (``is_file_target(href, kinds=...)``) or keeps a second named reading
whose docstring says why it differs, so that a fix to a shape reaches every rule that reads it.
"""

from __future__ import annotations

import re
from typing import Literal
from urllib.parse import urlsplit

from ..document import Document
from ..hosts import registrable

Shape = Literal["section", "permalink", "other"]

SECTION: Shape = "section"
PERMALINK: Shape = "permalink"
OTHER: Shape = "other"

_SECTION_DEPTH = 4
"""The segments of a section page's path at most (``/esporte/futebol/``)."""
_SEGMENT_CHARS = 40
"""A section's segment is a short name; a longer one is a headline's slug."""
_SLUG_WORDS = 5
"""The words of a segment that make it an article's slug (``incendie-dans-une-maison-cinq``)."""
_HEADLINE_SLUG_WORDS = 4
"""The words of a slug under a link whose text is a headline (``meta-llama-3-1``)."""
_DATE = re.compile(
    r"(?:^|/)(?:19|20)\d\d/(?:0?[1-9]|1[0-2])(?:/|$)"
    r"|(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
    r"|(?:^|\D)(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])(?:\D|$)"
)
"""A date in a path: ``/2020/09/``, ``2020-09-23``, ``20200923``."""
_YEAR_MONTH = r"(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/?$"
_ARCHIVE_END = re.compile(r"(?:^|/)" + _YEAR_MONTH)
"""A path that ends in a year and a month and holds nothing after them (``/2020/07/``,
``/blog/2020/07``): a month's archive page (WordPress's and Blogger's Archives widget), a
listing and no article, though ``_DATE`` finds its date."""
_ROOT_ARCHIVE = re.compile("/" + _YEAR_MONTH)
"""A path that is a year and a month from the site's root (``/2020/04/``)."""
_LONG_NUMBER = re.compile(r"^\d{5,}$")
"""A segment that is a number of five digits or more: an article's id (``/moskva/8836033``)."""
_ATTACHED_ID = re.compile(r"\d{6,}")
"""A run of six digits or more inside a segment: an id (``ld.1759794``, ``story-4668753``);
a section's numbered list is shorter (``list_26912``)."""
_HEADLINE_ID = re.compile(r"\d{5,}")
"""A run of five digits or more inside a segment under a link whose text is a headline
(Nature's ``d41586-023-03866-x``)."""
_QUERY_ID = re.compile(r"(?:^|&)[\w.-]*=\d{5,}(?:&|$)")
"""A query holding an id (``?pk_no=1412361``, ``?p=12345``)."""
_PAGE_EXTENSION = re.compile(r"\.(?:s?html?|php\d?|aspx?|jspx?|cfm|cms|do|cgi)$", re.I)
"""A page's own extension: a static page's, a server script's (PHP, ASP.NET, JSP, ColdFusion,
Struts, CGI, a news CMS's ``.cms``): the page is named by what is before it."""
FileKind = Literal["document", "archive", "installer", "media", "picture", "data", "source"]

FILE_EXTENSIONS: dict[FileKind, tuple[str, ...]] = {
    "document": ("pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods", "odp", "rtf",
                 "epub", "csv", "txt"),
    "archive": ("zip", "gz", "tgz", "tar", "rar", "7z", "iso"),
    "installer": ("exe", "dmg", "pkg", "msi", "deb", "rpm", "apk"),
    "media": ("mp3", "mp4", "webm", "mov"),
    "picture": ("png", "jpg", "jpeg", "gif", "webp", "svg", "avif", "bmp", "ico", "tif", "tiff"),
    "data": ("json", "xml", "rss", "atom", "ics", "yml", "yaml", "toml", "ipynb"),
    "source": ("md", "markdown", "mdx", "rst", "adoc", "js", "css", "py", "c", "h", "go", "rs",
               "java", "ts", "sh"),
}  # fmt: skip
"""The extensions of a file's name, by kind: what a link to a file (not to a page) ends in. A
page's own extensions (``.html``, ``.php``, ``.aspx``, ``.jsp``, ``.cms``: ``_PAGE_EXTENSION``)
are none of them. The union of what seven matchers each once listed for themselves."""
ALL_FILES: tuple[FileKind, ...] = tuple(FILE_EXTENSIONS)
DOWNLOADS: tuple[FileKind, ...] = ("document", "archive", "installer", "media")
"""The files a reader downloads: an article's attachment (a report, a dataset, an installer, an
episode), never a page of a site's; pictures, feeds and source files are kinds of their own."""
_FILE_NAME = {
    kinds: re.compile(
        r"\.(?:" + "|".join(ext for kind in kinds for ext in FILE_EXTENSIONS[kind]) + r")$", re.I
    )
    for kinds in (ALL_FILES, ("picture",))
}
_ANY_EXTENSION = re.compile(r"\.(?!s?html?(?:[?#]|$)|php(?:[?#]|$))\w{1,5}(?:[?#]|$)")
_ADDRESS_HOST = re.compile(r"^(?:[a-z][a-z0-9+.-]*:)?//[^/?#]*", re.I)
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
_WEB = re.compile(r"^(?:https?:)?//", re.I)
_WORDS = re.compile(r"[^\W_]+")


_HOST = re.compile(r"^(?:https?:)?//(?:[^@/\s]*@)?(?:www\.)?([^/:?#\s]+)", re.IGNORECASE)
_SHARED_HOSTS = re.compile(
    r"\.(?:wordpress\.com|blogspot\.[a-z.]+|github\.io|gitlab\.io|tistory\.com|substack\.com"
    r"|medium\.com|hatenablog\.(?:com|jp)|hatenadiary\.[a-z]+|tumblr\.com|livejournal\.com"
    r"|netlify\.app|vercel\.app|pages\.dev|wixsite\.com|weebly\.com|over-blog\.com|ghost\.io"
    r"|hashnode\.dev|blogfa\.com|fc2\.com|cocolog-nifty\.com|seesaa\.net|exblog\.jp"
    r"|blog\.jp|ameblo\.jp|typepad\.com|squarespace\.com|webflow\.io|readthedocs\.io)$"
)
"""Hosting platforms whose hosts are many people's sites (``alice.wordpress.com``,
``bob.github.io``): there a site is its whole host, not the platform's domain."""


def site_of(href: str) -> str | None:
    """The site an absolute address belongs to: its host's registrable part
    (``hosts.registrable``: ``example.co.uk``), lower case, or the whole host on a platform of
    many sites (``_SHARED_HOSTS``); None for a path or an anchor."""
    match = _HOST.match(href.strip())
    if match is None:
        return None
    host = match.group(1).lower().rstrip(".")
    if _SHARED_HOSTS.search(host):
        return host
    return registrable(host)


_POST_ADDRESS = re.compile(
    r"/(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/|[?&]p=\d+(?:&|$)|/(?:19|20)\d\d-\d\d-\d\d-"
    r"|/(?:blog|posts?|articles?|entry|entries|archives)/[^/?#\s]",
    re.IGNORECASE,
)
"""A post's address: a dated permalink, WordPress's ``?p=123``, a blog's post path."""
_ABSOLUTE_OR_ROOTED = re.compile(r"(?:[a-z][a-z0-9+.-]*:)?//[^/#?\s]|/[^/]", re.IGNORECASE)


def is_post_address(href: str, *, relative: bool = False) -> bool:
    """Whether a link leads to a blog's post by the strict reading of its address's shape,
    wherever the site is: a dated folder (``/2020/09/``, ``/2020-09-23-``), WordPress's
    ``?p=123``, a blog's post folder (``/blog/x``, ``/posts/x``, ``/entry/x``, ``/archives/x``).
    Stricter than ``is_permalink`` (no slug or id alone): read where the link is the whole
    evidence that a box lists posts. A path relative to the page (``page_relative``: a
    repository's or a manual's ``blog/notes.md``) is none unless ``relative`` (a reading whose
    other evidence already rules a manual out)."""
    if _POST_ADDRESS.search(href) is None:
        return False
    return relative or not page_relative(href)


_DATED_FOLDER = r"(?:^|/)(?:19|20)\d\d/(?:0?[1-9]|1[0-2])/"
_ID_KEYS = r"p|id|oid|aid|articleid|no|idx"
"""A query's keys that number an article (``?p=123``, ``?idx=10295``, ``?articleid=7``)."""
_ARTICLE_FOLDERS = (
    r"archives|p|posts?|blog|articles?|entry|entries|story|stories|news|noticias|nachrichten"
)
"""The folders a CMS keeps its articles in (``/p/x``, ``/entry/x``, ``/noticias/x``)."""
_STRICT_ARTICLE = (
    _DATED_FOLDER
    + rf"|[?&](?:{_ID_KEYS})=\d+"  # a numbered article
    + rf"|(?:^|/)(?:{_ARTICLE_FOLDERS})/[\w%-]"  # an article's folder
    + r"|/[^/?#\s]*\d{6,}[^/?#\s]*/?(?:[?#]|$)"  # a long id in the last segment
)
_ARTICLE_LINK = {
    True: re.compile(_STRICT_ARTICLE, re.IGNORECASE),
    False: re.compile(
        _STRICT_ARTICLE
        + r"|(?:^|/)\d{4,}(?:[-_][^/?#]*)?(?:\.s?html?|\.php)?/?(?:[?#]|$)"  # an id, its slug
        + r"|(?:^|/)[^/?#\s]*\d{4,}\.s?html?(?:[?#]|$)"  # an id in a page's name
        + r"|(?:^|/)[\w%]+(?:[-_][\w%]+){3,}(?:\.s?html?|\.php)?/?(?:[?#]|$)",  # 4+ words
        re.IGNORECASE,
    ),
}


def is_article_link(href: str, *, strict: bool = False) -> bool:
    """Whether a teaser's link leads to an article by its address's words as well as its shape:
    a dated folder (``/2020/09/``), a query's article number (``?p=``, ``?id=``, ``?idx=``:
    ``_ID_KEYS``), an article's folder by its name (``/news/x``, ``/entry/x``, ``/p/x``,
    ``/noticias/x``: ``_ARTICLE_FOLDERS``), an id of six digits or more in the last segment;
    unless ``strict``, also an id of four digits or more (``/1234-slug``, ``story1234.html``)
    and a slug of four words or more as the last segment. Read where a headline over the link
    is the other half of the evidence (``teaser_run``'s titles and page-relative targets;
    ``pictured_cards``' cards, strictly: a slug alone is a product's or a manual's page as
    often). Apart from ``is_permalink`` (shapes only, any folder's name) because it reads the
    folders' names and shorter numbers; apart from ``is_post_address`` (which vouches for safe
    fixes) because it takes any query id and a news CMS's folders."""
    return _ARTICLE_LINK[strict].search(href) is not None


def page_relative(href: str) -> bool:
    """Whether a link is a path relative to the page (``../setup``, ``intro.html``): what a
    repository or a manual writes; a page converted from the web links by address or from
    the site's root."""
    href = href.strip()
    return bool(href) and not href.startswith("#") and _ABSOLUTE_OR_ROOTED.match(href) is None


_SECTION_ANCHOR = re.compile(r"(?:https?://[^\s#]*)?#[^\s#]+")


def is_section_anchor(href: str) -> bool:
    """Whether a link (stripped) leads to a named place of a page: an anchor (``#install``), or
    a web address with a fragment (``https://example.com/guide#install``, a clipper's absolute
    form of the page's own anchor): what a table of contents links. A bare ``#`` is none."""
    return _SECTION_ANCHOR.fullmatch(href.strip()) is not None


def page_site(doc: Document) -> str | None:
    """The page's own site (registrable part): the address its saver noted, else the site most
    of its absolute links lead to (``link_site``); None when neither says."""
    store = doc.shared("link_targets")
    if "site" not in store:
        store["site"] = _read_site(doc)
    site: str | None = store["site"]
    return site


def _read_site(doc: Document) -> str | None:
    # imported here: link_site and saved_page read pages with fix_safety, which reads
    # addresses with this module (this one imports no matcher's module at its top)
    from .link_site import link_site
    from .saved_page import note_address

    address = note_address(doc)
    if address is not None:
        return site_of(address)
    return link_site(href.strip("<>") for href in _MARKDOWN_LINK.findall(doc.text))


_MARKDOWN_LINK = re.compile(r"\]\((<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)")
"""An inline link's target as the source writes it (enough to read which site most lead to)."""


def _target(href: str) -> str:
    return href.strip().strip("<>").strip()


def is_web_path(href: str) -> bool:
    """A path (from the site's root or relative to the page) or a web address: not an anchor
    of the page, a mail address, a script or another scheme."""
    href = _target(href)
    if not href or href.startswith("#"):
        return False
    return _WEB.match(href) is not None or _SCHEME.match(href) is None


def own_link(href: str, site: str | None) -> bool:
    """Whether a link leads to the page's own site: a path (rooted or relative to the page),
    or an address on ``site`` or any of its subdomains."""
    return is_own(href, site)


def absolute(href: str) -> bool:
    """Whether a link names its host (``https://…``, ``//…``)."""
    return _WEB.match(_target(href)) is not None


def target_shape(href: str, *, headline: bool = False) -> Shape:
    """The shape of a link's target (see the module's doc): ``section``, ``permalink`` or
    ``other``; ``headline`` as ``is_permalink`` reads it."""
    href = _target(href)
    if not is_web_path(href):
        return OTHER
    try:
        parts = urlsplit(href if _WEB.match(href) is None or "://" in href else "http:" + href)
    except ValueError:
        return OTHER
    return _address_shape(parts.path, parts.query, headline)


def _address_shape(path: str, query: str, headline: bool) -> Shape:
    """The shape of an address's path and query: a file's (in a dated folder too:
    ``/wp-content/uploads/2024/05/a.jpg``) is neither; a date or a query's id makes a
    permalink, but a month's archive (``_ARCHIVE_END``: nothing after the year and month);
    else its segments say (``_path_shape``)."""
    segments = [segment for segment in path.split("/") if segment not in ("", ".")]
    if segments and _file_name(segments[-1], ALL_FILES):
        return OTHER
    if _QUERY_ID.search(query) or (_DATE.search(path) and not _ARCHIVE_END.search(path)):
        return PERMALINK
    return _path_shape(segments, headline)


def _path_shape(segments: list[str], headline: bool) -> Shape:
    """The shape of a path without a date, by its segments."""
    if ".." in segments:
        return OTHER  # (a page relative to a folder above: a manual's, an offline copy's)
    if any(_permalink_segment(segment, headline) for segment in segments):
        return PERMALINK
    return OTHER if len(segments) > _SECTION_DEPTH else SECTION


def page_name(segment: str) -> str:
    """A path segment without a page's own extension (``_PAGE_EXTENSION``): ``impressum.html``
    -> ``impressum``, ``story-4668753.html`` -> ``story-4668753``."""
    return _PAGE_EXTENSION.sub("", segment)


def _permalink_segment(segment: str, headline: bool) -> bool:
    name = page_name(segment)
    if _LONG_NUMBER.match(name) or (_HEADLINE_ID if headline else _ATTACHED_ID).search(name):
        return True
    words = _WORDS.findall(name.replace("_", " "))
    if len(words) >= (_HEADLINE_SLUG_WORDS if headline else _SLUG_WORDS):
        return True
    if len(name) > _SEGMENT_CHARS:
        return True
    # a page named by a number in a page's extension: "story/1234.html"
    return name != segment and any(ch.isdigit() for ch in name) and len(name) >= 4


def section_link(href: str, site: str | None) -> bool:
    """A link to a section page of the page's own site."""
    return own_link(href, site) and target_shape(href) == SECTION


def permalink(href: str) -> bool:
    """A link to an article's permalink (any site)."""
    return target_shape(href) == PERMALINK


def _path_and_query(href: str) -> tuple[str, str]:
    """A link's path as written (without its scheme and host) and its query, its fragment
    dropped."""
    href = _target(href).split("#", 1)[0]
    path, _, query = href.partition("?")
    host = _ADDRESS_HOST.match(path)
    return (path[host.end() :] if host is not None else path), query


def _file_name(segment: str, kinds: tuple[FileKind, ...]) -> bool:
    pattern = _FILE_NAME.get(kinds)
    if pattern is None:
        exts = "|".join(ext for kind in kinds for ext in FILE_EXTENSIONS[kind])
        pattern = _FILE_NAME.setdefault(kinds, re.compile(rf"\.(?:{exts})$", re.I))
    return pattern.search(segment) is not None


def is_file_target(href: str, kinds: tuple[FileKind, ...] = ALL_FILES) -> bool:
    """Whether a link leads to a file, not to a page: the last segment of its path, or its
    query (a download script's ``?f=report.pdf``), ends in one of the extensions of ``kinds``
    (``FILE_EXTENSIONS``: a PDF, an archive, an installer, a picture, a feed, a source file).
    Its host is never read (``https://docs.rs``, ``https://example.zip`` are sites), nor its
    fragment; an anchor, a mail address or a script is no file (``is_web_path``). A download of
    the article's, a picture's own file or a repository's file is neither a section page nor
    another article."""
    if not is_web_path(href):
        return False
    path, query = _path_and_query(href)
    name = path.rstrip().rsplit("/", 1)[-1]
    return (bool(name) and _file_name(name, kinds)) or (bool(query) and _file_name(query, kinds))


def is_picture(href: str) -> bool:
    """Whether a link leads to a picture's own file (``.jpg``, ``.png``, ``.webp``, ``.svg``...;
    ``is_file_target`` of the kind "picture"): a thumbnail's or a photo's, not a page."""
    return is_file_target(href, ("picture",))


def is_permalink(href: str, *, headline: bool = False) -> bool:
    """Whether a link leads to an article's permalink, on any site (``target_shape``): a date in
    its path (WordPress's "Day and name" and "Month and name" permalink settings,
    ``/2020/09/23/slug/``, ``/2020/09/slug/``; Blogger's ``/2020/09/slug.html``; Jekyll's
    default ``/category/2020/09/23/slug.html``; ``2020-09-23`` and ``20200923`` in a news CMS's
    names), a numeric id (WordPress's "Plain" ``?p=123`` with five digits or more, a news CMS's
    ``/moskva/8836033``, ``story-4668753.html``, ``ld.1759794``, ``?pk_no=1412361``), or a
    slug of five words or more (WordPress's "Post name" ``/%postname%/``, Hugo's default
    ``/posts/a-long-title-of-a-post/``: a section's name is shorter).

    With ``headline`` (the link's own text is a headline: the other half of the evidence, as
    in ``vouching``'s runs of the site's own headlines) a slug of four words
    (``/blog/meta-llama-3-1/``, ``i_tolstyy_sloy_alzhira``) and a run of five digits inside a
    segment (Nature's ``d41586-023-03866-x``) are an article's too: a short slug or id is a
    section's often enough to keep out of the address alone, not under a headline."""
    return target_shape(href, headline=headline) == PERMALINK


def is_month_archive(href: str, *, root: bool = False) -> bool:
    """Whether a link leads to a month's archive page: its path ends in a year and a month
    (``_ARCHIVE_END``: ``/blog/2020/07``); with ``root``, the year and month are the whole path
    from the site's root, with no query and no fragment (``/2020/04/``,
    ``https://blog.example/2020/04``: where WordPress's and Blogger's Archives widget links; a
    post's address goes on to its slug)."""
    target = _target(href)
    path, query = _path_and_query(target)
    if root:
        return not query and "#" not in target and _ROOT_ARCHIVE.match(path) is not None
    return _ARCHIVE_END.search(path) is not None


def is_section_page(href: str) -> bool:
    """Whether a link leads to a section page (any site): a path of one to ``_SECTION_DEPTH``
    short segments without a date, an id or a long slug (``/politics/``, ``/tag/x``,
    ``list_26912``): what a site's menu links."""
    return target_shape(href) == SECTION


def is_own(href: str, site: str | None, *, relative: bool = True) -> bool:
    """Whether a link leads to the page's own site: a path (from the site's root, or, when
    ``relative``, relative to the page; not an anchor), or an address on ``site`` or any of its
    subdomains (``site_of``; a mail address or a script is no page). A reading that is not sure
    the page keeps its site's relative links as the site wrote them (a clipper rewrites them; a
    manual's relative links lead to its own files) asks with ``relative=False``."""
    href = _target(href)
    if not is_web_path(href):
        return False
    if _WEB.match(href) is None:
        return relative or href.startswith("/")
    return site is not None and site_of(href) == site


def names_a_file(href: str) -> bool:
    """Whether a link's address ends in a name with any extension of one to five characters but
    a static or PHP page's (``.html``, ``.htm``, ``.shtml``, ``.php``), before its query or
    fragment or at its end: ``main.cpp``, ``setup.cfg``, ``contribute.jsp?x=1``. Looser than
    ``is_file_target`` (which knows the kinds of files): the reading of a path relative to the
    page, where a site's converter writes its own pages bare (``politique/article/slug``) or as
    ``.html``, and anything else names a file beside the page (a manual's, a repository's)."""
    return _ANY_EXTENSION.search(_target(href)) is not None


def noted_site(doc: Document) -> str | None:
    """The site the page was saved from as its crawler or clipper noted it (``note_address``):
    the first reading of ``page_site``, which the page's own shape cannot give."""
    from .saved_page import note_address  # (see _read_site)

    address = note_address(doc)
    return site_of(address) if address is not None else None

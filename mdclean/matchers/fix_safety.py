"""Per-finding fix safety: the evidence that lets one finding of a loose rule be fixed unattended,
or keeps one finding of a strict rule waiting for ``--unsafe-fixes``.

A rule's ``fix`` is its default; its ``fix-when`` line says when a finding carries the other
safety, and the matcher decides it with these readings. They look at a finding's links only:
where a link leads is the one thing a page cannot word differently.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import urlsplit

from ..document import Document, Node
from ..models import Applicability
from .inline_links import image_openings
from .link_targets import is_month_archive, is_post_address, page_relative, site_of
from .linkblocks import Link, skeleton

_DOCUMENTATION_LINK = re.compile(
    r"^(?:[a-z][a-z0-9+.-]*:)?//(?:docs?|developers?|learn|wiki|help)\.[^/\s]"
    r"|^[^?#\s]*/(?:docs?|documentation|manual|reference|wiki)(?:/|\.html?$|$)"
    r"|\.readthedocs\.io|\.gitbook\.io|\.github\.io/[^/\s]+/(?:[^/\s]+/)*[^/\s]*\.html?$",
    re.IGNORECASE,
)
"""A page of a manual: a docs host (``docs.example.com``), a docs path (``/docs/``,
``/manual/``), a documentation host (Read the Docs, GitBook)."""
_REFERENCE_SEGMENT = re.compile(
    r"/(?:docs?|documentation|manual|reference|api|wiki)(?:/|$)", re.IGNORECASE
)
"""A reference's folder anywhere in an address (``/api/``, ``…?next=/docs/``): looser than a
manual's page, for rules that must never read a reference as another post."""


def documentation_link(href: str) -> bool:
    """Whether a link leads to a page of a manual: a manual's cross-references, not a post's."""
    return _DOCUMENTATION_LINK.search(href.strip()) is not None


def reference_link(href: str) -> bool:
    """Whether a link may lead to a manual's or an API reference's page: ``documentation_link``
    or a reference's folder anywhere in the address (the one source for such targets)."""
    return documentation_link(href) or _REFERENCE_SEGMENT.search(href) is not None


def manual_links(hrefs: Iterable[str]) -> bool:
    """Whether some link leads to a manual's page or is relative to the page."""
    return any(documentation_link(href) or page_relative(href) for href in hrefs)


def unsafe_if(guess: bool) -> Applicability | None:
    """A finding's safety when ``guess`` makes a safe rule's finding a guess."""
    return Applicability.UNSAFE if guess else None


def safe_if(sure: bool) -> Applicability | None:
    """A finding's safety when ``sure`` makes an unsafe rule's finding certain."""
    return Applicability.SAFE if sure else None


def links_in(doc: Document, nodes: Iterable[Node]) -> list[Link]:
    """The links of the paragraphs and headings in ``nodes`` and in what they hold."""
    links: list[Link] = []
    for node in nodes:
        for leaf in node.walk():
            skel = skeleton(doc, leaf) if leaf.kind in ("paragraph", "heading") else None
            links += skel.links if skel is not None else []
    return links


def all_posts(links: list[Link]) -> bool:
    """Whether there are links and every one leads to a post's address."""
    return bool(links) and all(is_post_address(link.href) for link in links)


THEME_LINK = re.compile(
    r"/(?:tags?|category|categories|categoria|categorie|kategorie|rubrique)/[^/?#\s]+/?(?:[?#]|$)"
    r"|/search/label/[^/?#\s]+|/taxonomy/term/\d+"
    r"|/(?:authors?|autor|autores|autore|auteur)/[^/?#\s]+/?(?:[?#]|$)"
    r"|#(?:respond|reply-title|comments|comment-form|disqus_thread)$|#comment-\d+$|[?&]replytocom="
    r"|[?&]share=[\w-]+|#print$",
    re.IGNORECASE,
)
"""The addresses a blog theme gives its own machinery, never an article's sources: the pages
of its taxonomies (``/tag/x/``, ``/category/x/``, Blogger's ``/search/label/x``, Drupal's
``/taxonomy/term/12``), an author's archive (``/author/x/``), the comment form and thread
(``#respond``, ``#reply-title``, ``#comment-12``, ``?replytocom=``) and Jetpack's share and
print buttons (``?share=twitter``, ``#print``)."""
_TAXONOMY_OR_AUTHOR = re.compile(
    r"/(?:tags?|categor|kategorie|rubrique|search/label|taxonomy|authors?/|auteur|autor)", re.I
)
_AVATAR = re.compile(r"avatar|gravatar\.com/", re.IGNORECASE)
THEME_LINE_WORDS = 12
"""At most this many words outside links in a theme's line ("Posted in … and tagged …")."""


def theme_link(href: str) -> bool:
    """Whether a link leads to a blog theme's own machinery (``THEME_LINK``)."""
    return THEME_LINK.search(href.strip()) is not None


def theme_line(hrefs: list[str], words_outside: int) -> bool:
    """Whether a block of links is a theme's line: few words besides its links, every link
    the theme's machinery (``theme_link``; the share buttons' and log-in endpoints,
    ``junk_endpoint``; the feeds and the platform's credit a theme's footer prints:
    "Blog is proudly powered by [WordPress](…) [Entries (RSS)](…/feed/) and [Comments
    (RSS)](…/comments/feed/)"), but for one post's address beside taxonomy or author links
    (the meta line's "Bookmark the [permalink](…)")."""
    if not hrefs or words_outside > THEME_LINE_WORDS:
        return False
    others = [href for href in hrefs if not _machinery(href)]
    if not others:
        return True
    return (
        len(others) == 1
        and is_post_address(others[0])
        and any(_TAXONOMY_OR_AUTHOR.search(href) for href in hrefs)
    )


def _machinery(href: str) -> bool:
    """A link to a theme's or a platform's machinery: ``theme_link``, ``junk_endpoint``, a
    widget's own addresses (``_WIDGET_LINK``: a month's archive page, a script's toggle, the
    hosting platform's footer credit), or one of the "Meta" widget's links (log-in, feeds, the
    platform's credit) on a real host."""
    if theme_link(href) or junk_endpoint(href):
        return True
    href = href.strip()
    if is_month_archive(href, root=True) or _WIDGET_LINK.search(href):
        return True
    return _PLACEHOLDER.match(href) is None and any(
        shape.search(href) for _, shape in _META_WIDGET_LINKS
    )


_WIDGET_LINK = re.compile(
    r"^javascript:|^#$"
    r"|^https?://(?:[a-z]{2,3}\.)?wordpress\.com/\?ref=footer_[a-z_]+$",
    re.IGNORECASE,
)
"""The addresses only a blog's widgets link besides a month's archive page at the site's root
(``link_targets.is_month_archive``: the Archives widget's ``/2020/04/``): a script's toggle
(``javascript:void(0)``, the archive tree's arrows; a button's bare ``#``), WordPress.com's
footer credit
(``https://wordpress.com/?ref=footer_blog``)."""


def machinery_link(href: str) -> bool:
    """Whether a link leads to a theme's or a platform's machinery (``theme_line``'s links:
    taxonomy and author pages, share and log-in endpoints, archives, feeds, credits)."""
    return _machinery(href)


def avatar_images(source: str) -> bool:
    """Whether a block's source is images only (besides white space and links around them),
    each an avatar by its address or alt text (a comment's or an author box's picture)."""
    images = image_openings(source)
    return bool(images) and all(_AVATAR.search(alt) or _AVATAR.search(url) for alt, url in images)


_META_WIDGET_LINKS = (
    (
        "login",
        re.compile(
            r"/wp-login\.php(?:\?\S*)?$|/wp-admin/?$|//wordpress\.com/start\?ref=wplogin$", re.I
        ),
    ),
    ("comments", re.compile(r"/comments/feed/?$|[?&]feed=comments-(?:rss2?|atom)$", re.I)),
    ("entries", re.compile(r"/feed/?$|[?&]feed=(?:rss2?|atom)$", re.I)),
    (
        "wordpress",
        re.compile(r"^https?://(?:(?:[a-z]{2,3}\.)?wordpress\.org|wordpress\.com)/?$", re.I),
    ),
)
_META_WIDGET = ["login", "entries", "comments", "wordpress"]
_PLACEHOLDER = re.compile(r"^(?:https?:)?//(?:[\w-]+\.)*example\.(?:com|org|net)(?:[/:?#]|$)", re.I)


def wordpress_meta_widget(hrefs: list[str]) -> bool:
    """Whether links are WordPress's "Meta" widget as its template prints it: the log-in
    links (log in, register, site admin), the entries feed, the comments feed and
    WordPress.org, in that order, each of them and nothing else, on a real host. A guide that
    lists a blog's log-in and feed addresses names an example host, or leaves out the credit."""
    kinds: list[str] = []
    for href in (h.strip() for h in hrefs):
        kind = next((k for k, shape in _META_WIDGET_LINKS if shape.search(href)), None)
        if kind is None or _PLACEHOLDER.match(href):
            return False
        if not (kind == "login" and kinds[-1:] == ["login"]):
            kinds.append(kind)  # the log-in links are one slot of the template
    return kinds == _META_WIDGET


_SHARE_ENDPOINT = re.compile(
    r"facebook\.com/(?:sharer|share\.php|dialog/share)|(?:twitter|x)\.com/(?:intent/(?:tweet|post)|share)"
    r"|linkedin\.com/(?:shareArticle|sharing/share)|pinterest\.[a-z.]+/(?:pin/create|pin-builder)"
    r"|reddit\.com/submit|api\.whatsapp\.com/send|wa\.me/\?text=|whatsapp://send"
    r"|(?:t\.me|telegram\.me)/share|tumblr\.com/(?:share|widgets/share)|getpocket\.com/(?:save|edit)"
    r"|news\.ycombinator\.com/submitlink|vk\.com/share\.php|xing\.com/spi/shares"
    r"|bsky\.app/intent/compose|service\.weibo\.com/share|connect\.qq\.com/widget/shareqq"
    r"|sns\.qzone\.qq\.com/cgi-bin/qzshare|b\.hatena\.ne\.jp/(?:entry|add)"
    r"|social-plugins\.line\.me/lineit/share|addtoany\.com/(?:share|add_to)"
    r"|connect\.ok\.ru/(?:offer|dk\?[^#\s]*widgetsharepreview)"
    r"|blogger\.com/share-post\.g\?|^mailto:\?(?:subject|body)="
    r"|[?&]share=(?:twitter|facebook|email|print|pocket|telegram|whatsapp|jetpack-whatsapp"
    r"|linkedin|reddit|tumblr|pinterest|bluesky|mastodon|threads|x)\b",
    re.IGNORECASE,
)
"""A share button's endpoint that names one service (BP013's targets)."""
_JUNK_ENDPOINT = re.compile(
    rf"{_SHARE_ENDPOINT.pattern}"
    r"|wp-login\.php|[?&]replytocom=\d+|widgets\.wp\.com/likes/|jetpack\.wordpress\.com/jetpack-comment/",
    re.IGNORECASE,
)
"""A share button's or a log-in or comment form's endpoint (BP013's and BP024's targets that
name one service): an address only a page's machinery links to."""


def share_endpoint(href: str) -> bool:
    """Whether a link leads to a share endpoint (``_SHARE_ENDPOINT``): a share button's."""
    return _SHARE_ENDPOINT.search(href.strip()) is not None


def junk_endpoint(href: str) -> bool:
    """Whether a link leads to a share, log-in or comment endpoint (``_JUNK_ENDPOINT``)."""
    return _JUNK_ENDPOINT.search(href.strip()) is not None


_PROFILE = re.compile(
    r"^https?://(?:www\.|m\.|mobile\.|[a-z]{2}(?:-[a-z]{2})?\.)?(?:"
    r"(?:twitter|x|instagram|facebook|threads|pinterest|tiktok|github|gitlab|t|telegram|vk|weibo"
    r"|youtube)\.(?:com|me|net)/(?!(?:share|sharer|intent|search|hashtag|explore|home|login)\b)"
    r"@?[\w.-]+"
    r"|(?:ok\.ru|odnoklassniki\.ru|dzen\.ru|zen\.yandex\.ru)/(?:(?:group|profile)/)?[\w.-]+"
    r"|(?:linkedin\.com/(?:in|company)|bsky\.app/profile|youtube\.com/(?:channel|c|user)"
    r"|reddit\.com/(?:r|u|user)|discord\.(?:gg|com/invite)|weibo\.com/u"
    r"|news\.google\.com/publications)/[\w.%-]+"
    r"|[\w-]+(?:\.[\w-]+)+/(?:@|%40)[\w.-]+"
    r")/?(?:\?(?:ref_src|ref|utm_\w+|lang|hl)=[^#\s]*)?$",
    re.IGNORECASE,
)
"""A social network's profile page, the handle alone (``twitter.com/NAME``, ``t.me/NAME``,
``linkedin.com/company/NAME``, ``bsky.app/profile/NAME``, a Fediverse host's ``/@NAME``, a
publication's page on Google News), on the network's host or a language's (``es.linkedin.com``,
``fr-fr.facebook.com``): a site's follow icons. An article's source on such a host names more than its owner
(``github.com/owner/repo``, ``x.com/NAME/status/123``)."""


def social_profile(href: str) -> bool:
    """Whether a link leads to a social network's profile page and nothing deeper
    (``_PROFILE``)."""
    return _PROFILE.match(href.strip()) is not None


_ADDRESS_KEYS = (
    "source",
    "url",
    "link",
    "source_url",
    "original_url",
    "canonical_url",
    "canonical",
)


def page_address(doc: Document) -> str | None:
    """The page's own address as a clipper or crawler wrote it in the front matter (``source:``,
    ``url:``, ``link:``...): where the page was taken from, which the page's words cannot fake."""
    from ..frontmatter.data import page_data  # (front matter reading: only for the safe cores)

    data = page_data(doc)
    for key in _ADDRESS_KEYS if data else ():
        value = data.get(key) if data else None
        if isinstance(value, str) and value.strip().lower().startswith(("http://", "https://")):
            return value.strip()
    return None


_CLIMB = re.compile(r"(?:\.\./)+")


def climbs_to_root(href: str, address: str | None) -> bool:
    """Whether a link relative to the page climbs exactly to its site's root (``../../about/``
    on a page at ``/2025/04/slug/``... with as many ``../`` as the page's folder is deep): a
    saver that keeps a site offline (wget ``--convert-links``, HTTrack, a crawler's mirror)
    writes the site's rooted links so. A file beside the page (``setup.md``, ``../img/a.png``
    from a deeper folder) is the page's own, and without the page's noted ``address`` no
    depth is known."""
    href = href.strip()
    climb = _CLIMB.match(href)
    if address is None or climb is None or "//" in href:
        return False
    path = urlsplit(address.strip()).path
    folders = [part for part in path[: path.rfind("/") + 1].split("/") if part]
    return climb.group(0).count("../") == len(folders)


def site_home(href: str, site: str) -> bool:
    """Whether a link leads to the home page of ``site`` (``/``, ``https://www.site/``): where a
    theme's logo and the site's name link; an article's links lead deeper."""
    href = href.strip()
    if href == "/":
        return True
    return site_of(href) == site and _HOME_PATH.fullmatch(urlsplit(href).path) is not None


_HOME_PATH = re.compile(r"/?(?:index\.(?:html?|php))?")


_THEME_ASSET = re.compile(
    r"/wp-content/(?:themes|plugins)/|/wp-includes/|//resources\.blogblog\.com/"
    r"|/sites/[^/\s]+/themes/|/core/themes/|/media/templates/site/",
    re.IGNORECASE,
)
"""The folders of a CMS's theme and plugins, never its uploads: WordPress's
``/wp-content/themes/`` and ``/wp-content/plugins/`` (an article's pictures are in
``/wp-content/uploads/``), Blogger's widget images (``resources.blogblog.com``), Drupal's
``/sites/NAME/themes/`` and ``/core/themes/``, Joomla's ``/media/templates/site/``."""


def theme_pictures(source: str) -> bool:
    """Whether a block's pictures are all the theme's own files (``_THEME_ASSET``): the site's
    logo, a widget's icon; an author's figure is an upload."""
    images = image_openings(source)
    return bool(images) and all(_THEME_ASSET.search(url) for _, url in images)

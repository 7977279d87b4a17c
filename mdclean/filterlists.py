"""Adblock Plus filter lists (EasyList, EasyPrivacy, the user's own) and the engine that reads them.

The engine is Brave's adblock-rust through the ``adblock`` package: a real Adblock Plus
matcher, not a parser of our own. It is imported and loaded only when a rule asks about a
URL or an element, so a run over files without candidates never pays for it. Building an
engine from the lists takes about 0.4 s; it is built once and kept serialized in the user's
cache folder (``MDCLEAN_ENGINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/mdclean`` or
``~/.cache/mdclean``), keyed by the lists' contents and the adblock version, so later runs
load it in well under 0.1 s. Nothing is ever fetched from the network.

Two engines, one per kind of evidence: the ad lists (EasyList and the user's lists) and the
tracker list (EasyPrivacy). A URL the ad engine blocks is an ad; one only the tracker engine
blocks is a tracker.
"""

from __future__ import annotations

import atexit
import hashlib
import marshal
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from .hosts import registrable
from .usercache import mark_used, prune, store_atomically, user_cache_dir

BUILTIN_DIR = Path(__file__).parent / "data" / "filter-lists"
BUILTIN_AD_LISTS = ("easylist.txt",)
BUILTIN_TRACKER_LISTS = ("easyprivacy.txt",)
_HEADER_BYTES = 512
"""Enough of a built-in list to read its ``! Version:`` line (upstream builds name it)."""

PAGE_HOST = "page.invalid"
"""The page's own host, which a scraped Markdown file no longer knows: relative URLs resolve
against it (first party); every absolute URL is taken as a third-party request."""


@dataclass(frozen=True)
class ListSet:
    """The lists in effect for a configuration: built-in ones (unless turned off) and the user's."""

    builtin: bool = True
    user_lists: tuple[Path, ...] = ()

    def ad_lists(self) -> tuple[Path, ...]:
        return (
            tuple(BUILTIN_DIR / n for n in BUILTIN_AD_LISTS) if self.builtin else ()
        ) + self.user_lists

    def tracker_lists(self) -> tuple[Path, ...]:
        return tuple(BUILTIN_DIR / n for n in BUILTIN_TRACKER_LISTS) if self.builtin else ()

    def fingerprint(self) -> str:
        """What the lists' matches depend on, cheaply: a built-in list by its size and version
        line (it ships with mdclean), a user's list by its whole content."""
        digest = hashlib.blake2b(digest_size=16)
        for path in self.ad_lists() + self.tracker_lists():
            digest.update(_list_digest(path, whole=path.parent != BUILTIN_DIR).encode())
        return digest.hexdigest()


def _list_digest(path: Path, *, whole: bool) -> str:
    try:
        if whole:
            return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
        with path.open("rb") as handle:
            head = handle.read(_HEADER_BYTES)
        return (
            f"{path.name}:{path.stat().st_size}:{hashlib.blake2b(head, digest_size=8).hexdigest()}"
        )
    except OSError:
        return f"{path}:unreadable"


def read_list(path: Path) -> str:
    """A filter list's text; an unreadable one is a clear error for the configuration to report."""
    try:
        return path.read_text(encoding="utf-8-sig")
    except OSError as error:
        raise FilterListError(
            f"{path}: cannot read filter list: {error.strerror or error}"
        ) from None
    except UnicodeDecodeError:
        raise FilterListError(f"{path}: a filter list must be UTF-8 text") from None


class FilterListError(ValueError):
    """A filter list that cannot be read."""


def engine_cache_dir() -> Path:
    """Where serialized engines are kept: shared by every project of the user (keyed by content)."""
    return user_cache_dir()


def load_engine(lists: Sequence[Path]) -> Any:
    """An adblock ``Engine`` for the lists: from its serialized form when cached, else built
    (and then cached; a cache folder that cannot be written only costs the next run a build)."""
    import adblock  # imported here: only a document with a candidate URL or element gets this far

    digest = hashlib.blake2b(
        f"adblock {getattr(adblock, '__version__', '')}\n".encode(), digest_size=20
    )
    for path in lists:  # a built-in list by its version line and size: it is not read unless built
        digest.update(_list_digest(path, whole=path.parent != BUILTIN_DIR).encode())
    cached = engine_cache_dir() / f"engine-{digest.hexdigest()}.dat"
    engine = adblock.Engine(adblock.FilterSet(), optimize=True)
    try:
        engine.deserialize(cached.read_bytes())
    except (OSError, adblock.DeserializationError):
        pass
    else:
        mark_used(cached)
        return engine
    filters = adblock.FilterSet()
    for path in lists:
        filters.add_filter_list(read_list(path))
    engine = adblock.Engine(filters, optimize=True)
    store_atomically(cached, engine.serialize())
    prune(cached.parent, "engine-*.dat", keep=cached)
    return engine


_ANSWERS_FORMAT = 1
"""Changes when what ``KnownAnswers`` keeps, or how its keys are written, changes."""
_MAX_ANSWERS = 20_000
"""Answers kept at most (about 2 MB): a run over a large corpus loads the engines anyway."""


class KnownAnswers:
    """What the engines answered, kept between runs in the user's cache folder next to the
    serialized engines, in a file named by all the answers depend on (the lists as
    ``ListSet.fingerprint`` reads them, adblock's version). Loading both engines costs a
    one-file run 0.1-0.2 s, most of its time when it holds a link or an image: a run whose
    questions were all asked before loads none. Saved when the process ends, if it learned
    anything (a worker process of a large run keeps what it learned to itself)."""

    def __init__(self, lists: ListSet) -> None:
        import adblock  # here: about 1 ms, and only where a rule asks about a URL or an element

        digest = hashlib.blake2b(
            f"answers {_ANSWERS_FORMAT} adblock {getattr(adblock, '__version__', '')}\n"
            f"{lists.fingerprint()}".encode(),
            digest_size=20,
        )
        self.path = engine_cache_dir() / f"answers-{digest.hexdigest()}.marshal"
        self.answers: dict[str, Any] = {}
        self.learned = False
        try:
            kept = marshal.loads(self.path.read_bytes())
        except (OSError, EOFError, ValueError, TypeError):
            return
        if isinstance(kept, dict):
            self.answers = kept
            mark_used(self.path)

    def answer(self, question: str, work_out: Callable[[], Any]) -> Any:
        """The answer kept for ``question``, else ``work_out()``'s (then kept)."""
        if question in self.answers:
            return self.answers[question]
        answer = work_out()
        if len(self.answers) < _MAX_ANSWERS:
            if not self.learned:
                self.learned = True
                atexit.register(self.save)
            self.answers[question] = answer
        return answer

    def save(self) -> None:
        store_atomically(self.path, marshal.dumps(self.answers))
        prune(self.path.parent, "answers-*.marshal", keep=self.path)


@dataclass
class Engines:
    """The ad and tracker engines of one list set, each loaded on first use; their answers are
    kept between runs (``KnownAnswers``)."""

    lists: ListSet
    _ads: Any = field(default=None, repr=False)
    _trackers: Any = field(default=None, repr=False)
    _loaded: set[str] = field(default_factory=set, repr=False)
    _known: KnownAnswers | None = field(default=None, repr=False)

    @property
    def known(self) -> KnownAnswers:
        if self._known is None:
            self._known = KnownAnswers(self.lists)
        return self._known

    def _engine(self, kind: str) -> Any:
        if kind not in self._loaded:
            paths = self.lists.ad_lists() if kind == "ads" else self.lists.tracker_lists()
            setattr(self, f"_{kind}", load_engine(paths) if paths else None)
            self._loaded.add(kind)
        return getattr(self, f"_{kind}")

    def load(self) -> None:
        """Load both engines now (before workers fork, so that they share one copy)."""
        self._engine("ads")
        self._engine("trackers")

    def classify(self, url: str, request_type: str, page_host: str | None = None) -> str | None:
        """``"ad"`` when the ad lists block the request, ``"tracker"`` when only the tracker
        lists do, None otherwise (or for a URL that is no web address). ``page_host`` is the
        page's own host when the document names it: its resources are first-party."""
        request = web_request(url, page_host)
        if request is None:
            return None
        verdict: str | None = self.known.answer(
            f"classify\0{request_type}\0{page_host or ''}\0{url}",
            lambda: self._classify(request, request_type, page_host),
        )
        return verdict

    def _classify(
        self, request: tuple[str, str, bool], request_type: str, page_host: str | None
    ) -> str | None:
        full, host, third_party = request
        for kind, verdict in (("ads", "ad"), ("trackers", "tracker")):
            engine = self._engine(kind)
            if engine is None:
                continue
            result = engine.check_network_urls_with_hostnames(
                full, host, page_host or PAGE_HOST, request_type, third_party
            )
            if result.matched and not result.exception:
                return verdict
        return None

    def hiding_selectors(self, classes: list[str], ids: list[str]) -> list[str]:
        """The ad lists' generic element-hiding selectors keyed by these classes and ids."""
        if not (classes or ids):
            return []
        selectors: list[str] = self.known.answer(
            f"hiding\0{' '.join(classes)}\0{' '.join(ids)}",
            lambda: self._hiding_selectors(classes, ids),
        )
        return selectors

    def _hiding_selectors(self, classes: list[str], ids: list[str]) -> list[str]:
        engine = self._engine("ads")
        if engine is None:
            return []
        return list(engine.hidden_class_id_selectors(classes, ids, set()))

    def generic_selectors(self) -> frozenset[str]:
        """The ad lists' other generic element-hiding selectors (``ins.adsbygoogle[data-ad-slot]``)."""
        if not hasattr(self, "_generic"):
            self._generic = frozenset(self.known.answer("generic", self._generic_selectors))
        return self._generic

    def _generic_selectors(self) -> list[str]:
        engine = self._engine("ads")
        if engine is None:
            return []
        return sorted(engine.url_cosmetic_resources(f"https://{PAGE_HOST}/").hide_selectors)


def web_request(url: str, page_host: str | None = None) -> tuple[str, str, bool] | None:
    """The absolute URL a browser would request, its host, and whether it is third-party;
    None for what no browser fetches over the web (``data:``, ``mailto:``, a fragment).
    Without ``page_host`` every absolute URL is third-party (the page's origin is unknown)."""
    url = url.strip()
    if url.startswith("//"):
        url = "https:" + url
    lowered = url[:8].lower()
    page = page_host or PAGE_HOST
    if lowered.startswith(("http://", "https://")):
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:
            return None
        return (url, host, not same_site(host, page)) if host else None
    if ":" in url.split("/", 1)[0] or not url or url.startswith("#"):
        return None  # another scheme (data:, javascript:) or a link within the page
    return f"https://{page}/{url.lstrip('/')}", page, False


def same_site(host: str, page_host: str) -> bool:
    """Whether two hosts are one site (blog.example.com and www.example.com), as a browser's
    first-party test sees it; the registrable domain is approximated without a suffix list."""
    return host == page_host or _site(host) == _site(page_host)


def _site(host: str) -> str:
    return registrable(host)


_PAGE_ADDRESS = re.compile(
    r"""^[ \t]*["']?(?:url|source|link|canonical|canonical_?url|original|original_?url|permalink|origin)["']?"""
    r"""[ \t]*[:=][ \t]*["']?(https?://[^\s"'/?#]+)""",
    re.IGNORECASE | re.MULTILINE,
)


def page_host(front_matter: str) -> str | None:
    """The page's own host, from the address a clipper or converter keeps in the front matter
    (``source: https://...``, ``url = "..."``); None when it names none."""
    m = _PAGE_ADDRESS.search(front_matter)
    if m is None:
        return None
    try:
        return urlsplit(m.group(1)).hostname or None
    except ValueError:
        return None


@lru_cache(maxsize=16)
def engines_for(lists: ListSet) -> Engines:
    """One set of engines per list set and process (workers load their own on first use)."""
    return Engines(lists)

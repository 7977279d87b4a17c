"""Site profiles in a run: each file's Config gets its site's template, learned once per site.

Every site the named files belong to is learned before the run's workers start
(``learn_all``; a site met later, the first time one of its files is asked for):
every Markdown file under its root (not only the files named on the command line,
so that a pre-commit run on one post judges it against the whole site) is cut into
block digests, by a pool of processes when there are many to read. Each file's
digests (and a digest of its text) are cached by path and ``stat`` signature, and
each learned template by what it was learned from: the files' names relative to the
site's root and the digests of their texts. So a warm run reads no file and learns
nothing again, a run after an edit reads only what changed, and a fresh copy of a
site (the same files elsewhere) reads its files but learns nothing again.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import marshal
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..cache import StatKey, build_fingerprint, stat_key
from ..config import Config
from ..files import (
    MARKDOWN_SUFFIXES,
    FileError,
    PathFilter,
    discover,
    read_source,
    skipped_by_default,
)
from ..settings import Resolver, Settings, holds_own_settings
from .blocks import file_digests
from .profile import SiteTemplate, TemplateBlock, build_template, default_threshold
from .roots import Site, SiteRoots
from .rules import uses_site_template

_FORMAT = 2

Digested = tuple[bytes, bytes]
"""A file's block digests (packed: ``blocks.file_digests``) and the digest of its text."""
_PARALLEL_FROM = 256
"""Files to read before learning is worth a pool of processes."""
_CHUNK = 64
_SUFFIX = ".blocks"
MAX_AGE_DAYS = 30


def is_chrome(block: str) -> bool:
    """Whether a block, on a page of its own, is whole visible blocks TPL001 may remove."""
    from ..document import Document
    from ..matchers.site_template import chrome_blocks

    doc = Document(block)
    return chrome_blocks(doc, 0, doc.position(len(block) - 1)[0]) is not None


_SIGNAL_CONFIG = Config(ignore=("TPL", "MC", "FM"))


@functools.lru_cache(maxsize=4096)
def is_safe(block: str) -> bool:
    """Whether another rule finds chrome in the block (an ad, a share or follow link, a label).
    Known at the first rule that finds something (``engine.finds_any``), once per distinct
    block in a process (sites of one run share their share rows and footers)."""
    from ..engine import finds_any

    return finds_any(block, config=_SIGNAL_CONFIG)


def learn_texts(
    texts: Sequence[str], *, min_files: int | None = None, keep: Sequence[str] = (), root: str = ""
) -> SiteTemplate:
    """The template of a site given as its pages' texts (the library's and the examples' way)."""
    files = [(str(index), file_digests(text)) for index, text in enumerate(texts)]
    threshold = min_files or default_threshold(len(files))
    return build_template(
        root,
        files,
        threshold,
        read=lambda name: texts[int(name)],
        is_chrome=is_chrome,
        is_safe=is_safe,
        keep=keep,
    )


class DigestCache:
    """Each file's block digests, by path and stat signature, in one file of the cache folder
    (without a folder, for this run only)."""

    def __init__(self, folder: Path | None, *, remember: bool = False) -> None:
        """``remember``: keep signatures without a folder too (a long-lived process checks them
        again rather than reading every file again)."""
        # Not ``*.cache``: the result cache prunes those as shards of other configs.
        self.path = (
            folder / f"site-blocks-{build_fingerprint()[:16]}{_SUFFIX}"
            if folder is not None
            else None
        )
        self.fresh: dict[str, Digested] = {}
        """Digests read in this run (a file written too recently is not cached, but read once)."""
        self.today = int(time.time() // 86400)
        self.entries: dict[str, tuple[tuple[int, int, int, int], bytes, int, bytes]] = {}
        self.templates: dict[bytes, tuple[int, tuple[Any, ...]]] = {}
        """Learned templates by what they were learned from (see ``SiteProfiles._learn``)."""
        self.dirty = False
        self.remember = remember or self.path is not None
        if self.path is None:
            return
        try:
            data = marshal.loads(self.path.read_bytes())
            if isinstance(data, dict) and data.get("format") == _FORMAT:
                self.entries, self.templates = data["files"], data["templates"]
        except (OSError, ValueError, EOFError, TypeError, KeyError):
            pass

    def template(self, key: bytes, root: str) -> SiteTemplate | None:
        """The template learned from what ``key`` names, for the site at ``root`` (the same
        files elsewhere, a fresh copy, have the same template, named by its own root)."""
        entry = self.templates.get(key)
        if entry is None:
            return None
        if entry[0] != self.today:
            self.templates[key] = (self.today, entry[1])
            self.dirty = True
        _root, files, threshold, chrome, kept = entry[1]
        return SiteTemplate(
            root,
            files,
            threshold,
            tuple(TemplateBlock(*block) for block in chrome),
            tuple(TemplateBlock(*block) for block in kept),
        )

    def store_template(self, key: bytes, template: SiteTemplate) -> None:
        def plain(blocks: tuple[TemplateBlock, ...]) -> tuple[Any, ...]:
            return tuple((b.digest, b.files, b.sample, b.safe) for b in blocks)

        self.templates[key] = (
            self.today,
            (
                template.root,
                template.files,
                template.threshold,
                plain(template.blocks),
                plain(template.kept),
            ),
        )
        self.dirty = True

    def lookup(self, path: str) -> Digested | None:
        """The file's digests and its text's digest when known: read in this run, or cached
        with an unchanged signature."""
        fresh = self.fresh.get(path)
        if fresh is not None:
            return fresh
        entry = self.entries.get(path)
        if entry is None:
            return None
        try:
            info = os.stat(path)
        except OSError:
            return None
        if entry[0] != (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino):
            return None
        if entry[2] != self.today:
            self.entries[path] = (entry[0], entry[1], self.today, entry[3])
            self.dirty = True
        found = self.fresh[path] = (entry[1], entry[3])  # asked again in this run: no second stat
        return found

    def digests(self, path: str) -> Digested | None:
        """The file's digests and its text's digest: known, or read now."""
        found = self.lookup(path)
        return found if found is not None else self.record(path, *_digests_with_signature(path))

    def record(
        self, path: str, signature: StatKey | None, found: Digested | None
    ) -> Digested | None:
        if found is not None:
            self.fresh[path] = found
            if signature is not None and self.remember:
                self.entries[path] = (signature, found[0], self.today, found[1])
                self.dirty = True
        return found

    def check_again(self) -> None:
        """Forget what this run read: the next lookup compares each file's signature again."""
        self.fresh.clear()

    def save(self) -> None:
        if not self.dirty or self.path is None:
            return
        oldest = self.today - MAX_AGE_DAYS
        files = {path: entry for path, entry in self.entries.items() if entry[2] >= oldest}
        templates = {key: entry for key, entry in self.templates.items() if entry[0] >= oldest}
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self.path.with_name(f".tmp-{os.getpid()}-{self.path.name}")
            temporary.write_bytes(
                marshal.dumps({"format": _FORMAT, "files": files, "templates": templates})
            )
            os.replace(temporary, self.path)
            for stale in self.path.parent.glob(f"site-blocks-*{_SUFFIX}"):
                if stale != self.path:
                    stale.unlink()  # another build's: its digests may differ
        except OSError:
            pass  # a cache that cannot be written is skipped, never an error
        self.dirty = False


def _read_text(path: str) -> str | None:
    try:
        return read_source(Path(path)).text
    except (FileError, OSError):
        return None  # the run reports it when it comes to the file


def _read_digests(path: str) -> Digested | None:
    """The file's block digests, packed, and the digest of its text (the template's cache key:
    the blocks' samples are read from the texts)."""
    text = _read_text(path)
    if text is None:
        return None
    content = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
    return file_digests(text), content


def _digests_with_signature(path: str) -> tuple[StatKey | None, Digested | None]:
    """A file's digests, and its stat signature when it may be trusted later (see ``cache.stat_key``)."""
    try:
        info = os.stat(path)
    except OSError:
        return None, None
    read_at = time.time_ns()
    return stat_key(info, read_at), _read_digests(path)


def _template_key(
    site: Site, threshold: int, keep: Sequence[str], names: list[str], contents: list[bytes]
) -> bytes:
    """What a template is learned from: the settings, and each file's name relative to the
    site's root with the digest of its text (``build_template`` reads nothing else but the
    root, which only names the template). Names are taken in the order given (sorted: the
    same for the same relative names under any root)."""
    key = hashlib.blake2b(
        repr((site.recursive, threshold, tuple(keep), len(names))).encode(), digest_size=16
    )
    prefix = os.path.join(site.root, "")
    for name, content in zip(names, contents, strict=True):
        relative = name[len(prefix) :] if name.startswith(prefix) else name
        encoded = relative.encode("utf-8", "surrogatepass")
        key.update(len(encoded).to_bytes(4, "little"))
        key.update(encoded)
        key.update(content)
    return key.digest()


def _digest_batch(paths: list[str]) -> list[tuple[StatKey | None, Digested | None]]:
    """A learning worker's task."""
    return [_digests_with_signature(path) for path in paths]


class SiteProfiles:
    """``config_for(path)`` for a run: the resolver's Config, with the site's template when TPL001 runs."""

    def __init__(
        self,
        resolver: Resolver,
        named: Sequence[str | Path],
        *,
        skip: PathFilter | None = None,
        cache_dir: Path | None = None,
        digests: DigestCache | None = None,
    ) -> None:
        """``digests``: a cache shared with other runs of the same process (else one of ``cache_dir``)."""
        self.resolver = resolver
        self.roots = SiteRoots([os.fspath(p) for p in named], resolver.work_tree)
        self.skip = skip
        self.cache = digests if digests is not None else DigestCache(cache_dir)
        self.templates: dict[Site, SiteTemplate] = {}
        self.configs: dict[tuple[int, Site], Config] = {}
        self._sites_by_folder: dict[str, Site] = {}
        self._rules_use_template: dict[int, tuple[tuple[Any, ...], bool]] = {}

    def learn_all(self, paths: Sequence[Path], jobs: int = 1) -> None:
        """Learn up front every site the files under ``paths`` belong to (the files not known yet
        read by ``jobs`` processes), before the run's own workers start."""
        wanted, walked = self._walk_sites(paths)
        # A site inside a folder walked just now has all its files among those met: no second walk.
        members = {
            site: sorted(
                set(
                    walked[site]
                    if self.roots.inside_named_folder(site.root)
                    else self._members(site)
                )
            )
            for site in wanted
        }
        unknown = [
            name for names in members.values() for name in names if self.cache.lookup(name) is None
        ]
        if jobs > 1 and len(unknown) >= _PARALLEL_FROM:
            self._read_in_parallel(unknown, jobs)
        for site, settings in wanted.items():
            self.templates[site] = self._learn(site, settings, members[site])

    def _walk_sites(
        self, paths: Sequence[Path]
    ) -> tuple[dict[Site, Settings], dict[Site, list[str]]]:
        """The sites of the files under ``paths`` still to learn (with their settings), and the
        files met in each site (absolute paths)."""
        wanted: dict[Site, Settings] = {}
        walked: dict[Site, list[str]] = {}
        for item in discover([path for path in paths if path != Path("-")], self.skip):
            if isinstance(item, FileError):
                continue
            site = self._site(item)
            first = site not in walked
            walked.setdefault(site, []).append(os.path.abspath(item))
            if first and self._to_learn(site, item):
                wanted[site] = self._settings(item)
        return wanted, walked

    def _to_learn(self, site: Site, path: str) -> bool:
        """Whether a site is not learned yet and the rule that reads it runs on ``path``."""
        return site not in self.templates and self._uses_template(self.resolver.config_for(path))

    def config_for(self, path: str | Path) -> Config:
        config = self.resolver.config_for(path)
        if not self._uses_template(config):
            return config  # the rule is off: nothing to learn
        site = self._site(path)
        template = self.templates.get(site)
        if template is None:  # a site met only now (stdin's, or learn_all was not asked)
            template = self.templates[site] = self._learn(
                site, self._settings(path), sorted(set(self._members(site)))
            )
        if not template.blocks:
            return config  # the same Config (and cache shard) as a run without profiles
        key = (id(config), site)
        found = self.configs.get(key)
        if found is None or found.site_template is not template:
            found = self.configs[key] = dataclasses.replace(config, site_template=template)
        return found

    def template_for(self, path: str | Path) -> SiteTemplate:
        site = self._site(path)
        template = self.templates.get(site)
        if template is None:
            template = self.templates[site] = self._learn(
                site, self._settings(path), sorted(set(self._members(site)))
            )
        return template

    def site_key(self, path: str | Path) -> tuple[Site, str] | None:
        """The site of ``path`` and the settings its template depends on; None when TPL001 does
        not run on ``path``."""
        if not self._uses_template(self.resolver.config_for(path)):
            return None
        settings = self._settings(path)
        return self._site(path), repr(
            (settings.get("template-min-files"), settings.get("template-keep", ()))
        )

    def adopt(self, path: str | Path, template: SiteTemplate) -> None:
        """Use ``template``, learned before, for the site of ``path``."""
        self.templates[self._site(path)] = template

    def sites(self, paths: Sequence[Path]) -> Iterator[SiteTemplate]:
        """The template of each site the files under ``paths`` belong to, in the order met."""
        seen: set[Site] = set()
        for item in discover(list(paths), self.skip):
            if isinstance(item, FileError):
                continue
            site = self._site(item)
            if site not in seen:
                seen.add(site)
                yield self.template_for(item)

    def save(self) -> None:
        self.cache.save()

    def _settings(self, path: str | Path) -> Settings:
        return self.resolver.settings_for(os.path.dirname(os.fspath(path)))

    def _site(self, path: str | Path) -> Site:
        name = os.fspath(path)
        folder = os.path.dirname(name)
        if name in self.roots.named_as_given:  # a file named on its own may be a site of its own
            return self.roots.site_of(name, self._settings(path))
        site = self._sites_by_folder.get(folder)
        if site is None:  # every file of a folder not named itself is in the same site
            site = self._sites_by_folder[folder] = self.roots.site_of(name, self._settings(path))
        return site

    def _uses_template(self, config: Config) -> bool:
        rules = config.rules
        answer = self._rules_use_template.get(id(rules))
        if answer is None or answer[0] is not rules:
            answer = self._rules_use_template[id(rules)] = (rules, uses_site_template(rules))
        return answer[1]

    def _member_filter(self, site: Site) -> PathFilter:
        """The run's filter, and past it every sub-folder that starts a site of its own (its own
        configuration or git work tree): its files are not this site's, and its settings, even
        broken ones, are not read for a file outside it."""
        outer = self.skip

        def skip(path: str, *, is_dir: bool, named: bool) -> bool:
            if is_dir:
                if outer is None and skipped_by_default(os.path.basename(path)):
                    return True
                if path != site.root and holds_own_settings(path):
                    return True
            return outer is not None and outer(path, is_dir=is_dir, named=named)

        return skip

    def _read_in_parallel(self, paths: list[str], jobs: int) -> None:
        from concurrent.futures import ProcessPoolExecutor

        context = None
        if sys.platform == "linux":  # fork: workers start at once; no other thread runs yet
            import multiprocessing

            context = multiprocessing.get_context("fork")
        from ..runner import start_worker

        chunks = [paths[i : i + _CHUNK] for i in range(0, len(paths), _CHUNK)]
        pool = ProcessPoolExecutor(
            jobs, mp_context=context, initializer=start_worker, initargs=(os.getpid(),)
        )
        try:
            for chunk, results in zip(chunks, pool.map(_digest_batch, chunks), strict=False):
                for path, (signature, found) in zip(chunk, results, strict=False):
                    self.cache.record(path, signature, found)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _learn(self, site: Site, settings: Settings, members: list[str]) -> SiteTemplate:
        files = []
        contents = []
        for name in members:
            found = self.cache.digests(name)
            if found is not None:
                files.append((name, found[0]))
                contents.append(found[1])
        threshold = settings.get("template-min-files") or default_threshold(len(files))
        keep = settings.get("template-keep", ())
        key = _template_key(site, threshold, keep, [name for name, _ in files], contents)
        cached = self.cache.template(key, site.root)
        if cached is not None:
            return cached  # the same texts under the same names: nothing to learn again
        template = build_template(
            site.root,
            files,
            threshold,
            read=_read_text,
            is_chrome=is_chrome,
            is_safe=is_safe,
            keep=keep,
        )
        self.cache.store_template(key, template)
        return template

    def _members(self, site: Site) -> Iterator[str]:
        if site.recursive:
            for item in discover([Path(site.root)], self._member_filter(site)):
                if not isinstance(item, FileError):
                    yield item
            return
        try:
            names = sorted(os.listdir(site.root))
        except OSError:
            return
        for name in names:
            path = os.path.join(site.root, name)
            if (
                os.path.splitext(name)[1].lower() in MARKDOWN_SUFFIXES
                and os.path.isfile(path)
                and (self.skip is None or not self.skip(path, is_dir=False, named=False))
            ):
                yield path

"""A site's template: the blocks that recur on enough of its pages, counted by digest.

Counting keeps one integer per distinct block, never its text: the text of a block
is fetched (from one file that holds it) only once the block has passed the
threshold, so memory grows with the number of distinct blocks, not with the files.
"""

from __future__ import annotations

import hashlib
import math
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property

from .blocks import blocks, digest, plain, unpack_digests

MIN_FILES_FLOOR = 5
SHARE_OF_FILES = 0.3
"""Default threshold: a block on max(5, 30% of the site's pages) pages is the site's, not the page's."""


def default_threshold(files: int) -> int:
    return max(MIN_FILES_FLOOR, math.ceil(SHARE_OF_FILES * files))


@dataclass(frozen=True)
class TemplateBlock:
    digest: int
    files: int
    """How many of the site's files hold it."""
    sample: str
    """Its text in one of those files."""
    safe: bool
    """Whether another rule also finds chrome in it (an ad, a share link, a known label)."""


@dataclass(frozen=True)
class SiteTemplate:
    """What TPL001 removes on one site's pages: the recurring visible blocks."""

    root: str
    files: int
    threshold: int
    blocks: tuple[TemplateBlock, ...]
    """Most widespread first (then in the order of their text)."""
    kept: tuple[TemplateBlock, ...] = field(default=(), compare=False)
    """Blocks past the threshold that are not chrome (headings, markup, ...) or that ``template-keep``
    allows: shown by ``--show-template``, never removed."""

    @cached_property
    def digests(self) -> frozenset[int]:
        return frozenset(block.digest for block in self.blocks)

    @cached_property
    def files_holding(self) -> dict[int, int]:
        """How many of the site's files hold each template block."""
        return {block.digest: block.files for block in self.blocks}

    @cached_property
    def kept_digests(self) -> frozenset[int]:
        return frozenset(block.digest for block in self.kept)

    @cached_property
    def safe_digests(self) -> frozenset[int]:
        return frozenset(block.digest for block in self.blocks if block.safe)

    @cached_property
    def identity(self) -> str:
        """What the results depend on (the cache's config fingerprint takes it in)."""
        parts = sorted(
            [f"{block.digest:x}{'s' if block.safe else ''}" for block in self.blocks]
            + [f"{block.digest:x}k" for block in self.kept]
        )
        return hashlib.blake2b("|".join(parts).encode(), digest_size=12).hexdigest()

    def __repr__(self) -> str:  # in the config fingerprint: the template, not the samples
        return f"SiteTemplate({self.identity})"


def block_counts(per_file: Iterable[bytes]) -> Counter[int]:
    """How many files hold each distinct digest: one integer per distinct block, no text."""
    counts: Counter[int] = Counter()
    for packed in per_file:
        counts.update(unpack_digests(packed))
    return counts


def recurring(per_file: Iterable[bytes], threshold: int) -> Counter[int]:
    """The digests held by at least ``threshold`` files, with their counts."""
    counts = block_counts(per_file)
    return Counter({key: count for key, count in counts.items() if count >= threshold})


def _kept(sample: str, kept_texts: tuple[str, ...]) -> bool:
    """Whether a block starts with a text the user keeps (``keep``), read as plain text."""
    return bool(kept_texts) and plain(sample).startswith(kept_texts)


def _samples(
    files: Sequence[tuple[str, bytes]], counts: Counter[int], read: Callable[[str], str | None]
) -> dict[int, str]:
    """The text of each recurring block, read in the first file that holds it."""
    samples: dict[int, str] = {}
    for path, packed in files:
        if not any(d in counts and d not in samples for d in unpack_digests(packed)):
            continue
        text = read(path)
        if text is None:
            continue
        for start, end in blocks(text):
            found = digest(text[start:end])
            if found in counts and found not in samples:
                samples[found] = text[start:end]
        if len(samples) == len(counts):
            break
    return samples


def build_template(
    root: str,
    files: Sequence[tuple[str, bytes]],
    threshold: int,
    *,
    read: Callable[[str], str | None],
    is_chrome: Callable[[str], bool],
    is_safe: Callable[[str], bool],
    keep: Sequence[str] = (),
) -> SiteTemplate:
    """The template of a site from each file's packed digests; ``read`` gives a file's text
    (None when it cannot be read), for the samples of the blocks that recur."""
    counts = (
        recurring((packed for _, packed in files), threshold)
        if len(files) >= threshold
        else Counter()
    )
    samples = _samples(files, counts, read) if counts else {}
    kept_texts = tuple(plain(entry) for entry in keep if entry.strip())
    chrome: list[TemplateBlock] = []
    other: list[TemplateBlock] = []
    for found, count in sorted(
        counts.items(), key=lambda item: (-item[1], samples.get(item[0], ""))
    ):
        sample = samples.get(found)
        if sample is None:
            continue
        if is_chrome(sample) and not _kept(sample, kept_texts):
            chrome.append(TemplateBlock(found, count, sample, is_safe(sample)))
        else:
            other.append(TemplateBlock(found, count, sample, False))
    return SiteTemplate(root, len(files), threshold, tuple(chrome), tuple(other))

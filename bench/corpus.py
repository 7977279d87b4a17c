"""A deterministic benchmark corpus: docs pages and scraped posts of real shapes and sizes.

Same seed, same files, byte for byte. Every file is unique (its number is in its
title and its words are drawn from its own random stream), and sizes spread
log-uniformly from a few hundred bytes to about 100 KB, as in real content repos.
"""

from __future__ import annotations

import math
import random
from pathlib import Path

WORDS = [
    "the",
    "a",
    "to",
    "of",
    "and",
    "in",
    "is",
    "it",
    "you",
    "that",
    "for",
    "on",
    "with",
    "as",
    "are",
    "this",
    "be",
    "can",
    "by",
    "from",
    "or",
    "an",
    "your",
    "will",
    "not",
    "configuration",
    "server",
    "request",
    "build",
    "release",
    "deploy",
    "install",
    "package",
    "module",
    "function",
    "value",
    "option",
    "command",
    "file",
    "folder",
    "project",
    "user",
    "team",
    "change",
    "review",
    "test",
    "cache",
    "index",
    "query",
    "client",
    "service",
    "data",
    "table",
    "field",
    "record",
    "schema",
    "version",
    "update",
    "support",
    "feature",
    "example",
    "default",
    "error",
    "message",
    "more",
    "read",
    "like",
    "share",
    "follow",
    "also",
    "related",
    "latest",
    "popular",
    "watch",
    "comment",
    "tag",
    "posted",
    "category",
    "performance",
    "memory",
    "network",
    "storage",
    "security",
    "access",
    "token",
    "session",
    "browser",
    "page",
    "site",
    "content",
    "quickly",
    "simply",
    "often",
    "always",
    "never",
    "usually",
    "carefully",
    "directly",
    "easily",
    "finally",
    "first",
    "next",
    "then",
]
LANGS = ("python", "javascript", "bash", "yaml", "go", "rust", "json", "toml")
AD_UNITS = (
    '<ins class="adsbygoogle"\n     style="display:block"\n     data-ad-client="ca-pub-{n:016d}"\n'
    '     data-ad-slot="{m}"\n     data-ad-format="auto"></ins>\n<script>\n'
    "     (adsbygoogle = window.adsbygoogle || []).push({{}});\n</script>\n",
    '<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-{n:016d}"\n'
    '     crossorigin="anonymous"></script>\n',
    '<div id="div-gpt-ad-{m}-0" style="min-width: 300px; min-height: 250px;">\n'
    "<script>googletag.cmd.push(function() {{ googletag.display('div-gpt-ad-{m}-0'); }});</script>\n</div>\n",
    '<div id="taboola-below-article-thumbnails-{m}"></div>\n<script type="text/javascript">\n'
    "  window._taboola = window._taboola || [];\n  _taboola.push({{mode: 'thumbnails-a', container: "
    "'taboola-below-article-thumbnails-{m}', placement: 'Below Article Thumbnails', target_type: 'mix'}});\n"
    "</script>\n",
)
BOILERPLATE = (
    "**Also read:** [{t1}](https://example-news.com/{s1}/) | [{t2}](https://example-news.com/{s2}/)\n",
    "## Related posts\n\n- [{t1}](https://blog.example.org/{s1}/)\n- [{t2}](https://blog.example.org/{s2}/)\n"
    "- [{t3}](https://blog.example.org/{s3}/)\n",
    "Share this:\n\n- [Twitter](https://twitter.com/intent/tweet?url=https://site.example/{s1})\n"
    "- [Facebook](https://www.facebook.com/sharer/sharer.php?u=https://site.example/{s1})\n"
    "- [Email](mailto:?subject={s1})\n",
    "> **Subscribe to our newsletter** to get the latest posts delivered to your inbox. "
    "[Sign up now](https://site.example/newsletter?ref={s1})\n",
    "![](https://pixel.example-tracker.com/track?id={m}&page={s1})\n",
    "Posted in [{t1}](https://site.example/category/{s1}/) | Tagged [{t2}](https://site.example/tag/{s2}/)\n",
    '{{{{< ad-banner slot="{m}" >}}}}\n',
    '<span class="atpl-alsoreadstyle">Also read:</span>\n<div><ul>\n'
    '<li><a href="https://{s1}.example.com/{s2}/"><u>{t1}</u></a></li>\n'
    '<li><a href="https://{s2}.example.com/{s3}/"><u>{t2}</u></a></li>\n</ul></div>\n',
)


class _Writer:
    def __init__(self, rng: random.Random, number: int) -> None:
        self.rng = rng
        self.number = number

    def words(self, low: int, high: int) -> str:
        return " ".join(self.rng.choice(WORDS) for _ in range(self.rng.randint(low, high)))

    def title(self) -> str:
        return self.words(3, 8).capitalize()

    def slug(self) -> str:
        return "-".join(self.rng.choice(WORDS) for _ in range(4)) + f"-{self.rng.randint(1, 99999)}"

    def paragraph(self) -> str:
        sentences = []
        for _ in range(self.rng.randint(2, 6)):
            sentence = self.words(6, 22).capitalize()
            roll = self.rng.random()
            if roll < 0.25:
                sentence += f" [{self.words(1, 3)}](https://docs.example.com/{self.slug()})"
            elif roll < 0.4:
                sentence += f" `{self.rng.choice(WORDS)}_{self.rng.choice(WORDS)}()`"
            elif roll < 0.5:
                sentence += f" **{self.words(1, 3)}**"
            sentences.append(sentence + ".")
        return " ".join(sentences) + "\n"

    def code(self) -> str:
        lang = self.rng.choice(LANGS)
        lines = [
            f"{self.rng.choice(WORDS)}_{i} = {self.rng.choice(WORDS)}({self.rng.randint(0, 999)})"
            for i in range(self.rng.randint(2, 14))
        ]
        return f"```{lang}\n" + "\n".join(lines) + "\n```\n"

    def table(self) -> str:
        columns = self.rng.randint(2, 5)
        rows = [
            "| " + " | ".join(self.words(1, 2) for _ in range(columns)) + " |",
            "|" + "---|" * columns,
        ]
        rows += [
            "| " + " | ".join(self.words(1, 4) for _ in range(columns)) + " |"
            for _ in range(self.rng.randint(2, 10))
        ]
        return "\n".join(rows) + "\n"

    def bullet_list(self) -> str:
        ordered = self.rng.random() < 0.3
        return "".join(
            f"{f'{i + 1}.' if ordered else '-'} {self.words(3, 14)}\n"
            for i in range(self.rng.randint(2, 8))
        )

    def docs_block(self) -> str:
        roll = self.rng.random()
        if roll < 0.45:
            return self.paragraph()
        if roll < 0.6:
            return self.code()
        if roll < 0.7:
            return self.table()
        if roll < 0.82:
            return self.bullet_list()
        if roll < 0.9:
            return f"{'#' * self.rng.randint(2, 4)} {self.title()}\n"
        if roll < 0.95:
            return f"> **Note:** {self.words(8, 30)}\n"
        return f"![{self.words(1, 4)}](/img/{self.slug()}.png)\n"

    def junk(self) -> str:
        fields = {
            "n": self.rng.randint(1, 10**15),
            "m": self.rng.randint(10**9, 10**10),
            "t1": self.title(),
            "t2": self.title(),
            "t3": self.title(),
            "s1": self.slug(),
            "s2": self.slug(),
            "s3": self.slug(),
        }
        template = self.rng.choice(AD_UNITS if self.rng.random() < 0.45 else BOILERPLATE)
        return template.format(**fields)


def _size(rng: random.Random) -> int:
    """Log-uniform from 300 bytes to 100 KB: many small pages, a long tail of big ones."""
    return int(math.exp(rng.uniform(math.log(300), math.log(100_000))))


def docs_page(rng: random.Random, number: int) -> str:
    w = _Writer(rng, number)
    target = _size(rng)
    parts = [
        f'---\ntitle: "{w.title()} ({number})"\ndate: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}\n'
        f"tags: [{w.rng.choice(WORDS)}, {w.rng.choice(WORDS)}]\n---\n",
        f"# {w.title()} {number}\n",
        w.paragraph(),
    ]
    size = sum(map(len, parts))
    while size < target:
        block = w.docs_block()
        parts.append(block)
        size += len(block) + 1
    return "\n".join(parts)


def scraped_post(rng: random.Random, number: int) -> str:
    w = _Writer(rng, number)
    target = _size(rng)
    parts = [
        f'---\ntitle: "{w.title()} ({number})"\ndate: 2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}'
        f"T{rng.randint(0, 23):02d}:00:00Z\ntags:\n  - {w.rng.choice(WORDS)}\n---\n",
        f"## {w.title()} {number}\n",
        w.paragraph(),
    ]
    size = sum(map(len, parts))
    junk_every = rng.randint(3, 8)
    while size < target:
        block = (
            w.junk()
            if len(parts) % junk_every == 0
            else (w.paragraph() if rng.random() < 0.75 else w.docs_block())
        )
        parts.append(block)
        size += len(block) + 1
    parts.append(w.junk())
    return "\n".join(parts)


def build(folder: Path, count: int, mix: str, seed: int = 2026) -> int:
    """Write ``count`` files of a mix ("docs" or "scraped") under ``folder``; returns the bytes written."""
    rng = random.Random(f"{seed}-{mix}")
    total = 0
    for number in range(count):
        file_rng = random.Random(rng.getrandbits(64))
        scraped = mix == "scraped" or (mix == "docs" and number % 10 == 9)
        text = scraped_post(file_rng, number) if scraped else docs_page(file_rng, number)
        section = folder / f"section-{number // 500:03d}"
        section.mkdir(parents=True, exist_ok=True)
        data = text.encode()
        (section / f"{'post' if scraped else 'page'}-{number:05d}.md").write_bytes(data)
        total += len(data)
    return total


def markdown_files(folder: Path) -> list[Path]:
    """The Markdown files of a real corpus folder, in a stable order."""
    return sorted(p for p in folder.rglob("*.md") if p.is_file())


def sample_files(folder: Path, count: int | None, seed: int = 2026) -> list[Path]:
    """A deterministic sample of ``count`` files of a real corpus (all of them for None or more),
    in path order: the same folder and count give the same files on every machine."""
    files = markdown_files(folder)
    if count is None or count >= len(files):
        return files
    return sorted(random.Random(seed).sample(files, count))

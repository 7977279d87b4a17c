"""Mine the lines that recur verbatim on many different sites from a crawl archive.

A template string is a line the same software prints on many sites ("Share this:", "Leave a
Reply", "您的邮箱地址不会被公开。"). Article text almost never repeats verbatim across unrelated
sites, so the number of **distinct domains** a line is seen on measures how much it is a
template's. One site's template repeated on all its pages counts once: domains, not pages.

Input (``SOURCES``, each at a pinned commit, mirrored by the ``fetch`` tool at
``/work/.mirror/OWNER+NAME/repo`` and read with ``git cat-file --batch``): the crawl archive
``chainreactors/picker`` (branch ``archive``; ~145k pages, each with ``url:`` in its front
matter) and two web-clip vaults (``source:`` / ``origin_url:``). A page without an address is
left out. The daily digests (``daily.md``: lists of other sites' titles) are skipped.

Each page is cut into lines (outside code fences and the front matter). A line is normalized:
Markdown markers (``#``, ``>``, list bullets, emphasis, escapes) and link targets dropped, images
dropped, full-width forms folded to ASCII (NFKC), digits to ``#``, spaces folded, case-folded.
Lines of 2..80 characters are counted by distinct domain (the host without ``www.``; on hosting
platforms such as ``blogspot.com`` the host is the site, elsewhere the registrable domain).

Output: a TSV (``line``, ``domains``, ``pages``, ``example``) of the lines seen on at least
``--min-domains`` domains, most domains first: ``scripts/mined/cross_site_raw.tsv``. The hand
classification lives in ``scripts/mined/cross_site_lines.tsv``.

usage: mine_cross_site_lines.py [--repo DIR] [--commit SHA] [--min-domains N] [--out FILE]
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from mdclean.matchers.phrase_lists import load_phrase_list

ROOT = Path(__file__).resolve().parent.parent
MIRRORS = Path("/work/.mirror")
# The archives read, each at a pinned commit: (mirror, commit).
SOURCES = (
    ("chainreactors+picker", "a7b8b445074f6453ed080eacae41bb5611258f8a"),  # branch ``archive``
    ("Jimozhu+webclips", "20acddffb204d9f66409854941245aa6782d252c"),  # a clip vault (zh)
    ("tatagee+WebClips", "3248c8c14c825aa1093b6896ce84fd2543628275"),  # a clip vault (en)
)
MAX_CHARS = 80
MINED = ROOT / "scripts" / "mined"
OWN_FAMILY = "web-template-lines"  # the families this table feeds: not evidence for itself

# Hosts where each subdomain is its own site (a blog on a platform).
PLATFORMS = (
    "blogspot.com",
    "wordpress.com",
    "github.io",
    "substack.com",
    "medium.com",
    "hashnode.dev",
    "gitbook.io",
    "netlify.app",
    "vercel.app",
    "tumblr.com",
    "livejournal.com",
    "hatenablog.com",
    "hatenablog.jp",
    "cnblogs.com",
    "over-blog.com",
)
# Second-level labels under a country code that a registrable domain keeps ("co.uk").
_SECOND_LEVEL = {"co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go"}

# The page's address in its front matter (picker: ``url``; clip vaults: ``source``, ``origin_url``).
_URL = re.compile(
    r"^(?:url|source|origin_url|original_url):\s*['\"]?https?://([^/\s'\"?#:]+)", re.MULTILINE
)
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]*)\]\[[^\]]*\]")
_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MARKERS = re.compile(r"^(?:\s*(?:#{1,6}|>|[-*+]|\d+[.)])\s+)+")
_EMPHASIS = re.compile(r"[*_`\\]+")
_DIGITS = re.compile(r"\d+")
_SPACES = re.compile(r"\s+")
_FENCE = re.compile(r"^\s*(```|~~~)")


def domain_of(host: str) -> str:
    """The site a host belongs to: a platform's subdomain, else the registrable domain."""
    host = host.lower().removeprefix("www.")
    for platform in PLATFORMS:
        if host.endswith("." + platform):
            return host
    labels = host.split(".")
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def normalize(line: str) -> str:
    """The line as a template prints it, whatever the site fills in: see the module's text."""
    text = _IMAGE.sub(" ", line)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _MARKERS.sub("", text)
    text = _EMPHASIS.sub("", text)
    text = unicodedata.normalize("NFKC", text)
    text = _DIGITS.sub("#", text)
    return _SPACES.sub(" ", text).strip().casefold()


def body_lines(page: str) -> Iterator[str]:
    """The page's lines outside its front matter and its code fences."""
    lines = page.split("\n")
    start = 0
    if lines and lines[0].strip() == "---":
        ends = [i for i, line in enumerate(lines[1:80], 1) if line.strip() == "---"]
        start = ends[0] + 1 if ends else 0
    fenced = False
    for line in lines[start:]:
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield line


def page_keys(page: str) -> dict[str, str]:
    """Each normalized line of the page (2..80 characters) with its first raw form."""
    keys: dict[str, str] = {}
    for raw in body_lines(page):
        key = normalize(raw)
        if 2 <= len(key) <= MAX_CHARS and key not in keys and _has_letter(key):
            keys[key] = raw.strip()
    return keys


def _has_letter(text: str) -> bool:
    return any(char.isalpha() for char in text)


def blobs(repo: Path, commit: str) -> list[str]:
    """The archive's page blobs, the daily digests left out."""
    listing = subprocess.run(
        ["git", "-C", str(repo), "ls-tree", "-r", "-z", commit],
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8", "replace")
    shas = []
    for entry in listing.split("\0"):
        meta, _, path = entry.partition("\t")
        if path.endswith(".md") and not path.endswith("daily.md"):
            shas.append(meta.split()[2])
    return shas


def read_pages(repo: Path, shas: list[str]) -> Iterator[str]:
    """Each blob's text, through one ``git cat-file --batch``."""
    proc = subprocess.Popen(
        ["git", "-C", str(repo), "cat-file", "--batch"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert proc.stdin is not None and proc.stdout is not None
    # The names go in from a thread: written whole first, the pipes would fill both ways.
    feeder = threading.Thread(target=_feed, args=(proc.stdin, shas), daemon=True)
    feeder.start()
    for _ in shas:
        header = proc.stdout.readline().split()
        size = int(header[2]) if len(header) == 3 else 0
        data = proc.stdout.read(size)
        proc.stdout.read(1)
        yield data.decode("utf-8", "replace")
    proc.wait()


def _feed(stdin: IO[bytes], shas: list[str]) -> None:
    for sha in shas:
        stdin.write(sha.encode() + b"\n")
    stdin.close()


class Tally:
    """Distinct domains and pages per normalized line, with one raw example."""

    def __init__(self) -> None:
        self.seen: dict[str, set[str]] = defaultdict(set)  # domain -> its lines
        self.pages: Counter[str] = Counter()
        self.example: dict[str, str] = {}

    def add(self, page: str) -> None:
        found = _URL.search(page[:2000])
        if found is None:
            return
        site = domain_of(found.group(1))
        for key, raw in page_keys(page).items():
            self.seen[site].add(key)
            self.pages[key] += 1
            self.example.setdefault(key, raw)

    def domains(self) -> Counter[str]:
        counts: Counter[str] = Counter()
        for lines in self.seen.values():
            counts.update(lines)
        return counts


def write_table(tally: Tally, min_domains: int, out: Path) -> int:
    """The lines on ``min_domains`` domains or more, most domains first; how many."""
    counts = tally.domains()
    rows = sorted(
        ((key, n) for key, n in counts.items() if n >= min_domains),
        key=lambda row: (-row[1], row[0]),
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8") as handle:
        handle.write("line\tdomains\tpages\texample\n")
        for key, n in rows:
            example = tally.example[key].replace("\t", " ")[:200]
            handle.write(f"{key}\t{n}\t{tally.pages[key]}\t{example}\n")
    return len(rows)


def read_tsv(path: Path) -> list[list[str]]:
    """A TSV's rows; a line without a tab is a comment (a mined line may start with "#")."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if "\t" in line]


def docs_counts(keys: set[str], folder: Path) -> Counter[str]:
    """How many docs pages of ``folder`` hold each key as a line of their own."""
    counts: Counter[str] = Counter()
    for path in folder.rglob("*.md"):
        text = path.read_text(encoding="utf-8", errors="replace")
        counts.update(key for key in page_keys(text) if key in keys)
    return counts


def families_holding(key: str) -> list[str]:
    """The other phrase families one of whose phrases reads the whole line (a count as ``3``)."""
    text = key.replace("#", "3").strip("[ ")
    holding = []
    for path in sorted((ROOT / "rules" / "phrases").glob("*.yaml")):
        if path.stem.startswith(OWN_FAMILY):
            continue
        if any(_reads(phrase, text) for phrase in load_phrase_list(path.stem)):
            holding.append(path.stem)
    return holding


def _reads(phrase: str, text: str) -> bool:
    return re.fullmatch(phrase, text, re.IGNORECASE) is not None


def classify(raw: Path, decisions: Path, out: Path, corpora: Path) -> int:
    """The mined table with the hand decisions, the docs pages that hold each line and the
    families that already read it: ``scripts/mined/cross_site_lines.tsv``."""
    decided = {row[0]: row[1:4] for row in read_tsv(decisions) if len(row) >= 4}
    mined = [row for row in read_tsv(raw) if row[0] != "line"]
    keys = {row[0] for row in mined}
    clean = docs_counts(keys, corpora / "clean")
    large = docs_counts(keys, corpora / "clean-large")
    with out.open("w", encoding="utf-8") as handle:
        handle.write("line\tdomains\tpages\tkind\tdecision\tclean\tclean_large\tfamilies\twhy\n")
        for key, domains, pages, _example in mined:
            kind, decision, why = decided.get(key, _DEFAULT)
            held = ",".join(families_holding(key)) if decision != "no" else ""
            row = (key, domains, pages, kind, decision, clean[key], large[key], held, why)
            handle.write("\t".join(str(cell) for cell in row) + "\n")
    return len(mined)


_DEFAULT = ("content", "no", "a one-word label, a topic or an article heading")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mirrors", type=Path, default=MIRRORS)
    parser.add_argument("--min-domains", type=int, default=8)
    parser.add_argument("--out", type=Path, default=MINED / "cross_site_raw.tsv")
    parser.add_argument("--classify", action="store_true", help="write the decided table")
    parser.add_argument("--corpora", type=Path, default=Path("/work/shared/corpus"))
    args = parser.parse_args(argv)
    if args.classify:
        table = MINED / "cross_site_lines.tsv"
        count = classify(args.out, MINED / "decisions.tsv", table, args.corpora)
        print(f"{count} lines in {table}", file=sys.stderr)
        return 0
    tally = Tally()
    pages = 0
    for name, commit in SOURCES:
        repo = args.mirrors / name / "repo"
        shas = blobs(repo, commit)
        pages += len(shas)
        for page in read_pages(repo, shas):
            tally.add(page)
    kept = write_table(tally, args.min_domains, args.out)
    print(f"{pages} pages, {len(tally.seen)} domains, {kept} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Rebuild a labelled set's pages from its SOURCES.tsv, then check every label is found.

usage: python restore.py SETDIR OUTDIR [--sources-cache DIR] [--mirrors DIR] [--only FILE ...]

Each row names a git file (`owner/repo@commit:path`): it is read with plain git, from a bare
mirror under --mirrors (`DIR/owner+repo[/repo|.git]`) or from a blobless clone per repository kept
in --sources-cache, then run through the producer the row names (select-all text copy with
`X21/innertext.py`, html2text, markdownify, trafilatura, readability-lxml, crawl4ai, a
MarkDownload-style clip with `node markdownload.js`) or copied byte for byte. Rows whose
source is not a git file (read_file store ids, handwritten pages) are listed as "restore by hand",
unless the page is kept in SETDIR itself (X21's look-alikes), which is then copied.

The converters are pinned in requirements.txt (install them in the Python that runs this) and
package.json (`npm ci` in this folder). Network is needed only for the clones.
"""

from __future__ import annotations

import argparse
import codecs
import datetime
import gzip
import importlib.util
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

HERE = Path(__file__).resolve().parent
LABELLED = HERE.parent
SCRIPTS = LABELLED.parent.parent / "scripts"

# WHATWG-style labels, decoded as a browser would
ALIAS = {
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "x-gbk": "gb18030",
    "gb_2312-80": "gb18030",
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "us-ascii": "cp1252",
    "ascii": "cp1252",
    "shift_jis": "cp932",
    "shift-jis": "cp932",
    "sjis": "cp932",
    "x-sjis": "cp932",
    "windows-31j": "cp932",
    "euc-kr": "cp949",
    "ks_c_5601-1987": "cp949",
    "big5": "big5hkscs",
}
META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.I)
GIT_SOURCE = re.compile(r"([\w.-]+/[\w.-]+)@([0-9a-f]{40}):(.+)$")
GITHUB_BLOB = re.compile(r"https://github\.com/([\w.-]+/[\w.-]+)/blob/([^/\s]+)/(\S+)")
PAGE_URL = re.compile(r"\bpage (https?://\S+)")


# ---------------------------------------------------------------- decoding


def meta_charset(raw: bytes) -> str:
    """The charset the page's BOM or <meta> names (aliases as a browser reads them), else UTF-8."""
    if raw.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    found = META.search(raw[:8192]) or META.search(raw)
    if not found:
        return "utf-8"
    label = found.group(1).decode("ascii", "replace").strip().lower()
    if label.startswith("utf-16"):
        return "utf-8"
    label = ALIAS.get(label, label)
    try:
        codecs.lookup(label)
    except LookupError:
        return "utf-8"
    return label


def charset(raw: bytes) -> str:
    """UTF-8 when the bytes are valid non-ASCII UTF-8 (re-saved pages whose <meta> still names a
    legacy charset), else what the BOM or <meta> says."""
    enc = meta_charset(raw)
    if enc in ("utf-8", "utf-8-sig", "utf-16") or raw.isascii():
        return enc
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return enc
    return "utf-8"


# ---------------------------------------------------------------- sources


class Sources:
    """Git files by (repo, commit, path): bare mirrors first, else one blobless clone per repo."""

    def __init__(self, cache: Path, mirrors: Path | None, clone_url: str) -> None:
        self.cache = cache
        self.mirrors = mirrors
        self.clone_url = clone_url
        self.gitdirs: dict[str, Path] = {}

    def gitdir(self, repo: str) -> Path:
        if repo not in self.gitdirs:
            self.gitdirs[repo] = self._find(repo) or self._clone(repo)
        return self.gitdirs[repo]

    def _find(self, repo: str) -> Path | None:
        name = repo.replace("/", "+")
        roots = [self.mirrors / name] if self.mirrors else []
        for root in roots:
            for gd in (root / "repo", root, root.with_name(name + ".git")):
                if (gd / "objects").is_dir():
                    return gd
        return None

    def _clone(self, repo: str) -> Path:
        gd = self.cache / (repo.replace("/", "+") + ".git")
        if not (gd / "objects").is_dir():
            self.cache.mkdir(parents=True, exist_ok=True)
            url = self.clone_url.format(repo=repo, name=repo.replace("/", "+"))
            git(None, "clone", "--quiet", "--bare", "--filter=blob:none", url, str(gd))
        return gd

    def show(self, repo: str, commit: str, path: str) -> bytes:
        gd = self.gitdir(repo)
        if git(gd, "cat-file", "-e", f"{commit}^{{commit}}", check=False) is None:
            git(gd, "fetch", "--quiet", "--filter=blob:none", "origin", commit)
        for candidate in path_candidates(path):
            data = git(gd, "cat-file", "blob", f"{commit}:{candidate}", check=False)
            if data is not None:
                return data
        raise LookupError(f"{path!r} not in {repo}@{commit[:10]}")


def git(gd: Path | None, *args: str, check: bool = True) -> bytes | None:
    cmd = ["git", *(["--git-dir", str(gd)] if gd else []), *args]
    run = subprocess.run(cmd, capture_output=True, check=False)
    if run.returncode:
        if check:
            raise RuntimeError(f"{' '.join(cmd)}: {run.stderr.decode(errors='replace')[-400:]}")
        return None
    return run.stdout


def path_candidates(rest: str) -> list[str]:
    """The path, then the path cut before each ` (`: SOURCES puts notes in brackets after it."""
    cuts = [m.start() for m in re.finditer(r" \(", rest)]
    return [rest.strip(), *(rest[:cut].strip() for cut in reversed(cuts))]


# ---------------------------------------------------------------- producers


def load_innertext() -> ModuleType:
    spec = importlib.util.spec_from_file_location("innertext", LABELLED / "X21" / "innertext.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def text_copy(raw: bytes, mode: str, forced: str | None) -> str:
    """innertext.py as its command line runs it (UTF-8 read with newline translation); a page in
    a legacy charset is decoded as such first."""
    enc = forced or charset(raw)
    enc = "utf-8" if enc == "utf-8-sig" else enc
    html = raw.decode(enc, errors="replace").replace("\r\n", "\n").replace("\r", "\n")
    out: str = load_innertext().text(html)
    return re.sub(r"\n\n+", "\n", out) if mode == "lines" else out


def html2text_md(html: str) -> str:
    import html2text

    return str(html2text.HTML2Text().handle(html))


def markdownify_md(html: str) -> str:
    from markdownify import markdownify

    return str(markdownify(html, heading_style="ATX"))


def readability_md(html: str) -> str:
    import html2text
    from readability import Document

    doc = Document(html)
    h = html2text.HTML2Text()
    h.body_width = 0
    return "# " + str(doc.title()) + "\n\n" + str(h.handle(doc.summary()))


def crawl4ai_md(html: str, url: str) -> str:
    from crawl4ai.markdown_generation_strategy import DefaultMarkdownGenerator

    return str(DefaultMarkdownGenerator().generate_markdown(html, url).raw_markdown)


def trafilatura_md(html: str, url: str, recall: bool, with_url: bool) -> str:
    import trafilatura

    kw: dict[str, object] = {"output_format": "markdown", "with_metadata": True}
    if recall:
        kw.update(
            include_comments=True,
            include_links=True,
            include_images=True,
            include_formatting=True,
            favor_recall=True,
        )
    if url and with_url:
        kw["url"] = url
    return trafilatura.extract(html, **kw) or ""


def clip(
    raw: bytes, url: str, producer: str, opts: argparse.Namespace, fix: dict[str, str]
) -> bytes:
    """markdownload.js on the saved page (overrides.tsv's clip= adds options); the clip time of
    day is unknown (no label holds it): --clip-time."""
    day = re.search(r"clip date (\d{4}-\d\d-\d\d)", producer)
    when = (day.group(1) if day else datetime.date.today().isoformat()) + "T" + opts.clip_time
    page = opts.work / "page.html"
    page.write_bytes(raw)
    cmd = [opts.node, str(HERE / "markdownload.js"), str(page), url, "--date", when]
    cmd += fix.get("clip", "").split()
    enc = fix.get("charset") or charset(raw)
    if enc != meta_charset(raw):  # a UTF-8 page whose <meta> names a legacy charset
        cmd += ["--charset", enc]
    run = subprocess.run(cmd, capture_output=True, check=False)
    if run.returncode:
        raise RuntimeError(run.stderr.decode(errors="replace")[-400:])
    return run.stdout


Convert = Callable[[str, str, str, dict[str, str]], str]
CONVERTERS: list[tuple[str, str, Convert]] = [
    ("converter: html2text", "html2text", lambda html, url, p, fix: html2text_md(html)),
    ("converter: markdownify", "markdownify", lambda html, url, p, fix: markdownify_md(html)),
    ("readability dump", "readability-lxml", lambda html, url, p, fix: readability_md(html)),
    ("crawler: crawl4ai", "crawl4ai", lambda html, url, p, fix: crawl4ai_md(html, url)),
    (
        "extractor: trafilatura",
        "trafilatura",
        lambda html, url, p, fix: trafilatura_md(
            html, url, "favor_recall" in p, "no-url" not in fix
        ),
    ),
]


def produce(
    raw: bytes, producer: str, url: str, opts: argparse.Namespace, fix: dict[str, str]
) -> tuple[bytes, str]:
    """The page as the producer made it, and a short name of what ran."""
    if producer.startswith(("clipper: MarkDownload-style", "text copy: ", "innerText-like")):
        raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
    if producer.startswith("clipper: MarkDownload-style"):
        return clip(raw, url, producer, opts, fix), ("clip " + fix.get("clip", "")).strip()
    if producer.startswith(("text copy: ", "innerText-like")):
        mode = "lines" if "lines mode" in producer or "-lines" in producer else "para"
        return text_copy(raw, mode, fix.get("charset")).encode("utf-8"), f"innertext {mode}"
    for prefix, name, convert in CONVERTERS:
        if producer.startswith(prefix):
            raw = gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw
            enc = fix.get("charset") or charset(raw)
            out = convert(raw.decode(enc, errors="replace"), url, producer, fix)
            return out.encode("utf-8", errors="surrogateescape"), f"{name} ({enc})"
    return raw, "byte copy"


# ---------------------------------------------------------------- rows


class Row:
    def __init__(self, cols: list[str]) -> None:
        self.file = cols[0]
        self.source = cols[1]
        if len(cols) >= 5:
            self.producer = cols[4]
            self.where = cols[1]
        else:  # X21's three columns: file, GitHub blob URL with the producer in brackets, site
            self.where, _, note = cols[1].partition(" (")
            self.producer = "innerText-like" + (" -lines" if "-lines." in cols[0] else "")
            if "handwritten" in cols[1] or not self.where.startswith("https://github.com/"):
                self.producer = note or cols[1]

    def git_source(self) -> tuple[str, str, str] | None:
        found = GIT_SOURCE.match(self.where)
        if found:
            repo, commit, rest = found.groups()
            return repo, commit, rest
        blob = GITHUB_BLOB.match(self.where)
        if blob and self.producer.startswith("innerText-like"):
            repo, ref, path = blob.groups()
            return repo, ref, path
        return None

    def url(self) -> str:
        found = PAGE_URL.search(self.where)
        url = found.group(1).rstrip(",;") if found else ""
        while url.endswith(")") and url.count(")") > url.count("("):
            url = url[:-1]
        return url


def read_rows(setdir: Path) -> list[Row]:
    rows = []
    for line in (setdir / "SOURCES.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if len(cols) >= 2 and cols[0] != "file" and not line.startswith("#"):
            rows.append(Row(cols))
    return rows


def restore_row(row: Row, sources: Sources, opts: argparse.Namespace) -> str:
    dest = opts.outdir / row.file
    where = row.git_source()
    if where is None:
        kept = opts.setdir / row.file
        if kept.is_file():
            shutil.copyfile(kept, dest)
            return "copied from the set folder"
        opts.by_hand.append(row)
        return "RESTORE BY HAND: " + row.source
    repo, commit, path = where
    if not GIT_SOURCE.match(row.where):  # X21: a ref such as HEAD, not a commit
        commit = resolve_ref(sources, repo, commit)
    raw = sources.show(repo, commit, path)
    fix = opts.overrides.get(row.file, {})
    out, what = produce(raw, row.producer, row.url(), opts, fix)
    dest.write_bytes(out)
    return f"{what}  {repo}@{commit[:10]}"


def resolve_ref(sources: Sources, repo: str, ref: str) -> str:
    out = git(sources.gitdir(repo), "rev-parse", ref)
    assert out is not None
    return out.decode().strip()


def read_overrides(setdir: Path, rows: list[Row]) -> dict[str, dict[str, str]]:
    """overrides.tsv's options for this set's files (set, file or *, options)."""
    fixes: dict[str, dict[str, str]] = {}
    for line in (HERE / "overrides.tsv").read_text(encoding="utf-8").splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3 or cols[0] != setdir.resolve().name:
            continue
        for row in rows:
            if cols[1] in ("*", row.file):
                options = fixes.setdefault(row.file, {})
                for option in cols[2].split(";"):
                    key, _, value = option.partition("=")
                    options[key.strip()] = value.strip()
    return fixes


# ---------------------------------------------------------------- check


def check(setdir: Path, outdir: Path, only: list[str]) -> int:
    """Print the labels whose snippet is not in the restored page; return how many."""
    sys.path.insert(0, str(SCRIPTS))
    from judge_labelled import read_folded, read_labels

    # "-" stands for a whole-page look-alike: nothing to find
    labels = [label for label in read_labels(setdir / "LABELS.tsv") if label.snippet != "-"]
    labels = [label for label in labels if not only or label.file in only]
    pages: dict[str, str] = {}
    missing = 0
    for label in labels:
        if label.file not in pages:
            pages[label.file] = read_folded(outdir / label.file)
        if label.snippet and label.snippet not in pages[label.file]:
            missing += 1
            print(f"  not found: {label.file} {label.kind}: {label.snippet[:90]!r}")
    print(f"labels found: {len(labels) - missing}/{len(labels)}")
    return missing


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("setdir", type=Path, help="bench/labelled/<set> (SOURCES.tsv, LABELS.tsv)")
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--sources-cache", type=Path, default=Path.home() / ".cache/mdclean-src")
    parser.add_argument("--mirrors", type=Path, help="folder of bare mirrors: owner+repo[/repo]")
    parser.add_argument(
        "--clone-url",
        default="https://github.com/{repo}.git",
        help="where to clone from: {repo} is owner/name, {name} is owner+name",
    )
    parser.add_argument("--only", nargs="+", default=[], help="these files only")
    parser.add_argument("--clip-time", default="12:00:00", help="clips' created: time (UTC)")
    parser.add_argument("--node", default="node")
    opts = parser.parse_args(argv)
    opts.outdir.mkdir(parents=True, exist_ok=True)
    opts.work = opts.sources_cache / "work"
    opts.work.mkdir(parents=True, exist_ok=True)
    opts.by_hand = []
    for name in ("LABELS.tsv", "SOURCES.tsv"):
        shutil.copyfile(opts.setdir / name, opts.outdir / name)
    sources = Sources(opts.sources_cache, opts.mirrors, opts.clone_url)
    rows = read_rows(opts.setdir)
    opts.overrides = read_overrides(opts.setdir, rows)
    failed = 0
    for row in rows:
        if opts.only and row.file not in opts.only:
            continue
        try:
            print(f"{row.file}\t{restore_row(row, sources, opts)}", flush=True)
        except (LookupError, RuntimeError, OSError, ValueError) as err:
            failed += 1
            print(f"{row.file}\tFAILED: {err}", flush=True)
    missing = check(opts.setdir, opts.outdir, opts.only)
    print(f"{failed} failed, {len(opts.by_hand)} to restore by hand, {missing} labels not found")
    return 1 if failed or missing else 0


if __name__ == "__main__":
    sys.exit(main())

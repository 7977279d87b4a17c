"""A select-all / innerText-like plain text copy of an HTML page (stdlib only)."""

import re
import sys
from html.parser import HTMLParser

SKIP = {
    "script",
    "style",
    "noscript",
    "template",
    "svg",
    "head",
    "iframe",
    "select",
    "button-hidden",
}
PARA = {
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "pre",
    "figure",
    "table",
    "ul",
    "ol",
    "dl",
    "header",
    "footer",
    "nav",
    "section",
    "article",
    "aside",
    "main",
    "form",
}
BLOCK = PARA | {
    "div",
    "li",
    "tr",
    "dt",
    "dd",
    "figcaption",
    "address",
    "option",
    "td-block",
    "hr",
    "fieldset",
    "legend",
    "center",
}
VOID = {
    "br",
    "img",
    "input",
    "meta",
    "link",
    "hr",
    "area",
    "base",
    "col",
    "embed",
    "source",
    "track",
    "wbr",
    "param",
}


class P(HTMLParser):
    def __init__(s):
        super().__init__(convert_charrefs=True)
        s.out = []
        s.skip = 0
        s.stack = []

    def brk(s, n):
        s.out.append("\n" * n)

    def handle_starttag(s, t, a):
        a = dict(a)
        hidden = (
            "hidden" in a
            or a.get("aria-hidden") == "true"
            or re.search(r"display:\s*none", a.get("style") or "")
        )
        if t in VOID:
            if t == "br":
                s.brk(1)
            return
        s.stack.append((t, bool(t in SKIP or hidden)))
        if t in SKIP or hidden:
            s.skip += 1
        if t in PARA:
            s.brk(2)
        elif t in BLOCK:
            s.brk(1)
        elif t in ("td", "th"):
            s.out.append("\t")

    def handle_endtag(s, t):
        if t in VOID:
            return
        while s.stack:
            tt, sk = s.stack.pop()
            if sk:
                s.skip -= 1
            if tt == t:
                break
        if t in PARA:
            s.brk(2)
        elif t in BLOCK:
            s.brk(1)

    def handle_data(s, d):
        if s.skip:
            return
        s.out.append(re.sub(r"\s+", " ", d))


def text(html):
    p = P()
    p.feed(html)
    raw = "".join(p.out)
    lines = []
    blank = 0
    for chunk in re.split(r"(\n+)", raw):
        if chunk.startswith("\n"):
            blank = max(blank, 2 if len(chunk) >= 2 else 1)
            continue
        c = chunk.strip().replace("\t", " ").strip()
        c = re.sub(r" {2,}", " ", c)
        if not c:
            continue
        if lines:
            lines.append("\n\n" if blank >= 2 else "\n")
        lines.append(c)
        blank = 0
    return "".join(lines) + "\n"


if __name__ == "__main__":
    mode = sys.argv[2] if len(sys.argv) > 2 else "para"
    with open(sys.argv[1], encoding="utf-8", errors="replace") as source:
        t = text(source.read())
    if mode == "lines":
        t = re.sub(r"\n\n+", "\n", t)
    sys.stdout.write(t)

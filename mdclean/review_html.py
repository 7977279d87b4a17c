"""``--diff --output-format html``: one self-contained review page of what a bulk clean removes.

The page holds everything: its style, its script and its data. Nothing is fetched (a
Content-Security-Policy forbids it: a removed ``<img src=...>`` is text on the page,
never loaded). The summary (files, removals per rule as a bar chart, the safe/unsafe
split) is plain HTML; the files are JSON data that the script shows a page at a time,
each file collapsible, filtered by rule and by site folder, so that 5,000 files load in
a moment. Every text from a file is escaped: in HTML by ``html.escape``, in the data by
JSON with ``<``, ``>`` and ``&`` written as ``\\u`` escapes, and the script only ever sets
``textContent``: a post holding ``</script>`` or ``<script>`` is shown, not run.

Like every reporter it keeps nothing per file in memory: the data is spooled as files come.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import Counter
from typing import Any

import click

from . import __version__
from .models import Violation
from .output import _Spool
from .runner import FileResult

FILES_PER_PAGE = 50
_HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+\d+(?:,\d+)? @@")


def _json(value: Any) -> str:
    """JSON that cannot end a ``<script>`` element nor open a comment in it."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def file_entry(result: FileResult) -> dict[str, Any]:
    """One file's removals: its diff's hunks, each with the codes of the rules that removed it."""
    hunks = _hunks(result.diff)
    unplaced: list[str] = []
    for v in result.fixed:
        hunk = next((h for h in hunks if h["start"] <= v.line < h["end"]), None)
        (hunk["codes"] if hunk is not None else unplaced).append(v.code)
    for hunk in hunks:
        hunk["codes"] = sorted(set(hunk["codes"]))
        del hunk["end"]
    return {
        "path": result.path,
        "folder": os.path.dirname(result.path) or ".",
        "hunks": hunks,
        "codes": sorted({v.code for v in result.fixed}),
        "also": sorted(set(unplaced)),
        "left": len(result.violations),
        "error": result.error,
    }


def _hunks(diff: str) -> list[dict[str, Any]]:
    """A unified diff's hunks: the lines of the old text each covers (``start``..``end``), and
    its lines as [mark, text] pairs."""
    hunks: list[dict[str, Any]] = []
    for line in diff.splitlines():
        match = _HUNK.match(line)
        if match:
            start = int(match.group(1))
            length = int(match.group(2)) if match.group(2) is not None else 1
            hunks.append({"start": start, "end": start + max(length, 1), "lines": [], "codes": []})
        elif hunks and line[:1] in (" ", "-", "+"):
            hunks[-1]["lines"].append([line[:1], line[1:]])
    return hunks


class HtmlReporter:
    """Collects the files that ``--diff`` would change; writes the page at the end."""

    def __init__(self, *, unsafe: bool, to_stderr: bool = False) -> None:
        self.unsafe = unsafe
        self.to_stderr = to_stderr
        self.spool = _Spool()
        self.files = self.changed = self.left = self.errors = self.entries = 0
        self.per_rule: Counter[tuple[str, str]] = Counter()
        self.names: dict[str, str] = {}
        self.folders: set[str] = set()

    def file(self, result: FileResult) -> None:
        self.files += 1
        self.left += len(result.violations)
        if result.error:
            from .output import print_error

            print_error(result.error)
            self.errors += 1
        if not result.diff and not result.error:
            return
        for v in result.fixed:
            self.per_rule[(v.code, _safety(v))] += 1
            self.names[v.code] = v.name
        entry = file_entry(result)
        self.folders.add(entry["folder"])
        self.changed += bool(result.diff)
        self.spool.write(("," if self.entries else "") + _json(entry))
        self.entries += 1

    def summary(self) -> None:
        click.echo(self._head(), nl=False, err=self.to_stderr)
        self.spool.echo(self.to_stderr)
        click.echo(_TAIL, nl=False, err=self.to_stderr)

    def _head(self) -> str:
        removed = sum(self.per_rule.values())
        safe = sum(n for (_, s), n in self.per_rule.items() if s == "safe")
        codes = sorted({code for code, _ in self.per_rule}, key=lambda c: (-self._count(c), c))
        top = max((self._count(c) for c in codes), default=1)
        bars = "".join(
            f'<tr><td class="code">{html.escape(c)}</td><td>{html.escape(self.names[c])}</td>'
            f'<td class="n">{self._count(c)}</td><td class="bar">'
            f'<span class="safe" style="width:{100 * self.per_rule[(c, "safe")] / top:.2f}%"></span>'
            f'<span class="unsafe" style="width:{100 * self.per_rule[(c, "unsafe")] / top:.2f}%"></span></td></tr>'
            for c in codes
        )
        meta = {"rules": codes, "folders": sorted(self.folders), "perPage": FILES_PER_PAGE}
        return _HEAD.format(
            version=html.escape(__version__),
            files=self.files,
            changed=self.changed,
            removed=removed,
            safe=safe,
            unsafe=removed - safe,
            left=self.left,
            errors=self.errors,
            bars=bars or "<tr><td>nothing removed</td></tr>",
            mode="safe and unsafe fixes" if self.unsafe else "safe fixes only",
            meta=_json(meta),
        )

    def _count(self, code: str) -> int:
        return self.per_rule[(code, "safe")] + self.per_rule[(code, "unsafe")]


def _safety(v: Violation) -> str:
    return "safe" if v.fix is None or v.fix.is_safe else "unsafe"


_HEAD = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>mdclean review</title>
<style>
body {{ font: 14px/1.45 system-ui, sans-serif; margin: 1.5em auto; max-width: 72em; padding: 0 1em; color: #222; }}
h1 {{ font-size: 1.4em; }} table {{ border-collapse: collapse; }} td {{ padding: .15em .6em; }}
#numbers td:first-child {{ color: #555; }} #numbers td.n, td.n {{ text-align: right; font-variant-numeric: tabular-nums; }}
td.code, .badge {{ font-family: ui-monospace, monospace; }}
td.bar {{ width: 24em; }} td.bar span {{ display: inline-block; height: .9em; vertical-align: middle; }}
.safe {{ background: #2e7d32; }} .unsafe {{ background: #e65100; }}
.legend span {{ display: inline-block; width: .9em; height: .9em; vertical-align: middle; margin: 0 .3em 0 1em; }}
#controls {{ margin: 1em 0; position: sticky; top: 0; background: #fff; padding: .5em 0; border-bottom: 1px solid #ddd; }}
details {{ border: 1px solid #ddd; border-radius: 4px; margin: .4em 0; }}
summary {{ cursor: pointer; padding: .3em .6em; font-family: ui-monospace, monospace; }}
.badge {{ background: #eee; border-radius: 3px; padding: 0 .3em; margin-left: .4em; font-size: .9em; }}
.hunk {{ margin: .4em .6em .8em; }} .hunk .codes {{ font-size: .9em; color: #555; }}
pre {{ margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; font: 12px/1.4 ui-monospace, monospace; }}
pre div.del {{ background: #ffebe9; }} pre div.add {{ background: #e6ffec; }} pre div.ctx {{ color: #666; }}
pre div::before {{ display: inline-block; width: 1.2em; color: #999; }}
pre div.del::before {{ content: "-"; }} pre div.add::before {{ content: "+"; }} pre div.ctx::before {{ content: " "; }}
.error {{ color: #b00020; }}
</style>
</head>
<body>
<h1>mdclean review</h1>
<p>What <code>mdclean --fix</code> would remove ({mode}), mdclean {version}. Nothing is written until you run it.</p>
<table id="numbers">
<tr><td>Files checked</td><td class="n" id="files">{files}</td></tr>
<tr><td>Files that would change</td><td class="n" id="changed">{changed}</td></tr>
<tr><td>Removals</td><td class="n" id="removed">{removed}</td></tr>
<tr><td>by safe fixes</td><td class="n" id="safe">{safe}</td></tr>
<tr><td>by unsafe fixes</td><td class="n" id="unsafe">{unsafe}</td></tr>
<tr><td>Problems left</td><td class="n" id="left">{left}</td></tr>
<tr><td>Errors</td><td class="n" id="errors">{errors}</td></tr>
</table>
<h2>Removals per rule</h2>
<p class="legend"><span class="safe"></span>safe<span class="unsafe"></span>unsafe</p>
<table id="rules">{bars}</table>
<h2>Files</h2>
<div id="controls">
<label>Rule <select id="rule"><option value="">all</option></select></label>
<label>Site folder <select id="folder"><option value="">all</option></select></label>
<button id="expand" type="button">Expand page</button> <button id="collapse" type="button">Collapse page</button>
<button id="prev" type="button">&larr;</button> <span id="page"></span> <button id="next" type="button">&rarr;</button>
</div>
<div id="list"><noscript>The file list needs JavaScript (it is shown a page at a time).</noscript></div>
<script id="meta" type="application/json">{meta}</script>
<script id="data" type="application/json">["""

_TAIL = """]</script>
<script>
"use strict";
const meta = JSON.parse(document.getElementById("meta").textContent);
const files = JSON.parse(document.getElementById("data").textContent);
const $ = (id) => document.getElementById(id);
const el = (tag, cls, text) => { const e = document.createElement(tag); if (cls) e.className = cls;
  if (text !== undefined) e.textContent = text; return e; };
for (const r of meta.rules) $("rule").append(new Option(r, r));
for (const f of meta.folders) $("folder").append(new Option(f, f));
let page = 0;
function shown() {
  const rule = $("rule").value, folder = $("folder").value;
  return files.filter((f) => (!rule || f.codes.includes(rule)) && (!folder || f.folder === folder));
}
function render() {
  const list = shown(), pages = Math.max(1, Math.ceil(list.length / meta.perPage));
  page = Math.min(page, pages - 1);
  $("page").textContent = `page ${page + 1} of ${pages} (${list.length} files)`;
  const box = $("list"); box.replaceChildren();
  for (const f of list.slice(page * meta.perPage, (page + 1) * meta.perPage)) {
    const d = el("details", "file"); const s = el("summary", "", f.path);
    for (const c of f.codes) s.append(el("span", "badge", c));
    d.append(s);
    if (f.error) d.append(el("p", "error", f.error));
    for (const h of f.hunks) {
      const div = el("div", "hunk");
      div.append(el("div", "codes", `line ${h.start}` + (h.codes.length ? ` \\u2014 removed by ${h.codes.join(", ")}` : "")));
      const pre = el("pre");
      for (const [kind, text] of h.lines) pre.append(el("div", kind === "-" ? "del" : kind === "+" ? "add" : "ctx", text));
      div.append(pre); d.append(div);
    }
    if (f.also.length) d.append(el("p", "codes", `also removed: ${f.also.join(", ")}`));
    if (f.left) d.append(el("p", "codes", `${f.left} problem(s) left after the fix`));
    box.append(d);
  }
}
$("rule").onchange = $("folder").onchange = () => { page = 0; render(); };
$("prev").onclick = () => { page = Math.max(0, page - 1); render(); };
$("next").onclick = () => { page += 1; render(); };
$("expand").onclick = () => document.querySelectorAll("details.file").forEach((d) => d.open = true);
$("collapse").onclick = () => document.querySelectorAll("details.file").forEach((d) => d.open = false);
render();
</script>
</body>
</html>
"""

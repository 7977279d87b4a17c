"""``mdclean server``: a language server (LSP over stdio, on pygls) for editors.

Diagnostics on open and save at once, and on change after a short pause (typing does
not lint every keystroke); code actions per finding (its fix, "Disable CODE for this
line"), "Fix all safe problems" as a ``source.fixAll`` action, and the
``mdclean.fixAll`` command for ``workspace/executeCommand``. It runs the same engine
as the command line, with the configuration the command line would find for the file
(``.mdclean.toml`` or ``[tool.mdclean]``, walking up from it), and judges it against its
site's template as a run on the workspace folder would (TPL001; the site is learned once,
again after one of its files is saved: see :mod:`mdclean.site.editor`). Formatting is not ours.

pygls is an optional extra (``pip install 'mdclean[server]'``), imported only here:
the command line never loads it.
"""

from __future__ import annotations

import asyncio
import os
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlparse

from . import __version__
from .config import Config
from .errors import MdcleanError
from .models import Violation
from .settings import Resolver

DEBOUNCE_SECONDS = 0.3
"""How long a document must rest after a change before it is linted again."""
FIX_ALL_COMMAND = "mdclean.fixAll"
SOURCE = "mdclean"
_BOM = "\ufeff"


def main(argv: Sequence[str] = ()) -> None:
    """Entry point of ``mdclean server``: serve over stdin and stdout until the client says exit."""
    if argv and argv[0] in ("-h", "--help"):
        print("usage: mdclean server\n\nA language server over stdio for editors (see the README).")
        return
    if argv:
        print(f"error: mdclean server takes no arguments, got {' '.join(argv)!r}", file=sys.stderr)
        sys.exit(2)
    try:
        server = build_server()
    except ImportError:
        print("error: mdclean server needs pygls: pip install 'mdclean[server]'", file=sys.stderr)
        sys.exit(2)
    server.start_io()


def uri_to_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme != "file":
        return None
    return Path(unquote(parsed.path))


def docs_link(code: str, name: str) -> str | None:
    """The rule's entry in docs/rules.md, when this is a source checkout that has it."""
    rules_page = Path(__file__).resolve().parent.parent / "docs" / "rules.md"
    if not rules_page.is_file():
        return None
    return f"{rules_page.as_uri()}#{code.lower()}-{name.lower()}"


class Positions:
    """Offsets of the linted text to LSP positions (lines, UTF-16 code units) and back."""

    def __init__(self, text: str, shift: int) -> None:
        self.text = text
        self.shift = shift
        """Characters before the linted text (a BOM the engine does not see)."""
        self.starts = [0] + [m.end() for m in re.finditer(r"\r\n|\r|\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        offset += self.shift
        line = _last_at_or_before(self.starts, offset)
        before = self.text[self.starts[line] : offset]
        return line, len(before.encode("utf-16-le")) // 2


def _last_at_or_before(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def build_server() -> Any:
    from lsprotocol import types
    from pygls.lsp.server import LanguageServer

    from .site.editor import EditorSites

    server = LanguageServer("mdclean", __version__)
    pending: dict[str, asyncio.TimerHandle] = {}
    sites = EditorSites()

    def config_for(uri: str) -> Config:
        # A fresh resolver each time: a configuration file edited while the editor is open
        # applies at the next lint (finding it costs a few stats; the rules stay compiled).
        root = server.workspace.root_path if server.workspace is not None else None
        resolver = Resolver(cwd=Path(root or os.getcwd()))
        path = uri_to_path(uri)
        if path is None:
            return resolver.config_for(Path(resolver.cwd, "untitled.md"))
        return sites.config_for(resolver, path, Path(root) if root else None)

    def linted(uri: str) -> tuple[str, Positions, list[Violation], Config]:
        from .engine import lint

        text = server.workspace.get_text_document(uri).source
        shift = 1 if text.startswith(_BOM) else 0
        config = config_for(uri)
        path = uri_to_path(uri)
        violations = lint(text[shift:], path=str(path) if path else uri, config=config)
        return text, Positions(text, shift), violations, config

    def lsp_range(positions: Positions, start: int, end: int) -> types.Range:
        (sl, sc), (el, ec) = positions.position(start), positions.position(end)
        return types.Range(
            start=types.Position(line=sl, character=sc), end=types.Position(line=el, character=ec)
        )

    def diagnostic(positions: Positions, v: Violation) -> types.Diagnostic:
        link = docs_link(v.code, v.name)
        fix = "" if v.fix is None else " [safe fix]" if v.fix.is_safe else " [unsafe fix]"
        return types.Diagnostic(
            range=lsp_range(positions, v.start, v.end),
            message=f"{v.message}{fix}",
            severity=types.DiagnosticSeverity.Warning,
            code=v.code,
            source=SOURCE,
            code_description=types.CodeDescription(href=link) if link else None,
        )

    def publish(uri: str) -> None:
        pending.pop(uri, None)
        try:
            _, positions, violations, _ = linted(uri)
        except MdcleanError as error:  # a broken configuration: say so once, lint nothing
            server.window_show_message(
                types.ShowMessageParams(type=types.MessageType.Error, message=f"mdclean: {error}")
            )
            violations, positions = [], None
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                diagnostics=[diagnostic(positions, v) for v in violations] if positions else [],
            )
        )

    def whole_document_edit(uri: str, text: str, new_text: str) -> types.WorkspaceEdit:
        positions = Positions(text, 0)
        return types.WorkspaceEdit(
            changes={
                uri: [types.TextEdit(range=lsp_range(positions, 0, len(text)), new_text=new_text)]
            }
        )

    def fixed_text(uri: str, unsafe: bool) -> tuple[str, str, int]:
        from .engine import fix

        text = server.workspace.get_text_document(uri).source
        shift = 1 if text.startswith(_BOM) else 0
        path = uri_to_path(uri)
        result = fix(
            text[shift:], path=str(path) if path else uri, config=config_for(uri), unsafe=unsafe
        )
        return text, text[:shift] + result.text, len(result.fixed)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Any, params: types.DidOpenTextDocumentParams) -> None:
        publish(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Any, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending.pop(uri).cancel()
        path = uri_to_path(uri)
        if path is not None:
            sites.saved(path)  # the site's template may have changed with it
        publish(uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    async def did_change(ls: Any, params: types.DidChangeTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending[uri].cancel()
        pending[uri] = asyncio.get_running_loop().call_later(DEBOUNCE_SECONDS, publish, uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Any, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        if uri in pending:
            pending.pop(uri).cancel()
        server.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll]
        ),
    )
    def code_action(ls: Any, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        text, positions, violations, _ = linted(uri)
        wanted = params.range
        actions: list[types.CodeAction] = []
        for v in violations:
            found = lsp_range(positions, v.start, v.end)
            if (found.end.line, found.end.character) < (
                wanted.start.line,
                wanted.start.character,
            ) or (found.start.line, found.start.character) > (
                wanted.end.line,
                wanted.end.character,
            ):
                continue
            diagnostics = [diagnostic(positions, v)]
            if v.fix is not None:
                edits = [
                    types.TextEdit(
                        range=lsp_range(positions, e.start, e.end), new_text=e.replacement
                    )
                    for e in v.fix.edits
                ]
                safety = "" if v.fix.is_safe else " (unsafe fix)"
                actions.append(
                    types.CodeAction(
                        title=f"Remove {v.message} ({v.code}){safety}",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=diagnostics,
                        is_preferred=v.fix.is_safe,
                        edit=types.WorkspaceEdit(changes={uri: edits}),
                    )
                )
            actions.append(
                types.CodeAction(
                    title=f"Disable {v.code} for this line",
                    kind=types.CodeActionKind.QuickFix,
                    diagnostics=diagnostics,
                    edit=types.WorkspaceEdit(changes={uri: [disable_line(text, positions, v)]}),
                )
            )
        if any(v.fix is not None and v.fix.is_safe for v in violations):
            old, new, _ = fixed_text(uri, unsafe=False)
            actions.append(
                types.CodeAction(
                    title="Fix all safe problems (mdclean)",
                    kind=types.CodeActionKind.SourceFixAll,
                    edit=whole_document_edit(uri, old, new),
                )
            )
        return actions

    def disable_line(text: str, positions: Positions, v: Violation) -> types.TextEdit:
        """``<!-- mdclean-disable-next-line CODE -->`` above the finding's first line, behind its container marks."""
        line, _ = positions.position(v.start)
        start = positions.starts[line]
        end = positions.starts[line + 1] if line + 1 < len(positions.starts) else len(text)
        line_text = text[start:end]
        prefix = line_text[: len(line_text) - len(line_text.lstrip(" \t>"))]
        if v.column - 1 < len(
            prefix
        ):  # a finding that starts inside the marks: keep the marks we can see
            prefix = prefix[: v.column - 1]
        break_ = line_text[len(line_text.rstrip("\r\n")) :] or "\n"
        where = types.Position(line=line, character=0)
        return types.TextEdit(
            range=types.Range(start=where, end=where),
            new_text=f"{prefix}<!-- mdclean-disable-next-line {v.code} -->{break_}",
        )

    @server.command(FIX_ALL_COMMAND)
    async def fix_all(ls: Any, *arguments: Any) -> dict[str, int]:
        """Arguments ``[uri]`` or ``[uri, true]``: apply every safe fix (every fix with ``true``)
        to the document, through the client's ``workspace/applyEdit``."""
        if not arguments or not isinstance(arguments[0], str):
            raise ValueError(
                f"{FIX_ALL_COMMAND} takes the document's URI (and true for unsafe fixes too)"
            )
        uri, unsafe = arguments[0], bool(arguments[1]) if len(arguments) > 1 else False
        old, new, count = fixed_text(uri, unsafe=unsafe)
        if new != old:
            await server.workspace_apply_edit_async(
                types.ApplyWorkspaceEditParams(
                    edit=whole_document_edit(uri, old, new), label="mdclean: fix all"
                )
            )
        return {"fixed": count}

    return server

"""``mdclean server`` driven by a real LSP client (pygls') over stdio, in its own process."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

pytest.importorskip("pygls", reason="the server is the optional extra mdclean[server]")
from lsprotocol import types
from pygls.lsp.client import LanguageClient

AD = '<ins class="adsbygoogle" data-ad-slot="1"></ins>'
DIRTY = f"# Post\n\nFirst paragraph, with é and 😀.\n\n{AD}\n\nSecond paragraph.\n"
CLEAN = "# Post\n\nFirst paragraph, with é and 😀.\n\nSecond paragraph.\n"
BOX = (
    "# Hubs\n\nThe hub packs a punch.\n\n[View On Amazon $56](https://www.amazon.com/dp/B005NGQWL2/?tag=example-20) "
    "[View On Anker $75](https://us.anker.com/products/a7510)\n\nIt charges two phones.\n"
)


class Session:
    """A client talking to ``python -m mdclean server``, collecting what the server publishes."""

    def __init__(self, client: LanguageClient, root: Path) -> None:
        self.client = client
        self.root = root
        self.published: dict[str, asyncio.Queue[list[types.Diagnostic]]] = {}
        self.texts: dict[str, str] = {}
        self.versions: dict[str, int] = {}

    def queue(self, uri: str) -> asyncio.Queue[list[types.Diagnostic]]:
        return self.published.setdefault(uri, asyncio.Queue())

    async def diagnostics(self, uri: str) -> list[types.Diagnostic]:
        return list(await asyncio.wait_for(self.queue(uri).get(), timeout=30))

    def open(self, name: str, text: str) -> str:
        uri = (self.root / name).as_uri()
        self.texts[uri], self.versions[uri] = text, 1
        self.client.text_document_did_open(
            types.DidOpenTextDocumentParams(
                text_document=types.TextDocumentItem(
                    uri=uri, language_id="markdown", version=1, text=text
                )
            )
        )
        return uri

    def change(self, uri: str, text: str) -> None:
        self.texts[uri] = text
        self.versions[uri] += 1
        self.client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(
                    uri=uri, version=self.versions[uri]
                ),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
            )
        )

    def apply(self, uri: str, edits: list[types.TextEdit]) -> str:
        """Apply text edits as an editor does (positions in UTF-16 code units), then tell the server."""
        text = self.texts[uri]
        lines = [*text.splitlines(keepends=True), ""]

        def offset(position: types.Position) -> int:
            line = lines[position.line]
            units = line.encode("utf-16-le")[: position.character * 2].decode("utf-16-le")
            return sum(len(x) for x in lines[: position.line]) + len(units)

        for edit in sorted(
            edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
        ):
            text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
        self.change(uri, text)
        return text


@contextlib.asynccontextmanager
async def serving(tmp_path: Path) -> AsyncIterator[Session]:
    client = LanguageClient("test-client", "1")
    result = Session(client, tmp_path)
    applied: list[types.WorkspaceEdit] = []

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def on_diagnostics(params: types.PublishDiagnosticsParams) -> None:
        result.queue(params.uri).put_nowait(params.diagnostics)

    @client.feature(types.WORKSPACE_APPLY_EDIT)
    def on_apply_edit(params: types.ApplyWorkspaceEditParams) -> types.ApplyWorkspaceEditResult:
        applied.append(params.edit)
        for uri, edits in (params.edit.changes or {}).items():
            result.apply(uri, edits)
        return types.ApplyWorkspaceEditResult(applied=True)

    result.applied = applied  # type: ignore[attr-defined]
    await client.start_io(sys.executable, "-m", "mdclean", "server", cwd=str(tmp_path))
    await client.initialize_async(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=tmp_path.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="posts")],
        )
    )
    client.initialized(types.InitializedParams())
    try:
        yield result
    finally:
        await client.shutdown_async(None)
        client.exit(None)
        await client.stop()


def run(tmp_path: Path, scenario: Callable[[Session], Awaitable[None]]) -> None:
    """A scenario against a fresh server (no async test plugin needed)."""

    async def go() -> None:
        async with serving(tmp_path) as session:
            await scenario(session)

    asyncio.run(go())


def _span(d: types.Diagnostic) -> tuple[int, int, int, int]:
    return d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character


def test_open_reports_the_ad_with_its_range_and_the_quick_fix_cleans_it(tmp_path: Path) -> None:
    async def scenario(session: Session) -> None:
        uri = session.open("post.md", DIRTY)
        [found] = await session.diagnostics(uri)
        assert (found.code, found.source, found.severity) == (
            "AD001",
            "mdclean",
            types.DiagnosticSeverity.Warning,
        )
        assert found.message == "AdSense ad unit [safe fix]"
        assert _span(found) == (4, 0, 4, len(AD))
        assert found.code_description is not None and found.code_description.href.endswith(
            "rules.md#ad001-adsense-unit"
        )

        actions = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=found.range,
                context=types.CodeActionContext(diagnostics=[found]),
            )
        )
        titles = [a.title for a in actions]
        assert titles == [
            "Remove AdSense ad unit (AD001)",
            "Disable AD001 for this line",
            "Fix all safe problems (mdclean)",
        ]
        remove = actions[0]
        assert remove.kind == types.CodeActionKind.QuickFix and remove.edit is not None
        assert session.apply(uri, remove.edit.changes[uri]) == CLEAN
        assert await session.diagnostics(uri) == []  # after the pause that follows a change

    run(tmp_path, scenario)


def test_disable_for_this_line_adds_the_comment_and_silences_the_finding(tmp_path: Path) -> None:
    async def scenario(session: Session) -> None:
        text = f"Intro.\n\n> {AD}\n"
        uri = session.open("quoted.md", text)
        [found] = await session.diagnostics(uri)
        actions = await session.client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=found.range,
                context=types.CodeActionContext(diagnostics=[found]),
            )
        )
        disable = next(a for a in actions if a.title == "Disable AD001 for this line")
        assert (
            session.apply(uri, disable.edit.changes[uri])
            == f"Intro.\n\n> <!-- mdclean-disable-next-line AD001 -->\n> {AD}\n"
        )
        assert await session.diagnostics(uri) == []

    run(tmp_path, scenario)


def test_execute_command_fixes_all_through_the_client_and_unsafe_on_request(tmp_path: Path) -> None:
    async def scenario(session: Session) -> None:
        uri = session.open("hubs.md", DIRTY.replace("Second paragraph.\n", "") + "\n" + BOX)
        found = await session.diagnostics(uri)
        assert [d.code for d in found] == ["AD001", "AD009"]
        assert found[1].message == "Affiliate banner or product box [unsafe fix]"
        result = await session.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="mdclean.fixAll", arguments=[uri])
        )
        assert result == {"fixed": 1}
        assert "adsbygoogle" not in session.texts[uri] and "amazon.com" in session.texts[uri]
        assert [d.code for d in await session.diagnostics(uri)] == ["AD009"]
        result = await session.client.workspace_execute_command_async(
            types.ExecuteCommandParams(command="mdclean.fixAll", arguments=[uri, True])
        )
        assert result == {"fixed": 1} and "amazon.com" not in session.texts[uri]
        assert await session.diagnostics(uri) == []

    run(tmp_path, scenario)


def test_the_configuration_the_command_line_finds_applies(tmp_path: Path) -> None:
    async def scenario(session: Session) -> None:
        (session.root / ".mdclean.toml").write_text('ignore = ["AD001"]\n')
        uri = session.open("post.md", DIRTY)
        assert await session.diagnostics(uri) == []
        (session.root / ".mdclean.toml").write_text(
            'ignore = ["BP"]\n'
        )  # edited while the editor is open
        session.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri))
        )
        assert [d.code for d in await session.diagnostics(uri)] == ["AD001"]

    run(tmp_path, scenario)


def test_changes_are_linted_once_typing_pauses(tmp_path: Path) -> None:
    async def scenario(session: Session) -> None:
        uri = session.open("post.md", CLEAN)
        assert await session.diagnostics(uri) == []
        for end in range(1, len(AD) + 1, 7):  # typing the ad, a few characters at a time
            session.change(uri, CLEAN + AD[:end])
        session.change(uri, CLEAN + "\n" + AD + "\n")
        [found] = await session.diagnostics(uri)  # one publication, for the text as it came to rest
        assert found.code == "AD001" and _span(found)[0] == 6
        await asyncio.sleep(0.5)
        assert session.queue(uri).empty()

    run(tmp_path, scenario)


FOLLOW = "Scan the code to follow our account for a new post every week."
TOPICS = ("apple", "birch", "cedar", "daisy", "elder")


def test_a_page_is_judged_against_its_site_and_a_save_teaches_the_site_again(
    tmp_path: Path,
) -> None:
    (tmp_path / ".mdclean.toml").write_text("")  # the workspace is one site
    for topic in TOPICS:
        (tmp_path / f"{topic}.md").write_text(f"On {topic}, its own text.\n\n{FOLLOW}\n")

    async def scenario(session: Session) -> None:
        uri = session.open("draft.md", f"# Draft\n\nNot saved yet.\n\n{FOLLOW}\n")
        [found] = await session.diagnostics(uri)
        assert (found.code, found.message, _span(found)) == (
            "TPL001",
            "Site template block (on 5 of the site's 5 pages) [unsafe fix]",
            (4, 0, 4, len(FOLLOW)),
        )
        # Another page loses the block and is saved: the site is learned again, and the block,
        # on four pages of five, is no longer its template.
        saved = session.open("apple.md", "On apple, its own text.\n")
        (tmp_path / "apple.md").write_text("On apple, its own text.\n")
        assert await session.diagnostics(saved) == []
        session.client.text_document_did_save(
            types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=saved))
        )
        assert await session.diagnostics(saved) == []
        session.change(uri, f"# Draft\n\nNot saved yet, still.\n\n{FOLLOW}\n")
        assert await session.diagnostics(uri) == []

    run(tmp_path, scenario)


def test_the_command_line_never_imports_pygls(tmp_path: Path) -> None:
    (tmp_path / "post.md").write_text(DIRTY)
    probe = (
        "import runpy, sys\nsys.argv = ['mdclean', '--no-cache', 'post.md']\n"
        "try:\n    runpy.run_module('mdclean', run_name='__main__')\nexcept SystemExit:\n    pass\n"
        "print('pygls loaded' if any(m.startswith(('pygls', 'lsprotocol')) for m in sys.modules) else 'no pygls')"
    )
    import subprocess

    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, timeout=60
    )
    assert result.stdout.splitlines()[-1] == "no pygls"
    assert "AD001" in result.stdout

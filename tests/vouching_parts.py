"""What plain ``--fix`` vouches for in one unsafe finding: the tests of the part readings share it."""

from __future__ import annotations

from mdclean.config import Config
from mdclean.document import Document
from mdclean.models import Applicability, Edit, Fix, Violation
from mdclean.vouching import page_parts

ARTICLE = (
    "Die Stadt hat am Montag nach langer Debatte den neuen Haushalt beschlossen.\n"
    "Die Mitglieder stritten drei Stunden lang, bevor die Abstimmung knapp ausging.\n"
    "Der Bürgermeister nannte das Ergebnis eine Erleichterung für die ganze Stadt.\n"
    "Kritiker sagten, die Kürzungen bei den Bibliotheken träfen die Ärmsten am meisten.\n"
    "Der neue Haushalt gilt ab Januar und wird im Frühjahr noch einmal geprüft.\n"
)
"""A town council's article of five prose lines: the core every part reading asks for."""


def safe_parts(text: str, block: str, code: str = "BP420") -> list[str]:
    """The parts ``page_parts`` makes of an unsafe finding of ``code`` that removes ``block``
    (as BP420 or BP500 reads a text copy's lines), each checked to carry a safe fix."""
    doc = Document(text, None, Config())
    start = text.index(block)
    end = start + len(block)
    line, column = doc.position(start)
    end_line, end_column = doc.position(end)
    fix = Fix((Edit(start, end),), Applicability.UNSAFE)
    violation = Violation(
        code, "chrome", "chrome", line, column, end_line, end_column, start, end, fix
    )
    parts = page_parts(doc, [violation])
    assert all(p.fix is not None and p.fix.applicability is Applicability.SAFE for p in parts)
    return [doc.text[p.start : p.end].strip() for p in parts]

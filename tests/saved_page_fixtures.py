"""A saved French page shared by the tests of the saved-page rules' safe cores: one rule
fixed alone, in plain or unsafe mode, over the same article and crawler's note."""

from __future__ import annotations

import mdclean
from mdclean.config import Config


def fix_safe(code: str, text: str) -> str:
    """``text`` after plain ``--fix`` with only rule ``code``."""
    return mdclean.fix(text, config=Config(select=(code,))).text


def fix_unsafe(code: str, text: str) -> str:
    """``text`` after ``--fix --unsafe-fixes`` with only rule ``code``."""
    return mdclean.fix(text, config=Config(select=(code,)), unsafe=True).text


ARTICLE = (
    "# Le potager\n\n"
    "Autrefois, le mot potager désignait le pot, puis l'endroit où l'on chauffe le potage. "
    "Il faudra attendre la fin du seizième siècle pour qu'il prenne son sens actuel et "
    "désigne le lieu où l'on cultive les légumes.\n"
)
NOTED = "---\nurl: https://musee.example.fr/potager/\n---\n\n"

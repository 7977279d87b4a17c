"""mdclean: find and remove ads, boilerplate and broken front matter in Markdown.

The library API is two functions::

    import mdclean
    violations = mdclean.lint(text)
    result = mdclean.fix(text)          # result.text, result.fixed, result.remaining
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .config import Config
from .errors import ConfigError, MdcleanError, RuleFileError
from .models import Applicability, Edit, Finding, Fix, FixResult, Violation

if TYPE_CHECKING:
    from .engine import fix, lint

__version__ = "0.1.0"


def __getattr__(name: str) -> Any:
    """``lint`` and ``fix`` are imported on first use: the command line answered from the
    cache never loads the parser."""
    if name in ("lint", "fix"):
        from . import engine

        return getattr(engine, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Applicability",
    "Config",
    "ConfigError",
    "Edit",
    "Finding",
    "Fix",
    "FixResult",
    "MdcleanError",
    "RuleFileError",
    "Violation",
    "__version__",
    "fix",
    "lint",
]

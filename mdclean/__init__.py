"""mdclean: find and remove ads, boilerplate and broken front matter in Markdown.

The library API is two functions::

    import mdclean
    violations = mdclean.lint(text)
    result = mdclean.fix(text)          # result.text, result.fixed, result.remaining
"""
from __future__ import annotations

from .config import Config
from .engine import fix, lint
from .errors import ConfigError, MdcleanError, RuleFileError
from .models import Applicability, Edit, Finding, Fix, FixResult, Violation

__version__ = "0.1.0"

__all__ = [
    "Applicability", "Config", "ConfigError", "Edit", "Finding", "Fix", "FixResult",
    "MdcleanError", "RuleFileError", "Violation", "__version__", "fix", "lint",
]

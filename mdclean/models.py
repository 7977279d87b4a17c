"""The data that flows through mdclean: edits, fixes, findings and violations.

Offsets are indices into the decoded text (``str``), BOM excluded; lines and
columns are 1-based and counted in characters, as editors show them.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field


class Applicability(str, enum.Enum):
    """Whether a fix may be applied without the user asking for it (ruff's model)."""

    SAFE = "safe"
    """Removes only what the rule is sure of: applied by ``--fix``."""
    UNSAFE = "unsafe"
    """A heuristic that could hit real content: applied only with ``--unsafe-fixes``."""


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``text[start:end]`` with ``replacement`` (an empty one deletes)."""

    start: int
    end: int
    replacement: str = ""
    code_caption: bool = False
    """Removes a code button's caption that a converter wrote into code (BP098): the one kind
    of edit the rendering guard lets change code."""


@dataclass(frozen=True, slots=True)
class Fix:
    """The edits that repair one violation; all of them apply, or none."""

    edits: tuple[Edit, ...]
    applicability: Applicability

    @property
    def is_safe(self) -> bool:
        return self.applicability is Applicability.SAFE


@dataclass(frozen=True, slots=True)
class Finding:
    """What a matcher reports: a span of the text, and optionally how to repair it.

    The engine turns findings into violations by adding the rule's code, name,
    default message and fix safety.
    """

    start: int
    end: int
    message: str | None = None
    """Overrides the rule's summary when the finding has more to say."""
    edits: tuple[Edit, ...] | None = None
    """None: the finding is reported but not fixable."""
    applicability: Applicability | None = None
    """Overrides the rule's fix safety for this finding (a labelled farm is safe, a guess is not)."""


@dataclass(frozen=True, slots=True)
class Violation:
    """One problem in one file, as users see it."""

    code: str
    name: str
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    start: int
    """Offset of the first character in the text."""
    end: int
    fix: Fix | None = None
    path: str | None = None

    @property
    def fixable(self) -> bool:
        return self.fix is not None


@dataclass(slots=True)
class FixResult:
    """What :func:`mdclean.fix` did to one text."""

    text: str
    """The fixed text (the input itself when nothing applied)."""
    fixed: list[Violation] = field(default_factory=list)
    """Violations whose fixes were applied, with positions in the text they were found in."""
    remaining: list[Violation] = field(default_factory=list)
    """Violations left in the fixed text, positions in ``text``."""
    converged: bool = True
    """False when fixes kept changing the text past the pass limit."""

    @property
    def changed(self) -> bool:
        return bool(self.fixed)

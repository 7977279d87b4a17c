"""What the summary tells users to run next, in the words of where they run mdclean.

Under pre-commit (which sets ``PRE_COMMIT=1``) there may be no ``mdclean`` on the PATH:
the hints name the hooks of ``.pre-commit-hooks.yaml`` and the ``args`` to give them.
"""

from __future__ import annotations

import os

FIX_HOOK, FIX_UNSAFE_HOOK = "mdclean-fix", "mdclean-fix-unsafe"


def under_pre_commit() -> bool:
    return os.environ.get("PRE_COMMIT") == "1"


def fix_hint() -> str:
    """How to apply the safe fixes."""
    return f"the `{FIX_HOOK}` hook" if under_pre_commit() else "`mdclean --fix`"


def unsafe_hint() -> str:
    """How to apply the unsafe fixes too."""
    if under_pre_commit():
        return f"the `{FIX_UNSAFE_HOOK}` hook (or `args: [--unsafe-fixes]` on `{FIX_HOOK}`)"
    return "`--unsafe-fixes`"

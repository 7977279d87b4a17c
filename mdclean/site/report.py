"""``mdclean --show-template``: what each site's template holds, for review before removal."""

from __future__ import annotations

from collections.abc import Iterable

from .profile import SiteTemplate, TemplateBlock

_WIDTH = 100


def describe(templates: Iterable[SiteTemplate]) -> str:
    """Per site: its root, its files and threshold, then each recurring block with the
    number of files holding it and what TPL001 does with it (safe, unsafe, or kept)."""
    parts = []
    for template in templates:
        parts.append(
            f"{template.root or '.'}: {template.files} files, template blocks on "
            f"{template.threshold} or more"
        )
        if not template.blocks and not template.kept:
            parts.append("  (no block recurs that often)")
        for block in template.blocks:
            parts.append(_line(block, "safe" if block.safe else "unsafe"))
        for block in template.kept:
            parts.append(_line(block, "kept"))
    return "\n".join(parts) + "\n" if parts else ""


def _line(block: TemplateBlock, verdict: str) -> str:
    text = " ".join(block.sample.split())
    if len(text) > _WIDTH:
        text = text[: _WIDTH - 3] + "..."
    return f"  {block.files:>6}  {verdict:<6}  {text}"

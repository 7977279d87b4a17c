"""``--show-settings`` and ``--show-files``: what a run would use, without running it (as in ruff)."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

from .files import FileError, discover
from .settings import KEYS, Overrides, Resolver, Settings

COMMAND_LINE = "command line"
DEFAULT = "default"
_FROM_COMMAND_LINE = {
    "select": "select",
    "ignore": "ignore",
    "extend-select": "extend_select",
    "unsafe-fixes": "unsafe_fixes",
}
"""Keys the command line can set, and the ``Overrides`` field that holds them."""


def show_files(paths: Sequence[Path], resolver: Resolver) -> Iterator[str]:
    """Every file a run on ``paths`` would check, sorted; errors (missing paths) raise."""
    for item in discover(list(paths), resolver.skip):
        if isinstance(item, FileError):
            raise item
        yield item


def show_settings(path: Path, resolver: Resolver) -> str:
    """The resolved configuration of one file: each key's value and where it came from."""
    name = os.fspath(path)
    settings = resolver.settings_for(os.path.dirname(os.path.abspath(name)))
    config = resolver.config_for(name)
    lines = [f"Settings for {name}", f"configuration file: {_file_of(settings)}", ""]
    width = max(len(key) for key in KEYS)
    for key in KEYS:
        value, origin = _value(key, settings, resolver)
        lines.append(f"{key:<{width}} = {_toml(value)}  # {origin}")
    per_file = [code for code in config.ignore if code not in _ignored_by(settings, resolver)]
    lines += [
        "",
        f"{'per-file ignores applied':<{width}} = {_toml(per_file)}",
        f"{'rules':<{width}} = {_toml([rule.code for rule in config.rules])}",
    ]
    return "\n".join(lines) + "\n"


def _file_of(settings: Settings) -> str:
    return "none (defaults)" if settings.source == "defaults" else settings.source


def _value(key: str, settings: Settings, resolver: Resolver) -> tuple[object, str]:
    field = _FROM_COMMAND_LINE.get(key)
    if field is not None:
        given = _command_line_value(key, field, settings, resolver.overrides)
        if given is not None:
            return given
    if key in settings.values:
        value = settings.values[key]
        if key == "per-file-ignores":
            value = {glob: list(codes) for glob, codes in value}
        return value, settings.source
    return _default(key), DEFAULT


def _command_line_value(
    key: str, field: str, settings: Settings, overrides: Overrides
) -> tuple[object, str] | None:
    """A key's value and origin when the command line sets it (``field`` of the overrides)."""
    given = getattr(overrides, field)
    if field == "select" and given is not None:
        return list(given), COMMAND_LINE
    if field != "select" and given:
        if field == "unsafe_fixes":
            return True, COMMAND_LINE
        own = list(settings.get(key, ()))
        return own + list(given), COMMAND_LINE if not own else f"{settings.source} + {COMMAND_LINE}"
    if overrides.select is not None and key in ("ignore", "extend-select"):
        return [], f"{COMMAND_LINE} (--select starts over)"
    return None


def _default(key: str) -> object:
    from .config import Config
    from .settings import DEFAULT_EXCLUDE

    defaults: dict[str, object] = {
        "select": None,
        "ignore": [],
        "extend-select": [],
        "per-file-ignores": {},
        "exclude": list(DEFAULT_EXCLUDE),
        "extend-exclude": [],
        "unsafe-fixes": False,
        "respect-gitignore": True,
        "rule-packs": [],
        "required-keys": _required_keys_default(),
        "date-keys": list(Config().date_keys),
        "filter-lists": [],
        "builtin-filter-lists": True,
        "site-roots": [],
        "template-min-files": _Unset("5, or 30% of the site's pages when that is more"),
        "template-keep": [],
    }
    return defaults[key]


class _Unset(str):
    """A default that no single value spells: shown as words, not as a TOML value."""


def _required_keys_default() -> list[str]:
    """What FM007 requires when ``required-keys`` is unset: its rule file's ``keys``."""
    from .catalogue import builtin_rules

    rule = next((r for r in builtin_rules() if r.matcher_name == "front-matter-required-key"), None)
    return list(rule.params.get("keys", ())) if rule is not None else []


def _ignored_by(settings: Settings, resolver: Resolver) -> set[str]:
    if resolver.overrides.select is not None:
        return set(resolver.overrides.ignore)
    return set(settings.get("ignore", ())) | set(resolver.overrides.ignore)


def _toml(value: object) -> str:
    """A value as TOML would write it (None: the key is unset)."""
    if value is None:
        return "(unset: the rules on by default)"
    if isinstance(value, _Unset):
        return f"(unset: {value})"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(json.dumps(str(v), ensure_ascii=False) for v in value) + "]"
    if isinstance(value, dict):
        return (
            "{"
            + ", ".join(
                f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()
            )
            + "}"
        )
    return json.dumps(value, ensure_ascii=False)

"""A JSON schema of ``[tool.mdclean]`` (and ``.mdclean.toml``) for editors, made from ``settings.KEYS``.

Each key's reader in :data:`mdclean.settings.KEYS` is what validates a configuration;
the schema is derived from the same table (a key without a known reader is an error
here, so a new key cannot be left out). ``python -m mdclean.schema`` regenerates
``docs/mdclean.schema.json``; a test checks the file is current and that the schema
accepts exactly what the readers accept.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from . import settings

SCHEMA_FILE = Path("docs") / "mdclean.schema.json"
_CODE = {"type": "string", "pattern": r"^\s*([Aa][Ll][Ll]|[A-Za-z]{1,4}[0-9]{0,3})\s*$"}
"""A rule code or a prefix of one (``AD``, ``AD001``), or ``ALL``: the readers strip and upper-case it
(ECMA-262 regex, as JSON schema wants: no inline flags)."""

_BY_READER: dict[Any, dict[str, Any]] = {
    settings.read_codes: {"type": "array", "items": _CODE},
    settings.read_strings: {"type": "array", "items": {"type": "string"}},
    settings.read_boolean: {"type": "boolean"},
    settings.read_positive_int: {"type": "integer", "minimum": 1},
    settings.read_per_file_ignores: {
        "type": "object",
        "additionalProperties": {"type": "array", "items": _CODE},
    },
}


def schema() -> dict[str, Any]:
    properties = {}
    for key, (reader, expected) in settings.KEYS.items():
        if reader not in _BY_READER:
            raise KeyError(f"settings key {key!r}: no JSON schema for its reader {reader.__name__}")
        properties[key] = {
            **_BY_READER[reader],
            "description": f"{_DESCRIPTIONS.get(key, key)} Expected: {expected}.",
        }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.org/mdclean/mdclean.schema.json",
        "title": "mdclean configuration ([tool.mdclean] in pyproject.toml, or .mdclean.toml)",
        "type": "object",
        "properties": properties,
        "additionalProperties": False,
    }


_DESCRIPTIONS = {
    "select": "Only these rules (codes or prefixes; ALL for every rule).",
    "ignore": "Leave these rules out.",
    "extend-select": "Add these rules to the selection.",
    "per-file-ignores": "Leave rules out for the files a glob matches.",
    "exclude": "Paths never checked; replaces the default (.*/, node_modules/, __pycache__/).",
    "extend-exclude": "Paths never checked, on top of the default.",
    "unsafe-fixes": "--fix applies unsafe fixes too.",
    "respect-gitignore": "Skip what .gitignore files ignore when walking folders.",
    "rule-packs": "Extra rule files or folders, in the schema of rules/.",
    "required-keys": "Front matter keys FM007 requires.",
    "date-keys": "Front matter keys FM006 checks are dates.",
    "filter-lists": "Your own Adblock Plus filter lists, read as ad lists by AD011-AD014.",
    "builtin-filter-lists": "Use EasyList and EasyPrivacy, shipped with mdclean.",
    "site-roots": "Folders that are each a site of their own for TPL001.",
    "template-min-files": "Pages of its site a block must be on to be template (TPL001).",
    "template-keep": "Template blocks TPL001 leaves alone, by their text or its beginning.",
}


def schema_text() -> str:
    return json.dumps(schema(), indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    root = Path(__file__).resolve().parent.parent
    (root / SCHEMA_FILE).write_text(schema_text(), encoding="utf-8")


if __name__ == "__main__":
    main()

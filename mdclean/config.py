"""Which rules run, and how: the effective settings for one file."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from .catalogue import (
    Rule,
    builtin_rules,
    builtin_rules_dir,
    file_digest,
    load_rules,
    rule_file_digests,
)
from .errors import ConfigError
from .filterlists import ListSet
from .frontmatter.dates import DEFAULT_DATE_KEYS
from .prefilter import fast_path_wanted

if TYPE_CHECKING:
    from .site.profile import SiteTemplate


@dataclass(frozen=True)
class Config:
    """Settings as users write them (``--select``, ``[tool.mdclean]``), resolved to rules on demand."""

    select: tuple[str, ...] | None = None
    """Codes or prefixes to run; None: every rule enabled by default."""
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    unsafe_fixes: bool = False
    rule_packs: tuple[Path, ...] = ()
    """Extra rule files or folders, in the schema of ``rules/``."""
    origin: str = "configuration"
    """Where the settings came from, for error messages."""
    required_keys: tuple[str, ...] = ()
    """Front matter keys that must be present and non-empty (FM007; its own default when empty)."""
    date_keys: tuple[str, ...] = DEFAULT_DATE_KEYS
    """Front matter keys whose values must be dates (FM006), compared ignoring case."""
    filter_lists: tuple[Path, ...] = ()
    """The user's Adblock Plus filter lists, read as ad lists (AD011-AD014) on top of the built-in ones."""
    builtin_filter_lists: bool = True
    """Whether EasyList and EasyPrivacy, shipped with mdclean, are used."""
    fast_path: bool = field(default_factory=fast_path_wanted)
    """False: every rule runs on every text (``MDCLEAN_NO_FAST_PATH=1``); results are the same."""
    site_template: SiteTemplate | None = None
    """The blocks the file's site repeats (TPL001), learned by :mod:`mdclean.site`; None: none known."""

    @cached_property
    def catalogue(self) -> tuple[Rule, ...]:
        rules = list(builtin_rules())
        if self.rule_packs:
            known = {rule.code: rule for rule in rules}
            for rule in load_rules(self.rule_packs, pack=True):
                if rule.code in known:
                    raise ConfigError(
                        f"{rule.source}: code {rule.code} is already a built-in rule; "
                        "pick another code for the rule pack"
                    )
                rules.append(rule)
        return tuple(sorted(rules, key=lambda r: r.code))

    @cached_property
    def rules(self) -> tuple[Rule, ...]:
        """The rules that run, in code order."""
        self.validate()
        chosen = self._chosen_codes()
        rules = tuple(r for r in self.catalogue if r.code in chosen)
        if self.site_template is not None:
            from .site.rules import with_site_template

            rules = with_site_template(rules, self.site_template)
        return rules

    @cached_property
    def matcher_of(self) -> dict[str, str]:
        """The matcher each rule that runs reads with, by its code (one look-up, not a scan)."""
        return {rule.code: rule.matcher_name for rule in self.rules}

    def validate(self) -> None:
        """Raise the ``ConfigError`` a bad rule pack or an unknown rule code makes, now rather than
        at the first file (a run checks its settings before it reads anything)."""
        codes = tuple(rule.code for rule in self.catalogue)
        for key, selectors in (
            ("select", self.select or ()),
            ("extend-select", self.extend_select),
            ("ignore", self.ignore),
        ):
            for selector in selectors:
                if selector != "ALL" and not any(code.startswith(selector) for code in codes):
                    raise ConfigError(
                        f"{self.origin}: {key}: unknown rule code or prefix {selector!r} "
                        "(run `mdclean --list-rules` to see the codes)"
                    )

    def _chosen_codes(self) -> set[str]:
        catalogue = self.catalogue
        if self.select is None:
            chosen = {r.code for r in catalogue if r.enabled}
        else:
            chosen = {r.code for r in catalogue if _matches(r.code, self.select)}
        chosen |= {r.code for r in catalogue if _matches(r.code, self.extend_select)}
        chosen -= {r.code for r in catalogue if _matches(r.code, self.ignore)}
        return chosen

    def fingerprint(self) -> str:
        """A digest of everything that can change a result: the settings and the rules' own files.

        The cache keys results by it. Every field counts except those listed in
        ``_NO_EFFECT_ON_RESULTS``, so a field added later is covered without a thought.
        """
        return self._fingerprint

    @cached_property
    def _fingerprint(self) -> str:
        digest = hashlib.blake2b(digest_size=16)
        for item in fields(self):
            if item.name not in _NO_EFFECT_ON_RESULTS:
                value = json.dumps(getattr(self, item.name), sort_keys=True, default=repr)
                digest.update(f"{item.name}={value}\n".encode())
        # Built-in rules and rule packs alike: their YAML is their behaviour.
        folder = builtin_rules_dir()
        builtin = rule_file_digests(folder)
        root = os.path.join(folder, "")
        for rule in self.catalogue:
            source = str(rule.source)
            known = builtin.get(source[len(root) :]) if source.startswith(root) else None
            digest.update(f"{rule.code}:{known or file_digest(rule.source)}\n".encode())
        for name, data in builtin.items():  # phrase lists the rules name
            if "/" in name or os.sep in name:
                digest.update(f"{name}:{data}\n".encode())
        # The filter lists' contents (a path alone would not see a list edited in place).
        lists = ListSet(self.builtin_filter_lists, self.filter_lists).fingerprint()
        digest.update(f"filter-lists:{lists}\n".encode())
        return digest.hexdigest()


_NO_EFFECT_ON_RESULTS = frozenset({"origin", "fast_path"})
"""Config fields that only shape messages or speed, left out of the fingerprint."""


def _matches(code: str, selectors: Sequence[str]) -> bool:
    return any(s == "ALL" or code.startswith(s) for s in selectors)


DEFAULT = Config()

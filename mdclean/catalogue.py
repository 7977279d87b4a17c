"""The rule catalogue: rules are YAML data in ``rules/``, checked against a closed schema.

Each ``*.yaml`` file directly in a rules folder defines one rule; its matcher
(code, in :mod:`mdclean.matchers`) does the finding, its params say what to
find. A typo in a rule file is a load error naming the file and the key.
"""

from __future__ import annotations

import hashlib
import re
import sys
from collections.abc import Callable, Iterable, Mapping
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import RuleFileError
from .models import Applicability
from .usercache import marshalled

if TYPE_CHECKING:
    from ruamel.yaml import YAML

    from .matchers import Matcher

CODE_PATTERN = re.compile(r"^[A-Z]{2,4}[0-9]{3}$")
RULE_KEYS = {
    "code": str,
    "name": str,
    "summary": str,
    "explanation": str,
    "fix": str,
    "enabled": bool,
    "matcher": str,
    "params": dict,
    "examples": list,
    "fix-when": str,
    "skip-front-matter-keys": list,
}
REQUIRED_KEYS = ("code", "name", "summary", "explanation", "fix", "matcher", "examples")
EXAMPLE_KEYS = {"bad": str, "fixed": str, "good": str, "note": str, "site": list}
FIX_VALUES = ("safe", "unsafe", "none")


@dataclass(frozen=True, slots=True)
class Example:
    """A rule's example: ``bad`` with its exact ``fixed`` text, or ``good`` that must stay silent."""

    text: str
    fixed: str | None
    good: bool
    note: str | None
    index: int
    site: tuple[str, ...] = ()
    """Other pages of the example's site (for rules that learn a site's template)."""


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str
    """The one-line message of a violation."""
    explanation: str
    fix: Applicability | None
    """None: the rule reports only."""
    enabled: bool
    build_matcher: Callable[[], Matcher] = field(repr=False, compare=False)
    """Makes the matcher; built-in rules make theirs on first use (a run answered
    from the cache never compiles their patterns)."""
    matcher_name: str
    params: Mapping[str, Any] = field(repr=False, compare=False)
    examples: tuple[Example, ...] = field(repr=False, compare=False)
    source: Path = field(compare=False)
    fix_when: str | None = None
    """When some findings fix the other way ("safe when the links are all ad click-throughs")."""
    skip_front_matter_keys: tuple[str, ...] = ()
    """Phrase lists of front matter keys that mark pages the rule leaves alone (docs pages)."""

    @cached_property
    def matcher(self) -> Matcher:
        return self.build_matcher()

    @property
    def matcher_built(self) -> bool:
        """Whether ``matcher`` has been made (asked for once)."""
        return "matcher" in self.__dict__


def _yaml() -> YAML:
    from ruamel.yaml import YAML  # here: a run whose rules come from the cache never needs it

    return YAML(typ="safe")  # the C loader when ruamel.yaml.clib is there


def load_rule_file(path: Path, *, lazy: bool = False, pack: bool = False) -> Rule:
    """One rule from its YAML file; with ``lazy``, its matcher is checked and made on first use
    (for the built-in rules, which the test suite checks, so a run need not pay for them).
    ``pack``: the rule comes from a rule pack, so its matcher runs under a time limit."""
    return rule_from_data(path, read_rule_data(path), lazy=lazy, pack=pack)


def read_rule_data(path: Path) -> Any:
    """A rule file's YAML, loaded (not yet checked: see ``rule_from_data``)."""
    from ruamel.yaml.error import YAMLError

    where = str(path)
    try:
        return _yaml().load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise RuleFileError(f"{where}: cannot read rule file: {error}") from None
    except YAMLError as error:
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        mark = getattr(error, "problem_mark", None)
        at = f":{mark.line + 1}:{mark.column + 1}" if mark is not None else ""
        raise RuleFileError(f"{where}{at}: not valid YAML: {problem}") from None


def rule_from_data(path: Path, data: Any, *, lazy: bool = False, pack: bool = False) -> Rule:
    """The rule a file's loaded YAML defines, checked against the schema (see ``load_rule_file``)."""
    where = str(path)
    _check_keys(where, data)
    code = data["code"]
    fix = None if data["fix"] == "none" else Applicability(data["fix"])
    params = data.get("params") or {}
    fix_when = _fix_when(where, data)
    rule = Rule(
        code=code,
        name=data["name"],
        summary=data["summary"].strip(),
        explanation=data["explanation"].strip(),
        fix=fix,
        enabled=data.get("enabled", True),
        build_matcher=lambda: _make_matcher(
            where, data["matcher"], params, code if pack else None, eager=not lazy
        ),
        matcher_name=data["matcher"],
        params=params,
        examples=tuple(_examples(where, data["examples"], fixable=fix is not None)),
        source=path,
        fix_when=fix_when,
        skip_front_matter_keys=_skip_front_matter_keys(where, data, checked=not lazy),
    )
    if not lazy:
        _ = rule.matcher  # a rule pack's mistake is one clear error at load time
        _check_trigger(where, rule)
    return rule


def _check_trigger(where: str, rule: Rule) -> None:
    """A rule's trigger (its ``keywords``...) must let each of its ``bad`` examples through."""
    from .prefilter import examples_ruled_out

    ruled_out = examples_ruled_out(rule)
    if ruled_out:
        raise RuleFileError(
            f"{where}: examples[{ruled_out[0]}]: the rule's trigger rules this bad example out "
            "(its text holds none of the rule's keywords?)"
        )


def _check_keys(where: str, data: Any) -> None:
    """The top-level keys: known, of their types, the required ones present, code and fix valid."""
    if not isinstance(data, dict):
        raise RuleFileError(f"{where}: a rule file must be a mapping of rule keys")
    for key, value in data.items():
        if key not in RULE_KEYS:
            raise RuleFileError(
                f"{where}: unknown key {key!r} (expected one of: {', '.join(RULE_KEYS)})"
            )
        if not isinstance(value, RULE_KEYS[key]):
            raise RuleFileError(
                f"{where}: key {key!r} must be a {RULE_KEYS[key].__name__}, "
                f"not {type(value).__name__}"
            )
    for key in REQUIRED_KEYS:
        if key not in data:
            raise RuleFileError(f"{where}: missing required key {key!r}")
    if not CODE_PATTERN.match(data["code"]):
        raise RuleFileError(
            f"{where}: code {data['code']!r} must be 2-4 capital letters and 3 digits, like AD001"
        )
    if data["fix"] not in FIX_VALUES:
        raise RuleFileError(
            f"{where}: fix must be one of {', '.join(FIX_VALUES)}, not {data['fix']!r}"
        )


def _skip_front_matter_keys(where: str, data: dict[str, Any], *, checked: bool) -> tuple[str, ...]:
    """The phrase lists named by ``skip-front-matter-keys``; ``checked``: each must load."""
    names = tuple(str(name) for name in data.get("skip-front-matter-keys", ()))
    for name in names if checked else ():
        from .matchers.base import ParamError  # here: a run from the cache loads no matcher
        from .matchers.phrase_lists import load_phrase_list

        try:
            load_phrase_list(name)
        except ParamError as error:
            raise RuleFileError(f"{where}: skip-front-matter-keys: {error}") from None
    return names


def _fix_when(where: str, data: dict[str, Any]) -> str | None:
    """The ``fix-when`` text, which must name the other safety than the rule's ``fix``."""
    fix_when = data.get("fix-when")
    if fix_when is None:
        return None
    other = {"safe": "unsafe when ", "unsafe": "safe when "}.get(data["fix"])
    if other is None:
        raise RuleFileError(f"{where}: fix-when needs a fix (safe or unsafe)")
    if not fix_when.startswith(other):
        raise RuleFileError(
            f"{where}: fix-when must start with {other!r} for a rule whose fix is {data['fix']}"
        )
    return str(fix_when).strip()


def _make_matcher(
    where: str,
    name: str,
    params: Mapping[str, Any],
    pack_code: str | None = None,
    *,
    eager: bool = True,
) -> Matcher:
    """``eager``: every pattern compiled now (a bad one is this load's error); else the
    patterns its matcher makes with ``fastpath.lazy.lazy_compile`` wait for their first use."""
    # Imported on first use, and only the one matcher's module: the matchers pull in the parser.
    from .fastpath.lazy import eager_patterns
    from .matchers import ParamError, matcher_class

    made = matcher_class(name)
    if made is None:
        from .matchers import MATCHERS

        raise RuleFileError(
            f"{where}: unknown matcher {name!r} (known: {', '.join(sorted(MATCHERS))})"
        )
    try:
        with eager_patterns() if eager else nullcontext():
            matcher = made(params)
    except ParamError as error:
        raise RuleFileError(f"{where}: {error}") from None
    if pack_code is None:
        return matcher
    from .time_limit import TimeLimitedMatcher

    return TimeLimitedMatcher(matcher, pack_code, where)  # type: ignore[return-value]  # a Matcher in all but name


def _examples(where: str, items: list[Any], *, fixable: bool) -> Iterable[Example]:
    if not any(isinstance(i, dict) and "bad" in i for i in items) or not any(
        isinstance(i, dict) and "good" in i for i in items
    ):
        raise RuleFileError(f"{where}: examples need at least one 'bad' and one 'good' entry")
    for index, item in enumerate(items):
        at = f"{where}: examples[{index}]"
        if not isinstance(item, dict):
            raise RuleFileError(f"{at}: must be a mapping with 'bad' (and 'fixed') or 'good'")
        _check_example_keys(at, item)
        _check_example_kind(at, item, fixable=fixable)
        yield Example(
            text=str(item["bad"] if "bad" in item else item["good"]),
            fixed=item.get("fixed"),
            good="good" in item,
            note=item.get("note"),
            index=index,
            site=tuple(item.get("site", ())),
        )


def _check_example_keys(at: str, item: dict[str, Any]) -> None:
    for key, value in item.items():
        if key not in EXAMPLE_KEYS:
            raise RuleFileError(
                f"{at}: unknown key {key!r} (expected bad, fixed, good, note or site)"
            )
        if key == "site":
            if not isinstance(value, list) or not all(isinstance(page, str) for page in value):
                raise RuleFileError(f"{at}: 'site' must be a list of page texts")
        elif not isinstance(value, str):
            raise RuleFileError(f"{at}: {key!r} must be text")


def _check_example_kind(at: str, item: dict[str, Any], *, fixable: bool) -> None:
    """``bad`` or ``good``, and ``fixed`` exactly when a fixable rule's example is bad."""
    if ("bad" in item) == ("good" in item):
        raise RuleFileError(f"{at}: give either 'bad' or 'good'")
    if "good" in item and "fixed" in item:
        raise RuleFileError(f"{at}: a 'good' example has no 'fixed' text")
    if "bad" in item and fixable and "fixed" not in item:
        raise RuleFileError(f"{at}: a fixable rule's 'bad' example needs its exact 'fixed' text")
    if "bad" in item and not fixable and "fixed" in item:
        raise RuleFileError(f"{at}: the rule has no fix (fix: none), so 'fixed' does not apply")


def load_rules(paths: Iterable[Path], *, lazy: bool = False, pack: bool = False) -> list[Rule]:
    """Rules from files and folders (the ``*.yaml`` directly in each), sorted by code; ``pack``: see
    ``load_rule_file``."""
    files: list[Path] = []
    for path in paths:
        if not path.exists():
            raise RuleFileError(f"{path}: rule file or folder not found")
        files += sorted(path.glob("*.yaml")) if path.is_dir() else [path]
    return _by_code(load_rule_file(file, lazy=lazy, pack=pack) for file in files)


def _by_code(rules: Iterable[Rule]) -> list[Rule]:
    """Sorted by code; a code defined twice is an error naming both files."""
    chosen: dict[str, Rule] = {}
    for rule in rules:
        if rule.code in chosen:
            raise RuleFileError(
                f"{rule.source}: code {rule.code} is already defined in {chosen[rule.code].source}"
            )
        chosen[rule.code] = rule
    return [chosen[code] for code in sorted(chosen)]


def builtin_rules_dir() -> Path:
    """``mdclean/rules`` in an installed wheel; the top-level ``rules/`` in a source checkout."""
    package = Path(__file__).parent
    installed = package / "rules"
    return installed if installed.is_dir() else package.parent / "rules"


_RULE_DATA_FORMAT = 1
"""Changes when what is cached of the rule files changes."""


def rule_file_digests(folder: Path) -> dict[str, str]:
    """A content digest of each rule file and phrase list (``*.yaml`` in the rules folder and the
    folders in it), by its path relative to that folder: what a result depends on. Kept in the
    user's cache, named by the files' stamps (path, size, time), so a run reads about 200
    stamps, not 200 files."""
    found = sorted(
        (str(path.relative_to(folder)), path)
        for path in (*folder.glob("*.yaml"), *folder.glob("*/*.yaml"))
    )
    stamp = hashlib.blake2b(f"{sys.version_info[:2]}\n".encode(), digest_size=16)
    for name, path in found:
        info = path.stat()
        stamp.update(f"{name}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    digests: dict[str, str] = marshalled(
        f"digests-{stamp.hexdigest()}.marshal", lambda: {n: file_digest(p) for n, p in found}
    )
    return digests


def file_digest(path: Path) -> str:
    """A digest of a file's bytes ("unreadable" when it cannot be read)."""
    try:
        return hashlib.blake2b(path.read_bytes(), digest_size=16).hexdigest()
    except OSError:
        return "unreadable"


@lru_cache(maxsize=1)
def builtin_rules() -> tuple[Rule, ...]:
    return rules_with_cached_data(builtin_rules_dir())


def rules_with_cached_data(folder: Path) -> tuple[Rule, ...]:
    """The rules of a folder (made lazily, as the built-in ones). The files' loaded YAML is kept
    in the user's cache folder, keyed by the files' paths, sizes and modification times: reading
    60 rule files through a YAML parser costs about 0.1 s, loading that data marshalled 1 ms."""
    files = sorted(folder.glob("*.yaml"))
    stamp = hashlib.blake2b(
        f"{_RULE_DATA_FORMAT} {sys.version_info[:2]}\n".encode(), digest_size=16
    )
    for file in files:
        info = file.stat()
        stamp.update(f"{file}\0{info.st_size}\0{info.st_mtime_ns}\n".encode())
    data = marshalled(
        f"rules-{stamp.hexdigest()}.marshal", lambda: [read_rule_data(f) for f in files]
    )
    return tuple(
        _by_code(rule_from_data(f, d, lazy=True) for f, d in zip(files, data, strict=True))
    )

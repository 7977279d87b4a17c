"""Configuration files: finding them, reading them strictly, and resolving the Config for each file.

Settings live in ``[tool.mdclean]`` of a ``pyproject.toml`` or at the top level of a
``.mdclean.toml`` (which wins when a folder has both). For each file, the closest
configuration walking up from its folder applies, whole (as in ruff: no merging
of nested files). Globs are gitignore-style patterns relative to the folder of
the configuration file. Every mistake is one line naming the file and the key.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import cache, cached_property
from pathlib import Path
from typing import Any

import pathspec

from .config import Config
from .errors import ConfigError, MdcleanError
from .filterlists import FilterListError, read_list
from .gitignore import GitIgnores, last_verdict, posix_relative


def _toml() -> Any:
    """The TOML reader, imported when a configuration file is read (a run with none never needs it)."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]
    return tomllib


DOT_CONFIG = ".mdclean.toml"
PYPROJECT = "pyproject.toml"
DEFAULT_EXCLUDE = (".*/", "node_modules/", "__pycache__/")
"""Hidden folders and tool folders; ``exclude`` replaces these, ``extend-exclude`` adds to them."""


# The readers of ``KEYS``: each gives a TOML value as the settings hold it, or None when it is not
# one. ``mdclean.schema`` makes the JSON schema from them, so they are public.


def read_codes(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(v.strip().upper() for v in value)
    return None


def read_strings(value: Any) -> tuple[str, ...] | None:
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    return None


def read_boolean(value: Any) -> bool | None:
    return value if isinstance(value, bool) else None


def read_positive_int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value > 0 else None


def read_per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...] | None:
    if not isinstance(value, dict):
        return None
    pairs = []
    for glob, codes in value.items():
        checked = read_codes(codes)
        if checked is None:
            return None
        pairs.append((glob, checked))
    return tuple(pairs)


# key -> (reader returning None for a wrong type, what is expected)
KEYS: Mapping[str, tuple[Callable[[Any], Any], str]] = {
    "select": (read_codes, 'a list of rule codes or prefixes, like ["AD", "BP001"]'),
    "ignore": (read_codes, "a list of rule codes or prefixes"),
    "extend-select": (read_codes, "a list of rule codes or prefixes"),
    "per-file-ignores": (
        read_per_file_ignores,
        'a table of glob = [rule codes], like {"docs/*.md" = ["AD001"]}',
    ),
    "exclude": (read_strings, "a list of glob patterns"),
    "extend-exclude": (read_strings, "a list of glob patterns"),
    "unsafe-fixes": (read_boolean, "true or false"),
    "respect-gitignore": (read_boolean, "true or false"),
    "rule-packs": (
        read_strings,
        "a list of rule files or folders, relative to the configuration file",
    ),
    "required-keys": (read_strings, "a list of front matter keys"),
    "date-keys": (read_strings, "a list of front matter keys"),
    "filter-lists": (
        read_strings,
        "a list of Adblock Plus filter list files, relative to the configuration file",
    ),
    "builtin-filter-lists": (read_boolean, "true or false"),
    "site-roots": (read_strings, "a list of folder globs, one site per matching folder"),
    "template-min-files": (read_positive_int, "a number of files (1 or more)"),
    "template-keep": (read_strings, "a list of block texts or their beginnings"),
}


@dataclass(frozen=True)
class Settings:
    """One configuration file's settings, checked; ``root`` anchors its globs and paths."""

    root: Path
    source: str
    """The file they came from, or a description ("defaults"), for messages."""
    values: Mapping[str, Any] = dataclasses.field(default_factory=dict, hash=False, compare=False)

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    @property
    def respect_gitignore(self) -> bool:
        return bool(self.get("respect-gitignore", True))

    @cached_property
    def exclude(self) -> pathspec.PathSpec[Any]:
        return glob_spec(
            tuple(self.get("exclude", DEFAULT_EXCLUDE)) + tuple(self.get("extend-exclude", ()))
        )

    @cached_property
    def per_file_ignores(self) -> tuple[tuple[pathspec.PathSpec[Any], tuple[str, ...]], ...]:
        return tuple(
            (glob_spec((glob,)), codes) for glob, codes in self.get("per-file-ignores", ())
        )

    def relative(self, absolute: str, *, is_dir: bool = False) -> str:
        """An absolute path as the globs see it: relative to ``root``, ``/``-separated, ``/`` after a folder."""
        relative = posix_relative(absolute, str(self.root))
        return relative + "/" if is_dir else relative


@cache
def glob_spec(patterns: tuple[str, ...]) -> pathspec.PathSpec[Any]:
    """Gitignore-style globs, compiled once per run and process (a pure function of them)."""
    return pathspec.GitIgnoreSpec.from_lines(patterns)


def read_settings(path: Path, *, trusted: bool = False) -> Settings | None:
    """The settings in a configuration file; None for a pyproject.toml without ``[tool.mdclean]``.

    ``trusted``: the user named the file (``--config``), so its paths may lead anywhere; a file
    found in the tree may come with a repository nobody reviewed, so its paths must stay inside it.
    """
    table = _settings_table(path)
    if table is None:
        return None
    data, where = table
    values = {key: _read_value(key, raw, where) for key, raw in data.items()}
    settings = Settings(Path(os.path.abspath(path.parent)), where, values)
    _check_globs(settings)
    if not trusted:
        for key in PATH_KEYS:
            for value in values.get(key, ()):
                path_inside_repository(settings.root, value, f"{where}: {key}")
    _validate(settings)
    return settings


def _settings_table(path: Path) -> tuple[dict[str, Any], str] | None:
    """The raw settings a configuration file holds and how messages name where they are."""
    tomllib = _toml()
    try:
        data: dict[str, Any] = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise ConfigError(f"{path}: cannot read configuration: {error.strerror or error}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    if path.name != PYPROJECT:
        return data, str(path)
    table = data.get("tool", {}).get("mdclean")
    if table is None:
        return None
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: tool.mdclean: expected a table of settings")
    return table, f"{path} [tool.mdclean]"


def _read_value(key: str, raw: Any, where: str) -> Any:
    """One setting as its reader in ``KEYS`` takes it; a ``ConfigError`` when it is not one."""
    if key not in KEYS:
        raise ConfigError(f"{where}: {key}: unknown key (expected one of: {', '.join(KEYS)})")
    reader, expected = KEYS[key]
    value = reader(raw)
    if value is None:
        raise ConfigError(f"{where}: {key}: expected {expected}, got {_describe(raw)}")
    _refuse_control_characters(raw, f"{where}: {key}")
    return value


PATH_KEYS = ("rule-packs", "filter-lists")
"""Keys whose values are paths to files mdclean reads: they must stay inside the repository."""


def repository_root(folder: Path) -> Path:
    """The git work tree holding ``folder`` (its top), or ``folder`` itself outside one."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return folder


def path_inside_repository(root: Path, value: str, where: str) -> Path:
    """``value`` resolved against ``root`` (a configuration file's folder), refused unless it stays
    inside the repository holding it: no absolute path, no ``..`` or symlink leading out of it.

    A configuration file that comes with a repository (a clone, a pull request) must not make
    mdclean read files elsewhere on the machine; paths the user passes on the command line,
    or in a file named with ``--config``, are not checked.
    """
    if os.path.isabs(value):
        raise ConfigError(
            f"{where}: {value!r}: must be a path relative to the configuration file's folder "
            "(an absolute path is only taken from a file passed with --config)"
        )
    top = os.path.realpath(repository_root(root))
    resolved = os.path.realpath(os.path.join(root, value))
    if os.path.commonpath([top, resolved]) != top:
        raise ConfigError(
            f"{where}: {value!r}: leads outside the repository ({top}); a configuration "
            "file found in the tree may only name files inside it (pass --config to allow it)"
        )
    return root / value


def _refuse_control_characters(value: Any, where: str) -> None:
    """A NUL or another control character in a value is a mistake (or an attack), never a name."""
    if isinstance(value, str):
        bad = next((c for c in value if _is_control(c)), None)
        if bad is not None:
            raise ConfigError(f"{where}: {value!r}: holds the control character {bad!r}")
    for key, item in _members(value):
        if isinstance(key, str):
            _refuse_control_characters(key, where)
        _refuse_control_characters(item, where)


def _is_control(char: str) -> bool:
    return (ord(char) < 0x20 and char != "\t") or char == "\x7f"


def _members(value: Any) -> Iterable[tuple[Any, Any]]:
    """A table's keys and values, an array's indexes and items; nothing for a plain value."""
    if isinstance(value, dict):
        return value.items()
    if isinstance(value, list):
        return enumerate(value)
    return ()


def _check_globs(settings: Settings) -> None:
    """Every glob compiles, and none has a ``[`` left open (git would match nothing with it, silently)."""
    globs = (
        [("exclude", g) for g in settings.get("exclude", ())]
        + [("extend-exclude", g) for g in settings.get("extend-exclude", ())]
        + [("per-file-ignores", g) for g, _ in settings.get("per-file-ignores", ())]
    )
    for key, glob in globs:
        problem = _glob_problem(glob)
        if problem is None:
            try:
                glob_spec((glob,))
            except Exception as error:  # noqa: BLE001 - pathspec's own complaint, whatever its class
                problem = str(error)
        if problem is not None:
            raise ConfigError(f"{settings.source}: {key}: {glob!r}: not a valid glob: {problem}")


def _glob_problem(glob: str) -> str | None:
    escaped = False
    opened = -1
    for index, char in enumerate(glob):
        if escaped:
            escaped = False
        elif char == "\\":
            escaped = True
        elif char == "[" and opened < 0:
            opened = index
        elif (
            char == "]"
            and opened >= 0
            and index > opened + 1 + (glob[opened + 1 : opened + 2] in "!^")
        ):
            opened = -1
    if opened >= 0:
        return f"the [ at position {opened + 1} is never closed (write \\[ for a bracket)"
    return None


def _describe(value: Any) -> str:
    names = {
        str: "a string",
        bool: "a boolean",
        int: "a number",
        float: "a number",
        list: "a list",
        dict: "a table",
    }
    if isinstance(value, list):
        odd = next((v for v in value if not isinstance(v, str)), None)
        if odd is not None:
            return f"a list holding {names.get(type(odd), type(odd).__name__)}"
    return names.get(type(value), type(value).__name__)


def _validate(settings: Settings) -> None:
    """Resolve the rules once, so that a bad code or rule pack fails before any file is read."""
    config = _base_config(settings, origin=settings.source)
    try:
        catalogue = config.catalogue
    except MdcleanError as error:
        raise ConfigError(f"{settings.source}: rule-packs: {error}") from None
    config.validate()  # a ConfigError naming the key of an unknown code
    for path in config.filter_lists:  # a list that cannot be read fails before any file is read
        try:
            read_list(path)
        except FilterListError as error:
            raise ConfigError(f"{settings.source}: filter-lists: {error}") from None
    for glob, codes in settings.get("per-file-ignores", ()):
        for code in codes:
            if not any(rule.code.startswith(code) for rule in catalogue):
                raise ConfigError(
                    f"{settings.source}: per-file-ignores: {glob!r}: unknown rule code "
                    f"or prefix {code!r} (run `mdclean --list-rules` to see the codes)"
                )


def _base_config(settings: Settings, *, origin: str) -> Config:
    values = settings.values
    fields = {
        "select": values.get("select"),
        "ignore": values.get("ignore", ()),
        "extend_select": values.get("extend-select", ()),
        "unsafe_fixes": values.get("unsafe-fixes", False),
        "rule_packs": tuple(settings.root / p for p in values.get("rule-packs", ())),
        "filter_lists": tuple(settings.root / p for p in values.get("filter-lists", ())),
        "builtin_filter_lists": values.get("builtin-filter-lists", True),
        "origin": origin,
    }
    for key in ("required-keys", "date-keys"):  # absent: the front matter rules' own defaults
        if key in values:
            fields[key.replace("-", "_")] = values[key]
    return Config(**fields)


def find_settings_file(folder: Path, cache: dict[Path, Path | None] | None = None) -> Path | None:
    """The closest ``.mdclean.toml`` or ``pyproject.toml`` with ``[tool.mdclean]``, walking up.

    ``cache`` remembers the answer for every folder passed on the way (one per run:
    files change between runs).
    """
    cache = {} if cache is None else cache
    folder = Path(os.path.abspath(folder))
    passed: list[Path] = []
    found: Path | None = None
    while True:
        if folder in cache:
            found = cache[folder]
            break
        passed.append(folder)
        found = _settings_file_in(folder)
        if found is not None or folder.parent == folder:
            break
        folder = folder.parent
    for item in passed:
        cache[item] = found
    return found


def _settings_file_in(folder: Path) -> Path | None:
    """The folder's ``.mdclean.toml``, or else its ``pyproject.toml`` if that has ``[tool.mdclean]``."""
    return next(
        (
            c
            for c in (folder / DOT_CONFIG, folder / PYPROJECT)
            if c.is_file() and (c.name == DOT_CONFIG or _has_mdclean_table(c))
        ),
        None,
    )


def holds_own_settings(folder: str) -> bool:
    """Whether a folder has a configuration file of its own, or a git work tree of its own: its
    files' settings, and their site, start there (a broken file counts: it is read when its
    own files are checked, not when a folder above is walked)."""
    if os.path.exists(os.path.join(folder, ".git")):
        return True
    try:
        return _settings_file_in(Path(folder)) is not None
    except ConfigError:
        return True


def _has_mdclean_table(path: Path) -> bool:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "mdclean" not in text:
        return False  # the common case: no need to parse someone else's pyproject
    tomllib = _toml()
    try:
        return "mdclean" in tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None


@dataclass(frozen=True)
class Overrides:
    """What the command line says, applied on top of whichever configuration a file gets."""

    select: tuple[str, ...] | None = None
    """Replaces the configuration's select, extend-select and ignore (ruff's layering)."""
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    unsafe_fixes: bool = False


class Resolver:
    """``config_for(path)`` and ``skip(path)`` for one run: discovery, caching and overrides."""

    def __init__(
        self,
        overrides: Overrides = Overrides(),
        *,
        config_file: Path | None = None,
        isolated: bool = False,
        cwd: Path | None = None,
    ) -> None:
        self.overrides = overrides
        self.cwd = Path(os.path.abspath(cwd or Path.cwd()))
        self.fixed: Settings | None = None
        """Settings for every file (``--config`` or ``--isolated``); None: discover per folder."""
        if isolated:
            self.fixed = Settings(self.cwd, "defaults")
        elif config_file is not None:
            if not config_file.is_file():
                raise ConfigError(f"{config_file}: --config: no such configuration file")
            self.fixed = read_settings(config_file, trusted=True) or Settings(
                Path(os.path.abspath(config_file.parent)), str(config_file)
            )
        self._settings: dict[Path, Settings] = {}
        self._configs: dict[tuple[str, tuple[str, ...]], Config] = {}
        self._found: dict[Path, Path | None] = {}
        self._by_folder: dict[str, Settings] = {}
        self._folders: dict[str, _Folder] = {}
        self._gitignores = GitIgnores()

    def settings_for(self, folder: str | Path) -> Settings:
        """The settings for files in a folder (cached by the folder's name: called for every file)."""
        if self.fixed is not None:
            return self.fixed
        key = os.fspath(folder)
        if key not in self._by_folder:
            self._by_folder[key] = self._discover(Path(os.path.abspath(key)))
        return self._by_folder[key]

    def _discover(self, folder: Path) -> Settings:
        source = find_settings_file(folder, self._found)
        if source is None:
            return self._cached(self.cwd, lambda: Settings(self.cwd, "defaults"))
        return self._cached(
            source, lambda: read_settings(source) or Settings(source.parent, str(source))
        )

    def _cached(self, key: Path, make: Callable[[], Settings]) -> Settings:
        if key not in self._settings:
            self._settings[key] = make()
        return self._settings[key]

    def config_for(self, path: str | Path) -> Config:
        """The effective Config of one file: its configuration, per-file ignores, then the command line."""
        folder = self._folder(os.path.dirname(path))
        settings = folder.settings
        if not settings.per_file_ignores:  # one Config for the whole folder
            if folder.config is None:
                folder.config = self._config_of(settings, ())
            return folder.config
        absolute = os.path.abspath(path)
        relative = settings.relative(absolute)
        extra_ignores = tuple(
            code
            for spec, codes in settings.per_file_ignores
            if spec.match_file(relative)
            for code in codes
        )
        return self._config_of(settings, extra_ignores)

    def _config_of(self, settings: Settings, extra_ignores: tuple[str, ...]) -> Config:
        key = (settings.source, extra_ignores)
        if key not in self._configs:
            self._configs[key] = self._config(settings, extra_ignores)
        return self._configs[key]

    def _folder(self, folder: str | Path) -> _Folder:
        """What every file of a folder shares (cached by the folder's name as given: asked for every file)."""
        key = os.fspath(folder)
        found = self._folders.get(key)
        if found is None:
            found = self._folders[key] = _Folder(os.path.abspath(key), self.settings_for(key))
        return found

    def _config(self, settings: Settings, extra_ignores: tuple[str, ...]) -> Config:
        base = _base_config(settings, origin=settings.source)
        overrides = self.overrides
        if overrides.select is not None:
            base = dataclasses.replace(base, select=overrides.select, ignore=(), extend_select=())
        config = dataclasses.replace(
            base,
            ignore=base.ignore + extra_ignores + overrides.ignore,
            extend_select=base.extend_select + overrides.extend_select,
            unsafe_fixes=base.unsafe_fixes or overrides.unsafe_fixes,
            origin="command line",
        )
        config.validate()  # a bad command-line code is one clear error, before any file is read
        return config

    def work_tree(self, folder: str) -> str | None:
        """The root of the git work tree an absolute folder is in, if any (remembered for the run)."""
        return self._gitignores.top(folder)

    def skip(self, path: str, *, is_dir: bool, named: bool) -> bool:
        """Whether discovery leaves a path out: ``exclude`` always, ``.gitignore`` when walking."""
        parent, name = os.path.split(path)
        if name in ("", ".", ".."):  # not a plain name in a folder: no shortcut
            return self._skip_unnamed(path, is_dir=is_dir, named=named)
        # Everything but the name is worked out once per folder: this runs for every file met.
        folder = self._folder(parent)
        settings = folder.settings
        slash = "/" if is_dir else ""
        if settings.exclude.match_file(folder.relative + name + slash):
            return True
        if named or not settings.respect_gitignore:
            return False
        return last_verdict(
            spec.check_file(prefix + name + slash).include
            for prefix, spec in self._folder_gitignores(folder)
        )

    def _skip_unnamed(self, path: str, *, is_dir: bool, named: bool) -> bool:
        """``skip`` for a path that ends in ``.``, ``..`` or a separator."""
        absolute = os.path.abspath(path)
        settings = self.settings_for(os.path.dirname(absolute))
        if settings.exclude.match_file(settings.relative(absolute, is_dir=is_dir)):
            return True
        return (
            not named
            and settings.respect_gitignore
            and self._gitignores.ignores(absolute, is_dir=is_dir)
        )

    def _folder_gitignores(self, folder: _Folder) -> tuple[tuple[str, pathspec.GitIgnoreSpec], ...]:
        if folder.gitignores is None:
            folder.gitignores = tuple(
                (_relative_prefix(folder.absolute, base), spec)
                for base, spec in self._gitignores.chain(folder.absolute)
            )
        return folder.gitignores


@dataclass
class _Folder:
    absolute: str
    settings: Settings
    config: Config | None = None
    """The Config of every file in the folder, once asked for (when no per-file ignores apply)."""
    gitignores: tuple[tuple[str, pathspec.GitIgnoreSpec], ...] | None = None
    """The ``.gitignore`` files that apply, each with what goes before a name to match it; once asked for."""

    @cached_property
    def relative(self) -> str:
        """What goes before a name in this folder to make the path the exclude globs see."""
        return _relative_prefix(self.absolute, str(self.settings.root))


def _relative_prefix(folder: str, base: str) -> str:
    """``posix_relative(folder/NAME, base)`` without the NAME: the same for every plain name."""
    return posix_relative(os.path.join(folder, "x"), base)[:-1]

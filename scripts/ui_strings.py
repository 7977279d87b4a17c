"""Read the UI strings of the software that makes web pages from its own translation files,
and write them into mdclean's phrase families.

Most chrome text on a page is not written by the site: it is a template string of the software
that made the page (a Hugo theme's footer credit, its post meta counts, a consent manager's
dialog), translated by that software's translators. Their i18n files give the exact strings in
every language, so this reads them instead of the pages we happen to have seen.

Each source is a repository the `fetch` tool brings to ``/work/.mirror/OWNER+NAME/repo``, read at
the commit named below (``git show COMMIT:PATH``); ``SOURCES.md`` next to this script's data
records them with their licences. A placeholder becomes the slot the phrase lists already use: a
count (``{{ .Count }}``) a number, a name (``{{ .Hugo }}``, ``{{ .Theme }}``) a short run of
characters. Only the keys named in ``PICKS`` are taken, each into the family whose rules read
that kind of chrome (see ``rules/phrases/README.md``).

(Python 3.11+: tomllib.)

usage: ui_strings.py [--mirror DIR] [--check | --write]
    (no flag: print the phrases per family and language)
    --check  exit 1 when a phrase is missing from its family file
    --write  append the missing phrases to their families (at the end of the language's list)
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import tomllib

ROOT = Path(__file__).resolve().parent.parent
PHRASES = ROOT / "rules" / "phrases"
# The order of the languages in a family file.
LANGUAGES = "en zh es ja de fr pt ru ko it id tr pl nl vi"

# Slots: what a placeholder stands for on the page.
NUMBER = r"[\d.,]+"
NAME = r".{1,30}"
SLOTS = {
    "count": NUMBER,
    "d": NUMBER,
    "s": NAME,
    "hugo": NAME,
    "generator": NAME,
    "theme": NAME,
    "designedby": NAME,
    "purposes": r".{1,120}",
    "quantity": NUMBER,
    "plus": r"\+?",
}
# Hugo's ``{{ .Count }}``, printf's ``%s``/``%d``/``%1$s`` (Hexo, WordPress), Klaro's ``{title}``.
_PLACEHOLDER = re.compile(r"\{\{-?\s*\.?(\w*)\s*-?\}\}|%(?:\d\$)?([sd])|\{(\w+)\}")
# Full-width punctuation is read as its ASCII twin wherever a label is matched (README).
_FULL_WIDTH = str.maketrans("：！？（）｜", ":!?()|")
# A sample for each slot: a template already read by its family with these filled in is left out.
SAMPLES = {NUMBER: "7", NAME: "Hugo"}


@dataclass(frozen=True)
class Source:
    name: str
    repo: str
    commit: str
    files: dict[str, str]  # our language -> path in the repository
    reader: Callable[[str], dict[str, str]]  # file text -> flat key -> string


@dataclass(frozen=True)
class Pick:
    source: str
    key: str
    family: str
    shape: str = "{}"  # the whole line the string makes on a page; {} is the string
    # What the software itself puts in a slot ("Powered by %s": Hexo and NexT's own names),
    # where the family wants the filled template, not any name.
    fills: tuple[tuple[str, str], ...] = ()
    # The fewest words a caption of a ``ui-`` family holds (a one-word caption is prose; a
    # family whose rule asks for two strings in one block may take it).
    words: int = 2
    # Whether the space before a filled slot may go with it (a converter drops the "*" a
    # comment form's "Required fields are marked *" ends with, and the space with it).
    bare_slot: bool = False
    # Whether "already read" is asked of the whole shape, not the string alone (a category's
    # title and description, whose description alone the family reads already).
    whole_shape: bool = False


def _flatten(data: object, prefix: str = "") -> Iterator[tuple[str, str]]:
    """Dotted keys and string values of nested tables (Hugo's ``other`` goes away)."""
    if isinstance(data, str):
        yield prefix.removesuffix(".other"), data
    elif isinstance(data, dict):
        for key, value in data.items():
            yield from _flatten(value, f"{prefix}.{key}" if prefix else str(key))


def read_toml(text: str) -> dict[str, str]:
    return dict(_flatten(tomllib.loads(text)))


_JS_OPEN = re.compile(r'^\s*"(\w+)"\s*:\s*\{')
_JS_CLOSE = re.compile(r"^\s*\}")
_JS_STRING = re.compile(r'^\s*"(\w+)"\s*:\s*"((?:[^"\\]|\\.)*)"')


def read_tarteaucitron(text: str) -> dict[str, str]:
    """``tarteaucitron.lang = {...};``: a JavaScript object of double-quoted keys and strings,
    one a line, nested one or two levels (read line by line: its files are not all JSON)."""
    strings: dict[str, str] = {}
    path: list[str] = []
    for line in text.splitlines():
        if opened := _JS_OPEN.match(line):
            path.append(opened.group(1))
        elif value := _JS_STRING.match(line):
            strings[".".join([*path, value.group(1)])] = json.loads(f'"{value.group(2)}"')
        elif _JS_CLOSE.match(line) and path:
            path.pop()
    return strings


_TAG = re.compile(r"<[^>]+>")


def read_json(text: str) -> dict[str, str]:
    """A JSON i18n file (Shopify's, giscus's, remark42's, cookieconsent's): nested or flat
    keys; HTML tags in a string dropped (a page shows the link's text, not the tag)."""
    return {key: _TAG.sub("", value) for key, value in _flatten(json.loads(text))}


def read_ghost_locale(text: str) -> dict[str, str]:
    """A Ghost theme's ``locales/*.json``: the English string is the key, its translation the
    value; the English file's values are all empty (its keys are its strings), and an empty
    value elsewhere is a string not yet translated."""
    data = json.loads(text)
    if not any(data.values()):
        return {key: key for key in data}
    return {key: value for key, value in data.items() if value}


# The order of Waline's strings in each of its locale files (its ``i18n/generate.ts``).
_WALINE_KEYS = [
    "nick",
    "nickError",
    "mail",
    "mailError",
    "link",
    "optional",
    "placeholder",
    "sofa",
    "submit",
    "like",
    "cancelLike",
    "reply",
    "cancelReply",
    "comment",
    "refresh",
    "more",
    "preview",
    "emoji",
    "uploadImage",
    "seconds",
    "minutes",
    "hours",
    "days",
    "now",
    "uploading",
    "login",
    "logout",
    "admin",
    "sticky",
    "word",
    "wordHint",
    "anonymous",
    "level0",
    "level1",
    "level2",
    "level3",
    "level4",
    "level5",
    "gif",
    "gifSearchPlaceholder",
    "profile",
    "approved",
    "waiting",
    "spam",
    "unsticky",
    "oldest",
    "latest",
    "hottest",
    "reactionTitle",
    "commentUnderReview",
    "subPostComment",
    "subSiteComment",
    "subscribeToReplies",
]
_TS_STRING = re.compile(r"^\s*'((?:[^'\\]|\\.)*)',?\s*$", re.MULTILINE)


def read_waline(text: str) -> dict[str, str]:
    """Waline's ``generateLocale([...])``: its strings one a line, single-quoted, in the order
    of ``_WALINE_KEYS``."""
    found = [value.replace("\\'", "'") for value in _TS_STRING.findall(text)]
    return dict(zip(_WALINE_KEYS, found, strict=False))


_PLURAL = re.compile(r"\{\{PLURAL:\$\d+\|([^{}]*)\}\}")


def read_mediawiki(text: str) -> dict[str, str]:
    """A MediaWiki i18n file: ``key#N`` for each form of a ``{{PLURAL:$1|…|…}}`` (``$1
    language``, ``$1 languages``), ``$1`` a count's slot; ``@metadata`` aside."""
    out: dict[str, str] = {}
    for key, value in json.loads(text).items():
        if key.startswith("@") or not isinstance(value, str):
            continue
        for name, string in _plural_forms(key, value):
            out[name] = string.replace("$1", "{count}")
    return out


def _plural_forms(key: str, value: str) -> Iterator[tuple[str, str]]:
    plural = _PLURAL.search(value)
    if plural is None:
        yield key, value
        return
    head, tail = value[: plural.start()], value[plural.end() :]
    for n, form in enumerate(plural.group(1).split("|")):
        yield f"{key}#{n}", head + form + tail


def read_yaml(text: str) -> dict[str, str]:
    import yaml  # (a dependency of mdclean)

    return dict(_flatten(yaml.safe_load(text)))


_PO_LINE = re.compile(r'^(msgctxt|msgid|msgid_plural|msgstr(?:\[\d+\])?)\s+"(.*)"\s*$')
_PO_MORE = re.compile(r'^"(.*)"\s*$')


def _po_entries(text: str) -> Iterator[dict[str, str]]:
    """A gettext ``.po`` file's entries, each field (``msgctxt``, ``msgid``, ``msgstr``,
    ``msgstr[0]``...) with its continuation lines joined and its escapes read."""
    entry: dict[str, str] = {}
    field = ""
    for line in text.splitlines():
        if started := _PO_LINE.match(line):
            field = started.group(1)
            if field in ("msgctxt", "msgid") and any(k.startswith("msgstr") for k in entry):
                yield entry
                entry = {}
            entry[field] = started.group(2)
        elif (more := _PO_MORE.match(line)) and field:
            entry[field] += more.group(1)
        elif not line.strip():
            field = ""
    if entry:
        yield entry


def _po_string(raw: str) -> str:
    """A .po string as a page shows it: escapes read, tags dropped, entities as characters."""
    import html

    return html.unescape(_TAG.sub("", json.loads(f'"{raw}"')))


def _po_key(entry: dict[str, str]) -> str:
    """An entry's key: its msgid, after its context when it has one (``CTX\x04msgid``, as
    gettext keys them)."""
    msgid = _po_string(entry.get("msgid", ""))
    return f"{entry['msgctxt']}\x04{msgid}" if "msgctxt" in entry else msgid


def read_po(text: str) -> dict[str, str]:
    """A WordPress language pack (``LOCALE.po``, ``plugins/NAME-LOCALE.po``): each English
    msgid its translation (a plural's first form); an untranslated entry is left out (the
    English file has it). The first entry of a key wins."""
    strings: dict[str, str] = {}
    for entry in _po_entries(text):
        value = entry.get("msgstr", entry.get("msgstr[0]", ""))
        if value and entry.get("msgid"):
            strings.setdefault(_po_key(entry), _po_string(value))
        # (a plural's second form under its English plural: "Join %s other subscribers")
        if entry.get("msgid_plural") and entry.get("msgstr[1]"):
            strings.setdefault(_po_plural_key(entry), _po_string(entry["msgstr[1]"]))
    return strings


def _po_plural_key(entry: dict[str, str]) -> str:
    plural = _po_string(entry["msgid_plural"])
    return f"{entry['msgctxt']}\x04{plural}" if "msgctxt" in entry else plural


def read_po_english(text: str) -> dict[str, str]:
    """The English strings of a WordPress language pack: its msgids (each its own key)."""
    strings = {
        _po_key(entry): _po_string(entry["msgid"])
        for entry in _po_entries(text)
        if entry.get("msgid")
    }
    for entry in _po_entries(text):
        if entry.get("msgid_plural"):
            strings.setdefault(_po_plural_key(entry), _po_string(entry["msgid_plural"]))
    return strings


def _files(pattern: str, languages: str, names: dict[str, str] | None = None) -> dict[str, str]:
    """Our language -> the path of its file: ``pattern`` with the file's own name for the
    language (``names``, else the language's code)."""
    renamed = names or {}
    return {lang: pattern.format(renamed.get(lang, lang)) for lang in languages.split()}


_TW = {"zh": "zh-CN", "zh-tw": "zh-TW"}  # (Simplified Chinese is ours; Traditional goes under zh)

SOURCES = (
    Source(
        "fixit",
        "hugo-fixit/FixIt",
        "8b6806bbf36b309d9829324a98710f5271f4c609",
        _files("i18n/{}.toml", "en zh zh-tw es ja de fr pt ru ko it pl vi", {**_TW, "pt": "pt-BR"}),
        read_toml,
    ),
    Source(
        "stack",
        "CaiJimmy/hugo-theme-stack",
        "3e123a30b79b5d52a3a8e88a9dd678fcfd28e418",
        _files(
            "i18n/{}.toml",
            "en zh zh-tw es ja de fr pt ru ko it id tr pl nl vi",
            {"zh": "zh", "zh-tw": "zh-hant-tw", "pt": "pt-br"},
        ),
        read_toml,
    ),
    Source(
        "next",
        "next-theme/hexo-theme-next",
        "4b249983ed5afaf24f1461971201ae3498e28993",
        _files(
            "languages/{}.yml",
            "en en-default zh zh-tw es ja de fr pt ru ko it id tr nl vi",
            {**_TW, "en-default": "default"},
        ),
        read_yaml,
    ),
    Source(
        "even",
        "olOwOlo/hugo-theme-even",
        "e03080913d6148d055471f76027a33f28234cb32",
        _files("i18n/{}.yaml", "en zh zh-tw es ja de fr ru tr", _TW),
        read_yaml,
    ),
    Source(
        "butterfly",
        "jerryc127/hexo-theme-butterfly",
        "c596b5060dfe570d56f4d4baf0825d1a746af3aa",
        _files("languages/{}.yml", "en zh zh-tw ja ko", _TW),
        read_yaml,
    ),
    Source(
        "klaro",
        "kiprotect/klaro",
        "db9f1aca906a392990c58c58475366a091012ea7",
        _files("src/translations/{}.yml", "en zh es de fr pt ru it tr pl nl"),
        read_yaml,
    ),
    Source(
        "tarteaucitron",
        "AmauriC/tarteaucitron.js",
        "76151fac7495c7e3355aab7dcca41c38af558665",
        _files("lang/tarteaucitron.{}.js", "en zh es ja de fr pt ru ko it tr pl nl vi"),
        read_tarteaucitron,
    ),
    Source(
        "dawn",
        "Shopify/dawn",
        "9ccdacf81f175c7caeebc28348e50bcb02ef8fc7",
        _files(
            "locales/{}.json",
            "en zh zh-tw es ja de fr pt pt-pt ru ko it id tr pl nl vi",
            {**_TW, "en": "en.default", "pt": "pt-BR", "pt-pt": "pt-PT"},
        ),
        read_json,
    ),
    Source(
        "giscus",
        "giscus/giscus",
        "d90866dfb460308e7ed745b3b040657622845f82",
        _files(
            "locales/{}/common.json",
            "en zh zh-tw es ja de fr pt ru ko it id tr pl nl vi",
            _TW,
        ),
        read_json,
    ),
    Source(
        "remark42",
        "umputun/remark42",
        "4793c1cd2c41f3b3c4fcc9a1bb610752eddf9410",
        _files(
            "frontend/apps/remark42/app/locales/{}.json",
            "en zh zh-tw es ja de fr pt ru ko it tr pl vi",
            {"zh-tw": "zh-tw", "pt": "bp"},
        ),
        read_json,
    ),
    Source(
        "waline",
        "walinejs/waline",
        "70d6cea1c073884ff8bdd74c3ce38c19da95bddd",
        _files(
            "packages/client/src/config/i18n/{}.ts",
            "en zh zh-tw es ja de fr pt ru ko it id vi",
            {**_TW, "ja": "jp", "ko": "ko-KR", "pt": "pt-BR", "vi": "vi-VN"},
        ),
        read_waline,
    ),
    Source(
        "cookieconsent",
        "orestbida/cookieconsent",
        "8596c7990200920cbc9cdc7b64c3caebe570b650",
        _files("playground/src/translations/{}.json", "en de es fr it"),
        read_json,
    ),
    Source(
        "ghost-source",
        "TryGhost/Source",
        "a8967d2e095e2458da14d24212e0cbe8c1710897",
        _files(
            "locales/{}.json",
            "en zh zh-tw de fr it nl pt tr vi",
            {"zh-tw": "zh-Hant", "pt": "pt-BR"},
        ),
        read_ghost_locale,
    ),
    Source(
        "klaro-buttons",
        "kiprotect/klaro",
        "db9f1aca906a392990c58c58475366a091012ea7",
        _files("src/translations/{}.yml", "en zh es de fr pt ru it tr pl nl"),
        read_yaml,
    ),
    Source(
        "vector",
        "wikimedia/mediawiki-skins-Vector",
        "56ff3aff0021d1b96263b6417e46f289c7b066e5",
        _files(
            "i18n/{}.json",
            "en zh zh-tw es ja de fr pt pt-br ru ko it id tr pl nl vi",
            {"zh": "zh-hans", "zh-tw": "zh-hant"},
        ),
        read_mediawiki,
    ),
)

# WordPress core's and Jetpack's language packs as a site repository commits them
# (``wp-content/languages/``): the translations of translate.wordpress.org; the English
# strings are the msgids of one of them.
_WP_LOCALES = {
    "zh": "zh_CN", "zh-tw": "zh_TW", "es": "es_ES", "ja": "ja", "de": "de_DE", "fr": "fr_FR",
    "pt": "pt_BR", "pt-pt": "pt_PT", "ru": "ru_RU", "ko": "ko_KR", "it": "it_IT", "id": "id_ID",
    "tr": "tr_TR", "pl": "pl_PL", "nl": "nl_NL", "vi": "vi",
}  # fmt: skip
_WP_CORE = ("static-web-archives/amf", "911ba9c6b52a9cdf58dc26a9640f827e6fa480c2")
_JETPACK = ("Dylan-olivro/moncms", "f08c5ae52ad6779ecd5bcdcf2fdc917571fefce6")
_JETPACK_LANGS = "zh zh-tw es ja de fr pt ru ko it id tr nl"

SOURCES = (
    *SOURCES,
    Source(
        "wp-core",
        *_WP_CORE,
        _files("wp-content/languages/{}.po", " ".join(_WP_LOCALES), _WP_LOCALES),
        read_po,
    ),
    Source("wp-core-en", *_WP_CORE, {"en": "wp-content/languages/de_DE.po"}, read_po_english),
    Source(
        "jetpack",
        *_JETPACK,
        _files("wp-content/languages/plugins/jetpack-{}.po", _JETPACK_LANGS, _WP_LOCALES),
        read_po,
    ),
    Source(
        "jetpack-en",
        *_JETPACK,
        {"en": "wp-content/languages/plugins/jetpack-de_DE.po"},
        read_po_english,
    ),
)

# A consent dialog's line for one service: "YouTube undefined - This service can install 4
# cookies. - View the official website" (its name, tarteaucitron's type, the count).
_SERVICE_LINE = r".{1,40} - {} \d+ cookies?\.?(?: -.{0,60})?"
_SERVICE_NONE = r"(?:.{1,40} - )?{}(?: -.{0,60})?"

# The names the themes' footers put in their slots (their layouts: FixIt's footer.html, Stack's
# footer/footer.html, NexT's _partials/footer.njk).
_FIXIT = (("Hugo", "hugo"), ("Theme", r"fixit(?: v?[\d.]+)?"))
_STACK = (("Generator", "hugo"), ("Theme", "stack"), ("DesignedBy", "jimmy"))
_NEXT = (("s", r"hexo\W{1,3}&\W{1,3}next(?:\.\w+)?"),)

_DAWN_SHOP = (
    "products.product.add_to_cart",
    "products.product.sold_out",
    "products.product.inventory_in_stock_show_count",
    "products.product.inventory_low_stock_show_count",
    "products.product.inventory_out_of_stock",
    "products.product.inventory_low_stock",
    "products.product.price.regular_price",
    "products.product.price.sale_price",
    "products.product.price.unit_price",
    "products.product.taxes_included",
    "products.product.duties_included",
    "products.product.duties_and_taxes_included",
    "products.product.shipping_policy_html",
    "products.product.view_full_details",
    "products.product.choose_options",
    "products.product.share",
    "products.product.pickup_availability.pick_up_available",
    "products.product.pickup_availability.check_other_stores",
    "products.product.pickup_availability.view_store_info",
    "products.product.quantity.note",
    "products.product.volume_pricing.note",
    "products.product.xr_button",
    "products.facets.filter_and_sort",
    "general.continue_shopping",
    "general.cart.view_empty_cart",
    "general.cart.view",
    "general.cart.item_added",
    "sections.cart.empty",
    "sections.cart.title",
    "sections.cart.estimated_total",
    "sections.cart.taxes_included_shipping_at_checkout_without_policy",
    "sections.cart.taxes_at_checkout_shipping_at_checkout_without_policy",
    "sections.cart.duties_and_taxes_included_shipping_at_checkout_without_policy",
    "sections.footer.payment",
)
_DAWN_COMMENTS = (
    "blogs.article.comments.one",
    "blogs.article.comments",
    "blogs.article.moderated",
    "blogs.article.comment_form_title",
    "blogs.article.post",
    "blogs.article.success",
)
_GISCUS = (
    "reactions.one",
    "reactions",
    "comments.one",
    "comments",
    "replies.one",
    "replies",
    "upvotes.one",
    "upvotes",
    "hiddenItems.one",
    "hiddenItems",
    "loadingComments",
    "poweredBy",
    "oldest",
    "newest",
    "showPreviousReplies.one",
    "showPreviousReplies",
    "seePreviousRepliesOnGitHub.one",
    "seePreviousRepliesOnGitHub",
    "thisCommentWasDeleted",
    "thisCommentWasMinimized",
    "thisCommentWasHidden",
    "writeAComment",
    "signInToComment",
    "stylingWithMarkdownIsSupported",
    "signInWithGitHub",
    "writeAReply",
    "signInToAddYourReaction",
    "youMustBeSignedInToAddReactions",
)
_REMARK42 = (
    "commentsSort.least-controversial",
    "commentsSort.least-recently-updated",
    "commentsSort.most-controversial",
    "commentsSort.recently-updated",
    "commentsSort.newest",
    "commentsSort.oldest",
    "commentForm.input-placeholder",
    "commentForm.notice-about-styling",
    "commentForm.new-comment",
    "subscribeByEmail.subscribe-by-email",
    "subscribeByEmail.subscribe-to-replies",
    "root.powered-by",
    "root.pinned-comments",
    "empty-state",
    "authPanel.enable-cookies",
    "authPanel.show-settings",
    "authPanel.hide-settings",
    "comment.deleted-comment",
)
_GHOST_MEMBERSHIP = (
    "Sign in",
    "Sign in.",
    "Subscribe",
    "Subscribe now",
    "Account",
    "Upgrade",
    "Upgrade now",
    "Upgrade your account",
    "Upgrade to a paid account to get full access.",
    "Already have an account?",
    "Members only",
    "Paid-members only",
    "This post is for paying subscribers only",
    "This post is for subscribers only",
    "This page is for paying subscribers only",
    "This page is for subscribers only",
    "Enter your email",
    "Your email address",
    "Thanks! Now check your email to confirm.",
    "Site owner login",
    "Powered by Ghost",
    "Member discussion:",
)
_WALINE = (
    "placeholder",
    "sofa",
    "cancelReply",
    "more",
    "uploadImage",
    "reactionTitle",
    "commentUnderReview",
    "subPostComment",
    "subSiteComment",
    "subscribeToReplies",
)
_KLARO_BUTTONS = (
    "acceptAll",
    "acceptSelected",
    "decline",
    "ok",
    "consentNotice.learnMore",
    "consentModal.title",
    "consentNotice.title",
    "service.disableAll.title",
    "service.required.title",
    "service.optOut.title",
)
_COOKIECONSENT = (
    "consentModal.acceptAllBtn",
    "consentModal.acceptNecessaryBtn",
    "consentModal.showPreferencesBtn",
    "preferencesModal.title",
    "preferencesModal.savePreferencesBtn",
)
_TARTEAUCITRON_BUTTONS = (
    "acceptAll",
    "allowAll",
    "denyAll",
    "alertSmall",
    "personalize",
)

_VECTOR = (
    # What a clip of a wiki page in MediaWiki's default skin keeps of its frame: the skip
    # links, the menus' and the contents box's toggles, the page tools (BP330). Its one-word
    # captions ("Read", "Edit", "Tools", "hide") are prose and stay out, and so do captions
    # an application's manual lists as its own ("Main menu", "Table of contents",
    # "Personal settings", "More options").
    "vector-jumptocontent",
    "vector-jumptonavigation",
    "vector-jumptosearch",
    "vector-toc-collapsible-button-label",
    "vector-pin-element-label",
    "vector-view-history",
    "vector-view-viewsource",
    "vector-page-tools-nav-label",
    "vector-no-language-button-label",
    "vector-language-button-label#0",
    "vector-language-button-label#1",
    "vector-language-button-label#2",
    "vector-action-toggle-sidebar",
    "vector-appearance-tooltip",
    "vector-language-variant-switcher-label",
    "skin-theme-exclusion-notice",
    "vector-feature-limited-width-exclusion-notice",
    "vector-feature-custom-font-size-exclusion-notice",
)
PICKS = (
    # FixIt's footer (a whole block with its two links: generator-credits) and post meta
    Pick("fixit", "footer.poweredBySome", "generator-credits", fills=_FIXIT),
    Pick("fixit", "footer.poweredBySome", "site-credits"),
    Pick("fixit", "single.fuzzyWordCount", "post-counts"),
    Pick("fixit", "single.wordCount", "post-counts"),
    Pick("fixit", "single.readingTime", "post-counts"),
    # Stack's footer: "Built with Hugo<br />Theme Stack designed by Jimmy", one block
    Pick("stack", "footer.builtWith", "generator-credits", r"{}\s*{footer.designedBy}", _STACK),
    Pick("stack", "footer.builtWith", "site-credits"),
    Pick("stack", "footer.designedBy", "site-credits"),
    Pick("stack", "article.readingTime", "post-counts"),
    # NexT: its footer credit, its post's licence notice (under "版权声明:"), its counts
    Pick("next", "footer.powered", "generator-credits", fills=_NEXT),
    Pick("next", "footer.powered", "site-credits"),
    Pick(
        "next",
        "post.copyright.license_content",
        "reprint-notices",
        r"(?:{post.copyright.license_title}:\s?)?{}",
    ),
    Pick("next", "symbols_count_time.count", "post-counts", r"{}:?\s?[\d.,]+\s?k?"),
    Pick(
        "next",
        "symbols_count_time.time",
        "post-counts",
        r"{}:?\s?(?:≈\s?)?\d+\s?{symbols_count_time.time_minutes}",
    ),
    # The themes' footer lines, whole and filled with the themes' own names (BP300)
    Pick("fixit", "footer.poweredBySome", "theme-footer-lines", fills=_FIXIT),
    Pick("fixit", "footer.siteRunning", "theme-footer-lines"),
    Pick("even", "powered", "theme-footer-lines", r"{} \| {theme} - even", (("s", "hugo"),)),
    Pick("next", "footer.powered", "theme-footer-lines", fills=_NEXT),
    Pick("stack", "footer.builtWith", "theme-footer-lines", fills=_STACK),
    Pick("stack", "footer.designedBy", "theme-footer-lines", fills=_STACK),
    Pick(
        "butterfly",
        "footer.framework",
        "theme-footer-lines",
        r"{}\s?hexo\s?\|\s?{footer.theme}\s?butterfly",
    ),
    # tarteaucitron's dialog: its own sentences, the category descriptions, the service lines
    *(
        Pick("tarteaucitron", key, "platform-consent-managers")
        for key in (
            # (not "title" and "all", "Cookies management panel", "Preference for all
            # services": a design system's docs page shows them as its demo's headings)
            "alertBigPrivacy",
            "disclaimer",
            "noServices",
            "toggleInfoBox",
            "credit",
            "mandatoryText",
            "ads.details",
            "analytic.details",
            "social.details",
            "video.details",
            "comment.details",
            "support.details",
            "api.details",
            "other.details",
            "google.details",
            "closeBanner",
        )
    ),
    # Klaro's dialog and notice: its sentences (its one-word buttons and titles are prose)
    *(
        Pick("klaro", key, "platform-consent-managers")
        for key in (
            "consentModal.description",
            "consentNotice.description",
            "consentNotice.changeDescription",
            "contextualConsent.description",
            "poweredBy",
            "purposes.advertising.description",
            "purposes.functional.description",
            "purposes.marketing.description",
            "purposes.performance.description",
            "service.disableAll.description",
            "service.optOut.description",
            "service.required.description",
        )
    ),
    Pick("tarteaucitron", "useCookie", "platform-consent-managers", _SERVICE_LINE),
    Pick("tarteaucitron", "noCookie", "platform-consent-managers", _SERVICE_NONE),
    Pick("tarteaucitron", "useNoCookie", "platform-consent-managers", _SERVICE_NONE),
    # The controls of a shop's product page and cart (Shopify's reference theme), read by
    # BP310 only where they cover a block whole (no one-word label: "Price", "Quantity")
    *(Pick("dawn", key, "ui-shop-controls") for key in _DAWN_SHOP),
    # A comment widget's captions: giscus, remark42, a shop's blog comments (BP311)
    *(Pick("giscus", key, "ui-comment-widgets") for key in _GISCUS),
    *(Pick("remark42", key, "ui-comment-widgets") for key in _REMARK42),
    *(Pick("dawn", key, "ui-comment-widgets") for key in _DAWN_COMMENTS),
    *(Pick("waline", key, "ui-comment-widgets") for key in _WALINE),
    # A membership site's sign-in and paywall captions: Ghost's default theme (BP312); its
    # one-word captions too ("Subscribe"): the rule asks for two strings in one block
    *(Pick("ghost-source", key, "ui-membership", words=1) for key in _GHOST_MEMBERSHIP),
    # A consent banner's buttons and panel titles: Klaro, cookieconsent, tarteaucitron (BP313)
    *(Pick("klaro-buttons", key, "ui-consent-panels") for key in _KLARO_BUTTONS),
    *(Pick("cookieconsent", key, "ui-consent-panels") for key in _COOKIECONSENT),
    *(Pick("tarteaucitron", key, "ui-consent-panels") for key in _TARTEAUCITRON_BUTTONS),
    # A wiki page's frame in MediaWiki's default skin (BP330)
    # (the pin and unpin buttons stand side by side: "move to sidebar hide")
    Pick(
        "vector", "vector-pin-element-label", "ui-wiki-chrome", r"{}\s?{vector-unpin-element-label}"
    ),
    *(Pick("vector", key, "ui-wiki-chrome") for key in _VECTOR),
)


# WordPress's front-end template strings (BP375): core's comment form, comment list, search
# form, post and posts navigation and default widgets; Jetpack's share, like and social
# widgets. One-word captions ("Archives", "Reply", "Search") are left out: prose.
_WP_CORE_STRINGS = (
    "Leave a Reply",
    "Cancel reply",
    "Your email address will not be published.",
    "Save my name, email, and website in this browser for the next time I comment.",
    "Your comment is awaiting moderation.",
    "Post Comment",
    "Comments are closed.",
    "Post navigation",
    "Posts navigation",
    "Older posts",
    "Newer posts",
    "Previous Post",
    "Next Post",
    "label\x04Search for:",
    "Recent Posts",
    "Recent Comments",
    "Entries feed",
    "Comments feed",
    "Select Category",
    "Select Month",
)
_JETPACK_STRINGS = (
    "Share this:",
    "Like this:",
    "Click to email a link to a friend",
    "Click to print",
    "Opens in new window",
    "Subscribe to Blog via Email",
)
# A pingback in the comment list: "Pingback: " and the linking page's title as its browser
# tab shows it, the post's title and the site's name ("Arrays em Bash | giovannireisnunes"),
# not a sentence (a glossary's "Pingback: a notice one blog sends another").
_PINGBACK = r"{}\s?.{1,80} [|–—-] [^.!?。]{1,60}"
# A service's or a profile's name: one word, no brackets ("Facebook(Opens in new window)").
_SERVICE = (("s", r"[^\s()]{1,20}"),)
_PROFILE = (("s", r"[^\s()]{1,30}"),)
_STAR = (("s", r"\*?"),)


def _wp_picks(sources: tuple[str, ...], keys: tuple[str, ...], **kw: Any) -> Iterator[Pick]:
    return (Pick(source, key, "ui-wordpress", **kw) for source in sources for key in keys)


_CORE = ("wp-core-en", "wp-core")
_JP = ("jetpack-en", "jetpack")
PICKS = (
    *PICKS,
    *_wp_picks(_CORE, _WP_CORE_STRINGS),
    *_wp_picks(_CORE, ("Required fields are marked %s",), fills=_STAR, bare_slot=True),
    *_wp_picks(_CORE, ("Pingback:",), shape=_PINGBACK, words=1),
    # (the search field's placeholder: a word and an ellipsis, no prose)
    *_wp_picks(_CORE, ("placeholder\x04Search …",), words=1),
    *_wp_picks(_JP, _JETPACK_STRINGS),
    *_wp_picks(_JP, ("Click to share on %s",), fills=_SERVICE),
    *_wp_picks(_JP, ("View %1$s’s profile on %2$s",), fills=_PROFILE),
    *_wp_picks(_JP, ("Like",), shape=r"{}\s?{Loading...}", words=1),
)


def to_phrase(template: str, fills: tuple[tuple[str, str], ...] = ()) -> str:
    """A template string as a phrase: literal text escaped, full-width punctuation as ASCII,
    each placeholder its slot, runs of spaces one optional space (a dump may drop them)."""
    # (a leading dash or inverted mark is the widget's decoration, and a phrase must open with
    # a word: the label trigger looks for openings at line heads)
    text = template.translate(_FULL_WIDTH).strip().lstrip("-\u2013\u2014\u00bf\u00a1 ").casefold()
    filled = {name.casefold(): value for name, value in fills}
    parts: list[str] = []
    last = 0
    for match in _PLACEHOLDER.finditer(text):
        parts.append(_literal(text[last : match.start()]))
        name = _name(match).casefold()
        parts.append(filled.get(name, _slot(name)))
        last = match.end()
    parts.append(_literal(text[last:]))
    # A dump may drop a sentence's last stop.
    return re.sub(r"(?:\\\.|。)$", lambda stop: f"{stop.group(0)}?", "".join(parts))


def sample(template: str) -> str:
    """The template as a page shows it, its placeholders filled with ``SAMPLES``."""
    text = template.translate(_FULL_WIDTH).strip()
    return _PLACEHOLDER.sub(lambda m: SAMPLES.get(_slot(_name(m)), "Hugo"), text)


def _name(match: re.Match[str]) -> str:
    return next(group for group in match.groups() if group is not None)


def _slot(name: str) -> str:
    return SLOTS.get(name.casefold(), NAME)


_META = re.compile(r"([.^$*+?()\[\]{}|\\])")


def _literal(text: str) -> str:
    """Text as a regex that matches it: metacharacters escaped, runs of spaces one space."""
    return re.sub(" +", " ", _META.sub(r"\\\1", text))


def _read_source(source: Source, mirror: Path) -> dict[str, dict[str, str]]:
    git_dir = mirror / source.repo.replace("/", "+") / "repo"
    strings: dict[str, dict[str, str]] = {}
    for lang, path in source.files.items():
        text = subprocess.run(
            ["git", "-C", str(git_dir), "show", f"{source.commit}:{path}"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        strings[lang] = source.reader(text)
    return strings


_SHAPE_KEY = re.compile(r"\{([\w.-]+)\}")


def _shaped(pick: Pick, template: str, strings: dict[str, str]) -> str | None:
    """The shape with the template's phrase in ``{}`` and the phrase of each other key it
    names (``{footer.designedBy}``) in its place; None when the source lacks one."""
    if any(not strings.get(key) for key in _SHAPE_KEY.findall(pick.shape)):
        return None
    filled = _SHAPE_KEY.sub(lambda key: to_phrase(strings[key.group(1)], pick.fills), pick.shape)
    return filled.replace("{}", to_phrase(template, pick.fills))


def _shape_sample(pick: Pick, template: str, strings: dict[str, str]) -> str:
    """The whole shape as a page shows it (``_shaped``'s text, not its regex)."""
    filled = _SHAPE_KEY.sub(lambda key: strings[key.group(1)], pick.shape)
    return filled.replace("\\s?", " ").replace("{}", template)


def _templates(
    read: dict[str, dict[str, dict[str, str]]],
) -> Iterator[tuple[Pick, str, str, dict[str, str]]]:
    """(pick, language, template, the language's strings) for each picked key a source
    translates."""
    for pick in PICKS:
        source = read[pick.source]
        # (a language's file that keeps the English string has not translated it: en has it)
        english = {strings.get(pick.key) for lang, strings in source.items() if lang[:2] == "en"}
        for lang, strings in source.items():
            template = strings.get(pick.key)
            if template and (lang[:2] == "en" or template not in english):
                yield pick, lang.split("-")[0], template, strings


def _already_read(family: str, lang: str, template: str) -> bool:
    """Whether the family's own phrases for the language already read the filled template."""
    listed = _listed(PHRASES / f"{family}.yaml")
    text = sample(template)
    return any(
        re.fullmatch(phrase, text, re.IGNORECASE)
        for phrase in (*listed.get(lang, []), *listed.get("all", []))
    )


def _has_word(template: str) -> bool:
    """Whether the template's own text, its slots aside, is more than one character: a
    phrase of a count and one character ("[\\d.,]+ 字") would make its rules read every page."""
    return len(re.sub(r"\W|\d", "", _PLACEHOLDER.sub("", template))) >= 2


_UI_FAMILY = "ui-"  # the families BP310-BP314 read a block whole with: no one-word caption


def _one_word(template: str) -> bool:
    """Whether a caption is one word ("Oldest", "Ausverkauft", "OK"; in Chinese, Japanese and
    Korean two characters or fewer): ordinary prose, left to rules that ask for two signals.
    A count's caption ("{{count}} comments") is no one word: the count is the second."""
    if any(_slot(_name(m)) == NUMBER for m in _PLACEHOLDER.finditer(template)):
        return False
    text = _PLACEHOLDER.sub(" ", template).strip()
    if re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text):
        return len(re.sub(r"\W", "", text)) <= 2
    return len(re.findall(r"[^\W\d_]+(?:['’-][^\W\d_]+)*", text)) <= 1


def _too_short(pick: Pick, template: str) -> bool:
    """Whether a ``ui-`` family's caption is one word where its pick asks for two."""
    return pick.family.startswith(_UI_FAMILY) and pick.words > 1 and _one_word(template)


def _bare_slots(pick: Pick, phrase: str | None) -> str | None:
    """The phrase with the space before each filled slot optional, when the pick says so."""
    if phrase is None or not pick.bare_slot:
        return phrase
    for _, fill in pick.fills:
        phrase = phrase.replace(f" {fill}", f" ?{fill}")
    return phrase


def phrases(mirror: Path) -> dict[str, dict[str, list[str]]]:
    """family -> language -> new phrases, in ``PICKS`` order, each once: a template its
    family already reads (with its slots filled) is left out."""
    read = {source.name: _read_source(source, mirror) for source in SOURCES}
    out: dict[str, dict[str, list[str]]] = {}
    for pick, lang, template, strings in _templates(read):
        phrase = _bare_slots(pick, _shaped(pick, template, strings))
        if phrase is None or _too_short(pick, template):
            continue
        target = out.setdefault(pick.family, {}).setdefault(lang, [])
        if phrase in target or phrase in _listed(PHRASES / f"{pick.family}.yaml").get(lang, []):
            target.append(phrase) if phrase not in target else None
        elif _has_word(template) and not _already_read(
            pick.family,
            lang,
            _shape_sample(pick, template, strings) if pick.whole_shape else template,
        ):
            target.append(phrase)
    return out


def _language_span(lines: list[str], lang: str) -> tuple[int, int] | None:
    """The first and past-the-last line of a language's list in a family file."""
    start = next((i for i, line in enumerate(lines) if line.startswith(f"{lang}:")), None)
    if start is None:
        return None
    end = start + 1
    while end < len(lines) and (lines[end].startswith((" ", "-")) or not lines[end].strip()):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    return start, end


def _quoted(phrase: str) -> str:
    return "'" + phrase.replace("'", "''") + "'"


def _append(lines: list[str], lang: str, new: list[str]) -> list[str]:
    """The file's lines with ``new`` at the end of the language's list (block or flow style),
    or under a new key at the end of the file."""
    span = _language_span(lines, lang)
    items = [_quoted(phrase) for phrase in new]
    if span is None:
        return [*lines, f"{lang}:", *(f"  - {item}" for item in items)]
    start, end = span
    last = lines[end - 1]
    if last.rstrip().endswith("]"):  # flow style: "zh: ['a', 'b']"
        body = last.rstrip()[:-1]
        joined = ",\n     ".join(items)
        return [*lines[: end - 1], f"{body},\n     {joined}]", *lines[end:]]
    items_at = [line for line in lines[start + 1 : end] if line.lstrip().startswith("- ")]
    dash = "- " if items_at and items_at[0].startswith("-") else "  - "
    return [*lines[:end], *(f"{dash}{item}" for item in items), *lines[end:]]


def _listed(path: Path) -> dict[str, list[str]]:
    import yaml  # (a dependency of mdclean)

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(lang): [str(p) for p in listed] for lang, listed in data.items()}


def missing(folder: Path, found: dict[str, dict[str, list[str]]]) -> list[tuple[str, str, str]]:
    """(family, language, phrase) for each phrase its family file does not list."""
    absent: list[tuple[str, str, str]] = []
    for family, langs in found.items():
        listed = _listed(folder / f"{family}.yaml")
        for lang, phrases_ in langs.items():
            have = set(listed.get(lang, []))
            absent.extend((family, lang, p) for p in phrases_ if p not in have)
    return absent


def write(folder: Path, found: dict[str, dict[str, list[str]]]) -> None:
    """Appends each missing phrase to its family and language."""
    by_file: dict[str, dict[str, list[str]]] = {}
    for family, lang, phrase in missing(folder, found):
        by_file.setdefault(family, {}).setdefault(lang, []).append(phrase)
    for family, langs in by_file.items():
        path = folder / f"{family}.yaml"
        lines = path.read_text(encoding="utf-8").splitlines()
        for lang in sorted(langs, key=LANGUAGES.split().index):
            lines = _append(lines, lang, langs[lang])
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mirror", type=Path, default=Path("/work/.mirror"))
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true")
    mode.add_argument("--write", action="store_true")
    args = parser.parse_args()
    found = phrases(args.mirror)
    if args.write:
        write(PHRASES, found)
        return 0
    if args.check:
        absent = missing(PHRASES, found)
        for family, lang, phrase in absent:
            print(f"missing {family} {lang}: {phrase}")
        return 1 if absent else 0
    for family, langs in found.items():
        for lang, listed in langs.items():
            for phrase in listed:
                print(f"{family}\t{lang}\t{phrase}")
    return 0


# -- Docs frameworks (role D, session 19): the chrome a crawl of a docs site keeps --------------

_MATERIAL_STRING = re.compile(r'^\s*"([\w.]+)"\s*:\s*"((?:[^"\\]|\\.)*)"', re.MULTILINE)


def read_material(text: str) -> dict[str, str]:
    """MkDocs Material's ``partials/languages/LANG.html``: a Jinja macro over one dictionary of
    double-quoted keys and strings, one a line; its count ``#`` is our ``{count}``."""
    return {
        key: json.loads(f'"{value}"').replace("#", "{count}")
        for key, value in _MATERIAL_STRING.findall(text)
    }


_DOCS_SOURCES = (
    Source(
        "material",
        "squidfunk/mkdocs-material",
        "5b36f2ac499a45905e246bc66bbee2858ef6556f",
        _files(
            "material/templates/partials/languages/{}.html",
            "en zh zh-tw es ja de fr pt pt-br ru ko it id tr pl nl vi",
            {"zh-tw": "zh-TW", "pt-br": "pt-BR"},
        ),
        read_material,
    ),
    Source(
        "starlight",
        "withastro/starlight",
        "3999be7cc18b41095d61e3b63d68ff3e6c6c050b",
        _files(
            "packages/starlight/translations/{}.json",
            "en zh zh-tw es ja de fr pt ru ko it id tr pl nl vi",
            _TW,
        ),
        read_json,
    ),
    Source(
        "docsy",
        "google/docsy",
        "83c5cc14ee6a44190cacec20b8e1c15973df97fd",
        _files(
            "theme/i18n/{}.yaml",
            "en zh zh-tw es ja de fr pt ru ko it tr pl nl",
            {"zh": "zh-cn", "zh-tw": "zh-tw", "pt": "pt-br"},
        ),
        read_yaml,
    ),
)
# What a crawl keeps of each framework's frame as text of its own: the search dialog's
# placeholders and counts, the skip and back-to-top links, the code block's copy title, the
# edit/source links, the selectors, the feedback question, the print view's notes. Not the
# one-word captions ("Search", "Previous", "Next", "Yes"), nor "Table of contents" (a manual's
# own heading) nor "Last update" (a changelog's heading).
_MATERIAL = (
    "action.edit",
    "action.skip",
    "action.view",
    "announce.dismiss",
    "clipboard.copy",
    "search.result.initializer",
    "search.result.placeholder",
    "search.result.none",
    "search.result.other",
    "search.result.more.other",
    "select.language",
    "select.version",
    "source",
    "top",
)
_STARLIGHT = (
    "skipLink.label",
    "themeSelect.accessibleLabel",
    "languageSelect.accessibleLabel",
    "tableOfContents.onThisPage",
    "i18n.untranslatedContent",
    "page.editLink",
    "builtWithStarlight.label",
)
_DOCSY = (
    "ui_search",
    "post_edit_this",
    "post_view_this",
    "post_create_child_page",
    "post_create_issue",
    "post_create_project_issue",
    "print_entire_section",
    "print_printable_section",
    "print_click_to_print",
    "print_show_regular",
    "feedback_question",
    "toc_on_this_page",
)
SOURCES = (*SOURCES, *_DOCS_SOURCES)
PICKS = (
    *PICKS,
    # The docs frameworks' frame as a crawl keeps it (BP380)
    *(Pick("material", key, "ui-docs-frameworks") for key in _MATERIAL),
    *(Pick("starlight", key, "ui-docs-frameworks") for key in _STARLIGHT),
    *(Pick("docsy", key, "ui-docs-frameworks") for key in _DOCSY),
    # The feedback widget's question and its two buttons on one line (BP381)
    # A docs pager's two labels, each the head of its link's text (BP382)
    *(
        Pick(source, key, family, words=1)
        for source, key, family in (
            ("material", "footer.previous", "docs-pager-previous"),
            ("material", "footer.next", "docs-pager-next"),
            ("starlight", "page.previousLink", "docs-pager-previous"),
            ("starlight", "page.nextLink", "docs-pager-next"),
            ("docsy", "ui_pager_prev", "docs-pager-previous"),
            ("docsy", "ui_pager_next", "docs-pager-next"),
        )
    ),
    Pick("docsy", "feedback_question", "ui-docs-feedback", words=1),
    Pick(
        "docsy",
        "feedback_positive",
        "ui-docs-feedback-buttons",
        r"{}\s?{feedback_negative}",
        words=1,
    ),
)


# -- The most-installed WordPress themes and plugins (role W, session 20) ------------------------
# Their language packs as sites commit them (``wp-content/languages/themes/``, ``…/plugins/``):
# translate.wordpress.org's translations; the English strings are the msgids of one pack.
_ASTRA = ("evan-azemard/moncms", "0d5032c23a600571de5e2098548f9f4cf671e34b")
_ASTRA_LANGS = "zh es ja de fr pt ru ko it id tr nl"
_GENERATEPRESS = ("razadegatos/razadegatos.github.io", "badb40b7a18e35d8cabc4340a1d162eb702fe6e7")
_GENERATEPRESS_LANGS = "zh es ja de fr pt pt-pt ru"
_OCEANWP = ("kredodev-norman/mli-covid", "bc0575ba055e08b623c9d818c4891bc668b34b04")
_OCEANWP_LANGS = "es ja de fr pt it ru"


def _wp_pack(name: str, where: tuple[str, str], kind: str, langs: str) -> tuple[Source, ...]:
    """A theme's or plugin's packs (``kind`` themes or plugins), and its English msgids."""
    pattern = f"wp-content/languages/{kind}/{name}-{{}}.po"
    return (
        Source(name, *where, _files(pattern, langs, _WP_LOCALES), read_po),
        Source(f"{name}-en", *where, {"en": pattern.format("de_DE")}, read_po_english),
    )


SOURCES = (
    *SOURCES,
    *_wp_pack("astra", _ASTRA, "themes", _ASTRA_LANGS),
    *_wp_pack("generatepress", _GENERATEPRESS, "themes", _GENERATEPRESS_LANGS),
    *_wp_pack("oceanwp", _OCEANWP, "themes", _OCEANWP_LANGS),
)
# What each theme prints around a post on every site that runs it: the comment form and list,
# the post navigation, the read-more and back-to-top links, the search and menu controls, the
# author link, OceanWP's share buttons and related posts. Not its one-word captions ("Reply",
# "Search", "Menu") nor what only the admin screens show.
_ASTRA_STRINGS = (
    "Leave a Comment",
    "Cancel Reply",
    "Post Comment »",
    "Type here..",
    "Read More »",
    "Scroll To Top",
    "Skip to content",
    "Main Menu",
    "Menu Toggle",
    "Site Navigation",
    "Comment navigation",
    "Newer Comments",
    "Older Comments",
    "Previous Page",
    "Next Page",
)
_GENERATEPRESS_STRINGS = (
    "Leave a comment",
    "Read more",
    "Scroll back to top",
    "Skip to content",
    "Open Search Bar",
    "Close Search Bar",
    "Open Sub-Menu",
    "Close Sub-Menu",
)
_OCEANWP_STRINGS = (
    "Previous Post",
    "Next Post",
    "You Might Also Like",
    "Continue Reading",
    "Read More",
    "Read more articles",
    "Scroll to the top of the page",
    "Skip to content",
    "Close mobile menu",
    "Type then hit enter to search",
    "Search website",
    "Submit search",
    "Post Comment",
    "Close Menu",
    "Mobile Menu",
    "Menu Toggle",
    "Related Posts",
    "Reading time:",
    "Share on Facebook (opens in a new tab)",
    "Share on Twitter (opens in a new tab)",
    "Share on Pinterest (opens in a new tab)",
    "Share by email (opens in a new tab)",
)
# An author's name in "View all posts by NAME": one to three words, no sentence's marks.
_AUTHOR = (("s", r"[^\s.,;:!?()]{1,20}(?: [^\s.,;:!?()]{1,20}){0,2}"),)
_COUNT = (("s", NUMBER),)


def _theme_picks(source: str, keys: tuple[str, ...], **kw: Any) -> Iterator[Pick]:
    return (
        Pick(name, key, "ui-wordpress-themes", **kw)
        for name in (f"{source}-en", source)
        for key in keys
    )


PICKS = (
    *PICKS,
    *_theme_picks("astra", _ASTRA_STRINGS),
    *_theme_picks("astra", ("View all posts by %1$s",), fills=_AUTHOR),
    *_theme_picks("generatepress", _GENERATEPRESS_STRINGS),
    *_theme_picks("generatepress", ("View all posts by %s",), fills=_AUTHOR),
    *_theme_picks("generatepress", ("GeneratePress\x04Built with",), shape=r"{}\s?generatepress"),
    *_theme_picks("oceanwp", _OCEANWP_STRINGS),
    *_theme_picks("oceanwp", ("%1$s mins read",), fills=_COUNT),
)


# -- Media players (role E, session 20): the text an embedded player prints ------------------
# A crawler that keeps a page's whole text keeps its player's hidden captions: WordPress's
# MediaElement.js player (core translates its strings, ``mejsL10n`` in ``script-loader.php``,
# so a WordPress site shows core's translation) and video.js (its ``lang/*.json``, keyed by the
# English string). One-word captions ("Play", "Mute") are prose and left out; so are the caption
# settings' style names ("Font Size", "Font Family": a CSS tutorial's headings).

_VIDEOJS_LANGS = {"zh": "zh-CN", "zh-tw": "zh-TW", "pt": "pt-BR", "pt-pt": "pt-PT"}
SOURCES = (
    *SOURCES,
    Source(
        "videojs",
        "videojs/video.js",
        "1ce2b219f450842455e120518bf669e1d5b2ae38",
        _files(
            "lang/{}.json",
            "en zh zh-tw es ja de fr pt pt-pt ru ko it tr pl nl vi",
            _VIDEOJS_LANGS,
        ),
        read_json,
    ),
)
_MEJS_STRINGS = (
    "Audio Player",
    "Video Player",
    "Download File",
    "Time Slider",
    "Volume Slider",
    "Mute Toggle",
    "Live Broadcast",
    "Captions/Subtitles",
    "Use Up/Down Arrow keys to increase or decrease volume.",
    "Use Left/Right Arrow keys to advance one second, Up/Down arrows to advance ten seconds.",
)
_VIDEOJS_STRINGS = (
    "Audio Player",
    "Video Player",
    "Current Time",
    "Remaining Time",
    "Stream Type",
    "Progress Bar",
    "Exit Fullscreen",
    "Playback Rate",
    "subtitles off",
    "captions off",
    "descriptions off",
    "Audio Track",
    "Volume Level",
    "You aborted the media playback",
    "A network error caused the media download to fail part-way.",
    "The media could not be loaded, either because the server or network failed or because"
    " the format is not supported.",
    "The media playback was aborted due to a corruption problem or because the media used"
    " features your browser did not support.",
    "No compatible source was found for this media.",
    "The media is encrypted and we do not have the keys to decrypt it.",
    "Play Video",
    "Close Modal Dialog",
    "Modal Window",
    "This is a modal window",
    "This modal can be closed by pressing the Escape key or activating the close button.",
    "captions settings",
    "subtitles settings",
    "descriptions settings",
    "restore all settings to the default values",
    "Caption Settings Dialog",
    "Beginning of dialog window. Escape will cancel and close the window.",
    "End of dialog window.",
    "Exit Picture-in-Picture",
    "Caption Area Background",
    "Seek to live, currently behind live",
    "Seek to live, currently playing live",
)
# "{1} is loading.": the player's name in the slot ("Video Player is loading.").
_PLAYER_NAME = (("1", r".{1,30}"),)
# (a video.js caption a page ends with a stop the key does not hold: "This is a modal window.")
_STOP = r"{}\.?"
PICKS = (
    *PICKS,
    *(Pick(source, key, "ui-media-players") for source in _CORE for key in _MEJS_STRINGS),
    *(
        Pick("videojs", key, "ui-media-players", "{}" if key.endswith(".") else _STOP)
        for key in _VIDEOJS_STRINGS
    ),
    Pick("videojs", "{1} is loading.", "ui-media-players", fills=_PLAYER_NAME),
    # The player's name over its time stamps (BP411): one word too ("Audio-Player").
    *(
        Pick(source, key, "media-player-names", words=1)
        for source in (*_CORE, "videojs")
        for key in ("Audio Player", "Video Player")
    ),
)


if __name__ == "__main__":
    sys.exit(main())


# -- WordPress's default themes (role W, session 21) ---------------------------------------
# Twenty Seventeen to Twenty Twenty-Five: the themes a WordPress site runs until its owner picks
# another, and many never do. Their packs as one site repository commits them (the same one as
# core's). Front-end strings only: the skip link, the menu and search toggles, the post meta
# line's labels ("Published %s", "Categorized as %s", "Tagged %s"), the comments' title, the
# footer credit ("Proudly powered by WordPress", "Designed with WordPress"), the back-to-top
# link ("To the top ↑"). Not the one-word captions, the block themes' pattern texts (their
# demo content), nor the plural counts (a pack's first form is the singular).
_WP_DEFAULT_THEMES = {
    "twentyseventeen": "zh zh-tw es ja de fr pt pt-pt ru ko it tr pl nl vi",
    "twentynineteen": "zh zh-tw es ja de fr pt pt-pt ru it tr nl vi",
    "twentytwenty": "zh zh-tw es ja de fr pt pt-pt ru it id tr pl nl vi",
    "twentytwentyone": "zh zh-tw es ja de fr pt pt-pt ru ko it id tr pl nl",
    "twentytwentythree": "zh zh-tw es ja de fr pt pt-pt ru ko it tr pl nl",
    "twentytwentyfour": "zh zh-tw es de fr pt pt-pt ru ko it tr nl vi",
    "twentytwentyfive": "zh zh-tw es de fr pt ru it nl vi",
}
SOURCES = (
    *SOURCES,
    *(
        source
        for theme, langs in _WP_DEFAULT_THEMES.items()
        for source in _wp_pack(theme, _WP_CORE, "themes", langs)
    ),
)
# What the themes put in their slots: WordPress's name in the credit, the arrow in the
# back-to-top link, a post's date, author, categories and tags (one to three words each).
_WORDPRESS = (("s", "wordpress"), ("1$s", "wordpress"))
_ARROW = (("s", "[↑↟⇡]?"),)
# (no wider: the block rule counts a string's words on the page, and "Published by" and a
# five-word slot would make a book's imprint line one long template string alone)
_TERMS = (("s", r"[^\s;:!?()]{1,20}(?: [^\s;:!?()]{1,20}){0,2}"),)
_BY_NAME = (("s", r"[^\s.,;:!?()]{1,20}(?: [^\s.,;:!?()]{1,20})?"),)
_DEFAULT_THEME_STRINGS = {
    "twentyseventeen": (
        "Scroll down to content",
        "Play background video",
        "Pause background video",
        "Collapse child menu",
        "Expand child menu",
        "One Reply to “%s”",
        "Skip to content",
    ),
    "twentynineteen": (
        "View more posts",
        "Join the Conversation",
        "One reply on “%s”",
        "Previous post:",
        "Next post:",
        "Posted in",
        "Posted by",
        "Skip to content",
    ),
    "twentytwenty": (
        "Skip to the content",
        "Close search",
        "Close Menu",
        "Show sub menu",
        "One reply on “%s”",
        "Post author",
        "Post date",
        "View Archive →",
    ),
    "twentytwentyone": (
        "Skip to content",
        "Open menu",
        "Primary menu",
        "Secondary menu",
        "Previous post",
        "Next post",
        "Newer comments",
        "Older comments",
        "View all of %s's posts.",
    ),
    "twentytwentyfive": ("Written by", "Posted by", "Newer Posts", "Older Posts"),
}
_DEFAULT_THEME_FILLED = {
    "twentyseventeen": (("Proudly powered by %s", _WORDPRESS),),
    "twentynineteen": (("Proudly powered by %s.", _WORDPRESS), ("Published by %s", _BY_NAME)),
    "twentytwenty": (("To the top %s", _ARROW),),  # (the arrow may go, its space with it)
    "twentytwentyone": (
        ("Proudly powered by %s.", _WORDPRESS),
        ("Published %s", _TERMS),
        ("Categorized as %s", _TERMS),
        ("Tagged %s", _TERMS),
    ),
    "twentytwentythree": (("Proudly powered by %s", _WORDPRESS),),
    "twentytwentyfour": (("Designed with %1$s", _WORDPRESS),),
    "twentytwentyfive": (("Designed with %s", _WORDPRESS),),
}
PICKS = (
    *PICKS,
    *(pick for theme, keys in _DEFAULT_THEME_STRINGS.items() for pick in _theme_picks(theme, keys)),
    *(
        pick
        for theme, filled in _DEFAULT_THEME_FILLED.items()
        for key, fills in filled
        for pick in _theme_picks(theme, (key,), fills=fills, bare_slot=fills is _ARROW)
    ),
)

# Jetpack's subscription widget (role W, session 21): its invitation and its count of the
# blog's followers, as the sidebar or the post's foot prints them, singular and plural (a pack's
# second form is read under the English plural).
_JETPACK_SUBSCRIBE = "Enter your email address to subscribe to this blog and receive notifications of new posts by email."
_JETPACK_JOIN = (
    "Join %s other subscriber",
    "Join %s other subscribers",
    "Join %s other follower",
    "Join %s other followers",
)
PICKS = (
    *PICKS,
    *_wp_picks(_JP, (_JETPACK_SUBSCRIBE,)),
    *_wp_picks(_JP, _JETPACK_JOIN, fills=_COUNT),
)

# Session 22, role K: more of Jetpack's and core's front-end strings, from the same packs.
# Jetpack's slideshow block prints "This slideshow requires JavaScript." in its <noscript>
# (a lone paragraph once converted: BP250's family); its comment form's subscription boxes;
# its likes' count over the likers' avatars, whose "%d" a select-all copy keeps as it stands
# (the script fills it in), so the slot reads the literal placeholder as well as a number.
# (two phrases, a number and the placeholder itself: an opening the label gates can spell)
_LITERAL_COUNT = (("d", "%d"),)
_JETPACK_COMMENT_BOXES = (
    "Notify me of follow-up comments by email.",
    "Notify me of new posts by email.",
)
# Core's comment count as ``comments_popup_link()`` prints it, linked to the post's
# ``#respond`` (no comments yet) or ``#comments``: BP460 reads it as the link's text.
_WP_COMMENT_COUNTS = ("No Comments", "1 Comment")
_WP_COMMENT_COUNTS_N = ("%s Comment", "%s Comments")
PICKS = (
    *PICKS,
    *(Pick(source, "This slideshow requires JavaScript.", "noscript-notices") for source in _JP),
    *_wp_picks(_JP, _JETPACK_COMMENT_BOXES),
    *_wp_picks(_JP, ("%d bloggers like this:",), fills=(("d", NUMBER),)),
    # (not the placeholder itself, "%d bloggers like this:" as a page shows it unfilled: an
    # opening of "%d" leaves the label gates unable to rule a head out; test_speed_startup_gates)
    *(
        Pick(source, key, "ui-wordpress-comment-links", words=1)
        for source in _CORE
        for key in _WP_COMMENT_COUNTS
    ),
    *(
        Pick(source, key, "ui-wordpress-comment-links", fills=_COUNT, words=1)
        for source in _CORE
        for key in _WP_COMMENT_COUNTS_N
    ),
)

# tarteaucitron's categories as its panel lists them: each one's title, then its description (a
# list item of two lines once converted; the description alone is read above). The titles alone
# stay out: one word ("Vidéos", "Support") is a menu's as much as the panel's.
_TARTEAUCITRON_CATEGORIES = (
    "ads",
    "analytic",
    "social",
    "video",
    "comment",
    "support",
    "api",
    "other",
)
PICKS = (
    *PICKS,
    *(
        Pick(
            "tarteaucitron",
            f"{key}.details",
            "platform-consent-managers",
            rf"{{{key}.title}}\s?{{}}",
            whole_shape=True,
        )
        for key in _TARTEAUCITRON_CATEGORIES
    ),
)

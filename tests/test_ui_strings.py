"""The UI strings ``scripts/ui_strings.py`` reads from the software's own translation files:
a consent manager's dialog, a Hugo theme's footer credit and post counts, as a page keeps them
in any language, go; the same words in an author's sentence stay."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

import mdclean

SCRIPT = Path(__file__).resolve().parent.parent / "scripts" / "ui_strings.py"


def _script() -> object:
    spec = importlib.util.spec_from_file_location("ui_strings", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ui_strings"] = module
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(sys.version_info < (3, 11), reason="the script reads TOML with tomllib")
def test_placeholders_become_the_lists_slots() -> None:
    ui = _script()
    assert ui.to_phrase("预计阅读 {{ .Count }} 分钟") == r"预计阅读 [\d.,]+ 分钟"  # type: ignore[attr-defined]
    assert ui.to_phrase("由 {{ .Hugo }} 强力驱动 | 主题 - {{ .Theme }}") == (  # type: ignore[attr-defined]
        r"由 .{1,30} 强力驱动 \| 主题 - .{1,30}"
    )
    assert ui.to_phrase("Ce service ne dépose aucun cookie.") == (  # type: ignore[attr-defined]
        r"ce service ne dépose aucun cookie\.?"
    )


# tarteaucitron.js's dialog as a crawler keeps it: one service a list item, its buttons the
# item's second line.
TARTEAUCITRON = {
    "fr": (
        " * Vimeo undefined - Ce service peut déposer 8 cookies. - \nAutoriser Interdire \n"
        " * YouTube undefined - Ce service peut déposer 4 cookies. - \nAutoriser Interdire \n"
        " * Ce site n'utilise aucun cookie nécessitant votre consentement.\n"
    ),
    "de": (
        "Werbenetzwerke können mit dem Verkauf von Werbeplatzierungen auf der Seite"
        " Einnahmen erhalten.\n\n"
        "Diese Website verwendet keine Cookies, die Ihrer Zustimmung bedürfen.\n"
    ),
    "es": (
        " * YouTube - Este servicio puede instalar 4 cookies. - \n"
        " * Vimeo - Este servicio no usa cookies. - \n"
    ),
    # Klaro's notice and one of its purposes, in German
    "de-klaro": (
        "Hallo! Könnten wir bitte einige zusätzliche Dienste für Statistik & Marketing aktivieren?"
        " Sie können Ihre Zustimmung später jederzeit ändern oder zurückziehen.\n\n"
        "Realisiert mit Klaro!\n"
    ),
}


@pytest.mark.parametrize("lang", sorted(TARTEAUCITRON))
def test_tarteaucitron_dialog_goes(lang: str) -> None:
    article = "Le jardin ouvre à neuf heures.\n\n"
    fixed = mdclean.fix(article + TARTEAUCITRON[lang]).text
    assert fixed.strip() == article.strip()


LOOKALIKES = [
    # an article about consent managers that quotes their wording in its sentences
    "# Les bannières de cookies\n\nLa ligne « Ce service peut déposer 4 cookies » apparaît"
    " sous chaque service.\n\nNous avons testé tarteaucitron.js sur trois sites.\n",
    # a Hugo theme's own docs, quoting its i18n strings in a table
    "| key | text |\n| --- | --- |\n| poweredBySome | 由 {{ .Hugo }} 强力驱动 \\| 主题 - {{ .Theme }} |\n",
    # a changelog's entry with a count in it (BP028 reads a bare "更新于 2023-05-03" line)
    "## 1.2.0\n\n约 3200 字的文档在 2023-05-03 重写。\n\n预计阅读 7 分钟的教程已拆成三篇。\n",
]


@pytest.mark.parametrize("text", LOOKALIKES)
def test_lookalikes_stay(text: str) -> None:
    assert mdclean.fix(text, unsafe=True).text == text


# Theme footers as a converter keeps them: one block, the names linked.
FOOTERS = [
    '由 [Hugo](https://gohugo.io/ "Hugo 0.111.3") 强力驱动 | 主题 -'
    ' [FixIt](https://github.com/hugo-fixit/FixIt "FixIt v0.2.18")\n',
    "Erstellt mit [Hugo](https://gohugo.io/)  \nTheme [Stack](https://github.com/CaiJimmy/hugo-theme-stack)"
    " gestaltet von [Jimmy](https://jimmycai.com)\n",
    "Powered by [Hexo](https://hexo.io/) & [NexT.Gemini](https://theme-next.js.org/)\n",
    # (BP046 reads twelve words at most: a site name of two words makes the line too long)
    "Bunnie is proudly powered by [WordPress](http://wordpress.org/)\n"
    "[Entries (RSS)](https://example.com/blog/feed/) and"
    " [Comments (RSS)](https://example.com/blog/comments/feed/).\n",
]


@pytest.mark.parametrize("footer", FOOTERS)
def test_theme_footer_goes(footer: str) -> None:
    article = "The last paragraph of the post.\n\n"
    assert mdclean.fix(article + footer).text.strip() == article.strip()


@pytest.mark.parametrize(
    "text",
    [
        "This blog is built with [Hugo](https://gohugo.io/) and a theme of my own.\n",
        "## Credits\n\nPowered by [Hugo](https://gohugo.io/) and [FixIt](https://fixit.lruihao.cn/).\n",
    ],
)
def test_footer_lookalikes_stay(text: str) -> None:
    assert mdclean.fix(text, unsafe=True).text == text

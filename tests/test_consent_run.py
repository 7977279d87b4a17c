"""BP680 ``consent-run``: a cookie banner read by its words and its place, in any language."""

from __future__ import annotations

import pytest

import mdclean

_ARTICLE = (
    "# Nieuwe fietsbrug geopend\n\n"
    "De nieuwe fietsbrug over de rivier is vanochtend geopend door de burgemeester, na bijna "
    "twee jaar bouwen en een reeks vertragingen door het natte voorjaar.\n\n"
    "Volgens de gemeente fietsen er dagelijks zo'n vijfduizend mensen over de brug, vooral "
    "scholieren en forenzen die nu een flinke omweg kunnen vermijden.\n\n"
    "De oude pontverbinding blijft voorlopig in de zomermaanden varen voor toeristen en "
    "wandelaars die de rivier liever over het water oversteken.\n"
)


def _fixed(text: str, unsafe: bool) -> str:
    return mdclean.fix(text, config=mdclean.Config(), unsafe=unsafe).text


def test_a_banner_under_the_article_goes_with_its_panel_in_both_modes() -> None:
    banner = (
        "\nWij gebruiken cookies om onze website te verbeteren. Lees ons cookiebeleid.\n\n"
        "Functionele cookies\n\n"
        "Akkoord\n"
    )
    for unsafe in (False, True):
        assert _fixed(_ARTICLE + banner, unsafe) == _ARTICLE


@pytest.mark.parametrize(
    "text",
    [
        # a guide to a browser's consent settings: its prose names cookies between its other paragraphs
        "# Cookies verwalten\n\n"
        "Der Browser speichert für jede Website eigene Daten, damit Sie angemeldet bleiben und "
        "Ihre Einstellungen beim nächsten Besuch wieder finden.\n\n"
        "Unter Einstellungen können Sie Cookies für einzelne Seiten erlauben oder ablehnen, und "
        "der Browser merkt sich die Wahl für jede Adresse.\n\n"
        "Nach dem Neustart des Browsers gelten die neuen Regeln sofort für alle geöffneten Tabs "
        "und auch für alle Fenster im privaten Modus.\n\n"
        "Akzeptieren\n",
        # a recipe whose only prose is about its cookies: no article apart from them
        "# Kurabiye\n\n"
        "Bu çerez tarifini kabul eden herkes bayılacak, hem kolay hem de çok lezzetli.\n\n"
        "Tamam\n",
        # a footer's row of links that names the cookie page is the site's menu, not a banner
        _ARTICLE + "\n[Contact](/contact)[Privacybeleid](/privacy)[Cookiebeleid](/cookies)\n",
    ],
)
def test_look_alikes_stay_byte_identical_in_both_modes(text: str) -> None:
    for unsafe in (False, True):
        assert _fixed(text, unsafe) == text

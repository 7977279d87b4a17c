"""A host's registrable part: the one reading of "which site is this address on".

Three modules read it (the filter lists' third-party test, the safety of fixes, a copyright
line's own site), and each once kept its own guess; a guess by label length (``len <= 3``)
read ``www.mk.ru`` and ``tomsk.mk.ru`` as two sites and ``nu.nl``, ``rp.pl`` as registries.
Countries register sites under a few second-level labels (``example.co.uk``,
``example.com.br``, ``example.or.jp``, ``example.gob.mx``, ``example.msk.ru``): those labels,
from the Public Suffix List's ccTLD sections (https://publicsuffix.org/list/), and only
those that are not also a site's own name somewhere (``ad.nl``, ``ed.nl`` and ``web.de`` are
newspapers and a mail service, not registries).
"""

from __future__ import annotations

REGISTRY_LABELS = frozenset(
    {
        "ac", "asn", "co", "com", "edu", "go", "gob", "gouv", "gov", "govt", "gr", "idv",
        "k12", "lg", "ltd", "mil", "msk", "ne", "net", "nhs", "nic", "nom", "or", "org",
        "plc", "sch", "spb",
    }
)  # fmt: skip
"""Second-level labels under which a country's registry hands out sites (under a two-letter TLD)."""


def registrable(host: str) -> str:
    """``host``'s registrable part, lower case: its last two labels, or three under a
    country's registry label (``news.bbc.co.uk`` -> ``bbc.co.uk``, ``tomsk.mk.ru`` -> ``mk.ru``)."""
    labels = host.lower().rstrip(".").split(".")
    under_registry = len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in REGISTRY_LABELS
    return ".".join(labels[-3:] if under_registry else labels[-2:])

"""Which link targets markdown-it's normalization gives back unchanged (the parser that skips
them is :class:`mdclean.parsing.parser.NormalLinksKept`; this module imports no markdown-it).

Normalizing (mdurl parse, punycode, format, percent-encoding) does not change an http(s) URL
with a plain host name (ASCII labels of at most 63 characters) and a path of characters the
encoding keeps, nor a relative URL of those characters (no ``:``, so no scheme; no ``//``, so
no host). Most links are one of them. The parsers return those as written: it saves a tenth of
a run on scraped pages (see "Parser patches" in ``bench/RESULTS.md``). A rule that reads links
from the raw text may take such a target as written too.
"""

from __future__ import annotations

import re

_NORMAL_URL = re.compile(
    r"https?://(?P<host>[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*)(?:/[A-Za-z0-9\-._~/?#!$&'()*+,;=:@]*)?"
    r"|(?!//)[A-Za-z0-9\-._~/?#!$&'()*+,;=@]*"
)
_MAX_HOST = 255
"""mdurl drops a longer host name."""


def normalization_keeps(url: str) -> bool:
    """Whether markdown-it's link normalization surely gives ``url`` back unchanged."""
    m = _NORMAL_URL.fullmatch(url)
    return m is not None and (m.group("host") is None or len(m.group("host")) <= _MAX_HOST)

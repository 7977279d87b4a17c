"""Whether a front matter date is one that static-site generators can read.

Accepted: ISO 8601 dates and date-times (``T`` or a space, optional seconds,
fraction and zone, as YAML timestamps, Hugo and Jekyll write them), the same with
``/`` (Hexo), US ``M/D/YYYY`` (Microsoft Docs' ``ms.date``), RFC 2822, and
spelled-out months (``January 2, 2006``, ``2 Jan 2006``). Every date is checked
against the calendar, so ``2018-15-30`` and ``2018-02-30`` are not dates.
"""

from __future__ import annotations

import datetime
import re

DEFAULT_DATE_KEYS = ("date", "updated", "lastmod", "publishDate", "expiryDate")
"""Keys whose values must be dates (compared ignoring case); ``date-keys`` in the config replaces them."""

_ISO = re.compile(
    r"(?P<y>\d{4})(?P<sep>[-/])(?P<m>\d{1,2})(?P=sep)(?P<d>\d{1,2})"
    r"(?:(?:[Tt]|[ \t]+)(?P<H>\d{1,2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:[.,]\d+)?)?"
    r"(?:[ \t]*(?:[Zz]|[+-]\d{2}(?::?\d{2})?|UTC|GMT|[A-Z]{3,4}))?)?"
)
_US = re.compile(r"(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})")
_SPELLED = ("%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y", "%B %d %Y", "%b %d %Y")


def is_valid_date(value: str) -> bool:
    """Whether ``value`` (stripped) is a readable, real calendar date or date-time."""
    text = value.strip()
    m = _ISO.fullmatch(text)
    if m is not None:
        return _real(int(m["y"]), int(m["m"]), int(m["d"]), m["H"], m["M"], m["S"])
    m = _US.fullmatch(text)
    if m is not None:
        return _real(int(m["y"]), int(m["m"]), int(m["d"]), None, None, None)
    for form in _SPELLED:
        try:
            datetime.datetime.strptime(text, form)
            return True
        except ValueError:
            pass
    try:
        import email.utils  # here: a run that reads no such date never pays for the import

        return email.utils.parsedate_to_datetime(text) is not None
    except (TypeError, ValueError, IndexError):
        return False


def _real(
    year: int, month: int, day: int, hour: str | None, minute: str | None, second: str | None
) -> bool:
    try:
        datetime.datetime(year, month, day, int(hour or 0), int(minute or 0), int(second or 0))
    except ValueError:
        return False
    return True

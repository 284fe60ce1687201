"""Header dates in the forms newsrooms write them, normalised to ``YYYY-MM-DD``.

Numeric day/month dates (``14/10/2025``) are read day first, the British way.
Anything we cannot read confidently gives ``None`` rather than a guess.
"""

from __future__ import annotations

import datetime as dt
import re

_WEEKDAY = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+", re.IGNORECASE
)
_ORDINAL = re.compile(r"(?<=\d)(?:st|nd|rd|th)\b", re.IGNORECASE)
_ABBREVIATION_DOT = re.compile(r"\b([A-Za-z]{3,4})\.")
_ISO_PREFIX = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_FORMATS = (
    "%Y/%m/%d",
    "%d/%m/%Y",
    "%d.%m.%Y",
    "%d-%m-%Y",
    "%d %B %Y",
    "%d %b %Y",
    "%B %d %Y",
    "%b %d %Y",
    "%B %d, %Y",
    "%b %d, %Y",
    "%d %B, %Y",
)


def normalise_date(value: object) -> str | None:
    """``YYYY-MM-DD`` for a date, datetime or date string, else ``None``."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = " ".join(value.split())
    if not text:
        return None
    iso = _ISO_PREFIX.match(text)
    if iso:
        return _valid(int(iso[1]), int(iso[2]), int(iso[3]))
    from email.utils import parsedate_to_datetime  # the mail package: only for non-ISO dates

    try:
        return parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        pass
    text = _ORDINAL.sub("", _WEEKDAY.sub("", text))
    text = _ABBREVIATION_DOT.sub(r"\1", text).replace("Sept ", "Sep ")
    for pattern in _FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    return None


def _valid(year: int, month: int, day: int) -> str | None:
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None

"""Which kind of input a command-line argument names, decided from the text alone.

Kept apart from the readers so that telling a URL from a file costs no
import of ``urllib``, ``feedparser`` or a WARC library.
"""

from __future__ import annotations

import re

_ADDRESS = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")
WARC_SUFFIXES = (".warc", ".warc.gz")


def is_web_address(argument: str) -> bool:
    """Does the argument name a URL (``scheme://…``) rather than a file?

    Any scheme counts, so ``ftp://…`` gets "only http and https" rather
    than "no such file".
    """
    return bool(_ADDRESS.match(argument))


def is_warc(argument: str) -> bool:
    """A web archive, by its name: ``crawl.warc`` or ``crawl.warc.gz``."""
    return argument.lower().endswith(WARC_SUFFIXES)

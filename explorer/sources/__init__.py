"""Files, folders, stdin -> article text and metadata (never modifies an input).

One module per job: ``paths`` (which files, read-only, size limit),
``decoding`` (bytes -> text, binary refused), and one reader per format:
``plain_text``, ``markdown``, ``json_article``, ``html``; ``paragraphs``
splits any text into paragraph spans. ``reader`` ties them together.
"""

from explorer.sources.errors import SourceError
from explorer.sources.paths import ARTICLE_SUFFIXES, MAX_FILE_BYTES
from explorer.sources.reader import (
    MAX_ARTICLE_CHARS,
    iter_articles,
    read_article,
    read_text_article,
)

__all__ = [
    "ARTICLE_SUFFIXES",
    "MAX_ARTICLE_CHARS",
    "MAX_FILE_BYTES",
    "SourceError",
    "iter_articles",
    "read_article",
    "read_text_article",
]

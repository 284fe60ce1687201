"""Files, folders, stdin -> article text and metadata (never modifies an input)."""

from explorer.sources.errors import SourceError
from explorer.sources.reader import iter_articles, read_article, read_text_article

__all__ = ["SourceError", "iter_articles", "read_article", "read_text_article"]

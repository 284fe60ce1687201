"""Article Explorer: read news articles with their speakers, quotes, places and figures laid bare."""

__version__ = "0.1.0"

"""HTML pages: the article body extracted offline by trafilatura, boilerplate dropped.

``text`` is the extracted text with one blank line between blocks
(paragraphs, headings, list items); a first block that repeats the title is
dropped because the title is metadata. Offsets refer to this text. Title,
date, author and site name come from trafilatura's metadata.
"""

from __future__ import annotations

import logging
from html.parser import HTMLParser

from explorer.model import Article
from explorer.sources.dates import normalise_date
from explorer.sources.errors import SourceError
from explorer.sources.paragraphs import split_paragraphs

MAX_HTML_DEPTH = 255
"""libxml2 (under lxml, under trafilatura) drops elements nested deeper than this."""
_VOID = frozenset(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"])


class _DepthMeter(HTMLParser):
    """The deepest element nesting of a page; Python's parser is iterative, so any depth is fine."""

    def __init__(self) -> None:
        super().__init__()
        self.depth = self.deepest = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(self.depth - 1, 0)


def _no_text_reason(markup: str) -> str:
    """Why no text came out: usually boilerplate only, sometimes nesting past the parser's limit."""
    meter = _DepthMeter()
    meter.feed(markup)
    meter.close()
    if meter.deepest > MAX_HTML_DEPTH:
        return (f"HTML nested {meter.deepest} levels deep; text below level {MAX_HTML_DEPTH} "
                "cannot be read, and no article text was found above it")
    return "no article text found in the HTML page"


def read_html(markup: str, path: str) -> Article:
    # Imported here: trafilatura takes longer to import than the rest of the
    # explorer's sources together, and most runs read no HTML.
    import trafilatura

    # trafilatura logs every page it finds too short; our SourceError says it once.
    logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
    page = trafilatura.bare_extraction(
        markup,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        include_links=False,
    )
    if page is None:
        raise SourceError(path, _no_text_reason(markup))
    title = (page.title or "").strip() or None
    blocks = [block for block in map(str.strip, (page.text or "").splitlines()) if block]
    if blocks and title and " ".join(blocks[0].split()) == " ".join(title.split()):
        blocks.pop(0)
    if not blocks:
        raise SourceError(path, _no_text_reason(markup))
    text = "\n\n".join(blocks)
    return Article(
        text=text,
        path=path,
        title=title,
        date=normalise_date(page.date),
        source=(page.sitename or "").strip() or None,
        byline=(page.author or "").strip() or None,
        url=(page.url or "").strip() or None,
        paragraphs=split_paragraphs(text),
    )

"""HTML pages: the article body extracted offline by trafilatura, boilerplate dropped.

``text`` is the extracted text with one blank line between blocks
(paragraphs, headings, list items); a first block that repeats the title is
dropped because the title is metadata. Offsets refer to this text. Title,
date, author and site name come from trafilatura's metadata.
"""

from __future__ import annotations

import logging

from explorer.model import Article
from explorer.sources.dates import normalise_date
from explorer.sources.errors import SourceError
from explorer.sources.paragraphs import split_paragraphs


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
        raise SourceError(path, "no article text found in the HTML page")
    title = (page.title or "").strip() or None
    blocks = [block for block in map(str.strip, (page.text or "").splitlines()) if block]
    if blocks and title and " ".join(blocks[0].split()) == " ".join(title.split()):
        blocks.pop(0)
    if not blocks:
        raise SourceError(path, "no article text found in the HTML page")
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

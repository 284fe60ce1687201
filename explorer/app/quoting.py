"""A quote as the article words it: the verbatim text of its parts, and a citation to copy.

Built from the quote's ``parts`` and the article text, never from ``Quote.text``,
so what the user reads or copies is what the article says, whatever the
analysis wrote into ``text``.
"""

from __future__ import annotations

from explorer.model import LOW_CONFIDENCE, PART_SEPARATOR, ParsedDocument, Quote, Speaker
from explorer.safe_text import visible

UNSURE_MARK = "?"
"""The glyph in front of an unsure speaker's name; the panel and the help explain it."""

QUOTE_KIND_WORDS = {"direct": "direct", "indirect": "reported", "mixed": "partly quoted"}
"""How quote kinds read to a user: reported speech, and reported speech with quoted words."""


def kind_word(kind: str) -> str:
    """A kind as words: ``indirect`` reads "reported", ``body_of_water`` "body of water"."""
    return QUOTE_KIND_WORDS.get(kind, kind.replace("_", " "))


def is_unsure(quote: Quote) -> bool:
    """The analysis estimated its speaker and is not sure of it."""
    return quote.confidence is not None and quote.confidence < LOW_CONFIDENCE


def quote_words(doc: ParsedDocument, quote: Quote) -> str:
    """The article's own words of the quote, parts joined by " … ", safe for a terminal.

    Inside a part nothing changes but line breaks, which become spaces: a quote
    copied from two paragraphs pastes as one line.
    """
    text = doc.text
    parts = [" ".join(text[part.start : part.end].split()) for part in quote.parts]
    return visible(PART_SEPARATOR.join(part for part in parts if part))


def speaker_line(doc: ParsedDocument, quote: Quote) -> str:
    """Who said it, as a citation names them: name, role, who they speak for."""
    speaker = doc.item(quote.speaker_id) if quote.speaker_id else None
    if not isinstance(speaker, Speaker):
        return "unattributed"
    words = [" ".join(speaker.name.split())]
    if speaker.role:
        words.append(" ".join(speaker.role.split()))
    if speaker.represents:
        words.append(f"for {' '.join(speaker.represents.split())}")
    return visible(", ".join(words))


def citation(doc: ParsedDocument, quote: Quote) -> str:
    """The quote, who said it, and where: three lines to paste into notes.

    Only direct words get quotation marks; reported speech is labelled, not
    dressed up as a direct quote.
    """
    from explorer.titles import article_title

    words = quote_words(doc, quote)
    said = f"“{words}”" if quote.kind == "direct" else f"{words} ({kind_word(quote.kind)} speech)"
    source = [article_title(doc.article)]
    source += [part for part in (doc.article.source, doc.article.date) if part]
    if is_unsure(quote):
        said += " [speaker unsure]"
    return "\n".join((said, f"— {speaker_line(doc, quote)}",
                      visible(" · ".join(" ".join(part.split()) for part in source))))

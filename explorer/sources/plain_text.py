"""Plain-text articles: the text is the file exactly; a header at the top is metadata.

Recognised headers, only at the very top and only as one block:

- our samples' convention, `` date YYYY-MM-DD `` (leading space) followed by
  the first paragraph on the same line; ``body_start`` is just past the
  space after the date;
- ``Title:``, ``Headline:``, ``Date:``/``Published:``, ``Source:``,
  ``URL:``, ``Author:``/``Byline:`` lines (date normalised to YYYY-MM-DD
  when readable, else ``None``);
- a ``By Firstname Lastname`` byline line (optionally ``, Role``).

Blank lines after the block are skipped too, so ``body_start`` is the start
of the first body line. The date convention may follow the block.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.model import Article
from explorer.sources.dates import normalise_date
from explorer.sources.paragraphs import LINE_BREAK, skip_blank_lines, split_paragraphs

_DATE_CONVENTION = re.compile(r" date (\d{4}-\d{2}-\d{2})(?: |(?=\r|\n|$))")
_LINE = re.compile(rf"[^\r\n]*(?:{LINE_BREAK}|$)")
_FIELD = re.compile(
    r"(title|headline|date|published|source|publication|url|link|author|byline)"
    r"[ \t]*:[ \t]*(\S.{0,300}?)[ \t]*",
    re.IGNORECASE,
)
_FIELD_NAMES = {
    "title": "title",
    "headline": "title",
    "date": "date",
    "published": "date",
    "source": "source",
    "publication": "source",
    "url": "url",
    "link": "url",
    "author": "byline",
    "byline": "byline",
}
_BYLINE = re.compile(r"(?:By|BY)[ \t]+(\S.{0,150}?)[ \t]*")
_NAME_JOINERS = {
    "and", "&", "de", "van", "von", "der", "den", "da", "di", "la", "le", "du", "bin", "al"
}
_ROLE_JOINERS = {"and", "&", "of", "in", "for", "the", "at", "on"}
_MAX_HEADER_LINES = 12


@dataclass(frozen=True, slots=True)
class Header:
    """What a plain-text header says, and where the body begins."""

    body_start: int = 0
    title: str | None = None
    date: str | None = None
    source: str | None = None
    byline: str | None = None
    url: str | None = None


def read_plain_text(text: str, path: str | None = None) -> Article:
    """An article whose text is ``text`` exactly, with its header as metadata."""
    header = parse_header(text)
    return Article(
        text=text,
        path=path,
        title=header.title,
        date=header.date,
        source=header.source,
        byline=header.byline,
        url=header.url,
        body_start=header.body_start,
        paragraphs=split_paragraphs(text, header.body_start),
    )


def parse_header(text: str) -> Header:
    """The header block at the top of ``text`` (empty when there is none)."""
    fields: dict[str, str | None] = {}
    body_start = 0
    position = 0
    for _ in range(_MAX_HEADER_LINES):
        convention = _DATE_CONVENTION.match(text, position)
        if convention:
            fields.setdefault("date", normalise_date(convention[1]))
            return Header(body_start=convention.end(), **fields)
        line = _LINE.match(text, position)
        if line is None or line.end() == position:
            break
        content = line.group().rstrip("\r\n")
        if not content.strip():
            position = line.end()
            continue
        name_value = _header_field(content)
        if name_value is None:
            break
        name, value = name_value
        fields.setdefault(name, value)
        position = body_start = line.end()
    if body_start:
        body_start = skip_blank_lines(text, body_start)
    return Header(body_start=body_start, **fields)


def _header_field(line: str) -> tuple[str, str | None] | None:
    field = _FIELD.fullmatch(line)
    if field:
        name = _FIELD_NAMES[field[1].lower()]
        value = field[2]
        if name == "date":
            return name, normalise_date(value)
        if name == "url" and any(char.isspace() for char in value):
            return None
        return name, value
    byline = _BYLINE.fullmatch(line)
    if byline and _looks_like_byline(byline[1]):
        return "byline", byline[1]
    return None


def _looks_like_byline(value: str) -> bool:
    """``Jane Roe``, ``Jane Roe and Sam Lee``, ``Jane Roe, Home Affairs Editor``."""
    names, _, role = value.partition(",")
    name_words = names.split()
    if not 1 <= len(name_words) <= 8 or value.rstrip().endswith(tuple('!?:;"”')):
        return False
    if not all(_capitalised(word) or word in _NAME_JOINERS for word in name_words):
        return False
    if not _capitalised(name_words[0]) or not _capitalised(name_words[-1]):
        return False
    if value.endswith(".") and not re.search(r"\b[A-Z][a-z]?\.$", value):
        return False
    role_words = role.split()
    return len(role_words) <= 8 and all(
        _capitalised(word) or word in _ROLE_JOINERS for word in role_words
    )


def _capitalised(word: str) -> bool:
    return word[0].isupper() and all(char.isalpha() or char in "'’.-" for char in word)


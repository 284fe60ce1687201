"""RSS and Atom feeds (parsed by feedparser) and OPML subscription lists -> feed entries.

A feed is read from bytes we fetched or read ourselves, never handed to
feedparser as a URL or a path: feedparser would otherwise fetch it without
our limits. Entry links that are not http(s) are dropped, so opening an
entry can never run a ``javascript:`` or ``file:`` link.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import io
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from explorer.sources.errors import SourceError
from explorer.sources.web import WEB_SCHEMES

_TAGS = re.compile(r"<[^>]*>")
SUMMARY_CHARS = 2000


@dataclass(frozen=True, slots=True)
class FeedEntry:
    """One item of a feed, as a list of entries shows it."""

    id: str
    """The entry's guid/id, else its link, else a hash of title and date: stable across fetches."""
    title: str
    link: str | None
    date: str | None
    """``YYYY-MM-DD`` from the published (else updated) date."""
    source: str
    """The feed's title."""
    summary: str
    """The entry's summary as plain text (tags dropped), at most 2,000 characters."""


@dataclass(frozen=True, slots=True)
class Feed:
    location: str
    title: str
    entries: tuple[FeedEntry, ...]


@dataclass(frozen=True, slots=True)
class Subscription:
    """A feed in the user's list: its URL and, when known, a title."""

    url: str
    title: str | None = None


def parse_feed(raw: bytes, location: str) -> Feed:
    """The feed in ``raw``; ``SourceError`` when it is not an RSS or Atom feed."""
    import feedparser  # imported here: only feed commands pay for it

    parsed = feedparser.parse(io.BytesIO(raw), sanitize_html=True, resolve_relative_uris=False)
    if not parsed.get("version") and not parsed.entries:
        problem = parsed.get("bozo_exception")
        detail = f" ({_one_line(str(problem))})" if problem else ""
        raise SourceError(location, f"not an RSS or Atom feed{detail}")
    title = _one_line(parsed.feed.get("title", "")) or _host(location) or location
    base = parsed.feed.get("link") or location
    entries = tuple(_entry(item, title, base) for item in parsed.entries)
    return Feed(location=location, title=title, entries=entries)


def _entry(item, source: str, base: str) -> FeedEntry:
    title = _one_line(item.get("title", "")) or "untitled"
    link = web_link(item.get("link"), base)
    when = item.get("published_parsed") or item.get("updated_parsed")
    date = None
    if when:
        try:
            date = _date_of(calendar.timegm(when))
        except (OverflowError, ValueError, TypeError):
            date = None
    summary = _one_line(html.unescape(_TAGS.sub(" ", item.get("summary", ""))))[:SUMMARY_CHARS]
    entry_id = item.get("id") or link
    if not entry_id:
        entry_id = hashlib.sha256(f"{title}\n{date}".encode("utf-8", "replace")).hexdigest()[:32]
    return FeedEntry(id=str(entry_id), title=title, link=link, date=date, source=source,
                     summary=summary)


def _date_of(timestamp: int) -> str:
    import datetime as dt

    return dt.datetime.fromtimestamp(timestamp, dt.timezone.utc).date().isoformat()


def web_link(value: object, base: str) -> str | None:
    """An absolute http(s) link, or None for anything else (``javascript:``, ``file:``…)."""
    if not isinstance(value, str) or not value.strip():
        return None
    link = urljoin(base, value.strip()) if urlsplit(base).scheme in WEB_SCHEMES else value.strip()
    parts = urlsplit(link)
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    if any(char.isspace() or ord(char) < 0x20 for char in link):
        return None
    return link


def read_opml(raw: bytes, location: str) -> list[Subscription]:
    """The feeds an OPML file lists (``<outline xmlUrl=…>``, nested folders included)."""
    try:
        root = ElementTree.fromstring(raw)
    except ElementTree.ParseError as exc:
        raise SourceError(location, f"not valid OPML ({_one_line(str(exc))})") from None
    if root.tag.lower() != "opml":
        raise SourceError(location, f"not an OPML file (its root element is <{_one_line(root.tag)[:40]}>)")
    found: list[Subscription] = []
    for outline in root.iter("outline"):
        url = web_link(outline.get("xmlUrl") or outline.get("xmlurl"), "")
        if url is None:
            continue
        title = _one_line(outline.get("title") or outline.get("text") or "") or None
        found.append(Subscription(url, title))
    return found


def _host(location: str) -> str:
    return urlsplit(location).hostname or ""


def _one_line(text: str) -> str:
    return " ".join(str(text).split())

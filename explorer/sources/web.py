"""Web pages: fetch one URL within fixed limits, then read it as an HTML article.

Fetching uses the standard library (``urllib.request``): one page at a time
needs no connection pool, and each limit is a few lines here rather than a
new dependency. Limits (see ``FetchLimits``): ``http``/``https`` only, at
every redirect too; at most 5 redirects; 20 s for the whole fetch (also the
socket timeout); 10 MB of body, counted as it arrives and after
decompression. Every failure is a ``FetchError`` with a one-line reason.
"""

from __future__ import annotations

import codecs
import dataclasses
import http.client
import socket
import ssl
import time
import urllib.error
import urllib.request
import zlib
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit, urlunsplit

from explorer import __version__
from explorer.model import Article
from explorer.sources.decoding import NotText, binary_kind, decode
from explorer.sources.errors import SourceError
from explorer.sources.html import read_html

USER_AGENT = f"article-explorer/{__version__} (terminal news reader; fetches one page when asked)"
WEB_SCHEMES = ("http", "https")
HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECT_CODES = (301, 302, 303, 307, 308)
READ_CHUNK = 65536
_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
"""A byte-order mark outranks a declared charset, as in browsers (UTF-32's starts like UTF-16's)."""


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """What one fetch may cost; the defaults are the explorer's."""

    timeout_s: float = 20.0
    """For the whole fetch, redirects included; also each socket operation's timeout."""
    max_bytes: int = 10 * 1024 * 1024
    """Body size after decompression; a news page is well under 2 MB."""
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Page:
    """One fetched response: what was asked, where it ended, and the body's bytes."""

    url: str
    final_url: str
    content_type: str
    """The media type alone, lower case (``text/html``); empty when the server sent none."""
    charset: str | None
    body: bytes
    fetched_at: float
    """Seconds since the epoch (UTC) when the response arrived."""
    etag: str | None = None
    last_modified: str | None = None
    """The server's validators, sent back on a refresh so an unchanged page costs no body."""


class FetchError(SourceError):
    """A URL that could not be fetched or read; ``reason`` is one line."""


def check_address(url: str) -> None:
    """Refuse what is not an absolute http(s) URL, before any connection."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in WEB_SCHEMES:
        raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme or 'this'}")
    if not parts.hostname:
        raise FetchError(url, "not a valid URL (no host name)")
    if any(char.isspace() or ord(char) < 0x20 for char in url):
        raise FetchError(url, "not a valid URL (contains spaces or control characters)")


def ascii_address(url: str) -> str:
    """The URL as HTTP sends it: an international host name in IDNA, other text percent-encoded.

    Feeds and pages link to ``https://example.org/café``; ``urllib`` would
    refuse the non-ASCII characters instead of encoding them.
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        raise FetchError(url, "not a valid URL (bad host name)") from None
    if ":" in host:
        host = f"[{host}]"  # an IPv6 address
    userinfo = parts.netloc.rpartition("@")[0]
    netloc = (f"{quote(userinfo, safe=':%')}@" if userinfo else "") + host
    try:
        port = parts.port
    except ValueError:
        raise FetchError(url, "not a valid URL (bad port number)") from None
    if port is not None:
        netloc += f":{port}"
    return urlunsplit((parts.scheme, netloc, quote(parts.path, safe="/%:@!$&'()*+,;=-._~"),
                       quote(parts.query, safe="=&%+/?:@!$'()*,;-._~"), ""))


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """Redirects come back as responses, so ``fetch`` checks and counts each hop itself."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener() -> urllib.request.OpenerDirector:
    return urllib.request.build_opener(_NoRedirects())


def fetch(url: str, limits: FetchLimits = FetchLimits(), *, stored: Page | None = None) -> Page:
    """The response at ``url`` after at most ``limits.max_redirects`` redirects.

    With the ``stored`` copy of the page, asks only for a newer one (``If-None-Match``,
    ``If-Modified-Since``); "not modified" gives the stored page, fetched now.
    """
    check_address(url)
    validators = {}
    if stored is not None and stored.etag:
        validators["If-None-Match"] = stored.etag
    if stored is not None and stored.last_modified:
        validators["If-Modified-Since"] = stored.last_modified
    deadline = time.monotonic() + limits.timeout_s
    opener = _opener()
    current = url
    for _ in range(limits.max_redirects + 1):
        request = urllib.request.Request(ascii_address(current), headers={
            "User-Agent": USER_AGENT,
            "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                      "application/atom+xml,application/xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
            **validators,
        })
        try:
            response = opener.open(request, timeout=_remaining(url, deadline, limits))
        except urllib.error.HTTPError as exc:
            location = exc.headers.get("Location") if exc.headers else None
            exc.close()
            if exc.code == 304 and stored is not None:
                return dataclasses.replace(stored, fetched_at=time.time())
            if exc.code in REDIRECT_CODES and location:
                current = urljoin(current, location.strip())
                check_redirect(url, current)
                continue
            raise FetchError(url, f"HTTP {exc.code} {_reason(exc.reason)}".rstrip()) from None
        except (urllib.error.URLError, OSError, http.client.HTTPException, ValueError) as exc:
            raise FetchError(url, network_reason(exc, limits)) from None
        with response:
            body = _read_body(url, response, deadline, limits)
            headers = response.headers
            return Page(
                url=url,
                final_url=response.geturl() or current,
                content_type=headers.get_content_type() if headers.get("Content-Type") else "",
                charset=headers.get_content_charset(),
                body=body,
                fetched_at=time.time(),
                etag=_header(headers.get("ETag")),
                last_modified=_header(headers.get("Last-Modified")),
            )
    raise FetchError(url, f"more than {limits.max_redirects} redirects")


def _header(value: str | None) -> str | None:
    """A validator fit to send back: one line, no control characters, not absurdly long."""
    if not value or len(value) > 200 or any(ord(char) < 0x20 or ord(char) == 0x7F for char in value):
        return None
    return value.strip() or None


def check_redirect(url: str, target: str) -> None:
    scheme = urlsplit(target).scheme.lower()
    if scheme not in WEB_SCHEMES:
        raise FetchError(url, f"redirected to a {scheme or 'relative'} URL; only http and https are followed")


def _remaining(url: str, deadline: float, limits: FetchLimits) -> float:
    left = deadline - time.monotonic()
    if left <= 0:
        raise FetchError(url, f"timed out after {limits.timeout_s:g} s")
    return left


def _read_body(url: str, response, deadline: float, limits: FetchLimits) -> bytes:
    """The body, decompressed, refusing it as soon as it passes the size or time limit."""
    too_big = f"larger than {limits.max_bytes // (1024 * 1024)} MB, too big to read as an article"
    declared = response.headers.get("Content-Length", "")
    if declared.strip().isdigit() and int(declared) > limits.max_bytes:
        raise FetchError(url, too_big)
    encoding = (response.headers.get("Content-Encoding") or "identity").strip().lower()
    if encoding not in ("identity", "gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"the server sent an unsupported content encoding ({encoding})")
    # wbits | 32 reads gzip and zlib-wrapped deflate both, as servers label deflate either way.
    inflate = None if encoding == "identity" else zlib.decompressobj(zlib.MAX_WBITS | 32)
    parts: list[bytes] = []
    size = 0
    try:
        while True:
            _remaining(url, deadline, limits)
            chunk = response.read1(READ_CHUNK)  # read1: one receive, so the deadline is checked
            if not chunk:
                break
            if inflate is not None:
                # Never inflate more than the limit allows: a small gzip can hold gigabytes.
                chunk = inflate.decompress(chunk, limits.max_bytes + 1 - size)
                if inflate.unconsumed_tail:
                    raise FetchError(url, too_big)
            size += len(chunk)
            if size > limits.max_bytes:
                raise FetchError(url, too_big)
            parts.append(chunk)
    except zlib.error:
        raise FetchError(url, f"the server sent a broken {encoding} body") from None
    except (OSError, http.client.HTTPException) as exc:
        raise FetchError(url, network_reason(exc, limits)) from None
    return b"".join(parts)


def _reason(reason: object) -> str:
    return " ".join(str(reason or "").split())[:100]


def network_reason(exc: BaseException, limits: FetchLimits) -> str:
    """A short, lower-case reason for a failed connection or read."""
    reason = exc.reason if isinstance(exc, urllib.error.URLError) else exc
    if isinstance(reason, (socket.timeout, TimeoutError)):
        return f"timed out after {limits.timeout_s:g} s"
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (name lookup failed; offline?)"
    if isinstance(reason, ConnectionRefusedError):
        return "connection refused"
    if isinstance(reason, ConnectionResetError):
        return "the server closed the connection"
    if isinstance(reason, ssl.SSLCertVerificationError):
        return f"TLS certificate not trusted ({_reason(reason.verify_message)})"
    if isinstance(reason, ssl.SSLError):
        return f"TLS error ({_reason(reason.reason or reason)})"
    if isinstance(reason, http.client.IncompleteRead):
        return "the server closed the connection before the page was complete"
    if isinstance(reason, http.client.HTTPException):
        return f"not a valid HTTP response ({type(reason).__name__})"
    if isinstance(reason, ValueError):
        return f"not a valid URL ({_reason(reason)})"
    if isinstance(reason, OSError) and reason.strerror:
        return reason.strerror.lower()
    return _reason(reason) or type(reason).__name__


def looks_like_html(body: bytes) -> bool:
    head = body[:1024].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<!--"))


def page_text(page: Page) -> str:
    """The body as text: a byte-order mark first, then the charset the server declared, else
    our own decoding rules; binary content is refused whatever the server calls it."""
    kind = binary_kind(page.body)
    if kind:
        raise FetchError(page.url, f"binary content ({kind}), not an HTML page")
    if page.charset and not page.body.startswith(_BOMS):
        try:
            text = page.body.decode(page.charset, errors="replace")
        except LookupError:
            text = None  # an unknown charset name: decode as if none was given
        if text is not None:
            if "\x00" in text:
                raise FetchError(page.url, "binary content (contains NUL bytes), not an HTML page")
            return text
    try:
        return decode(page.body)
    except NotText as exc:
        raise FetchError(page.url, str(exc)) from None


def page_article(page: Page) -> Article:
    """The article in a fetched HTML page; ``path`` is the URL asked for."""
    if page.content_type and page.content_type not in HTML_TYPES:
        raise FetchError(page.url, f"not an HTML page (the server says {_reason(page.content_type)})")
    if not page.content_type and not looks_like_html(page.body):
        raise FetchError(page.url, "not an HTML page (no content type, and it does not look like HTML)")
    if not page.body.strip():
        raise FetchError(page.url, "empty page, no article text")
    try:
        article = read_html(page_text(page), page.url)
    except RecursionError:
        raise FetchError(page.url, "the page's HTML is nested too deeply to read") from None
    except SourceError as exc:
        raise FetchError(page.url, exc.reason) from None
    return dataclasses.replace(article, url=article.url or page.final_url)


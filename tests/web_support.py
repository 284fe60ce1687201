"""A local web server for the fetch, feed and app tests: 127.0.0.1 only, routes set per test.

No tests here. Nothing in the suite reaches the internet: every URL the tests
fetch is on this server.
"""

from __future__ import annotations

import gzip
import threading
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@dataclass
class Reply:
    """What a route answers: status, headers, body; ``drip`` sends the body a byte a ``drip`` s."""

    body: bytes = b""
    status: int = 200
    headers: dict[str, str] = field(default_factory=lambda: {"Content-Type": "text/html; charset=utf-8"})
    delay: float = 0.0
    drip: float = 0.0
    length: bool = True
    """Send a Content-Length header (else the body ends when the connection closes)."""


Route = Reply | Callable[[BaseHTTPRequestHandler], Reply]


class LocalWeb:
    """Routes by path; ``hits`` counts requests per path, ``agents`` the User-Agents seen."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.hits: Counter[str] = Counter()
        self.agents: list[str] = []
        web = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                path = self.path
                web.hits[path] += 1
                web.agents.append(self.headers.get("User-Agent", ""))
                route = web.routes.get(path)
                if route is None:
                    reply = Reply(b"<html><body>gone</body></html>", status=404)
                else:
                    reply = route(self) if callable(route) else route
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    for name, value in reply.headers.items():
                        self.send_header(name, value)
                    if reply.length:
                        self.send_header("Content-Length", str(len(reply.body)))
                    else:
                        self.send_header("Connection", "close")
                        self.close_connection = True
                    self.end_headers()
                    if reply.drip:
                        for byte in reply.body:
                            self.wfile.write(bytes([byte]))
                            self.wfile.flush()
                            time.sleep(reply.drip)
                    else:
                        self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up, as it should on a hostile page

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}{path}"

    def start(self) -> LocalWeb:
        self.thread.start()
        return self

    def stop(self) -> None:
        """Stop serving (a test may stop it early to see a refused connection)."""
        if not self.thread.is_alive():
            return
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(5)


@pytest.fixture
def web(monkeypatch, tmp_path):
    """A running local server; the page store and config folder in ``tmp_path``."""
    for name in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    server = LocalWeb().start()
    yield server
    server.stop()


def article_page(title: str, paragraphs: list[str], *, date: str = "2025-05-06") -> bytes:
    """An HTML news page of our own words, with the boilerplate trafilatura drops."""
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return (f"<!doctype html><html><head><title>{title}</title>"
            f'<meta property="article:published_time" content="{date}">'
            f'<meta property="og:site_name" content="Valley Courier"></head><body>'
            f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
            f"<article><h1>{title}</h1>{body}</article>"
            f"<footer>Valley Courier, all rights reserved</footer></body></html>").encode("utf-8")


STORY = [
    "The valley's only cinema will close at the end of the month after forty years.",
    "“We kept it going as long as the audiences came,” said the owner, Ivo Brand.",
    "The building has been sold to a developer who plans twelve flats on the site.",
    "Regulars have started a petition asking the council to list the cinema's facade.",
]


def gzipped(raw: bytes) -> bytes:
    return gzip.compress(raw)

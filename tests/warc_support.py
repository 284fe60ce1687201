"""Writing small web archives for the tests, by hand: WARC/1.0 records, gzipped one by one.

No tests here. Written without a WARC library, so the tests check our reader
against the format itself rather than against one library's writer.
"""

from __future__ import annotations

import gzip
from pathlib import Path


def http_response(payload: bytes, content_type: str = "text/html; charset=utf-8",
                  status: str = "200 OK") -> bytes:
    return (f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode("latin-1") + payload


def record(uri: str, block: bytes, *, kind: str = "response",
           date: str = "2025-06-01T08:30:00Z") -> bytes:
    content_type = f"application/http; msgtype={kind}" if kind in ("request", "response") else "text/plain"
    headers = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: {date}\r\n"
               f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri, date))):032x}>\r\n"
               f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return headers.encode("utf-8") + block + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes]) -> Path:
    """``.warc.gz``: one gzip member per record, as crawlers write them; else uncompressed."""
    if path.name.endswith(".gz"):
        path.write_bytes(b"".join(gzip.compress(one) for one in records))
    else:
        path.write_bytes(b"".join(records))
    return path

"""Which WARC reader: warcio or fastwarc, in records per second, and what extraction costs.

    pip install -e ".[warc-bench]" && python bench/warc_read.py [--records 3000] [--repeat 3]

Writes a synthetic crawl (HTML article pages, with request records and CSS
responses between them, as crawlers write) as ``.warc.gz`` and ``.warc``,
then for each library times one pass that does what ``explorer`` needs of a
record: its type, target URI, date, HTTP status and content type, and the
payload bytes of HTML responses. Then times ``explorer.sources.warc`` end to
end (reading and article extraction with trafilatura) on the same archive.
The best of ``--repeat`` runs is reported, since the machine is shared.
"""

from __future__ import annotations

import argparse
import gzip
import sys
import tempfile
import time
from pathlib import Path

from bench_common import ROOT, conditions

sys.path.insert(0, str(ROOT))

PARAGRAPHS = (
    "The harbour board met on Tuesday to decide the future of the old ferry pier.",
    "“We cannot keep patching a structure this old,” said the board's chair, Nell Farrow.",
    "Repairs would cost £4.2m over five years, according to an engineers' report.",
    "Fishing crews said the pier was the only safe berth in a northerly gale.",
    "A decision on the funding is expected before the end of the financial year.",
)


def page(number: int) -> bytes:
    body = "".join(f"<p>{text} (Item {number}.{i})</p>" for i, text in enumerate(PARAGRAPHS * 3))
    return (f"<!doctype html><html><head><title>Pier report {number}</title>"
            f"<meta name='date' content='2025-03-{number % 28 + 1:02d}'></head><body>"
            f"<nav><a href='/'>Home</a></nav><article><h1>Pier report {number}</h1>{body}"
            f"</article><footer>Local news</footer></body></html>").encode("utf-8")


def record(kind: str, uri: str, block: bytes, content_type: str) -> bytes:
    headers = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\n"
               f"WARC-Date: 2025-03-04T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{abs(hash((kind, uri)))}>\r\n"
               f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return headers.encode("utf-8") + block + b"\r\n\r\n"


def http_response(payload: bytes, content_type: str) -> bytes:
    return (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\n"
            f"Content-Length: {len(payload)}\r\n\r\n").encode("latin-1") + payload


def write_crawl(folder: Path, pages: int) -> tuple[Path, Path]:
    """The same crawl gzipped per record (as crawls are published) and uncompressed."""
    records = []
    for number in range(pages):
        uri = f"https://news.example/{number}"
        request = f"GET /{number} HTTP/1.1\r\nHost: news.example\r\n\r\n".encode()
        records.append(record("request", uri, request, "application/http; msgtype=request"))
        records.append(record("response", uri, http_response(page(number), "text/html; charset=utf-8"),
                              "application/http; msgtype=response"))
        if number % 4 == 0:
            css = http_response(b"body{margin:0}" * 20, "text/css")
            records.append(record("response", f"{uri}.css", css, "application/http; msgtype=response"))
    plain, packed = folder / "crawl.warc", folder / "crawl.warc.gz"
    plain.write_bytes(b"".join(records))
    with packed.open("wb") as out:
        for one in records:
            out.write(gzip.compress(one, compresslevel=6))
    return packed, plain


def read_warcio(path: Path) -> tuple[int, int]:
    from warcio.archiveiterator import ArchiveIterator

    records = html = 0
    with path.open("rb") as stream:
        for item in ArchiveIterator(stream):
            records += 1
            if item.rec_type != "response" or item.http_headers is None:
                continue
            item.rec_headers.get_header("WARC-Target-URI")
            item.rec_headers.get_header("WARC-Date")
            item.http_headers.get_statuscode()
            if "html" in (item.http_headers.get_header("Content-Type") or ""):
                html += len(item.content_stream().read()) > 0
    return records, html


def read_fastwarc(path: Path) -> tuple[int, int]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    records = html = 0
    with path.open("rb") as stream:
        for item in ArchiveIterator(stream, parse_http=True, fsspec_args=False):
            records += 1
            if item.record_type != WarcRecordType.response or not item.is_http:
                continue
            item.headers.get("WARC-Target-URI")
            item.record_date
            item.http_headers.status_code
            if "html" in (item.http_content_type or ""):
                html += len(item.reader.read()) > 0
    return records, html


def best(function, path: Path, repeat: int) -> tuple[float, tuple[int, int]]:
    times, result = [], (0, 0)
    for _ in range(repeat):
        start = time.perf_counter()
        result = function(path)
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=3000, help="article pages in the crawl")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(conditions())
    with tempfile.TemporaryDirectory() as folder:
        packed, plain = write_crawl(Path(folder), args.records)
        print(f"crawl: {args.records} HTML pages; {packed.stat().st_size / 1e6:.1f} MB gzipped, "
              f"{plain.stat().st_size / 1e6:.1f} MB plain")
        for path in (packed, plain):
            for name, function in (("warcio", read_warcio), ("fastwarc", read_fastwarc)):
                seconds, (records, html) = best(function, path, args.repeat)
                print(f"{name:9} {path.name:14} {records / seconds:9,.0f} records/s "
                      f"({records} records, {html} HTML, {seconds:.2f} s)")
        from explorer.sources.warc import iter_warc_articles

        sample_folder = Path(folder) / "sample"
        sample_folder.mkdir()
        sample, _ = write_crawl(sample_folder, min(args.records, 300))
        start = time.perf_counter()
        articles = sum(1 for item in iter_warc_articles(str(sample)) if not isinstance(item, Exception))
        seconds = time.perf_counter() - start
        print(f"explorer.sources.warc, reading + trafilatura extraction: "
              f"{articles / seconds:,.0f} articles/s ({articles} articles, {seconds:.2f} s)")


if __name__ == "__main__":
    main()

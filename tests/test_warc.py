"""Web archives: every HTML response record an article, streamed, damaged archives one line."""

from __future__ import annotations

import io
import json

import pytest
from warc_support import http_response, record, write_warc
from web_support import STORY, article_page

from explorer.cli import main
from explorer.model import Article
from explorer.sources import SourceError
from explorer.sources import warc as warc_module
from explorer.sources.warc import iter_warc_articles

NO_DATE_STORY = [
    "Snow closed the mountain pass overnight and the ploughs will not reach it until noon.",
    "“Nobody should try the road before the afternoon,” a highways officer said.",
]


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))


def page_without_date(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{text}</p>" for text in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article>{body}</article></body></html>".encode()


def crawl_records() -> list[bytes]:
    """Two article pages among what a crawl also holds: requests, CSS, a redirect, a 404."""
    return [
        record("https://courier.example/cinema", b"GET /cinema HTTP/1.1\r\n\r\n", kind="request"),
        record("https://courier.example/cinema", http_response(article_page("Valley cinema to close", STORY))),
        record("https://courier.example/site.css", http_response(b"body{margin:0}", "text/css")),
        record("https://courier.example/old", http_response(b"<html>moved</html>", status="301 Moved")),
        record("https://courier.example/gone", http_response(b"<html><p>gone</p></html>", status="404 Not Found")),
        record("https://courier.example/pass", http_response(page_without_date("Pass closed", NO_DATE_STORY)),
               date="2025-01-09T06:00:00Z"),
    ]


@pytest.mark.parametrize("name", ["crawl.warc.gz", "crawl.warc"])
def test_every_html_response_becomes_an_article(tmp_path, name):
    archive = write_warc(tmp_path / name, crawl_records())
    found = list(iter_warc_articles(str(archive)))
    assert all(isinstance(item, Article) for item in found)
    assert [(a.url, a.path, a.title, a.date) for a in found] == [
        ("https://courier.example/cinema", "https://courier.example/cinema", "Valley cinema to close",
         "2025-05-06"),  # the page states its date
        ("https://courier.example/pass", "https://courier.example/pass", "Pass closed",
         "2025-01-09"),  # it does not: the record's WARC-Date
    ]
    assert "forty years" in found[0].text


def test_analyze_an_archive_to_json_lines(tmp_path, capsys):
    archive = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    assert main(["analyze", str(archive), "--jsonl"]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["article"]["url"] for line in lines] == [
        "https://courier.example/cinema", "https://courier.example/pass"]


def test_index_an_archive(tmp_path, capsys):
    archive = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    assert main(["index", str(archive), "--json"]) == 0
    index = json.loads(capsys.readouterr().out)
    assert [entry["path"] for entry in index["articles"]] == [
        "https://courier.example/cinema", "https://courier.example/pass"]


def test_a_page_without_article_text_is_one_line_and_the_rest_goes_on(tmp_path, capsys):
    records = crawl_records()
    records.insert(2, record("https://courier.example/blank",
                             http_response(b"<html><body><img src='a.png'></body></html>")))
    archive = write_warc(tmp_path / "crawl.warc.gz", records)
    assert main(["analyze", str(archive), "--jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 2
    assert captured.err.splitlines() == [
        "explorer: error: https://courier.example/blank: no article text found in the HTML page"]


def test_a_damaged_archive_keeps_what_was_read_and_says_so_once(tmp_path):
    archive = write_warc(tmp_path / "crawl.warc.gz", crawl_records()[:2])
    archive.write_bytes(archive.read_bytes() + b"\x1f\x8b\x08\x00garbage that is not gzip" * 4)
    found = list(iter_warc_articles(str(archive)))
    assert isinstance(found[0], Article) and found[0].title == "Valley cinema to close"
    assert all(isinstance(item, SourceError) for item in found[1:]) and len(found) <= 2


def test_a_file_that_is_not_an_archive_is_one_line(tmp_path, capsys):
    fake = tmp_path / "notes.warc"
    fake.write_text("These are my notes about the crawl, not a crawl.\n", encoding="utf-8")
    assert main(["analyze", str(fake)]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"explorer: error: {fake}: not a web archive (Invalid WARC header)"]


def test_a_missing_archive_is_one_line(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere.warc.gz")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"explorer: error: {tmp_path / 'nowhere.warc.gz'}: no such file or directory"]


def test_an_oversized_record_is_one_line(tmp_path, monkeypatch):
    monkeypatch.setattr(warc_module, "MAX_PAGE_BYTES", 2000)
    big = article_page("Long read", STORY * 20)
    archive = write_warc(tmp_path / "crawl.warc.gz", [record("https://courier.example/long", http_response(big))])
    [found] = iter_warc_articles(str(archive))
    assert isinstance(found, SourceError) and "too big to read" in found.reason


def test_records_are_read_as_a_stream(tmp_path, monkeypatch):
    """The first article comes before most of a large archive has been read from disk."""
    records = crawl_records() * 200  # about 400 article pages, ~1 MB gzipped
    archive = write_warc(tmp_path / "crawl.warc.gz", records)
    size = archive.stat().st_size
    opened: list[io.BufferedReader] = []
    real_open = open

    def tracking_open(path, mode="r", *args, **kwargs):
        stream = real_open(path, mode, *args, **kwargs)
        opened.append(stream)
        return stream

    monkeypatch.setattr(warc_module, "open", tracking_open, raising=False)
    articles = iter_warc_articles(str(archive))
    first = next(articles)
    assert isinstance(first, Article)
    assert opened[0].tell() < size / 4
    articles.close()


def test_an_archive_without_responses_says_so(tmp_path):
    archive = write_warc(tmp_path / "requests.warc.gz", [
        record("https://courier.example/cinema", b"GET /cinema HTTP/1.1\r\n\r\n", kind="request")])
    [found] = iter_warc_articles(str(archive))
    assert found.reason == "not a web archive (no WARC response records in it)"


def test_analyze_jsonl_reads_an_archive_a_group_at_a_time(tmp_path, capsys, monkeypatch):
    """Never every article of a crawl at once: groups of GROUP, printed as they are done."""
    from explorer.commands import archives
    from explorer.documents import DocumentService

    groups: list[int] = []
    analyse = DocumentService.analyze_many_json

    def spy(self, articles, **options):
        groups.append(len(articles))
        return analyse(self, articles, **options)

    monkeypatch.setattr(archives, "GROUP", 2)
    monkeypatch.setattr(DocumentService, "analyze_many_json", spy)
    pages = [record(f"https://courier.example/{n}", http_response(
        page_without_date(f"Story {n}", [f"Story {n}. {line}" for line in NO_DATE_STORY])))
        for n in range(5)]
    archive = write_warc(tmp_path / "crawl.warc.gz", pages)
    assert main(["analyze", str(archive), "--jsonl", "--jobs", "1"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["article"]["title"] for line in lines] == [f"Story {n}" for n in range(5)]
    assert groups == [2, 2, 1]


def test_a_streamed_archive_that_fails_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere.warc.gz"), "--jsonl"]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and "no such file" in captured.err


def five_stories() -> list[bytes]:
    return [record(f"https://courier.example/{n}", http_response(
        page_without_date(f"Story {n}", [f"Story {n}. {line}" for line in NO_DATE_STORY])))
        for n in range(5)]


def watch_the_stream(monkeypatch) -> list[tuple[int, int]]:
    """(articles in the group, records read so far) at each analysis: how far reading ran ahead."""
    from explorer.commands import archives
    from explorer.documents import DocumentService

    read = 0
    real = warc_module.iter_warc_articles

    def counted(path):
        nonlocal read
        for item in real(path):
            read += 1
            yield item

    calls: list[tuple[int, int]] = []
    analyse = DocumentService.analyze_many_json

    def spy(self, articles, **options):
        calls.append((len(articles), read))
        return analyse(self, articles, **options)

    monkeypatch.setattr(archives, "GROUP", 2)
    monkeypatch.setattr(warc_module, "iter_warc_articles", counted)
    monkeypatch.setattr(DocumentService, "analyze_many_json", spy)
    return calls


@pytest.mark.parametrize("command", [["index"], ["analyze"]])
def test_index_and_the_summary_read_an_archive_a_group_at_a_time(tmp_path, capsys, monkeypatch, command):
    """Bounded memory whatever the archive's size: a group is analysed (and written) before the
    next is read, so no more than GROUP articles are ever held."""
    calls = watch_the_stream(monkeypatch)
    archive = write_warc(tmp_path / "crawl.warc.gz", five_stories())
    assert main([*command, str(archive), "--jobs", "1"]) == 0
    assert calls == [(2, 2), (2, 4), (1, 5)]
    out = capsys.readouterr().out
    assert ("5 articles" in out) if command == ["index"] else all(f"Story {n}" in out for n in range(5))


def test_an_archive_indexed_again_analyses_nothing_and_keeps_its_articles(tmp_path, capsys, monkeypatch):
    archive = write_warc(tmp_path / "crawl.warc.gz", five_stories())
    assert main(["index", str(archive), "--jobs", "1"]) == 0
    capsys.readouterr()
    calls = watch_the_stream(monkeypatch)
    assert main(["index", str(archive), "--jobs", "1"]) == 0
    assert calls == [] and capsys.readouterr().out.startswith("5 articles")


def test_an_archive_has_its_own_index_not_the_one_of_the_folder_it_is_in(tmp_path, capsys, monkeypatch):
    """Indexing an archive must not drop the folder's articles from the folder's index."""
    from explorer.store.corpus import CorpusIndex

    (tmp_path / "note.txt").write_text("The council met on Tuesday to discuss the budget.\n", encoding="utf-8")
    archive = write_warc(tmp_path / "crawl.warc.gz", five_stories()[:1])
    assert main(["index", str(tmp_path), "--jobs", "1"]) == 0
    assert main(["index", str(archive), "--jobs", "1"]) == 0
    capsys.readouterr()
    added: list[int] = []
    add = CorpusIndex.add_documents
    monkeypatch.setattr(CorpusIndex, "add_documents", lambda self, docs: added.append(len(docs)) or add(self, docs))
    assert main(["index", str(tmp_path), "--jobs", "1", "--json"]) == 0
    assert added == []  # nothing to index again: the folder's index was left alone
    assert [a["path"] for a in json.loads(capsys.readouterr().out)["articles"]] == [
        str(tmp_path / "note.txt")]


@pytest.mark.parametrize("output", ["--jsonl", None])
def test_a_streamed_archive_carries_the_readers_corrections(tmp_path, capsys, output):
    """Like files, an archive's articles come out with the corrections made to them."""
    from explorer.documents import DocumentService
    from explorer.store import corrections as fixes
    from explorer.store.correction_files import CorrectionStore

    archive = write_warc(tmp_path / "crawl.warc.gz", crawl_records())
    article = next(iter_warc_articles(str(archive)))
    document = DocumentService().analyze(article)
    first = min(document.quotes, key=lambda q: q.start)
    CorrectionStore().add(document.article, fixes.reassign(first, "Rosa Quill"))
    assert main(["analyze", str(archive), "--jobs", "1", *([output] if output else [])]) == 0
    assert "Rosa Quill" in capsys.readouterr().out

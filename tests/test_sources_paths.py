"""Paths, folders and stdin: stable order, one-line errors, and inputs left untouched."""

from __future__ import annotations

import io
import os
import sys
from pathlib import Path

import pytest

from explorer.sources import MAX_FILE_BYTES, SourceError, iter_articles, read_article
from explorer.sources import paths as source_paths


def make(path: Path, text: str = "The harbour reopened on Monday.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def feed_stdin(monkeypatch, raw: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(raw)))


def fingerprint(path: Path) -> tuple[bytes, int, int]:
    info = path.stat()
    return path.read_bytes(), info.st_mtime_ns, info.st_mode


def names(items) -> list[str]:
    return [f"ERROR {item.path}" if isinstance(item, SourceError) else item.path for item in items]


def test_folder_is_recursive_sorted_and_skips_hidden_and_unsupported(tmp_path):
    make(tmp_path / "b.txt")
    make(tmp_path / "a.md", "# Heading\n\nBody.\n")
    make(tmp_path / "c.json", '{"text": "Body."}')
    story = "<p>" + "A paragraph of news text. " * 10 + "</p>"
    make(tmp_path / "sub" / "d.html", f"<html><body><article>{story}</article></body></html>")
    make(tmp_path / ".hidden.txt")
    make(tmp_path / ".git" / "e.txt")
    make(tmp_path / "notes.docx")
    make(tmp_path / "README")
    items = list(iter_articles([tmp_path]))
    assert names(items) == [str(tmp_path / n) for n in ("a.md", "b.txt", "c.json", "sub/d.html")]


def test_several_paths_keep_argument_order_and_errors_do_not_stop_the_rest(tmp_path):
    second = make(tmp_path / "z.txt")
    first = make(tmp_path / "a.txt")
    missing = tmp_path / "missing.txt"
    items = list(iter_articles([second, missing, first]))
    assert names(items) == [str(second), f"ERROR {missing}", str(first)]
    assert items[1].reason == "no such file or directory"


def test_a_single_path_string_is_one_path(tmp_path):
    story = make(tmp_path / "story.txt")
    assert names(iter_articles(str(story))) == [str(story)]


def test_empty_folder_yields_one_error(tmp_path):
    make(tmp_path / "image.png")
    (tmp_path / "nested").mkdir()
    items = list(iter_articles([tmp_path]))
    assert len(items) == 1 and isinstance(items[0], SourceError)
    assert "no articles in this folder" in items[0].reason


def test_stdin_bytes_are_read(monkeypatch):
    raw = " date 2025-09-09 Ferries resumed.\r\n".encode("utf-8")
    feed_stdin(monkeypatch, raw)
    (article,) = list(iter_articles(["-"]))
    assert article.path == "<stdin>"
    assert article.text == " date 2025-09-09 Ferries resumed.\r\n"
    assert article.date == "2025-09-09"


def test_stdin_json_and_html_are_sniffed(monkeypatch):
    feed_stdin(monkeypatch, b'{"title": "T", "text": "Body."}')
    article = read_article("-")
    assert (article.title, article.text) == ("T", "Body.")
    story = "<p>" + "Lifeboats were launched at dawn. " * 8 + "</p>"
    page = f"<!doctype html><html><body><nav>Home</nav><article>{story}</article></body></html>"
    feed_stdin(monkeypatch, page.encode())
    article = read_article("-")
    assert article.text.startswith("Lifeboats were launched at dawn.")
    assert "<" not in article.text


def test_stdin_text_starting_with_a_brace_is_plain_text(monkeypatch):
    raw = b"{Correction} An earlier version misspelt the mayor's name.\n"
    feed_stdin(monkeypatch, raw)
    assert read_article("-").text == raw.decode()


def test_missing_stdin_is_an_error(monkeypatch):
    monkeypatch.setattr(sys, "stdin", None)
    (error,) = list(iter_articles(["-"]))
    assert isinstance(error, SourceError) and error.path == "<stdin>"


def test_empty_path_is_an_error_not_the_current_folder():
    (error,) = list(iter_articles([""]))
    assert isinstance(error, SourceError) and error.reason == "empty path"


def test_directory_where_a_file_is_expected(tmp_path):
    with pytest.raises(SourceError, match="is a directory"):
        read_article(tmp_path)


def test_symlink_loop_is_one_line_error(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)
    make(tmp_path / "real.txt")
    (error,) = list(iter_articles([loop]))
    assert error.reason == "symbolic link loop"
    in_folder = list(iter_articles([tmp_path]))
    assert names(in_folder) == [f"ERROR {loop}", str(tmp_path / "real.txt")]


def test_broken_symlink(tmp_path):
    link = tmp_path / "gone.txt"
    os.symlink(tmp_path / "nowhere.txt", link)
    with pytest.raises(SourceError, match="broken symbolic link"):
        read_article(link)


def test_permission_denied(tmp_path):
    story = make(tmp_path / "secret.txt")
    story.chmod(0)
    try:
        if os.access(story, os.R_OK):
            pytest.skip("running as a user who can read any file")
        (error,) = list(iter_articles([story]))
        assert error.reason == "permission denied"
    finally:
        story.chmod(0o644)


def test_fifo_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(SourceError, match="not a regular file"):
        read_article(fifo)


def test_files_over_the_size_limit_are_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(source_paths, "MAX_FILE_BYTES", 1000)
    big = make(tmp_path / "big.txt", "x" * 1001)
    with pytest.raises(SourceError, match="larger than"):
        read_article(big)
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_reading_leaves_input_files_untouched(tmp_path):
    files = [
        make(tmp_path / "a.txt", " date 2025-01-01 Body.\n"),
        make(tmp_path / "b.md", "---\ntitle: T\n---\nBody.\n"),
        make(tmp_path / "c.json", '{"text": "Body."}'),
    ]
    (tmp_path / "d.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(16))
    files.append(tmp_path / "d.png")
    before = {path: fingerprint(path) for path in files}
    list(iter_articles([tmp_path]))
    list(iter_articles(files))
    after = {path: fingerprint(path) for path in files}
    assert after == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "b.md", "c.json", "d.png"]

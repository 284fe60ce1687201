"""Broken and hostile files through ``explorer analyze``: decoded, or refused in one line.

Every refusal is one line on stderr with no traceback and a non-zero exit; in a
folder one bad file is reported and skipped while the rest are analysed. Input
files are never written. Long texts are analysed in paragraph-aligned pieces.
"""

from __future__ import annotations

import io
import json
import os
import random
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_invariants import check_invariants

from explorer import model_json
from explorer.analysis import analyze, analyze_many
from explorer.analysis.pieces import PIECE_CHARS, piece_bounds
from explorer.cli import main
from explorer.sources import MAX_ARTICLE_CHARS, iter_articles, read_article, read_text_article
from explorer.sources.paragraphs import split_paragraphs

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "balkans-summit-home-secretary.txt"

ARTICLE = (
    "Ferry fares to rise\n\n"
    "The harbour master, Ada Quill, said fares would rise by 12% in Oslo next year.\n\n"
    "“We have no choice,” she told reporters on Tuesday. “Fuel costs £1.2bn a year.”\n"
)
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00" + bytes(64)
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n" + bytes(range(256)) * 4


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    """``run(*args)`` -> (exit code, stdout, stderr) of ``explorer analyze``, private cache."""
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "160")
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run_cli(*args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["analyze", *args])
        out, err = capsys.readouterr()
        return code, out, err

    return run_cli


@pytest.fixture
def folder(tmp_path) -> Path:
    articles = tmp_path / "articles"
    articles.mkdir()
    return articles


def _one_error_line(err: str) -> str:
    assert "Traceback" not in err
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("explorer: error: ")
    return lines[0]


def _analysed_text(out: str) -> str:
    return json.loads(out)["text"]


# --- refused: one clear line, non-zero exit ---------------------------------------------------------

REFUSED = {
    "empty.txt": (b"", "empty"),
    "blank.txt": (b"  \n\n\t \r\n  ", "empty"),
    "image.png.txt": (PNG, "PNG"),
    "paper.txt": (PDF, "PDF"),
    "noise.txt": (random.Random(6).randbytes(8192), "binary"),
    "noise-without-nul.txt": (bytes(b for b in random.Random(7).randbytes(8192) if b), "binary"),
}


@pytest.mark.parametrize("name", list(REFUSED))
def test_unreadable_file_is_refused_in_one_line(run, folder, name):
    raw, reason = REFUSED[name]
    path = folder / name
    path.write_bytes(raw)
    code, out, err = run(str(path))
    assert code != 0
    assert out == ""
    line = _one_error_line(err)
    assert str(path) in line and reason in line


def test_missing_file_is_refused_in_one_line(run, folder):
    code, out, err = run(str(folder / "nowhere.txt"))
    assert code != 0 and out == ""
    assert "no such file" in _one_error_line(err)


def test_folder_without_readable_files_is_refused_in_one_line(run, folder):
    (folder / "photo.png").write_bytes(PNG)
    (folder / ".hidden.txt").write_text(ARTICLE)
    code, out, err = run(str(folder))
    assert code != 0 and out == ""
    assert "no articles" in _one_error_line(err)


def test_symlink_loop_is_refused_in_one_line(run, folder):
    (folder / "a.txt").symlink_to(folder / "b.txt")
    (folder / "b.txt").symlink_to(folder / "a.txt")
    code, out, err = run(str(folder / "a.txt"))
    assert code != 0 and out == ""
    assert "loop" in _one_error_line(err)


def test_folder_with_a_symlink_loop_reads_each_article_once(run, folder):
    (folder / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "again").symlink_to(folder, target_is_directory=True)
    code, out, err = run(str(folder), "--jsonl")
    assert code == 0, err
    assert [json.loads(line)["article"]["path"] for line in out.splitlines()] == [
        str(folder / "story.txt")
    ]


def test_permission_denied_is_refused_in_one_line(run, folder):
    path = folder / "secret.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read any file (root)")
        code, out, err = run(str(path))
        assert code != 0 and out == ""
        assert "permission denied" in _one_error_line(err)
    finally:
        path.chmod(0o644)


def test_one_bad_file_in_a_folder_is_reported_and_the_rest_analysed(run, folder):
    (folder / "1-first.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "2-photo.txt").write_bytes(PNG)
    (folder / "3-empty.txt").write_bytes(b"")
    (folder / "4-second.txt").write_text(ARTICLE.replace("Oslo", "Bergen"), encoding="utf-8")
    code, out, err = run(str(folder), "--jsonl")
    assert code == 1
    paths = [json.loads(line)["article"]["path"] for line in out.splitlines()]
    assert paths == [str(folder / "1-first.txt"), str(folder / "4-second.txt")]
    errors = err.splitlines()
    assert len(errors) == 2 and "Traceback" not in err
    assert "2-photo.txt" in errors[0] and "3-empty.txt" in errors[1]


def test_bad_file_among_arguments_does_not_stop_the_summary(run, folder):
    good = folder / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(str(folder / "missing.txt"), str(good))
    assert code == 1
    assert "Ferry fares to rise" in out
    assert "missing.txt" in _one_error_line(err)


# --- accepted: decoded, text kept exactly ---------------------------------------------------------

DECODED = {
    "cp1252 curly quotes": ("“Fares will rise,” said Zoë Café – 12% more.\n", "cp1252"),
    "latin-1 accents": ("Zoë dit: « Ça va » à Montréal, 12 °C.\n", "latin-1"),
    "utf-16 with bom": ("“Fares will rise,” said Zoë.\n", "utf-16"),
}


@pytest.mark.parametrize("name", list(DECODED))
def test_legacy_encodings_are_decoded_not_refused(run, folder, name):
    text, encoding = DECODED[name]
    path = folder / "legacy.txt"
    path.write_bytes(text.encode(encoding))
    code, out, err = run(str(path), "--json")
    assert code == 0, err
    assert _analysed_text(out) == text


def test_utf8_bom_is_not_part_of_the_text(run, folder):
    path = folder / "bom.txt"
    path.write_bytes(b"\xef\xbb\xbf" + ARTICLE.encode("utf-8"))
    code, out, err = run(str(path), "--json")
    assert code == 0, err
    assert _analysed_text(out) == ARTICLE  # as open(path, encoding="utf-8-sig") reads it


def test_windows_newlines_are_kept_and_paragraphs_found(run, folder):
    text = ARTICLE.replace("\n", "\r\n")
    path = folder / "windows.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, err = run(str(path), "--json")
    assert code == 0, err
    doc = model_json.loads(out)
    assert doc.text == text
    assert [p.text_of(text) for p in doc.paragraphs] == [
        p.strip() for p in ARTICLE.split("\n\n")
    ]
    check_invariants(doc, text)


def test_no_trailing_newline(run, folder):
    text = ARTICLE.rstrip("\n")
    path = folder / "ragged.txt"
    path.write_bytes(text.encode("utf-8"))
    code, out, err = run(str(path), "--json")
    assert code == 0, err
    doc = model_json.loads(out)
    assert doc.text == text
    assert doc.paragraphs[-1].end == len(text)


def test_deeply_nested_and_unbalanced_quotes(run, folder):
    text = (
        "Ferry fares\n\n"
        + "“" * 200 + "deep" + "”" * 150 + " said Ada Quill.\n\n"
        + "“Never closed, she said.\n\n“Still open\n\n"
        + "” ” ” closers first, he said “ and an opener last\n"
        + "'‘“``«„ mixed ''’”»\" marks, they said.\n"
    )
    path = folder / "quotes.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(str(path), "--json")
    assert code == 0, err
    check_invariants(model_json.loads(out), text)


def test_stdin_is_read_as_an_article(run, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(ARTICLE.encode("utf-8"))))
    code, out, err = run("-", "--json")
    assert code == 0, err
    assert _analysed_text(out) == ARTICLE


# --- read-only --------------------------------------------------------------------------------------


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_analyze_leaves_input_files_untouched(run, folder):
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_bytes(ARTICLE.replace("\n", "\r\n").encode("cp1252"))
    (folder / "bad.txt").write_bytes(PNG)
    old = 1_600_000_000_000_000_000
    for path in folder.iterdir():
        os.utime(path, ns=(old, old))
    before = _snapshot(folder)
    for args in ((str(folder), "--jsonl"), (str(folder),), (str(folder), "--jsonl")):
        run(*args)  # the last run is served from the cache
    assert _snapshot(folder) == before  # same files, same bytes, same mtimes, nothing added


# --- long texts -----------------------------------------------------------------------------------


@settings(max_examples=200, deadline=None)
@given(
    text=st.text(alphabet=st.sampled_from("ab \n\t“”."), max_size=400),
    limit=st.integers(1, 60),
)
def test_piece_bounds_cover_the_text_in_order_within_the_limit(text, limit):
    bounds = piece_bounds(text, split_paragraphs(text), limit)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert bounds[0][0] == 0 and bounds[-1][1] == len(text)
    assert all(prev_end == start for (_, prev_end), (start, _) in zip(bounds, bounds[1:]))
    assert all(0 < e - s <= limit for s, e in bounds) or text == ""


def test_piece_bounds_cut_where_paragraphs_start():
    text = ("word " * 30 + "\n\n") * 10
    paragraphs = split_paragraphs(text)
    bounds = piece_bounds(text, paragraphs, 400)
    assert len(bounds) > 1
    assert {end for _, end in bounds[:-1]} <= {p.start for p in paragraphs}


def test_long_and_short_articles_batch_together(nlp, monkeypatch):
    article = read_article(SEED)
    short = read_text_article(ARTICLE)
    line = read_text_article("Ada Quill said " + "fares rise and " * 200 + "“" + "x" * 1500)
    alone = analyze(short, nlp)
    monkeypatch.setattr(nlp, "max_length", 700)
    together = list(analyze_many([short, article, line, short], nlp, batch_size=3))
    # Short articles are analysed whole, as alone; the long ones in pieces, whose
    # results must still describe the article they came from.
    assert [together[0], together[3]] == [alone, alone]
    check_invariants(together[1], article.text)
    check_invariants(together[2], line.text)


def test_a_text_over_the_article_limit_is_refused_in_one_line(tmp_path):
    paragraph = ARTICLE.replace("\n\n", " ").strip()
    count = 20 * 1024 * 1024 // (len(paragraph.encode("utf-8")) + 2) + 1
    path = tmp_path / "huge.txt"
    path.write_text((paragraph + "\n\n") * count, encoding="utf-8")
    assert path.stat().st_size >= 20 * 1024 * 1024
    (error,) = iter_articles([path])
    assert error.reason.startswith("article text is ") and f"more than the {MAX_ARTICLE_CHARS:,}" in error.reason


def test_an_article_at_the_limit_is_cut_into_pieces_within_the_piece_size():
    paragraph = ARTICLE.replace("\n\n", " ").strip() + "\n\n"
    text = paragraph * (MAX_ARTICLE_CHARS // len(paragraph))
    article = read_text_article(text)
    bounds = piece_bounds(text, article.paragraphs)
    assert max(end - start for start, end in bounds) <= PIECE_CHARS
    assert {end for _, end in bounds[:-1]} <= {p.start for p in article.paragraphs}


def test_one_megabyte_single_line_reads_as_one_paragraph(tmp_path):
    line = ("Ada Quill said fares rise. " * 40_000)[: 1024 * 1024 - 1] + "."
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    article = read_article(path)
    assert article.text == line
    assert [(p.start, p.end) for p in article.paragraphs] == [(0, len(line))]
    pieces = piece_bounds(line, article.paragraphs)
    assert len(pieces) > 1 and all(line[e - 1] == " " for _, e in pieces[:-1])


@pytest.mark.slow
def test_one_megabyte_single_line_is_analysed(run, tmp_path):
    line = ("Ada Quill said “fares rise” in Oslo. " * 30_000)[: 1024 * 1024]
    path = tmp_path / "line.txt"
    path.write_text(line, encoding="utf-8")
    code, out, err = run(str(path), "--json", "--no-cache")
    assert code == 0, err
    check_invariants(model_json.loads(out), line)


@pytest.mark.slow
def test_article_at_the_size_limit_is_analysed(run, tmp_path):
    body = SEED.read_text(encoding="utf-8")
    text = body * (MAX_ARTICLE_CHARS // len(body))
    path = tmp_path / "huge.txt"
    path.write_text(text, encoding="utf-8")
    code, out, err = run(str(path), "--jsonl", "--no-cache")
    assert code == 0, err
    doc = model_json.loads(out)
    assert doc.text == text
    check_invariants(doc, text)

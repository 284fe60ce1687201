"""Bytes in any common encoding become the article text; binary files are refused in one line."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest

from explorer.sources import SourceError, read_article

STORY = "The minister\u2019s \u201cfinal offer\u201d was rejected, the caf\u00e9 owner said.\n"


def read_bytes_as_article(tmp_path: Path, raw: bytes, name: str = "story.txt"):
    path = tmp_path / name
    path.write_bytes(raw)
    return read_article(path)


def test_utf8_without_bom(tmp_path):
    assert read_bytes_as_article(tmp_path, STORY.encode("utf-8")).text == STORY


def test_utf8_bom_is_not_part_of_the_text(tmp_path):
    raw = codecs.BOM_UTF8 + (" date 2025-04-01 " + STORY).encode("utf-8")
    article = read_bytes_as_article(tmp_path, raw)
    assert article.text == " date 2025-04-01 " + STORY
    assert article.date == "2025-04-01"
    # Offsets agree with what Python's own BOM-aware, newline-preserving read gives.
    with open(tmp_path / "story.txt", encoding="utf-8-sig", newline="") as stream:
        assert stream.read() == article.text


def test_cp1252_curly_quotes_0x93_0x94(tmp_path):
    raw = b"He called it \x93a betrayal\x94 \x96 and left.\r\n"
    expected = "He called it \u201ca betrayal\u201d \u2013 and left.\r\n"
    assert read_bytes_as_article(tmp_path, raw).text == expected


def test_latin1_accents(tmp_path):
    text = "Le ministre a visit\u00e9 Gen\u00e8ve et la caf\u00e9t\u00e9ria na\u00efve.\n"
    assert read_bytes_as_article(tmp_path, text.encode("latin-1")).text == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32(tmp_path, encoding):
    raw = STORY.encode(encoding)
    if encoding == "utf-16-le":
        raw = codecs.BOM_UTF16_LE + raw
    if encoding == "utf-16-be":
        raw = codecs.BOM_UTF16_BE + raw
    assert read_bytes_as_article(tmp_path, raw).text == STORY


def test_bomless_utf16_little_endian(tmp_path):
    assert read_bytes_as_article(tmp_path, STORY.encode("utf-16-le")).text == STORY


PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00"
PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ZIP = b"PK\x03\x04\x14\x00\x00\x00\x08\x00" + bytes(20)


@pytest.mark.parametrize(
    "name, raw, kind",
    [
        ("photo.png", PNG, "PNG image"),
        ("report.pdf", PDF, "PDF document"),
        ("report.txt", PDF, "PDF document"),
        ("bundle.docx", ZIP, "ZIP archive"),
        ("photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00", "JPEG image"),
        ("noise.txt", random.Random(7).randbytes(4096), "binary file"),
        ("controls.txt", bytes(range(1, 32)) * 50, "control characters"),
    ],
)
def test_binary_files_are_refused_with_one_line(tmp_path, name, raw, kind):
    with pytest.raises(SourceError) as caught:
        read_bytes_as_article(tmp_path, raw, name)
    message = str(caught.value)
    assert kind in message
    assert "not an article" in message
    assert "\n" not in message
    assert message.startswith(str(tmp_path / name))


def test_empty_and_whitespace_files_are_refused(tmp_path):
    for raw in (b"", b"  \n\r\n\t"):
        with pytest.raises(SourceError, match="empty"):
            read_bytes_as_article(tmp_path, raw)

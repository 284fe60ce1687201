"""Bytes -> article text: UTF-8 (with or without BOM), UTF-16/32 with a BOM, else cp1252.

Decisions a reader of offsets needs to know:

- A byte-order mark is not part of the text: a UTF-8 file decodes like
  ``open(path, encoding="utf-8-sig", newline="")``, so offsets match what
  that call reads. Line endings are never translated (``\\r\\n`` stays).
- Text that is UTF-8 but for a few bytes (no more bad sequences than good
  non-ASCII characters, and at most ``MAX_BAD_SEQUENCES``) is read as UTF-8
  with each bad sequence replaced by U+FFFD, and a warning says how many:
  decoding it all as cp1252 would garble every good character (``Â£14m``).
- Other text that is not UTF-8 is decoded with the legacy encoding
  charset-normalizer finds most plausible; when cp1252 (Windows Western,
  which also covers Latin-1 letters and gives 0x93/0x94 as curly quotes) is
  among the best candidates it wins, since this is an English news reader.
- Binary files are refused with a one-line reason: known magic numbers
  (images, PDF, archives, executables, media), NUL bytes, or more than 5% of
  control characters.
"""

from __future__ import annotations

import codecs
import re

_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, b"\x89PNG\r\n\x1a\n", "PNG image"),
    (0, b"\xff\xd8\xff", "JPEG image"),
    (0, b"GIF87a", "GIF image"),
    (0, b"GIF89a", "GIF image"),
    (0, b"II*\x00", "TIFF image"),
    (0, b"MM\x00*", "TIFF image"),
    (0, b"%PDF-", "PDF document"),
    (0, b"PK\x03\x04", "ZIP archive or Office document"),
    (0, b"PK\x05\x06", "ZIP archive"),
    (0, b"\x1f\x8b", "gzip archive"),
    (0, b"\xfd7zXZ\x00", "xz archive"),
    (0, b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (0, b"Rar!\x1a\x07", "RAR archive"),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (0, b"\x7fELF", "ELF executable"),
    (0, b"\xca\xfe\xba\xbe", "Java class or Mach-O executable"),
    (0, b"\xcf\xfa\xed\xfe", "Mach-O executable"),
    (0, b"\xce\xfa\xed\xfe", "Mach-O executable"),
    (0, b"SQLite format 3\x00", "SQLite database"),
    (0, b"OggS", "Ogg media"),
    (0, b"fLaC", "FLAC audio"),
    (0, b"\x1a\x45\xdf\xa3", "Matroska or WebM video"),
    (0, b"wOFF", "web font"),
    (0, b"wOF2", "web font"),
    (4, b"ftyp", "MP4 or QuickTime media"),
)
_RIFF_KINDS = {b"WAVE": "WAV audio", b"WEBP": "WebP image", b"AVI ": "AVI video"}
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65536
_MAX_CONTROL_RATIO = 0.05
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")
"""Unicode's Cc category less tab, line feed, vertical tab, form feed and carriage return."""


MAX_BAD_SEQUENCES = 100
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


class NotText(ValueError):
    """The bytes are not an article's text; ``str(error)`` is the one-line reason."""


def decode(raw: bytes) -> str:
    """The text of ``raw``, or ``NotText`` saying why it is not text."""
    return decode_with_warnings(raw)[0]


def decode_with_warnings(raw: bytes) -> tuple[str, tuple[str, ...]]:
    """The text of ``raw`` and what decoding had to repair; ``NotText`` if it is not text."""
    text, bad = _decode(raw)
    if not bad:
        return text, ()
    plural = "s" if bad != 1 else ""
    return text, (f"{bad} invalid UTF-8 byte sequence{plural} replaced by \ufffd",)


def _decode(raw: bytes) -> tuple[str, int]:
    """The text, and how many bad UTF-8 sequences were replaced in it."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            return _checked(_strict(raw, encoding)), 0
    kind = binary_kind(raw)
    if kind:
        raise NotText(f"binary file ({kind}), not an article")
    utf16 = _bomless_utf16(raw)
    if utf16:
        return _checked(_strict(raw, utf16)), 0
    if b"\x00" in raw:
        raise NotText("binary file (contains NUL bytes), not an article")
    try:
        return _checked(raw.decode("utf-8")), 0
    except UnicodeDecodeError:
        pass
    repaired = _mostly_utf8(raw)
    if repaired is not None:
        return _checked(repaired[0]), repaired[1]
    try:
        return _checked(raw.decode(legacy_encoding(raw))), 0
    except (UnicodeDecodeError, LookupError):
        # Detection samples the bytes; Latin-1 decodes whatever it missed.
        return _checked(raw.decode("latin-1")), 0


def _mostly_utf8(raw: bytes) -> tuple[str, int] | None:
    """UTF-8 text with its bad sequences replaced, and their count; None if it is not UTF-8.

    UTF-8 when the bad sequences are few and do not outnumber the good non-ASCII
    characters: a cp1252 file has curly quotes that are bad UTF-8 and no good ones.
    """
    parts: list[str] = []
    bad = position = 0
    while True:
        try:
            parts.append(raw[position:].decode("utf-8"))
            break
        except UnicodeDecodeError as exc:
            bad += 1
            if bad > MAX_BAD_SEQUENCES:
                return None
            parts.append(raw[position : position + exc.start].decode("utf-8"))
            parts.append("\ufffd")
            position += exc.end
    text = "".join(parts)
    good = len(_NON_ASCII.findall(text)) - bad
    return (text, bad) if good >= bad else None


def binary_kind(raw: bytes) -> str | None:
    """A name for a well-known binary format that ``raw`` starts with."""
    for offset, magic, kind in _MAGIC:
        if raw.startswith(magic, offset):
            return kind
    if raw.startswith(b"RIFF") and raw[8:12] in _RIFF_KINDS:
        return _RIFF_KINDS[raw[8:12]]
    if raw.startswith(b"ID3") and raw[3:4] in (b"\x02", b"\x03", b"\x04"):
        return "MP3 audio"
    if raw.startswith(b"{\\rtf"):
        return "RTF document"
    return None


def legacy_encoding(raw: bytes) -> str:
    """The most plausible single-byte encoding, preferring cp1252 on a tie."""
    from charset_normalizer import from_bytes  # only legacy files pay for importing it

    matches = list(from_bytes(raw))
    if not matches:
        return _cp1252_or_latin1(raw)
    least_chaos = min(match.chaos for match in matches)
    for match in matches:
        if match.chaos <= least_chaos and "cp1252" in match.could_be_from_charset:
            return _cp1252_or_latin1(raw)
    best = matches[0]
    if "latin_1" in best.could_be_from_charset:
        return "latin-1"
    return best.encoding


def _cp1252_or_latin1(raw: bytes) -> str:
    try:
        raw.decode("cp1252")
    except UnicodeDecodeError:
        # cp1252 leaves five bytes undefined; Latin-1 decodes every byte.
        return "latin-1"
    return "cp1252"


def _bomless_utf16(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` when every other byte of mostly-ASCII text is NUL."""
    sample = raw[: _SAMPLE - _SAMPLE % 2]
    if len(sample) < 4 or len(sample) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    half = len(sample) // 2
    if odd.count(0) >= 0.9 * half and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) >= 0.9 * half and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _strict(raw: bytes, encoding: str) -> str:
    try:
        return raw.decode(encoding)
    except UnicodeDecodeError as exc:
        raise NotText(f"not valid {encoding.upper()} text (bad byte at {exc.start})") from exc


def _checked(text: str) -> str:
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        raise NotText("binary file (contains NUL characters), not an article")
    # A regex count, not a per-character loop: this runs on every file a folder opens.
    controls = len(_CONTROL_CHARS.findall(sample))
    if sample and controls > _MAX_CONTROL_RATIO * len(sample):
        raise NotText("binary file (mostly control characters), not an article")
    return text

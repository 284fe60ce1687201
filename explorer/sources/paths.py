"""Command-line paths -> the files to read, and their bytes, read-only and size-capped.

- A folder is searched recursively; files and folders whose names start with
  ``.`` are skipped, symlinked folders are not followed (so no loops), files
  with an unsupported extension are skipped, and the rest come in sorted
  path order. A folder with nothing to read yields one ``SourceError``.
- ``-`` is standard input (bytes from ``sys.stdin.buffer``), recorded as ``<stdin>``.
- A file larger than ``MAX_FILE_BYTES`` (50 MB) is refused before reading;
  devices, FIFOs and sockets are refused so a read can never block.
- Input files are opened read-only and never written, moved or locked.
"""

from __future__ import annotations

import errno
import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

from explorer.sources.errors import SourceError

MAX_FILE_BYTES = 50 * 1024 * 1024
STDIN = "-"
STDIN_NAME = "<stdin>"
ARTICLE_SUFFIXES = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".json": "json",
    ".html": "html",
    ".htm": "html",
}

_REASONS = {
    errno.ENOENT: "no such file or directory",
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.ELOOP: "symbolic link loop",
    errno.EISDIR: "is a directory, not a file",
    errno.ENOTDIR: "a part of the path is not a directory",
    errno.ENAMETOOLONG: "file name too long",
}


def expand(path: str | Path) -> Iterator[Path | SourceError]:
    """The files a path argument stands for (itself, or a folder's articles), in order."""
    if str(path) == STDIN:
        yield Path(STDIN)
        return
    if not str(path):
        yield SourceError("''", "empty path")
        return
    path = Path(path)
    try:
        is_folder = stat.S_ISDIR(path.stat().st_mode)
    except OSError as exc:
        yield SourceError(str(path), os_reason(exc, path))
        return
    if is_folder:
        yield from _folder_articles(path)
    else:
        yield path


def read_input(path: Path) -> bytes:
    """The bytes of one file (or of stdin for ``-``), refusing what is not a readable file."""
    if str(path) == STDIN:
        return read_stdin()
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise SourceError(str(path), "is a directory, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise SourceError(str(path), "not a regular file (device, FIFO or socket)")
        _check_size(str(path), info.st_size)
        with open(path, "rb") as stream:
            raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SourceError(str(path), os_reason(exc, path)) from exc
    _check_size(str(path), len(raw))
    return raw


def read_stdin() -> bytes:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:
        raise SourceError(STDIN_NAME, "no standard input to read")
    try:
        raw = stream.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise SourceError(STDIN_NAME, os_reason(exc, None)) from exc
    _check_size(STDIN_NAME, len(raw))
    return raw


def os_reason(exc: OSError, path: Path | None) -> str:
    """A short lower-case reason for an OS error, without the path repeated."""
    if exc.errno == errno.ENOENT and path is not None and path.is_symlink():
        return "broken symbolic link"
    reason = _REASONS.get(exc.errno or 0)
    if reason:
        return reason
    return (exc.strerror or str(exc)).lower()


def _check_size(name: str, size: int) -> None:
    if size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise SourceError(name, f"file is larger than {limit} MB, too big to read as an article")


def _folder_articles(folder: Path) -> Iterator[Path | SourceError]:
    found: list[tuple[tuple[str, ...], Path | SourceError]] = []

    def note_error(exc: OSError) -> None:
        where = Path(exc.filename) if exc.filename else folder
        error = SourceError(str(where), os_reason(exc, where))
        found.append((where.relative_to(folder).parts, error))

    for root, dirs, files in os.walk(folder, onerror=note_error):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        base = Path(root)
        for name in files:
            if name.startswith(".") or Path(name).suffix.lower() not in ARTICLE_SUFFIXES:
                continue
            file = base / name
            found.append((file.relative_to(folder).parts, file))
    if not found:
        kinds = ", ".join(sorted(ARTICLE_SUFFIXES))
        yield SourceError(str(folder), f"no articles in this folder (looked for {kinds} files)")
        return
    found.sort(key=lambda entry: entry[0])
    for _, item in found:
        yield item

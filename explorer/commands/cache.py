"""``explorer cache info|clear``: where the analysis cache is, how big, and emptying it."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from explorer.store import AnalysisCache

EXIT_OK = 0


def _size(size_bytes: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size_bytes < 1024 or unit == "GB":
            return f"{size_bytes:.0f} {unit}" if unit == "B" else f"{size_bytes:.1f} {unit}"
        size_bytes /= 1024
    return f"{size_bytes} B"


def corpus_files(cache: AnalysisCache) -> list[Path]:
    """The corpus indexes kept beside the cache (one database per folder, with its WAL files)."""
    folder = cache.directory / "corpora"
    return sorted(folder.glob("*.sqlite3*")) if folder.is_dir() else []


def run_cache(args: argparse.Namespace) -> int:
    cache = AnalysisCache()
    console = Console(highlight=False)
    corpora = corpus_files(cache)
    if args.action == "clear":
        removed = cache.clear()
        console.print(f"removed {removed} cached analyses from {cache.path}", markup=False)
        for file in corpora:
            file.unlink(missing_ok=True)
        indexes = sum(1 for f in corpora if f.suffix == ".sqlite3")
        if indexes:
            console.print(f"removed {indexes} corpus indexes")
        return EXIT_OK
    info = cache.info()
    console.print(f"location: {info.location}")
    console.print(f"entries:  {info.entries}")
    console.print(f"size:     {_size(info.size_bytes)}")
    indexes = [f for f in corpora if f.suffix == ".sqlite3"]
    console.print(f"corpus indexes: {len(indexes)} ({_size(sum(f.stat().st_size for f in corpora))})")
    if not info.usable:
        console.print("status:   not usable (unwritable or locked); the explorer runs without it")
    return EXIT_OK

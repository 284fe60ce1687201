"""``explorer cache info|clear``: where the analysis cache is, how big, and emptying it."""

from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console

from explorer.commands.errors import report_error
from explorer.safe_text import visible_name
from explorer.store.cache import AnalysisCache, CacheUnusable

EXIT_OK, EXIT_FAILED = 0, 1


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
    # The location comes from $EXPLORER_CACHE_DIR: printed as typed, never read as markup.
    console = Console(highlight=False, markup=False, emoji=False, soft_wrap=True)
    corpora = corpus_files(cache)
    if args.action == "clear":
        try:
            removed = cache.clear()
        except CacheUnusable as exc:
            report_error(f"cannot clear the analysis cache: {exc}")
            return EXIT_FAILED
        console.print(f"removed {removed} cached analyses from {visible_name(str(cache.path))}")
        for file in corpora:
            file.unlink(missing_ok=True)
        indexes = sum(1 for f in corpora if f.suffix == ".sqlite3")
        if indexes:
            console.print(f"removed {indexes} corpus indexes")
        return EXIT_OK
    info = cache.info()
    console.print(f"location: {visible_name(str(info.location))}")
    console.print(f"entries:  {info.entries}")
    console.print(f"size:     {_size(info.size_bytes)}")
    indexes = [f for f in corpora if f.suffix == ".sqlite3"]
    console.print(f"corpus indexes: {len(indexes)} ({_size(sum(f.stat().st_size for f in corpora))})")
    if not info.usable:
        reason = visible_name(info.problem or "locked by another explorer; the explorer runs without it")
        console.print(f"status:   not usable: {reason}")
    return EXIT_OK

"""``explorer cache info|clear``: where the analysis cache is, how big, and emptying it."""

from __future__ import annotations

import argparse

from rich.console import Console

from explorer.store import AnalysisCache

EXIT_OK = 0


def _size(size_bytes: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if size_bytes < 1024 or unit == "GB":
            return f"{size_bytes:.0f} {unit}" if unit == "B" else f"{size_bytes:.1f} {unit}"
        size_bytes /= 1024
    return f"{size_bytes} B"


def run_cache(args: argparse.Namespace) -> int:
    cache = AnalysisCache()
    console = Console(highlight=False)
    if args.action == "clear":
        removed = cache.clear()
        console.print(f"removed {removed} cached analyses from {cache.path}")
        return EXIT_OK
    info = cache.info()
    console.print(f"location: {info.location}")
    console.print(f"entries:  {info.entries}")
    console.print(f"size:     {_size(info.size_bytes)}")
    if not info.usable:
        console.print("status:   not usable (unwritable or locked); the explorer runs without it")
    return EXIT_OK

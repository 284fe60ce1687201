"""Reopening a cached article vs its first open: process start to panels filled.

    python bench/cache_reopen.py [FILE]

Runs the real app headless in a fresh process, twice on one empty cache: the
first open analyses (loads spaCy), the second reads the cache. Also times the
CLI (``explorer analyze FILE --json``) the same way. Target: reopen/first <= 0.2.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import PYTHON, ROOT, conditions, explorer, explorer_env, timed

OPEN_APP = """
import asyncio, sys, time
from explorer.app import collector
collector.pause()  # as `explorer FILE` does (explorer/commands/open.py)
from explorer.app.app import ExplorerApp

async def main():
    app = ExplorerApp(paths=[sys.argv[1]])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        # Filled: the panels hold the document's rows and a frame showing them is drawn.
        # (Not "until idle": a tab's underline animation would end the clock.)
        while not (screen.document is not None and screen.side_ready
                   and screen.panel("quotes").rows):
            await asyncio.sleep(0.005)
        painted = asyncio.Event()
        screen.call_after_refresh(painted.set)
        await painted.wait()
        filled = time.time()
        assert screen.document.error is None, screen.document.error
        print(filled, "spacy" in sys.modules, len(screen.document.quotes))

asyncio.run(main())
"""


def open_app(path: Path, env: dict[str, str]) -> tuple[float, bool, str]:
    """Seconds from process start to panels filled, whether spaCy was imported, quote count."""
    start = time.time()
    result = subprocess.run([PYTHON, "-c", OPEN_APP, str(path)], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-800:])
    filled, spacy_loaded, quotes = result.stdout.split()[-3:]
    return float(filled) - start, spacy_loaded == "True", quotes


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "sample_articles" / "balkans-summit-home-secretary.txt"
    print(f"{path.name}; {conditions()}")
    with tempfile.TemporaryDirectory() as cache:
        env = explorer_env(cache)
        first, first_spacy, quotes = open_app(path, env)
        again, again_spacy, _ = open_app(path, env)
        print(f"app, first open:  {first:5.2f} s to panels filled ({quotes} quotes; spaCy loaded: {first_spacy})")
        print(f"app, reopen:      {again:5.2f} s to panels filled (spaCy loaded: {again_spacy})")
        print(f"ratio reopen/first: {again / first:.2f}")
    with tempfile.TemporaryDirectory() as cache:
        env = explorer_env(cache)
        first = timed(explorer("analyze", str(path), "--json"), env)
        again = timed(explorer("analyze", str(path), "--json"), env)
        print(f"CLI analyze --json: first {first:.2f} s, cached {again:.2f} s, ratio {again / first:.2f}")


if __name__ == "__main__":
    main()

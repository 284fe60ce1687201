"""Memory of the app with a 1,000-article folder open, every article's analysis loaded.

    python bench/app_memory.py [--folder DIR] [--cache DIR]   (default: synth1000/ and bench-cache/ in the temp folder)

Use the folder and cache that bench/cached_jsonl.py filled, so the app reads
every analysis from the cache (as a reopened folder does). Target: < 500 MB RSS.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from bench_common import PYTHON, conditions, explorer_env

OPEN_FOLDER = """
import asyncio, sys, time
from explorer.app.app import ExplorerApp

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

async def main():
    app = ExplorerApp(paths=[sys.argv[1]])
    async with app.run_test(size=(120, 36)) as pilot:
        start = time.time()
        while len(getattr(app.screen, "documents", {})) < len(getattr(app.screen, "articles", [1])):
            await asyncio.sleep(0.05)
        await pilot.press("]")
        await pilot.pause()
        screen = app.screen
        print(len(screen.articles), len(screen.documents), f"{rss_mb():.0f}", f"{time.time() - start:.1f}",
              "spacy" in sys.modules)

asyncio.run(main())
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "synth1000")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench-cache")
    args = parser.parse_args()
    print(conditions())
    result = subprocess.run([PYTHON, "-c", OPEN_FOLDER, str(args.folder)], env=explorer_env(args.cache),
                            capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(result.stderr[-800:])
    articles, documents, rss, seconds, spacy_loaded = result.stdout.split()[-5:]
    print(f"app with {articles} articles open, {documents} analyses loaded in {seconds} s: "
          f"{rss} MB RSS (spaCy loaded: {spacy_loaded})")


if __name__ == "__main__":
    main()

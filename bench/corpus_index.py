"""The corpus index at scale: 100,000 synthetic analysed articles, indexed and queried.

    python bench/corpus_index.py [--count 100000] [--keep DIR]

Analyses are generated (bench/synthetic_corpus.py ``synthetic_documents``), not
made by spaCy, and stored straight into a corpus index. Measured: indexing time
and size per 1,000 articles; phrase search (first page, with its total) median
and p95; the top speakers; the corpus screen's first rows and the app's RSS with
that index open (a separate process). Targets (issue 16): search <= 100 ms median
and <= 300 ms p95, screen <= 1 s, top speakers <= 200 ms, RSS <= 300 MB.
"""

from __future__ import annotations

import argparse
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench_common import PYTHON, ROOT, conditions
from synthetic_corpus import REASONS, SUBJECTS, VERBS, synthetic_documents

sys.path.insert(0, str(ROOT))

from explorer.store.corpus import CorpusIndex, content_key

BATCH = 1000

OPEN_SCREEN = """
import asyncio, sys, time
start = time.perf_counter()
from textual.app import App
from explorer.app.screens.corpus import CorpusScreen
from explorer.app.widgets.corpus_speakers import CorpusSpeakers

def rss_mb():
    for line in open("/proc/self/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024

class Browse(App):
    def on_mount(self):
        self.pushed = time.perf_counter()
        self.push_screen(CorpusScreen([], service=None, index_path=sys.argv[1]))

async def main():
    app = Browse()
    async with app.run_test(size=(120, 36)) as pilot:
        while not isinstance(app.screen, CorpusScreen) or not app.screen.query_one(CorpusSpeakers).option_count:
            await asyncio.sleep(0.005)
        await pilot.pause()  # the frame with the rows is drawn
        shown = time.perf_counter()
        await pilot.press("ctrl+f", *'"flood defences"', "enter")
        await pilot.pause(0.3)
        await pilot.press("end")
        await pilot.pause()
        print(f"{shown - app.pushed:.3f} {shown - start:.3f} {rss_mb():.0f}")

asyncio.run(main())
"""


def build(path: Path, count: int) -> float:
    start = time.perf_counter()
    with CorpusIndex(path) as index:
        batch = []
        for doc in synthetic_documents(count):
            batch.append((doc, content_key(doc.article)))
            if len(batch) == BATCH:
                index.add_documents(batch)
                batch = []
                done = index.counts()[0]
                if done % 10_000 == 0:
                    print(f"  {done} indexed, {time.perf_counter() - start:.0f} s", flush=True)
        index.add_documents(batch)
    return time.perf_counter() - start


def timings(run, repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        out.append((time.perf_counter() - start) * 1000)
    return out


def phrases(count: int, seed: int = 3) -> list[str]:
    """Two- and three-word phrases of the generated text, common and rare ones."""
    rng = random.Random(seed)
    pool = [f'"{s}"' for s in SUBJECTS] + [f'"{v}"' for v in VERBS] + [f'"{r}"' for r in REASONS]
    pool += [f'"{rng.choice(SUBJECTS)} {rng.choice(VERBS)}"' for _ in range(20)]
    return rng.sample(pool, min(count, len(pool)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--keep", type=Path, help="build (or reuse) the index in this folder")
    args = parser.parse_args()
    print(f"before: {conditions()}")
    with tempfile.TemporaryDirectory() as work:
        folder = args.keep or Path(work)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"corpus-{args.count}.sqlite3"
        if not path.exists():
            seconds = build(path, args.count)
            print(f"indexed {args.count} synthetic articles in {seconds:.0f} s: "
                  f"{seconds / args.count * 1000:.2f} s per 1,000")
        with CorpusIndex(path) as index:
            size = index.size_bytes()
            articles, quotes, speakers = index.counts()
            print(f"index: {articles} articles, {quotes} quotes, {speakers} speakers; "
                  f"{size / 1e6:.0f} MB, {size / articles * 1000 / 1e6:.1f} MB per 1,000")
            tail = index.speakers(sort="quotes", limit=40, offset=max(0, speakers // 2)).items
            queries = phrases(40) + [f'"{s.name}"' for s in tail[:20]]
            index.search(queries[0])  # the first query warms the page cache
            search = [t for q in queries for t in timings(lambda q=q: index.search(q, limit=50), 1)]
            totals = [index.search(q, limit=1).total for q in queries]
            print(f"phrase search, first page of 50 newest with its total ({len(queries)} phrases, "
                  f"{min(totals)}-{max(totals)} matching articles): median "
                  f"{statistics.median(search):.0f} ms, p95 {statistics.quantiles(search, n=20)[-1]:.0f} ms, "
                  f"max {max(search):.0f} ms")
            for label, part in (("common phrases", slice(0, 40)), ("speaker names", slice(40, None))):
                got, hits = search[part], totals[part]
                if got:
                    print(f"  {label} ({min(hits)}-{max(hits)} matching articles): median "
                          f"{statistics.median(got):.0f} ms, max {max(got):.0f} ms")
            by_count = timings(lambda: index.search('"flood defences"', sort="count", limit=50), 3)
            print(f"the same sorted by hits per article (\"flood defences\"): "
                  f"median {statistics.median(by_count):.0f} ms")
            top = timings(lambda: index.speakers(limit=50), 20)
            print(f"top 50 speakers: median {statistics.median(top):.1f} ms, max {max(top):.1f} ms")
            spread = timings(lambda: index.speakers(sort="articles", min_articles=2, limit=50), 20)
            print(f"speakers in 2+ articles by articles: median {statistics.median(spread):.1f} ms")
            for speaker in (index.speakers(limit=1).items[0], tail[0]):
                said = timings(lambda s=speaker: index.said_before(s.name, limit=50), 3)
                print(f"said_before({speaker.name!r}, {speaker.quote_count} quotes), first 50 newest: "
                      f"median {statistics.median(said):.0f} ms")
        result = subprocess.run([PYTHON, "-c", OPEN_SCREEN, str(path)], capture_output=True, text=True, check=False,
                                env={"PYTHONPATH": str(ROOT), "PATH": ""})
        if result.returncode != 0:
            raise SystemExit(result.stderr[-1500:])
        screen, process, rss = result.stdout.split()[-3:]
        print(f"corpus screen on {articles} articles: first rows drawn {float(screen):.2f} s after "
              f"the screen was pushed ({float(process):.2f} s from process start); "
              f"RSS after a search and paging: {rss} MB")
    print(f"after: {conditions()}")


if __name__ == "__main__":
    main()

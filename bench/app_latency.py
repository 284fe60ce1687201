"""Selection-change latency of the app on a 50,000-word article with thousands of highlights.

The article is the sample articles' paragraphs repeated to 50,000 words; its
model is synthetic (no spaCy): every quoted passage is a direct quote, the
twenty commonest two-word names are speakers with every mention, the commonest
capitalised words are places, every number is a figure. The app runs headless
at 160x48; each selection is timed from ``select_item`` until the screen has
been refreshed (``pilot.pause()`` returns after the compositor repaints).

    .venv/bin/python bench/app_latency.py [--words 50000] [--selections 60]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import time
from collections import Counter
from pathlib import Path

from textual.geometry import Region

from explorer.app.app import ExplorerApp
from explorer.app.messages import SearchChanged
from explorer.app.reveal import describe_at
from explorer.app.screens.reader import ReaderScreen
from explorer.model import Engine, Figure, ParsedDocument, Place, Quote, Span, Speaker
from explorer.sources import read_article

ROOT = Path(__file__).resolve().parent.parent
NAME = re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b")
WORD = re.compile(r"\b[A-Z][a-z]{3,}\b")
NUMBER = re.compile(r"[£$€]?\d[\d,.]*(?:%|bn|m)?")
QUOTED = re.compile(r"[“\"]([^”\"\n]{10,})[”\"]")


def long_text(words: int) -> str:
    paragraphs: list[str] = []
    for path in sorted((ROOT / "sample_articles").glob("*.txt")):
        body = path.read_text(encoding="utf-8")
        paragraphs.extend(p.strip() for p in body.split("\n\n") if p.strip())
    out: list[str] = []
    count = 0
    while count < words:
        for paragraph in paragraphs:
            out.append(paragraph)
            count += len(paragraph.split())
            if count >= words:
                break
    return "\n\n".join(out) + "\n"


def synthetic_document(path: Path) -> ParsedDocument:
    article = read_article(path)
    text = article.text
    names = [n for n, _ in Counter(m.group() for m in NAME.finditer(text)).most_common(20)]
    mentions = {n: [Span(m.start(), m.end()) for m in re.finditer(re.escape(n), text)]
                for n in names}
    quotes, quote_ids = [], {n: [] for n in names}
    for number, match in enumerate(QUOTED.finditer(text)):
        speaker = names[number % len(names)]
        qid = f"q{number}"
        span = Span(match.start(1), match.end(1))
        quotes.append(Quote(qid, "direct", span.start, span.end, (span,), match.group(1),
                            speaker_id=f"s{names.index(speaker)}"))
        quote_ids[speaker].append(qid)
    speakers = tuple(Speaker(f"s{i}", n, "person", mentions=tuple(mentions[n]),
                             quote_ids=tuple(quote_ids[n])) for i, n in enumerate(names))
    taken = {w for n in names for w in n.split()}
    words = [w for w, _ in Counter(m.group() for m in WORD.finditer(text)).most_common(80)
             if w not in taken][:40]
    places = tuple(Place(f"p{i}", w, "other", mentions=tuple(
        Span(m.start(), m.end()) for m in re.finditer(rf"\b{w}\b", text)))
        for i, w in enumerate(words))
    figures = tuple(Figure(f"f{i}", m.group(), m.start(), m.end(), "count")
                    for i, m in enumerate(NUMBER.finditer(text)))
    return ParsedDocument(article=article, engine=Engine("bench", "none", "synthetic"),
                          speakers=speakers, quotes=tuple(quotes), places=places,
                          figures=figures)


class ReadyService:
    def __init__(self, document: ParsedDocument) -> None:
        self.document = document

    def cached(self, article):
        return None

    def analyze(self, article):
        return self.document

    def analyze_batch(self, articles):
        return [self.document for _ in articles]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run(path: Path, document: ParsedDocument, selections: int) -> None:
    app = ExplorerApp(paths=[str(path)], service=ReadyService(document))
    async with app.run_test(size=(160, 48)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        assert screen.document is not None and screen.document.error is None, screen.document
        view = screen.view
        started = time.perf_counter()
        view.set_document(document)
        precompute = time.perf_counter() - started
        await pilot.pause()
        # Items with many passages and few, spread through the text.
        items = [s.id for s in document.speakers] + [p.id for p in document.places[:20]]
        items += [q.id for q in document.quotes[:: max(1, len(document.quotes) // 20)]]
        order = [items[i % len(items)] for i in range(selections)]
        floor = []
        for _ in range(20):  # what one pilot round trip costs with nothing to do
            started = time.perf_counter()
            await pilot.pause()
            floor.append(time.perf_counter() - started)
        totals, works, lit = [], [], []
        viewport = Region(0, 0, view.size.width, view.size.height)
        for item_id in order:
            started = time.perf_counter()
            screen.select_item(item_id)
            # The app's own work for the change: the new rows drawn, the status worked out.
            view.render_lines(viewport)
            line = view.lines[view.cursor_row]
            describe_at(document, line.start, line.end, view.locator)
            works.append(time.perf_counter() - started)
            await pilot.pause()
            totals.append(time.perf_counter() - started)
            lit.append(len(view.selection))
        previews = []  # what resting the panel cursor on a row costs: lit, scrolled, not kept
        for item_id in order:
            started = time.perf_counter()
            screen.select_item(item_id, kept=False)
            view.render_lines(viewport)
            previews.append(time.perf_counter() - started)
            await pilot.pause()
        steps = []
        for _ in range(30):
            started = time.perf_counter()
            screen.action_step(1)
            await pilot.pause()
            steps.append(time.perf_counter() - started)
        searches = []
        for query in ("the", "said", "government", "£", "zzz"):
            started = time.perf_counter()
            screen.post_message(SearchChanged(query, False, False))
            await pilot.pause()
            searches.append((query, len(view.search_matches), time.perf_counter() - started))
        await pilot.resize_terminal(120, 40)
        started = time.perf_counter()
        await pilot.pause()
        rewrap = time.perf_counter() - started

    highlights = sum(len(s.mentions) for s in document.speakers) + len(document.quotes) + \
        sum(len(p.mentions) for p in document.places) + len(document.figures)
    ms = 1000
    print(f"article: {len(document.text.split())} words, {view.line_count} display rows at "
          f"120 cols, {highlights} background highlights "
          f"({len(document.quotes)} quotes, {len(document.speakers)} speakers, "
          f"{len(document.places)} places, {len(document.figures)} figures)")
    print(f"machine: {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(f"set_document (per-row highlight intervals): {precompute * ms:.1f} ms")
    print(f"selection change, {len(totals)} selections (lighting {min(lit)}..{max(lit)} "
          "passages, each scrolled to the middle of the view):")
    print(f"  app work (select_item + draw the {viewport.height} visible rows + status): "
          f"median {statistics.median(works) * ms:.1f} ms  p95 "
          f"{percentile(works, 0.95) * ms:.1f} ms  max {max(works) * ms:.1f} ms "
          "(target <= 16 ms)")
    print(f"  preview (the panel cursor resting on a row): median "
          f"{statistics.median(previews) * ms:.1f} ms  p95 {percentile(previews, 0.95) * ms:.1f} ms")
    print(f"  end to end, select -> pilot.pause() returns after the repaint: median "
          f"{statistics.median(totals) * ms:.1f} ms  p95 {percentile(totals, 0.95) * ms:.1f} ms"
          f"  (a pilot round trip with nothing to do: median "
          f"{statistics.median(floor) * ms:.1f} ms)")
    print(f"n (next occurrence), 30 steps: median {statistics.median(steps) * ms:.1f} ms  "
          f"max {max(steps) * ms:.1f} ms")
    print("search as you type (message -> matches lit and repainted, incl. the round trip): "
          + ", ".join(f"{q!r} {n} matches {t * ms:.0f} ms" for q, n, t in searches))
    print(f"resize 160 -> 120 columns (re-wrap and repaint): {rewrap * ms:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--words", type=int, default=50_000)
    parser.add_argument("--selections", type=int, default=60)
    parser.add_argument("--keep", type=Path, help="write the long article here (else a temp file)")
    args = parser.parse_args()
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = args.keep or Path(folder) / "long-article.txt"
        path.write_text(long_text(args.words), encoding="utf-8")
        document = synthetic_document(path)
        asyncio.run(run(path, document, args.selections))


if __name__ == "__main__":
    main()

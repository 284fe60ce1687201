"""Retake the README's screenshots with the current analysis and styling.

Runs the explorer headless at 120x36 on the sample articles (real spaCy
analysis, through the cache), opens the bushfire article and saves three
states as SVG and PNG beside this script: a quote selected, a speaker
selected, a search.

    .venv/bin/python docs/screenshots/retake.py
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import cairosvg

from explorer.app.app import ExplorerApp
from explorer.app.screens.reader import ReaderScreen
from explorer.model import Quote

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
ARTICLE = "bushfire-recovery-new-south-wales.txt"
QUOTE_OPENING = "The money is there"


async def ready(app: ExplorerApp, pilot, screen: ReaderScreen) -> None:
    """Wait for the analysis of every article, so the library shows its counts."""
    for _ in range(1200):
        if screen.document is not None and screen.side_ready and screen.analyses.complete:
            await pilot.pause(0.3)
            return
        await pilot.pause(0.2)
    raise SystemExit("the analysis did not finish in four minutes")


def save(app: ExplorerApp, name: str) -> None:
    svg = HERE / f"{name}.svg"
    svg.write_text(app.export_screenshot(title="Article Explorer"), encoding="utf-8")
    cairosvg.svg2png(url=str(svg), write_to=str(HERE / f"{name}.png"))
    print(f"saved {svg.relative_to(ROOT)} and .png")


async def take(name: str, keys: tuple[str, ...], item: str | None = None) -> None:
    app = ExplorerApp(paths=[str(ROOT / "sample_articles")])
    async with app.run_test(size=(120, 36)) as pilot:
        screen = app.screen
        assert isinstance(screen, ReaderScreen)
        index = next(i for i, a in enumerate(screen.articles)
                     if (a.path or "").endswith(ARTICLE))
        screen.open_article(index)
        await ready(app, pilot, screen)
        if item == "quote":
            quote = next(q for q in screen.document.quotes if isinstance(q, Quote)
                         and QUOTE_OPENING in screen.document.text[q.start:q.end])
            screen.select_and_show(quote.id)
        await pilot.press(*keys)
        await pilot.pause(0.5)
        save(app, name)


async def main() -> None:
    await take("explorer-quote-selected", ("n",), item="quote")
    await take("explorer-speaker-selected", ("1", "enter", "n"))
    await take("explorer-search", ("slash", *"fires"))


if __name__ == "__main__":
    asyncio.run(main())

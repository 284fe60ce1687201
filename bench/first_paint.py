"""Time to first paint: the explorer against a bare Textual app showing the same file.

Each run is a fresh process (imports included) in headless mode; the child
prints the wall-clock time when the article text is on screen, and exits at
once without waiting for any analysis. The explorer uses the real document
service with the cache off, so spaCy is loading in its worker meanwhile.

    /work/.venv/bin/python bench/first_paint.py [FILE] [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "sample_articles" / "home-secretary-balkans-summit.txt"


def _painted() -> None:
    print(f"{time.time():.6f}", flush=True)
    os._exit(0)  # do not wait for the analysis thread


def run_bare(path: str) -> None:
    from rich.text import Text
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    class Bare(App):
        def compose(self) -> ComposeResult:
            text = Path(path).read_text(encoding="utf-8")
            with VerticalScroll():
                yield Static(Text(text))

        def on_ready(self) -> None:
            self.call_after_refresh(_painted)

    Bare().run(headless=True)


def run_explorer(path: str) -> None:
    from explorer.app.app import ExplorerApp
    from explorer.app.screens.reader import ReaderScreen

    class Timed(ExplorerApp):
        def on_ready(self) -> None:
            self._wait_for_text()

        def _wait_for_text(self) -> None:
            screen = self.screen
            if isinstance(screen, ReaderScreen) and screen.view.line_count > 1:
                self.call_after_refresh(_painted)
            else:
                self.call_after_refresh(self._wait_for_text)

    Timed(paths=[path], use_cache=False).run(headless=True)


def measure(kind: str, path: str) -> float:
    start = time.time()
    result = subprocess.run([sys.executable, __file__, "--child", kind, path],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"{kind} failed: {result.stderr[-800:]}")
    return float(result.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "explorer"))
    args = parser.parse_args()
    if args.child == "bare":
        return run_bare(args.path)
    if args.child == "explorer":
        return run_explorer(args.path)
    bare, ours = [], []
    for _ in range(args.runs):  # interleaved, so load changes hit both alike
        bare.append(measure("bare", args.path))
        ours.append(measure("explorer", args.path))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"file: {args.path}  runs: {args.runs}  ({os.cpu_count()} CPUs, load {load})")
    print(f"bare Textual + Static : median {statistics.median(bare) * 1000:7.1f} ms  "
          f"(min {min(bare) * 1000:.1f})")
    print(f"explorer              : median {statistics.median(ours) * 1000:7.1f} ms  "
          f"(min {min(ours) * 1000:.1f})")
    print(f"ratio (median)        : {statistics.median(ours) / statistics.median(bare):.2f}"
          "  (target <= 1.5)")


if __name__ == "__main__":
    main()

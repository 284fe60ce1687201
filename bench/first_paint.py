"""Time to first paint: the explorer against a bare Textual app showing the same file.

Each run is a fresh process (imports included) in headless mode; the child
prints the wall-clock time at Textual's ``Ready`` event (the first frame has
been displayed; for the explorer that frame holds the article text) and exits
at once without waiting for any analysis. The explorer uses the real document
service with the cache off, so spaCy is loading in its worker meanwhile;
``--cache`` turns the cache on (an empty one in a temporary folder: the first
opening of an article, its lookup a miss).

    .venv/bin/python bench/first_paint.py [FILE] [--runs 7] [--cache]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ROOT / "sample_articles" / "balkans-summit-home-secretary.txt"


def _painted() -> None:
    # Wall clock, and the CPU the process used (all threads): the CPU is far less
    # disturbed by other work on a busy machine.
    print(f"{time.time():.6f} {time.process_time():.6f}", flush=True)
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
            _painted()

    Bare().run(headless=True)


def run_explorer(path: str, use_cache: bool = False) -> None:
    from explorer.app import collector

    collector.pause()  # as `explorer FILE` does (explorer/commands/open.py)
    from explorer.app.app import ExplorerApp
    from explorer.app.screens.reader import ReaderScreen

    class Timed(ExplorerApp):
        def on_ready(self) -> None:
            # The reader is the first screen, so its first frame holds the article.
            screen = self.screen
            assert isinstance(screen, ReaderScreen) and screen.view.line_count > 1
            _painted()

    Timed(paths=[path], use_cache=use_cache).run(headless=True)


def child_env(pycache: str) -> dict[str, str]:
    """Bytecode cached, as in any installed copy: this environment sets
    PYTHONDONTWRITEBYTECODE, which would make every run compile our modules afresh
    while Textual's come precompiled from site-packages."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = pycache
    return env


def measure(kind: str, path: str, env: dict[str, str],
            cache: bool = False) -> tuple[float, float]:
    """(wall seconds to the first frame, CPU seconds the child used by then)."""
    start = time.time()
    flags = ["--cache"] if cache else []
    result = subprocess.run([sys.executable, __file__, "--child", kind, path, *flags], env=env,
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    if result.returncode != 0 or not result.stdout.strip():
        raise SystemExit(f"{kind} failed: {result.stderr[-800:]}")
    painted, cpu = result.stdout.strip().splitlines()[-1].split()
    return float(painted) - start, float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", default=str(DEFAULT))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--child", choices=("bare", "explorer"))
    parser.add_argument("--cache", action="store_true",
                        help="the explorer with its (empty, temporary) analysis cache on")
    args = parser.parse_args()
    if args.child == "bare":
        return run_bare(args.path)
    if args.child == "explorer":
        return run_explorer(args.path, use_cache=args.cache)
    bare: list[tuple[float, float]] = []
    ours: list[tuple[float, float]] = []
    with tempfile.TemporaryDirectory(prefix="first-paint-pycache-") as pycache:
        env = child_env(pycache)
        env["EXPLORER_CACHE_DIR"] = str(Path(pycache) / "analysis-cache")
        measure("bare", args.path, env)  # warm-up: fills the bytecode cache
        measure("explorer", args.path, env, args.cache)
        for _ in range(args.runs):  # interleaved, so load changes hit both alike
            bare.append(measure("bare", args.path, env))
            ours.append(measure("explorer", args.path, env, args.cache))
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    cache = "cache on, empty" if args.cache else "cache off"
    print(f"file: {args.path}  runs: {args.runs}  {cache}  ({os.cpu_count()} CPUs, load {load})")
    for name, runs in (("bare Textual + Static", bare), ("explorer", ours)):
        wall, cpu = [run[0] for run in runs], [run[1] for run in runs]
        print(f"{name:22}: median {statistics.median(wall) * 1000:7.1f} ms  "
              f"(min {min(wall) * 1000:.1f})  CPU median {statistics.median(cpu) * 1000:.1f} ms")
    ratio = statistics.median(r[0] for r in ours) / statistics.median(r[0] for r in bare)
    cpu_ratio = statistics.median(r[1] for r in ours) / statistics.median(r[1] for r in bare)
    print(f"ratio (median)        : {ratio:.2f}  (target <= 1.2); CPU {cpu_ratio:.2f}")


if __name__ == "__main__":
    main()

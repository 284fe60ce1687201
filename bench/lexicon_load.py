"""What reading the word lists costs at start-up: every lexicon file, cold, in fresh processes.

    python bench/lexicon_load.py [--runs 7]

Each run starts a new interpreter, imports the loader and reads every file
under ``explorer/analysis/lexicons`` through ``importlib.resources``, timing
only the reading; prints the median and the worst run. Target: a few ms.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys

from bench_common import ROOT, conditions

_PROBE = """
import time
from explorer.analysis.lexicons import lexicon_names, words
start = time.perf_counter()
names = lexicon_names()
entries = sum(len(words(name)) for name in names)
print(time.perf_counter() - start, len(names), entries)
"""


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args(argv)
    seconds = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", _PROBE], cwd=ROOT, check=True, capture_output=True,
                             text=True).stdout.split()
        seconds.append(float(out[0]))
    print(f"{out[1]} lexicons, {out[2]} entries ({conditions()})")
    print(f"read all, median {statistics.median(seconds) * 1000:.2f} ms, worst {max(seconds) * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())

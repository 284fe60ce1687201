"""``explorer analyze DIR --jsonl`` over 1,000 cached articles, and the cache's size.

    python bench/cached_jsonl.py [--count 1000] [--folder DIR] [--cache DIR]

Fills the cache first with ``explorer index`` when it lacks the articles (slow
once); then times three cached runs. Target: under 3 s.
"""

from __future__ import annotations

import argparse
import subprocess
import tempfile
from pathlib import Path

from bench_common import conditions, explorer, explorer_env, timed
from synthetic_corpus import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--folder", type=Path, default=Path(tempfile.gettempdir()) / "synth1000")
    parser.add_argument("--cache", type=Path, default=Path(tempfile.gettempdir()) / "bench-cache")
    args = parser.parse_args()
    write_corpus(args.folder, args.count)
    env = explorer_env(args.cache)
    fill = timed(explorer("index", str(args.folder), "--quiet"), env)
    print(f"fill (index, only what is missing): {fill:.1f} s; {conditions()}")
    info = subprocess.run(explorer("cache", "info"), env=env, capture_output=True, text=True).stdout
    print(info.strip())
    for run in range(1, 4):
        seconds = timed(explorer("analyze", str(args.folder), "--jsonl"), env)
        print(f"run {run}: explorer analyze {args.count} cached articles --jsonl: {seconds:.2f} s")
    print(f"after: {conditions()}")


if __name__ == "__main__":
    main()

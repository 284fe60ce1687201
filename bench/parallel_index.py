"""Speed-up of ``explorer index`` with 2 jobs over 1, each filling an empty cache.

    python bench/parallel_index.py [--count 240]

Articles are synthetic (bench/synthetic_corpus.py) in a temporary folder. Target: >= 1.6x.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_common import conditions, explorer, explorer_env, timed
from synthetic_corpus import write_corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=240)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        write_corpus(folder, args.count)
        print(f"{args.count} synthetic articles; {conditions()}")
        times = {}
        for jobs in (1, 2):
            env = explorer_env(Path(work) / f"cache-{jobs}")
            times[jobs] = timed(explorer("index", str(folder), "--quiet", "--jobs", str(jobs)), env)
            print(f"explorer index --jobs {jobs}: {times[jobs]:6.1f} s "
                  f"({args.count / times[jobs]:.1f} articles/s)")
        print(f"speed-up 2 jobs vs 1: {times[1] / times[2]:.2f}x")
        print(f"after: {conditions()}")


if __name__ == "__main__":
    main()

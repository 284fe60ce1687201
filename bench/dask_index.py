"""``explorer index --dask local`` (2 workers) against ``--jobs 1`` and ``--jobs 2``.

    python bench/dask_index.py [--count 96]

The same synthetic articles (bench/synthetic_corpus.py ``write_corpus``: the
shipped samples, reshuffled) indexed from an empty cache each time, whole
processes timed. Targets (issue 16): dask vs --jobs 1 >= 1.7x; dask vs --jobs 2
is reported (what the engine costs over a plain process pool). Needs the
[dask] extra.
"""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path

from bench_common import conditions, explorer, explorer_env, timed
from parallel_index import available_parallelism
from synthetic_corpus import write_corpus

RUNS = {
    "--jobs 1": ["--jobs", "1"],
    "--jobs 2": ["--jobs", "2"],
    "--dask local (2 workers)": ["--dask", "local", "--jobs", "2"],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--count", type=int, default=96)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        write_corpus(folder, args.count)
        print(f"{args.count} synthetic articles; before: {conditions()}")
        times, outputs = {}, {}
        for number, (label, options) in enumerate(RUNS.items()):
            env = explorer_env(Path(work) / f"cache-{number}")
            out = Path(work) / f"index-{number}.json"
            with out.open("wb") as stdout:
                times[label] = timed(explorer("index", str(folder), "--quiet", "--json", *options),
                                     env, stdout=stdout)
            outputs[label] = out.read_bytes()
            print(f"explorer index {label}: {times[label]:6.1f} s "
                  f"({args.count / times[label]:.2f} articles/s)", flush=True)
        dask = times["--dask local (2 workers)"]
        print(f"dask vs --jobs 1: {times['--jobs 1'] / dask:.2f}x (target >= 1.7x)")
        print(f"dask vs --jobs 2: {times['--jobs 2'] / dask:.2f}x (1.0 = no engine overhead)")
        same = len(set(outputs.values())) == 1
        print(f"index --json output identical across the three: {same}")
        print(f"the machine's own 2-process speed-up on pure Python, now: {available_parallelism():.2f}x")
        print(f"after: {conditions()}")


if __name__ == "__main__":
    main()

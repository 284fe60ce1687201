"""``explorer index --dask local`` (2 workers) against ``--jobs 1`` and ``--jobs 2``.

    python bench/dask_index.py [--count 96] [--rounds 3] [--shared-fs]

The same synthetic articles (bench/synthetic_corpus.py ``write_corpus``: the
shipped samples, reshuffled) indexed from an empty cache each time, whole
processes timed. With ``--rounds N`` the runs are interleaved N times (the
machine's load drifts) and the ratios come from the medians; ``--shared-fs``
adds a run where the workers read the files themselves. Each run's CPU seconds
(all its processes) are printed beside its wall time: the load disturbs them less. Targets (issue 16): dask vs --jobs 1 >= 1.7x; dask vs --jobs 2
is reported (what the engine costs over a plain process pool). Needs the
[dask] extra.
"""

from __future__ import annotations

import argparse
import resource
import statistics
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
    parser.add_argument("--rounds", type=int, default=1)
    parser.add_argument("--shared-fs", action="store_true")
    args = parser.parse_args()
    runs = dict(RUNS)
    if args.shared_fs:
        runs["--dask local --shared-fs"] = ["--dask", "local", "--jobs", "2", "--shared-fs"]
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work) / "articles"
        write_corpus(folder, args.count)
        print(f"{args.count} synthetic articles; before: {conditions()}")
        times: dict[str, list[float]] = {label: [] for label in runs}
        cpus: dict[str, list[float]] = {label: [] for label in runs}
        outputs = {}
        for round_number in range(args.rounds):
            for number, (label, options) in enumerate(runs.items()):
                env = explorer_env(Path(work) / f"cache-{round_number}-{number}")
                out = Path(work) / f"index-{number}.json"
                before = children_cpu()
                with out.open("wb") as stdout:
                    took = timed(explorer("index", str(folder), "--quiet", "--json", *options),
                                 env, stdout=stdout)
                cpu = children_cpu() - before
                times[label].append(took)
                cpus[label].append(cpu)
                outputs[label] = out.read_bytes()
                print(f"explorer index {label}: {took:6.1f} s, {cpu:5.1f} CPU s "
                      f"({args.count / took:.2f} articles/s; {conditions()})", flush=True)
        median = {label: statistics.median(values) for label, values in times.items()}
        print(f"median CPU seconds (all processes): "
              f"{', '.join(f'{label} {statistics.median(v):.1f}' for label, v in cpus.items())}")
        dask = median["--dask local (2 workers)"]
        print(f"medians: {', '.join(f'{label} {value:.1f} s' for label, value in median.items())}")
        print(f"dask vs --jobs 1: {median['--jobs 1'] / dask:.2f}x (target >= 1.7x)")
        print(f"dask vs --jobs 2: {median['--jobs 2'] / dask:.2f}x (1.0 = no engine overhead)")
        same = len(set(outputs.values())) == 1
        print(f"index --json output identical across the runs: {same}")
        print(f"the machine's own 2-process speed-up on pure Python, now: {available_parallelism():.2f}x")
        print(f"after: {conditions()}")


def children_cpu() -> float:
    """CPU seconds of the finished child processes and theirs (the workers, the pool)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()

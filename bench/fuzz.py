"""A long hypothesis run of the analysis invariants (spans, ids, texts, JSON round trip).

The same properties as ``tests/test_invariants.py``, with a bigger budget:

    python bench/fuzz.py --examples 2000 [--seed 0]

Prints how many examples ran, the failures (shrunk to a minimal text) and the time.
Exit code 1 when any example broke an invariant. ``pytest --run-slow`` runs the
same property as ``test_fuzz_long_run``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, settings, seed  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from test_invariants import article_texts, check_invariants, mutated_articles  # noqa: E402


def fuzz(examples: int, random_seed: int | None) -> tuple[int, list[BaseException], float]:
    """Run ``examples`` texts through analysis and the checks; the failures hypothesis found."""
    from explorer.analysis import analyze, load_pipeline
    from explorer.sources import read_text_article

    nlp = load_pipeline()
    ran = 0

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        report_multiple_bugs=True,
        phases=[Phase.generate, Phase.shrink],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=st.one_of(article_texts(), mutated_articles()))
    def property_holds(text: str) -> None:
        nonlocal ran
        ran += 1
        check_invariants(analyze(read_text_article(text), nlp), text)

    if random_seed is not None:
        property_holds = seed(random_seed)(property_holds)
    started = time.perf_counter()
    failures: list[BaseException] = []
    try:
        property_holds()
    except BaseExceptionGroup as group:  # several distinct bugs
        failures.extend(group.exceptions)
    except Exception as exc:  # noqa: BLE001 - report, don't crash the bench
        failures.append(exc)
    return ran, failures, time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    ran, failures, elapsed = fuzz(args.examples, args.seed)
    print(f"examples run: {ran} (budget {args.examples}, including shrinking)")
    print(f"failures: {len(failures)}")
    for failure in failures:
        first = str(failure).strip().splitlines()[:6]
        print(f"  {type(failure).__name__}: " + "\n    ".join(first))
        for note in getattr(failure, "__notes__", [])[:3]:
            print(f"    {note[:500]}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(ran, 1) * 1000:.0f} ms per example)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""A long hypothesis run of the analysis invariants (spans, ids, texts, JSON round trip).

The same properties as ``tests/test_invariants.py``, with a bigger budget:

    python bench/fuzz.py --examples 2000 [--seed 0]

Prints how many examples ran, the failures grouped by kind (with the shortest text
of each) and the time.
Exit code 1 when any example broke an invariant. ``pytest --run-slow`` runs the
same property as ``test_fuzz_long_run``.
"""

from __future__ import annotations

import argparse
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hypothesis import HealthCheck, Phase, given, seed, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_invariants import article_texts, check_invariants, mutated_articles  # noqa: E402


@dataclass
class Failure:
    """One kind of failure (exception type and where it was raised) and its shortest text."""

    kind: str
    message: str
    text: str
    count: int = 1


def _signature(exc: BaseException) -> tuple[str, str]:
    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if "/explorer/" in f.filename] or frames  # the rule, not spaCy
    where = f"{'/'.join(Path(ours[-1].filename).parts[-2:])}:{ours[-1].lineno}" if ours else "?"
    if isinstance(exc, AssertionError):  # an invariant: the check's message says which
        where = str(exc).split(" ", 2)[-1][:60]
    return type(exc).__name__, where


def fuzz(examples: int, random_seed: int | None) -> tuple[int, list[Failure], float]:
    """Run ``examples`` texts through analysis and the checks, carrying on past failures.

    Failures are grouped by exception type and place, keeping the shortest text of
    each, so one known bug does not hide the others (hypothesis alone stops at the first).
    """
    from explorer.analysis import analyze, load_pipeline
    from explorer.sources import read_text_article

    nlp = load_pipeline()
    ran = 0
    failures: dict[tuple[str, str], Failure] = {}

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        phases=[Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
    @given(text=st.one_of(article_texts(), mutated_articles()))
    def property_holds(text: str) -> None:
        nonlocal ran
        ran += 1
        try:
            check_invariants(analyze(read_text_article(text), nlp), text)
        except Exception as exc:  # noqa: BLE001 - every failure is a finding to report
            kind, where = _signature(exc)
            known = failures.get((kind, where))
            if known is None:
                failures[kind, where] = Failure(f"{kind} at {where}", str(exc)[:300], text)
            else:
                known.count += 1
                if len(text) < len(known.text):
                    known.text = text

    if random_seed is not None:
        property_holds = seed(random_seed)(property_holds)
    started = time.perf_counter()
    property_holds()
    return ran, list(failures.values()), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=None)
    args = parser.parse_args(argv)
    ran, failures, elapsed = fuzz(args.examples, args.seed)
    failed = sum(f.count for f in failures)
    print(f"examples run: {ran}")
    print(f"failures: {failed} examples, {len(failures)} distinct")
    for failure in failures:
        print(f"  {failure.count} x {failure.kind}")
        print(f"    {failure.message.splitlines()[0] if failure.message else ''}")
        print(f"    shortest text: {failure.text[:300]!r}")
    print(f"time: {elapsed:.1f} s ({elapsed / max(ran, 1) * 1000:.0f} ms per example)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

"""Attribution on both dev sets in one table: PolNeAR (US) and the BBC set (British).

    python bench/attribution_accuracy.py [--polnear-docbin FILE] [--bbc-docbin FILE]

Runs ``quote_accuracy.py`` (PolNeAR dev) and ``bbc_accuracy.py`` (BBC dev), each
writing its JSON report, and prints the measures a change to the analysis must
not trade against each other, with the targets beside them. The DocBin options
reuse saved spaCy parses so that tuning the rules does not re-run spaCy.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

BENCH = Path(__file__).resolve().parent
SHARED = BENCH.parent.parent / "shared"

ROWS = (
    # label, data set, key path in its report, target
    ("speaker accuracy", "bbc", ("totals", "speaker_acc"), 0.95),
    ("direct recall", "bbc", ("totals", "direct_R"), 0.99),
    ("quote false-positive rate", "bbc", ("totals", "quote_FP"), "<= 0.01"),
    ("reported speech, right speaker", "bbc", ("totals", "indirect_R"), 0.90),
    ("speaker accuracy", "polnear", ("metrics", "speaker_accuracy"), 0.955),
    ("end-to-end F1", "polnear", ("metrics", "end_to_end", "f1"), 0.91),
    ("direct strict F1", "polnear", ("metrics", "direct_strict", "f1"), 0.76),
    ("all-attribution recall", "polnear", ("metrics", "all_attributions", "r"), 0.72),
    ("all-attribution precision", "polnear", ("metrics", "all_attributions", "p"), 0.90),
)


def _run(command: list[str]) -> None:
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, check=False)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")


def _value(report: dict, path: tuple[str, ...]) -> float:
    for key in path:
        report = report[key]
    return float(report)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear-docbin", type=Path, help="reuse (see quote_accuracy.py --docbin)")
    parser.add_argument("--bbc-docbin", type=Path, help="reuse (or save) the BBC parses")
    parser.add_argument("--out", type=Path, help="where the analyses go (default: a temp dir)")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="explorer-attribution-"))
    polnear = [sys.executable, str(BENCH / "quote_accuracy.py"), str(SHARED / "data" / "polnear"),
               "--split", "dev", "--out", str(out / "polnear"), "--json-out", str(out / "polnear.json")]
    if args.polnear_docbin:
        polnear += ["--docbin", str(args.polnear_docbin)]
    bbc = [sys.executable, str(BENCH / "bbc_accuracy.py"), "--out", str(out / "bbc"), "--quiet"]
    if args.bbc_docbin:
        bbc += ["--docbin", str(args.bbc_docbin)]
    _run(polnear)
    _run(bbc)
    reports = {"polnear": json.loads((out / "polnear.json").read_text(encoding="utf-8")),
               "bbc": json.loads((out / "bbc" / "report.json").read_text(encoding="utf-8"))}
    print(f"{'measure':34} {'data set':10} {'now':>7} {'target':>9}")
    for label, dataset, path, target in ROWS:
        value = _value(reports[dataset], path)
        wanted = target if isinstance(target, str) else f">= {target:.3f}"
        met = value <= 0.01 if isinstance(target, str) else value >= target
        print(f"{label:34} {dataset:10} {value:7.3f} {wanted:>9} {'met' if met else ''}")
    print(f"\nanalyses and reports in {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

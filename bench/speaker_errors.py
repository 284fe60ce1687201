"""Where speaker attribution goes wrong on PolNeAR, rule by rule.

    python bench/quote_accuracy.py ../shared/data/polnear --split train --out train-json
    python bench/speaker_errors.py train-json --split train [--rule mixed.reported]

Reads the analyses ``quote_accuracy.py --out`` wrote and judges each matched
direct quote's speaker the way the shared harness does. It prints, for every
quote rule, how many of its speakers are wrong; with ``--rule`` (or ``all``) it
also prints each wrong one with its context, to tune the rules on train. The
corpus is read in place and nothing of it is written.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository; ../shared (data, tools) sits beside it."""
HARNESS = ROOT.parent / "shared" / "tools" / "quote_eval" / "eval.py"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def load_harness():
    spec = importlib.util.spec_from_file_location("quote_eval", HARNESS)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("json_dir", type=Path, help="the analyses, <article stem>.json")
    parser.add_argument("--split", default="train")
    parser.add_argument("--rule", help="print the wrong speakers of this rule ('all': every rule)")
    args = parser.parse_args(argv)
    harness = load_harness()
    totals: collections.Counter[str] = collections.Counter()
    wrong: collections.Counter[str] = collections.Counter()
    shown = []
    for article in harness.load_split(str(POLNEAR), args.split):
        path = args.json_dir / f"{article.stem}.json"
        analysis = json.loads(path.read_text(encoding="utf-8"))
        names = {speaker["id"]: speaker["name"] for speaker in analysis["speakers"]}
        text = article.text
        judged = harness.normalise_output(analysis, len(text))
        predictions = list(zip(judged, analysis["quotes"], strict=True))
        quoted = [(p, q) for p, q in predictions
                  if harness.is_quoted(text[max(0, p.start - 1) : min(len(text), p.end + 1)])]
        for gold in (g for g in article.gold if g.direct):
            def overlap(prediction, gold=gold):
                return harness._overlap(prediction.start, prediction.end, gold.content.frags)

            overlapping = [(p, q) for p, q in quoted if overlap(p) > 0]
            if not overlapping:
                continue
            best, quote = min(overlapping, key=lambda pq: (-overlap(pq[0]), pq[0].start))
            verdict = harness.speaker_correct(best, gold)
            if verdict is None:
                continue
            rule = quote.get("rule") or "?"
            totals[rule] += 1
            if not verdict:
                wrong[rule] += 1
                if args.rule in (rule, "all"):
                    context = text[max(0, best.start - 120) : best.end + 60].replace("\n", " ")
                    shown.append(f"[{rule}] ours {names.get(quote.get('speaker_id'))!r}, "
                                 f"gold {gold.source.text!r}\n    {context}")
    print(f"PolNeAR {args.split}: wrong speakers / matched direct quotes, by rule")
    for rule, total in totals.most_common():
        print(f"  {rule:28} {wrong[rule]:4} / {total}")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Where speaker attribution goes wrong on PolNeAR or the BBC dev set, rule by rule.

    python bench/quote_accuracy.py ../shared/data/polnear --split train --out train-json
    python bench/speaker_errors.py train-json --split train [--rule mixed.reported]
    python bench/bbc_accuracy.py --out bbc-json
    python bench/speaker_errors.py bbc-json --bbc [--rule all]

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

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
HARNESS = SHARED / "tools" / "quote_eval" / "eval.py"
POLNEAR = SHARED / "data" / "polnear"


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
    parser.add_argument("--bbc", action="store_true",
                        help="JSON_DIR is a bbc_accuracy.py --out folder: read its report.json")
    args = parser.parse_args(argv)
    if args.bbc:
        return bbc_errors(args.json_dir, args.rule)
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


def bbc_errors(json_dir: Path, shown_rule: str | None) -> int:
    """The BBC scorer's wrong speakers (direct and reported), counted by the explorer's rule."""
    report = json.loads((json_dir / "report.json").read_text(encoding="utf-8"))
    wrong: collections.Counter[str] = collections.Counter()
    shown = []
    for article in report["articles"]:
        failures = [*article["wrong_speakers"],
                    *(f for f in article["indirect_failures"] if f.get("why") == "wrong speaker")]
        for failure in failures:
            rule = failure.get("rule") or "?"
            wrong[rule] += 1
            if shown_rule in (rule, "all"):
                shown.append(f"[{rule}] {article['article']}: ours {failure.get('explorer_speaker')!r}, "
                             f"gold {failure.get('gold_speaker')!r}\n    {failure['snippet']!r}")
    print("BBC dev: wrong speakers by rule (direct quotes and reported speech)")
    for rule, count in wrong.most_common():
        print(f"  {rule:28} {count:4}")
    for line in shown:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

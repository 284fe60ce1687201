"""Train the speaker-confidence model and print its reliability table.

    python bench/quote_accuracy.py ../shared/data/polnear --split train --out pn-train
    python bench/quote_accuracy.py ../shared/data/polnear --split dev --out pn-dev
    python bench/bbc_accuracy.py --out bbc-json
    python bench/train_confidence.py pn-train pn-dev bbc-json [--write]

Each analysed quote that overlaps a gold attribution with a source is labelled
right or wrong the way the shared scorers judge it (PolNeAR's harness; the BBC
scorer's name rules). A logistic model over ``confidence.features`` is fitted
on PolNeAR train plus the first half of the BBC dev articles (deterministic:
Newton steps from zero, fixed L2), then judged on PolNeAR dev and the other
BBC half: per bin, the mean confidence against the share that is right.
``--write`` saves the weights the analysis ships.
"""

from __future__ import annotations

import argparse
import importlib.util
import itertools
import json
import sys
from pathlib import Path

import numpy

from explorer.analysis.quotes import confidence
from explorer.model import LOW_CONFIDENCE
from explorer.model_json import from_json_dict

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
BBC = SHARED / "data" / "bbc-dev"
WEIGHTS = Path(confidence.__file__).with_name(confidence.WEIGHTS_FILE)
L2 = 1.0
BINS = (0.0, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0001)


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _features_of(analysis: dict) -> dict[str, list[str]]:
    doc = from_json_dict(analysis)
    return {q.id: confidence.features(q, doc.item(q.speaker_id) if q.speaker_id else None, doc.text)
            for q in doc.quotes}


def polnear_examples(json_dir: Path, split: str) -> list[tuple[list[str], int]]:
    """Each prediction overlapping a gold attribution with a source, judged by the harness."""
    harness = _load(SHARED / "tools" / "quote_eval" / "eval.py", "quote_eval")
    examples = []
    for article in harness.load_split(str(POLNEAR), split):
        analysis = json.loads((json_dir / f"{article.stem}.json").read_text(encoding="utf-8"))
        feats = _features_of(analysis)
        judged = harness.normalise_output(analysis, len(article.text))
        for prediction, quote in zip(judged, analysis["quotes"], strict=True):
            golds = [g for g in article.gold
                     if harness._overlap(prediction.start, prediction.end, g.content.frags) > 0]
            if not golds:
                continue
            gold = max(golds, key=lambda g: harness._overlap(prediction.start, prediction.end, g.content.frags))
            verdict = harness.speaker_correct(prediction, gold)
            if verdict is not None:
                examples.append((feats[quote["id"]], int(verdict)))
    return examples


def bbc_examples(json_dir: Path, names: list[str]) -> list[tuple[list[str], int]]:
    """Each gold quote or reported-speech snippet's explorer quote, judged by the BBC scorer."""
    scorer = _load(SHARED / "tools" / "bbc_eval" / "score.py", "bbc_score")
    examples = []
    for name in names:
        gold = json.loads((BBC / "gold" / f"{name}.json").read_text(encoding="utf-8"))
        analysis = json.loads((json_dir / f"{name}.json").read_text(encoding="utf-8"))
        feats = _features_of(analysis)
        text, quotes = analysis["text"], analysis["quotes"]
        speakers = {s["id"]: s for s in analysis["speakers"]}
        known = scorer.gold_identities(gold) + scorer.gold_bodies(gold)
        labelled: dict[str, int] = {}
        for item in [*gold.get("quotes", []), *gold.get("indirect", [])]:
            where = scorer.locate(text, item["snippet"], item.get("occurrence"))
            if where is None or item.get("speaker") is None:
                continue
            candidates = [q for q in quotes if scorer.contains(q, where)]
            if not candidates:
                continue
            quote = min(candidates, key=lambda q: (q["kind"] not in ("direct", "mixed"), q["end"] - q["start"]))
            ident = (item["speaker"], item.get("speaker_aliases") or [], item.get("speaker_kind"))
            right = scorer.speaker_ok(speakers.get(quote.get("speaker_id")), *ident,
                                      others=scorer.others_for(ident, known))
            labelled[quote["id"]] = min(labelled.get(quote["id"], 1), int(bool(right)))
        examples += [(feats[quote_id], label) for quote_id, label in labelled.items()]
    return examples


def fit(examples: list[tuple[list[str], int]]) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by Newton's method: the same data, the same weights."""
    vocabulary = sorted({f for names, _ in examples for f in names})
    column = {f: i + 1 for i, f in enumerate(vocabulary)}
    x = numpy.zeros((len(examples), len(vocabulary) + 1))
    x[:, 0] = 1.0
    for row, (names, _) in enumerate(examples):
        for f in names:
            x[row, column[f]] = 1.0
    y = numpy.array([label for _, label in examples], dtype=float)
    w = numpy.zeros(x.shape[1])
    penalty = numpy.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + numpy.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty) + 1e-9 * numpy.eye(x.shape[1])
        w -= numpy.linalg.solve(hessian, gradient)
    return round(float(w[0]), 4), {f: round(float(w[column[f]]), 4) for f in vocabulary}


def reliability(name: str, examples, bias: float, weights: dict[str, float]) -> None:
    scores = [(confidence.score(names, bias, weights), label) for names, label in examples]
    print(f"\n{name}: {len(scores)} attributions, {sum(right for _, right in scores) / len(scores):.3f} right")
    print(f"  {'confidence':12} {'n':>5} {'mean conf':>10} {'share right':>12}")
    error = 0.0
    for low, high in itertools.pairwise(BINS):
        group = [(score, right) for score, right in scores if low <= score < high]
        if not group:
            continue
        mean = sum(score for score, _ in group) / len(group)
        share = sum(right for _, right in group) / len(group)
        error += len(group) / len(scores) * abs(mean - share)
        print(f"  {low:.1f}-{min(high, 1.0):.1f}      {len(group):5} {mean:10.3f} {share:12.3f}")
    low_share = sum(1 for score, _ in scores if score < LOW_CONFIDENCE) / len(scores)
    print(f"  expected calibration error {error:.3f}; marked low (< {LOW_CONFIDENCE}): {low_share:.1%}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("polnear_train", type=Path, help="analyses of PolNeAR train (<stem>.json)")
    parser.add_argument("polnear_dev", type=Path, help="analyses of PolNeAR dev")
    parser.add_argument("bbc", type=Path, help="analyses of the BBC dev set (<name>.json)")
    parser.add_argument("--write", action="store_true", help=f"save the weights to {WEIGHTS.name}")
    args = parser.parse_args(argv)
    names = sorted(p.stem for p in (BBC / "gold").glob("*.json"))
    tune, check = names[: len(names) // 2], names[len(names) // 2 :]
    train = polnear_examples(args.polnear_train, "train") + bbc_examples(args.bbc, tune)
    bias, weights = fit(train)
    reliability("fitted on: PolNeAR train + BBC dev first half", train, bias, weights)
    reliability("PolNeAR dev", polnear_examples(args.polnear_dev, "dev"), bias, weights)
    reliability("BBC dev second half (held out)", bbc_examples(args.bbc, check), bias, weights)
    if args.write:
        WEIGHTS.write_text(json.dumps({"bias": bias, "weights": weights}, indent=1, sort_keys=True) + "\n",
                           encoding="utf-8")
        print(f"\nwrote {WEIGHTS}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

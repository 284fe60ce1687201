"""Fit the speaker ranker and compare it with the rules it would overrule, set by set.

    python bench/train_ranker.py --polnear-train-docbin TRAIN.spacy \
        --polnear-dev-docbin DEV.spacy --bbc-docbin BBC.spacy [--write]

For every draft quote a weak rule attributed (``ranker.candidates``), each
candidate speaker mention is labelled right or wrong against the gold: on
PolNeAR the harness's test (the mention overlaps the gold source, or shares a
content word with it); on the BBC set the scorer's name test (pronouns, which
only coreference can judge there, are left out). A logistic model is fitted on
PolNeAR train plus the first half of the BBC articles by file name
(deterministic: Newton steps from zero, fixed L2), then each rule is judged on
PolNeAR dev and the other BBC half: how often the rule's own pick is right
against how often the ranker's is. ``--write`` saves the weights, listing only
the rules where the ranker beat the rule on train and on a held-out set and
lost on neither held-out set.
"""

from __future__ import annotations

import argparse
import collections
import importlib.util
import json
from pathlib import Path

import numpy
from spacy.tokens import DocBin

from explorer.analysis import load_pipeline
from explorer.analysis.quotes import ranker, read_drafts
from explorer.sources import read_text_article

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
POLNEAR = SHARED / "data" / "polnear"
BBC = SHARED / "data" / "bbc-dev"
WEIGHTS = Path(ranker.__file__).with_name(ranker.WEIGHTS_FILE)
RULES = ("direct.floating", "direct.nearest_speaker", "direct.clause_subject", "mixed.clause_subject",
         "mixed.reported", "direct.previous_sentence", "direct.colon_intro")
L2 = 1.0
FOLDS = 5

Example = tuple[str, list[list[str]], list[int | None], int]
"""A draft's rule, its candidates' feature names and labels, and the rule's own candidate."""


def _load(path: Path, name: str):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _docs(docbin: Path, nlp) -> list:
    return list(DocBin().from_disk(docbin).get_docs(nlp.vocab))


def _examples(reader, drafts, label_of) -> list[Example]:
    """Each weak-rule draft with a gold speaker: its candidates, labelled."""
    found = []
    for index, draft in enumerate(drafts):
        if draft.rule not in RULES or draft.speaker is None:
            continue
        labels_for = label_of(draft)
        if labels_for is None:
            continue
        options = ranker.candidates(reader, drafts, index)
        labels = [labels_for(reader.doc[s:e]) for s, e in (c.tokens for c in options)]
        rule_pick = next((k for k, c in enumerate(options) if c.tokens == draft.speaker), -1)
        found.append((draft.rule, [ranker.feature_names(draft.rule, c) for c in options], labels, rule_pick))
    return found


def polnear_examples(split: str, docbin: Path, nlp) -> list[list[Example]]:
    """The examples of each article of a PolNeAR split, article by article."""
    harness = _load(SHARED / "tools" / "quote_eval" / "eval.py", "quote_eval")
    articles = harness.load_split(str(POLNEAR), split)
    examples: list[list[Example]] = []
    for gold_article, doc in zip(articles, _docs(docbin, nlp), strict=True):
        article = read_text_article(gold_article.text, f"{gold_article.stem}.txt")
        reader, drafts = read_drafts(doc, article)

        def label_of(draft, gold=gold_article.gold):
            overlaps = [(sum(harness._overlap(s, e, g.content.frags) for s, e in draft.parts), g) for g in gold]
            overlaps = [(o, g) for o, g in overlaps if o > 0 and g.source is not None]
            if not overlaps:
                return None
            source = max(overlaps, key=lambda og: og[0])[1].source
            words = harness.content_words(source.text)

            def right(span) -> int:
                if harness._overlap(span.start_char, span.end_char, source.frags) > 0:
                    return 1
                return int(bool(harness.content_words(span.text) & words))
            return right

        examples.append(_examples(reader, drafts, label_of))
    return examples


def bbc_examples(names: list[str], docbin: Path, nlp) -> list[Example]:
    scorer = _load(SHARED / "tools" / "bbc_eval" / "score.py", "bbc_score")
    files = sorted((BBC / "articles").glob("*.txt"))
    wanted = set(names)
    examples: list[Example] = []
    for path, doc in zip(files, _docs(docbin, nlp), strict=True):
        if path.stem not in wanted:
            continue
        article = read_text_article(path.read_text(encoding="utf-8"), path.name)
        gold = json.loads((BBC / "gold" / f"{path.stem}.json").read_text(encoding="utf-8"))
        located = []
        for item in [*gold.get("quotes", []), *gold.get("indirect", [])]:
            where = scorer.locate(doc.text, item["snippet"], item.get("occurrence"))
            if where is not None and item.get("speaker"):
                located.append((where, (item["speaker"], item.get("speaker_aliases") or [],
                                        item.get("speaker_kind"))))
        reader, drafts = read_drafts(doc, article)

        def label_of(draft, located=located):
            ident = next((i for (s, e), i in located if draft.start <= s and e <= draft.end), None)
            if ident is None:
                return None

            def right(span) -> int | None:
                if span.root.pos_ == "PRON":
                    return None
                return int(scorer.name_matches(scorer.norm(span.text), ident))
            return right

        examples += _examples(reader, drafts, label_of)
    return examples


def _rows(examples: list[Example]) -> list[tuple[list[str], int]]:
    """Candidate rows of the drafts where some candidate is right (the others teach nothing)."""
    return [(names, label) for _, options, labels, _ in examples if 1 in labels
            for names, label in zip(options, labels, strict=True) if label is not None]


def fit(rows: list[tuple[list[str], int]]) -> tuple[float, dict[str, float]]:
    """L2-regularised logistic regression by Newton's method: the same data, the same weights."""
    vocabulary = sorted({f for names, _ in rows for f in names})
    column = {f: i + 1 for i, f in enumerate(vocabulary)}
    x = numpy.zeros((len(rows), len(vocabulary) + 1))
    x[:, 0] = 1.0
    for row, (names, _) in enumerate(rows):
        for f in names:
            x[row, column[f]] = 1.0
    y = numpy.array([label for _, label in rows], dtype=float)
    w = numpy.zeros(x.shape[1])
    penalty = numpy.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(25):
        p = 1.0 / (1.0 + numpy.exp(-x @ w))
        gradient = x.T @ (p - y) + penalty * w
        hessian = (x * (p * (1 - p))[:, None]).T @ x + numpy.diag(penalty) + 1e-9 * numpy.eye(x.shape[1])
        w -= numpy.linalg.solve(hessian, gradient)
    return round(float(w[0]), 4), {f: round(float(w[column[f]]), 4) for f in vocabulary if abs(w[column[f]]) >= 1e-4}


def compare(examples: list[Example], weights: dict[str, float]) -> dict[str, tuple[int, int, int, int]]:
    """Per rule: drafts judged, the rule's pick right, the ranker's pick right, and the best possible."""
    table: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for rule, options, labels, rule_pick in examples:
        if all(label is None for label in labels):
            continue
        best = max(range(len(options)), key=lambda k: ranker.score(options[k], weights))
        if len(options) < 2:
            best = rule_pick
        row = table[rule]
        row[0] += 1
        row[1] += rule_pick >= 0 and labels[rule_pick] == 1
        row[2] += labels[best] == 1
        row[3] += 1 in labels
    return {rule: tuple(row) for rule, row in sorted(table.items())}


def cross_validated(by_article: list[list[Example]], extra: list[Example]) -> dict:
    """The ranker judged on PolNeAR train articles it was not fitted on, fold by fold."""
    totals: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0, 0])
    for fold in range(FOLDS):
        fitted = [e for k, article in enumerate(by_article) if k % FOLDS != fold for e in article]
        judged = [e for k, article in enumerate(by_article) if k % FOLDS == fold for e in article]
        _, weights = fit(_rows(fitted + extra))
        for rule, row in compare(judged, weights).items():
            totals[rule] = [a + b for a, b in zip(totals[rule], row, strict=True)]
    return {rule: tuple(row) for rule, row in sorted(totals.items())}


def report(name: str, table: dict[str, tuple[int, int, int, int]]) -> None:
    print(f"\n{name}\n  {'rule':26} {'n':>5} {'rule right':>11} {'ranker right':>13} {'reachable':>10}")
    for rule, (n, by_rule, by_ranker, reachable) in table.items():
        print(f"  {rule:26} {n:5} {by_rule:11} {by_ranker:13} {reachable:10}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--polnear-train-docbin", type=Path, required=True)
    parser.add_argument("--polnear-dev-docbin", type=Path, required=True)
    parser.add_argument("--bbc-docbin", type=Path, required=True)
    parser.add_argument("--write", action="store_true", help=f"save the weights to {WEIGHTS.name}")
    args = parser.parse_args(argv)
    nlp = load_pipeline()
    names = sorted(p.stem for p in (BBC / "gold").glob("*.json"))
    tune, check = names[: len(names) // 2], names[len(names) // 2 :]
    by_article = polnear_examples("train", args.polnear_train_docbin, nlp)
    tuning = bbc_examples(tune, args.bbc_docbin, nlp)
    train = [e for article in by_article for e in article] + tuning
    dev = [e for article in polnear_examples("dev", args.polnear_dev_docbin, nlp) for e in article]
    held_out = bbc_examples(check, args.bbc_docbin, nlp)
    report(f"PolNeAR train, {FOLDS}-fold cross-validation by article (each fold fitted without it)",
           cross_validated(by_article, tuning))
    bias, weights = fit(_rows(train))
    tables = {"fitted on: PolNeAR train + BBC first half": compare(train, weights),
              "PolNeAR dev": compare(dev, weights),
              "BBC second half (held out)": compare(held_out, weights)}
    for name, table in tables.items():
        report(name, table)
    fitted, *held = tables.values()
    kept = [rule for rule in RULES
            if rule in fitted and fitted[rule][2] > fitted[rule][1]
            and all(t[rule][2] >= t[rule][1] for t in held if rule in t)
            and any(t[rule][2] > t[rule][1] for t in held if rule in t)]
    print(f"\nrules where the ranker beats the rule on train and on a held-out set, losing on none: "
          f"{kept or 'none'}")
    if args.write:
        WEIGHTS.write_text(json.dumps({"rules": kept, "bias": bias, "weights": weights}, indent=1,
                                      sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {WEIGHTS}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

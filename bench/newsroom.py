"""What the newsroom features cost on the sample articles: the sources card (now in every
JSON document), applying corrections, quote sheets, and comparing every pair of articles.

Run: .venv/bin/python bench/newsroom.py   (analyses the samples once, with spaCy)
"""

from __future__ import annotations

import itertools
import statistics
import time
from pathlib import Path

from explorer import model_json
from explorer.analysis import analyze, load_pipeline
from explorer.analysis.compare import compare
from explorer.analysis.sources_card import sources_card
from explorer.quote_sheet import sheet_rows, to_csv, to_markdown
from explorer.sources import SourceError, iter_articles
from explorer.store import corrections as fixes
from explorer.store.corrections import apply_corrections

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"
REPEAT = 20


def per_call_ms(function, items) -> float:
    """Median over REPEAT rounds of the mean time per item, in milliseconds."""
    rounds = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        for item in items:
            function(item)
        rounds.append((time.perf_counter() - start) / len(items) * 1000)
    return statistics.median(rounds)


def main() -> None:
    nlp = load_pipeline()
    articles = [a for a in iter_articles([str(SAMPLES)]) if not isinstance(a, SourceError)]
    docs = [analyze(a, nlp) for a in articles]
    docs = [d for d in docs if d.error is None]
    quoted = [d for d in docs if len(d.quotes) >= 2 and d.speakers]
    print(f"{len(docs)} sample articles, {sum(len(d.quotes) for d in docs)} quotes")
    print(f"sources card                 {per_call_ms(sources_card, docs):7.3f} ms/article")
    print(f"JSON document (with sources) {per_call_ms(model_json.dumps, docs):7.3f} ms/article")

    def correct(doc):
        first, second = doc.quotes[0], doc.quotes[1]
        return apply_corrections(doc, [fixes.reassign(first, "Dana Webb"),
                                       fixes.not_a_quote(second),
                                       fixes.rename(doc.speakers[0], "Renamed")])

    print(f"apply 3 corrections          {per_call_ms(correct, quoted):7.3f} ms/article")
    print(f"quote sheet rows + CSV       "
          f"{per_call_ms(lambda d: to_csv(sheet_rows(d)), docs):7.3f} ms/article")
    print(f"quote sheet rows + Markdown  "
          f"{per_call_ms(lambda d: to_markdown(sheet_rows(d)), docs):7.3f} ms/article")
    pairs = list(itertools.combinations(docs, 2))
    print(f"compare two articles         {per_call_ms(lambda p: compare(*p), pairs):7.3f} "
          f"ms/pair ({len(pairs)} pairs)")


if __name__ == "__main__":
    main()

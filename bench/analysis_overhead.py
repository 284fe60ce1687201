"""How much our rules add on top of the spaCy parse, as a ratio measured in one run.

    python bench/analysis_overhead.py DATA_DIR [--split dev]

Times a plain ``nlp.pipe`` over the split's article texts, then the full
``analyze_many`` over the same texts with the same (warmed-up) pipeline, and
prints both and their ratio. Target (issue 11): ratio <= 1.15.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from explorer.analysis import analyze_many, load_pipeline
from explorer.analysis.pipeline import parse_text
from explorer.sources import read_text_article


def split_texts(data_dir: Path, split: str) -> list[Path]:
    for base in (data_dir / "data" / split / "text", data_dir / split / "text"):
        if base.is_dir():
            return sorted(base.glob("*.txt"))
    raise SystemExit(f"no texts for split {split!r} under {data_dir}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--split", default="dev")
    parser.add_argument("--batch-size", type=int, default=16)
    args = parser.parse_args(argv)

    articles = [read_text_article(f.read_text(encoding="utf-8"), str(f))
                for f in split_texts(args.data_dir, args.split)]
    texts = [parse_text(a) for a in articles]
    nlp = load_pipeline()
    for _ in nlp.pipe(texts[:4], batch_size=args.batch_size):  # warm up
        pass

    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=args.batch_size):
        pass
    parse_s = time.perf_counter() - started

    started = time.perf_counter()
    quotes = sum(len(d.quotes) for d in analyze_many(articles, nlp, batch_size=args.batch_size))
    full_s = time.perf_counter() - started

    words = sum(len(t.split()) for t in texts)
    print(f"{len(texts)} articles, {words} words, {quotes} quotes")
    print(f"spaCy nlp.pipe      {parse_s:7.2f} s")
    print(f"analyze_many (all)  {full_s:7.2f} s")
    print(f"ratio               {full_s / parse_s:7.3f}  (target <= 1.15)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

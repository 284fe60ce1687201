"""Write a folder of synthetic articles for the scaling benches (never PolNeAR text).

Each article is one of the shipped plain-text samples with its paragraphs in a
different order and a different date header, so every file has its own cache key
but reads like real news.
"""

from __future__ import annotations

import argparse
import random
from datetime import date, timedelta
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent.parent / "sample_articles"


def sample_bodies() -> list[tuple[str, list[str]]]:
    """(name, paragraphs) of each plain-text sample, its date header removed."""
    bodies = []
    for path in sorted(SAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        if text.startswith(" date "):
            text = text[len(" date 2025-01-01 "):]
        paragraphs = [p.strip() for p in text.split("\n\n") if p.strip()]
        bodies.append((path.stem, paragraphs))
    return bodies


def write_corpus(folder: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` articles in ``folder`` (created); returns their paths, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    rng = random.Random(seed)
    bodies = sample_bodies()
    paths = []
    for n in range(count):
        name, paragraphs = bodies[n % len(bodies)]
        lead, rest = paragraphs[0], paragraphs[1:]
        rng.shuffle(rest)
        day = date(2020, 1, 1) + timedelta(days=n)
        path = folder / f"{n:04d}-{name}.txt"
        path.write_text(f" date {day.isoformat()} " + "\n\n".join([lead, *rest]) + "\n", encoding="utf-8")
        paths.append(path)
    for stale in set(folder.glob("*.txt")) - set(paths):  # left by a run over other samples
        stale.unlink()
    return paths


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", type=Path)
    parser.add_argument("--count", type=int, default=1000)
    args = parser.parse_args()
    print(f"wrote {len(write_corpus(args.folder, args.count))} articles to {args.folder}")

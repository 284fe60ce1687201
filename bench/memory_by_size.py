"""Peak memory (RSS) of ``explorer analyze --json --no-cache`` against article size.

    python bench/memory_by_size.py [--sizes 50K,200K,1M,5M] [--keep articles/]

Each article is real-looking prose made from the sample articles' sentences:
paragraphs of shuffled sentences whose names, numbers and places are varied, so
spaCy sees the mix of quotes, names and figures a long live blog has, not one
word repeated. Peak RSS is the child's ``ru_maxrss`` (the whole process: Python,
spaCy, the model and the analysis). Target: <= 1.0 GB at 5 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import subprocess
import tempfile
import time
from pathlib import Path

from bench_common import PYTHON, ROOT, conditions, explorer, explorer_env

SAMPLES = ROOT / "sample_articles"
NAMES = ["Amara Osei", "Tom Hughes", "Priya Nair", "Lena Fischer", "Daniel Brooks", "Sara Lind",
         "Marcus Hale", "Ines Duarte", "Owen Price", "Hannah Cole", "Felix Grant", "Maya Singh"]
PLACES = ["Leeds", "Cardiff", "Aberdeen", "Norwich", "Bristol", "Derry", "Hull", "Exeter",
          "Swansea", "York", "Inverness", "Plymouth"]
_SENTENCE = re.compile(r"[^.!?]+[.!?]+[\"”’']?\s*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def sentences() -> list[str]:
    """Every sentence of the sample articles' plain-text bodies."""
    found = []
    for path in sorted(SAMPLES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[1:]:
            found += [s.strip() for s in _SENTENCE.findall(" ".join(paragraph.split()))]
    return [s for s in found if len(s) > 30 and _balanced(s)]


def _balanced(sentence: str) -> bool:
    """No quotation left open by cutting at a full stop inside it."""
    return sentence.count('"') % 2 == 0 and sentence.count("“") == sentence.count("”")


def vary(sentence: str, rng: random.Random) -> str:
    """The sentence with its numbers changed and, now and then, a name or place swapped in."""
    sentence = _NUMBER.sub(lambda m: str(rng.randint(2, 950)), sentence)
    if rng.random() < 0.3:
        sentence = f"In {rng.choice(PLACES)}, {sentence[0].lower()}{sentence[1:]}"
    if rng.random() < 0.25 and not sentence.endswith(("'", '"', "”")):
        sentence = f"{sentence.rstrip('.')}, {rng.choice(NAMES)} said."
    return sentence


def article(size: int, seed: int = 12) -> str:
    """About ``size`` characters of prose in paragraphs of two to five sentences."""
    rng = random.Random(seed)
    pool = sentences()
    paragraphs, length = ["Budget day live: what was said, hour by hour"], 0
    while length < size:
        paragraph = " ".join(vary(rng.choice(pool), rng) for _ in range(rng.randint(2, 5)))
        paragraphs.append(paragraph)
        length += len(paragraph) + 2
    return "\n\n".join(paragraphs) + "\n"


def peak_rss_mb(path: Path, env: dict[str, str]) -> tuple[float, float, int]:
    """Peak RSS in MB and seconds of one ``analyze --json`` process, and its exit code."""
    start = time.perf_counter()
    process = subprocess.Popen(explorer("analyze", str(path), "--json", "--no-cache"), env=env,
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stderr.close()
    return usage.ru_maxrss / 1024, time.perf_counter() - start, process.returncode


def parse_size(text: str) -> int:
    units = {"K": 1000, "M": 1000 * 1000}
    return int(float(text[:-1]) * units[text[-1]]) if text[-1] in units else int(text)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="50K,200K,1M,5M")
    parser.add_argument("--keep", type=Path, help="write the articles here and keep them")
    args = parser.parse_args()
    folder = args.keep or Path(tempfile.mkdtemp(prefix="explorer-memory-"))
    folder.mkdir(parents=True, exist_ok=True)
    env = explorer_env(folder / "cache")
    print(f"# {conditions()}; python {PYTHON}")
    print(f"{'size':>8} {'chars':>9} {'peak RSS MB':>12} {'seconds':>8} {'exit':>4}")
    for label in args.sizes.split(","):
        path = folder / f"prose-{label}.txt"
        path.write_text(article(parse_size(label)), encoding="utf-8")
        chars = len(path.read_text(encoding="utf-8"))
        rss, seconds, code = peak_rss_mb(path, env)
        print(f"{label:>8} {chars:>9} {rss:>12.0f} {seconds:>8.1f} {code:>4}", flush=True)


if __name__ == "__main__":
    main()

"""Batch analysis vs a plain ``nlp.pipe`` over the same texts, whole processes, one run each.

    python bench/batch_speed.py [TEXT_DIR]

Default TEXT_DIR: the PolNeAR dev texts (read, never copied). Target: ratio <= 1.30.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from bench_common import PYTHON, conditions, explorer, explorer_env, timed

DEFAULT_TEXTS = Path(__file__).resolve().parent.parent.parent / "shared" / "data" / "polnear" / "data" / "dev" / "text"

PLAIN_PIPE = """
import sys
from pathlib import Path
import spacy
nlp = spacy.load(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
for doc in nlp.pipe(texts, batch_size=16):
    pass
"""


def main() -> None:
    texts = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_TEXTS
    count = len(list(texts.glob("*.txt")))
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from explorer.store.identity import resolve_model_label

    model = resolve_model_label().rsplit("-", 1)[0]
    model = model if model.startswith("en_") else f"en_{model}"
    print(f"{count} texts from {texts}; {conditions()}")
    with tempfile.TemporaryDirectory() as cache:
        env = explorer_env(cache)
        plain = timed([PYTHON, "-c", PLAIN_PIPE, str(texts), model], env)
        print(f"plain nlp.pipe ({model}), whole process:           {plain:6.1f} s")
        one = timed(explorer("analyze", str(texts), "--jsonl", "--no-cache", "--quiet", "--jobs", "1"), env)
        print(f"explorer analyze --jsonl --no-cache --jobs 1:  {one:6.1f} s  ratio {one / plain:.2f}")
        many = timed(explorer("analyze", str(texts), "--jsonl", "--no-cache", "--quiet"), env)
        print(f"explorer analyze --jsonl --no-cache (all CPUs): {many:6.1f} s  ratio {many / plain:.2f}")
        print(f"articles/s per core (jobs 1): {count / one:.1f}")
    print(f"after: {conditions()}")


if __name__ == "__main__":
    main()

"""Score the explorer on the BBC dev set with the shared scorer, parsing each article once.

    python bench/bbc_accuracy.py [--out DIR] [--docbin FILE] [--verbose] [--file NAME]

Reads every article of ``../shared/data/bbc-dev/articles`` the way ``explorer
analyze`` does, analyses them in one process (``--docbin`` keeps the spaCy parses,
so tuning the rules does not re-run spaCy), writes ``DIR/<name>.json`` and runs
``../shared/tools/bbc_eval/score.py --out DIR``, which reads that JSON back.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

from quote_accuracy import analyse_split

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
DATA = SHARED / "data" / "bbc-dev"
SCORER = SHARED / "tools" / "bbc_eval" / "score.py"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with articles/ and gold/")
    parser.add_argument("--out", type=Path, help="where to write <name>.json (default: a temp dir)")
    parser.add_argument("--docbin", type=Path, help="reuse (or save) the spaCy parses in this DocBin")
    parser.add_argument("--verbose", action="store_true", help="the scorer lists every wrong speaker")
    parser.add_argument("--quiet", action="store_true", help="the scorer prints per-article numbers only")
    parser.add_argument("--file", action="append", default=[], help="score only this article")
    args = parser.parse_args(argv)

    if not SCORER.exists():
        raise SystemExit(f"no BBC scorer at {SCORER}")
    out = args.out or Path(tempfile.mkdtemp(prefix="explorer-bbc-"))
    out.mkdir(parents=True, exist_ok=True)
    files = sorted((args.data / "articles").glob("*.txt"))
    reuse = args.docbin if args.docbin is not None and args.docbin.exists() else None
    seconds = analyse_split(files, out, reuse, args.docbin if reuse is None else None)
    print(f"analysed {len(files)} articles in {seconds:.1f}s -> {out}", file=sys.stderr)
    command = [sys.executable, str(SCORER), "--explorer", "explorer", "--data", str(args.data),
               "--out", str(out)]
    command += ["--verbose"] * args.verbose + ["--quiet"] * args.quiet
    for name in args.file:
        command += ["--file", name]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())

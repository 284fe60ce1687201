"""Score the explorer's quotes and speakers on PolNeAR with the shared harness.

    python bench/quote_accuracy.py DATA_DIR --split dev [--out DIR]

Loads the pipeline once, analyses every article text of the split with
``analyze_many``, writes ``<stem>.json`` (the explorer's analysis JSON) into
the output directory, then runs the harness ``eval.py --system-json-dir`` on it
and prints its table. ``--docbin FILE`` reuses cached spaCy parses (written
with ``--save-docbin``) so that tuning the rules does not re-run spaCy.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from explorer.analysis import analyze_many, engine_for, load_pipeline
from explorer.analysis.pipeline import build_document, parse_text
from explorer.model_json import dumps
from explorer.sources import read_text_article

ROOT = Path(__file__).resolve().parent.parent
"""The repository; ../shared (data, tools) sits beside it."""
HARNESS = ROOT.parent / "shared" / "tools" / "quote_eval" / "eval.py"


def split_texts(data_dir: Path, split: str) -> list[Path]:
    """The article texts of a split: ``DATA_DIR/data/SPLIT/text/*.txt`` (or ``DATA_DIR/SPLIT/text``)."""
    for base in (data_dir / "data" / split / "text", data_dir / split / "text"):
        if base.is_dir():
            return sorted(base.glob("*.txt"))
    raise SystemExit(f"no texts for split {split!r} under {data_dir}")


def analyse_split(files: list[Path], out: Path, docbin: Path | None, save_docbin: Path | None) -> float:
    """Write one analysis JSON per article; returns the seconds spent."""
    nlp = load_pipeline()
    articles = [read_text_article(f.read_text(encoding="utf-8"), str(f)) for f in files]
    started = time.perf_counter()
    if docbin is not None:
        from spacy.tokens import DocBin

        docs = list(DocBin().from_disk(docbin).get_docs(nlp.vocab))
        engine = engine_for(nlp)
        documents = (build_document(a, d, engine) for a, d in zip(articles, docs, strict=True))
    elif save_docbin is not None:
        from spacy.tokens import DocBin

        bin_ = DocBin()
        docs = list(nlp.pipe((parse_text(a) for a in articles), batch_size=16))
        for doc in docs:
            bin_.add(doc)
        bin_.to_disk(save_docbin)
        engine = engine_for(nlp)
        documents = (build_document(a, d, engine) for a, d in zip(articles, docs, strict=True))
    else:
        documents = analyze_many(articles, nlp)
    for path, document in zip(files, documents, strict=True):
        (out / f"{path.stem}.json").write_text(dumps(document), encoding="utf-8")
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", type=Path, help="PolNeAR checkout (holds data/<split>/text)")
    parser.add_argument("--split", default="dev")
    parser.add_argument("--out", type=Path, help="where to write <stem>.json (default: a temp dir)")
    parser.add_argument("--json-out", type=Path, help="the harness's full report")
    parser.add_argument("--docbin", type=Path, help="reuse spaCy parses from this DocBin")
    parser.add_argument("--save-docbin", type=Path, help="save the spaCy parses to this DocBin")
    args = parser.parse_args(argv)

    out = args.out or Path(tempfile.mkdtemp(prefix=f"explorer-{args.split}-"))
    out.mkdir(parents=True, exist_ok=True)
    files = split_texts(args.data_dir, args.split)
    seconds = analyse_split(files, out, args.docbin, args.save_docbin)
    (out / "_timing.json").write_text(json.dumps({"load_s": 0, "run_s": seconds}))
    print(f"analysed {len(files)} articles in {seconds:.1f}s -> {out}", file=sys.stderr)
    command = [sys.executable, str(HARNESS), "--split", args.split, "--polnear", str(args.data_dir),
               "--system-json-dir", str(out), "--name", "explorer"]
    if args.json_out:
        command += ["--json-out", str(args.json_out)]
    return subprocess.run(command, check=False).returncode


if __name__ == "__main__":
    raise SystemExit(main())

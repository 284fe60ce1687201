"""``explorer corrections export|import FILE``: share readers' corrections as one JSON file.

Export writes every stored correction (or only those of the articles named
after FILE); import adds a colleague's file to ours, skipping ones we have.
Neither reads nor writes any article file.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from explorer.commands.errors import report_error
from explorer.commands.export import write_atomically
from explorer.model_json import json_text
from explorer.safe_text import visible
from explorer.store.correction_files import CorrectionStore
from explorer.store.corrections import CorrectionFormatError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _export(store: CorrectionStore, args: argparse.Namespace) -> int:
    texts = None
    failed = False
    if args.paths:
        from explorer.commands.analyze import read_inputs

        articles, failed = read_inputs(args.paths)
        texts = [article.text for article in articles]
    bundle, problems = store.export_bundle(texts)
    for problem in problems:
        report_error(f"skipped an unreadable corrections file: {problem}")
    text = json_text(bundle, indent=2) + "\n"
    if args.file == "-":
        sys.stdout.write(text)
    else:
        try:
            write_atomically(Path(args.file), text.encode("utf-8"))
        except OSError as exc:
            report_error(f"cannot write {args.file}: {exc.strerror or exc}")
            return EXIT_SOME_FAILED
        count = sum(len(entry["corrections"]) for entry in bundle["articles"])
        print(f"{count} corrections of {len(bundle['articles'])} articles written to "
              f"{visible(args.file)}", file=sys.stderr)
    return EXIT_SOME_FAILED if failed or problems else EXIT_OK


def _import(store: CorrectionStore, args: argparse.Namespace) -> int:
    try:
        raw = sys.stdin.read() if args.file == "-" else Path(args.file).read_text(encoding="utf-8")
        report = store.import_bundle(json.loads(raw))
    except OSError as exc:
        report_error(f"cannot read {args.file}: {exc.strerror or exc}")
        return EXIT_SOME_FAILED
    except (ValueError, UnicodeDecodeError) as exc:  # JSON and CorrectionFormatError alike
        kind = "not a corrections file" if isinstance(exc, CorrectionFormatError) else "bad JSON"
        report_error(f"{args.file}: {kind}: {exc}")
        return EXIT_SOME_FAILED
    print(f"{report.added} corrections added for {report.articles} articles "
          f"({report.already_there} already there)", file=sys.stderr)
    return EXIT_OK


def run_corrections(args: argparse.Namespace) -> int:
    store = CorrectionStore()
    if args.action == "export":
        return _export(store, args)
    if args.paths:
        report_error("import takes only FILE")
        return EXIT_USAGE
    return _import(store, args)

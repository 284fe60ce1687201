"""``explorer [PATH...]``: open articles in the app.

The paths are read before the app starts: when none gives an article the
command fails as ``analyze`` does (one line per bad path, exit code 1) instead
of opening an empty app; when some do, the app opens those and says which
paths it skipped.
"""

from __future__ import annotations

import argparse

from explorer.commands.analyze import EXIT_SOME_FAILED
from explorer.commands.errors import report_error
from explorer.commands.inputs import iter_inputs
from explorer.model import Article
from explorer.sources import SourceError


def read_paths(paths: list[str], *, refresh: bool = False
               ) -> tuple[list[Article], list[SourceError], list[str]]:
    """The readable articles (web pages fetched or found in the store), the paths that
    gave none, and a note per page saying when it was fetched; nothing printed."""
    articles: list[Article] = []
    skipped: list[SourceError] = []
    notes: list[str] = []
    for found in iter_inputs(paths, refresh=refresh, note=lambda url, note: notes.append(f"{url}: {note}")):
        if isinstance(found, SourceError):
            skipped.append(found)
        else:
            articles.append(found)
    return articles, skipped, notes


def run_open(paths: list[str], args: argparse.Namespace) -> int:
    from explorer.app import collector

    collector.pause()  # the app resumes it once it is up
    articles, skipped, notes = read_paths(paths, refresh=args.refresh)
    if not articles:
        collector.resume()
        for error in skipped:
            report_error(str(error))
        if not skipped:
            report_error("no readable articles found")
        return EXIT_SOME_FAILED
    try:
        from explorer.app.app import ExplorerApp
    except ImportError:
        collector.resume()
        report_error("the explorer app is not available in this build; try `explorer analyze PATH`")
        return 1
    app = ExplorerApp(paths=paths, model=args.model, use_cache=not args.no_cache,
                      articles=articles, skipped=skipped, notes=notes)
    app.run()
    return app.return_code or 0

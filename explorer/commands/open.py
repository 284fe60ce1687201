"""``explorer [PATH...]``: open articles in the app."""

from __future__ import annotations

import argparse

from explorer.commands.errors import report_error


def run_open(paths: list[str], args: argparse.Namespace) -> int:
    from explorer.commands.inputs import fetch_urls_first

    paths = fetch_urls_first(paths, refresh=args.refresh)
    if not paths:
        return 1
    from explorer.app import collector

    collector.pause()  # the app resumes it once it is up
    try:
        from explorer.app.app import ExplorerApp
    except ImportError:
        collector.resume()
        report_error("the explorer app is not available in this build; try `explorer analyze PATH`")
        return 1
    app = ExplorerApp(paths=paths, model=args.model, use_cache=not args.no_cache)
    app.run()
    return app.return_code or 0

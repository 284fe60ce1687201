"""``explorer feed`` (a feed's entries, in the app or listed) and ``explorer feeds`` (the saved list)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from rich.console import Console
from rich.text import Text

from explorer.commands.errors import report_error
from explorer.safe_text import visible
from explorer.sources import SourceError

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2
FEED_EXAMPLES = """\
examples:
  explorer feed https://example.org/rss.xml       its entries in the app
  explorer feed saved.xml --list                  a feed file's entries, printed
  explorer feed                                   every saved feed in the app
  explorer feeds add https://example.org/rss.xml  save a feed
  explorer feeds import subscriptions.opml        save every feed another reader exported
"""


def add_feed_commands(sub, common: Callable[[argparse.ArgumentParser], None]) -> None:
    """The ``feed`` and ``feeds`` subcommands, added to the CLI's subparsers."""
    formatter = argparse.RawDescriptionHelpFormatter
    feed = sub.add_parser("feed", help="read RSS or Atom feeds: entries in the app, or --list",
                          epilog=FEED_EXAMPLES, formatter_class=formatter)
    feed.add_argument("sources", nargs="*", metavar="URL_OR_FILE",
                      help="feed URLs or files (default: every saved feed)")
    feed.add_argument("--list", action="store_true",
                      help="print the entries (title, date, read or not, link) instead")
    feed.add_argument("--refresh", action="store_true",
                      help="fetch the feeds again instead of reading the stored copies")
    common(feed)

    feeds = sub.add_parser("feeds", help="the saved feeds: list, add, remove, import OPML",
                           epilog=FEED_EXAMPLES, formatter_class=formatter)
    actions = feeds.add_subparsers(dest="action", metavar="ACTION")
    actions.add_parser("list", help="the saved feeds (the default)")
    add = actions.add_parser("add", help="save a feed")
    add.add_argument("url", metavar="URL")
    add.add_argument("title", nargs="?", metavar="TITLE")
    remove = actions.add_parser("remove", help="forget a saved feed")
    remove.add_argument("url", metavar="URL")
    opml = actions.add_parser("import", help="save every feed of an OPML file")
    opml.add_argument("opml", metavar="FILE.opml")


def run_feed_command(args: argparse.Namespace) -> int:
    if args.command == "feeds":
        return run_feeds(args)
    return run_feed(args)


def run_feeds(args: argparse.Namespace) -> int:
    from explorer.sources.feeds import Subscription, web_link
    from explorer.store.feed_list import FeedList

    feeds = FeedList()
    console = Console(highlight=False, soft_wrap=True)
    if args.action == "add":
        url = web_link(args.url, "")
        if url is None:
            report_error(f"{args.url}: not an http or https URL")
            return EXIT_USAGE
        added = feeds.add([Subscription(url, args.title)])
        console.print(Text(f"{'saved' if added else 'already saved'}: {visible(url)}"))
        return EXIT_OK
    if args.action == "remove":
        if not feeds.remove(args.url):
            report_error(f"{args.url}: not in the saved feeds ({feeds.path})")
            return EXIT_SOME_FAILED
        console.print(Text(f"removed: {visible(args.url)}"))
        return EXIT_OK
    if args.action == "import":
        return import_opml(feeds, args.opml, console)
    saved = feeds.load()
    console.print(Text(f"{counted(len(saved), 'saved feed')} in {visible(str(feeds.path))}"))
    for subscription in saved:
        line = Text(f"  {visible(subscription.url)}")
        if subscription.title:
            line.append(f"  {visible(subscription.title)}", style="dim")
        console.print(line)
    return EXIT_OK


def import_opml(feeds, location: str, console: Console) -> int:
    from explorer.sources.feeds import read_opml
    from explorer.sources.paths import read_input

    try:
        found = read_opml(read_input(Path(location)), location)
    except SourceError as error:
        report_error(str(error))
        return EXIT_SOME_FAILED
    added = feeds.add(found)
    console.print(Text(f"{counted(len(found), 'feed')} in {visible(location)}: {len(added)} added, "
                       f"{len(found) - len(added)} already saved"))
    return EXIT_OK


def run_feed(args: argparse.Namespace) -> int:
    from explorer.store.feed_list import FeedList

    sources = list(args.sources) or [feed.url for feed in FeedList().load()]
    if not sources:
        report_error("no feed given and none saved; try `explorer feeds add URL`")
        return EXIT_USAGE
    if args.list:
        return list_entries(sources, refresh=args.refresh)
    from explorer.app.feed_app import FeedApp

    app = FeedApp(sources, refresh=args.refresh, model=args.model, use_cache=not args.no_cache)
    app.run()
    return app.return_code or 0


def list_entries(sources: list[str], *, refresh: bool) -> int:
    from explorer.store.feeds import load_feed
    from explorer.store.pages import PageStore

    store = PageStore()
    console = Console(highlight=False, soft_wrap=True)
    failed = False
    for location in sources:
        try:
            loaded = load_feed(location, refresh=refresh, store=store)
        except SourceError as error:
            report_error(str(error))
            failed = True
            continue
        feed = loaded.feed
        read = store.read_entries(entry.id for entry in feed.entries)
        heading = Text(visible(feed.title), style="bold")
        heading.append(f"  {counted(len(feed.entries), 'entry')}, {len(feed.entries) - len(read)} unread")
        if loaded.fetched:
            heading.append(f", fetched {loaded.fetched}", style="dim")
        console.print(heading)
        for entry in feed.entries:
            line = Text("  " if entry.id in read else "N ", style="bold")
            line.append(f"{entry.date or 'no date':10}  ")
            line.append(visible(entry.title))
            if entry.link:
                line.append(f"  {visible(entry.link)}", style="dim")
            console.print(line)
    return EXIT_SOME_FAILED if failed else EXIT_OK


def counted(count: int, noun: str) -> str:
    """``1 entry``, ``2 entries``, ``0 saved feeds``."""
    if count == 1:
        return f"1 {noun}"
    return f"{count} {noun[:-1]}ies" if noun.endswith("y") else f"{count} {noun}s"

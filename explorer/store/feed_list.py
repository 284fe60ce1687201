"""The user's feeds: a plain text file in the config folder, one feed a line.

``feeds.txt`` in ``$EXPLORER_CONFIG_DIR``, else the platform's config folder
(``~/.config/article-explorer`` on Linux). Like newsboat's ``urls`` file it
is meant to be edited by hand too: a URL, optionally a title after it,
``#`` starts a comment. ``explorer feeds import FILE.opml`` adds the feeds
another reader exported.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from explorer.sources.feeds import Subscription, web_link

ENV_DIR = "EXPLORER_CONFIG_DIR"
FILE_NAME = "feeds.txt"
HEADER = "# Article Explorer feeds: a URL a line, optionally followed by a title.\n"


def default_config_dir() -> Path:
    override = os.environ.get(ENV_DIR)
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir("article-explorer"))


class FeedList:
    """The subscriptions in ``feeds.txt``, in the order they were added."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.path = Path(directory if directory is not None else default_config_dir()) / FILE_NAME

    def load(self) -> list[Subscription]:
        """Every valid line; a line without an http(s) URL is skipped."""
        try:
            lines = self.path.read_text(encoding="utf-8", errors="replace").splitlines()
        except FileNotFoundError:
            return []
        found: list[Subscription] = []
        for line in lines:
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            url, _, title = line.replace("\t", " ").partition(" ")
            if web_link(url, "") is not None:
                found.append(Subscription(url, " ".join(title.split()) or None))
        return found

    def add(self, subscriptions: list[Subscription]) -> list[Subscription]:
        """Append the feeds not already listed; returns those added."""
        listed = {feed.url for feed in self.load()}
        added: list[Subscription] = []
        for feed in subscriptions:
            if feed.url not in listed:
                listed.add(feed.url)
                added.append(feed)
        if added:
            lines = self._lines() or [HEADER]
            if not lines[-1].endswith("\n"):
                lines[-1] += "\n"
            lines += [f"{feed.url} {feed.title}\n" if feed.title else f"{feed.url}\n"
                      for feed in added]
            self._write(lines)
        return added

    def remove(self, url: str) -> bool:
        """Drop the feed's line; comments and every other line stay as they were."""
        lines = self._lines()
        kept = [line for line in lines if line.split()[:1] != [url]]
        if len(kept) == len(lines):
            return False
        self._write(kept)
        return True

    def _lines(self) -> list[str]:
        try:
            return self.path.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        except FileNotFoundError:
            return []

    def _write(self, lines: list[str]) -> None:
        """Written whole to a temporary file, then renamed: a crash never leaves half a list."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(self.path.name + ".tmp")
        temporary.write_text("".join(lines), encoding="utf-8")
        os.replace(temporary, self.path)

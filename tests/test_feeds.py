"""Feeds: RSS and Atom read with feedparser, the saved list in the config folder, OPML import."""

from __future__ import annotations

import pytest
from web_support import Reply

from explorer.cli import main
from explorer.sources import SourceError
from explorer.sources.feeds import Subscription, parse_feed, read_opml
from explorer.store.feed_list import FeedList


def rss(items: list[tuple[str, str, str]], title: str = "Valley Courier") -> bytes:
    """An RSS 2.0 feed of ``(title, link, pubDate)`` items."""
    entries = "".join(
        f"<item><title>{item_title}</title><link>{link}</link><guid>{link}</guid>"
        f"<pubDate>{date}</pubDate><description>&lt;p&gt;About {item_title}&lt;/p&gt;</description></item>"
        for item_title, link, date in items)
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
            f"<title>{title}</title><link>https://courier.example/</link>{entries}"
            f"</channel></rss>").encode("utf-8")


ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Harbour Notes</title>
  <id>urn:example:harbour</id>
  <updated>2025-04-02T09:00:00Z</updated>
  <entry>
    <title>Ferry timetable changes</title>
    <id>urn:example:harbour:1</id>
    <link href="https://harbour.example/ferry"/>
    <updated>2025-04-02T09:00:00Z</updated>
    <summary>The winter timetable ends early this year.</summary>
  </entry>
</feed>"""

OPML = b"""<?xml version="1.0" encoding="utf-8"?>
<opml version="2.0"><head><title>My feeds</title></head><body>
  <outline text="News">
    <outline type="rss" text="Valley Courier" xmlUrl="https://courier.example/rss.xml"/>
    <outline type="rss" title="Harbour Notes" xmlUrl="https://harbour.example/atom.xml"/>
  </outline>
  <outline type="rss" text="Not a web feed" xmlUrl="file:///etc/passwd"/>
  <outline text="A folder without feeds"/>
</body></opml>"""


def test_rss_entries_have_title_date_link_and_source():
    feed = parse_feed(rss([("Cinema to close", "https://courier.example/cinema",
                            "Tue, 06 May 2025 08:00:00 GMT")]), "courier.xml")
    assert feed.title == "Valley Courier"
    [entry] = feed.entries
    assert (entry.title, entry.link, entry.date, entry.source, entry.id) == (
        "Cinema to close", "https://courier.example/cinema", "2025-05-06", "Valley Courier",
        "https://courier.example/cinema")
    assert entry.summary == "About Cinema to close"


def test_atom_entries_are_read_too():
    [entry] = parse_feed(ATOM, "harbour.xml").entries
    assert (entry.title, entry.link, entry.date, entry.source, entry.id) == (
        "Ferry timetable changes", "https://harbour.example/ferry", "2025-04-02", "Harbour Notes",
        "urn:example:harbour:1")


def test_links_that_are_not_web_links_are_dropped():
    feed = parse_feed(rss([("Click me", "javascript:alert(1)", "Tue, 06 May 2025 08:00:00 GMT"),
                           ("Local", "file:///etc/passwd", "Tue, 06 May 2025 08:00:00 GMT")]), "x.xml")
    assert [entry.link for entry in feed.entries] == [None, None]


def test_a_page_that_is_not_a_feed_is_refused():
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(b"<html><body><p>Just a page</p></body></html>", "page.html")
    with pytest.raises(SourceError, match="not an RSS or Atom feed"):
        parse_feed(b"\x89PNG\r\n\x1a\n" + bytes(100), "image.png")


def test_opml_gives_every_web_feed_in_every_folder():
    assert read_opml(OPML, "feeds.opml") == [
        Subscription("https://courier.example/rss.xml", "Valley Courier"),
        Subscription("https://harbour.example/atom.xml", "Harbour Notes"),
    ]


@pytest.mark.parametrize("raw, reason", [
    (b"<opml><body>", "not valid OPML"),
    (b"<rss version='2.0'/>", "not an OPML file (its root element is <rss>)"),
])
def test_bad_opml_is_one_reason(raw, reason):
    with pytest.raises(SourceError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        read_opml(raw, "feeds.opml")


# -- the saved list ----------------------------------------------------------------------------


def test_feeds_add_list_remove_and_import(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    opml = tmp_path / "feeds.opml"
    opml.write_bytes(OPML)
    assert main(["feeds", "add", "https://courier.example/rss.xml", "Valley Courier"]) == 0
    assert main(["feeds", "import", str(opml)]) == 0
    assert "2 feeds in" in capsys.readouterr().out.splitlines()[-1]
    assert FeedList().load() == [
        Subscription("https://courier.example/rss.xml", "Valley Courier"),
        Subscription("https://harbour.example/atom.xml", "Harbour Notes"),
    ]
    assert main(["feeds"]) == 0
    listed = capsys.readouterr().out
    assert "2 saved feeds in" in listed and "https://harbour.example/atom.xml  Harbour Notes" in listed
    assert main(["feeds", "remove", "https://courier.example/rss.xml"]) == 0
    assert [feed.url for feed in FeedList().load()] == ["https://harbour.example/atom.xml"]
    assert main(["feeds", "remove", "https://courier.example/rss.xml"]) == 1
    assert main(["feeds", "add", "ftp://courier.example/rss.xml"]) == 2
    assert "not an http or https URL" in capsys.readouterr().err


def test_the_list_file_keeps_hand_written_comments(tmp_path):
    feeds = FeedList(tmp_path)
    feeds.path.write_text("# my news\nhttps://a.example/rss  A\n\n# local\nhttps://b.example/rss\n",
                          encoding="utf-8")
    feeds.remove("https://a.example/rss")
    feeds.add([Subscription("https://c.example/rss", "C")])
    assert feeds.path.read_text(encoding="utf-8") == (
        "# my news\n\n# local\nhttps://b.example/rss\nhttps://c.example/rss C\n")


def test_importing_a_missing_or_bad_opml_is_one_line(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path / "config"))
    assert main(["feeds", "import", str(tmp_path / "nowhere.opml")]) == 1
    assert capsys.readouterr().err.endswith("nowhere.opml: no such file or directory\n")


# -- explorer feed --list ----------------------------------------------------------------------


def test_feed_list_prints_entries_with_their_read_mark(web, capsys):
    web.routes["/rss.xml"] = Reply(rss([
        ("Cinema to close", web.url("/cinema"), "Tue, 06 May 2025 08:00:00 GMT"),
        ("Pass \x1b[2Jclosed [bold]now[/bold]", web.url("/pass"), "Mon, 05 May 2025 08:00:00 GMT"),
    ]), headers={"Content-Type": "application/rss+xml"})
    assert main(["feed", web.url("/rss.xml"), "--list"]) == 0
    out = capsys.readouterr().out
    assert "Valley Courier  2 entries, 2 unread, fetched" in out
    assert f"N 2025-05-06  Cinema to close  {web.url('/cinema')}" in out
    assert "\x1b" not in out and "[bold]now[/bold]" in out
    # Read from the store the second time, fetched again with --refresh.
    assert main(["feed", web.url("/rss.xml"), "--list"]) == 0
    assert web.hits["/rss.xml"] == 1
    assert main(["feed", web.url("/rss.xml"), "--list", "--refresh"]) == 0
    assert web.hits["/rss.xml"] == 2


def test_feed_from_a_file_and_failures_are_one_line(web, tmp_path, capsys):
    saved = tmp_path / "harbour.xml"
    saved.write_bytes(ATOM)
    web.routes["/page"] = Reply(b"<html><body><p>Not a feed</p></body></html>")
    assert main(["feed", str(saved), web.url("/page"), web.url("/missing"), "--list"]) == 1
    captured = capsys.readouterr()
    assert "Harbour Notes  1 entry, 1 unread" in captured.out
    errors = captured.err.splitlines()
    assert len(errors) == 2 and "not an RSS or Atom feed" in errors[0] and "HTTP 404" in errors[1]


def test_feed_without_arguments_reads_the_saved_feeds(web, capsys):
    web.routes["/rss.xml"] = Reply(rss([("Cinema to close", web.url("/cinema"),
                                         "Tue, 06 May 2025 08:00:00 GMT")]))
    assert main(["feed", "--list"]) == 2
    assert "no feed given and none saved" in capsys.readouterr().err
    assert main(["feeds", "add", web.url("/rss.xml")]) == 0
    assert main(["feed", "--list"]) == 0
    assert "Cinema to close" in capsys.readouterr().out


def _entity_bomb(root: str, body: str) -> bytes:
    """Nested entities that would expand to 20 GB: the 'billion laughs'."""
    entities = '<!ENTITY a0 "xxxxxxxxxxxxxxxxxxxx">' + "".join(
        f'<!ENTITY a{i} "{("&a%d;" % (i - 1)) * 10}">' for i in range(1, 10))
    return f'<?xml version="1.0"?><!DOCTYPE {root} [{entities}]>{body}'.encode()


def test_an_entity_bomb_in_a_feed_is_not_expanded():
    bomb = _entity_bomb("rss", '<rss version="2.0"><channel><title>&a9;</title>'
                               "<item><title>Budget agreed</title></item></channel></rss>")
    feed = parse_feed(bomb, "bomb.xml")
    assert len(feed.title) < 1000 and [entry.title for entry in feed.entries] == ["Budget agreed"]


def test_an_entity_bomb_in_opml_is_refused():
    bomb = _entity_bomb("opml", '<opml><body><outline xmlUrl="https://a.example/&a9;"/></body></opml>')
    with pytest.raises(SourceError, match="not valid OPML"):
        read_opml(bomb, "bomb.opml")


def test_refreshing_an_unchanged_feed_keeps_the_stored_copy(web, capsys):
    feed = rss([("Cinema to close", web.url("/cinema"), "Tue, 06 May 2025 08:00:00 GMT")])

    def conditional(request) -> Reply:
        if request.headers.get("If-None-Match") == '"f1"':
            return Reply(status=304, headers={})
        return Reply(feed, headers={"Content-Type": "application/rss+xml", "ETag": '"f1"'})

    web.routes["/rss.xml"] = conditional
    assert main(["feed", web.url("/rss.xml"), "--list"]) == 0
    assert main(["feed", web.url("/rss.xml"), "--list", "--refresh"]) == 0
    out = capsys.readouterr().out
    assert out.count("Cinema to close") == 2 and web.hits["/rss.xml"] == 2

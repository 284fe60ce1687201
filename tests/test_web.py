"""Web pages: fetched within limits from a local server, stored for offline reading, hostile pages refused.

Every URL here is on the 127.0.0.1 server of ``web_support``; nothing reaches the internet.
"""

from __future__ import annotations

import json
import zlib

import pytest
from web_support import STORY, Reply, article_page, gzipped

from explorer.cli import main
from explorer.sources.web import USER_AGENT, FetchError, FetchLimits, Page, fetch, page_article
from explorer.store.pages import PageStore, web_article


def one_error_line(err: str) -> str:
    lines = [line for line in err.splitlines() if line.startswith("explorer: error:")]
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- a page, stored, reopened offline ----------------------------------------------------------


def test_analyze_url_reads_the_article_and_its_metadata(web, capsys):
    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    assert main(["analyze", web.url("/cinema"), "--json"]) == 0
    captured = capsys.readouterr()
    document = json.loads(captured.out)
    assert document["article"]["title"] == "Valley cinema to close"
    assert document["article"]["date"] == "2025-05-06"
    assert document["article"]["source"] == "Valley Courier"
    assert document["article"]["url"] == web.url("/cinema")
    assert "forty years" in document["text"] and "Home" not in document["text"]
    assert "fetched 20" in captured.err  # when it was fetched, on stderr: stdout stays JSON


def test_a_stored_page_reopens_offline_and_refresh_fetches_again(web, capsys):
    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    url = web.url("/cinema")
    assert main(["analyze", url, "--json"]) == 0
    capsys.readouterr()
    web.routes["/cinema"] = Reply(b"down for maintenance", status=503)  # the site is gone
    assert main(["analyze", url, "--json"]) == 0
    captured = capsys.readouterr()
    assert json.loads(captured.out)["article"]["title"] == "Valley cinema to close"
    assert "read from the local store" in captured.err and web.hits["/cinema"] == 1
    assert main(["analyze", url, "--refresh"]) == 1
    assert "HTTP 503" in one_error_line(capsys.readouterr().err)
    assert web.hits["/cinema"] == 2
    # A failed refresh keeps the good copy.
    assert main(["analyze", url, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["article"]["title"] == "Valley cinema to close"


def test_a_refresh_of_an_unchanged_page_costs_no_body(web, tmp_path):
    """The stored ETag and Last-Modified go back to the server; 304 keeps the stored page."""
    page = article_page("Valley cinema to close", STORY)
    seen: list[tuple[str | None, str | None]] = []

    def conditional(request) -> Reply:
        seen.append((request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since")))
        if request.headers.get("If-None-Match") == '"v1"':
            return Reply(status=304, headers={})
        return Reply(page, headers={"Content-Type": "text/html", "ETag": '"v1"',
                                    "Last-Modified": "Tue, 06 May 2025 08:00:00 GMT"})

    web.routes["/cinema"] = conditional
    store = PageStore(tmp_path / "pages")
    first = web_article(web.url("/cinema"), store=store)
    again = web_article(web.url("/cinema"), store=store, refresh=True)
    assert seen == [(None, None), ('"v1"', "Tue, 06 May 2025 08:00:00 GMT")]
    assert not again.from_store and again.article == first.article
    assert again.page.fetched_at >= first.page.fetched_at
    assert store.get(web.url("/cinema")).fetched_at == again.page.fetched_at


def test_the_store_keeps_when_the_page_was_fetched(web, tmp_path):
    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    store = PageStore(tmp_path / "pages")
    first = web_article(web.url("/cinema"), store=store)
    again = web_article(web.url("/cinema"), store=PageStore(tmp_path / "pages"))
    assert not first.from_store and again.from_store
    assert again.page.fetched_at == first.page.fetched_at and again.fetched.endswith(" UTC")
    assert again.article == first.article


def test_a_damaged_store_is_rebuilt_not_fatal(web, tmp_path):
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "pages.sqlite3").write_bytes(b"this is not a database" * 100)
    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    found = web_article(web.url("/cinema"), store=PageStore(folder))
    assert found.article.title == "Valley cinema to close"
    assert web_article(web.url("/cinema"), store=PageStore(folder)).from_store


def test_the_user_agent_names_the_explorer(web):
    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    fetch(web.url("/cinema"))
    assert web.agents == [USER_AGENT] and USER_AGENT.startswith("article-explorer/")


def test_an_address_with_non_ascii_characters_is_encoded_not_refused(web):
    web.routes["/caf%C3%A9?q=cr%C3%A8me"] = Reply(article_page("Cafe reopens", STORY))
    assert page_article(fetch(web.url("/café?q=crème"))).title == "Cafe reopens"


def test_a_redirect_to_a_bad_address_is_one_reason(web):
    web.routes["/odd"] = Reply(status=302, headers={"Location": "http://127.0.0.1:port/x"})
    with pytest.raises(FetchError, match="bad port number"):
        fetch(web.url("/odd"))


def test_a_declared_charset_is_honoured(web):
    page = article_page("Cafe reopens", [
        "The cafe on the square reopened on Monday with a new menu and longer hours.",
        "\u201cIt feels like coming home,\u201d said a regular who had waited since March.",
    ]).decode("utf-8").encode("cp1252")
    web.routes["/cafe"] = Reply(page, headers={"Content-Type": "text/html; charset=windows-1252"})
    article = page_article(fetch(web.url("/cafe")))
    assert "\u201cIt feels like coming home,\u201d" in article.text


def test_a_byte_order_mark_outranks_the_declared_charset(web):
    page = article_page("Cafe reopens", [
        "The cafe on the square reopened on Monday with a new menu and longer hours.",
    ]).decode("utf-8").encode("utf-16")
    web.routes["/cafe"] = Reply(page, headers={"Content-Type": "text/html; charset=utf-8"})
    assert "new menu" in page_article(fetch(web.url("/cafe"))).text


@pytest.mark.parametrize("body, kind", [
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "PNG image"),
    (b"<html><body><p>Budget agreed.\x00\x00</p></body></html>", "contains NUL bytes"),
], ids=["png", "nul"])
def test_binary_content_is_refused_whatever_the_server_calls_it(web, body, kind):
    web.routes["/x"] = Reply(body, headers={"Content-Type": "text/html; charset=utf-8"})
    with pytest.raises(FetchError, match=f"binary content \\({kind}\\), not an HTML page"):
        page_article(fetch(web.url("/x")))


def test_a_gzipped_page_is_read(web):
    web.routes["/cinema"] = Reply(gzipped(article_page("Valley cinema to close", STORY)),
                                  headers={"Content-Type": "text/html", "Content-Encoding": "gzip"})
    assert "forty years" in page_article(fetch(web.url("/cinema"))).text


def test_redirects_are_followed_a_few_times(web):
    web.routes["/old"] = Reply(status=301, headers={"Location": "/new"})
    web.routes["/new"] = Reply(article_page("Valley cinema to close", STORY))
    page = fetch(web.url("/old"))
    assert page.url == web.url("/old") and page.final_url == web.url("/new")
    assert page_article(page).url == web.url("/new")


# -- failures: one line each -----------------------------------------------------------------


@pytest.mark.parametrize("argument, reason", [
    ("ftp://127.0.0.1/story.html", "only http and https URLs are fetched, not ftp"),
    ("file:///etc/hostname", "only http and https URLs are fetched, not file"),
    ("http:///no-host", "not a valid URL (no host name)"),
    ("http://127.0.0.1:99999999/story", "not a valid URL (bad port number)"),
    ("http://127.0.0.1:port/story", "not a valid URL (bad port number)"),
])
def test_only_web_urls_are_fetched(argument, reason, capsys, web):
    assert main(["analyze", argument]) == 1
    assert one_error_line(capsys.readouterr().err).endswith(reason)


def test_connection_refused_is_one_line(capsys, web):
    web.stop()  # nothing listens on that port any more
    assert main(["analyze", web.url("/cinema")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith("connection refused")


def test_http_errors_are_one_line(web, capsys):
    assert main(["analyze", web.url("/missing")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith("HTTP 404 Not Found")


def test_a_page_without_article_text_is_one_line(web, capsys):
    web.routes["/menu"] = Reply(b"<html><body><img src='a.png'><script>var x;</script></body></html>")
    assert main(["analyze", web.url("/menu")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith("no article text found in the HTML page")


def test_the_analysis_goes_on_after_a_failed_url(web, capsys, tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("The ferry will run twice a day from June, the operator said.\n", encoding="utf-8")
    assert main(["analyze", web.url("/missing"), str(story), "--jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1
    one_error_line(captured.err)


# -- hostile pages -------------------------------------------------------------------------------


def test_a_huge_page_is_refused_by_its_declared_length(web, capsys):
    web.routes["/huge"] = Reply(b"<html><body>" + b"<p>padding</p>" * 800_000 + b"</body></html>")
    assert main(["analyze", web.url("/huge")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith(
        "larger than 10 MB, too big to read as an article")


def test_a_huge_page_without_a_length_is_cut_off_as_it_arrives(web):
    web.routes["/huge"] = Reply(b"<html><body>" + b"x" * 5000, length=False)
    with pytest.raises(FetchError, match="larger than 0 MB"):
        fetch(web.url("/huge"), FetchLimits(max_bytes=1000))


def test_a_gzip_bomb_is_refused_without_inflating_it(web):
    bomb = zlib.compress(b"\0" * 50_000_000, 9)  # 50 MB of zeros in about 50 KB
    web.routes["/bomb"] = Reply(bomb, headers={"Content-Type": "text/html",
                                               "Content-Encoding": "deflate"})
    with pytest.raises(FetchError, match="too big to read"):
        fetch(web.url("/bomb"))


def test_an_endless_redirect_stops(web, capsys):
    web.routes["/loop"] = Reply(status=302, headers={"Location": "/loop"})
    assert main(["analyze", web.url("/loop")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith("more than 5 redirects")
    assert web.hits["/loop"] == 6  # the first request and five redirects


def test_a_redirect_to_a_local_file_is_refused(web):
    web.routes["/sneaky"] = Reply(status=302, headers={"Location": "file:///etc/passwd"})
    with pytest.raises(FetchError, match="redirected to a file URL; only http and https"):
        fetch(web.url("/sneaky"))


@pytest.mark.parametrize("content_type", ["application/pdf", "image/png", "application/json"])
def test_a_wrong_content_type_is_one_line(web, capsys, content_type):
    web.routes["/file"] = Reply(b"%PDF-1.4 not a page", headers={"Content-Type": content_type})
    assert main(["analyze", web.url("/file")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith(
        f"not an HTML page (the server says {content_type})")


def test_a_page_with_no_content_type_must_look_like_html(web):
    web.routes["/bare"] = Reply(b"\x89PNG\r\n\x1a\n" + bytes(200), headers={})
    with pytest.raises(FetchError, match="does not look like HTML"):
        page_article(fetch(web.url("/bare")))


def test_a_slow_server_times_out(web):
    web.routes["/slow"] = Reply(article_page("Valley cinema to close", STORY), delay=2)
    with pytest.raises(FetchError, match=r"timed out after 0.3 s"):
        fetch(web.url("/slow"), FetchLimits(timeout_s=0.3))


def test_a_page_dripped_a_byte_at_a_time_times_out(web):
    """Each byte comes within the socket timeout; the whole fetch still has one deadline."""
    web.routes["/drip"] = Reply(b"<html>" + b" " * 200, drip=0.02)
    with pytest.raises(FetchError, match=r"timed out after 0.5 s"):
        fetch(web.url("/drip"), FetchLimits(timeout_s=0.5))


def test_escapes_and_markup_in_a_title_are_shown_not_obeyed(web, capsys):
    title = "\x1b[2J[bold red]Mayor[/bold red] \x9b2Jresigns \x1b]52;c;cm0gLXJmIH4=\x07"
    web.routes["/mayor"] = Reply(article_page(title, [
        "The mayor resigned on Friday after a vote of no confidence in the town council.",
        "Her deputy will lead the council until a new mayor is chosen in the autumn.",
    ]))
    assert main(["analyze", web.url("/mayor")]) == 0
    out = capsys.readouterr().out
    assert not {"\x1b", "\x07", "\x9b"} & set(out)
    # The page's HTML parser drops C0 controls; whatever is left is shown, never obeyed.
    assert "[bold red]Mayor[/bold red]" in out and "resigns" in out


def test_escapes_in_an_error_reason_are_shown_not_obeyed(web, capsys):
    web.routes["/odd"] = Reply(b"x", headers={"Content-Type": "text/\x1b[31mevil"})
    assert main(["analyze", web.url("/odd")]) == 1
    line = one_error_line(capsys.readouterr().err)
    assert "\x1b" not in line and "not an HTML page" in line


def test_deeply_nested_html_is_a_clear_error_or_an_article(web, capsys):
    nested = (b"<html><head><title>Deep</title></head><body>" + b"<div>" * 100_000
              + b"<p>The bridge reopens in May after repairs to its deck and rails.</p>" * 5
              + b"</div>" * 100_000 + b"</body></html>")
    web.routes["/deep"] = Reply(nested)
    code = main(["analyze", web.url("/deep"), "--jsonl"])
    captured = capsys.readouterr()
    if code:
        assert "HTML nested 100003 levels deep" in one_error_line(captured.err)  # and says why
    else:
        assert json.loads(captured.out)["article"]["title"] == "Deep"


def test_a_page_in_the_store_is_read_without_the_network(tmp_path):
    """Stored pages go through the same checks: a stored PDF is still not an article."""
    store = PageStore(tmp_path)
    store.put(Page("http://example.invalid/a", "http://example.invalid/a", "application/pdf",
                   None, b"%PDF-1.4", 0.0))
    with pytest.raises(FetchError, match="not an HTML page"):
        web_article("http://example.invalid/a", store=store)


# -- explorer URL: the app ------------------------------------------------------------------------


def test_urls_are_fetched_before_the_app_starts_and_failures_set_aside(web, tmp_path):
    from explorer.commands.open import read_paths

    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    story = tmp_path / "story.txt"
    story.write_text("\n\n".join(STORY), encoding="utf-8")
    articles, skipped, notes = read_paths([web.url("/missing"), web.url("/cinema"), str(story)])
    assert [a.path for a in articles] == [web.url("/cinema"), str(story)]
    assert len(skipped) == 1 and str(skipped[0]).endswith("HTTP 404 Not Found")
    assert len(notes) == 1 and notes[0].startswith(web.url("/cinema"))
    assert PageStore().get(web.url("/cinema")) is not None


async def test_the_app_opens_a_stored_page_and_says_when_it_was_fetched(web):
    from test_feed_app import EmptyAnalysis

    from explorer.app.app import ExplorerApp

    web.routes["/cinema"] = Reply(article_page("Valley cinema to close", STORY))
    web_article(web.url("/cinema"))
    app = ExplorerApp(paths=[web.url("/cinema")], service=EmptyAnalysis())
    async with app.run_test(size=(120, 36)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.screen.articles[0].title == "Valley cinema to close"
        notes = [str(n.message) for n in app._notifications]
        assert any("read from the local store" in note for note in notes)
    assert web.hits["/cinema"] == 1


def test_explorer_url_that_fails_is_one_line_and_no_app(web, capsys):
    assert main([web.url("/missing")]) == 1
    assert one_error_line(capsys.readouterr().err).endswith("HTTP 404 Not Found")

"""The app under hostile text: markup and escapes in articles, names, errors and file names.

Each test opens the app with a fake document service (no spaCy) and inspects what
Textual would draw: every strip of the screen must be free of raw control
characters and hyperlinks, and article markup must show as the characters typed.
The last test uses the real service to check an app session never writes an input.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from explorer.app.app import ExplorerApp
from explorer.app.screens.reader import ReaderScreen
from explorer.app.widgets.item_panel import ItemPanel
from explorer.model import (
    Article,
    Cue,
    Engine,
    Figure,
    Organisation,
    ParsedDocument,
    Person,
    Place,
    Quote,
    Span,
    Speaker,
)

CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
HYPERLINK = "\x1b]8;;https://evil.invalid\x07here\x1b]8;;\x07"
MARKUP = "[bold]loud[/bold] [link=https://evil.invalid]click[/link] [/]"
ESCAPES = f"\x1b[31mred\x1b[0m \x1b[2J{CLIPBOARD} \x9b31m \u202eevil\u202c \x07"

TITLE = "\x1b[1mFerry\x1b[0m fares [bold]rise[/bold]"
SPEAKER = "Ada [red]Quill\x1b[5m"
QUOTE = f"We have {MARKUP} no choice {ESCAPES}"
PLACE = f"Os[i]lo{CLIPBOARD}"
ARTICLE = (
    f"{TITLE}\n\n"
    f"{SPEAKER} said: “{QUOTE}” in {PLACE} on Tuesday.\n\n"
    f"Fares rise 12% {HYPERLINK} says the [b]Port[/b] Authority.\n\n"
    # Plain prose, so control characters stay under the share that marks a binary file.
    + "The ferry crossing has run every hour since the old quay was rebuilt. " * 12 + "\n"
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _span(needle: str) -> Span:
    start = ARTICLE.index(needle)
    return Span(start, start + len(needle))


def hostile_document(article: Article) -> ParsedDocument:
    quote, speaker, place = _span(QUOTE), _span(SPEAKER), _span(PLACE)
    said, figure, org = _span("said"), _span("12%"), _span("[b]Port[/b] Authority")
    return ParsedDocument(
        article=article,
        engine=Engine("0", "0", "fake"),
        speakers=(Speaker(id="s1", name=SPEAKER, kind="person", role=f"[i]boss{CLIPBOARD}",
                          aliases=(SPEAKER,), mentions=(speaker,), quote_ids=("q1",)),),
        quotes=(Quote(id="q1", kind="direct", start=quote.start, end=quote.end, parts=(quote,),
                      text=QUOTE, speaker_id="s1", speaker_mention=speaker,
                      cue=Cue(said.start, said.end, "said")),),
        places=(Place(id="p1", name=PLACE, kind="city", aliases=(PLACE,), mentions=(place,)),),
        figures=(Figure(id="f1", text="12%", start=figure.start, end=figure.end, kind="percent",
                        value=12, counts=f"fare rise {MARKUP}", quote_id=None),),
        people=(Person(id="pe1", name=SPEAKER, mentions=(speaker,), speaker_id="s1"),),
        organisations=(Organisation(id="o1", name="[b]Port[/b] Authority", mentions=(org,)),),
    )


class HostileService:
    """A document service whose analyses are full of markup and escapes, or fail with them."""

    def __init__(self, error: str | None = None) -> None:
        self.error = error

    def cached(self, article: Article) -> ParsedDocument | None:
        return None

    def analyze(self, article: Article) -> ParsedDocument:
        if self.error is not None:
            return ParsedDocument(article=article, engine=Engine("", "", ""), error=self.error)
        return hostile_document(article)

    def analyze_batch(self, articles: list[Article]) -> list[ParsedDocument]:
        return [self.analyze(article) for article in articles]


@pytest.fixture
def hostile_file(tmp_path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


async def _settle(app: ExplorerApp, pilot) -> ReaderScreen:
    await app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()
    assert isinstance(app.screen, ReaderScreen)
    return app.screen


def _screen_lines(app: ExplorerApp) -> list[str]:
    """What the terminal would be sent for the current screen, one string per row.

    Also asserts that no segment carries a control code or a hyperlink style.
    """
    strips = app.screen._compositor.render_strips()
    for strip in strips:
        for segment in strip:
            assert not segment.control, f"control segment {segment!r}"
            assert segment.style is None or not segment.style.link, f"hyperlink {segment!r}"
    return [strip.text for strip in strips]


def _assert_safe(lines: list[str]) -> None:
    found = sorted({repr(c) for line in lines for c in _CONTROLS.findall(line)})
    assert found == [], f"raw control characters on screen: {found}"


async def test_article_markup_and_escapes_are_drawn_literally(hostile_file):
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService())
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _settle(app, pilot)
        lines = _screen_lines(app)
        _assert_safe(lines)
        shown = "\n".join(lines)
        assert "[bold]rise[/bold]" in shown  # the header and the article view
        assert "␛[1mFerry" in shown
        assert "[bold]loud[/bold]" in shown
        assert "␛]52;c;ZXZpbA==␇" in shown
        panel = screen.query_one("#panel-speakers", ItemPanel)
        assert "Ada [red]Quill␛[5m" in panel.shown_rows[0].prompt.plain


@pytest.mark.parametrize("tab", ["quotes", "places", "figures", "people", "organisations"])
async def test_every_panel_shows_hostile_names_literally(hostile_file, tab):
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService())
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _settle(app, pilot)
        screen.query_one("#panels").active = f"tab-{tab}"
        await pilot.pause()
        _assert_safe(_screen_lines(app))
        prompt = screen.query_one(f"#panel-{tab}", ItemPanel).shown_rows[0].prompt.plain
        assert "[" in prompt and not _CONTROLS.search(prompt)


async def test_selecting_a_hostile_quote_keeps_the_screen_safe(hostile_file):
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService())
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _settle(app, pilot)
        screen.query_one("#panels").active = "tab-quotes"
        panel = screen.query_one("#panel-quotes", ItemPanel)
        panel.focus()
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        _assert_safe(_screen_lines(app))


async def test_hostile_analysis_error_is_shown_literally(hostile_file):
    error = f"ValueError: [bold]boom[/] {ESCAPES}"
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService(error=error))
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _settle(app, pilot)
        lines = _screen_lines(app)
        _assert_safe(lines)
        assert "[bold]boom[/]" in "\n".join(lines)
        assert screen.query_one("#panel-speakers", ItemPanel) is not None


async def test_hostile_file_name_in_a_source_error_is_shown_literally(hostile_file, tmp_path):
    missing = tmp_path / f"[/]bad[link=evil]{CLIPBOARD}.txt"
    app = ExplorerApp(paths=[str(hostile_file), str(missing)], service=HostileService())
    async with app.run_test(size=(160, 40), notifications=True) as pilot:
        await _settle(app, pilot)
        lines = _screen_lines(app)
        _assert_safe(lines)
        assert app.is_running
        assert "[/]bad[link=" in "\n".join(lines)  # the toast shows the name as written


@pytest.mark.parametrize("size", [(40, 10), (20, 5), (300, 100)])
async def test_tiny_and_huge_terminals_never_crash(hostile_file, size):
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService())
    async with app.run_test(size=(120, 36)) as pilot:
        await _settle(app, pilot)
        await pilot.resize_terminal(*size)
        await pilot.pause()
        _assert_safe(_screen_lines(app))
        await pilot.press("down", "pagedown", "tab", "enter")
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        assert app.is_running


async def test_an_app_session_leaves_input_files_untouched(tmp_path, monkeypatch, nlp):
    """With the real service and cache: reading, analysing and moving around write nothing."""
    from explorer.documents import DocumentService

    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "two.txt").write_bytes("“Fine,” said Zoë.\r\n".encode("cp1252"))
    old = 1_600_000_000_000_000_000
    for path in folder.iterdir():
        os.utime(path, ns=(old, old))
    before = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    app = ExplorerApp(paths=[str(folder)], service=DocumentService(use_cache=True))
    async with app.run_test(size=(120, 36)) as pilot:
        await _settle(app, pilot)
        await pilot.press("down", "enter", "tab", "down", "enter")
        await pilot.pause()
    after = {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.iterdir()}
    assert after == before


async def test_copying_a_hostile_quote_puts_only_visible_text_on_the_clipboard(hostile_file):
    app = ExplorerApp(paths=[str(hostile_file)], service=HostileService())
    async with app.run_test(size=(160, 40)) as pilot:
        screen = await _settle(app, pilot)
        await pilot.press("2", "down", "enter")
        await pilot.pause()
        assert screen.selected is not None, "no quote selected"
        await pilot.press("c")
        await pilot.pause()
        assert app.clipboard.startswith("We have [bold]loud[/bold]")  # the article's words
        assert "␛]52;c;ZXZpbA==␇" in app.clipboard
        assert not _CONTROLS.search(app.clipboard)

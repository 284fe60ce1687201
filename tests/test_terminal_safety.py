"""Article text never takes over the terminal: markup stays literal, escapes become symbols.

An article (or its file name, or a JSON document someone hands us) may hold Rich
markup, ANSI/OSC escape sequences (colour, clear screen, clipboard writes,
hyperlinks) or bidi overrides. What we print shows them as text; the JSON keeps
them exactly.
"""

from __future__ import annotations

import io
import json
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console

from explorer import model_json
from explorer.cli import main
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
from explorer.report import summary
from explorer.safe_text import visible

MARKUP = "[bold]loud[/bold] [link=https://evil.invalid]click[/link] [/] [red on blue]x"
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
HYPERLINK = "\x1b]8;;https://evil.invalid\x07here\x1b]8;;\x07"
ESCAPES = f"\x1b[31mred\x1b[0m \x1b[2J{CLIPBOARD}{HYPERLINK} \x9b31m \x1bP+q\x1b\\ \x07"
HOSTILE = f"{MARKUP} {ESCAPES} \u202eevil\u202c"

# Everything a terminal could act on. Rich's own colour codes are removed before
# this check when we force a colour terminal.
_TERMINAL_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_RICH_STYLE = re.compile(r"\x1b\[[0-9;]*m")


def _controls_in(output: str) -> list[str]:
    return sorted({repr(c) for c in _TERMINAL_CONTROLS.findall(output)})


# --- safe_text.visible ---------------------------------------------------------------------------


def test_visible_turns_escapes_into_control_pictures():
    assert visible("\x1b[31mred") == "␛[31mred"
    assert visible("bell\x07") == "bell␇"
    assert visible("nul\x00") == "nul␀"
    assert visible("del\x7f") == "del\u2421"


def test_visible_keeps_newlines_tabs_and_markup_text():
    assert visible("a\tb\nc") == "a\tb\nc"
    assert visible(MARKUP) == MARKUP


def test_visible_shows_windows_line_ends_as_one_break_and_lone_cr_as_a_symbol():
    assert visible("a\r\nb") == "a \nb"
    assert visible("a\rb") == "a␍b"


def test_visible_replaces_c1_controls_and_bidi_overrides():
    assert visible("\x9b31m\x85") == "\ufffd31m\ufffd"
    assert visible("\u202eevil\u202c\u2066x\u2069\u200f\u061c") == "\ufffdevil\ufffd\ufffdx\ufffd\ufffd\ufffd"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_visible_keeps_length_and_leaves_no_control_character(text):
    shown = visible(text)
    assert len(shown) == len(text)  # offsets still line up
    assert not _TERMINAL_CONTROLS.search(shown)
    assert all(unicodedata.category(c) != "Cc" or c in "\t\n" for c in shown)


# --- the Rich summary ----------------------------------------------------------------------------


def hostile_document() -> ParsedDocument:
    """Hostile strings in every field the summary prints, kinds included (as from bad JSON)."""
    text = f"{HOSTILE} said {HOSTILE}.\n"
    whole = Span(0, len(HOSTILE))
    return ParsedDocument(
        article=Article(
            text=text,
            path=f"articles/{HOSTILE}.txt",
            title=f"Title {HOSTILE}",
            date=f"2025 {ESCAPES}",
            source=f"Source {MARKUP}",
            byline=f"By {ESCAPES}",
            paragraphs=(Span(0, len(text) - 1),),
        ),
        engine=Engine(explorer="0", spacy="0", model="none"),
        speakers=(Speaker(id="s1", name=f"Speaker {HOSTILE}", kind=f"[blink]{ESCAPES}",  # type: ignore[arg-type]
                          role=f"Role {HOSTILE}", mentions=(whole,), quote_ids=("q1",)),),
        quotes=(Quote(id="q1", kind=f"[bold]{CLIPBOARD}", start=0, end=len(HOSTILE),  # type: ignore[arg-type]
                      parts=(whole,), text=HOSTILE, speaker_id="s1",
                      cue=Cue(len(HOSTILE) + 1, len(HOSTILE) + 5, "said")),),
        places=(Place(id="p1", name=f"Place {HOSTILE}", kind=HYPERLINK,  # type: ignore[arg-type]
                      mentions=(whole,)),),
        figures=(Figure(id="f1", text=f"12 {HOSTILE}", start=0, end=2, kind=MARKUP,  # type: ignore[arg-type]
                        counts=f"counts {HOSTILE}", quote_id="q1"),),
        people=(Person(id="pe1", name=f"Person {HOSTILE}", role=f"Role {ESCAPES}"),),
        organisations=(Organisation(id="o1", name=f"Org {HOSTILE}"),),
        error=f"boom {HOSTILE}",
    )


def _render(console_kwargs: dict) -> str:
    buffer = io.StringIO()
    console = Console(file=buffer, width=400, **console_kwargs)
    console.print(summary(hostile_document()))
    return buffer.getvalue()


def test_summary_without_colour_has_no_control_characters_and_literal_markup():
    output = _render({"force_terminal": False, "color_system": None})
    assert _controls_in(output) == []
    assert "[bold]loud[/bold]" in output
    assert "[link=https://evil.invalid]click[/link]" in output
    assert "␛]52;c;ZXZpbA==␇" in output  # the clipboard write, shown not done


def test_summary_on_a_colour_terminal_emits_only_rich_own_styles():
    output = _render({"force_terminal": True, "color_system": "truecolor"})
    assert _RICH_STYLE.search(output), "expected Rich's own colour codes on a colour terminal"
    assert _controls_in(_RICH_STYLE.sub("", output)) == []
    assert "\x1b]" not in output  # no OSC at all: no hyperlinks, no clipboard
    assert "[red on blue]x" in _RICH_STYLE.sub("", output)


def test_summary_shows_every_hostile_field_literally():
    output = _render({"force_terminal": False, "color_system": None})
    for label in ("Title", "Source", "Speaker", "Role", "Place", "Person", "Org", "counts",
                  "analysis failed: boom", "12"):  # "12 …" is the figure
        assert f"{label} [bold]loud[/bold]" in output, label


# --- through the command line --------------------------------------------------------------------

ARTICLE = (
    # the first line is the title the summary shows (cut at a word before 80 characters)
    f"\x1b[31mFerry\x1b[0m fares [bold]rise[/bold] {CLIPBOARD} [link=https://evil.invalid]x\n\n"
    "The harbour master, Ada Quill, said the fares would rise by 12% in Oslo next year, "
    "and that nobody at the Port Authority liked it. "
    "“We have no choice,” she told reporters on Tuesday, “the fuel costs £1.2bn.”\n\n"
    f"Mr Okafor said {MARKUP} was {HYPERLINK} unfair {ESCAPES} \u202eevil\u202c. " + "More words about ferries. " * 20 + "\n"
)


@pytest.fixture
def cli_env(monkeypatch, tmp_path):
    """A private cache and no forced colour, so output is what a pipe would get."""
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    for name in ("FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("COLUMNS", "200")
    return tmp_path


def test_cli_summary_prints_article_markup_and_escapes_literally(cli_env, capsys):
    path = cli_env / "hostile.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["analyze", str(path), "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert _controls_in(out) == [] and _controls_in(err) == []
    assert "␛[31mFerry␛[0m fares [bold]rise[/bold] ␛]52;c;ZXZpbA==␇…" in out


def test_cli_json_preserves_hostile_text_exactly(cli_env, capsys):
    path = cli_env / "hostile.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code = main(["analyze", str(path), "--json", "--no-cache"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert json.loads(out)["text"] == ARTICLE
    assert model_json.loads(out).text == ARTICLE
    assert "\x1b" not in out  # JSON escapes C0 controls as \u001b


@pytest.mark.parametrize("flag", ["--json", "--jsonl"])
def test_cli_json_output_has_no_raw_c1_controls(cli_env, capsys, flag):
    """DEL, C1 controls (the one-byte CSI 0x9b) and bidi overrides come out as \\u escapes."""
    path = cli_env / "hostile.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    main(["analyze", str(path), flag, "--no-cache"])
    out, _ = capsys.readouterr()
    assert _controls_in(out.replace("\n", "")) == []
    assert json.loads(out)["text"] == ARTICLE


def test_cli_error_for_a_hostile_file_name_is_one_safe_line(cli_env, capsys):
    missing = cli_env / f"{MARKUP}\x1b]52;c;ZXZpbA==\x07\x1b[2J.txt"
    code = main(["analyze", str(missing)])
    out, err = capsys.readouterr()
    assert code != 0
    assert out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert _controls_in(err.rstrip("\n")) == []
    assert "[bold]loud[/bold]" in err and "␛]52;c;ZXZpbA==␇" in err

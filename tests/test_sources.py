"""Reading each article format: the text the analysis sees, its header and its paragraphs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from explorer.model import SCHEMA
from explorer.sources import SourceError, read_article, read_text_article
from explorer.sources.paragraphs import split_paragraphs


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_bytes(content.encode("utf-8"))
    else:
        path.write_bytes(content)
    return path


def paragraph_texts(article) -> list[str]:
    return [span.text_of(article.text) for span in article.paragraphs]


# --- plain text -----------------------------------------------------------------


def test_date_header_convention_gives_date_and_body_start():
    text = " date 2024-03-05 The mayor of Leeds opened the bridge.\n\nShe said it was overdue.\n"
    article = read_text_article(text)
    assert article.text == text
    assert article.date == "2024-03-05"
    assert article.body_start == len(" date 2024-03-05 ")
    assert paragraph_texts(article) == [
        "The mayor of Leeds opened the bridge.",
        "She said it was overdue.",
    ]


def test_date_header_needs_its_leading_space():
    text = "date 2024-03-05 The mayor spoke."
    article = read_text_article(text)
    assert article.date is None
    assert article.body_start == 0


def test_plain_text_file_keeps_every_character(tmp_path):
    content = '  \u201cQuoted,\u201d she said.\r\n\r\nSecond "straight" paragraph.  \r\n\r\n\r\n'
    article = read_article(write(tmp_path, "story.txt", content))
    assert article.text == content
    assert article.path == str(tmp_path / "story.txt")
    assert paragraph_texts(article) == [
        "\u201cQuoted,\u201d she said.",
        'Second "straight" paragraph.',
    ]


def test_title_date_source_url_and_byline_headers(tmp_path):
    content = (
        "Title: Ferry operator cuts winter sailings\n"
        "Date: Tuesday 4 February 2025\n"
        "Source: The Harbour Gazette\n"
        "URL: https://example.org/ferries\n"
        "By Morag Lindsay, Transport Correspondent\n"
        "\n"
        "Sailings to the islands will be halved.\n"
    )
    article = read_article(write(tmp_path, "ferries.txt", content))
    assert article.title == "Ferry operator cuts winter sailings"
    assert article.date == "2025-02-04"
    assert article.source == "The Harbour Gazette"
    assert article.url == "https://example.org/ferries"
    assert article.byline == "Morag Lindsay, Transport Correspondent"
    assert article.text[article.body_start :].startswith("Sailings to the islands")
    assert paragraph_texts(article) == ["Sailings to the islands will be halved."]


def test_unreadable_header_date_is_none_but_still_header():
    article = read_text_article("Date: sometime last spring\nThe body.")
    assert article.date is None
    assert article.text[article.body_start :] == "The body."


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2025-10-14", "2025-10-14"),
        ("14 October 2025", "2025-10-14"),
        ("October 14, 2025", "2025-10-14"),
        ("Oct. 14, 2025", "2025-10-14"),
        ("14/10/2025", "2025-10-14"),
        ("Tue, 14 Oct 2025 09:30:00 +0100", "2025-10-14"),
        ("2025-10-14T08:00:00Z", "2025-10-14"),
        ("2025-02-30", None),
    ],
)
def test_header_dates_are_normalised(value, expected):
    assert read_text_article(f"Date: {value}\nBody.").date == expected


def test_title_header_followed_by_date_convention():
    text = "Title: Dam repairs\n date 2023-07-01 Engineers began work.\n"
    article = read_text_article(text)
    assert (article.title, article.date) == ("Dam repairs", "2023-07-01")
    assert text[article.body_start :].startswith("Engineers began work.")


@pytest.mark.parametrize(
    "first_line",
    [
        "By the time the polls closed, turnout had reached 60%.",
        "By Monday, officials said the deal was dead.",
        "Source: a senior official told us the plan had failed, and more followed.",
    ],
)
def test_body_lines_that_resemble_headers_stay_body(first_line):
    text = f"{first_line}\nSecond line of the story."
    article = read_text_article(text)
    if first_line.startswith("Source:"):
        # A "Source:" line is a header by our rule; the point is that By-lines are strict.
        assert article.source is not None
        return
    assert article.byline is None
    assert article.body_start == 0
    assert paragraph_texts(article)[0] == first_line


def test_header_only_at_the_top():
    text = "The council met.\nTitle: not a header here\n"
    article = read_text_article(text)
    assert article.title is None
    assert article.body_start == 0


# --- paragraphs ------------------------------------------------------------------


def test_paragraphs_blank_line_separated_with_whitespace_lines():
    text = "One line\nstill one.\n  \t \nTwo.\n\n\n\nThree.  "
    spans = split_paragraphs(text)
    assert [s.text_of(text) for s in spans] == ["One line\nstill one.", "Two.", "Three."]


def test_paragraphs_one_per_line_when_no_blank_line():
    text = "First.\nSecond.\r\nThird.\rFourth."
    assert [s.text_of(text) for s in split_paragraphs(text)] == [
        "First.",
        "Second.",
        "Third.",
        "Fourth.",
    ]


def test_paragraphs_crlf_blank_lines():
    text = "Alpha one.\r\nAlpha two.\r\n\r\nBeta.\r\n"
    spans = split_paragraphs(text)
    assert [s.text_of(text) for s in spans] == ["Alpha one.\r\nAlpha two.", "Beta."]


def test_paragraphs_never_include_the_header_nor_whitespace_edges():
    text = " date 2025-01-01   Lead paragraph.\n\n\u00a0Second\u00a0\n"
    article = read_text_article(text)
    for span in article.paragraphs:
        assert span.start >= article.body_start
        piece = span.text_of(text)
        assert piece == piece.strip() and piece
    assert paragraph_texts(article) == ["Lead paragraph.", "Second"]


def test_paragraph_splitting_is_linear_on_a_big_text():
    paragraph = "A sentence of an ordinary news paragraph, repeated to build bulk. " * 20
    text = "\n\n".join([paragraph.strip()] * 15_000)  # about 20 MB
    spans = split_paragraphs(text)
    assert len(spans) == 15_000
    assert spans[-1].end == len(text)


_PIECES = st.sampled_from(
    [
        "word", "Quote \u201chere\u201d.", " ", "\t", "\n", "\r\n", "\r", "\n\n", "\u00a0",
        " date 2025-01-02 ", "Title: T", "By Ann Lee", "Date: 1 May 2025",
    ]
)
"""Bits of text, whitespace of every kind and header lines, in any order."""


@given(st.lists(_PIECES, max_size=30).map("".join))
def test_any_text_keeps_its_characters_and_gives_sound_paragraphs(text):
    article = read_text_article(text)
    assert article.text == text
    assert 0 <= article.body_start <= len(text)
    previous_end = article.body_start
    for span in article.paragraphs:
        piece = span.text_of(text)
        assert previous_end <= span.start < span.end
        assert piece == piece.strip()
        previous_end = span.end
    assert " ".join(text[s.start : s.end] for s in article.paragraphs).split() == (
        text[article.body_start :].split()
    )


# --- markdown --------------------------------------------------------------------


def test_markdown_front_matter_and_heading(tmp_path):
    content = (
        "---\n"
        "title: Tidal barrier opens\n"
        "date: 2025-06-02\n"
        "source: Estuary Post\n"
        "author:\n  - Ines Carvalho\n  - Tom Reid\n"
        "url: https://example.org/barrier\n"
        "---\n"
        "\n"
        "# Tidal barrier opens after decade of delays\n"
        "\n"
        "The barrier *finally* closed on Monday.\n"
        "\n"
        "Engineers cheered.\n"
    )
    article = read_article(write(tmp_path, "barrier.md", content))
    assert article.text == content
    assert article.title == "Tidal barrier opens"
    assert article.date == "2025-06-02"
    assert article.source == "Estuary Post"
    assert article.byline == "Ines Carvalho, Tom Reid"
    assert article.url == "https://example.org/barrier"
    assert content[article.body_start :].startswith("The barrier *finally*")
    assert paragraph_texts(article) == [
        "The barrier *finally* closed on Monday.",
        "Engineers cheered.",
    ]


def test_markdown_heading_gives_title_without_front_matter(tmp_path):
    article = read_article(write(tmp_path, "note.markdown", "# Storm warning\n\nWinds of 90mph.\n"))
    assert article.title == "Storm warning"
    assert paragraph_texts(article) == ["Winds of 90mph."]


def test_markdown_rule_that_is_not_yaml_stays_body(tmp_path):
    content = "---\nJust a rule: [unclosed\n---\nText.\n"
    article = read_article(write(tmp_path, "rule.md", content))
    assert article.body_start == 0
    assert article.title is None


# --- JSON ------------------------------------------------------------------------


def test_json_article_text_and_metadata(tmp_path):
    data = {
        "title": "Grid upgrade",
        "date": "3 March 2025",
        "publisher": {"name": "Energy Weekly"},
        "author": [{"name": "Ama Owusu"}, "Li Wei"],
        "url": "https://example.org/grid",
        "body": "The upgrade costs \u00a31.2bn.\n\nIt ends in 2030.",
    }
    article = read_article(write(tmp_path, "grid.json", json.dumps(data)))
    assert article.text == data["body"]
    assert article.title == "Grid upgrade"
    assert article.date == "2025-03-03"
    assert article.source == "Energy Weekly"
    assert article.byline == "Ama Owusu, Li Wei"
    assert paragraph_texts(article) == ["The upgrade costs \u00a31.2bn.", "It ends in 2030."]


def test_json_paragraph_list_is_joined_with_blank_lines(tmp_path):
    article = read_article(write(tmp_path, "a.json", json.dumps({"text": ["One.", "Two."]})))
    assert article.text == "One.\n\nTwo."


def test_analysis_document_is_read_back_as_its_article(tmp_path):
    text = " date 2025-05-05 The port reopened.\n\nTrade resumed."
    document = {
        "schema": SCHEMA,
        "article": {"path": "x.txt", "title": None, "date": "2025-05-05", "body_start": 17},
        "text": text,
        "paragraphs": [],
    }
    article = read_article(write(tmp_path, "x.analysis.json", json.dumps(document)))
    assert article.text == text
    assert article.date == "2025-05-05"
    assert article.body_start == 17
    assert paragraph_texts(article) == ["The port reopened.", "Trade resumed."]


@pytest.mark.parametrize(
    "content, reason",
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected one article object"),
        ('{"title": "No body"}', "no article text"),
        ('{"text": "   "}', "empty"),
    ],
)
def test_bad_json_articles_are_refused(tmp_path, content, reason):
    with pytest.raises(SourceError) as caught:
        read_article(write(tmp_path, "bad.json", content))
    assert reason in caught.value.reason
    assert "\n" not in str(caught.value)


def test_json_lines_is_refused_not_read_as_prose(tmp_path):
    lines = '{"text": "First story."}\n{"text": "Second story."}\n'
    with pytest.raises(SourceError, match="JSON Lines"):
        read_article(write(tmp_path, "batch.jsonl", lines))


# --- HTML ------------------------------------------------------------------------

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Pier collapse closes seafront | Coast Courier</title>
<meta name="author" content="Dara Whelan">
<meta property="og:site_name" content="Coast Courier">
<meta property="article:published_time" content="2025-08-19T07:00:00+01:00">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<main><article>
<h1>Pier collapse closes seafront</h1>
<p>A section of the Victorian pier fell into the sea early on Tuesday, and the council closed the seafront for the day.</p>
<p>"We heard a crack like thunder," said Peggy Shaw, who runs a cafe opposite. "Then the lights went out."</p>
<p>Repairs are expected to cost between \u00a33m and \u00a35m, according to the council's engineers.</p>
</article></main>
<footer><p>\u00a9 2025 Coast Courier. All rights reserved.</p><a href="/privacy">Privacy policy</a> <a href="/cookies">Cookie settings</a></footer>
</body></html>
"""


def test_html_article_body_is_extracted_without_boilerplate(tmp_path):
    article = read_article(write(tmp_path, "pier.html", PAGE))
    assert "Victorian pier fell into the sea" in article.text
    assert "Peggy Shaw" in article.text
    for boilerplate in ("Cookie settings", "All rights reserved", "Sport"):
        assert boilerplate not in article.text
    assert article.date == "2025-08-19"
    assert article.byline == "Dara Whelan"
    assert article.source == "Coast Courier"
    assert article.title and "Pier collapse" in article.title
    assert len(article.paragraphs) == 3
    assert paragraph_texts(article)[0].startswith("A section of the Victorian pier")


def test_html_without_article_text_is_refused(tmp_path):
    with pytest.raises(SourceError, match="no article text"):
        page = "<html><head><title>Nothing here</title></head><body></body></html>"
        read_article(write(tmp_path, "empty.htm", page))

"""One title rule: metadata, then a headline-like first line, then the file name; cut at a word."""

from __future__ import annotations

import json

from explorer.model import Article
from explorer.model_json import dumps
from explorer.titles import article_title, shorten


def test_the_header_title_comes_first():
    article = Article(text="Some words.\n", path="notes/story.txt", title="Ferry fares rise")
    assert article_title(article) == "Ferry fares rise"


def test_a_headline_like_first_line_comes_next():
    article = Article(text="Council votes to widen the quay\n\nThe council voted.", path="q.txt")
    assert article_title(article) == "Council votes to widen the quay"
    question = Article(text="Will the quay be ready by May?\n\nIt may.", path="q.txt")
    assert article_title(question) == "Will the quay be ready by May?"


def test_a_first_line_that_is_a_sentence_gives_the_file_name():
    for first in ("The council voted on Tuesday to widen the quay, a project of three years.",
                  "“The talks are over,” the minister said.",
                  "The talks are over,"):
        article = Article(text=f"{first}\n\nMore text.", path="archive/harbour-vote.txt")
        assert article_title(article) == "harbour-vote.txt", first
    assert article_title(Article(text="a lower-case start\n\nText.")) == "untitled"


def test_long_titles_are_cut_at_a_word_with_an_ellipsis():
    title = "Ministers agree a package of measures to widen every quay on the coast before winter"
    assert shorten(title, 40) == "Ministers agree a package of measures…"
    assert shorten("  one\n two  ") == "one two"
    assert article_title(Article(text="x", title=title)).endswith("…")
    assert len(article_title(Article(text="x", title=title * 2))) <= 80


def test_the_json_carries_the_title_every_view_shows():
    article = Article(text="Council votes to widen the quay\n\nThe council voted.", path="q.txt")
    from explorer.model import Engine, ParsedDocument

    data = json.loads(dumps(ParsedDocument(article=article, engine=Engine("", "", ""))))
    assert data["article"]["title"] is None
    assert data["article"]["display_title"] == "Council votes to widen the quay"

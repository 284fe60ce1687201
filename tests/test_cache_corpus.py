"""The corpus index: SQLite tables and FTS5 over a folder's analyses, queried a page at a time."""

from __future__ import annotations

import dataclasses
import os
import sqlite3

import pytest

from explorer.model import Engine, ParsedDocument, Quote, Span, Speaker
from explorer.sources import read_text_article
from explorer.store.corpus import CorpusIndex, corpus_title, said_before
from explorer.store.corpus_query import Filters, QueryError, split_filters
from explorer.store.corpus_schema import CORPUS_SCHEMA

ENGINE = Engine("0.1.0", "3.8.0", "en_test-1.0")


def document(path: str, text: str, quotes: list[tuple[str, str]], *, date: str | None = None,
             source: str | None = None, kinds: dict[str, str] | None = None,
             aliases: dict[str, tuple[str, ...]] | None = None,
             quote_kind: str = "direct") -> ParsedDocument:
    """``quotes`` are (speaker name, quoted words); each words must appear in ``text``."""
    speakers: dict[str, Speaker] = {}
    built = []
    for n, (name, words) in enumerate(quotes, 1):
        start = text.index(words)
        speaker = speakers.get(name) or Speaker(f"s{len(speakers) + 1}", name)
        quote = Quote(f"q{n}", quote_kind, start, start + len(words),
                      (Span(start, start + len(words)),), words, speaker.id, confidence=0.8)
        speakers[name] = Speaker(speaker.id, name, (kinds or {}).get(name, "person"),
                                 aliases=(aliases or {}).get(name, ()),
                                 quote_ids=(*speaker.quote_ids, quote.id))
        built.append(quote)
    article = dataclasses.replace(read_text_article(text, path), date=date, source=source)
    return ParsedDocument(article, ENGINE, speakers=tuple(speakers.values()), quotes=tuple(built))


PORT = document(
    "news/b-port.txt",
    'The port will reopen in May. "We have cleared the\nchannel," said Lena Park. '
    '"Ships are waiting," Lena Park added. "It is late," said Omar Diaz.\n',
    [("Lena Park", "We have cleared the\nchannel,"), ("Lena Park", "Ships are waiting,"),
     ("Omar Diaz", "It is late,")],
    date="2024-03-02", source="The Harbour Gazette",
)
BUDGET = document(
    "news/a-budget.txt",
    '"The budget is balanced," said lena  park. Critics said the channel dredging was costly.\n',
    [("lena  park", "The budget is balanced,")],
    date="2024-01-15", source="Daily Ledger",
)


def corpus(*documents: ParsedDocument) -> CorpusIndex:
    index = CorpusIndex()
    for doc in documents:
        index.add(doc)
    return index


def test_articles_are_listed_newest_first_with_counts_and_titles():
    page = corpus(PORT, BUDGET).articles()
    assert [(os.path.basename(a.path), a.quote_count, a.speaker_count) for a in page.items] == [
        ("b-port.txt", 3, 2), ("a-budget.txt", 1, 1)]
    assert page.total == 2 and not page.more


def test_a_title_is_the_header_then_a_headline_like_line_then_the_file_name():
    with_title = dataclasses.replace(PORT.article, title="Port   reopens")
    assert corpus_title(with_title) == "Port reopens"
    headline = read_text_article("Port reopens after storm\n\nThe port opened. It rained.\n", "x/p.txt")
    assert corpus_title(headline) == "Port reopens after storm"
    assert corpus_title(PORT.article) == "b port"  # the first line is sentences, not a headline
    long = dataclasses.replace(PORT.article, title="word " * 40)
    assert corpus_title(long).endswith("word…") and len(corpus_title(long)) <= 101


def test_speakers_merge_by_name_across_articles_and_sort_three_ways():
    index = corpus(PORT, BUDGET)
    by_quotes = index.speakers().items
    assert [(s.name, s.quote_count, s.article_count) for s in by_quotes] == [
        ("Lena Park", 3, 2), ("Omar Diaz", 1, 1)]
    assert [s.name for s in index.speakers(sort="name").items] == ["Lena Park", "Omar Diaz"]
    assert [s.name for s in index.speakers(min_articles=2).items] == ["Lena Park"]
    assert index.speakers(kind="organisation").total == 0


def test_speakers_sort_by_articles_apart_from_quotes():
    many_quotes = document("x/one.txt", '"A," said Ann Lee. "B," said Ann Lee. "C," said Ann Lee.\n',
                           [("Ann Lee", "A,"), ("Ann Lee", "B,"), ("Ann Lee", "C,")])
    spread = [document(f"x/{n}.txt", f'"Word {n}," said Bo Chan.\n', [("Bo Chan", f"Word {n},")])
              for n in range(2)]
    index = corpus(many_quotes, *spread)
    assert [s.name for s in index.speakers(sort="quotes").items] == ["Ann Lee", "Bo Chan"]
    assert [s.name for s in index.speakers(sort="articles").items] == ["Bo Chan", "Ann Lee"]


def test_a_speakers_quotes_come_newest_first_with_their_article():
    refs = corpus(PORT, BUDGET).quotes_of("LENA PARK").items
    assert [(os.path.basename(q.path), q.quote_id, q.date) for q in refs] == [
        ("b-port.txt", "q1", "2024-03-02"), ("b-port.txt", "q2", "2024-03-02"),
        ("a-budget.txt", "q1", "2024-01-15")]
    assert PORT.text[refs[0].start : refs[0].end] == refs[0].text
    assert refs[0].confidence == 0.8
    assert corpus(PORT).quotes_of("Nobody Known").total == 0


def test_pages_say_how_many_there_are_in_all():
    index = corpus(PORT, BUDGET)
    first = index.quotes_of("Lena Park", limit=2)
    second = index.quotes_of("Lena Park", limit=2, offset=2)
    assert (len(first.items), first.total, first.more) == (2, 3, True)
    assert (len(second.items), second.more) == (1, False)


def test_search_phrase_prefix_and_boolean_as_fts5_does():
    index = corpus(PORT, BUDGET)
    assert index.search('"cleared the channel"').total == 1
    assert index.search('"the channel"').total == 2
    assert index.search("chan*").total == 2
    assert index.search("channel NOT budget").total == 1
    assert index.search("harbour OR balanced").total == 1
    assert index.search("(ships OR budget) AND channel").total == 2
    assert index.search("harbour").total == 0


def test_search_marks_the_match_in_the_words_around_it_with_line_and_column():
    page = corpus(PORT).search('"the channel"')
    hit = page.items[0].hits[0]
    assert PORT.text[hit.span.start : hit.span.end] == "the\nchannel"
    assert (hit.line, hit.column) == (1, PORT.text.index("the\nchannel") + 1)
    text, (mark,) = hit.snippet.text, hit.snippet.marks
    assert text[mark.start : mark.end] == "the channel"
    assert "cleared the channel" in text and "\n" not in text


def test_punctuation_in_a_query_is_text_not_syntax():
    index = corpus(document("p.txt", "Costs rose (a lot) to £1.2bn in 2024: a co-operative said.\n", []))
    assert index.search("(a lot)").total == 1
    assert index.search("£1.2bn").total == 1
    assert index.search("co-operative").total == 1
    assert index.search("2024:").total == 1
    assert index.search(".*").total == 0
    assert index.search('"unclosed phrase').total == 0
    with pytest.raises(QueryError):
        index.search("NOT costs")


def test_search_results_filter_by_date_and_source_and_sort_by_count():
    index = corpus(PORT, BUDGET)
    assert [a.title for a in index.search("channel", Filters(since="2024-02-01")).items] == ["b port"]
    assert [a.title for a in index.search("channel", Filters(until="2024-01-15")).items] == ["a budget"]
    assert [a.title for a in index.search("channel", Filters(source="ledger")).items] == ["a budget"]
    assert [a.title for a in index.search("park", sort="count").items] == ["b port", "a budget"]


def test_quote_filters_search_quote_text_by_speaker_and_kinds():
    reported = document("news/c.txt", "The council said rents would rise.\n",
                        [("The council", "rents would rise")], kinds={"The council": "organisation"},
                        quote_kind="indirect", date="2024-05-01")
    index = corpus(PORT, BUDGET, reported)
    found = index.quotes(Filters(speaker="lena park"), query="ships")
    assert [q.text for q in found.items] == ["Ships are waiting,"]
    marks = found.items[0].snippet.marks
    assert found.items[0].snippet.text[marks[0].start : marks[0].end] == "Ships"
    assert [q.speaker for q in index.quotes(Filters(speaker_kind="organisation")).items] == ["The council"]
    assert index.quotes(Filters(quote_kind="indirect")).total == 1
    assert index.quotes(Filters(quote_kind="direct", since="2024-02-01")).total == 3


def test_filters_can_be_typed_in_the_search_box():
    query, filters = split_filters('channel since:2024-02 speaker:"Lena Park" quote:direct')
    assert query == "channel"
    assert filters == Filters(since="2024-02", speaker="Lena Park", quote_kind="direct")
    with pytest.raises(QueryError, match="speaker kind"):
        split_filters("kind:martian")
    with pytest.raises(QueryError, match="date"):
        split_filters("since:yesterday")


def test_indexing_again_skips_the_same_article_and_replaces_a_changed_one():
    index = corpus(PORT, BUDGET)
    assert index.add(BUDGET) is False
    changed = document("news/a-budget.txt", "Nothing was said.\n", [])
    assert index.add(changed) is True
    assert [(s.name, s.quote_count, s.article_count) for s in index.speakers().items] == [
        ("Lena Park", 2, 1), ("Omar Diaz", 1, 1)]
    assert index.search("budget").total == 0
    assert index.search("nothing").total == 1
    assert index.quotes(query="balanced").total == 0


def test_removing_a_file_drops_its_rows_and_its_speakers():
    index = corpus(PORT, BUDGET)
    index.remove_paths([os.path.abspath(PORT.article.path)])
    assert [(s.name, s.quote_count) for s in index.speakers().items] == [("lena park", 1)]
    assert index.counts() == (1, 1, 1)
    assert index.search("ships").total == 0


def test_the_shown_name_does_not_depend_on_which_article_came_first():
    for order in ([PORT, BUDGET], [BUDGET, PORT]):
        assert corpus(*order).speakers().items[0].name == "Lena Park"


def test_the_index_is_kept_on_disk_and_rebuilt_when_its_layout_changes(tmp_path):
    path = tmp_path / "corpus.sqlite3"
    with CorpusIndex(path) as index:
        index.add(PORT)
    with CorpusIndex(path) as index:
        assert list(index.keys()) == [os.path.abspath(PORT.article.path)]
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {CORPUS_SCHEMA + 1}")
    db.close()
    with CorpusIndex(path) as index:
        assert index.keys() == {}
        index.add(BUDGET)
        assert index.counts()[0] == 1
    path.write_bytes(b"not a database at all" * 100)
    with CorpusIndex(path) as index:
        assert index.counts() == (0, 0, 0)


MAHMOOD_2023 = document(
    "said/2023.txt",
    '"Borders must be secure," said Shabana Mahmood. "We will act," the Home Secretary added.\n',
    [("Shabana Mahmood", "Borders must be secure,"), ("Shabana Mahmood", "We will act,")],
    aliases={"Shabana Mahmood": ("Ms Mahmood", "the Home Secretary")}, date="2023-06-01",
)
MAHMOOD_2024 = document(
    "said/2024.txt", '"Numbers are falling," Ms Shabana Mahmood said.\n',
    [("Ms Shabana Mahmood", "Numbers are falling,")], date="2024-02-01",
)
OTHER_MAHMOOD = document(
    "said/other.txt", '"The bakery stays open," said Tariq Mahmood. "Yes," said Mahmood.\n',
    [("Tariq Mahmood", "The bakery stays open,"), ("Mahmood", "Yes,")], date="2024-09-01",
)
TITLE_ONLY = document(
    "said/title.txt", '"Queues are long," the Home Secretary said.\n',
    [("the Home Secretary", "Queues are long,")], date="2025-01-01",
)
NOW = document(
    "said/now.txt", '"We stand firm," said Ms Mahmood.\n',
    [("Shabana Mahmood", "We stand firm,")],
    aliases={"Shabana Mahmood": ("Ms Mahmood", "the Home Secretary")}, date="2025-03-01",
)


@pytest.mark.parametrize("walk", [2000, 0], ids=["few-articles", "many-articles"])
def test_said_before_finds_the_same_person_under_any_alias_newest_first(walk, monkeypatch):
    monkeypatch.setattr("explorer.store.corpus.SAID_BEFORE_WALK", walk)
    index = corpus(MAHMOOD_2023, MAHMOOD_2024, OTHER_MAHMOOD, TITLE_ONLY, NOW)
    page = said_before(index, "Shabana Mahmood", ("Ms Mahmood", "the Home Secretary"),
                       exclude_path=NOW.article.path)
    assert [(q.date, q.text) for q in page.items] == [
        ("2024-02-01", "Numbers are falling,"),
        ("2023-06-01", "Borders must be secure,"),
        ("2023-06-01", "We will act,"),
    ]
    assert page.items[0].title == "2024"


def test_said_before_keeps_apart_people_who_share_a_surname_or_an_office():
    index = corpus(MAHMOOD_2023, OTHER_MAHMOOD, TITLE_ONLY)
    assert said_before(index, "Tariq Mahmood").total == 1
    assert said_before(index, "Ms Mahmood").total == 0  # a surname alone picks out nobody
    assert said_before(index, "the Home Secretary").total == 0

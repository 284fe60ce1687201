"""The corpus index: speakers merged across articles, their quotes, and folder search."""

from __future__ import annotations

from explorer.model import Engine, ParsedDocument, Quote, Span, Speaker
from explorer.sources import read_text_article
from explorer.store.corpus import CorpusIndex

ENGINE = Engine("0.1.0", "3.8.0", "en_test-1.0")


def document(path: str, text: str, quotes: list[tuple[str, str]]) -> ParsedDocument:
    """``quotes`` are (speaker name, quoted words); each words must appear in ``text``."""
    speakers: dict[str, Speaker] = {}
    built = []
    for n, (name, words) in enumerate(quotes, 1):
        start = text.index(words)
        speaker = speakers.get(name) or Speaker(f"s{len(speakers) + 1}", name, "person")
        quote = Quote(f"q{n}", "direct", start, start + len(words), (Span(start, start + len(words)),),
                      words, speaker.id)
        speakers[name] = Speaker(speaker.id, name, "person", quote_ids=(*speaker.quote_ids, quote.id))
        built.append(quote)
    return ParsedDocument(read_text_article(text, path), ENGINE, speakers=tuple(speakers.values()),
                          quotes=tuple(built))


PORT = document(
    "news/b-port.txt",
    'The port will reopen in May. "We have cleared the\nchannel," said Lena Park. '
    '"Ships are waiting," Lena Park added. "It is late," said Omar Diaz.\n',
    [("Lena Park", "We have cleared the\nchannel,"), ("Lena Park", "Ships are waiting,"),
     ("Omar Diaz", "It is late,")],
)
BUDGET = document(
    "news/a-budget.txt",
    '"The budget is balanced," said lena  park. Critics said the channel dredging was costly.\n',
    [("lena  park", "The budget is balanced,")],
)


def test_articles_are_listed_in_path_order_with_quote_counts():
    corpus = CorpusIndex.from_documents([PORT, BUDGET])
    assert [(a.path, a.quote_count, a.speaker_count) for a in corpus.articles] == [
        ("news/a-budget.txt", 1, 1),
        ("news/b-port.txt", 3, 2),
    ]
    assert corpus.articles[1].title.startswith("The port will reopen")


def test_speakers_merge_by_name_across_articles_most_quoted_first():
    speakers = CorpusIndex.from_documents([PORT, BUDGET]).speakers()
    assert [(s.name, s.quote_count, s.article_count) for s in speakers] == [
        ("Lena Park", 3, 2),
        ("Omar Diaz", 1, 1),
    ]


def test_a_speakers_quotes_point_at_article_and_quote_id():
    corpus = CorpusIndex.from_documents([PORT, BUDGET])
    refs = corpus.quotes_of("LENA PARK")
    assert [(q.path, q.quote_id) for q in refs] == [
        ("news/a-budget.txt", "q1"),
        ("news/b-port.txt", "q1"),
        ("news/b-port.txt", "q2"),
    ]
    assert PORT.text[refs[1].start : refs[1].end] == refs[1].text
    assert corpus.quotes_of("Nobody Known") == ()


def test_search_finds_a_phrase_across_line_breaks_and_case_per_article():
    corpus = CorpusIndex.from_documents([PORT, BUDGET])
    results = corpus.search("the  CHANNEL")
    assert [r.path for r in results] == ["news/a-budget.txt", "news/b-port.txt"]
    port_hit = results[1].hits[0]
    assert PORT.text[port_hit.span.start : port_hit.span.end] == "the\nchannel"
    assert "cleared the channel" in port_hit.snippet and "\n" not in port_hit.snippet
    assert corpus.search("harbour") == ()
    assert corpus.search("   ") == ()


def test_search_treats_the_query_as_text_not_a_pattern():
    corpus = CorpusIndex.from_documents([document("p.txt", "Costs rose (a lot) in 2024.\n", [])])
    assert len(corpus.search("(a lot)")) == 1
    assert corpus.search(".*") == ()


def test_indexing_an_article_again_replaces_it():
    corpus = CorpusIndex.from_documents([PORT, BUDGET])
    corpus.add(document("news/a-budget.txt", "Nothing was said.\n", []))
    assert [(s.name, s.quote_count) for s in corpus.speakers()] == [("Lena Park", 2), ("Omar Diaz", 1)]
    assert [r.path for r in corpus.search("channel")] == ["news/b-port.txt"]


def test_the_json_form_lists_speakers_with_quote_references():
    data = CorpusIndex.from_documents([PORT, BUDGET]).to_json_dict()
    assert data["speakers"][0]["name"] == "Lena Park"
    assert data["speakers"][0]["quotes"][0] == {"path": "news/a-budget.txt", "quote_id": "q1"}
    assert len(data["articles"]) == 2


def test_the_shown_name_does_not_depend_on_which_article_came_first():
    for order in ([PORT, BUDGET], [BUDGET, PORT]):
        assert CorpusIndex.from_documents(order).speakers()[0].name == "Lena Park"

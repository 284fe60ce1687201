"""Long articles are analysed piece by piece, so memory stays bounded whatever their length.

spaCy's memory follows how much text it parses at once, so no ``nlp.pipe``
batch and no parsed ``Doc`` may be longer than a piece; each piece's small
result is kept and the results are combined into one document of the whole
article. Articles shorter than a piece are analysed whole, exactly as before.
The memory itself is measured by ``bench/memory_by_size.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from test_invariants import check_invariants

from explorer.analysis import analyze, analyze_many, pipeline
from explorer.analysis.pieces import piece_article, piece_bounds
from explorer.sources import read_article, read_text_article

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "balkans-summit-home-secretary.txt"
LIMIT = 1200


@pytest.fixture
def long_article():
    """Three reports, one after another: several pieces at ``LIMIT``."""
    body = SEED.read_text(encoding="utf-8").split("\n\n", 1)[1].strip()
    return read_text_article("Summit notebook\n\n" + "\n\n".join([body] * 3) + "\n", "notebook.txt")


@pytest.fixture
def parses(monkeypatch):
    """The length of every Doc the stages are run over."""
    lengths: list[int] = []
    build = pipeline.build_document

    def recording(article, doc, engine):
        lengths.append(len(doc.text))
        return build(article, doc, engine)

    monkeypatch.setattr(pipeline, "build_document", recording)
    return lengths


def test_no_doc_of_a_long_article_is_longer_than_a_piece(nlp, monkeypatch, long_article, parses):
    monkeypatch.setattr(nlp, "max_length", LIMIT)
    doc = analyze(long_article, nlp)
    assert len(parses) > 3 and max(parses) <= LIMIT
    check_invariants(doc, long_article.text)


def test_no_nlp_pipe_batch_holds_more_than_a_piece_of_text(nlp, monkeypatch, long_article):
    batches: list[int] = []
    pipe = type(nlp).pipe

    def recording(self, texts, **kwargs):
        texts = list(texts)
        batches.append(sum(len(t[0] if kwargs.get("as_tuples") else t) for t in texts))
        return pipe(self, texts, **kwargs)

    monkeypatch.setattr(nlp, "max_length", LIMIT)
    monkeypatch.setattr(type(nlp), "pipe", recording)
    short = read_text_article("Ada Quill said fares would rise.\n")
    list(analyze_many([short, long_article, short], nlp, batch_size=16))
    assert batches and max(batches) <= LIMIT


def test_pieces_combine_into_one_document_with_merged_names(nlp, monkeypatch, long_article):
    monkeypatch.setattr(nlp, "max_length", LIMIT)
    bounds = piece_bounds(pipeline.parse_text(long_article), long_article.paragraphs, LIMIT)
    alone = [(start, analyze(piece_article(long_article, start, end), nlp)) for start, end in bounds]
    doc = analyze(long_article, nlp)
    check_invariants(doc, long_article.text)
    expected_quotes = [(q.start + start, q.text) for start, piece in alone for q in piece.quotes]
    assert [(q.start, q.text) for q in doc.quotes] == expected_quotes
    assert [q.id for q in doc.quotes] == [f"q{n}" for n in range(1, len(doc.quotes) + 1)]
    names = list(dict.fromkeys((s.name, s.kind) for _, piece in alone for s in piece.speakers))
    assert [(s.name, s.kind) for s in doc.speakers] == names
    places = list(dict.fromkeys(p.name for _, piece in alone for p in piece.places))
    assert [p.name for p in doc.places] == places
    quoted = {q.id: q.speaker_id for q in doc.quotes}
    for speaker in doc.speakers:
        assert all(quoted[quote_id] == speaker.id for quote_id in speaker.quote_ids)


def test_an_article_below_the_piece_size_is_analysed_whole(nlp, parses):
    article = read_article(SEED)
    analyze(article, nlp)
    assert parses == [len(article.text)]


def test_a_surname_in_one_piece_joins_the_full_name_in_another(nlp, monkeypatch):
    filler = "The ferry crossing has run every hour since the old quay was rebuilt in the spring. " * 8
    text = (
        "Harbour works\n\n"
        "“We will finish the new quay by June,” said Daniel Crewe, the harbour master.\n\n"
        + f"{filler}\n\n" * 3
        + "“The quay is on time and on budget,” Crewe said on Tuesday.\n"
    )
    article = read_text_article(text)
    monkeypatch.setattr(nlp, "max_length", 1000)
    assert len(piece_bounds(pipeline.parse_text(article), article.paragraphs, 1000)) > 1
    doc = analyze(article, nlp)
    check_invariants(doc, text)
    (crewe,) = [s for s in doc.speakers if "Crewe" in s.name]
    assert crewe.name == "Daniel Crewe"
    assert [doc.item(q).text for q in crewe.quote_ids] == [
        "We will finish the new quay by June,", "The quay is on time and on budget,"
    ]

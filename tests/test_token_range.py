"""Token ranges and character ranges are different types, with one way across."""

from __future__ import annotations

from explorer.analysis.quotes import cues
from explorer.analysis.token_range import TokenRange
from explorer.model import Span


def test_a_token_range_converts_to_the_characters_of_its_tokens(nlp):
    doc = nlp("The harbour master said the quay would reopen.")
    chars = TokenRange(1, 3).to_chars(doc)
    assert isinstance(chars, Span)
    assert chars.text_of(doc.text) == "harbour master"
    assert chars == Span(4, 18)


def test_an_empty_token_range_is_an_empty_span_where_it_starts(nlp):
    doc = nlp("Ferries resumed on Monday.")
    assert TokenRange(2, 2).to_chars(doc) == Span(16, 16)
    assert TokenRange(len(doc), len(doc)).to_chars(doc) == Span(len(doc.text), len(doc.text))


def test_a_token_range_is_not_a_character_span():
    assert TokenRange(1, 3) != Span(1, 3)


def test_the_speaker_phrase_comes_back_as_a_token_range(nlp):
    doc = nlp("Ferry captain Ines Varga said the crossing was safe.")
    found = cues.mention_tokens(doc[3])
    assert isinstance(found, TokenRange)
    assert doc[found.start : found.end].text == "Ferry captain Ines Varga"

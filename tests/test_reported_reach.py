"""Reported speech and thought the first rules let slip: each pattern on our own sentences."""

from __future__ import annotations

from tests.test_speaker_trust import name_of


def quote_holding(doc, fragment: str):
    quotes = [q for q in doc.quotes if fragment in doc.text[q.start : q.end]]
    assert quotes, f"no quote holds {fragment!r}: {[q.text for q in doc.quotes]}"
    return min(quotes, key=lambda q: q.end - q.start)


def test_a_hope_is_reported_whatever_the_tense(analyze_text):
    # spaCy's lemmatizer reads "hopes" and "hoped" as forms of "hop"
    doc = analyze_text("Councillor Ines Varga hopes the new bypass will ease traffic through the village.")
    assert name_of(doc, "the new bypass will ease traffic") == "Ines Varga"
    doc = analyze_text("Councillor Ines Varga hoped the new bypass would ease traffic through the village.")
    assert name_of(doc, "the new bypass would ease traffic") == "Ines Varga"


def test_a_cue_after_a_verbless_opener_reports_the_clause_after_it(analyze_text):
    doc = analyze_text("In the two years since the floods, Varga says, far too many homes have stood empty.")
    quote = quote_holding(doc, "far too many homes")
    assert doc.item(quote.speaker_id).name == "Varga"
    assert quote.text.startswith("far too many homes have stood empty")


def test_a_cue_inside_the_subject_and_verb_reports_both_halves(analyze_text):
    doc = analyze_text("Tomas Berg has fought three elections. This campaign, he says, is different.")
    quote = quote_holding(doc, "is different")
    assert quote.rule == "reported.parenthetical" and doc.item(quote.speaker_id).name == "Tomas Berg"
    assert [doc.text[p.start : p.end] for p in quote.parts] == ["This campaign", "is different"]


def test_a_cue_inside_a_clause_and_its_complement_reports_both_halves(analyze_text):
    doc = analyze_text("Ola Brandt led the party for a decade. It was, she said, the hardest job of her life.")
    quote = quote_holding(doc, "the hardest job")
    assert doc.item(quote.speaker_id).name == "Ola Brandt"
    assert [doc.text[p.start : p.end] for p in quote.parts] == ["It was", "the hardest job of her life"]


def test_what_is_said_before_a_mixed_quote_in_the_same_sentence_is_kept(analyze_text):
    doc = analyze_text(
        'Mayor Rosa Lind says voters may not like the answer, but insists her rival is running a "dirty race."'
    )
    quote = quote_holding(doc, "voters may not like the answer")
    assert doc.item(quote.speaker_id).name == "Rosa Lind"
    assert "dirty race" not in quote.text


def test_the_question_put_to_a_speaker_is_not_what_they_said(analyze_text):
    doc = analyze_text("Asked if he would stand again, the mayor said no.")
    said = [q for q in doc.quotes if q.speaker_id is not None]
    assert all("would stand again" not in q.text for q in said), [q.text for q in said]
    assert name_of(doc, "no") == "the mayor"

"""Reported speech and thought the first rules let slip: each pattern on our own sentences."""

from __future__ import annotations

from test_speaker_trust import name_of


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

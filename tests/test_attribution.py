"""Reported and mixed speech: the cue, the speaker and the reported clause as content."""

from __future__ import annotations

import pytest


def only_quote(doc):
    assert len(doc.quotes) == 1, [(q.rule, q.text) for q in doc.quotes]
    return doc.quotes[0]


def speaker_name(doc, quote) -> str | None:
    speaker = doc.item(quote.speaker_id) if quote.speaker_id else None
    return speaker.name if speaker else None


def test_said_that_reports_the_clause(analyze_text):
    doc = analyze_text("Pedro Alves said that the bridge would reopen in May.")
    quote = only_quote(doc)
    assert quote.kind == "indirect"
    assert quote.rule == "reported.complement"
    assert quote.text == "the bridge would reopen in May"
    assert quote.cue.text == "said"
    assert speaker_name(doc, quote) == "Pedro Alves"


def test_said_without_that(analyze_text):
    doc = analyze_text("The company said profits had fallen sharply.")
    quote = only_quote(doc)
    assert quote.text == "profits had fallen sharply"
    assert speaker_name(doc, quote) == "the company"


def test_future_cue_will_insist_that(analyze_text):
    doc = analyze_text("Lord Barnes will insist that the treaty stays as it is.")
    quote = only_quote(doc)
    assert quote.cue.text == "will insist"
    assert quote.text == "the treaty stays as it is"
    assert speaker_name(doc, quote) == "Barnes"


def test_content_before_is_to_warn(analyze_text):
    doc = analyze_text("Rising rents are driving families out of the city, Greta Lund is to warn.")
    quote = only_quote(doc)
    assert quote.kind == "indirect"
    assert quote.text == "Rising rents are driving families out of the city"
    assert quote.cue.text == "is to warn"
    assert speaker_name(doc, quote) == "Greta Lund"


def test_trailing_said(analyze_text):
    doc = analyze_text("About 300 jobs will go at the plant, the firm said.")
    quote = only_quote(doc)
    assert quote.text == "About 300 jobs will go at the plant"
    assert speaker_name(doc, quote) == "the firm"


def test_according_to_at_the_start(analyze_text):
    doc = analyze_text("According to the Met Office, the storm will reach Wales tonight.")
    quote = only_quote(doc)
    assert quote.rule == "reported.according_to"
    assert quote.cue.text == "According to"
    assert quote.text == "the storm will reach Wales tonight"
    assert speaker_name(doc, quote) == "Met Office"


def test_according_to_at_the_end(analyze_text):
    doc = analyze_text("The storm will reach Wales tonight, according to forecasters.")
    quote = only_quote(doc)
    assert quote.rule == "reported.according_to"
    assert quote.text == "The storm will reach Wales tonight"
    assert speaker_name(doc, quote) == "forecasters"


def test_mixed_quote_has_the_whole_reported_clause(analyze_text):
    doc = analyze_text("Sara Quinn said the new policy was “a betrayal of every promise”.")
    quote = only_quote(doc)
    assert quote.kind == "mixed"
    assert quote.rule == "mixed.reported"
    assert quote.text.startswith("the new policy was")
    assert "a betrayal of every promise" in quote.text
    assert speaker_name(doc, quote) == "Sara Quinn"


def test_mixed_quote_after_accusing(analyze_text):
    doc = analyze_text("Ms Quinn hit out at her rivals, accusing them of wanting to “close the door” to trade.")
    quote = only_quote(doc)
    assert quote.kind == "mixed"
    assert "close the door" in quote.text
    assert quote.cue.text == "accusing"
    assert speaker_name(doc, quote) == "Quinn"


def test_quoted_fragment_without_a_speech_verb_goes_to_the_clause_subject(analyze_text):
    doc = analyze_text("Senator Hale branded the scheme “a costly vanity project for ministers”.")
    quote = only_quote(doc)
    assert speaker_name(doc, quote) == "Hale"


@pytest.mark.parametrize("text", [
    "The bridge reopened in May after repairs.",
    "Traffic was light on the new road.",
])
def test_plain_narration_has_no_attribution(analyze_text, text):
    assert analyze_text(text).quotes == ()


def test_the_owner_of_an_answer_is_the_speaker(analyze_text):
    doc = analyze_text("The governor's answer was that “the budget comes first, always”.")
    (quote,) = doc.quotes
    assert speaker_name(doc, quote) == "the governor"


@pytest.mark.parametrize("text", [
    "Ministers met before a Cabinet meeting at 9.30am, at which they will be told the plan.",
    "The council ran out of money in 2023, when it was found to owe £760m in claims.",
])
def test_the_noun_a_passive_clause_hangs_on_did_not_speak(analyze_text, text):
    doc = analyze_text(text)
    names = {speaker.name for speaker in doc.speakers}
    assert not names & {"Cabinet meeting at 9.30am", "2023", "a Cabinet meeting"}


def test_adding_a_sum_is_not_saying_it(analyze_text):
    doc = analyze_text("The yield on gilts has risen by half a point, adding billions of pounds "
                       "a year to the cost of borrowing.")
    assert doc.quotes == ()


def test_a_belief_reported_after_the_verb_is_the_content(analyze_text):
    doc = analyze_text("Energy bills are high.\n\nThe Treasury will extend the windfall tax until 2030, "
                       "a move ministers believe will raise a further £1.2bn a year.")
    quote = doc.quotes[0]
    assert quote.text == "will raise a further £1.2bn a year"
    assert doc.item(quote.speaker_id).name == "ministers"

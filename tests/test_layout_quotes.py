"""Speakers the article's layout names: datelines, dash credits, colon lead-ins, transcript turns."""

from __future__ import annotations

import pytest
from quote_support import name_of, quote_holding, speaker_name


def test_a_dateline_with_a_double_hyphen_is_not_the_speaker(analyze_text):
    doc = analyze_text("Museum opens.\n\nHARBOURTON -- Mayor Ines Okafor, opening the museum on Saturday, "
                       "said it would tell a story of ''grief and joy, of hope and of the promised land.''")
    assert name_of(doc, "grief and joy") == "Ines Okafor"


def test_a_dash_credit_after_a_quote_holding_a_quote(analyze_text):
    text = ("Voters respond.\n\n"
            "“He was calm and polite all evening, and he answered every question.” ― Tomas Pereira\n\n"
            "“As a young woman....I would rather move abroad than live in what he calls “hell” "
            "with him as president.” ― Ana Ruiz")
    doc = analyze_text(text)
    quote = quote_holding(doc, "move abroad")
    assert quote.rule == "direct.dash_credit"
    assert name_of(doc, "move abroad") == "Ana Ruiz"
    assert quote.text.endswith("with him as president.")


@pytest.mark.parametrize(("credit", "speaker"), [
    ("- Lena Marsh.", "Lena Marsh"),
    ("-Governor Tom Reyes, speaking at a rally in Dunmore.", "Tom Reyes"),
    ("— Paul Duarte, Harbourton.", "Paul Duarte"),
])
def test_a_dash_credit_on_the_line_after_the_quote(analyze_text, credit, speaker):
    # a fact check's layout: the claim as a paragraph of its own, then who made it
    text = ("Fact check.\n\nThe mayor Ana Ruiz said the budget was balanced.\n\n"
            "“We have cut the waiting lists for council homes in half since the spring.”\n\n"
            f"{credit}\n\n"
            "The claim leaves out the families who were moved to other towns.")
    doc = analyze_text(text)
    quote = quote_holding(doc, "waiting lists")
    assert quote.rule == "direct.dash_credit"
    assert name_of(doc, "waiting lists") == speaker


@pytest.mark.parametrize("lead_in", [
    "On July 6, Reyes made the following remark:",
    "Reyes issued this statement:",
    "Later that day Reyes posted the following:",
])
def test_a_paragraph_ending_in_a_colon_introduces_the_next_ones_quote(analyze_text, lead_in):
    text = ("Fact checks.\n\nThe site looked at claims by Ana Ruiz and Tom Reyes about jobs.\n\n"
            f"{lead_in}\n\n"
            "“For young people who have left school, the jobless rate is 33 percent and rising fast.”\n\n"
            "When the site examined the statement, it was lenient.")
    doc = analyze_text(text)
    assert quote_holding(doc, "jobless rate").rule == "direct.colon_intro"
    assert name_of(doc, "jobless rate") == "Tom Reyes"


def test_a_quote_set_off_by_dashes_after_a_name_is_that_persons(analyze_text):
    doc = analyze_text("Tax returns.\n\nSeveral party elders have said the same, including the former governor "
                       "Tom Reyes -- “It is disqualifying for a nominee to hide his returns from the voters” -- "
                       "and Paul Duarte, a former tax commissioner.")
    assert quote_holding(doc, "disqualifying").rule == "direct.dash_credit"
    assert name_of(doc, "disqualifying") == "Tom Reyes"


def test_transcript_turns_inside_a_quoted_transcript(analyze_text):
    # each paragraph of the quoted transcript opens with a mark and none closes
    text = ("Debate preview.\n\nThe network released the exchange.\n\n"
            "\"HARRIS: Will Dana Whitlow be there, as \"The Courier\" wrote on Friday?\n\n"
            "\"OKAFOR: Dana Whitlow will not attend the debate, as the Wall Street Journal wrote.\n\n"
            "\"We will talk about the issues instead.\n\n"
            "\"HARRIS: Thank you, Governor.")
    doc = analyze_text(text)
    turns = [(q.rule, q.kind, speaker_name(doc, q), q.text) for q in doc.quotes]
    assert turns == [
        ("transcript.turn", "direct", "HARRIS", "Will Dana Whitlow be there, as \"The Courier\" wrote on Friday?"),
        ("transcript.turn", "indirect", "OKAFOR", "Dana Whitlow will not attend the debate, as the Wall Street "
         "Journal wrote. We will talk about the issues instead."),
        ("transcript.turn", "indirect", "HARRIS", "Thank you, Governor."),
    ]


def test_a_label_in_capitals_is_a_turn_but_a_story_label_is_not(analyze_text):
    # the tagger reads "LUND" as a common noun; "UPDATE" names the kind of paragraph
    doc = analyze_text("Debate preview.\n\n\"LUND: Dana Whitlow will not attend the debate tomorrow night.\n\n"
                       "UPDATE: The debate was moved to Friday after the storm.")
    turns = [(speaker_name(doc, q), q.text) for q in doc.quotes if q.rule == "transcript.turn"]
    assert turns == [("LUND", "Dana Whitlow will not attend the debate tomorrow night.")]


def test_a_carried_on_paragraph_with_its_own_named_cue_is_a_new_speakers(analyze_text):
    # the first speaker's quote is left open at the paragraph's end, as if it went on
    text = ("Birther row.\n\nDemocrats took the remarks personally.\n\n"
            "“It is an insult to all of us,” Rep. Ana Ruiz said Friday. “If he is not legitimate, "
            "then who is? How can a child feel good about herself?\n\n"
            "“I have been thinking a lot about where we are as a country and where we are going,” "
            "added Rep. Tom Reyes of Ohio. “It is a sad day.”")
    doc = analyze_text(text)
    assert name_of(doc, "who is?") == "Ana Ruiz"
    assert name_of(doc, "thinking a lot") == "Tom Reyes"
    assert name_of(doc, "sad day") == "Tom Reyes"

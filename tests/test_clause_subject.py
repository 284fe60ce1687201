"""Quoted words with no cue: whose clause they sit in decides who is credited."""

from __future__ import annotations

from quote_support import name_of, quote_holding, speaker_name


def mention_text(doc, quote) -> str:
    return doc.text[quote.speaker_mention.start : quote.speaker_mention.end]


def test_a_relative_clause_with_who_is_about_its_noun_not_the_main_subject(analyze_text):
    doc = analyze_text('Marsh contrasted that with Okafor, who is looking to bring "people together to win."')
    quote = quote_holding(doc, "people together")
    assert quote.rule == "mixed.clause_subject"
    assert speaker_name(doc, quote) == "Okafor"
    assert mention_text(doc, quote) == "who"


def test_the_who_of_a_subject_is_the_mention(analyze_text):
    doc = analyze_text('Voss, who has cast himself as the "law and order candidate," spoke in Leeds.')
    quote = quote_holding(doc, "law and order")
    assert speaker_name(doc, quote) == "Voss"
    assert mention_text(doc, quote) == "who"


def test_a_relative_clause_with_its_own_subject_is_that_subjects(analyze_text):
    doc = analyze_text('Then came a post from Mayor Dunn, followed by one in which Alder took credit for '
                       '"being right on the flood plan."')
    quote = quote_holding(doc, "being right")
    assert quote.rule == "mixed.clause_subject"
    assert speaker_name(doc, quote) == "Alder"


def test_a_quoted_noun_is_not_the_antecedent_that_speaks(analyze_text):
    doc = analyze_text('Dunn launched into a lament for the "forgotten Britons" who are "tired of waiting" for trains.')
    assert speaker_name(doc, quote_holding(doc, "tired of waiting")) == "Dunn"


def test_a_tag_after_the_closing_comma_beats_a_cue_in_a_relative_clause(analyze_text):
    doc = analyze_text('Nothing the minister said "will calm the markets," the Leeds MP said.')
    assert name_of(doc, "calm the markets") == "the Leeds MP"


def test_a_tag_after_the_closing_comma_beats_the_cue_of_what_is_denied(analyze_text):
    doc = analyze_text('Voss cannot claim that "from her side," Lane added, saying it was up to the court.')
    assert name_of(doc, "from her side") == "Lane"


def test_a_quote_a_cue_introduces_with_a_comma_stays_that_cues(analyze_text):
    doc = analyze_text('Lund bristled and said, "No comment," the Herald reported.')
    assert name_of(doc, "No comment") == "Lund"


def test_a_clause_after_and_is_no_tag(analyze_text):
    doc = analyze_text('Someone called it a "quiet revolution," and I agree.')
    assert name_of(doc, "quiet revolution") == "Someone"

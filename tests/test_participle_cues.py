"""Participle and gerund cues (``saying``, ``asking``, ``chanting``): the speaker is the subject
of the clause the cue hangs from, or the one the noun before it shows, never a nearer name."""

from __future__ import annotations

import pytest
from quote_support import name_of, quote_holding


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("In her memoir, Nora Fenn recalled the fall. "
     'After saying her ankle was "so sore I could not stand," she was "rushed to St Anne\'s" for scans.',
     "so sore I could not", "Nora Fenn"),
    ('Critics were less kind. "He sold snake oil," said the writer Paul Okoro. '
     "Tom Vale earned a rebuke from regulators, and he appeared at a hearing for his part in selling pills "
     'and for saying that the tonic was a "cure for every illness."',
     "cure for every illness", "Tom Vale"),
    ('The coach praised Ada Kim for saying the team was "ready for anything."', "ready for anything", "Ada Kim"),
    ('The singer Ola Brandt was booed and shouted down by rival fans after telling them that they were '
     '"being childish."', "being childish", "Ola Brandt"),
])
def test_a_gerund_after_a_preposition_is_said_by_the_subject_of_its_clause(analyze_text, text, fragment,
                                                                           speaker):
    doc = analyze_text(text)
    assert name_of(doc, fragment) == speaker
    assert quote_holding(doc, fragment).cue.text in ("saying", "telling")


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ("The new ad from the Veld campaign features footage of Lars Holm saying during the debate last week, "
     "“That makes me clever.”", "makes me clever", "Lars Holm"),
    ("The ad uses footage of Ruth Baxter asking, “Why aren’t I 50 points ahead, you might ask?”",
     "50 points ahead", "Ruth Baxter"),
    ("The group released a video of Jo Marsh telling voters, “I have no regrets.”", "no regrets", "Jo Marsh"),
])
def test_who_footage_records_speaking_is_the_speaker_not_the_ad(analyze_text, text, fragment, speaker):
    assert name_of(analyze_text(text), fragment) == speaker


def test_a_cue_inside_a_relative_clause_does_not_take_the_quote_from_the_cue_that_frames_it(analyze_text):
    doc = analyze_text('Mara Lind mocked the claim, saying anyone who complains about a microphone '
                       '"is having a bad night."')
    quote = quote_holding(doc, "having a bad night")
    assert (quote.cue.text, name_of(doc, "having a bad night")) == ("saying", "Mara Lind")


def test_a_participle_after_a_dash_aside_belongs_to_the_clause_around_the_aside(analyze_text):
    doc = analyze_text("Small groups of marchers kept circling the streets around the arena - where the Hawks "
                       'played the Bulls - while chanting, "No justice, no peace."')
    assert name_of(doc, "No justice") == "Small groups of marchers"


@pytest.mark.parametrize(("text", "fragment", "speaker"), [
    ('Reached by phone, Ida Brook denied the notion that a staff shakeup is coming, explaining that she was '
     '"on holiday all week."', "on holiday", "Ida Brook"),
])
def test_a_participle_hung_on_a_clause_inside_the_sentence_belongs_to_the_main_speaker(analyze_text, text,
                                                                                         fragment, speaker):
    assert name_of(analyze_text(text), fragment) == speaker


def test_a_participle_after_what_a_speaker_reported_is_the_speakers_next_words(analyze_text):
    doc = analyze_text("Ola Brandt told reporters that Pim Ross “had a crazy policy of mass expulsion which was "
                       "maniacal,” adding, “He lost all of the rural vote.”")
    assert name_of(doc, "He lost all") == "Ola Brandt"


def test_a_participle_whose_clause_subject_is_an_event_is_said_by_the_people_in_the_clause_before(analyze_text):
    doc = analyze_text("The first clash came during a speech at Lakeside College, when Brant protesters "
                       "interrupted her speech, shouting “she wins, we lose!”")
    assert name_of(doc, "she wins") == "Brant protesters"


def test_a_gerund_in_the_sentence_before_a_quote_introduces_it(analyze_text):
    doc = analyze_text("Tomas Lund distanced himself from the group by saying he would be willing to help if asked.  "
                       "“I’m going to support him, and support him enthusiastically.”")
    quote = quote_holding(doc, "support him enthusiastically")
    assert (quote.rule, quote.cue.text, name_of(doc, "support him enthusiastically")) == (
        "direct.previous_sentence", "saying", "Tomas Lund")


def test_the_object_of_a_participle_after_a_quote_is_what_it_refers_to_not_the_speaker(analyze_text):
    doc = analyze_text("“We were misled,” Ana Pell said. “No date was ever given for the move,” referencing Ivo "
                       "Brandt and his deputy.")
    assert name_of(doc, "No date was ever given") == "Ana Pell"

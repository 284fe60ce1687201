"""Verb cues whose content is no clause: talk on a topic, appeals, and what after a cue is never content."""

from __future__ import annotations

import pytest


def _reported(doc):
    """(rule, content, speaker name) of each reported quote."""
    return [(q.rule, q.text, doc.item(q.speaker_id).name if q.speaker_id else None)
            for q in doc.quotes if q.kind != "direct"]


@pytest.mark.parametrize(("sentence", "content", "speaker"), [
    ("Senator Ruth Adler spoke at the town hall on Tuesday about rights denied to the families of victims.",
     "rights denied to the families of victims", "Ruth Adler"),
    ("Mr Lee talked to reporters about the merger.", "the merger", "Lee"),
    ("The two leaders discussed trade and security in Berlin.", "trade and security", None),
    ("Councillor Amy Pratt spoke out in favour of the new dam.", "the new dam", "Amy Pratt"),
    ("Mayor Tom Reyes spoke out against the plan on Monday.", "the plan", "Tom Reyes"),
    ("Jo Marsh has spoken of her pride in the team.", "her pride in the team", "Jo Marsh"),
    ("Coach Ray Dunn talked up his team's chances.", "his team's chances", "Ray Dunn"),
])
def test_a_topic_verb_reports_what_was_talked_about(analyze_text, sentence, content, speaker):
    found = _reported(analyze_text(sentence))
    assert [(rule, text) for rule, text, _ in found] == [("reported.topic", content)]
    if speaker is not None:
        assert found[0][2] == speaker


@pytest.mark.parametrize("sentence", [
    "The official, who was not authorised to discuss the talks, stayed at home.",
    "Ms Cole spoke on condition of anonymity.",
    "Mr Hart spoke on Tuesday.",
    "She will speak on Radio Kent tonight.",
    "The stories that will be talked about today are short.",
    "The home secretary will travel to Brussels on Monday to discuss the deal.",
])
def test_when_where_and_the_formula_of_an_unnamed_source_are_no_topic(analyze_text, sentence):
    assert [rule for rule, _, _ in _reported(analyze_text(sentence))] == []


@pytest.mark.parametrize(("sentence", "content"), [
    ("Mayor Ruth Adler is calling for the state to step up its efforts against flooding.",
     "the state to step up its efforts against flooding"),
    ("The charity is calling for ministers to act and for landlords to pay.",
     "ministers to act and for landlords to pay"),
    ("Bishop Ian Holt called on ministers to rethink the cuts.", "ministers to rethink the cuts"),
    ("Ms Hale pushed for an early vote.", "an early vote"),
    ("Residents pushed for the road to be closed at night.", "the road to be closed at night"),
    ("Mr Grant pressed for a public inquiry into the deaths.", "a public inquiry into the deaths"),
    ("The families begged officials to reopen the case.", "to reopen the case"),
    ("The mayor urged calm.", "calm"),
    ("The council is pushing to ban cars from the centre.", "to ban cars from the centre"),
    ("The firm pushed back against the charges on Friday.", "the charges"),
])
def test_an_appeal_reports_what_it_asks_for(analyze_text, sentence, content):
    assert [(rule, text) for rule, text, _ in _reported(analyze_text(sentence))] == [("reported.appeal", content)]


@pytest.mark.parametrize("sentence", [
    "Pressed for details, the coach smiled.",
    "The union has pushed for months.",
    "The party called a vote for June 5.",
])
def test_no_appeal_is_read_into_a_time_or_a_question_put(analyze_text, sentence):
    assert [rule for rule, _, _ in _reported(analyze_text(sentence)) if rule == "reported.appeal"] == []


def test_a_time_after_the_cue_is_never_what_was_said(analyze_text):
    doc = analyze_text("Jones said earlier on Friday during a news conference that he may wait until March to decide.")
    assert _reported(doc) == [("reported.complement", "he may wait until March to decide", "Jones")]


@pytest.mark.parametrize(("sentence", "content"), [
    ("Dr Ben Carr responded on Sunday to the report.", "the report"),
    ("The minister announced on Monday the closure of the mine.", "the closure of the mine"),
    ("Ms Webb promised Monday to fix the roof.", "to fix the roof"),
])
def test_an_object_after_a_time_is_the_object(analyze_text, sentence, content):
    assert [(rule, text) for rule, text, _ in _reported(analyze_text(sentence))] == [("reported.object", content)]


@pytest.mark.parametrize("sentence", [
    "The minister commented on Twitter.",
    "Sam Dyer reported on Saturday.",
])
def test_a_medium_or_a_day_alone_is_no_quote(analyze_text, sentence):
    assert _reported(analyze_text(sentence)) == []


def test_a_that_clause_after_the_cue_phrases_is_the_complement(analyze_text):
    doc = analyze_text("The head teacher said at a meeting with parents that the school would stay open.")
    assert [(rule, text) for rule, text, _ in _reported(doc)] == [
        ("reported.complement", "the school would stay open")]


def test_a_claim_answered_keeps_its_own_content(analyze_text):
    """'responded to claims that he lied': the that clause is the claims', not the response."""
    doc = analyze_text("Dr Ben Carr responded on Sunday to claims that he had exaggerated his record.")
    assert [text for _, text, _ in _reported(doc)] == ["claims that he had exaggerated his record"]


@pytest.mark.parametrize(("text", "content", "speaker"), [
    ("Hale: Rival has a long way to go on farm subsidies\n\nSenator Dan Hale spoke in Iowa on Monday.",
     "Rival has a long way to go on farm subsidies", "Dan Hale"),
    ("Okafor: No change to the bin rounds this year\n\nCouncillor Grace Okafor met residents.",
     "No change to the bin rounds this year", "Grace Okafor"),
    ("Poll: Labour leads in the north-east\n\nA new poll was published on Friday.",
     "Labour leads in the north-east", None),
])
def test_a_title_credits_the_claim_after_a_name_and_a_colon(analyze_text, text, content, speaker):
    doc = analyze_text(text)
    found = [(rule, quoted, name) for rule, quoted, name in _reported(doc) if rule == "reported.headline"]
    assert [quoted for _, quoted, _ in found] == [content]
    if speaker is not None:
        assert found[0][2] == speaker


@pytest.mark.parametrize("text", [
    "UPDATE: Storm closes the bridge\n\nThe bridge closed.",
    "The Latest: Storm closes the bridge\n\nThe bridge closed.",
    "Big Win For Farmers: Council Drops The Tax\n\nThe council met.",
    "4:49 p.m.: Voters head to the polls\n\nVoting began.",
    "Q: What does the plan mean for tenants?\n\nA: Rents will rise.",
    "Hale and Okafor: A long rivalry\n\nDan Hale and Grace Okafor met.",
    "The council met on Monday.\n\nPoll: Labour leads in the north-east",
])
def test_a_label_a_time_a_question_or_a_body_line_is_no_headline_claim(analyze_text, text):
    assert "reported.headline" not in [rule for rule, _, _ in _reported(analyze_text(text))]


@pytest.mark.parametrize(("sentence", "content"), [
    ("The minister is expected to resign on Friday.", "The minister … to resign on Friday"),
    ("It is believed that the files were lost in the fire.", "the files were lost in the fire"),
    ("The striker is said to be unhappy at the club.", "The striker … to be unhappy at the club"),
])
def test_a_passive_cue_with_no_agent_reports_a_view_nobody_holds(analyze_text, sentence, content):
    assert _reported(analyze_text(sentence)) == [("reported.unheld_belief", content, None)]


@pytest.mark.parametrize(("sentence", "rule", "speaker"), [
    ("The minister is expected to announce that the plant will close.", "reported.complement", "the minister"),
    ("The bridge was described by engineers as unsafe.", None, None),
    ("The coach was asked to stay on.", None, None),
    ("Fans have been known to queue overnight.", None, None),
])
def test_no_unheld_view_where_someone_holds_it_or_it_is_no_view(analyze_text, sentence, rule, speaker):
    found = _reported(analyze_text(sentence))
    assert "reported.unheld_belief" not in [r for r, _, _ in found]
    if rule is not None:
        assert [(r, name) for r, _, name in found] == [(rule, speaker)]


@pytest.mark.parametrize(("sentence", "rule", "content", "speaker"), [
    ("Senator Ruth Adler began by talking about the drug crisis.", "reported.topic", "the drug crisis",
     "Ruth Adler"),
    ("After saying the plan was dead, Ms Reid left the room.", "reported.complement", "the plan was dead",
     "Reid"),
    ("Chairman Paul Bryce angered fans by calling for a new stadium.", "reported.appeal", "a new stadium",
     "Paul Bryce"),
])
def test_a_gerund_after_a_preposition_speaks_for_the_subject_of_its_verb(analyze_text, sentence, rule,
                                                                         content, speaker):
    assert _reported(analyze_text(sentence)) == [(rule, content, speaker)]


def test_what_a_speaker_cites_is_reported(analyze_text):
    doc = analyze_text("The bakery closed its doors on Monday, its owner Nia Rowe said, citing higher fuel costs.")
    assert ("reported.object", "higher fuel costs", "Nia Rowe") in _reported(doc)


@pytest.mark.parametrize(("sentence", "content"), [
    ("The union branded the offer an insult.", "the offer an insult"),
    ("Mayor Tom Reyes called the plan a disgrace.", "the plan a disgrace"),
    ("The inspector described the kitchen as filthy.", "the kitchen as filthy"),
])
def test_a_naming_verb_reports_the_thing_with_its_name(analyze_text, sentence, content):
    assert [(rule, text) for rule, text, _ in _reported(analyze_text(sentence))] == [("reported.object", content)]


@pytest.mark.parametrize(("sentence", "rule", "content"), [
    ("Councillor Amy Pratt has long advocated a ban on fireworks.", "reported.object", "a ban on fireworks"),
    ("The report highlighted the cost of the new stadium.", "reported.object", "the cost of the new stadium"),
    ("Most residents view the plan as a threat to the park.", "reported.object",
     "the plan as a threat to the park"),
    ("Mr Lowe portrayed his rival as a danger to the town.", "reported.object",
     "his rival as a danger to the town"),
    ("The head teacher encouraged pupils to walk to school.", "reported.appeal", "to walk to school"),
    ("The union favours a shorter working week.", "reported.object", "a shorter working week"),
])
def test_verbs_of_advocacy_and_view_report_their_object(analyze_text, sentence, rule, content):
    assert [(r, text) for r, text, _ in _reported(analyze_text(sentence))] == [(rule, content)]

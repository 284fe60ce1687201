"""Attributions a noun or an adjective carries: an owner's stance (``Lund's call for a ban``), a
light verb with a stance noun (``Okafor voiced support for ...``), a stance received (``won the
backing of``), held (``a critic of``) or stated with an adjective (``critical of``). Sentences
are our own."""

from __future__ import annotations

import pytest
from quote_support import find_quote, speaker_name


def test_a_stance_noun_without_an_owner_is_no_attribution(analyze_text):
    doc = analyze_text("Support for the farm bill has grown in rural districts since the spring.")
    assert find_quote(doc, "the farm bill") is None


def test_a_speech_to_an_audience_is_not_what_the_speech_said(analyze_text):
    doc = analyze_text("Mayor Ruth Hale gave a long interview. Her speech to the donors lasted an hour.")
    assert find_quote(doc, "the donors") is None


def test_remarks_on_a_day_report_no_words(analyze_text):
    doc = analyze_text("Ruth Hale met the council. Her remarks on Tuesday were brief and friendly.")
    assert find_quote(doc, "Tuesday") is None


def test_drew_criticism_from_credits_no_one_with_the_subject(analyze_text):
    """The subject of ``drew criticism`` is criticised; it does not criticise."""
    doc = analyze_text("The new parking scheme drew criticism from shop owners in the town centre.")
    assert not [q for q in doc.quotes if q.rule == "reported.light_verb"]


def test_for_a_plan_to_work_is_a_condition_not_the_plan(analyze_text):
    doc = analyze_text("For his plan to work, the chairman needs the backing of the largest investors.")
    assert not [q for q in doc.quotes if q.rule == "reported.stance_noun"]


def test_a_firms_case_against_someone_is_a_lawsuit(analyze_text):
    doc = analyze_text("The bank's case against Mr Hollis rests on emails he sent in 2019.")
    assert find_quote(doc, "Mr Hollis") is None


def test_in_an_owners_view_the_clause_is_theirs(analyze_text):
    doc = analyze_text(
        "Freya Lund runs the library campaign. In Ms Lund's view, the council should never have "
        "sold the library. The sale was a mistake from the start, in her opinion. In the view of "
        "the union, the pay offer is far too low."
    )
    quote = find_quote(doc, "the council should never have sold the library")
    assert quote is not None and quote.rule == "reported.in_view"
    assert speaker_name(doc, quote) == "Freya Lund"
    assert speaker_name(doc, find_quote(doc, "The sale was a mistake")) == "Freya Lund"
    assert find_quote(doc, "the pay offer is far too low") is not None


def test_faith_in_someones_judgement_is_no_aside(analyze_text):
    doc = analyze_text("Tom Reed said little. His staff lost faith in his judgement after the vote.")
    assert not [q for q in doc.quotes if q.rule == "reported.in_view"]


def test_took_aim_at_and_took_issue_with(analyze_text):
    doc = analyze_text(
        "Senator Ruth Okafor took aim at the new trade deal. Councillor Tom Reed took issue "
        "with the housing figures."
    )
    assert speaker_name(doc, find_quote(doc, "the new trade deal")) == "Ruth Okafor"
    assert speaker_name(doc, find_quote(doc, "the housing figures")) == "Tom Reed"


def test_made_no_mention_of(analyze_text):
    doc = analyze_text("In a long speech, Ana Ruiz made no mention of the strike at the port.")
    assert speaker_name(doc, find_quote(doc, "the strike at the port")) == "Ana Ruiz"


def test_had_kind_words_for_is_a_stance_but_having_support_is_not(analyze_text):
    doc = analyze_text(
        "Mayor Ruth Hale had kind words for the firefighters. Hale has the support of most "
        "councillors."
    )
    assert speaker_name(doc, find_quote(doc, "the firefighters")) == "Ruth Hale"
    assert find_quote(doc, "most councillors") is None


def test_drew_criticism_from_is_not_read(analyze_text):
    """Measured: what the critics said usually follows ``for``, not the subject."""
    doc = analyze_text("The harbour plan drew criticism from the mayor for its cost.")
    assert not [q for q in doc.quotes if q.rule == "reported.received_stance"]


def test_a_stance_adjective_after_be_credits_the_subject(analyze_text):
    doc = analyze_text(
        "Labour MPs have been critical of the minister's housing plan. Councillor Freya Lund "
        "was confident that the deal would hold."
    )
    quote = find_quote(doc, "the minister's housing plan")
    assert quote is not None and quote.rule == "reported.stance_adjective"
    assert speaker_name(doc, find_quote(doc, "the deal would hold")) == "Freya Lund"


def test_keen_to_and_unclear_whether_are_not_stances_read(analyze_text):
    """British news says who is keen to buy a club without quoting them; "it is unclear" is no one's."""
    doc = analyze_text("Mr Varden is keen to buy the club. It is unclear whether the bid will succeed.")
    assert not [q for q in doc.quotes if q.rule == "reported.stance_adjective"]


def test_concerned_enough_that_is_a_result_not_a_worry(analyze_text):
    doc = analyze_text("Party officials were concerned enough that they began a new voter drive.")
    assert find_quote(doc, "they began a new voter drive") is None


def test_reluctant_to_is_a_declared_stance_but_keen_to_is_not_read(analyze_text):
    doc = analyze_text(
        "Labour MPs were reluctant to back the new housing bill. Mr Varden is keen to buy the club."
    )
    quote = find_quote(doc, "back the new housing bill")
    assert quote is not None and quote.rule == "reported.stance_adjective"
    assert find_quote(doc, "buy the club") is None


def test_opposed_to_parsed_as_a_passive_is_still_a_stance(analyze_text):
    doc = analyze_text("Labour MPs are opposed to the new runway. Voters are confident in the mayor.")
    assert speaker_name(doc, find_quote(doc, "the new runway")) == "Labour MPs"
    assert find_quote(doc, "the mayor") is not None


@pytest.mark.parametrize(("sentence", "fragment", "rule", "speaker", "text"), [
    pytest.param(
        "Councillor Freya Lund's call for a ban on plastic straws split the council.",
        'a ban on plastic straws', 'reported.stance_noun', 'Freya Lund', 'a ban on plastic straws',
        id='a_named_owners_call_for_something_is_their_stance',
    ),
    pytest.param(
        'Senator Daniel Okafor spoke in Columbus on Monday. His support for the farm bill surprised colleagues in both parties.',
        'the farm bill', 'reported.stance_noun', 'Daniel Okafor', None,
        id='a_possessive_pronoun_owner_is_resolved_never_named_his',
    ),
    pytest.param(
        "Governor Amara Okafor's plan to cut property taxes divided the state assembly.",
        'cut property taxes', None, 'Amara Okafor', 'cut property taxes',
        id='an_owners_plan_to_do_something_is_the_infinitive',
    ),
    pytest.param(
        "The trade talks stalled again on Friday. The senator's criticism of the deal with Canada angered the White House.",
        'the deal with Canada', 'reported.stance_noun', None, None,
        id='a_role_owners_criticism_of_a_deal',
    ),
    pytest.param(
        'Dr Nadia Brook expressed concern that the new rules would raise rents for students.',
        'the new rules would raise rents', 'reported.light_verb', 'Nadia Brook', 'the new rules would raise rents for students',
        id='expressed_concern_that_credits_the_subject_with_the_clause',
    ),
    pytest.param(
        'Rhys Parry, the Welsh farming union chief, voiced support for the new border checks.',
        'the new border checks', 'reported.light_verb', 'Rhys Parry', None,
        id='voiced_support_for_credits_the_subject_with_what_is_supported',
    ),
    pytest.param(
        'Councillor Tom Reed raised questions about the cost of the new tram line.',
        'the cost of the new tram line', None, 'Tom Reed', None,
        id='raised_questions_about',
    ),
    pytest.param(
        'Transport secretary Ana Ruiz made the case for a new runway at the airport.',
        'a new runway at the airport', 'reported.light_verb', 'Ana Ruiz', None,
        id='made_the_case_for_credits_the_subject',
    ),
    pytest.param(
        'The harbour plan won the backing of Ruth Hale, the mayor, on Monday.',
        'The harbour plan', 'reported.received_stance', 'Ruth Hale', None,
        id='won_the_backing_of_credits_the_backer',
    ),
    pytest.param(
        'Complaints from the mayor that the buses ran late went unanswered for a year.',
        'the buses ran late', 'reported.stance_noun', 'the mayor', None,
        id='calls_from_a_body_for_something_are_its_stance',
    ),
    pytest.param(
        'Freya Lund runs the campaign. Her argument is that the new tax is unfair on renters.',
        'the new tax is unfair on renters', None, 'Freya Lund', None,
        id='an_owned_argument_is_the_clause_after_is',
    ),
    pytest.param(
        'The Fire Brigades Union issued a statement condemning the closure of the station.',
        'condemning the closure of the station', 'reported.light_verb', None, None,
        id='a_statement_condemning_something',
    ),
    pytest.param(
        'Ana Ruiz expressed frustration with the slow pace of the talks in Brussels.',
        'the slow pace of the talks', None, 'Ana Ruiz', None,
        id='a_feeling_with_what_it_is_about',
    ),
    pytest.param(
        'Ruth Hale, a fierce critic of the harbour scheme, stayed away from the meeting.',
        'the harbour scheme', 'reported.stance_holder', 'Ruth Hale', None,
        id='a_critic_of_something_in_apposition_holds_that_stance',
    ),
    pytest.param(
        'Councillor Tom Reed argued in favour of a ban on fireworks in the park.',
        'a ban on fireworks', None, 'Tom Reed', None,
        id='argued_in_favour_of',
    ),
    pytest.param(
        'The harbour plan won praise from the mayor for its low cost.',
        'The harbour plan', 'reported.received_stance', 'the mayor', 'The harbour plan … for its low cost',
        id='praise_from_someone_for_something_keeps_what_it_was_for',
    ),
    pytest.param(
        'Councillor Ana Ruiz drew attention to the cost of the new tram line.',
        'the cost of the new tram line', 'reported.light_verb', None, None,
        id='drew_attention_to',
    ),
    pytest.param(
        'The Refugee Council issued a statement of concern about the new asylum rules.',
        'the new asylum rules', None, None, 'the new asylum rules',
        id='a_statement_of_concern_about_something',
    ),
    pytest.param(
        'Freya Lund runs the campaign. Her goal is to cut bus fares for students.',
        'cut bus fares for students', None, 'Freya Lund', None,
        id='an_owned_goal_is_the_infinitive_after_is',
    ),
])
def test_a_stance_is_credited_to_its_holder(analyze_text, sentence, fragment, rule, speaker, text):
    """The quote holding ``fragment``, by the rule, holder and words given (None: not checked)."""
    doc = analyze_text(sentence)
    quote = find_quote(doc, fragment)
    assert quote is not None, [q.text for q in doc.quotes]
    assert rule is None or quote.rule == rule
    assert speaker is None or speaker_name(doc, quote) == speaker
    assert text is None or quote.text == text

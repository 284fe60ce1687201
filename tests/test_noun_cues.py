"""Attributions a noun or an adjective carries: an owner's stance (``Lund's call for a ban``), a
light verb with a stance noun (``Okafor voiced support for ...``), a stance received (``won the
backing of``), held (``a critic of``) or stated with an adjective (``critical of``). Sentences
are our own."""

from __future__ import annotations


def _quote(doc, fragment: str):
    """The shortest quote holding ``fragment``, or None."""
    quotes = [q for q in doc.quotes if fragment in doc.text[q.start : q.end]]
    return min(quotes, key=lambda q: q.end - q.start) if quotes else None


def _speaker_name(doc, quote) -> str | None:
    return doc.item(quote.speaker_id).name if quote is not None and quote.speaker_id else None


def test_a_named_owners_call_for_something_is_their_stance(analyze_text):
    doc = analyze_text("Councillor Freya Lund's call for a ban on plastic straws split the council.")
    quote = _quote(doc, "a ban on plastic straws")
    assert quote is not None and quote.rule == "reported.stance_noun"
    assert quote.text == "a ban on plastic straws"
    assert _speaker_name(doc, quote) == "Freya Lund"


def test_a_possessive_pronoun_owner_is_resolved_never_named_his(analyze_text):
    doc = analyze_text(
        "Senator Daniel Okafor spoke in Columbus on Monday. His support for the farm bill "
        "surprised colleagues in both parties."
    )
    quote = _quote(doc, "the farm bill")
    assert quote is not None and quote.rule == "reported.stance_noun"
    assert _speaker_name(doc, quote) == "Daniel Okafor"


def test_an_owners_plan_to_do_something_is_the_infinitive(analyze_text):
    doc = analyze_text("Governor Amara Okafor's plan to cut property taxes divided the state assembly.")
    quote = _quote(doc, "cut property taxes")
    assert quote is not None and quote.text == "cut property taxes"
    assert _speaker_name(doc, quote) == "Amara Okafor"


def test_a_role_owners_criticism_of_a_deal(analyze_text):
    doc = analyze_text(
        "The trade talks stalled again on Friday. The senator's criticism of the deal with "
        "Canada angered the White House."
    )
    quote = _quote(doc, "the deal with Canada")
    assert quote is not None and quote.rule == "reported.stance_noun"


def test_a_stance_noun_without_an_owner_is_no_attribution(analyze_text):
    doc = analyze_text("Support for the farm bill has grown in rural districts since the spring.")
    assert _quote(doc, "the farm bill") is None


def test_a_speech_to_an_audience_is_not_what_the_speech_said(analyze_text):
    doc = analyze_text("Mayor Ruth Hale gave a long interview. Her speech to the donors lasted an hour.")
    assert _quote(doc, "the donors") is None


def test_remarks_on_a_day_report_no_words(analyze_text):
    doc = analyze_text("Ruth Hale met the council. Her remarks on Tuesday were brief and friendly.")
    assert _quote(doc, "Tuesday") is None


def test_expressed_concern_that_credits_the_subject_with_the_clause(analyze_text):
    doc = analyze_text("Dr Nadia Brook expressed concern that the new rules would raise rents for students.")
    quote = _quote(doc, "the new rules would raise rents")
    assert quote is not None and quote.rule == "reported.light_verb"
    assert quote.text == "the new rules would raise rents for students"
    assert _speaker_name(doc, quote) == "Nadia Brook"


def test_voiced_support_for_credits_the_subject_with_what_is_supported(analyze_text):
    doc = analyze_text("Rhys Parry, the Welsh farming union chief, voiced support for the new border checks.")
    quote = _quote(doc, "the new border checks")
    assert quote is not None and quote.rule == "reported.light_verb"
    assert _speaker_name(doc, quote) == "Rhys Parry"


def test_raised_questions_about(analyze_text):
    doc = analyze_text("Councillor Tom Reed raised questions about the cost of the new tram line.")
    quote = _quote(doc, "the cost of the new tram line")
    assert quote is not None and _speaker_name(doc, quote) == "Tom Reed"


def test_drew_criticism_from_credits_no_one_with_the_subject(analyze_text):
    """The subject of ``drew criticism`` is criticised; it does not criticise."""
    doc = analyze_text("The new parking scheme drew criticism from shop owners in the town centre.")
    assert not [q for q in doc.quotes if q.rule == "reported.light_verb"]


def test_for_a_plan_to_work_is_a_condition_not_the_plan(analyze_text):
    doc = analyze_text("For his plan to work, the chairman needs the backing of the largest investors.")
    assert not [q for q in doc.quotes if q.rule == "reported.stance_noun"]


def test_a_firms_case_against_someone_is_a_lawsuit(analyze_text):
    doc = analyze_text("The bank's case against Mr Hollis rests on emails he sent in 2019.")
    assert _quote(doc, "Mr Hollis") is None


def test_made_the_case_for_credits_the_subject(analyze_text):
    doc = analyze_text("Transport secretary Ana Ruiz made the case for a new runway at the airport.")
    quote = _quote(doc, "a new runway at the airport")
    assert quote is not None and quote.rule == "reported.light_verb"
    assert _speaker_name(doc, quote) == "Ana Ruiz"


def test_in_an_owners_view_the_clause_is_theirs(analyze_text):
    doc = analyze_text(
        "Freya Lund runs the library campaign. In Ms Lund's view, the council should never have "
        "sold the library. The sale was a mistake from the start, in her opinion. In the view of "
        "the union, the pay offer is far too low."
    )
    quote = _quote(doc, "the council should never have sold the library")
    assert quote is not None and quote.rule == "reported.in_view"
    assert _speaker_name(doc, quote) == "Freya Lund"
    assert _speaker_name(doc, _quote(doc, "The sale was a mistake")) == "Freya Lund"
    assert _quote(doc, "the pay offer is far too low") is not None


def test_faith_in_someones_judgement_is_no_aside(analyze_text):
    doc = analyze_text("Tom Reed said little. His staff lost faith in his judgement after the vote.")
    assert not [q for q in doc.quotes if q.rule == "reported.in_view"]


def test_took_aim_at_and_took_issue_with(analyze_text):
    doc = analyze_text(
        "Senator Ruth Okafor took aim at the new trade deal. Councillor Tom Reed took issue "
        "with the housing figures."
    )
    assert _speaker_name(doc, _quote(doc, "the new trade deal")) == "Ruth Okafor"
    assert _speaker_name(doc, _quote(doc, "the housing figures")) == "Tom Reed"


def test_made_no_mention_of(analyze_text):
    doc = analyze_text("In a long speech, Ana Ruiz made no mention of the strike at the port.")
    assert _speaker_name(doc, _quote(doc, "the strike at the port")) == "Ana Ruiz"


def test_had_kind_words_for_is_a_stance_but_having_support_is_not(analyze_text):
    doc = analyze_text(
        "Mayor Ruth Hale had kind words for the firefighters. Hale has the support of most "
        "councillors."
    )
    assert _speaker_name(doc, _quote(doc, "the firefighters")) == "Ruth Hale"
    assert _quote(doc, "most councillors") is None


def test_won_the_backing_of_credits_the_backer(analyze_text):
    doc = analyze_text("The harbour plan won the backing of Ruth Hale, the mayor, on Monday.")
    quote = _quote(doc, "The harbour plan")
    assert quote is not None and quote.rule == "reported.received_stance"
    assert _speaker_name(doc, quote) == "Ruth Hale"


def test_drew_criticism_from_is_not_read(analyze_text):
    """Measured: what the critics said usually follows ``for``, not the subject."""
    doc = analyze_text("The harbour plan drew criticism from the mayor for its cost.")
    assert not [q for q in doc.quotes if q.rule == "reported.received_stance"]


def test_calls_from_a_body_for_something_are_its_stance(analyze_text):
    doc = analyze_text("Complaints from the mayor that the buses ran late went unanswered for a year.")
    quote = _quote(doc, "the buses ran late")
    assert quote is not None and quote.rule == "reported.stance_noun"
    assert _speaker_name(doc, quote) == "the mayor"


def test_an_owned_argument_is_the_clause_after_is(analyze_text):
    doc = analyze_text("Freya Lund runs the campaign. Her argument is that the new tax is unfair on renters.")
    quote = _quote(doc, "the new tax is unfair on renters")
    assert quote is not None and _speaker_name(doc, quote) == "Freya Lund"


def test_a_statement_condemning_something(analyze_text):
    doc = analyze_text("The Fire Brigades Union issued a statement condemning the closure of the station.")
    quote = _quote(doc, "condemning the closure of the station")
    assert quote is not None and quote.rule == "reported.light_verb"


def test_a_feeling_with_what_it_is_about(analyze_text):
    doc = analyze_text("Ana Ruiz expressed frustration with the slow pace of the talks in Brussels.")
    quote = _quote(doc, "the slow pace of the talks")
    assert quote is not None and _speaker_name(doc, quote) == "Ana Ruiz"


def test_a_stance_adjective_after_be_credits_the_subject(analyze_text):
    doc = analyze_text(
        "Labour MPs have been critical of the minister's housing plan. Councillor Freya Lund "
        "was confident that the deal would hold."
    )
    quote = _quote(doc, "the minister's housing plan")
    assert quote is not None and quote.rule == "reported.stance_adjective"
    assert _speaker_name(doc, _quote(doc, "the deal would hold")) == "Freya Lund"


def test_keen_to_and_unclear_whether_are_not_stances_read(analyze_text):
    """British news says who is keen to buy a club without quoting them; "it is unclear" is no one's."""
    doc = analyze_text("Mr Glazer is keen to buy the club. It is unclear whether the bid will succeed.")
    assert not [q for q in doc.quotes if q.rule == "reported.stance_adjective"]


def test_concerned_enough_that_is_a_result_not_a_worry(analyze_text):
    doc = analyze_text("Party officials were concerned enough that they began a new voter drive.")
    assert _quote(doc, "they began a new voter drive") is None


def test_a_critic_of_something_in_apposition_holds_that_stance(analyze_text):
    doc = analyze_text("Ruth Hale, a fierce critic of the harbour scheme, stayed away from the meeting.")
    quote = _quote(doc, "the harbour scheme")
    assert quote is not None and quote.rule == "reported.stance_holder"
    assert _speaker_name(doc, quote) == "Ruth Hale"


def test_argued_in_favour_of(analyze_text):
    doc = analyze_text("Councillor Tom Reed argued in favour of a ban on fireworks in the park.")
    quote = _quote(doc, "a ban on fireworks")
    assert quote is not None and _speaker_name(doc, quote) == "Tom Reed"


def test_praise_from_someone_for_something_keeps_what_it_was_for(analyze_text):
    doc = analyze_text("The harbour plan won praise from the mayor for its low cost.")
    quote = _quote(doc, "The harbour plan")
    assert quote is not None and quote.rule == "reported.received_stance"
    assert quote.text == "The harbour plan … for its low cost"
    assert _speaker_name(doc, quote) == "the mayor"


def test_drew_attention_to(analyze_text):
    doc = analyze_text("Councillor Ana Ruiz drew attention to the cost of the new tram line.")
    quote = _quote(doc, "the cost of the new tram line")
    assert quote is not None and quote.rule == "reported.light_verb"


def test_a_statement_of_concern_about_something(analyze_text):
    doc = analyze_text("The Refugee Council issued a statement of concern about the new asylum rules.")
    quote = _quote(doc, "the new asylum rules")
    assert quote is not None and quote.text == "the new asylum rules"


def test_an_owned_goal_is_the_infinitive_after_is(analyze_text):
    doc = analyze_text("Freya Lund runs the campaign. Her goal is to cut bus fares for students.")
    quote = _quote(doc, "cut bus fares for students")
    assert quote is not None and _speaker_name(doc, quote) == "Freya Lund"


def test_reluctant_to_is_a_declared_stance_but_keen_to_is_not_read(analyze_text):
    doc = analyze_text(
        "Labour MPs were reluctant to back the new housing bill. Mr Glazer is keen to buy the club."
    )
    quote = _quote(doc, "back the new housing bill")
    assert quote is not None and quote.rule == "reported.stance_adjective"
    assert _quote(doc, "buy the club") is None


def test_opposed_to_parsed_as_a_passive_is_still_a_stance(analyze_text):
    doc = analyze_text("Labour MPs are opposed to the new runway. Voters are confident in the mayor.")
    assert _speaker_name(doc, _quote(doc, "the new runway")) == "Labour MPs"
    assert _quote(doc, "the mayor") is not None

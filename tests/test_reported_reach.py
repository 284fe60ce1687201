"""Reported speech and thought the first rules let slip: each pattern on our own sentences."""

from __future__ import annotations

from quote_support import name_of, quote_holding


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


def test_a_stance_adjective_with_a_clause_is_an_attribution(analyze_text):
    doc = analyze_text("Some councillors are worried that the new bypass will cut the village in two.")
    quote = quote_holding(doc, "the new bypass will cut")
    assert quote.rule == "reported.stance_adjective" and doc.item(quote.speaker_id).name == "Some councillors"
    assert quote.text == "the new bypass will cut the village in two"


def test_a_stance_adjective_with_its_object_is_an_attribution(analyze_text):
    doc = analyze_text("Senator Ada Voss has been critical of the governor's handling of the floods.")
    quote = quote_holding(doc, "the governor's handling")
    assert quote.rule == "reported.stance_adjective" and doc.item(quote.speaker_id).name == "Ada Voss"


def test_seeing_someone_as_something_is_an_attribution(analyze_text):
    doc = analyze_text("Mayor Rosa Lind sees the bypass as a lifeline for the high street.")
    quote = quote_holding(doc, "a lifeline")
    assert quote.rule == "reported.stance" and doc.item(quote.speaker_id).name == "Rosa Lind"
    assert quote.text == "the bypass as a lifeline for the high street"


def test_a_thing_that_is_clear_or_likely_holds_no_stance(analyze_text):
    doc = analyze_text(
        "It is clear that the bridge will close. The plan is likely to fail. The weather was bad for the match."
    )
    assert [q for q in doc.quotes if q.rule.startswith("reported.stance")] == []


def test_an_opening_clause_is_not_what_a_cue_in_mid_sentence_reports(analyze_text):
    doc = analyze_text(
        "Though she has little support in the north, Varga promised to build a new hospital in every county."
    )
    assert all("little support in the north" not in q.text for q in doc.quotes), [q.text for q in doc.quotes]
    doc = analyze_text("Minutes after the count began, the chairman announced four votes for Lund and two for Berg.")
    assert all("the count began" not in q.text for q in doc.quotes), [q.text for q in doc.quotes]


def test_a_closing_cue_with_a_time_still_reports_the_sentence(analyze_text):
    doc = analyze_text("The bridge will reopen in May after the repairs, Varga said on Tuesday.")
    assert name_of(doc, "The bridge will reopen") == "Varga"



def test_what_a_speaker_cites_knows_or_considers_is_reported(analyze_text):
    doc = analyze_text("The council delayed the vote, citing new flood maps from the river authority.")
    assert name_of(doc, "new flood maps").lower() == "the council"
    doc = analyze_text("Minister Ada Voss knows the risks of a winter election.")
    assert name_of(doc, "the risks of a winter election") == "Ada Voss"
    doc = analyze_text("Mayor Rosa Lind is considering a second term.")
    assert name_of(doc, "a second term") == "Rosa Lind"


def test_what_a_speaker_posts_or_understands_is_reported(analyze_text):
    doc = analyze_text("Senator Ada Voss posted a video of the flooded high street on Sunday.")
    assert name_of(doc, "a video of the flooded high street") == "Ada Voss"
    doc = analyze_text("Mayor Rosa Lind understands the anger of the traders.")
    assert name_of(doc, "the anger of the traders") == "Rosa Lind"


def test_any_verb_with_a_that_clause_reports_it_for_a_named_subject(analyze_text):
    doc = analyze_text("Ada Voss learned that the bridge would close for a year.")
    assert name_of(doc, "the bridge would close") == "Ada Voss"
    doc = analyze_text("The storm proved that the bridge was too weak.")
    assert doc.quotes == ()


def test_a_quoted_phrase_inside_a_reported_clause_makes_a_mixed_quote_of_the_clause(analyze_text):
    doc = analyze_text('Senator Ada Voss warned that the "river lobby" is growing nervous about the new dam.')
    quote = quote_holding(doc, "river lobby")
    assert quote.kind == "mixed" and doc.item(quote.speaker_id).name == "Ada Voss"
    assert quote.text == 'the "river lobby" is growing nervous about the new dam'


def test_an_aside_after_a_quoted_phrase_leaves_it_a_direct_quote(analyze_text):
    doc = analyze_text('Ada Voss praised the "brave and tireless work of the volunteers," who cleared the river in a week.')
    quote = quote_holding(doc, "tireless work")
    assert quote.kind == "direct" and quote.text == "brave and tireless work of the volunteers,"


def test_a_day_before_a_name_is_not_part_of_it(analyze_text):
    doc = analyze_text('On Monday Ada Voss praised the "brave and tireless work of the volunteers" at the weir.')
    assert name_of(doc, "tireless work") == "Ada Voss"


def test_what_a_judging_cue_names_is_part_of_the_mixed_quote(analyze_text):
    doc = analyze_text('Former mayor Tomas Berg called the bypass "a road to nowhere for the whole valley."')
    quote = quote_holding(doc, "a road to nowhere")
    assert quote.kind == "mixed" and quote.text.startswith('the bypass "a road to nowhere')
    doc = analyze_text('Ada Voss described her rival as a "danger to every farm in the county."')
    quote = quote_holding(doc, "danger to every farm")
    assert quote.kind == "mixed" and quote.text.startswith("her rival as")


def test_who_is_told_is_not_part_of_what_was_said(analyze_text):
    doc = analyze_text('Ada Voss told a packed hall in Ely that she "will never sell the weir to a developer."')
    quote = quote_holding(doc, "never sell the weir")
    assert quote.kind == "mixed" and quote.text.startswith("she ")


def test_typewriter_quotation_marks_stay_on_the_words_they_mark(analyze_text):
    doc = analyze_text("In 1977 the mayor told residents that ''we need to shift to the river for power.'' He was right.")
    quote = quote_holding(doc, "shift to the river")
    assert doc.text[quote.start : quote.end].startswith("''we need")


def test_depicting_someone_as_something_is_an_attribution(analyze_text):
    doc = analyze_text("Ada Voss painted her rival as a puppet of the quarry owners.")
    quote = quote_holding(doc, "a puppet")
    assert quote.rule == "reported.stance" and doc.item(quote.speaker_id).name == "Ada Voss"


def test_according_to_set_off_mid_sentence_reports_the_words_around_it(analyze_text):
    doc = analyze_text("Donations, according to the campaign, have doubled since the debate.")
    quote = quote_holding(doc, "have doubled")
    assert quote.rule == "reported.according_to" and doc.item(quote.speaker_id).name.lower() == "the campaign"
    assert [doc.text[p.start : p.end] for p in quote.parts] == ["Donations", "have doubled since the debate"]


def test_thats_according_to_credits_the_sentence_before(analyze_text):
    doc = analyze_text(
        "Turnout in the valley fell by a third last year. That's according to figures from the county council."
    )
    quote = quote_holding(doc, "Turnout in the valley")
    assert quote.rule == "reported.according_to"
    assert doc.item(quote.speaker_id).name == "the county council" or "figures" in doc.item(quote.speaker_id).name


def test_a_statement_verb_reports_what_was_stated(analyze_text):
    doc = analyze_text("Mayor Rosa Lind hailed the ruling as a victory for the valley.")
    assert name_of(doc, "the ruling") == "Rosa Lind"
    doc = analyze_text("The union listed three reasons for the strike in a letter to members.")
    assert name_of(doc, "three reasons for the strike").lower() == "the union"


def test_publishing_a_report_does_not_take_the_quotes_the_report_makes(analyze_text):
    doc = analyze_text(
        'The committee published a report into the "failing" agency noting the chief executive "has now left" '
        'and hoping "the new board will bring a fresh approach to the whole service".'
    )
    assert any(q.text == '"has now left"' or '"has now left"' in q.text for q in doc.quotes)


def test_a_percent_sign_stays_on_its_number(analyze_text):
    doc = analyze_text("The average deal is now 4.83%, according to the data firm Ratewise, down from 5.1% in May.")
    quote = quote_holding(doc, "4.83")
    assert "4.83%" in quote.text


def test_a_mixed_quote_keeps_the_mark_that_opens_its_quoted_words(analyze_text):
    doc = analyze_text('Opposition MPs shouted "broken promise" as she spoke.')
    quote = quote_holding(doc, "broken promise")
    assert '"broken promise"' in quote.text


def test_what_is_expected_of_someone_names_them_in_the_content(analyze_text):
    doc = analyze_text("The summit is expected to include talks on the smuggling gangs.")
    quote = quote_holding(doc, "include talks")
    assert quote.rule == "reported.unheld_belief" and quote.speaker_id is None
    assert quote.text.startswith("The summit")


def test_an_abstract_noun_a_relative_clause_hangs_on_never_speaks(analyze_text):
    doc = analyze_text(
        "The deal ends a stand-off that had lasted almost a year and threatened to leave the port idle."
    )
    assert all(doc.item(q.speaker_id).name != "a stand-off" for q in doc.quotes if q.speaker_id)


def test_what_it_is_found_to_have_done_is_no_ones_words(analyze_text):
    doc = analyze_text(
        "The regulator said it was investigating South Vale. If it is found to have broken the rules, "
        "the company could be fined."
    )
    assert all("to have broken the rules" not in q.text for q in doc.quotes if q.speaker_id)


def test_a_clause_in_a_list_is_not_what_the_next_clause_reports(analyze_text):
    doc = analyze_text("The markets were calm, her backbenchers cheered, and the attack landed on old measures.")
    assert all("The markets were calm" not in q.text for q in doc.quotes), [q.text for q in doc.quotes]


def test_according_to_a_source_with_a_relative_clause_reports_both_sides(analyze_text):
    doc = analyze_text(
        "The likeliest candidates, according to people who have seen the plans, are a new levy and a freeze."
    )
    quote = quote_holding(doc, "a new levy")
    assert quote.rule == "reported.according_to"
    assert [doc.text[p.start : p.end] for p in quote.parts] == ["The likeliest candidates", "are a new levy and a freeze"]


def test_the_subject_of_the_next_clause_in_a_list_is_no_object(analyze_text):
    doc = analyze_text(
        "The markets were calm, her backbenchers cheered, and the Opposition's attack, though loud, "
        "landed mainly on measures that will not be felt for years."
    )
    assert all("attack" not in q.text for q in doc.quotes), [q.text for q in doc.quotes]


def test_of_two_subjects_the_parse_gives_a_verb_the_nearer_one_speaks(analyze_text):
    doc = analyze_text('Speaking at a town hall in Salem, New Hampshire, Voss went after Berg, calling him "a total stiff."')
    assert name_of(doc, "a total stiff") == "Voss"


def test_a_clause_the_parse_makes_a_subject_never_speaks(analyze_text):
    doc = analyze_text('Speaking at a rally in Austin, Texas, Lund went after Berg, calling him "a total stiff."')
    assert all(not doc.item(q.speaker_id).name.startswith("Speaking") for q in doc.quotes if q.speaker_id)


def test_a_name_the_parse_joins_to_an_object_speaks_for_its_own_verb(analyze_text):
    doc = analyze_text('The Gazette will brand you a liar and Radio Ely will accuse you of "spreading panic."')
    assert name_of(doc, "spreading panic") == "Radio Ely"


def test_the_narrating_i_is_the_writer_never_a_bare_pronoun(analyze_text):
    doc = analyze_text(
        'Judge Hale looked up from his papers. "Okay," I said, trying to regroup. '
        '"I was seventeen when I came to this country."'
    )
    speaker = doc.item(quote_holding(doc, "seventeen").speaker_id)
    assert speaker.name == "the writer" and speaker.kind == "person"
    assert name_of(doc, "Okay") == "the writer"


def test_i_quote_and_i_spoke_to_leave_the_words_to_the_one_quoted(analyze_text):
    doc = analyze_text(
        'One minister said to me, and I quote: "The levy is only on big homes, but every one of them has a vote." '
        "Every activist I spoke to said they were proud of the new schools."
    )
    assert name_of(doc, "every one of them has a vote") == "One minister"
    assert name_of(doc, "proud of the new schools") == "Every activist"
    assert all(q.text != "me" for q in doc.quotes)


def test_i_in_a_transcript_turn_is_the_one_whose_turn_it_is(analyze_text):
    doc = analyze_text('HALE: Why the delay?\n\nOKAFOR: We had no money, and as I told you, "nobody asked" us.')
    assert all(doc.item(q.speaker_id).name != "the writer" for q in doc.quotes if q.speaker_id)


def test_a_day_is_never_the_subject_credited_with_a_quote(analyze_text):
    doc = analyze_text('For the mayor, Saturday had been "the best day of the whole campaign so far".')
    assert all(doc.item(q.speaker_id).name != "Saturday" for q in doc.quotes if q.speaker_id)


def test_a_cue_opening_the_sentence_after_a_question_mark_takes_the_quote(analyze_text):
    doc = analyze_text(
        '"It was odd that the mayor laid out her plan a week early," Tomas Berg wrote last year.\n\n'
        '"Too forced?" He tweeted when the mayor ended a debate in December with a line from a film.'
    )
    assert quote_holding(doc, "Too forced").rule == "direct.cue_after"


def test_a_stop_after_the_closing_mark_ends_the_quote_before_the_next_cue(analyze_text):
    doc = analyze_text(
        'Ms Voss said the vote would come "some time next year but when, I don\'t know". '
        "The paper said the minister had claimed ignorance of the other dates."
    )
    assert name_of(doc, "some time next year") == "Voss"


def test_who_is_written_to_or_about_before_a_colon_is_not_the_speaker(analyze_text):
    doc = analyze_text('In response, Lund wrote to Berg: "Only a fool would send such a letter to a client."')
    assert name_of(doc, "Only a fool") == "Lund"
    doc = analyze_text('Williams added about Berg: "He feels sorry for him because he really likes the mayor."')
    assert name_of(doc, "He feels sorry") == "Williams"


def test_a_quote_opening_after_a_full_stop_is_not_glued_to_the_sentence_before(analyze_text):
    doc = analyze_text(
        "The state cannot run the economy by central planning any more, Mr. Lund said. "
        "''So it's very hard to estimate how many jobs you lose if you cut steel output,'' he said."
    )
    quote = quote_holding(doc, "very hard to estimate")
    assert quote.rule == "direct.cue_after" and quote.kind == "direct"
    assert not doc.text[quote.start : quote.end].startswith("The state")
    assert name_of(doc, "central planning") == "Lund"


def test_what_was_told_starts_at_its_that_wherever_the_parse_hangs_it(analyze_text):
    doc = analyze_text(
        'Voss told a packed crowd in snowy Ely, on the final day of the race, that she has few memories '
        'of her first run "except the long drive home."'
    )
    assert quote_holding(doc, "long drive home").text.startswith("she has few memories")


def test_a_vox_pop_line_with_a_role_credits_the_name_not_the_employer(analyze_text):
    doc = analyze_text(
        "We asked two economists for a verdict.\n\n"
        'Professor Ines Varga, of the Fenland Institute: "A serious plan that nobody will thank her for."\n\n'
        'Dr Tomas Berg, chief economist at the think tank Northgate: "Good on the numbers, poor on growth."'
    )
    assert name_of(doc, "Good on the numbers") == "Tomas Berg"


def test_manner_of_speaking_verbs_are_cues(analyze_text):
    doc = analyze_text('Tomas Berg rowed past the pier as his friends jeered, "Goodbye and good luck, captain!"')
    assert name_of(doc, "Goodbye and good luck") == "his friends"


def test_the_name_after_a_description_is_who_a_claim_is_according_to(analyze_text):
    doc = analyze_text("Kelso Tobacco consistently declines to comment. The ban on further plants does not apply to "
                       "deals made before 2007, according to the French news agency AFP. The Kelso "
                       "spokeswoman would not comment on its progress.")
    quote = next(q for q in doc.quotes if "does not apply to deals" in q.text)
    assert quote.rule == "reported.according_to"
    assert doc.item(quote.speaker_id).name == "AFP"


def test_what_a_criticised_person_said_is_their_own_quote(analyze_text):
    doc = analyze_text("Mara Quist has criticised a union leader who said a feud between the two ministers "
                       "was harming the work of the council.")
    quote = next(q for q in doc.quotes if "harming the work" in q.text)
    assert quote.rule == "reported.complement"
    assert doc.item(quote.speaker_id).name == "a union leader"

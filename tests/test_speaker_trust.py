"""Attribution a journalist can trust: the failure kinds met on British news, each on our own sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from quote_support import name_of, speaker_of

SAMPLES = Path(__file__).resolve().parents[1] / "sample_articles"


# --- people who share a surname -------------------------------------------------


def test_two_people_with_one_surname_stay_apart(analyze_text):
    doc = analyze_text(
        "Rock singer Dexter Marlowe chased a burglar from his home on Monday. "
        '"I acted without thinking," Marlowe said.\n\n'
        "His wife Annika Marlowe said the thief took a necklace. "
        '"It was a gift for our anniversary," Annika Marlowe said.'
    )
    assert name_of(doc, "I acted without thinking") == "Dexter Marlowe"
    assert name_of(doc, "It was a gift") == "Annika Marlowe"
    assert len({s.id for s in doc.speakers if "Marlowe" in s.name}) == 2


def test_a_surname_the_tagger_takes_for_a_nationality_is_still_the_person(analyze_text):
    doc = analyze_text(
        "Former Australian wing Peter Campanese has told the team to stop complaining. "
        'But Campanese told reporters: "They should look at themselves first."'
    )
    speaker = speaker_of(doc, "They should look at themselves")
    assert speaker.name == "Peter Campanese"
    assert speaker.kind == "person"


def test_a_hyphenated_description_is_not_cut_at_the_hyphen(nlp):
    from explorer.analysis.quotes.cues import mention_tokens

    doc = nlp("And the ex-Hornet added that nobody expected it.")
    ex = next(t for t in doc if t.text == "ex")
    start, end = mention_tokens(ex)
    assert doc[start:end].text.endswith("ex-Hornet")


# --- pronouns: the person the paragraph is about ----------------------------------


def test_he_is_the_last_speaker_not_a_name_inside_what_he_reported(analyze_text):
    doc = analyze_text(
        "Morwenna Prys, a fund manager at Harbour Capital, said she believed the offer "
        "would be enough for Mr Ostrander to take control of the club. "
        '"There is very little the fans can do about it," she told reporters.'
    )
    assert name_of(doc, "There is very little the fans") == "Morwenna Prys"


def test_he_after_a_subject_in_a_reported_clause(analyze_text):
    doc = analyze_text(
        "Gareth Pennock, head of equities at Fairlight, said he thought a bid of 300p "
        "would let Mr Halloran win the vote. "
        '"The supporters cannot stop it now," he told the BBC.'
    )
    assert name_of(doc, "The supporters cannot stop it now") == "Gareth Pennock"


# --- a spokesman of X --------------------------------------------------------------


def test_a_spokesman_for_a_body_speaks_for_it_and_is_not_it(analyze_text):
    doc = analyze_text(
        "Fenland Water Board raised its charges on Monday. "
        'A spokesman for the Fenland Water Board said: "We are reviewing every complaint."'
    )
    speaker = speaker_of(doc, "We are reviewing every complaint")
    assert speaker.kind == "spokesperson"
    assert speaker.represents == "Fenland Water Board"
    assert speaker.name == "Fenland Water Board spokesman"


def test_a_body_written_before_spokeswoman(analyze_text):
    doc = analyze_text("An Ardent Telecom spokeswoman said the advert had been removed.")
    speaker = speaker_of(doc, "the advert had been removed")
    assert (speaker.kind, speaker.represents) == ("spokesperson", "Ardent Telecom")


def test_he_after_a_spokesman_is_the_spokesman(analyze_text):
    doc = analyze_text(
        "A spokesman for Harlow Council said the road would reopen on Friday. "
        '"We apologise for the delay," he added.'
    )
    first = speaker_of(doc, "the road would reopen")
    assert speaker_of(doc, "We apologise for the delay") == first
    assert first.kind == "spokesperson"


def test_a_statement_from_a_firm_is_a_document(analyze_text):
    doc = analyze_text(
        'A statement from Brightwell Energy said: "We have found no fault in the meters."'
    )
    speaker = speaker_of(doc, "We have found no fault")
    assert speaker.kind == "document"
    assert speaker.represents == "Brightwell Energy"


def test_she_after_a_long_quote_is_still_the_speaker(analyze_text):
    doc = analyze_text(
        "Trade minister Ilse Varga defended the plan on Tuesday. "
        'She told the programme: "We have listened. We have changed the rules. '
        "We have met the unions twice. We have written to every employer. "
        'We will publish the figures in June."\n\n'
        "She added that progress had been slow."
    )
    assert name_of(doc, "progress had been slow") == "Ilse Varga"


# --- speaker kinds -----------------------------------------------------------------


def test_a_pronoun_nobody_can_be_found_for_is_unresolved_and_says_so(analyze_text):
    doc = analyze_text('"We will not give up," she said.')
    speaker = speaker_of(doc, "We will not give up")
    assert speaker.kind == "unresolved"
    assert speaker.name == "she (unresolved)"
    assert all(person.name.lower() != "she" for person in doc.people)


def test_a_source_the_article_does_not_name_is_anonymous(analyze_text):
    doc = analyze_text("A senior source said the deal would be signed within days.")
    assert speaker_of(doc, "the deal would be signed").kind == "anonymous"


@pytest.mark.parametrize("text, body", [
    ("Shop owners were worried. Retail Wales said the new levy would close \"dozens of small "
     "stores\" by spring.", "Retail Wales"),
    ("Outdoor firms met on Monday. In a statement, Tourism Scotland said bookings had fallen "
     "by a fifth since March.", "Tourism Scotland"),
])
def test_a_sector_word_and_a_country_name_a_body_not_a_person(analyze_text, text, body):
    speaker = next(s for s in analyze_text(text).speakers if s.name == body)
    assert speaker.kind == "organisation"


# --- quote structure and confidence -------------------------------------------------


def test_an_interrupted_quote_reads_as_printed_with_an_ellipsis_for_the_narration(analyze_text):
    doc = analyze_text('"The floods are over," the minister said. "If you pollute, you pay."')
    quote = doc.quotes[0]
    assert len(doc.quotes) == 1 and len(quote.parts) == 2
    assert quote.text == "The floods are over, … If you pollute, you pay."


def test_a_quote_over_two_paragraphs_joins_them_without_an_ellipsis(analyze_text):
    doc = analyze_text(
        'Hanna Berg said: "We have heard the families.\n\n"We will rebuild the bridge by May."'
    )
    quote = next(q for q in doc.quotes if q.kind == "direct")
    assert quote.text == "We have heard the families. We will rebuild the bridge by May."


def test_every_quote_says_how_sure_its_speaker_is(analyze_text):
    doc = analyze_text(
        'Hanna Berg, the council leader, said: "We will rebuild the bridge." '
        '"It will cost more than we hoped," Hanna Berg said.\n\n'
        '"Nobody told us," they said.'
    )
    assert doc.quotes and all(0.0 <= q.confidence <= 1.0 for q in doc.quotes)
    # the same rule (a cue after the quote): only who the speaker is differs
    named = next(q for q in doc.quotes if "cost more" in q.text)
    unresolved = next(q for q in doc.quotes if "Nobody told us" in q.text)
    assert named.rule == unresolved.rule
    assert named.confidence > unresolved.confidence


def test_confidence_is_in_the_json(analyze_text):
    from explorer.model_json import dumps, loads

    doc = analyze_text('"We will rebuild the bridge," Hanna Berg said.')
    again = loads(dumps(doc))
    assert again.quotes[0].confidence == doc.quotes[0].confidence is not None


def test_she_is_never_a_man_named_after_her(analyze_text):
    doc = analyze_text(
        "Finance minister Sue Ellwood said the settlement was a good deal. "
        "Gordon Pryce said the money had come from the Treasury. "
        "She said councils would be able to keep bills low."
    )
    assert name_of(doc, "councils would be able to keep bills low") == "Sue Ellwood"


def test_he_after_someone_named_inside_a_report_is_the_reporter(analyze_text):
    doc = analyze_text(
        "Tory spokesman Owen Rees said that for the minister to claim nobody would pay more "
        '"is nonsense". He added: "Most homes will face higher bills."'
    )
    assert name_of(doc, "Most homes will face higher bills") == "Owen Rees"


# --- broken speaker names --------------------------------------------------------------


def test_a_hyphenated_surname_is_kept_whole(analyze_text):
    doc = analyze_text(
        'EU spokeswoman Rhian Pryce-Davies conceded there were gaps but said "they are small".'
    )
    assert name_of(doc, "they are small") == "Rhian Pryce-Davies"


def test_a_full_stop_the_tokenizer_glued_to_a_name_is_not_part_of_it(analyze_text):
    doc = analyze_text(
        'Jon Hale, head of B&Q, said prices were too high. "We are cutting prices on paint," said B&Q.'
    )
    assert name_of(doc, "We are cutting prices on paint") == "B&Q"


def test_she_after_a_spokeswoman_who_reported_on_a_man(analyze_text):
    doc = analyze_text(
        "A Fenland Water Board spokeswoman confirmed Mr Kaye was still in post and that he "
        'would stay until a successor was found. "No date was ever set for his departure," she said.'
    )
    speaker = speaker_of(doc, "No date was ever set")
    assert speaker.kind == "spokesperson" and speaker.represents == "Fenland Water Board"


# --- attribution that carries --------------------------------------------------------


def test_a_quote_credited_by_a_verdict_noun(analyze_text):
    doc = analyze_text(
        "Prime Minister Alan Corby has told supporters he is back.\n\n"
        '"Voters like the government more than the members do," is the dry assessment of '
        "Dora Finch, leader of the Labour group on Eastgate Council."
    )
    assert name_of(doc, "Voters like the government") == "Dora Finch"


def test_a_city_that_speaks_is_the_club_not_a_man(analyze_text):
    doc = analyze_text(
        "Welsh striker Rhodri Vaughan has been dropped. Even before Swansea said the player "
        "would not be sold, Vaughan insisted he had no intention of leaving. "
        '"I would play anywhere for this club," he said.'
    )
    assert name_of(doc, "I would play anywhere") == "Rhodri Vaughan"


def test_a_role_and_a_name_the_parser_made_two_subjects(analyze_text):
    doc = analyze_text(
        "The chairman of the Law Society, Peter Arnott QC warned there was a real risk that "
        "people would be pushed away."
    )
    assert name_of(doc, "people would be pushed away") == "Peter Arnott QC"


def test_who_a_film_shows_speaking_is_the_speaker_not_the_film(analyze_text):
    doc = analyze_text(
        "The documentary showed Mr Pargeter, apparently talking about the treaty, telling the "
        'meeting: "The French are the big winners here."'
    )
    assert name_of(doc, "The French are the big winners") == "Pargeter"


def test_a_cue_inside_the_clause_a_quote_judges_does_not_speak_it(analyze_text):
    doc = analyze_text(
        "Liberal transport spokesman Ifan Howells said that for the minister to claim that the "
        "majority of rail passengers in Wales should see very little change "
        '"is taking spin to absurd lengths". He added: "A third of fares will rise."'
    )
    assert name_of(doc, "taking spin to absurd lengths") == "Ifan Howells"
    assert name_of(doc, "A third of fares") == "Ifan Howells"


# --- reported speech ----------------------------------------------------------------


def test_a_cue_set_off_by_commas_reports_the_words_around_it(analyze_text):
    doc = analyze_text("Currently, he said, a ticket machine lasts about ten years before it is replaced.")
    quote = doc.quotes[0]
    assert quote.kind == "indirect" and quote.rule == "reported.parenthetical"
    assert quote.text.startswith("a ticket machine lasts about ten years")


def test_said_name_at_the_end_without_a_comma(analyze_text):
    doc = analyze_text(
        "There are also other pressures pushing councils towards cheaper software said Ffion Lloyd, "
        "director of a consultancy."
    )
    assert name_of(doc, "other pressures pushing councils") == "Ffion Lloyd"


def test_told_the_programme_he_hoped_reports_what_he_hoped(analyze_text):
    doc = analyze_text("Lord Hartley told BBC Radio 4's Today programme he hoped mediation could settle disputes.")
    assert name_of(doc, "mediation could settle disputes") == "Hartley"


def test_accused_someone_of_reports_what_they_are_accused_of(analyze_text):
    doc = analyze_text("After the match, Rourke accused Delacroix of starting the fight.")
    quote = doc.quotes[0]
    assert quote.text == "starting the fight"
    assert name_of(doc, "starting the fight") == "Rourke"


def test_a_mixed_quote_after_accused_starts_at_what_was_said(analyze_text):
    doc = analyze_text('Ms Varga accused her rivals of wanting to "turn inwards" on trade.')
    quote = doc.quotes[0]
    assert quote.kind == "mixed"
    assert quote.text.startswith("wanting to")


def test_he_in_a_report_whose_content_names_him_first(analyze_text):
    doc = analyze_text(
        'The envoy Ramon Ortiz said "we need calm" and he left the talks.\n\n'
        'Foreign minister Tobias Brandt said the country would take "firm steps" in response, '
        "and he urged the north to resume talks."
    )
    assert name_of(doc, "firm steps") == "Tobias Brandt"


# --- non-speakers and role nouns ------------------------------------------------------


def test_an_abstract_noun_never_speaks(analyze_text):
    doc = analyze_text(
        "The agreement ends a stand-off that had threatened to leave the country behind. "
        "History suggests the truce will not last."
    )
    assert all(s.name.lower() not in ("a stand-off", "history") for s in doc.speakers)


def test_a_date_after_a_participle_is_not_what_was_announced(analyze_text):
    doc = analyze_text(
        "The decision, announced in Vilnius on Tuesday by the commissioner, Ilse Varga, "
        "ends months of talks."
    )
    assert all(q.text != "Tuesday" for q in doc.quotes)


def test_the_commissioner_later_is_the_commissioner_named_before(analyze_text):
    doc = analyze_text(
        "The plan was presented by the EU's trade commissioner, Ilse Varga.\n\n"
        '"This is a good day," Ms Varga told reporters.\n\n'
        "The commissioner said the money would be paid in two instalments."
    )
    assert name_of(doc, "the money would be paid") == "Ilse Varga"


def test_a_source_inside_a_named_body_is_anonymous(analyze_text):
    doc = analyze_text("A Treasury source said the department had given the hospitals enough.")
    assert speaker_of(doc, "the department had given").kind == "anonymous"


def test_a_summary_that_speaks_is_a_document(analyze_text):
    doc = analyze_text("According to a summary released by the committee, the levees need repair.")
    assert speaker_of(doc, "the levees need repair").kind == "document"


def test_a_poll_the_parse_apposes_to_a_firm_is_not_the_firm_s_role(analyze_text):
    doc = analyze_text(
        "An online poll of 3,000 people conducted last week for the research firm Brightline "
        "found that most voters backed the ban."
    )
    speaker = speaker_of(doc, "most voters backed the ban")
    assert speaker.name == "Brightline"
    assert speaker.role is None


# --- the cue whose clause holds the quote -------------------------------------------


def test_a_cue_after_the_quote_in_another_clause_does_not_take_it(analyze_text):
    doc = analyze_text(
        "Senator Dana Whitlock described the governor as a \"menace\" after he attacked "
        "the state's teachers."
    )
    assert name_of(doc, "menace") == "Dana Whitlock"


def test_a_title_inside_a_name_leaves_the_person_who_is_named_so_elsewhere(analyze_text):
    doc = analyze_text(
        "Brenda Castillo hits back at critics\n\n"
        'New Mexico Gov. Brenda Castillo described her rival as a "fraud" on Monday.\n\n'
        "Brenda Castillo said the budget was balanced."
    )
    speaker = speaker_of(doc, "fraud")
    assert speaker.name == "Brenda Castillo"
    assert speaker is speaker_of(doc, "the budget was balanced")


def test_a_cue_in_a_leading_clause_reports_only_that_clause(analyze_text):
    doc = analyze_text(
        "But even before the club said the striker would not be sold, Okafor insisted he had "
        "no intention of leaving.\n\n"
        '"I love this place," he said.'
    )
    assert name_of(doc, "the striker would not be sold") == "the club"
    assert name_of(doc, "no intention of leaving") == "Okafor"
    assert name_of(doc, "I love this place") == "Okafor"


def test_the_cue_sentence_before_a_quote_gives_its_outer_speaker(analyze_text):
    doc = analyze_text(
        "Professor Ruth Adeyemi studies workplace law. Ms Adeyemi added that some firms "
        'actively encouraged staff to blog. "The trouble starts when a post names a customer."'
    )
    assert name_of(doc, "The trouble starts") == "Ruth Adeyemi"


def test_he_after_x_was_asked_about_y_is_x(analyze_text):
    doc = analyze_text(
        "The agency's chief executive, Colin Doyle, resigned last week.\n\n"
        "On the radio Mr Ennis was asked why Mr Doyle had been allowed to resign rather than be sacked. "
        'He replied: "The chief executive chose to go, and a new one starts soon."'
    )
    assert name_of(doc, "chose to go") == "Ennis"


def test_a_quote_left_open_and_reopened_at_once_takes_the_cue_at_its_end(analyze_text):
    doc = analyze_text(
        "The pilot Ines Varela wrote a diary of her flights for two years. A spokesman for the "
        "airline said it had broken the rules.\n\n"
        'Her photos came from an old camera. "We often take pictures on long trips. I put them '
        'online for fun. "I never meant any harm to the company," Ms Varela said.'
    )
    assert name_of(doc, "We often take pictures") == "Ines Varela"


def test_a_description_written_before_a_body_name_is_not_the_speaker(analyze_text):
    doc = analyze_text("US oil giant Marathex said it did not plan to bid in the new tender.")
    speaker = speaker_of(doc, "did not plan to bid")
    assert speaker.name == "Marathex"


def test_of_two_subjects_the_parser_gives_a_verb_the_name_after_the_description_speaks(nlp):
    from spacy.tokens import Doc

    from explorer.analysis.quotes.cues import subject_of

    # the parse the model gives "US oil giant X said ...": description and name both subjects
    words = ["Global", "shipping", "giant", "Maerskon", "said", "it", "would", "bid", "."]
    doc = Doc(nlp.vocab, words=words, spaces=[True] * 7 + [False, False],
              heads=[2, 2, 4, 4, 4, 7, 7, 4, 4],
              deps=["compound", "compound", "nsubj", "nsubj", "ROOT", "nsubj", "aux", "ccomp", "punct"],
              pos=["PROPN", "NOUN", "NOUN", "PROPN", "VERB", "PRON", "AUX", "VERB", "PUNCT"])
    assert subject_of(doc[4]).text == "Maerskon"


# --- reported speech missed -----------------------------------------------------------


def test_someone_quoted_as_saying_by_an_agency_said_the_words_before(analyze_text):
    doc = analyze_text(
        "The job cuts will be handled fairly, energy minister Pavel Orlov was quoted as saying "
        "by a news agency."
    )
    assert name_of(doc, "The job cuts will be handled") == "Pavel Orlov"


def test_according_to_the_law_is_no_source(analyze_text):
    doc = analyze_text("The fines will be collected according to the law, and the money goes to schools.")
    assert all(s.name.lower() not in ("the law", "law") for s in doc.speakers)


def test_a_sentence_after_a_quote_ending_in_a_full_stop_is_not_its_cue(analyze_text):
    doc = analyze_text(
        'Norway branded the treaty a "betrayal of the fishing towns." Denmark insisted that '
        'Oslo "stop its threats" now.'
    )
    assert name_of(doc, "betrayal of the fishing towns") == "Norway"


def test_number_10_speaks_and_keeps_its_number(analyze_text):
    doc = analyze_text("Number 10 said ministers were busy with governing and would not comment on the row.")
    assert name_of(doc, "ministers were busy with governing") == "Number 10"


def test_a_cue_closing_the_sentence_reports_what_someone_wanted_before_it(analyze_text):
    doc = analyze_text(
        "Farmers by definition wanted the valley to stay green and quiet, Mr Strand said."
    )
    assert name_of(doc, "Farmers by definition wanted") == "Strand"
    inner = [q for q in doc.quotes if q.text.startswith("the valley")]
    assert [q.text for q in inner] == ["the valley to stay green and quiet"]


def test_a_spokesman_speaks_for_the_party_the_paragraph_is_about(analyze_text):
    doc = analyze_text(
        "But the Greens insisted they would hold ministers to account over the scheme.\n\n"
        "They said they would also ask whether the Treasury could pay for it. "
        '"This scheme will take a decade to work," a spokesman said.'
    )
    speaker = speaker_of(doc, "This scheme will take a decade")
    assert speaker.kind == "spokesperson"
    assert speaker.represents == "Greens"


# --- unnamed sources described by a quantifier and a role noun --------------------


def test_one_mp_in_a_seat_is_an_anonymous_source_named_by_its_description(analyze_text):
    doc = analyze_text(
        "Backbenchers were uneasy about the new levy on garden sheds. "
        '"We promised not to tax sheds," one MP in a Cornish seat told me. '
        '"My postbag will be heavy."'
    )
    speaker = speaker_of(doc, "We promised not to tax sheds")
    assert speaker.kind == "anonymous"
    assert speaker.name == "one MP in a Cornish seat"
    assert speaker.role is None
    assert all("MP" != p.name for p in doc.people)


def test_another_official_is_anonymous_not_a_person(analyze_text):
    doc = analyze_text(
        "The talks on the canal treaty broke up late on Tuesday. "
        '"Nobody expected a deal this week," another official said.'
    )
    speaker = speaker_of(doc, "Nobody expected a deal")
    assert speaker.kind == "anonymous"
    assert speaker.name == "another official"


def test_the_company_again_is_the_body_first_called_the_company(analyze_text):
    doc = analyze_text(
        "The boss of Northfield Rail has given up her bonus after the company admitted that "
        "trains ran late on half the days of last year.\n\n"
        "Fans of the line held a vigil outside the company's offices. Protesters from the group "
        "Fair Fares Now said the gesture was \"far too small\".\n\n"
        "\"We feel abandoned,\" said the group's founder, Alun Pellowe.\n\n"
        "Mr Pellowe said the group had counted 900 stranded travellers since Monday.\n\n"
        "The company said it planned to spend £40m on new signals."
    )
    assert name_of(doc, "planned to spend") == "Northfield Rail"


def test_he_is_the_person_his_own_paragraph_names_not_the_last_speaker_before_it(analyze_text):
    doc = analyze_text(
        "We asked two historians for a verdict on the new museum.\n\n"
        "Oskar Lindqvist, of the Baltic Society: \"A fine building with nothing inside.\"\n\n"
        "There was an awkward moment for the culture secretary, Tobias Wrenfield, at the "
        "opening. Asked whether the museum would charge for entry, he said: \"We will "
        "set out our plans in due course.\""
    )
    assert name_of(doc, "set out our plans") == "Tobias Wrenfield"


def test_reported_words_go_on_after_a_said_x_aside(analyze_text):
    doc = analyze_text(
        "Ferries were late all week. Delays like this happen, said Mr Evans, because when "
        "one boat leaves late the whole timetable slips."
    )
    assert name_of(doc, "the whole timetable slips") == "Evans"
    quote = next(q for q in doc.quotes if "timetable slips" in doc.text[q.start : q.end])
    assert "Delays like this happen" in quote.text


def test_a_letter_from_x_saying_is_xs_speech(analyze_text):
    doc = analyze_text(
        "The chain took out adverts in every national paper, using an open letter from "
        "company president Dana Whitlow saying it was time for shoppers to hear the facts."
    )
    assert name_of(doc, "time for shoppers") == "Dana Whitlow"


def test_a_role_is_not_the_person_its_own_words_are_about(analyze_text):
    doc = analyze_text(
        "Ruth Calloway has rebuked a charity boss over his comments on the new grants.\n\n"
        "Ivan Petrovsky, of the Small Charities Network, spoke of \"a broken system\". "
        "But the minister said Mr Petrovsky had never applied for a grant so could not judge."
    )
    assert name_of(doc, "had never applied for a grant") == "Ruth Calloway"


def test_xs_claim_that_is_what_x_said(analyze_text):
    doc = analyze_text(
        "The row at the club grew on Friday. Marsh's claim that the referee had lied about "
        "the penalty was firmly denied by Ortega."
    )
    speaker = speaker_of(doc, "the referee had lied")
    assert speaker is not None and speaker.name == "Marsh"
    quote = next(q for q in doc.quotes if "referee had lied" in q.text)
    assert quote.rule == "reported.utterance_noun"


def test_a_quote_after_a_mixed_sentence_goes_on_with_it_not_lost(analyze_text):
    doc = analyze_text(
        'Shadow minister Tom Reed said the question "seems fair". Despite this "sly move," '
        'the plan stood "no chance of passing before May," he added. "This is the mayor\'s '
        'cheap trick to the developers while he runs scared of a debate he cannot win."'
    )
    quote = next(q for q in doc.quotes if "cheap trick" in doc.text[q.start : q.end])
    assert "no chance" in quote.text
    assert name_of(doc, "cheap trick") == "Tom Reed"


@pytest.fixture(scope="module")
def live_blog(nlp):
    """The shipped live-blog sample: its time-stamped headings credit quotes."""
    from explorer.analysis import analyze
    from explorer.sources import read_article

    return analyze(read_article(SAMPLES / "live-blog-autumn-budget.txt"), nlp)


def test_a_live_blog_time_stamp_is_no_part_of_a_headline_speaker(live_blog):
    assert not any(s.name[:1].isdigit() for s in live_blog.speakers)
    assert name_of(live_blog, "the most dishonest Budget in living memory") == "Richard Thorne"


def test_a_fact_check_heading_is_not_given_to_the_last_speaker(live_blog):
    heading = live_blog.text.index("Fact check:")
    quotes = [q for q in live_blog.quotes if heading < q.start < heading + 80]
    assert all(q.speaker_id is None for q in quotes)


def test_one_of_a_group_is_an_anonymous_member_not_a_speaker_called_one(analyze_text):
    doc = analyze_text(
        "Green councillors from the western wards welcomed the move. "
        "One said privately that the council had \"finally listened\" to commuters."
    )
    speaker = speaker_of(doc, "finally listened")
    assert speaker.kind == "anonymous"
    assert speaker.name.startswith("one of the Green councillors")


def test_a_region_in_an_unnamed_sources_description_is_a_place_not_a_person(analyze_text):
    doc = analyze_text(
        "Backbenchers were restless after the vote. \"It will cost us the seat,\" one MP "
        "in a Yorkshire seat told me."
    )
    assert "Yorkshire" not in [p.name for p in doc.people]
    assert "Yorkshire" in [p.name for p in doc.places]


def test_according_to_inside_someone_s_reported_words_leaves_them_the_speaker(analyze_text):
    doc = analyze_text(
        "Dr Hana Brook studies household budgets at the institute. She said that, according "
        "to the institute's figures, one family in four would pay more by 2030."
    )
    assert name_of(doc, "one family in four would pay more") == "Hana Brook"


def test_a_role_inside_someone_elses_words_does_not_become_the_last_persons_role(analyze_text):
    doc = analyze_text(
        "Economists were split. Dr Lena Forde, of the Budget Institute, said the levy was "
        "\"clumsy but fair\".\n\n"
        "Green councillors welcomed the move. One said privately that the minister had "
        "\"finally listened\" to tenants."
    )
    forde = next(s for s in doc.speakers if s.name == "Lena Forde")
    assert forde.role != "minister"


# --- live-blog headings -------------------------------------------------------------


@pytest.mark.parametrize("heading", [
    "11:05 Landlords: 'we are paying twice what we paid for flour last spring'",
    "11:05 Hexham: 'we are paying twice what we paid for flour last spring'",
])
def test_a_heading_labelled_with_a_place_or_a_group_credits_no_one(analyze_text, heading):
    doc = analyze_text(
        f"Live coverage of the council vote.\n\n{heading}\n\n"
        "Bakers in Hexham said flour had doubled in price since the harvest."
    )
    assert speaker_of(doc, "we are paying twice") is None


def test_a_heading_labelled_with_a_surname_the_article_names_credits_that_person(analyze_text):
    doc = analyze_text(
        "Live coverage of the council vote.\n\n"
        "13:33 Thorne: 'the most dishonest budget this council has ever passed'\n\n"
        "The opposition leader, Richard Thorne, said the vote was a disgrace."
    )
    assert name_of(doc, "the most dishonest budget") == "Richard Thorne"


def test_a_heading_labelled_with_a_surname_after_a_title_credits_that_person(analyze_text):
    doc = analyze_text(
        "Live coverage of the council vote.\n\n"
        "13:40 Johnson: 'I will not resign over a single vote in this chamber'\n\n"
        "Mr Johnson told councillors he would stay on as leader."
    )
    assert speaker_of(doc, "I will not resign") is not None


# --- an interviewer's question ------------------------------------------------------


@pytest.mark.parametrize("text, question, answer", [
    ("Asked whether she would stand again at the next election, the mayor, Ruth Corran, said "
     "she had not yet decided.", "whether she would stand again", "she had not yet decided"),
    ("Asked what the council would cut first, the treasurer, Paul Nyland, said libraries were "
     "safe.", "what the council would cut first", "libraries were safe"),
])
def test_the_question_put_to_someone_is_not_their_words(analyze_text, text, question, answer):
    doc = analyze_text(text)
    asked = [q for q in doc.quotes if question in q.text]
    # the question is reported words, an unnamed interviewer's: kept, credited to no one
    assert [(q.rule, q.speaker_id) for q in asked] == [("reported.question", None)]
    assert speaker_of(doc, answer) is not None


def test_a_verb_inside_the_question_put_to_someone_is_no_one_s_cue(analyze_text):
    doc = analyze_text(
        "Asked whether the council could promise no further cuts before the election, the "
        "leader, Dan Ibbott, said he would not speculate."
    )
    assert [(q.text, q.rule) for q in doc.quotes] == [
        ("whether the council could promise no further cuts before the election", "reported.question"),
        ("he would not speculate", "reported.complement")]


def test_a_reader_known_by_a_first_name_is_not_a_person_named_in_full_later(analyze_text):
    doc = analyze_text(
        'Readers have been writing in. David, from Leeds, writes: "My rent has doubled and '
        'nothing in this budget helps."\n\n'
        'Later the chief executive of the ports group, David Marlow, said: "Trade will suffer."'
    )
    assert name_of(doc, "My rent has doubled") == "David"
    assert name_of(doc, "Trade will suffer") == "David Marlow"
    assert [p.name for p in doc.people if p.name.startswith("David")] == ["David", "David Marlow"]


def test_a_first_name_given_before_the_full_name_is_still_that_person(analyze_text):
    doc = analyze_text(
        'The singer was not at home. His wife Tessa, who found the safe open, said the rings were gone.\n\n'
        'On Tuesday Tessa Harrow told reporters: "They took everything that mattered to us."'
    )
    assert name_of(doc, "They took everything") == "Tessa Harrow"
    assert [p.name for p in doc.people if p.name.startswith("Tessa")] == ["Tessa Harrow"]

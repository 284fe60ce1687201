"""Speakers: every way an article names one source merges into one speaker, linked to people."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.analysis.entities import Entities
from explorer.analysis.linking import link_speakers
from explorer.model import Organisation, Person, Span, Speaker


def speaker_named(doc, name: str):
    found = [s for s in doc.speakers if s.name == name]
    assert found, f"no speaker {name!r}: {[s.name for s in doc.speakers]}"
    return found[0]


def quotes_of(doc, speaker):
    return [doc.item(q) for q in speaker.quote_ids]


# --- the seed article ------------------------------------------------------


def test_seed_home_secretary_is_one_speaker(seed_doc):
    mahmood = speaker_named(seed_doc, "Shabana Mahmood")
    assert mahmood.kind == "person"
    assert mahmood.role == "Home Secretary"
    assert {"Ms Mahmood", "the Home Secretary", "She"} <= set(mahmood.aliases)
    texts = [q.text for q in quotes_of(seed_doc, mahmood)]
    assert any(t.startswith("The public rightly expect") for t in texts)
    assert any("turn inwards" in t for t in texts)
    assert any(t.startswith("Illegal migration is a shared threat") for t in texts)
    assert any(t.startswith("To those who think") for t in texts)


def test_seed_three_paragraph_quote_is_one_quote(seed_doc):
    quote = next(q for q in seed_doc.quotes if q.text.startswith("The public rightly expect"))
    assert quote.kind == "direct"
    assert len(quote.parts) == 3
    assert "credibility of the state itself" in quote.text
    assert quote.cue.text == "will say"


def test_seed_quote_only_paragraphs_belong_to_the_home_secretary(seed_doc):
    mahmood = speaker_named(seed_doc, "Shabana Mahmood")
    for fragment in ("Today, in this country", "I am proud that the UK"):
        holder = [q for q in seed_doc.quotes if fragment in q.text]
        assert len(holder) == 1 and holder[0].speaker_id == mahmood.id


def test_seed_turn_inwards_is_a_mixed_quote(seed_doc):
    quote = next(q for q in seed_doc.quotes if "“turn inwards”" in seed_doc.text[q.start : q.end])
    assert quote.kind == "mixed"
    assert seed_doc.item(quote.speaker_id).name == "Shabana Mahmood"


def test_seed_shadow_home_secretary_statement_is_one_quote(seed_doc):
    philp = speaker_named(seed_doc, "Chris Philp")
    assert philp.role == "shadow home secretary"
    (quote,) = quotes_of(seed_doc, philp)
    assert len(quote.parts) == 5
    assert quote.text.startswith("The first nine months")
    assert quote.text.endswith("Then the crossings would soon stop.")


def test_seed_organisations_speak(seed_doc):
    office = speaker_named(seed_doc, "Home Office")
    assert office.kind == "organisation"
    assert "the Government department" in office.aliases
    assert len(office.quote_ids) == 2
    conservatives = speaker_named(seed_doc, "Conservatives")
    (quote,) = quotes_of(seed_doc, conservatives)
    assert quote.kind == "mixed"
    assert "rich coming from a government" in quote.text


def test_seed_speakers_are_exactly_the_four_sources(seed_doc):
    assert sorted(s.name for s in seed_doc.speakers) == [
        "Chris Philp", "Conservatives", "Home Office", "Shabana Mahmood"]


def test_seed_people_only_mentioned_are_not_speakers(seed_doc):
    names = {s.name for s in seed_doc.speakers}
    assert "Nigel Farage" not in names and "Graeme Biggar" not in names
    text = seed_doc.text
    for name in ("Nigel Farage", "Graeme Biggar", "Director general"):
        at = text.index(name)
        assert not any(m.start <= at < m.end for s in seed_doc.speakers for m in s.mentions)
    people = {p.name: p for p in seed_doc.people}
    assert people["Nigel Farage"].speaker_id is None
    assert people["Graeme Biggar"].speaker_id is None


def test_seed_photo_caption_is_not_a_quote(seed_doc):
    caption = seed_doc.text.index("A view of small boats")
    assert not any(q.start <= caption < q.end for q in seed_doc.quotes)


def test_seed_speaking_people_are_people_with_the_same_name(seed_doc):
    people = {p.name: p for p in seed_doc.people}
    for speaker in seed_doc.speakers:
        if speaker.kind == "person":
            assert people[speaker.name].speaker_id == speaker.id
    assert len({p.id for p in seed_doc.people}) == len(seed_doc.people)
    assert [p.name for p in seed_doc.people].count("Shabana Mahmood") == 1
    assert "Ms Mahmood" not in {o.name for o in seed_doc.organisations}


# --- coreference rules on sentences of our own -----------------------------


def test_surname_and_title_merge_with_the_full_name(analyze_text):
    text = (
        "Helen Marsh said the port would expand.\n\n"
        "“It will bring jobs,” Ms Marsh said.\n\n"
        "“We are ready,” Marsh added."
    )
    doc = analyze_text(text)
    assert [s.name for s in doc.speakers] == ["Helen Marsh"]
    assert len(doc.speakers[0].quote_ids) == 3
    assert {"Helen Marsh", "Ms Marsh", "Marsh"} <= set(doc.speakers[0].aliases)


def test_pronoun_goes_to_the_nearest_compatible_person(analyze_text):
    text = (
        "Mr Alan Reed met Ms Clara Diaz in Madrid.\n\n"
        "“The talks went well,” she said."
    )
    doc = analyze_text(text)
    quote = doc.quotes[0]
    assert doc.item(quote.speaker_id).name == "Clara Diaz"
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "she"


def test_pronoun_skips_a_person_of_the_other_gender(analyze_text):
    text = (
        "Ms Clara Diaz met Mr Alan Reed in Madrid.\n\n"
        "“We agreed on nothing,” he said."
    )
    doc = analyze_text(text)
    assert doc.item(doc.quotes[0].speaker_id).name == "Alan Reed"


def test_role_noun_tied_by_an_appositive(analyze_text):
    text = (
        "Karen Holt, the health minister, opened the ward.\n\n"
        "“Waiting lists will fall,” the health minister said."
    )
    doc = analyze_text(text)
    speaker = doc.item(doc.quotes[0].speaker_id)
    assert speaker.name == "Karen Holt"
    assert speaker.role == "health minister"
    assert "the health minister" in speaker.aliases


def test_a_role_apposed_before_a_name_is_that_persons_role(analyze_text):
    text = (
        "Helen Marsh said the bridge would reopen in May.\n\n"
        "The port director, Owen Tully, said the ferries would run until then."
    )
    doc = analyze_text(text)
    tully = speaker_named(doc, "Owen Tully")
    assert tully.role == "port director"
    assert "the port director" in tully.aliases
    marsh = speaker_named(doc, "Helen Marsh")
    assert marsh.role is None and "the port director" not in marsh.aliases


def test_each_apposed_role_stays_with_its_own_name(analyze_text):
    text = (
        "The mayor, Ruth Lindqvist, said the depot would close.\n\n"
        "The transport minister, Femi Adeyemi, who toured the site on Friday, said the state would pay."
    )
    doc = analyze_text(text)
    assert speaker_named(doc, "Ruth Lindqvist").role == "mayor"
    assert "the transport minister" not in speaker_named(doc, "Ruth Lindqvist").aliases
    assert speaker_named(doc, "Femi Adeyemi").role == "transport minister"


def test_a_role_apposed_inside_a_quote_attribution(analyze_text):
    doc = analyze_text("“The roads are open,” the governor, Celia Brandt, said on Monday.")
    (speaker,) = doc.speakers
    assert (speaker.name, speaker.role) == ("Celia Brandt", "governor")


def test_a_possessive_role_belongs_to_the_name_without_its_determiner(analyze_text):
    text = (
        "Priya Nair said the coastguard had been warned.\n\n"
        "The Harbour Authority said two boats were missing. "
        "Its chairman, Louis Berger, warned that the search could take days."
    )
    doc = analyze_text(text)
    berger = speaker_named(doc, "Louis Berger")
    # "Its" is the body the sentence before is about
    assert berger.role == "chairman of the Harbour Authority"
    assert "Its chairman" in berger.aliases
    nair = speaker_named(doc, "Priya Nair")
    assert nair.role is None and not any("chairman" in a for a in nair.aliases)


def test_a_government_is_not_the_body_that_spoke_last(analyze_text):
    text = (
        "The state government announced a relief fund on Monday.\n\n"
        "The Weather Office said the dry spell would last into March.\n\n"
        "The state government said the fund would open next week."
    )
    doc = analyze_text(text)
    weather = speaker_named(doc, "Weather Office")
    assert not any("government" in a.lower() for a in weather.aliases)
    government = [s for s in doc.speakers if s.name.lower() == "the state government"]
    assert len(government) == 1 and len(government[0].quote_ids) == 2


def test_a_name_after_a_role_with_an_of_phrase_is_the_speaker(analyze_text):
    text = (
        "“The dam is safe,” said the board's head of water safety, Imogen Tarrant.\n\n"
        "Ms Tarrant said inspections would continue."
    )
    doc = analyze_text(text)
    (speaker,) = doc.speakers
    assert speaker.name == "Imogen Tarrant"
    assert speaker.role == "board's head of water safety"
    assert len(speaker.quote_ids) == 2


def test_two_governments_sharing_a_word_stay_two_speakers(analyze_text):
    text = (
        "The Northern Government said the grant was too small.\n\n"
        "The rise was agreed by Government last week, Ms Hale said.\n\n"
        "The Southern Government said it would cut bus fares."
    )
    doc = analyze_text(text)
    northern = speaker_named(doc, "Northern Government")
    southern = speaker_named(doc, "Southern Government")
    assert northern.id != southern.id
    assert not any("Government" == a for a in northern.aliases)


def test_a_body_described_as_another_kind_is_not_the_last_speaker(analyze_text):
    text = (
        "The Harbour Commission said the pier would reopen in June.\n\n"
        "The repairs cost £4m, the council said."
    )
    doc = analyze_text(text)
    commission = speaker_named(doc, "Harbour Commission")
    assert "the council" not in commission.aliases
    assert len(doc.speakers) == 2


def test_his_office_is_not_the_organisation_that_spoke(analyze_text):
    text = (
        "The Port Workers Union said the strike would go ahead.\n\n"
        "Asked whether the minister would meet the strikers, his office said only that talks continued."
    )
    doc = analyze_text(text)
    union = speaker_named(doc, "Port Workers Union")
    assert "his office" not in union.aliases and len(union.quote_ids) == 1


def test_a_name_with_its_home_state_merges_with_the_surname(analyze_text):
    text = (
        "Rep. Colin Hartwell of Ohio said he would vote against the bill.\n\n"
        "“It is too expensive,” Mr. Hartwell told reporters."
    )
    doc = analyze_text(text)
    (speaker,) = doc.speakers
    assert speaker.name == "Colin Hartwell"
    assert len(speaker.quote_ids) == 2


def test_an_office_holder_is_not_a_different_office_named_next(analyze_text):
    text = (
        "Rep. Colin Hartwell said he would vote against the bill.\n\n"
        "Asked whether the speaker would allow a vote, Mr. Hartwell declined to comment."
    )
    doc = analyze_text(text)
    hartwell = speaker_named(doc, "Colin Hartwell")
    assert hartwell.role is None and "the speaker" not in hartwell.aliases


def test_an_office_holder_is_still_the_same_office_named_next(analyze_text):
    text = (
        "Sen. Karen Holt opposed the bill on Monday.\n\n"
        "The senator said the cost was too high."
    )
    doc = analyze_text(text)
    (speaker,) = doc.speakers
    assert (speaker.name, speaker.role) == ("Karen Holt", "senator")


def test_the_house_is_not_the_white_house(analyze_text):
    text = (
        "The White House said the president would sign the bill.\n\n"
        "The House said it would vote on the bill next week."
    )
    doc = analyze_text(text)
    white_house = speaker_named(doc, "White House")
    assert len(white_house.quote_ids) == 1 and "The House" not in white_house.aliases


def test_a_capitalised_body_the_entities_missed_is_a_name_not_a_role(nlp):
    from explorer.analysis.quotes.coref import classify

    doc = nlp("The Child Hunger Action Group said the plan failed.")
    group = classify(doc, 0, 5, 0, label=None, speaker=True)
    assert (group.form, group.kind_hint) == ("name", "organisation")
    doc = nlp("The group said the plan failed.")
    assert classify(doc, 0, 2, 0, label=None, speaker=True).form == "role"


def test_a_body_the_article_calls_a_regulator_is_not_the_company(analyze_text):
    text = (
        "Northbrook Rail said its trains would run late all week.\n\n"
        "The regulator, Railwatch, said it would investigate. "
        "If it finds failings, the company said, it will refund passengers."
    )
    doc = analyze_text(text)
    railwatch = speaker_named(doc, "Railwatch")
    assert "the company" not in railwatch.aliases


def test_role_noun_goes_to_the_preceding_subject(analyze_text):
    text = (
        "Daniel Frost will visit Leeds today.\n\n"
        "The Transport Secretary will say that the line is safe."
    )
    doc = analyze_text(text)
    speaker = doc.item(doc.quotes[0].speaker_id)
    assert speaker.name == "Daniel Frost"
    assert speaker.role == "Transport Secretary"


def test_department_goes_to_the_organisation_that_spoke(analyze_text):
    text = (
        "According to the Treasury, borrowing rose in June.\n\n"
        "Tax receipts were lower than expected, the department said."
    )
    doc = analyze_text(text)
    names = [doc.item(q.speaker_id).name for q in doc.quotes]
    assert names == ["Treasury", "Treasury"]


def test_titled_name_is_a_person_even_when_spacy_says_organisation(analyze_text):
    doc = analyze_text("“The figures are wrong,” Ms Okonjo said.")
    (speaker,) = doc.speakers
    assert speaker.kind == "person"
    assert any(p.name == "Okonjo" and p.speaker_id == speaker.id for p in doc.people)


# --- linking ---------------------------------------------------------------


def test_linking_merges_person_and_mislabelled_organisation_into_one_person():
    speaker = Speaker(id="s1", name="Rosa Park", kind="person", aliases=("Rosa Park", "Ms Park"),
                      mentions=(Span(0, 9), Span(40, 47)), quote_ids=("q1",))
    entities = Entities(
        people=(Person(id="pe1", name="Ms Park", mentions=(Span(40, 47),)),
                Person(id="pe2", name="Tom Bell", mentions=(Span(60, 68),))),
        organisations=(Organisation(id="o1", name="Rosa Park", mentions=(Span(0, 9),)),
                       Organisation(id="o2", name="City Council", mentions=(Span(80, 92),))),
    )
    people, organisations = link_speakers(entities, (speaker,))
    assert [(p.id, p.name, p.speaker_id) for p in people] == [
        ("pe1", "Rosa Park", "s1"), ("pe2", "Tom Bell", None)]
    assert set(people[0].mentions) == {Span(0, 9), Span(40, 47)}
    assert [o.name for o in organisations] == ["City Council"]


def test_linking_adds_a_quoted_person_the_entities_missed():
    speaker = Speaker(id="s1", name="Ed Vance", kind="person", mentions=(Span(5, 13),), quote_ids=("q1",))
    people, _ = link_speakers(Entities(), (speaker,))
    assert [(p.id, p.name, p.speaker_id) for p in people] == [("pe1", "Ed Vance", "s1")]


def test_linking_marks_an_organisation_that_speaks():
    speaker = Speaker(id="s1", name="Home Office", kind="organisation", mentions=(Span(3, 18),))
    entities = Entities(organisations=(Organisation(id="o1", name="Home Office", mentions=(Span(3, 18),)),))
    people, organisations = link_speakers(entities, (speaker,))
    assert people == () and organisations[0].speaker_id == "s1"


def test_linking_marks_an_organisation_only_when_its_name_matches_a_speaker():
    speaker = Speaker(id="s1", name="Home Office", kind="organisation",
                      aliases=("the Home Office", "the Government department"),
                      mentions=(Span(3, 18), Span(40, 65)))
    entities = Entities(organisations=(
        Organisation(id="o1", name="Home Office", mentions=(Span(3, 18),)),
        Organisation(id="o2", name="Government", mentions=(Span(44, 54),)),
    ))
    _, organisations = link_speakers(entities, (speaker,))
    assert [(o.name, o.speaker_id) for o in organisations] == [("Home Office", "s1"), ("Government", None)]


def test_seed_government_is_not_the_home_office_speaker(seed_doc):
    government = next(o for o in seed_doc.organisations if o.name == "Government")
    assert government.speaker_id is None


# --- invariants ------------------------------------------------------------

_SENTENCES = [
    "“We will win,” said Jo Park.",
    "Mr Lee said that the plan failed.",
    "“Not now,” she said, “maybe later.”",
    "According to the bank, rates will rise.",
    "The weather was 'fine' and \"warm",
    "It rained.",
    "“Open quote without an end",
    "Ms Diaz added: “Enough.”",
]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_SENTENCES), min_size=1, max_size=6), st.sampled_from([" ", "\n\n"]))
def test_every_span_is_inside_the_text_and_every_id_resolves(analyze_text, sentences, joiner):
    doc = analyze_text(joiner.join(sentences))
    length = len(doc.text)
    for quote in doc.quotes:
        assert 0 <= quote.start < quote.end <= length
        assert all(a.end <= b.start for a, b in zip(quote.parts, quote.parts[1:]))
        if quote.speaker_id is not None:
            assert quote.id in doc.item(quote.speaker_id).quote_ids
    for speaker in doc.speakers:
        assert speaker.quote_ids
        assert all(doc.item(q).speaker_id == speaker.id for q in speaker.quote_ids)
        assert all(0 <= m.start < m.end <= length for m in speaker.mentions)
    assert len({q.id for q in doc.quotes}) == len(doc.quotes)


def test_a_role_written_before_the_name_is_the_role_not_part_of_the_name(analyze_text):
    text = ("The clinic closed in May.\n\n"
            "Health minister Dr Anna Reid said the clinic would reopen.\n\n"
            "Later, Anna Reid said the staff would return.")
    doc = analyze_text(text)
    assert [(s.name, s.role) for s in doc.speakers] == [("Anna Reid", "Health minister")]
    assert [p.name for p in doc.people] == ["Anna Reid"]


def test_a_name_apposed_to_a_role_with_an_article_is_the_name(analyze_text):
    # The model may tag the name an organisation; the article still marks the role.
    text = ("The debate went on.\n\n"
            "An SNP MP, Iona MacLeod, asked whether the Prime Minister would rule out cuts.")
    doc = analyze_text(text)
    assert [(s.name, s.role) for s in doc.speakers] == [("Iona MacLeod", "SNP MP")]


def test_a_country_before_a_body_makes_it_another_body(analyze_text):
    text = ("The Treasury says the change will cost £3bn a year.\n\n"
            "The Treasury says the charge is needed because fuel duty will shrink.\n\n"
            "In Washington, the US Treasury said it would not comment on the measures.")
    doc = analyze_text(text)
    assert sorted(s.name for s in doc.speakers) == ["Treasury", "US Treasury"]


def test_a_body_described_before_its_name_is_an_organisation(analyze_text):
    doc = analyze_text("Rents rose again.\n\nThe housing charity Shelter said rents had risen by a fifth.")
    assert [(s.name, s.role, s.kind) for s in doc.speakers] == [("Shelter", "housing charity",
                                                                 "organisation")]
    assert [o.name for o in doc.organisations if o.speaker_id] == ["Shelter"]
    assert "Shelter" not in [p.name for p in doc.people]


def test_a_party_and_mp_before_a_name_are_the_role(analyze_text):
    doc = analyze_text("The vote was held.\n\nLabour MP John Smith said the plan was wrong.\n\n"
                       "Later, John Smith said he would vote against it.")
    assert [(s.name, s.role, s.kind) for s in doc.speakers] == [("John Smith", "Labour MP", "person")]


def test_a_person_who_leads_a_body_is_still_a_person(analyze_text):
    doc = analyze_text("The barrier will close.\n\nGraham Stanhope, leader of Thurrock Council, "
                       "said the delay was unacceptable.")
    assert [(s.name, s.kind) for s in doc.speakers] == [("Graham Stanhope", "person")]
    assert "Graham Stanhope" not in [o.name for o in doc.organisations]


def test_plural_role_nouns_are_groups_not_people(analyze_text):
    doc = analyze_text("The talks stalled.\n\nOfficials said the quota would be cut. "
                       "The Scottish Fishermen’s Federation said it would fight the cut.")
    kinds = {s.name: s.kind for s in doc.speakers}
    assert kinds["Officials"] == "group"
    assert kinds["Scottish Fishermen’s Federation"] == "organisation"
    assert [p.name for p in doc.people] == []


def test_a_bare_capitalised_role_in_a_heading_is_the_office_holder(analyze_text):
    text = ("Budget day\n\nRachel Whitcombe, the Chancellor, said the Budget would be fair.\n\n"
            "Chancellor says: “We will not raise income tax.”")
    doc = analyze_text(text)
    assert [(s.name, s.role) for s in doc.speakers] == [("Rachel Whitcombe", "Chancellor")]

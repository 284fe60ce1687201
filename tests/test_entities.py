"""People and organisations: one entry each, the model's mistakes repaired, roles read."""

from __future__ import annotations

import pytest

from explorer.analysis.entities import find_entities
from explorer.analysis.pipeline import parse_text
from explorer.sources import read_text_article


@pytest.fixture(scope="module")
def entities_of(nlp):
    """The entity stage alone, so these tests see its output before speakers are linked."""

    def run(text: str):
        article = read_text_article(text)
        return find_entities(nlp(parse_text(article)), article)

    return run


def person(entities, name):
    found = [p for p in entities.people if p.name == name]
    assert len(found) == 1, f"{name!r} in {[p.name for p in entities.people]}"
    return found[0]


def mention_texts(text, item):
    return [m.text_of(text) for m in item.mentions]


def test_title_and_possessive_forms_merge_into_the_full_name(entities_of):
    text = ("Mr Donovan said the plan was wrong. Later, Kevin Donovan told reporters he would "
            "resign. Mr Donovan's spokesman declined to comment.")
    entities = entities_of(text)
    donovan = person(entities, "Kevin Donovan")
    assert mention_texts(text, donovan) == ["Mr Donovan", "Kevin Donovan", "Mr Donovan"]
    assert set(donovan.aliases) == {"Mr Donovan", "Kevin Donovan"}
    assert [p.name for p in entities.people] == ["Kevin Donovan"]


def test_different_titles_keep_two_people_with_one_surname_apart(entities_of):
    entities = entities_of("Mr Smith and Mrs Smith arrived. Mrs Smith said John Smith was late.")
    assert len(entities.people) == 2
    assert {tuple(sorted(p.aliases)) for p in entities.people} == {
        ("John Smith", "Mr Smith"), ("Mrs Smith",),
    }


def test_a_titled_name_tagged_as_organisation_is_a_person(entities_of):
    # The small model tags "Shabana Mahmood" and "Ms Mahmood" as ORG in the seed article.
    text = ("Failure to grip the migrant crisis is eroding trust, Shabana Mahmood is to warn. "
            "Ms Mahmood is to issue the warning in London.")
    entities = entities_of(text)
    mahmood = person(entities, "Shabana Mahmood")
    assert set(mahmood.aliases) == {"Shabana Mahmood", "Ms Mahmood"}
    assert not any("Mahmood" in o.name for o in entities.organisations)


def test_titles_leave_the_name_and_role_titles_become_the_role(entities_of):
    entities = entities_of(
        "Dr Anna Kowalski said the study was flawed. President Biden disagreed with Ms Kowalski."
    )
    kowalski = person(entities, "Anna Kowalski")
    assert kowalski.role == "Dr"
    assert set(kowalski.aliases) == {"Dr Anna Kowalski", "Ms Kowalski"}
    assert person(entities, "Biden").role == "President"


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Director general of the National Crime Agency, Graeme Biggar, will join the talks.",
         "Graeme Biggar", "Director general of the National Crime Agency"),
        ("Chris Philp, the shadow home secretary, added that the plan would fail.",
         "Chris Philp", "shadow home secretary"),
        ("Home Secretary Shabana Mahmood said the plan would work.",
         "Shabana Mahmood", "Home Secretary"),
        ("Labour leader Keir Starmer met voters in Leeds.", "Keir Starmer", "Labour leader"),
        ("Foreign Secretary David Lammy flew to Kyiv.", "David Lammy", "Foreign Secretary"),
    ],
)
def test_people_carry_the_role_the_sentence_gives_them(entities_of, text, name, role):
    assert person(entities_of(text), name).role == role


def test_a_photo_credit_is_not_a_person_in_the_story(entities_of):
    text = ("Protesters gathered outside the hospital as police arrived.\n\n"
            "Police lines at the gates (Maria Lopez/PA)\n\n"
            "Maria Lopez was not there.")
    entities = entities_of(text)
    lopez = person(entities, "Maria Lopez")
    assert mention_texts(text, lopez) == ["Maria Lopez"]
    assert text.index("Maria Lopez was") == lopez.mentions[0].start


def test_a_party_named_with_a_country_is_an_organisation(entities_of):
    text = "She attacked opponents such as Reform UK's Nigel Farage in Britain."
    entities = entities_of(text)
    assert [o.name for o in entities.organisations] == ["Reform UK"]
    assert [p.name for p in entities.places] == ["Britain"]
    assert [p.name for p in entities.people] == ["Nigel Farage"]


def test_parties_tagged_as_nationalities_are_organisations(entities_of):
    entities = entities_of("The Conservatives said the deal was poor. The Tories will vote no.")
    (party,) = entities.organisations  # two names of one party: one entry
    assert set(party.aliases) == {"Conservatives", "Tories"}


def test_the_first_word_of_a_role_is_not_an_organisation(entities_of):
    entities = entities_of("The Home Secretary met the Home Office team.")
    assert [o.name for o in entities.organisations] == ["Home Office"]


def test_an_acronym_joins_the_organisation_it_abbreviates(entities_of):
    text = "The National Crime Agency said the NCA had arrested five people."
    entities = entities_of(text)
    assert len(entities.organisations) == 1
    agency = entities.organisations[0]
    assert agency.name == "National Crime Agency"
    assert mention_texts(text, agency) == ["National Crime Agency", "NCA"]


def test_what_follows_a_role_and_of_is_an_organisation_not_a_place(entities_of):
    entities = entities_of("Dr Priya Patel, the chief executive of Oxfam, spoke in Manchester.")
    assert [o.name for o in entities.organisations] == ["Oxfam"]
    assert [p.name for p in entities.places] == ["Manchester"]


def test_ids_follow_the_order_of_first_mention(entities_of):
    entities = entities_of("Nigel Farage met Keir Starmer. Mr Farage spoke first.")
    assert [(p.id, p.name) for p in entities.people] == [("pe1", "Nigel Farage"),
                                                        ("pe2", "Keir Starmer")]


def test_the_header_is_not_content(entities_of):
    entities = entities_of("Title: Keir Starmer visits Paris\n\nThe minister spoke in Berlin.")
    assert [p.name for p in entities.places] == ["Berlin"]
    assert entities.people == ()


def test_seed_people_and_organisations(seed_doc):
    people = {p.name: p for p in seed_doc.people}
    for name in ("Shabana Mahmood", "Nigel Farage", "Graeme Biggar", "Chris Philp"):
        assert name in people, f"{name} missing from {sorted(people)}"
    assert not any("Fuller" in name for name in people)
    assert people["Graeme Biggar"].role == "Director general of the National Crime Agency"
    assert people["Chris Philp"].role == "shadow home secretary"
    organisations = {o.name for o in seed_doc.organisations}
    assert {"Home Office", "National Crime Agency", "Reform UK", "Conservatives"} <= organisations
    assert "ECHR" not in organisations  # the European Convention on Human Rights: a treaty
    place_names = {p.name for p in seed_doc.places}
    assert not organisations & place_names and not set(people) & place_names


def test_a_name_in_apposition_to_a_role_is_a_person(entities_of):
    entities = entities_of("The transport minister, Wilma Strand, said the line would reopen.")
    assert person(entities, "Wilma Strand").role == "transport minister"
    assert not entities.organisations


def test_a_name_in_apposition_to_union_is_an_organisation(entities_of):
    entities = entities_of("Unison, the union that represents porters, said no.")
    assert [o.name for o in entities.organisations] == ["Unison"]
    assert not entities.people


def test_a_role_leaves_out_possessives_titles_and_relative_clauses(entities_of):
    entities = entities_of(
        "The college warned of delays. Its president, Dr Ayo Bello, said beds were short. "
        "Jana Novak, a lawyer who advises charities in Brno, disagreed."
    )
    assert person(entities, "Ayo Bello").role == "president"
    assert person(entities, "Jana Novak").role == "lawyer"


def test_an_unknown_place_that_speaks_or_is_called_a_regulator_is_an_organisation(entities_of):
    entities = entities_of("The regulator, Ofwex, said it had opened an investigation.")
    assert [o.name for o in entities.organisations] == ["Ofwex"]
    assert not entities.places


def test_a_live_blog_timestamp_is_not_part_of_a_name(entities_of):
    text = "Rates held.\n\n16:28 North Sea producers\n\nOil firms said the levy would stay."
    entities = entities_of(text)
    assert all(not p.name[0].isdigit() for p in entities.places)


def test_a_party_is_an_organisation_whatever_the_model_says(entities_of):
    entities = entities_of("Labour said the plan was fair. Labour will vote for it.")
    assert [o.name for o in entities.organisations] == ["Labour"]
    assert not entities.people


def test_a_first_name_the_model_left_out_joins_the_name(entities_of):
    entities = entities_of(
        "The Northern Ireland finance minister, Caoimhe Gallagher, said the money was welcome."
    )
    gallagher = person(entities, "Caoimhe Gallagher")
    assert gallagher.role == "Northern Ireland finance minister"


def test_names_keep_their_own_spelling(entities_of):
    entities = entities_of("Mr O'Brien agreed with Siobhan O'Brien-Walsh.")
    assert {p.name for p in entities.people} == {"O'Brien", "Siobhan O'Brien-Walsh"}


def test_a_peer_keeps_the_title_as_the_role(entities_of):
    """A peerage says what the person is (role classes count Lord and Baroness as politics)."""
    entities = entities_of("Lord Penhallow said the bill was rushed. Ministers disagreed with Lord Penhallow.")
    assert person(entities, "Penhallow").role == "Lord"

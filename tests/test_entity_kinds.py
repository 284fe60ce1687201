"""The right kind for every entry (issue 13): places of each kind, names that are not people,
names that are not organisations, names found whole. Our own sentences throughout."""

from __future__ import annotations

import pytest

from explorer.analysis.entities import find_entities
from explorer.analysis.pipeline import parse_text
from explorer.sources import read_text_article


@pytest.fixture(scope="module")
def entities_of(nlp):
    def run(text: str):
        article = read_text_article(text)
        return find_entities(nlp(parse_text(article)), article)

    return run


def names(items):
    return {item.name for item in items}


def place_kinds(entities):
    return {p.name: p.kind for p in entities.places}


# --- places ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Flood warnings were issued across Cornwall on Tuesday.", {"Cornwall": "county"}),
        ("Walkers were rescued in the Blue Mountains overnight.",
         {"Blue Mountains": "natural_feature"}),
        ("The ferry from Fraserburgh was cancelled.", {"Fraserburgh": "town"}),
        ("Her bakery in Leura reopened after the fire.", {"Leura": "town"}),
        ("Farmers in Queensland want more help.", {"Queensland": "state"}),
        ("Old maps of Czechoslovakia were sold.", {"Czechoslovakia": "country"}),
    ],
)
def test_places_have_the_kind_the_data_gives(entities_of, text, expected):
    assert place_kinds(entities_of(text)) == expected


def test_a_town_and_the_town_with_city_after_it_are_one_place(entities_of):
    entities = entities_of("Shops in Sunderland city centre shut early. Sunderland voted no.")
    assert [(p.name, len(p.mentions)) for p in entities.places] == [("Sunderland", 2)]


def test_the_start_of_a_company_name_is_that_company_not_a_place(entities_of):
    entities = entities_of(
        "North Vale Water, which serves Devon, was fined £2m. North Vale said it would appeal."
    )
    assert place_kinds(entities) == {"Devon": "county"}
    (company,) = entities.organisations
    assert company.name == "North Vale Water" and len(company.mentions) == 2
    assert entities.people == ()


def test_a_government_named_after_its_country_is_not_a_place(entities_of):
    entities = entities_of("The Northern Ireland Executive met on Monday.")
    assert "Northern Ireland Executive" in names(entities.organisations)
    assert "Northern Ireland Executive" not in names(entities.places)


def test_a_player_named_by_surname_is_the_player_not_a_town(entities_of):
    entities = entities_of("Tom Reading scored twice. Later Reading was taken off injured.")
    assert names(entities.places) == set()
    (player,) = entities.people
    assert player.name == "Tom Reading" and len(player.mentions) == 2


def test_a_town_after_of_a_person_is_a_place(entities_of):
    entities = entities_of("Ruth Kendal, of Kendal, said the bus had been cut.")
    assert place_kinds(entities) == {"Kendal": "town"}


# --- not people -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Scotland gets more under the Barnett formula, critics say.",
        "Spending was higher under the Attlee government.",
        "The Welsh were furious about the decision.",
        "Britons spent less on holidays this year.",
        "Viewers complained to the Newsnight programme.",
        "The Finance Bill will be published next week.",
    ],
)
def test_eponyms_peoples_programmes_and_bills_are_not_people(entities_of, text):
    entities = entities_of(text)
    assert entities.people == ()


@pytest.mark.parametrize(
    ("text", "company"),
    [
        ("The show's producer Tallmark said the footage was fake.", "Tallmark"),
        ("Shares in Corvane fell after a Corvane spokesman declined to comment.", "Corvane"),
        ("Odds were cut by bookmaker Harold Penn.", "Harold Penn"),
        ("Passengers praised Skylark Airlines for the refund.", "Skylark Airlines"),
    ],
)
def test_companies_are_not_people(entities_of, text, company):
    entities = entities_of(text)
    assert company in names(entities.organisations)
    assert company not in names(entities.people)


# --- not organisations, or not cut ----------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "VAT will stay at 20% and National Insurance will rise.",
        "The Energy Profits Levy raised less than forecast.",
        "Talks on the 1995 Dayton peace agreement resumed.",
        "The Trade and Industry Secretary spoke first.",
        "Three MPs and two MEPs signed the letter at 10:00 GMT.",
    ],
)
def test_taxes_treaties_portfolios_and_roles_are_not_organisations(entities_of, text):
    assert entities_of(text).organisations == ()


@pytest.mark.parametrize(
    "name",
    [
        "Offshore Energies UK",
        "High Judicial and Prosecutorial Council",
        "Department for Work and Pensions",
        "Department for Culture, Media and Sport",
        "Welsh Liberal Democrats",
        "European Low-fare Airlines Association",
    ],
)
def test_names_of_several_words_are_found_whole(entities_of, name):
    entities = entities_of(f"A spokesman for the {name} said the plan was unfair.")
    assert name in names(entities.organisations)


def test_one_party_under_two_names_is_one_entry(entities_of):
    entities = entities_of("The Lib Dems voted against. The Liberal Democrats said so twice.")
    (party,) = entities.organisations
    assert len(party.mentions) == 2


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Traders gathered outside the Wool Exchange on Friday.", "Wool Exchange"),
        ("The plan was written for the North of England, she said.", "North of England"),
    ],
)
def test_buildings_and_areas_the_model_calls_bodies_are_places(entities_of, text, place):
    entities = entities_of(text)
    assert place in names(entities.places)
    assert place not in names(entities.organisations)


def test_a_common_word_opening_a_heading_is_not_a_body(entities_of):
    entities = entities_of("10:15 Retail sector in Leeds\n\nShops in Leeds had a good week.")
    assert entities.organisations == ()


def test_a_treaty_is_not_a_body(entities_of):
    entities = entities_of(
        "The party would leave the ECHR. Ministers signed the Paris Convention and the Kyoto "
        "Protocol."
    )
    assert entities.organisations == ()


def test_a_body_named_after_a_province_is_a_body(entities_of):
    entities = entities_of("Retail Ulster said shops in Newry would struggle.")
    assert "Retail Ulster" in names(entities.organisations)
    assert entities.people == ()


# --- works ----------------------------------------------------------------------------------


def test_programmes_and_series_are_works_not_people_or_bodies(analyze_text):
    from explorer import model_json

    doc = analyze_text(
        "She told the Nightwatch programme the plan was late. Fans of the Line of Duty series "
        "wrote to Radio 4's Today programme."
    )
    assert [(w.id, w.name, w.kind) for w in doc.works] == [
        ("w1", "Nightwatch", "programme"), ("w2", "Line of Duty", "series"),
        ("w3", "Today", "programme"),
    ]
    titles = {"Nightwatch", "Line of Duty", "Today"}
    assert not titles & {item.name for item in (*doc.people, *doc.organisations, *doc.places)}
    assert doc.item("w2").name == "Line of Duty"
    again = model_json.loads(model_json.dumps(doc))
    assert again.works == doc.works

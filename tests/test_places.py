"""Places: one entry per place, names the model splits or clips repaired, a kind for each."""

from __future__ import annotations

import pytest

from explorer.analysis import gazetteer


def places_of(doc):
    return {p.name: p for p in doc.places}


@pytest.mark.parametrize(
    ("name", "kind", "standard"),
    [
        ("the Channel", "body_of_water", "English Channel"),
        ("Kosovo", "country", "Kosovo"),
        ("London", "city", "London"),
        ("Western Balkans", "region", "Western Balkans"),
        ("Europe", "region", "Europe"),
        ("U.K.", "country", "United Kingdom"),
        ("Britain", "country", "United Kingdom"),
        ("America", "country", "United States"),
        ("Lake Victoria", "body_of_water", "Lake Victoria"),
        ("Georgia", "country", "Georgia"),
    ],
)
def test_gazetteer_kinds(name, kind, standard):
    info = gazetteer.lookup(name)
    assert info is not None and (info.kind, info.name) == (kind, standard)


def test_gazetteer_groups_the_names_of_one_country():
    groups = {gazetteer.lookup(n).group for n in ("UK", "U.K.", "Britain", "United Kingdom")}
    assert groups == {"country:GBR"}
    assert gazetteer.lookup("US").group == gazetteer.lookup("United States").group
    assert gazetteer.lookup("US").group != gazetteer.lookup("UK").group


def test_gazetteer_does_not_know_demonyms_or_parties():
    assert gazetteer.lookup("European") is None
    assert gazetteer.lookup("Reform UK") is None


def test_a_split_country_name_is_one_place(analyze_text):
    doc = analyze_text("Ministers from Bosnia and Herzegovina and North Macedonia met in Vienna.")
    places = places_of(doc)
    assert set(places) == {"Bosnia and Herzegovina", "North Macedonia", "Vienna"}
    assert places["Bosnia and Herzegovina"].kind == "country"
    assert places["Vienna"].kind == "city"


def test_a_list_of_countries_keeps_the_one_with_and_whole(analyze_text):
    text = ("The region includes North Macedonia, Montenegro, Serbia, Albania, Bosnia and "
            "Herzegovina and Kosovo.")
    doc = analyze_text(text)
    assert [p.name for p in doc.places] == [
        "North Macedonia", "Montenegro", "Serbia", "Albania", "Bosnia and Herzegovina", "Kosovo",
    ]
    assert all(p.kind == "country" for p in doc.places)


def test_names_of_one_country_are_one_place_with_every_form_kept(analyze_text):
    text = "The Tories said Britain and the UK were the same place. America agreed with the US."
    places = analyze_text(text).places
    assert len(places) == 2
    britain, america = places
    assert britain.aliases == ("Britain", "UK") and britain.kind == "country"
    assert [m.text_of(text) for m in britain.mentions] == ["Britain", "UK"]
    assert set(america.aliases) == {"America", "US"}


def test_demonyms_are_not_places(analyze_text):
    doc = analyze_text("European leaders and British officials gathered in Brussels.")
    assert [p.name for p in doc.places] == ["Brussels"]


def test_a_water_the_model_missed_is_found_with_its_kind(analyze_text):
    text = "Boats set off to cross the Channel from France."
    places = places_of(analyze_text(text))
    assert places["Channel"].kind == "body_of_water"
    assert [m.text_of(text) for m in places["Channel"].mentions] == ["Channel"]
    assert places["France"].kind == "country"


def test_a_city_the_model_took_for_a_person_is_a_place(analyze_text):
    doc = analyze_text("Foreign Secretary David Lammy flew to Kyiv.")
    assert [(p.name, p.kind) for p in doc.places] == [("Kyiv", "city")]
    assert "Kyiv" not in {p.name for p in doc.people}


def test_a_region_the_model_took_for_an_organisation_is_a_place(analyze_text):
    text = ("The Western Balkans has become a transit route. Gangs moved people through the "
            "Western Balkans in 2024.")
    places = places_of(analyze_text(text))
    assert places["Western Balkans"].kind == "region"
    assert len(places["Western Balkans"].mentions) == 2


def test_seed_places(seed_doc):
    places = places_of(seed_doc)
    expected = {
        "Britain": "country", "London": "city", "Western Balkans": "region",
        "North Macedonia": "country", "Montenegro": "country", "Serbia": "country",
        "Albania": "country", "Bosnia and Herzegovina": "country", "Kosovo": "country",
        "Europe": "region", "France": "country", "Channel": "body_of_water",
    }
    assert {name: places[name].kind for name in expected if name in places} == expected
    assert set(places["Britain"].aliases) == {"Britain", "UK"}
    assert set(places) == set(expected), "a person or organisation is among the places"


def test_names_listed_with_a_place_are_places_everywhere(analyze_text):
    text = ("Crews came from Wollara. Visitors will return to Wollara, Leura and Blackwell once "
            "roads reopen.")
    places = places_of(analyze_text(text))
    assert {"Leura", "Blackwell", "Wollara"} <= set(places)
    assert len(places["Wollara"].mentions) == 2


def test_a_town_listed_with_a_county_is_a_place(analyze_text):
    places = places_of(analyze_text("The spills were concentrated in Devon and Cornwall."))
    assert set(places) == {"Devon", "Cornwall"}
    assert (places["Devon"].kind, places["Cornwall"].kind) == ("county", "county")


def test_a_capital_standing_for_its_government_is_a_place(analyze_text):
    doc = analyze_text("The EU offered more time, which Oslo rejected.")
    assert [(p.name, p.kind) for p in doc.places] == [("Oslo", "city")]


def test_somewhere_people_are_in_is_a_place(analyze_text):
    doc = analyze_text("The council will open a new arena in Digbeth next year.")
    assert [p.name for p in doc.places] == ["Digbeth"]
    assert "Digbeth" not in {p.name for p in doc.people}


def test_us_state_abbreviations_need_their_dot():
    assert gazetteer.lookup("Miss.").name == "Mississippi"
    assert gazetteer.lookup("Ga.").kind == "state"
    assert gazetteer.lookup("Miss") is None  # a title, not a state


def test_a_name_ending_in_sea_with_an_institution_word_is_not_water():
    assert gazetteer.lookup("Council for the Exploration of the Sea") is None
    assert gazetteer.lookup("Lake Kariba").kind == "body_of_water"


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        ("Cornwall", "county"),  # a county of England, not the town in Ontario
        ("Kent", "county"),
        ("New South Wales", "state"),
        ("Texas", "state"),
        ("Queensland", "state"),
        ("Hartlepool", "town"),  # a town, though also a unitary authority
        ("Margate", "town"),
        ("Manchester", "city"),
        ("the Blue Mountains", "natural_feature"),
        ("Swansea Valley", "natural_feature"),
        ("Mount Kenya", "natural_feature"),
        ("Czechoslovakia", "country"),
        ("Lake Charles", "town"),  # a town named after a lake is no lake
    ],
)
def test_gazetteer_kinds_from_real_data(name, kind):
    assert gazetteer.lookup(name).kind == kind


def test_small_towns_are_found_only_through_lookup_town():
    assert gazetteer.lookup("Leura") is None
    assert gazetteer.lookup_town("Leura").kind == "town"
    assert gazetteer.lookup_town("Fraserburgh").kind == "town"
    assert gazetteer.lookup_town("Zzyzxqvillage") is None

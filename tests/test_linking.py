"""Linking speakers to the people and organisations panels: one entry, one count."""

from __future__ import annotations

import pytest

from explorer.analysis.entities import Entities
from explorer.analysis.linking import link_speakers, names_a_person, share_mentions
from explorer.model import Organisation, Person, Span, Speaker


@pytest.mark.parametrize("name", ["Rosa Park", "Ms Park", "Jenny", "Tom de la Cruz", "Okonjo"])
def test_names_that_name_a_person(name):
    assert names_a_person(name)


@pytest.mark.parametrize("name", [
    "a spokesman", "She", "the minister", "A Treasury spokeswoman", "Big Brother's spokeswoman",
    "One fund manager", "Music Makers' Forum", "Care England", "the Executive",
])
def test_descriptions_and_bodies_do_not_name_a_person(name):
    assert not names_a_person(name)


def test_a_described_speaker_makes_no_person_entry():
    speakers = (Speaker(id="s1", name="A spokeswoman", kind="person", mentions=(Span(0, 13),)),
                Speaker(id="s2", name="She", kind="person", mentions=(Span(30, 33),)))
    people, organisations = link_speakers(Entities(), speakers)
    assert people == () and organisations == ()


def test_the_body_a_spokesperson_stands_for_is_an_organisation():
    speaker = Speaker(id="s1", name="A spokeswoman for Quillcorp", kind="person",
                      mentions=(Span(0, 27),))
    entities = Entities(people=(Person(id="pe1", name="Quillcorp", aliases=("Quillcorp",),
                                       mentions=(Span(18, 27),)),))
    people, organisations = link_speakers(entities, (speaker,))
    assert people == ()
    assert [o.name for o in organisations] == ["Quillcorp"]


def test_a_speaking_body_has_one_count_in_every_panel():
    speaker = Speaker(id="s1", name="Home Office", kind="organisation",
                      mentions=(Span(3, 18), Span(70, 85)))
    entities = Entities(organisations=(
        Organisation(id="o1", name="Home Office", mentions=(Span(3, 18),)),
    ))
    people, organisations = link_speakers(entities, (speaker,))
    (linked,) = share_mentions((speaker,), people, organisations)
    assert organisations[0].mentions == (Span(3, 18), Span(70, 85))
    assert linked.mentions == organisations[0].mentions


def test_two_spellings_of_one_speaking_body_are_one_entry():
    speaker = Speaker(id="s1", name="Labour Party", kind="organisation",
                      aliases=("Labour",), mentions=(Span(0, 6), Span(20, 32)))
    entities = Entities(organisations=(
        Organisation(id="o1", name="Labour", mentions=(Span(0, 6),)),
        Organisation(id="o2", name="Labour Party", mentions=(Span(20, 32),)),
    ))
    _, organisations = link_speakers(entities, (speaker,))
    assert len(organisations) == 1
    assert set(organisations[0].aliases) >= {"Labour", "Labour Party"}


def test_seed_home_office_counts_agree(seed_doc):
    speaker = next(s for s in seed_doc.speakers if s.name == "Home Office")
    office = next(o for o in seed_doc.organisations if o.speaker_id == speaker.id)
    assert len(office.mentions) == len(speaker.mentions) == 2

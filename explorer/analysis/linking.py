"""Tie speakers to the people and organisations panels, so each appears under one name."""

from __future__ import annotations

from dataclasses import replace

from explorer.analysis.entities import Entities
from explorer.model import Organisation, Person, Speaker


def _key(name: str) -> str:
    return " ".join(name.lower().split())


def link_speakers(
    entities: Entities, speakers: tuple[Speaker, ...]
) -> tuple[tuple[Person, ...], tuple[Organisation, ...]]:
    """Set ``speaker_id`` on matching people/organisations; add quoted people never tagged.

    A person who speaks is both in ``people`` and ``speakers`` with the same name.
    """
    by_name = {_key(s.name): s for s in speakers}
    by_alias = {_key(a): s for s in speakers for a in s.aliases}

    def speaker_for(name: str, aliases: tuple[str, ...]) -> Speaker | None:
        found = by_name.get(_key(name))
        if found is None:
            found = next((by_alias[_key(a)] for a in aliases if _key(a) in by_alias), None)
        return found

    people: list[Person] = []
    linked: set[str] = set()
    for person in entities.people:
        speaker = speaker_for(person.name, person.aliases)
        if speaker is not None and speaker.kind == "person":
            linked.add(speaker.id)
            person = replace(person, name=speaker.name, speaker_id=speaker.id)
        people.append(person)
    for speaker in speakers:
        if speaker.kind == "person" and speaker.id not in linked:
            people.append(
                Person(
                    id=f"pe{len(people) + 1}",
                    name=speaker.name,
                    role=speaker.role,
                    aliases=speaker.aliases,
                    mentions=speaker.mentions,
                    speaker_id=speaker.id,
                )
            )
    organisations = []
    for organisation in entities.organisations:
        speaker = speaker_for(organisation.name, organisation.aliases)
        if speaker is not None and speaker.kind in ("organisation", "group"):
            organisation = replace(organisation, speaker_id=speaker.id)
        organisations.append(organisation)
    return tuple(people), tuple(organisations)

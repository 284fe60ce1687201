"""Tie speakers to the people and organisations panels, so each appears under one name."""

from __future__ import annotations

from dataclasses import replace

from explorer.analysis.entities import Entities
from explorer.model import Organisation, Person, Span, Speaker


def _key(name: str) -> str:
    """A name compared loosely: case, spacing and a leading ``the`` do not count."""
    words = name.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


class _SpeakerIndex:
    """Finds the speaker an entity stands for: by a shared mention, else by name or alias."""

    def __init__(self, speakers: tuple[Speaker, ...]) -> None:
        self._by_name = {_key(s.name): s for s in speakers}
        self._by_alias = {_key(a): s for s in speakers for a in s.aliases}
        self._mentions = sorted((m, s) for s in speakers for m in s.mentions)

    def find(self, name: str, aliases: tuple[str, ...], mentions: tuple[Span, ...]) -> Speaker | None:
        for mention in mentions:
            for spoken, speaker in self._mentions:
                if spoken.overlaps(mention):
                    return speaker
        return self.find_by_name(name, aliases)

    def find_by_name(self, name: str, aliases: tuple[str, ...]) -> Speaker | None:
        """Only a speaker called the same: an organisation named inside another's mention
        (``Government`` in ``the Government department``) is not that speaker."""
        found = self._by_name.get(_key(name))
        if found is None:
            found = next((self._by_alias[_key(a)] for a in (name, *aliases) if _key(a) in self._by_alias), None)
        return found


def _merge_aliases(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for alias in group:
            seen.setdefault(_key(alias), alias)
    return tuple(seen.values())


def link_speakers(
    entities: Entities, speakers: tuple[Speaker, ...]
) -> tuple[tuple[Person, ...], tuple[Organisation, ...]]:
    """One person entry per quoted person, named as the speaker, with ``speaker_id`` set.

    People and organisations (spaCy often tags a titled name as an
    organisation) that name a person speaker merge into that person's entry;
    organisations that speak get ``speaker_id``. Person ids are renumbered so
    they stay unique after merging.
    """
    index = _SpeakerIndex(speakers)
    people: list[Person] = []
    entry_of: dict[str, int] = {}

    def merge(speaker: Speaker, aliases: tuple[str, ...], mentions: tuple[Span, ...]) -> None:
        if speaker.id in entry_of:
            existing = people[entry_of[speaker.id]]
            people[entry_of[speaker.id]] = replace(
                existing,
                aliases=_merge_aliases(existing.aliases, aliases),
                mentions=tuple(sorted(set(existing.mentions) | set(mentions))),
            )
            return
        entry_of[speaker.id] = len(people)
        people.append(Person(
            id="", name=speaker.name, role=speaker.role,
            aliases=_merge_aliases((speaker.name,), aliases, speaker.aliases),
            mentions=tuple(sorted(set(mentions) | set(speaker.mentions))),
            speaker_id=speaker.id,
        ))

    organisations: list[Organisation] = []
    for person in entities.people:
        speaker = index.find(person.name, person.aliases, person.mentions)
        if speaker is not None and speaker.kind == "person":
            merge(speaker, person.aliases, person.mentions)
        elif speaker is not None and speaker.kind == "organisation":
            # "the housing charity Shelter": the model took the name for a person's
            organisations.append(Organisation(
                id="", name=speaker.name, aliases=_merge_aliases((speaker.name,), person.aliases),
                mentions=person.mentions, speaker_id=speaker.id))
        else:
            people.append(person)
    for organisation in entities.organisations:
        speaker = index.find_by_name(organisation.name, organisation.aliases)
        if speaker is not None and speaker.kind == "person":
            merge(speaker, organisation.aliases, organisation.mentions)
            continue
        if speaker is not None and speaker.kind in ("organisation", "group", "unknown"):
            organisation = replace(organisation, speaker_id=speaker.id)
        organisations.append(organisation)
    for speaker in speakers:
        if speaker.kind == "person" and speaker.id not in entry_of:
            merge(speaker, (), ())
    numbered = tuple(replace(p, id=f"pe{i}") for i, p in enumerate(people, 1))
    ordered = sorted(organisations, key=lambda o: min((m.start for m in o.mentions), default=0))
    return numbered, tuple(replace(o, id=f"o{i}") for i, o in enumerate(ordered, 1))

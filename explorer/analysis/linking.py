"""Tie speakers to the people and organisations panels, so each appears under one name,
with one set of mentions that every panel counts."""

from __future__ import annotations

import re
from dataclasses import replace

from explorer.analysis.entities import Entities
from explorer.analysis.entities.clues import COMPANY_SUFFIXES, SPORT_SUFFIXES
from explorer.analysis.entities.first_names import is_first_name
from explorer.analysis.entities.mentions import PARTIES
from explorer.analysis.entities.people import ORGANISATION_NOUNS, ORGANISATION_WORDS
from explorer.analysis.gazetteer import lookup
from explorer.analysis.lexicons import words
from explorer.model import Organisation, Person, Span, Speaker

NAME_CONNECTORS = words("name_connectors")
"""Lower-case words a proper name may hold ("Tom de la Mare")."""

NOT_A_NAME = words("not_a_name") | words("subject_pronouns") | words("spokesperson_nouns")
"""Words that show a speaker is a description, not a person's name."""

_WORD = re.compile(r"[\w'’&.-]+")


def _key(name: str) -> str:
    """A name compared loosely: case, spacing and a leading ``the`` do not count."""
    words = name.lower().split()
    if words[:1] == ["the"]:
        words = words[1:]
    return " ".join(words)


def _words(name: str) -> list[str]:
    return _WORD.findall(name)


def names_a_person(name: str) -> bool:
    """ "Ms Park", "Rosa Park", "Jenny": a name a reader can look up. Not "a spokesman",
    "She", "the minister", "Big Brother's spokeswoman", nor a body ("Care England")."""
    words = _words(name)
    if not words or not words[0][:1].isupper():
        return False
    lowered = [w.lower().rstrip(".") for w in words]
    if any(w.removesuffix("'s").removesuffix("’s") in NOT_A_NAME for w in lowered):
        return False
    if any(w in ORGANISATION_WORDS or w in ORGANISATION_NOUNS for w in lowered):
        return False
    if " ".join(lowered) in PARTIES | {"lib dem", "tory", "labour"}:
        return False
    if len(words) > 1 and (lowered[-1] in COMPANY_SUFFIXES or (
        lowered[-1] in SPORT_SUFFIXES and lookup(words[0]) is not None
    )):
        return False  # "Delta Airlines", "Manchester United"
    if not all(w[:1].isupper() or w.lower() in NAME_CONNECTORS for w in words):
        return False
    if is_first_name(words[0]):
        return True
    if len(words) == 1 and lookup(words[0]) is not None:
        return False  # "Glasgow": a place that speaks through its people
    return not any(_is_country(w) for w in words)


def _is_country(word: str) -> bool:
    info = lookup(word)
    return info is not None and info.kind in ("country", "region", "county", "state")


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
        if found is not None and _key(found.name).startswith(_key(name) + " ") and not all(
            w in ORGANISATION_WORDS for w in _key(found.name)[len(_key(name)) + 1 :].split()
        ):
            return None  # "NHS" is not the "NHS Confederation" ("Labour" is the "Labour Party")
        return found


def _union(kept: tuple[Span, ...], more: tuple[Span, ...]) -> tuple[Span, ...]:
    """Mentions of both, in order; one of ``more`` overlapping one of ``kept`` ("the Home
    Office" over "Home Office") is the same mention and is not counted twice."""
    spans = set(kept)
    for span in sorted(set(more)):
        if not any(span.overlaps(k) for k in spans):
            spans.add(span)
    return tuple(sorted(spans))


def _merge_aliases(*groups: tuple[str, ...]) -> tuple[str, ...]:
    seen: dict[str, str] = {}
    for group in groups:
        for alias in group:
            seen.setdefault(_key(alias), alias)
    return tuple(seen.values())


def _is_person_speaker(speaker: Speaker) -> bool:
    return speaker.kind == "person" and names_a_person(speaker.name)


def _speaks_for(speaker: Speaker, person: Person) -> bool:
    """The person entry is the body a spokesperson speaker stands for: one word, no title
    or first name ("Bat" in "a spokeswoman for Bat"; not "Blair" of "Tony Blair")."""
    if speaker.kind not in ("person", "spokesperson") or names_a_person(speaker.name):
        return False
    lowered = {w.lower() for w in _words(speaker.name)}
    if not lowered & {"spokesman", "spokeswoman", "spokesperson"}:
        return False
    words = _words(person.name)
    return len(words) == 1 and not is_first_name(words[0]) and all(
        len(_words(a)) == 1 for a in person.aliases)


def _is_body_speaker(speaker: Speaker, organisation_names: set[str]) -> bool:
    """A body that speaks, including one the quote stage took for a person ("Endemol said")
    when the entity stage or the name's words say it is an organisation."""
    if speaker.kind in ("organisation", "group", "unknown"):
        return True
    return speaker.kind == "person" and not names_a_person(speaker.name) and (
        _key(speaker.name) in organisation_names
        or any(w.lower() in ORGANISATION_WORDS for w in _words(speaker.name))
    )


def _bodies_by_the_entity_stage(
    entities: Entities, speakers: tuple[Speaker, ...]
) -> tuple[Speaker, ...]:
    """A speaker the quote stage calls a person, whose name the entity stage found only as an
    organisation ("Endemol said", "William Hill spokesman ..."), is that organisation."""
    organisation_names = {_key(a) for o in entities.organisations for a in (o.name, *o.aliases)}
    person_names = {_key(a) for p in entities.people for a in (p.name, *p.aliases)}
    person_mentions = [m for p in entities.people for m in p.mentions]

    def is_body(speaker: Speaker) -> bool:
        return (
            speaker.kind == "person" and _key(speaker.name) in organisation_names
            and (len(_words(speaker.name)) == 1 or not names_a_person(speaker.name))
            and _key(speaker.name) not in person_names
            and not any(m.overlaps(p) for m in speaker.mentions for p in person_mentions)
        )

    return tuple(replace(s, kind="organisation") if is_body(s) else s for s in speakers)


def link_speakers(
    entities: Entities, speakers: tuple[Speaker, ...]
) -> tuple[tuple[Person, ...], tuple[Organisation, ...]]:
    """One person entry per quoted person, named as the speaker, with ``speaker_id`` set.

    People and organisations (spaCy often tags a titled name as an
    organisation) that name a person speaker merge into that person's entry;
    organisations that speak get ``speaker_id`` and the speaker's mentions.
    A speaker known only by a description ("a spokesman", "She") makes no
    person entry. Person ids are renumbered so they stay unique after merging.
    """
    speakers = _bodies_by_the_entity_stage(entities, speakers)
    index = _SpeakerIndex(speakers)
    organisation_names = {_key(o.name) for o in entities.organisations}
    people: list[Person] = []
    entry_of: dict[str, int] = {}

    def merge(speaker: Speaker, aliases: tuple[str, ...], mentions: tuple[Span, ...]) -> None:
        if speaker.id in entry_of:
            existing = people[entry_of[speaker.id]]
            people[entry_of[speaker.id]] = replace(
                existing,
                aliases=_merge_aliases(existing.aliases, aliases),
                mentions=_union(existing.mentions, mentions),
            )
            return
        entry_of[speaker.id] = len(people)
        people.append(Person(
            id="", name=speaker.name, role=speaker.role,
            aliases=_merge_aliases((speaker.name,), aliases, speaker.aliases),
            mentions=_union(mentions, speaker.mentions),
            speaker_id=speaker.id,
        ))

    organisations: list[Organisation] = []
    for person in entities.people:
        speaker = index.find(person.name, person.aliases, person.mentions)
        if speaker is not None and _is_person_speaker(speaker):
            merge(speaker, person.aliases, person.mentions)
        elif speaker is not None and speaker.kind == "organisation":
            # "the housing charity Shelter": the model took the name for a person's
            organisations.append(Organisation(
                id="", name=speaker.name, aliases=_merge_aliases((speaker.name,), person.aliases),
                mentions=person.mentions, speaker_id=speaker.id))
        elif speaker is not None and _speaks_for(speaker, person):
            # "a spokeswoman for Bat": the name a spokesperson stands for is a body's
            organisations.append(Organisation(id="", name=person.name, aliases=person.aliases,
                                              mentions=person.mentions))
        else:
            people.append(person)
    for organisation in entities.organisations:
        speaker = index.find_by_name(organisation.name, organisation.aliases)
        if speaker is not None and _is_person_speaker(speaker):
            merge(speaker, organisation.aliases, organisation.mentions)
            continue
        if speaker is not None and _is_body_speaker(speaker, organisation_names):
            organisation = replace(organisation, speaker_id=speaker.id)
        organisations.append(organisation)
    for speaker in speakers:
        if _is_person_speaker(speaker) and speaker.id not in entry_of:
            merge(speaker, (), ())
    organisations = _with_speaker_mentions(_one_entry_per_speaker(organisations), speakers)
    numbered = tuple(replace(p, id=f"pe{i}") for i, p in enumerate(people, 1))
    ordered = sorted(organisations, key=lambda o: min((m.start for m in o.mentions), default=0))
    return numbered, tuple(replace(o, id=f"o{i}") for i, o in enumerate(ordered, 1))


def _one_entry_per_speaker(organisations: list[Organisation]) -> list[Organisation]:
    """Entries tied to one speaker ("Labour", "Labour Party") become one entry."""
    merged: dict[str, Organisation] = {}
    out: list[Organisation] = []
    for organisation in organisations:
        if organisation.speaker_id is None:
            out.append(organisation)
            continue
        first = merged.get(organisation.speaker_id)
        if first is None:
            merged[organisation.speaker_id] = organisation
            out.append(organisation)
            continue
        combined = replace(
            first, aliases=_merge_aliases((first.name,), first.aliases, (organisation.name,),
                                           organisation.aliases),
            mentions=_union(first.mentions, organisation.mentions))
        out[out.index(first)] = combined
        merged[organisation.speaker_id] = combined
    return out


def _with_speaker_mentions(
    organisations: list[Organisation], speakers: tuple[Speaker, ...]
) -> list[Organisation]:
    by_id = {s.id: s for s in speakers}
    return [
        replace(o, mentions=_union(o.mentions, by_id[o.speaker_id].mentions))
        if o.speaker_id in by_id else o
        for o in organisations
    ]


def share_mentions(
    speakers: tuple[Speaker, ...], people: tuple[Person, ...], organisations: tuple[Organisation, ...]
) -> tuple[Speaker, ...]:
    """Each linked speaker gets the mentions of its entry, so the speakers panel and the
    people or organisations panel count a person or body the same."""
    entries = {e.speaker_id: e for e in (*people, *organisations) if e.speaker_id is not None}
    return tuple(
        replace(s, mentions=entries[s.id].mentions) if s.id in entries else s for s in speakers
    )

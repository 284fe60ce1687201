"""Merging mentions into one entry per real-world person, organisation or place."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc

from explorer.analysis.entities import people
from explorer.analysis.entities.mentions import Mention
from explorer.analysis.gazetteer import lookup_town, place_key
from explorer.analysis.lexicons import words
from explorer.analysis.names import TITLES, could_be_same_person, title_gender
from explorer.model import Organisation, Person, Place, PlaceKind, Span

ACRONYM_SKIP = frozenset({"of", "the", "and", "for", "&"})


@dataclass
class _Entry:
    """An entry being built: its mentions, surface forms and what we know of it."""

    name: str
    mentions: list[Span] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    kind: PlaceKind = "other"
    gender: str | None = None

    def add(self, span: Span, alias: str) -> None:
        self.mentions.append(span)
        if alias not in self.aliases:
            self.aliases.append(alias)

    @property
    def first(self) -> int:
        return min(s.start for s in self.mentions)

    @property
    def fullest_alias(self) -> str:
        return max(self.aliases, key=lambda a: (len(a.split()), len(a)))


def _char_span(doc: Doc, start: int, end: int) -> Span:
    return Span(doc[start].idx, doc[end - 1].idx + len(doc[end - 1]))


def _surface(doc: Doc, start: int, end: int) -> str:
    return " ".join(doc[start:end].text.split())


def _ordered(entries: list[_Entry]) -> list[_Entry]:
    return sorted(entries, key=lambda e: e.first)


def group_places(doc: Doc, mentions: list[Mention]) -> tuple[Place, ...]:
    """One place per gazetteer group ("UK", "Britain" together), else per spelling."""
    entries: dict[str, _Entry] = {}
    for mention in mentions:
        surface = _surface(doc, mention.start, mention.end)
        info = lookup_town(surface)  # the parse already says it is a place
        key = info.group if info else place_key(surface)
        entry = entries.setdefault(key, _Entry(name=surface, kind=info.kind if info else "other"))
        entry.add(_char_span(doc, mention.start, mention.end), surface)
    return tuple(
        Place(id=f"p{i}", name=entry.fullest_alias, kind=entry.kind,
              aliases=tuple(entry.aliases), mentions=tuple(sorted(set(entry.mentions))))
        for i, entry in enumerate(_ordered(list(entries.values())), 1)
    )


def _acronym(name: str) -> str:
    return "".join(w[0] for w in name.split() if w.lower() not in ACRONYM_SKIP).upper()


PARTY_NAMES = {
    "lib dems": "Liberal Democrats", "liberal democrats": "Liberal Democrats",
    "liberal democrat party": "Liberal Democrats",
    "tories": "Conservatives", "conservatives": "Conservatives",
    "conservative party": "Conservatives", "tory party": "Conservatives",
    "labour": "Labour", "labour party": "Labour", "greens": "Green Party",
    "green party": "Green Party", "plaid": "Plaid Cymru", "plaid cymru": "Plaid Cymru",
    "ukip": "UKIP", "uk independence party": "UKIP",
}
"""Names of one party: "the Tories" and "the Conservatives" are one entry."""


def _organisation_key(surface: str) -> str:
    lowered = surface.lower()
    return PARTY_NAMES.get(lowered, lowered).lower()


def _organisation_entries(doc: Doc, mentions: list[Mention]) -> list[_Entry]:
    entries: dict[str, _Entry] = {}
    for mention in mentions:
        surface = _surface(doc, mention.start, mention.end)
        entry = entries.setdefault(_organisation_key(surface), _Entry(name=surface))
        entry.add(_char_span(doc, mention.start, mention.end), surface)
    # "South Vale" after "South Vale Water": the start of one longer name is that body.
    for key, entry in list(entries.items()):
        longer = [e for k, e in entries.items() if k.startswith(key + " ")]
        if (
            len(longer) == 1 and not entry.name.isupper() and len(entry.name) > 3
            and longer[0].name.split()[-1].lower() not in people.ORGANISATION_WORDS
        ):  # "Senate" is not the "Senate ... Committee", a body of its own
            for span in entry.mentions:
                longer[0].add(span, entry.name)
            del entries[key]
    # "NCA" after "the National Crime Agency": one organisation.
    by_acronym = {_acronym(e.name): e for e in entries.values() if len(e.name.split()) > 1}
    for key, entry in list(entries.items()):
        target = by_acronym.get(entry.name) if entry.name.isupper() else None
        if target is not None and target is not entry:
            for span in entry.mentions:
                target.add(span, entry.name)
            del entries[key]
    return list(entries.values())


HONORIFICS = words("honorifics")
"""Titles that say nothing of a role; other titles ("Dr", "Senator") are kept as one."""


def _person_name(doc: Doc, mention: Mention) -> tuple[str, str, Span, str | None, str | None]:
    """(name without title or role, surface form, its span, role, gender from the title)."""
    words = people.name_words(doc[mention.start : mention.end])
    role_words, name_words = people.split_role_prefix(words)
    surface = _surface(doc, name_words[0].i, name_words[-1].i + 1)
    span = _char_span(doc, name_words[0].i, name_words[-1].i + 1)
    gender = title_gender(surface)
    title_role = None
    while len(name_words) > 1 and name_words[0].lower_ in TITLES:
        title = name_words[0].lower_.rstrip(".")
        if title not in HONORIFICS:
            title_role = title_role or name_words[0].text
        name_words = name_words[1:]
    name = _surface(doc, name_words[0].i, name_words[-1].i + 1)
    role = people.role_of(doc, name_words, role_words) or title_role
    return name, surface, span, role, gender


def _best_person(entries: list[_Entry], name: str, gender: str | None, at: int) -> _Entry | None:
    """The entry this name can refer to; the nearest earlier one when several can."""
    candidates = [
        e for e in entries
        if (could_be_same_person(name, e.name) or could_be_same_person(e.name, name))
        and not (gender and e.gender and gender != e.gender)
    ]
    if not candidates:
        return None

    def distance(entry: _Entry) -> int:
        before = [s.start for s in entry.mentions if s.start <= at]
        return at - max(before) if before else 10**9 + min(s.start for s in entry.mentions)

    return min(candidates, key=distance)


def group_people_and_organisations(
    doc: Doc, person_mentions: list[Mention], organisation_mentions: list[Mention]
) -> tuple[tuple[Person, ...], tuple[Organisation, ...]]:
    """People merged by name forms ("Ms Mahmood" joins "Shabana Mahmood"); organisations by
    spelling and acronym. An organisation that is only a known person's name is that person."""
    parsed = [(m, *_person_name(doc, m)) for m in person_mentions]
    # Full names first, so short forms find the person they belong to.
    parsed.sort(key=lambda p: (-len(p[1].split()), p[0].start))
    entries: list[_Entry] = []
    for _mention, name, surface, span, role, gender in parsed:
        if not name:
            continue
        entry = _best_person(entries, name, gender, span.start)
        if entry is None:
            entry = _Entry(name=name)
            entries.append(entry)
        elif len(name.split()) > len(entry.name.split()):
            entry.name = name
        entry.add(span, surface)
        entry.role = entry.role or role
        entry.gender = entry.gender or gender

    organisations = []
    for organisation in _organisation_entries(doc, organisation_mentions):
        words = organisation.name.split()
        person = None
        if 1 < len(words) <= 3 and all(w[:1].isupper() for w in words) and not any(
            w.lower() in people.ORGANISATION_WORDS for w in words
        ):
            person = next((e for e in entries if could_be_same_person(e.name, organisation.name)
                           or could_be_same_person(organisation.name, e.name)), None)
        elif len(words) == 1:
            # "the Trump campaign": the model calls a known person's surname an organisation.
            person = next((e for e in entries if len(e.name.split()) > 1
                           and e.name.split()[-1] == organisation.name), None)
        if person is None:
            organisations.append(organisation)
            continue
        for span in organisation.mentions:
            person.add(span, organisation.name)
        if len(words) > len(person.name.split()):
            person.name = organisation.name

    people_out = tuple(
        Person(id=f"pe{i}", name=entry.name, role=entry.role, aliases=tuple(entry.aliases),
               mentions=tuple(sorted(set(entry.mentions))))
        for i, entry in enumerate(_ordered(entries), 1)
    )
    organisations_out = tuple(
        Organisation(id=f"o{i}", name=entry.fullest_alias, aliases=tuple(entry.aliases),
                     mentions=tuple(sorted(set(entry.mentions))))
        for i, entry in enumerate(_ordered(organisations), 1)
    )
    return people_out, organisations_out

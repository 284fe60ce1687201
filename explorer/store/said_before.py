"""'Said before': a speaker's quotes in every other article of the folder, newest first.

The one door to the corpus for this feature, so the corpus behind it can change
(today the in-memory ``CorpusIndex``) without touching the screens. Who counts
as the same person is ``explorer.analysis.person_match``'s call; a surname-only
name that could be two different people of the folder is left out rather than
guessed.
"""

from __future__ import annotations

from dataclasses import dataclass

from explorer.analysis.person_match import PersonName, is_full_name, name_form, same_person
from explorer.store.corpus import CorpusIndex


@dataclass(frozen=True, slots=True)
class EarlierQuote:
    """One quote of the person in another article."""

    path: str
    title: str
    date: str | None
    quote_id: str
    speaker: str
    """The name the other article gives them."""
    kind: str
    text: str
    start: int
    end: int


def _ambiguous(candidate: str, full_names: set[str]) -> bool:
    """A surname-only name ("Ms Quint") when the folder has two full names with that surname."""
    if is_full_name(candidate):
        return False
    surname = name_form(candidate).surname
    return len({n for n in full_names if name_form(n).surname == surname}) > 1


def said_before(person: PersonName, corpus: CorpusIndex,
                exclude_path: str | None = None) -> tuple[EarlierQuote, ...]:
    """``person``'s quotes in the corpus, outside ``exclude_path``, newest first.

    Articles without a date come last; ties go by path, then position.
    """
    speakers = corpus.speakers()
    full_names = {s.name.casefold() for s in speakers if is_full_name(s.name)}
    if is_full_name(person.name):
        full_names.add(person.name.casefold())
    entries = {a.path: a for a in corpus.articles}
    found: list[EarlierQuote] = []
    for speaker in speakers:
        candidate = PersonName(speaker.name, kind=speaker.kind)
        if not same_person(person, candidate) or _ambiguous(speaker.name, full_names):
            continue
        for quote in corpus.quotes_of(speaker.name):
            if quote.path == exclude_path:
                continue
            entry = entries.get(quote.path)
            found.append(EarlierQuote(
                path=quote.path, title=entry.title if entry else quote.path,
                date=entry.date if entry else None, quote_id=quote.quote_id,
                speaker=quote.speaker, kind=quote.kind, text=quote.text,
                start=quote.start, end=quote.end,
            ))
    found.sort(key=lambda q: (q.path, q.start))
    found.sort(key=lambda q: q.date or "", reverse=True)
    found.sort(key=lambda q: q.date is None)
    return tuple(found)

"""'Said before': a speaker's quotes in every other article of the folder, newest first.

It reads the folder's analyses themselves (the app has them, cached or fresh),
so every form of a name the analysis merged counts. Who counts as the same
person is ``explorer.analysis.person_match``'s call (titles, initials, a role
printed before the name); a surname-only name that could be two different people
of the folder is left out rather than guessed. Across a large indexed corpus the
SQL ``CorpusIndex.said_before`` answers the same question a page at a time.
"""

from __future__ import annotations

from collections.abc import Iterable

from explorer.analysis.person_match import PersonName, is_full_name, name_form, same_person
from explorer.model import ParsedDocument
from explorer.store.corpus_query import QuoteRef
from explorer.titles import article_title


def _ambiguous(candidate: str, full_names: set[str]) -> bool:
    """A surname-only name ("Ms Quint") when the folder has two full names with that surname."""
    if is_full_name(candidate):
        return False
    surname = name_form(candidate).surname
    return len({n for n in full_names if name_form(n).surname == surname}) > 1


def said_before(person: PersonName, documents: Iterable[ParsedDocument],
                exclude_path: str | None = None) -> tuple[QuoteRef, ...]:
    """``person``'s quotes in the analysed ``documents``, outside ``exclude_path``, newest first.

    Articles without a date come last; ties go by path, then position.
    """
    analysed = [d for d in documents if d.error is None]
    speakers = [(document, speaker) for document in analysed for speaker in document.speakers]
    full_names = {s.name.casefold() for _, s in speakers if is_full_name(s.name)}
    if is_full_name(person.name):
        full_names.add(person.name.casefold())
    found: list[QuoteRef] = []
    for document, speaker in speakers:
        path = document.article.path or ""
        if path == exclude_path:
            continue
        candidate = PersonName(speaker.name, kind=speaker.kind)
        if not same_person(person, candidate) or _ambiguous(speaker.name, full_names):
            continue
        for quote in document.quotes_by(speaker.id):
            found.append(QuoteRef(
                path=path, title=article_title(document.article), date=document.article.date,
                quote_id=quote.id, speaker=speaker.name, kind=quote.kind, text=quote.text,
                start=quote.start, end=quote.end, confidence=quote.confidence,
            ))
    found.sort(key=lambda q: (q.path, q.start))
    found.sort(key=lambda q: q.date or "", reverse=True)
    found.sort(key=lambda q: q.date is None)
    return tuple(found)

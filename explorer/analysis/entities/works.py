"""Programmes, series, films and books: titles a reader should not meet as people or bodies.

A title is the run of capitalised words just before the noun that says what it
is: "the Newsnight programme", "Radio 4's Today programme", "the Panorama
documentary", "her novel Brick Lane" is not caught (the noun comes first), a
known limit.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from explorer.analysis.entities.clues import DEMONYMS, WORK_HEADS
from explorer.analysis.entities.people import ORGANISATION_WORDS
from explorer.analysis.gazetteer import lookup
from explorer.model import Span, Work, WorkKind

KIND_OF_HEAD: dict[str, WorkKind] = {
    "programme": "programme", "programmes": "programme", "show": "programme",
    "documentary": "programme", "series": "series", "drama": "series", "sitcom": "series",
    "film": "film", "novel": "book", "book": "book", "album": "album", "podcast": "podcast",
}

MAX_TITLE_WORDS = 6
TITLE_JOINERS = frozenset({"of", "the", "and", "with"})


def _in_title(token: Token) -> bool:
    return (
        (token.is_title or token.is_upper and len(token) > 1 and not token.is_digit)
        and token.pos_ in ("PROPN", "NOUN", "ADJ") and not any(c.isdigit() for c in token.text)
        and token.lower_ not in ORGANISATION_WORDS
    )


def find_works(doc: Doc, body_start: int) -> tuple[Work, ...]:
    """Every titled programme, series, film or book in the body, one entry per title."""
    found: dict[str, tuple[str, WorkKind, list[Span]]] = {}
    for head in doc:
        if head.lower_ not in WORK_HEADS or not head.text.islower() or head.idx < body_start:
            continue
        start = head.i
        while start > 0 and head.i - start < MAX_TITLE_WORDS:
            if _in_title(doc[start - 1]):
                start -= 1
            elif start - 2 >= 0 and start < head.i and doc[start - 1].lower_ in TITLE_JOINERS and (
                _in_title(doc[start - 2])
            ):
                start -= 2  # "Line of Duty"
            else:
                break
        if start == head.i or doc[start].is_sent_start and head.i - start == 1 and not (
            doc[start].pos_ == "PROPN"
        ):
            continue
        title = doc[start : head.i]
        place = lookup(title.text)
        if (len(title) == 1 and title[0].is_upper) or place is not None and (
            place.kind not in ("city", "town")
        ):
            continue  # "a BBC documentary", "a Scotland show": a broadcaster or a place
        if any(t.ent_type_ == "GPE" or t.lower_ in DEMONYMS or t.tag_ == "JJ" for t in title):
            continue  # "a London show", "a British film"
        key = title.text.lower()
        name, kind, spans = found.setdefault(key, (title.text, KIND_OF_HEAD[head.lower_], []))
        spans.append(Span(title.start_char, title.end_char))
    works = sorted(found.values(), key=lambda entry: entry[2][0].start)
    return tuple(
        Work(id=f"w{i}", name=name, kind=kind, aliases=(name,), mentions=tuple(spans))
        for i, (name, kind, spans) in enumerate(works, 1)
    )

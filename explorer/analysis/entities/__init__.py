"""People, organisations and places, one entry per real-world thing.

spaCy's entities are the starting point; ``mentions`` repairs what the small
model gets wrong, ``grouping`` merges the mentions of one thing into an entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from explorer.analysis.entities.grouping import group_people_and_organisations, group_places
from explorer.analysis.entities.mentions import find_mentions
from explorer.analysis.entities.works import find_works
from explorer.model import Article, Organisation, Person, Place, Work


@dataclass(frozen=True)
class Entities:
    """What the entity stage hands to the later stages."""

    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    places: tuple[Place, ...] = ()
    works: tuple[Work, ...] = ()


def find_entities(doc: Doc, article: Article) -> Entities:
    """Every person, organisation, place and titled work in the article body (not its
    header)."""
    works = find_works(doc, article.body_start)
    titles = [m for work in works for m in work.mentions]
    mentions = [  # a title is the work's, not a person's or a body's
        m for m in find_mentions(doc, article.body_start)
        if not any(t.start < doc[m.end - 1].idx + len(doc[m.end - 1]) and doc[m.start].idx < t.end
                   for t in titles)
    ]
    people, organisations = group_people_and_organisations(
        doc,
        [m for m in mentions if m.kind == "person"],
        [m for m in mentions if m.kind == "organisation"],
    )
    places = group_places(doc, [m for m in mentions if m.kind == "place"])
    return Entities(people=people, organisations=organisations, places=places, works=works)

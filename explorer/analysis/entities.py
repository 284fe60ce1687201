"""People, organisations and places from spaCy's entities, one entry per real-world thing."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from spacy.tokens import Doc, Span as SpacySpan

from explorer.model import Article, Organisation, Person, Place, Span

PLACE_LABELS = {"GPE", "LOC", "FAC"}


@dataclass(frozen=True)
class Entities:
    """What the entity stage hands to the later stages."""

    people: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    places: tuple[Place, ...] = ()


def canonical_form(ent: SpacySpan) -> str:
    """The entity's words without a leading "the" or a trailing possessive."""
    tokens = [t for t in ent if not (t.i == ent.start and t.lower_ == "the")]
    while tokens and tokens[-1].tag_ == "POS":
        tokens.pop()
    return "".join(t.text_with_ws for t in tokens).strip()


def _group(ents: list[SpacySpan]) -> dict[str, list[SpacySpan]]:
    groups: dict[str, list[SpacySpan]] = defaultdict(list)
    for ent in ents:
        name = canonical_form(ent)
        if name:
            groups[name.lower()].append(ent)
    return groups


def _mentions(ents: list[SpacySpan]) -> tuple[Span, ...]:
    return tuple(sorted({Span(e.start_char, e.end_char) for e in ents}))


def find_entities(doc: Doc, article: Article) -> Entities:
    people = _group([e for e in doc.ents if e.label_ == "PERSON"])
    organisations = _group([e for e in doc.ents if e.label_ == "ORG"])
    places = _group([e for e in doc.ents if e.label_ in PLACE_LABELS])
    return Entities(
        people=tuple(
            Person(id=f"pe{i}", name=canonical_form(ents[0]),
                   aliases=tuple(sorted({canonical_form(e) for e in ents})),
                   mentions=_mentions(ents))
            for i, ents in enumerate(people.values(), 1)
        ),
        organisations=tuple(
            Organisation(id=f"o{i}", name=canonical_form(ents[0]),
                         aliases=tuple(sorted({canonical_form(e) for e in ents})),
                         mentions=_mentions(ents))
            for i, ents in enumerate(organisations.values(), 1)
        ),
        places=tuple(
            Place(id=f"p{i}", name=canonical_form(ents[0]),
                  aliases=tuple(sorted({canonical_form(e) for e in ents})),
                  mentions=_mentions(ents))
            for i, ents in enumerate(places.values(), 1)
        ),
    )

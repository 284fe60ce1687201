"""Quotes and their speakers: direct, reported and mixed attributions."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from explorer.analysis.entities import Entities
from explorer.model import Article, Quote, Speaker


@dataclass(frozen=True)
class Attributions:
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()


def find_attributions(doc: Doc, article: Article, entities: Entities) -> Attributions:
    """Every quote with its resolved speaker (filled in by the attribution rules)."""
    return Attributions()

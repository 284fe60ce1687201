"""The sources card of one article: who speaks, how much, of what kind and role class.

A newsroom's question, "who are our sources, and how balanced?", answered from
the parsed document alone (no spaCy): distinct voices with their quotes and
quoted words, voices by kind and by role class (with the evidence for each
class), the share of direct and reported speech, and who speaks first and last.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from explorer.analysis.role_classes import ROLE_CLASS_LABELS, RoleClass, RoleEvidence, classify
from explorer.model import ParsedDocument, Quote, Speaker

SPEAKER_KINDS = ("person", "organisation", "group", "spokesperson", "document", "anonymous",
                 "unresolved", "unknown")
"""Every speaker kind, in the order a card lists them."""

_WORD = re.compile(r"\w+(?:['’]\w+)*")


def quoted_words(quote: Quote) -> int:
    """Words in the quote's content (``text`` carries no quotation marks)."""
    return len(_WORD.findall(quote.text))


@dataclass(frozen=True, slots=True)
class Voice:
    """One quoted speaker of the article and how much room they get."""

    speaker_id: str
    name: str
    kind: str
    role: str | None
    role_class: RoleClass
    evidence: RoleEvidence | None
    quotes: int
    words: int
    direct_quotes: int


@dataclass(frozen=True, slots=True)
class SourcesCard:
    """The summary of an article's sources; ``voices`` most quoted first."""

    voices: tuple[Voice, ...]
    quotes: int
    unattributed_quotes: int
    direct: int
    reported: int
    mixed: int
    words: int
    first_voice: str | None
    """Speaker id of the earliest attributed quote."""
    last_voice: str | None
    """Speaker id of the last attributed quote: who has the last word."""

    @property
    def direct_share(self) -> float | None:
        """Direct quotes (mixed ones count half) over all quotes; None with no quotes."""
        if not self.quotes:
            return None
        return round((self.direct + self.mixed / 2) / self.quotes, 3)

    @property
    def by_kind(self) -> dict[str, int]:
        counts = Counter(voice.kind for voice in self.voices)
        return {kind: counts[kind] for kind in SPEAKER_KINDS if counts[kind]}

    @property
    def by_role_class(self) -> dict[str, int]:
        counts = Counter(voice.role_class for voice in self.voices)
        return {key: counts[key] for key in ROLE_CLASS_LABELS if counts[key]}

    def voice(self, speaker_id: str | None) -> Voice | None:
        return next((v for v in self.voices if v.speaker_id == speaker_id), None)


def _voice(speaker: Speaker, quotes: list[Quote]) -> Voice:
    evidence = classify(speaker)
    return Voice(
        speaker_id=speaker.id,
        name=speaker.name,
        kind=speaker.kind,
        role=speaker.role,
        role_class=evidence.role_class if evidence else "unknown",
        evidence=evidence,
        quotes=len(quotes),
        words=sum(quoted_words(q) for q in quotes),
        direct_quotes=sum(1 for q in quotes if q.kind == "direct"),
    )


def sources_card(doc: ParsedDocument) -> SourcesCard:
    """The card of ``doc``; an article with no quotes gives a card with no voices."""
    speakers = {s.id: s for s in doc.speakers}
    quotes_of: dict[str, list[Quote]] = {}
    for quote in doc.quotes:
        if quote.speaker_id in speakers:
            quotes_of.setdefault(quote.speaker_id, []).append(quote)
    voices = sorted(
        (_voice(speakers[sid], quotes) for sid, quotes in quotes_of.items()),
        key=lambda v: (-v.quotes, -v.words, v.name.casefold()),
    )
    attributed = sorted((q for q in doc.quotes if q.speaker_id in speakers), key=lambda q: q.start)
    kinds = Counter(q.kind for q in doc.quotes)
    return SourcesCard(
        voices=tuple(voices),
        quotes=len(doc.quotes),
        unattributed_quotes=len(doc.quotes) - len(attributed),
        direct=kinds["direct"],
        reported=kinds["indirect"],
        mixed=kinds["mixed"],
        words=sum(quoted_words(q) for q in doc.quotes),
        first_voice=attributed[0].speaker_id if attributed else None,
        last_voice=attributed[-1].speaker_id if attributed else None,
    )


def sources_json(card: SourcesCard) -> dict[str, Any]:
    """The card as the contract's ``sources`` block (see docs/analysis-json.md)."""
    return {
        "voices": [
            {
                "speaker_id": v.speaker_id,
                "name": v.name,
                "kind": v.kind,
                "role_class": v.role_class,
                "evidence": (
                    {"field": v.evidence.field, "text": v.evidence.text,
                     "matched": v.evidence.matched}
                    if v.evidence else None
                ),
                "quotes": v.quotes,
                "words": v.words,
                "direct_quotes": v.direct_quotes,
            }
            for v in card.voices
        ],
        "quotes": card.quotes,
        "unattributed_quotes": card.unattributed_quotes,
        "direct": card.direct,
        "reported": card.reported,
        "mixed": card.mixed,
        "direct_share": card.direct_share,
        "words": card.words,
        "by_kind": card.by_kind,
        "by_role_class": card.by_role_class,
        "first_voice": card.first_voice,
        "last_voice": card.last_voice,
    }

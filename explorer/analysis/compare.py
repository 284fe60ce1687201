"""Two stories side by side: who is quoted in both, which quotes match, which figures disagree.

Two outlets' versions of one story: voices are matched as people
(``person_match``), quotes by their words allowing small edits (difflib's
ratio over the words, case and punctuation aside; a shorter quote wholly
inside a longer one also matches), and figures by what they count (same kind
and unit, and mostly the same words in ``counts``) to find the ones whose
numbers differ. Pure Python over two parsed documents.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from typing import Any

from explorer.analysis.lexicons import words
from explorer.analysis.person_match import PersonName, same_person
from explorer.model import Figure, ParsedDocument, Quote, Speaker

QUOTE_MATCH = 0.85
"""difflib ratio over the normalised words at which two quotes are the same words."""
CONTAINED_WORDS = 6
"""A quote this long (in words) found inside the other's words counts as a match."""
SAME_THING = 0.5
"""Share of content words two figures' ``counts`` must have in common to be one thing."""
FIGURE_KINDS = ("count", "money", "percent", "quantity", "duration")
"""Kinds of figure worth comparing; dates and ordinals are not counts of anything."""

_NOT_WORD = re.compile(r"[^\w%£$€]+")
_STOP = words("comparison_stop_words")


def _words(text: str) -> str:
    return " ".join(_NOT_WORD.sub(" ", text).casefold().split())


def _content_words(text: str | None) -> set[str]:
    return {w for w in _words(text or "").split() if w not in _STOP}


@dataclass(frozen=True, slots=True)
class VoicePair:
    a: Speaker
    b: Speaker


@dataclass(frozen=True, slots=True)
class QuotePair:
    a: Quote
    b: Quote
    similarity: float
    """1.0 for the same words; lower for small edits; contained quotes give the share."""
    match: str
    """How they match: "same words", "small edits" or "one inside the other"."""


@dataclass(frozen=True, slots=True)
class FigurePair:
    a: Figure
    b: Figure


@dataclass(frozen=True, slots=True)
class Comparison:
    a: ParsedDocument
    b: ParsedDocument
    voices_in_both: tuple[VoicePair, ...]
    only_in_a: tuple[Speaker, ...]
    only_in_b: tuple[Speaker, ...]
    matching_quotes: tuple[QuotePair, ...]
    figures_disagree: tuple[FigurePair, ...]
    figures_agree: tuple[FigurePair, ...]


def _person(speaker: Speaker) -> PersonName:
    return PersonName(speaker.name, speaker.aliases, speaker.role, speaker.kind)


def _voices(doc: ParsedDocument) -> list[Speaker]:
    return [s for s in doc.speakers if s.quote_ids]


def quote_match(a: str, b: str) -> tuple[float, str] | None:
    """How alike two quotes are (0..1, and in words) when they match, else None.

    Case and punctuation are ignored; the same words with small edits give
    their difflib ratio; a quote of at least ``CONTAINED_WORDS`` words found
    whole inside the other matches too, and gives the share of the longer it is.
    """
    return _match_words(_words(a), _words(b))


def _match_words(words_a: str, words_b: str) -> tuple[float, str] | None:
    """``quote_match`` over words already normalised by ``_words``."""
    if not words_a or not words_b:
        return None
    if words_a == words_b:
        return 1.0, "same words"
    short, long = sorted((words_a, words_b), key=len)
    if len(short.split()) >= CONTAINED_WORDS and f" {short} " in f" {long} ":
        return round(len(short) / len(long), 3), "one inside the other"
    # The cheap upper bounds first: most pairs of quotes have nothing in common.
    if 2 * len(short) / (len(short) + len(long)) < QUOTE_MATCH:
        return None
    matcher = difflib.SequenceMatcher(None, words_a, words_b, autojunk=False)
    if matcher.quick_ratio() < QUOTE_MATCH:
        return None
    ratio = matcher.ratio()
    return (round(ratio, 3), "small edits") if ratio >= QUOTE_MATCH else None


def _matching_quotes(a: ParsedDocument, b: ParsedDocument) -> list[QuotePair]:
    """Each quote of A with its best match in B; a quote of B is used once."""
    pairs: list[QuotePair] = []
    used: set[str] = set()
    words_b = {q.id: _words(q.text) for q in b.quotes}
    for quote_a in sorted(a.quotes, key=lambda q: q.start):
        best: QuotePair | None = None
        words_a = _words(quote_a.text)
        for quote_b in b.quotes:
            if quote_b.id in used:
                continue
            found = _match_words(words_a, words_b[quote_b.id])
            if found is not None and (best is None or found[0] > best.similarity):
                best = QuotePair(quote_a, quote_b, *found)
        if best is not None:
            used.add(best.b.id)
            pairs.append(best)
    return pairs


def _same_thing(a: Figure, b: Figure) -> bool:
    if a.kind != b.kind or a.kind not in FIGURE_KINDS or (a.unit or "") != (b.unit or ""):
        return False
    words_a, words_b = _content_words(a.counts), _content_words(b.counts)
    if not words_a or not words_b:
        return False
    return len(words_a & words_b) / min(len(words_a), len(words_b)) >= SAME_THING


def _figures(a: ParsedDocument, b: ParsedDocument) -> tuple[list[FigurePair], list[FigurePair]]:
    disagree: list[FigurePair] = []
    agree: list[FigurePair] = []
    for figure_a in sorted(a.figures, key=lambda f: f.start):
        for figure_b in sorted(b.figures, key=lambda f: f.start):
            if not _same_thing(figure_a, figure_b) or figure_a.value is None:
                continue
            same = (figure_a.value, figure_a.value_high) == (figure_b.value, figure_b.value_high)
            (agree if same else disagree).append(FigurePair(figure_a, figure_b))
    return disagree, agree


def compare(a: ParsedDocument, b: ParsedDocument) -> Comparison:
    voices_a, voices_b = _voices(a), _voices(b)
    both: list[VoicePair] = []
    matched_b: set[str] = set()
    only_a: list[Speaker] = []
    for speaker in voices_a:
        partner = next((s for s in voices_b if s.id not in matched_b
                        and same_person(_person(speaker), _person(s))), None)
        if partner is None:
            only_a.append(speaker)
        else:
            matched_b.add(partner.id)
            both.append(VoicePair(speaker, partner))
    only_b = [s for s in voices_b if s.id not in matched_b]
    disagree, agree = _figures(a, b)
    return Comparison(a, b, tuple(both), tuple(only_a), tuple(only_b),
                      tuple(_matching_quotes(a, b)), tuple(disagree), tuple(agree))


def speaker_label(doc: ParsedDocument, quote: Quote) -> str:
    speaker = doc.item(quote.speaker_id) if quote.speaker_id else None
    return speaker.name if speaker is not None else "unattributed"


def comparison_json(result: Comparison) -> dict[str, Any]:
    """The comparison as plain data for ``explorer compare --json``."""

    def article(doc: ParsedDocument) -> dict[str, Any]:
        return {"path": doc.article.path, "title": doc.article.display_title,
                "date": doc.article.date, "source": doc.article.source}

    def voice(speaker: Speaker) -> dict[str, Any]:
        return {"id": speaker.id, "name": speaker.name, "kind": speaker.kind,
                "quotes": len(speaker.quote_ids)}

    def quote(doc: ParsedDocument, q: Quote) -> dict[str, Any]:
        return {"id": q.id, "speaker": speaker_label(doc, q), "kind": q.kind, "text": q.text,
                "start": q.start, "end": q.end}

    def figure(f: Figure) -> dict[str, Any]:
        return {"id": f.id, "text": f.text, "value": f.value, "value_high": f.value_high,
                "unit": f.unit, "kind": f.kind, "counts": f.counts, "start": f.start,
                "end": f.end}

    return {
        "a": article(result.a),
        "b": article(result.b),
        "voices": {
            "both": [{"a": voice(p.a), "b": voice(p.b)} for p in result.voices_in_both],
            "only_a": [voice(s) for s in result.only_in_a],
            "only_b": [voice(s) for s in result.only_in_b],
        },
        "matching_quotes": [
            {"a": quote(result.a, p.a), "b": quote(result.b, p.b), "similarity": p.similarity,
             "match": p.match}
            for p in result.matching_quotes
        ],
        "figures_disagree": [{"a": figure(p.a), "b": figure(p.b)}
                             for p in result.figures_disagree],
        "figures_agree": [{"a": figure(p.a), "b": figure(p.b)} for p in result.figures_agree],
    }

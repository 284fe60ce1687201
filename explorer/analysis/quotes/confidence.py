"""How sure the analysis is of each quote's speaker: a small calibrated logistic model.

The features are read from the finished model objects only (the quote, its
speaker, the text), so the training script (``bench/train_confidence.py``)
computes exactly what the analysis computes, from the analyses' JSON. The
weights ship as ``confidence_weights.json``; a missing or unreadable file
leaves every confidence ``None`` rather than inventing one.
"""

from __future__ import annotations

import json
import math
from dataclasses import replace
from functools import lru_cache
from importlib import resources

from explorer.analysis.lexicons import words
from explorer.model import Quote, Speaker

WEIGHTS_FILE = "confidence_weights.json"

_PRONOUNS = (words("subject_pronouns") | words("object_pronouns")) - {"i", "you", "me", "us"} | {"who"}


def features(quote: Quote, speaker: Speaker | None, text: str) -> list[str]:
    """The named binary features of one quote's attribution."""
    found = [f"rule={quote.rule}", f"kind={quote.kind}"]
    if speaker is None:
        return [*found, "speaker=none"]
    found.append(f"speaker={speaker.kind}")
    mention = quote.speaker_mention
    written = mention.text_of(text).strip().lower() if mention else ""
    if not written:
        found.append("mention=none")
    elif written in _PRONOUNS:
        found.append("mention=pronoun")
    elif written.split()[0] in ("the", "a", "an", "its", "their", "his", "her"):
        found.append("mention=description")
    else:
        found.append("mention=name")
    if speaker.kind == "person":
        found.append("name=full" if len(speaker.name.split()) > 1 else "name=single")
    found.append("quotes=many" if len(speaker.quote_ids) > 1 else "quotes=one")
    if mention is not None:
        gap = min(abs(mention.start - part.end) if mention.start >= part.end else abs(part.start - mention.end)
                  for part in quote.parts)
        inside = any(part.start <= mention.start < part.end for part in quote.parts)
        found.append("distance=inside" if inside else "distance=near" if gap <= 40
                     else "distance=sentence" if gap <= 200 else "distance=far")
    return found


@lru_cache(maxsize=1)
def _weights() -> tuple[float, dict[str, float]] | None:
    try:
        raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
        data = json.loads(raw)
        return float(data["bias"]), {str(k): float(v) for k, v in data["weights"].items()}
    except (OSError, ValueError, KeyError, TypeError):
        return None


def score(names: list[str], bias: float, weights: dict[str, float]) -> float:
    """The logistic model's probability that the speaker is right."""
    total = bias + sum(weights.get(name, 0.0) for name in names)
    return 1.0 / (1.0 + math.exp(-total))


def with_confidence(quotes: tuple[Quote, ...], speakers: tuple[Speaker, ...], text: str) -> tuple[Quote, ...]:
    """The quotes again, each with ``confidence`` set (rounded to two places)."""
    model = _weights()
    if model is None:
        return quotes
    bias, weights = model
    by_id = {s.id: s for s in speakers}
    return tuple(
        replace(q, confidence=round(score(features(q, by_id.get(q.speaker_id or ""), text), bias, weights), 2))
        for q in quotes
    )

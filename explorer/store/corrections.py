"""Readers' corrections to an analysis, and how they are applied to a parsed document.

A correction is anchored to what a reader saw, not to ids that change between
analyses: a quote by its passage (offsets and words), a speaker by name. So
after re-analysis with newer rules a correction finds its quote again (the
same passage, or an overlapping one with nearly the same words) and is
applied; when nothing fits any more it is kept, reported with a ``problem``,
and changes nothing. Applying never touches the article text.
"""

from __future__ import annotations

import dataclasses
import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from explorer.model import CorrectionAction, CorrectionNote, ParsedDocument, Quote, Span, Speaker

ACTIONS: tuple[CorrectionAction, ...] = ("reassign", "merge", "rename", "not_quote")
SAME_WORDS = 0.8
"""How alike an overlapping quote's words must be to count as the corrected quote."""


class CorrectionFormatError(ValueError):
    """A stored or imported correction is not one we can read."""


@dataclass(frozen=True, slots=True)
class Correction:
    """One reader's fix, as stored.

    - ``reassign``: the quote at ``quote`` (words ``quote_text``) is by ``name``;
    - ``not_quote``: the passage at ``quote`` is not a quote;
    - ``rename``: the speaker ``name`` is called ``new_name``;
    - ``merge``: the speaker ``name`` is the same source as ``new_name`` (kept).
    """

    action: CorrectionAction
    quote: Span | None = None
    quote_text: str | None = None
    name: str | None = None
    new_name: str | None = None
    made_at: str = ""

    @property
    def what(self) -> tuple:
        """The correction without its time: two readers making the same fix made one."""
        return (self.action, self.quote, self.quote_text, self.name, self.new_name)

    def to_json(self) -> dict[str, Any]:
        return {
            "action": self.action,
            "quote": {"start": self.quote.start, "end": self.quote.end} if self.quote else None,
            "quote_text": self.quote_text,
            "name": self.name,
            "new_name": self.new_name,
            "made_at": self.made_at,
        }

    @classmethod
    def from_json(cls, data: Any) -> Correction:
        """Raises CorrectionFormatError for anything but a well-formed correction."""
        try:
            action = data["action"]
            if action not in ACTIONS:
                raise CorrectionFormatError(f"unknown correction {action!r}")
            quote = data.get("quote")
            correction = cls(
                action=action,
                quote=Span(int(quote["start"]), int(quote["end"])) if quote else None,
                quote_text=_optional_str(data.get("quote_text")),
                name=_optional_str(data.get("name")),
                new_name=_optional_str(data.get("new_name")),
                made_at=str(data.get("made_at") or ""),
            )
        except CorrectionFormatError:
            raise
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise CorrectionFormatError(f"malformed correction: {exc}") from exc
        needs_quote = action in ("reassign", "not_quote")
        if needs_quote and correction.quote is None:
            raise CorrectionFormatError(f"{action} needs the quote's passage")
        if action != "not_quote" and not correction.name:
            raise CorrectionFormatError(f"{action} needs a name")
        if action in ("rename", "merge") and not correction.new_name:
            raise CorrectionFormatError(f"{action} needs the new name")
        return correction


def _optional_str(value: Any) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise CorrectionFormatError(f"expected text, got {type(value).__name__}")
    return value


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def reassign(quote: Quote, name: str) -> Correction:
    return Correction("reassign", quote.span, quote.text, name=" ".join(name.split()),
                      made_at=_now())


def not_a_quote(quote: Quote) -> Correction:
    return Correction("not_quote", quote.span, quote.text, made_at=_now())


def rename(speaker: Speaker, new_name: str) -> Correction:
    return Correction("rename", name=speaker.name, new_name=" ".join(new_name.split()),
                      made_at=_now())


def merge(speaker: Speaker, into: Speaker) -> Correction:
    return Correction("merge", name=speaker.name, new_name=into.name, made_at=_now())


# -- applying -----------------------------------------------------------------------------

_NOT_WORD = re.compile(r"\W+")


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text).strip().casefold()


def _name_key(name: str) -> str:
    return " ".join(name.split()).casefold()


def find_quote(doc: ParsedDocument, span: Span, text: str | None) -> Quote | None:
    """The quote at ``span``, else an overlapping one with nearly the same words."""
    for quote in doc.quotes:
        if quote.span == span:
            return quote
    if text is None:
        return None
    wanted = _words(text)
    best, best_ratio = None, SAME_WORDS
    for quote in doc.quotes:
        if not quote.span.overlaps(span):
            continue
        ratio = difflib.SequenceMatcher(None, wanted, _words(quote.text)).ratio()
        if ratio >= best_ratio:
            best, best_ratio = quote, ratio
    return best


def find_speaker(doc: ParsedDocument, name: str) -> Speaker | None:
    """The speaker called ``name`` (any case or spacing), by name first, then by alias."""
    key = _name_key(name)
    for speaker in doc.speakers:
        if _name_key(speaker.name) == key:
            return speaker
    for speaker in doc.speakers:
        if any(_name_key(alias) == key for alias in speaker.aliases):
            return speaker
    return None


def _next_speaker_id(doc: ParsedDocument) -> str:
    numbers = [int(s.id[1:]) for s in doc.speakers if s.id[:1] == "s" and s.id[1:].isdigit()]
    return f"s{max(numbers, default=0) + 1}"


def _with_quote_ids(doc: ParsedDocument, speakers: list[Speaker],
                    quotes: tuple[Quote, ...]) -> list[Speaker]:
    """Each speaker's ``quote_ids`` recomputed from the quotes, in text order."""
    by_speaker: dict[str, list[Quote]] = {}
    for quote in quotes:
        if quote.speaker_id:
            by_speaker.setdefault(quote.speaker_id, []).append(quote)
    return [
        dataclasses.replace(s, quote_ids=tuple(
            q.id for q in sorted(by_speaker.get(s.id, []), key=lambda q: q.start)))
        for s in speakers
    ]


def _unfit(correction: Correction, problem: str) -> CorrectionNote:
    was = correction.quote_text if correction.action in ("reassign", "not_quote") else None
    return CorrectionNote(correction.action, was or correction.name or "",
                          correction.new_name or correction.name or "",
                          span=correction.quote, problem=problem)


def _reassign(doc: ParsedDocument, c: Correction) -> tuple[ParsedDocument, CorrectionNote]:
    quote = find_quote(doc, c.quote, c.quote_text)
    if quote is None:
        return doc, _unfit(c, "the quote is no longer found at this passage")
    speakers = list(doc.speakers)
    target = find_speaker(doc, c.name)
    if target is None:
        target = Speaker(id=_next_speaker_id(doc), name=c.name, kind="person")
        speakers.append(target)
    old = doc.item(quote.speaker_id) if quote.speaker_id else None
    quotes = tuple(dataclasses.replace(q, speaker_id=target.id, speaker_mention=None)
                   if q.id == quote.id else q for q in doc.quotes)
    note = CorrectionNote("reassign", old.name if old else "unattributed", target.name,
                          quote_ids=(quote.id,), speaker_id=target.id, span=quote.span)
    return dataclasses.replace(doc, quotes=quotes,
                               speakers=tuple(_with_quote_ids(doc, speakers, quotes))), note


def _not_quote(doc: ParsedDocument, c: Correction) -> tuple[ParsedDocument, CorrectionNote]:
    quote = find_quote(doc, c.quote, c.quote_text)
    if quote is None:
        return doc, _unfit(c, "the quote is no longer found at this passage")
    quotes = tuple(q for q in doc.quotes if q.id != quote.id)
    figures = tuple(dataclasses.replace(f, quote_id=None) if f.quote_id == quote.id else f
                    for f in doc.figures)
    note = CorrectionNote("not_quote", quote.text, "not a quote", span=quote.span)
    return dataclasses.replace(doc, quotes=quotes, figures=figures,
                               speakers=tuple(_with_quote_ids(doc, list(doc.speakers), quotes))
                               ), note


def _rename(doc: ParsedDocument, c: Correction) -> tuple[ParsedDocument, CorrectionNote]:
    speaker = find_speaker(doc, c.name)
    if speaker is None:
        return doc, _unfit(c, f"no speaker is called {c.name!r} any more")
    aliases = tuple(dict.fromkeys((*speaker.aliases, speaker.name)))
    renamed = dataclasses.replace(speaker, name=c.new_name,
                                  aliases=tuple(a for a in aliases if a != c.new_name))
    speakers = tuple(renamed if s.id == speaker.id else s for s in doc.speakers)
    note = CorrectionNote("rename", speaker.name, c.new_name, quote_ids=speaker.quote_ids,
                          speaker_id=speaker.id)
    return dataclasses.replace(doc, speakers=speakers), note


def _merge(doc: ParsedDocument, c: Correction) -> tuple[ParsedDocument, CorrectionNote]:
    source, target = find_speaker(doc, c.name), find_speaker(doc, c.new_name)
    if source is None or target is None or source.id == target.id:
        missing = c.name if source is None else c.new_name
        problem = (f"no speaker is called {missing!r} any more" if source is None or target is None
                   else "both names are one speaker already")
        return doc, _unfit(c, problem)
    quotes = tuple(dataclasses.replace(q, speaker_id=target.id) if q.speaker_id == source.id
                   else q for q in doc.quotes)
    merged = dataclasses.replace(
        target,
        aliases=tuple(dict.fromkeys(a for a in (*target.aliases, source.name, *source.aliases)
                                    if a != target.name)),
        mentions=tuple(sorted(set(target.mentions) | set(source.mentions))),
        role=target.role or source.role,
    )
    speakers = [merged if s.id == target.id else s for s in doc.speakers if s.id != source.id]
    people = tuple(dataclasses.replace(p, speaker_id=target.id) if p.speaker_id == source.id
                   else p for p in doc.people)
    organisations = tuple(dataclasses.replace(o, speaker_id=target.id)
                          if o.speaker_id == source.id else o for o in doc.organisations)
    note = CorrectionNote("merge", source.name, target.name, quote_ids=source.quote_ids,
                          speaker_id=target.id)
    return dataclasses.replace(doc, quotes=quotes, people=people, organisations=organisations,
                               speakers=tuple(_with_quote_ids(doc, speakers, quotes))), note


_APPLY = {"reassign": _reassign, "not_quote": _not_quote, "rename": _rename, "merge": _merge}


def apply_corrections(doc: ParsedDocument, corrections: Iterable[Correction]) -> ParsedDocument:
    """``doc`` with the corrections applied in order, each noted in ``doc.corrections``.

    A failed analysis is returned as it is: there is nothing to correct.
    """
    corrections = list(corrections)
    if not corrections or doc.error is not None:
        return doc
    notes: list[CorrectionNote] = []
    for correction in corrections:
        doc, note = _APPLY[correction.action](doc, correction)
        notes.append(note)
    # A later correction may have removed a quote ("not a quote") or a speaker (merge)
    # an earlier one named: notes only point at what the document still has.
    quotes = {q.id for q in doc.quotes}
    speakers = {s.id for s in doc.speakers}
    notes = [dataclasses.replace(n, quote_ids=tuple(i for i in n.quote_ids if i in quotes),
                                 speaker_id=n.speaker_id if n.speaker_id in speakers else None)
             for n in notes]
    return dataclasses.replace(doc, corrections=(*doc.corrections, *notes))


def corrected_quote_notes(doc: ParsedDocument) -> dict[str, list[CorrectionNote]]:
    """The applied corrections that touched each quote, by quote id."""
    touched: dict[str, list[CorrectionNote]] = {}
    for note in doc.corrections:
        if note.problem is None:
            for quote_id in note.quote_ids:
                touched.setdefault(quote_id, []).append(note)
    return touched


def describe(note: CorrectionNote) -> str:
    """A short line for a mark or a report: "speaker: Tom Haddow → Maria Quint"."""
    if note.action == "not_quote":
        text = f"not a quote: “{' '.join(note.was.split())[:60]}”"
    elif note.action == "reassign":
        text = f"speaker: {note.was} → {note.now}"
    elif note.action == "rename":
        text = f"renamed: {note.was} → {note.now}"
    else:
        text = f"merged: {note.was} → {note.now}"
    return f"{text} ({note.problem})" if note.problem else text

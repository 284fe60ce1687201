"""Long articles in pieces: cut at paragraph breaks, analyse each piece, combine the results.

spaCy's memory while it parses grows by about 3.5 KB per character it is given
at once, and a whole article's ``Doc`` with our rules' working data holds
about 0.4 KB per character more. So an article longer than ``PIECE_CHARS`` is
cut into pieces at paragraph starts; each piece is parsed and analysed on its
own and only its small ``ParsedDocument`` is kept, shifted to the article's
offsets. The pieces are then combined: ids renumbered in order of first
appearance, and speakers, places, people and organisations of the same name
(and kind) in several pieces merged into one entry; a person named by surname
alone joins the one person of that surname named in full elsewhere.

What a piece boundary costs: a pronoun or a description at the top of a piece
cannot be tied to a speaker named in the piece before, and a quotation running
across paragraphs is not joined across a cut. Articles shorter than the limit
are analysed whole, exactly as before.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from explorer.model import (
    Article,
    Cue,
    Engine,
    Figure,
    Organisation,
    ParsedDocument,
    Person,
    Place,
    Quote,
    Span,
    Speaker,
)

PIECE_CHARS = 100_000
"""Longest text parsed and analysed at once (also capped by ``nlp.max_length``). The
live blog among the sample articles (60,000 characters) is well under it."""


def cut_inside(text: str, start: int, limit: int) -> int:
    """Where to end a piece that starts at ``start`` inside one over-long paragraph.

    After a line break in the second half of the window, else after a space or tab,
    else at the limit.
    """
    window = text[start : start + limit]
    for separator in ("\n", " ", "\t"):
        found = window.rfind(separator)
        if found >= limit // 2:
            return start + found + len(separator)
    return start + limit


def piece_bounds(text: str, paragraphs: tuple[Span, ...], limit: int = PIECE_CHARS) -> list[tuple[int, int]]:
    """Half-open pieces of ``text``, each at most ``limit`` long, that join back to it.

    A piece ends where a paragraph starts (the last one that keeps it within the
    limit); only a paragraph longer than the limit is cut inside (see ``cut_inside``).
    """
    starts = [p.start for p in paragraphs]
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        index = bisect_right(starts, start + limit) - 1
        cut = starts[index] if index >= 0 and starts[index] > start else cut_inside(text, start, limit)
        bounds.append((start, cut))
        start = cut
    bounds.append((start, len(text)))
    return bounds


def piece_article(article: Article, start: int, end: int) -> Article:
    """The part ``[start, end)`` of ``article`` as an article of its own, offsets from 0."""
    first = bisect_left([p.end for p in article.paragraphs], start + 1)
    paragraphs = tuple(
        Span(max(p.start, start) - start, min(p.end, end) - start)
        for p in article.paragraphs[first:]
        if p.start < end
    )
    return dataclasses.replace(
        article,
        text=article.text[start:end],
        body_start=min(max(article.body_start - start, 0), end - start),
        paragraphs=paragraphs,
    )


def _span(span: Span | None, offset: int) -> Span | None:
    return None if span is None else Span(span.start + offset, span.end + offset)


def _spans(spans: Iterable[Span], offset: int) -> tuple[Span, ...]:
    return tuple(Span(s.start + offset, s.end + offset) for s in spans)


def _union(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(name for group in groups for name in group))


def _full_name(name: str, names: Iterable[str]) -> str | None:
    """The one full name among ``names`` that a bare surname stands for ("Crewe": "Daniel Crewe").

    Analysed whole, an article's surname is linked to the full name given anywhere
    in it; a piece boundary must not undo that.
    """
    if " " in name.strip():
        return None
    matches = {full for full in names if " " in full and full.split()[-1] == name}
    return matches.pop() if len(matches) == 1 else None


def _quote_number(quote_id: str) -> int:
    return int(quote_id[1:])


class _Combiner:
    """Accumulates shifted piece results; entries of the same name across pieces become one."""

    def __init__(self) -> None:
        self.speakers: dict[tuple[str, str], Speaker] = {}
        self.quotes: list[Quote] = []
        self.places: dict[str, Place] = {}
        self.figures: list[Figure] = []
        self.people: dict[str, Person] = {}
        self.organisations: dict[str, Organisation] = {}

    def add(self, doc: ParsedDocument, offset: int) -> None:
        speaker_ids: dict[str, str] = {}
        for s in doc.speakers:
            key = (s.name, s.kind)
            known = self.speakers.get(key)
            mentions = _spans(s.mentions, offset)
            if known is None:
                known = Speaker(id=f"s{len(self.speakers) + 1}", name=s.name, kind=s.kind, role=s.role,
                                aliases=s.aliases, mentions=mentions, represents=s.represents)
            else:
                known = dataclasses.replace(
                    known, role=known.role or s.role, aliases=_union(known.aliases, s.aliases),
                    mentions=known.mentions + mentions, represents=known.represents or s.represents,
                )
            self.speakers[key] = known
            speaker_ids[s.id] = known.id
        quote_ids: dict[str, str] = {}
        by_speaker: dict[str, list[str]] = {}
        for q in doc.quotes:
            new_id = f"q{len(self.quotes) + 1}"
            quote_ids[q.id] = new_id
            speaker = speaker_ids.get(q.speaker_id) if q.speaker_id else None
            if speaker is not None:
                by_speaker.setdefault(speaker, []).append(new_id)
            cue = None if q.cue is None else Cue(q.cue.start + offset, q.cue.end + offset, q.cue.text)
            self.quotes.append(dataclasses.replace(
                q, id=new_id, start=q.start + offset, end=q.end + offset, parts=_spans(q.parts, offset),
                speaker_id=speaker, speaker_mention=_span(q.speaker_mention, offset), cue=cue,
            ))
        for key, known in self.speakers.items():
            if known.id in by_speaker:
                self.speakers[key] = dataclasses.replace(
                    known, quote_ids=known.quote_ids + tuple(by_speaker[known.id])
                )
        for p in doc.places:
            known_place = self.places.get(p.name)
            mentions = _spans(p.mentions, offset)
            self.places[p.name] = (
                dataclasses.replace(p, id=f"p{len(self.places) + 1}", mentions=mentions)
                if known_place is None
                else dataclasses.replace(known_place, aliases=_union(known_place.aliases, p.aliases),
                                         mentions=known_place.mentions + mentions)
            )
        for f in doc.figures:
            self.figures.append(dataclasses.replace(
                f, id=f"f{len(self.figures) + 1}", start=f.start + offset, end=f.end + offset,
                sentence=_span(f.sentence, offset), quote_id=quote_ids.get(f.quote_id) if f.quote_id else None,
            ))
        for person in doc.people:
            self.people[person.name] = self._merged(self.people, person, "pe", offset, speaker_ids)
        for body in doc.organisations:
            self.organisations[body.name] = self._merged(self.organisations, body, "o", offset, speaker_ids)

    @staticmethod
    def _merged(known: dict, item, prefix: str, offset: int, speaker_ids: dict[str, str]):
        """A person or organisation with this piece's mentions added to any earlier entry."""
        speaker = speaker_ids.get(item.speaker_id) if item.speaker_id else None
        mentions = _spans(item.mentions, offset)
        earlier = known.get(item.name)
        if earlier is None:
            return dataclasses.replace(item, id=f"{prefix}{len(known) + 1}", mentions=mentions, speaker_id=speaker)
        changes = {"aliases": _union(earlier.aliases, item.aliases), "mentions": earlier.mentions + mentions,
                   "speaker_id": earlier.speaker_id or speaker}
        if isinstance(earlier, Person):
            changes["role"] = earlier.role or item.role
        return dataclasses.replace(earlier, **changes)


    def join_surnames(self) -> None:
        """Fold each person known by bare surname into the one person of that surname in full."""
        speakers = dict(self.speakers)
        full_names = [name for name, kind in speakers if kind == "person"]
        moved: dict[str, str] = {}
        for (name, kind), bare in list(speakers.items()):
            target = _full_name(name, full_names) if kind == "person" else None
            if target is None:
                continue
            full = speakers[(target, kind)]
            speakers[(target, kind)] = dataclasses.replace(
                full, role=full.role or bare.role, aliases=_union(full.aliases, bare.aliases, [name]),
                mentions=tuple(sorted(full.mentions + bare.mentions)),
                quote_ids=tuple(sorted(full.quote_ids + bare.quote_ids, key=_quote_number)),
            )
            moved[bare.id] = full.id
            del speakers[(name, kind)]
        people = dict(self.people)
        for name, bare in list(people.items()):
            target = _full_name(name, list(people))
            if target is None:
                continue
            full = people[target]
            people[target] = dataclasses.replace(
                full, role=full.role or bare.role, aliases=_union(full.aliases, bare.aliases, [name]),
                mentions=tuple(sorted(full.mentions + bare.mentions)),
                speaker_id=full.speaker_id or bare.speaker_id,
            )
            del people[name]
        # Renumber in order of first appearance, and point every reference at the new ids.
        new_ids = {s.id: f"s{n}" for n, s in enumerate(speakers.values(), 1)}
        for old, kept in moved.items():
            new_ids[old] = new_ids[kept]
        self.speakers = {key: dataclasses.replace(s, id=new_ids[s.id]) for key, s in speakers.items()}
        self.quotes = [q if q.speaker_id is None else dataclasses.replace(q, speaker_id=new_ids[q.speaker_id])
                       for q in self.quotes]
        self.people = {
            name: dataclasses.replace(p, id=f"pe{n}", speaker_id=p.speaker_id and new_ids[p.speaker_id])
            for n, (name, p) in enumerate(people.items(), 1)
        }
        self.organisations = {
            name: dataclasses.replace(o, speaker_id=o.speaker_id and new_ids[o.speaker_id])
            for name, o in self.organisations.items()
        }


def combine(article: Article, engine: Engine, pieces: Iterable[tuple[int, ParsedDocument]]) -> ParsedDocument:
    """One document for ``article`` from its pieces' documents, each given with its start offset."""
    combiner = _Combiner()
    for offset, doc in pieces:
        combiner.add(doc, offset)
    combiner.join_surnames()
    return ParsedDocument(
        article=article,
        engine=engine,
        speakers=tuple(combiner.speakers.values()),
        quotes=tuple(combiner.quotes),
        places=tuple(combiner.places.values()),
        figures=tuple(combiner.figures),
        people=tuple(combiner.people.values()),
        organisations=tuple(combiner.organisations.values()),
    )

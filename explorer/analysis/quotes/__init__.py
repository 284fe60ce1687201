"""Quotes and their speakers: direct, reported and mixed attributions.

``find_attributions`` runs the stages in order: quotation marks (``marks``),
the attribution rules (``direct``, ``reported``), then the coreference pass
(``coref``) that turns each speaker mention into one real-world speaker.
A quote's ``parts`` are the passages as printed (marks included); its ``text``
is the parts' words without a direct quote's own quotation marks (a mixed
quote keeps the marks that show which words are quoted), joined by " … " where
narration interrupts them and by one space where a paragraph break does.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc

from explorer.analysis.entities import Entities
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.confidence import with_confidence
from explorer.analysis.quotes.coref import Mention, Referent, Resolver, classify
from explorer.analysis.quotes.direct import attribute_direct, merge_interrupted, split_carried
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.headlines import headline_claims
from explorer.analysis.quotes.lexicon import ROLE_DETERMINERS, ROLE_WORDS_PERSON
from explorer.analysis.quotes.marks import find_passages, is_not_speech, line_spans
from explorer.analysis.quotes.reported import reported_speech
from explorer.analysis.quotes.transcripts import quoted_turn, transcript_turns
from explorer.model import PART_SEPARATOR, Article, Cue, Quote, Span, Speaker

_MIN_UNATTRIBUTED_WORDS = 8
_QUOTE_MARKS = "\"“”„‟«»‘’'"


@dataclass(frozen=True)
class Attributions:
    speakers: tuple[Speaker, ...] = ()
    quotes: tuple[Quote, ...] = ()


def find_attributions(doc: Doc, article: Article, entities: Entities) -> Attributions:
    """Every quote with its resolved speaker."""
    text = doc.text
    reader = Reader(doc, line_spans(text, article.body_start))
    groups = []
    for group in find_passages(text, article.body_start):
        if len(group) > 1 or not is_not_speech(text, group[0]):
            groups.append(group)
            for passage in group:
                reader.mark_quoted(passage)
        else:
            reader.mark_name(group[0])
    drafts = find_drafts(reader, merge_interrupted(reader, groups))
    referents = resolve_speakers(reader, drafts, entities)
    found = build(article.text, drafts, referents)
    return Attributions(found.speakers, with_confidence(found.quotes, found.speakers, article.text))


def find_drafts(reader: Reader, groups) -> list[Draft]:
    """Direct and mixed quotes from the quoted groups, then reported speech elsewhere."""
    drafts: list[Draft] = []
    previous: Draft | None = None
    seen: set[tuple[int, int]] = set()
    for group in split_carried(reader, groups):
        draft = quoted_turn(reader, group) or attribute_direct(reader, group, previous)
        if draft.rule in ("direct.floating", "direct.nearest_speaker", "direct.unattributed") and _continues(
            reader, previous, group
        ):
            # a second quoted stretch of the same paragraph with no cue of its own
            previous.parts.extend((p.start, p.end) for p in group)
            continue
        if draft.speaker is not None:
            previous = draft
        key = (draft.start, draft.end)
        if key in seen:
            continue
        if drafts and drafts[-1].kind == "mixed" and drafts[-1].start <= draft.start < drafts[-1].end:
            # 'the plan stood "no chance," he added. "B."': B goes on with the mixed quote
            drafts[-1].parts.extend(part for part in draft.parts if part[0] >= drafts[-1].end)
            continue
        seen.add(key)
        if draft.rule in ("direct.unattributed", "direct.nearest_speaker") and _is_fragment(reader, draft):
            continue
        drafts.append(draft)
    drafts.extend(transcript_turns(reader, [(d.start, d.end) for d in drafts]))
    drafts.extend(headline_claims(reader, [(d.start, d.end) for d in drafts]))
    used = {v for d in drafts for v in d.used_verbs}
    drafts.extend(reported_speech(reader, used, [(d.start, d.end) for d in drafts]))
    drafts.sort(key=lambda d: (d.start, d.end))
    return drafts


def _is_fragment(reader: Reader, draft: Draft) -> bool:
    """A short quoted phrase nobody is said to have said: a scare quote, not a quote."""
    return sum(len(reader.text[s:e].split()) for s, e in draft.parts) < _MIN_UNATTRIBUTED_WORDS


def _continues(reader: Reader, previous: Draft | None, group) -> bool:
    """A quote later in the same paragraph as the previous direct quote, with nothing said between."""
    if previous is None or previous.kind != "direct":
        return False
    return reader.line_of(previous.end - 1) == reader.line_of(group[0].start)


def _role_ties(reader: Reader) -> tuple[dict[str, int], dict[int, int]]:
    """Roles the article ties to a name: ``X, the Home Secretary,`` or ``the Home Secretary, X``.

    Gives role text (lower case) -> the name's token, and each apposed role
    noun's token -> the name's token: that very role phrase IS the named person.
    """
    doc = reader.doc
    roles: dict[str, int] = {}
    apposed: dict[int, int] = {}
    for token in reader.tokens_with_dep("appos"):
        head = _role_owning(token.head)
        for name, role in ((head, token), (token, head)):
            if name.pos_ == "PROPN" and role.lemma_.lower() in ROLE_WORDS_PERSON | {"secretary"}:
                start, end = cues.mention_tokens(role)
                words = [t.lower_ for t in doc[start:end] if t.lower_ not in ROLE_DETERMINERS]
                roles.setdefault(" ".join(words), name.i)
                apposed[role.i] = name.i
    return roles, apposed


def _role_owning(noun):
    """``director of flood defence``: an appositive hung on ``defence`` names the director."""
    token = noun
    for _ in range(3):
        if token.dep_ != "pobj" or token.head.dep_ != "prep" or token.head.lower_ not in ("of", "for", "at"):
            break
        token = token.head.head
        if token.lemma_.lower() in ROLE_WORDS_PERSON:
            return token
    return noun


def _in_text_order(doc, mentions: list[Mention], apposed: dict[int, int]) -> list[Mention]:
    """Mentions by position, except that ``the mayor, Ruth Okafor`` reads the name first,
    so the role joins the named person instead of someone earlier."""
    def key(mention: Mention) -> tuple[int, int]:
        name = apposed.get(mention.head)
        if mention.form == "role" and name is not None and name > mention.head:
            return doc[name].idx, 1
        return mention.start, 0
    return sorted(mentions, key=key)


def _candidate_mentions(reader: Reader, drafts: list[Draft], entities: Entities) -> tuple[list[Mention], dict[int, Mention]]:
    """Speaker mentions of the drafts, plus names, subject pronouns and role nouns around them."""
    doc = reader.doc
    labels: dict[int, str] = {}
    spans: list[tuple[int, int, str | None, bool]] = []
    for group, label in ((entities.people, "PERSON"), (entities.organisations, "ORG")):
        for item in group:
            for mention in item.mentions:
                span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is not None and len(span):
                    spans.append((span.start, span.end, label, False))
                    labels[span.root.i] = label
    for ent in doc.ents:
        if ent.label_ == "NORP" and ent.root.pos_ in ("PROPN", "NOUN") and ent.root.dep_ != "amod":
            spans.append((ent.start, ent.end, "NORP", False))
            labels[ent.root.i] = "NORP"
    for token in reader.tokens_with_dep("nsubj", "nsubjpass"):
        if token.pos_ == "PRON" or token.lemma_.lower() in ROLE_WORDS_PERSON:
            start, end = cues.mention_tokens(token)
            spans.append((start, end, None, False))
    by_draft: dict[int, Mention] = {}
    draft_ranges = []
    for index, draft in enumerate(drafts):
        if draft.speaker is not None:
            start, end = draft.speaker
            draft_ranges.append((start, end, index))
    reported = sorted((s, e, index) for index, d in enumerate(drafts) if d.kind != "direct" for s, e in d.parts)
    reported_starts = [s for s, _, _ in reported]

    def reported_around(offset: int, own: int | None = None) -> int | None:
        """The reported words (a draft's number) holding ``offset``, other than ``own``."""
        for s, e, other in reversed(reported[max(0, bisect.bisect_right(reported_starts, offset) - 4)
                                              : bisect.bisect_right(reported_starts, offset)]):
            if s <= offset < e and other != own:
                return other
        return None

    mentions: list[Mention] = []
    taken = bytearray(len(doc))
    by_range: dict[tuple[int, int], Mention] = {}
    for start, end, index in draft_ranges:
        if (start, end) in by_range:
            by_draft[index] = by_range[(start, end)]
            continue
        if end <= start:
            continue
        label = next((labels[i] for i in range(start, end) if i in labels), None)
        mention = classify(doc, start, end, reader.narrative_index(start), label=label, speaker=True)
        if mention is None:
            continue
        mention.embedded_in = reported_around(mention.start, own=index)
        mention.draft = index
        by_range[(start, end)] = mention
        by_draft[index] = mention
        mentions.append(mention)
        for i in range(start, end):
            taken[i] = 1
    for start, end, label, _ in spans:
        if any(taken[i] for i in range(start, end)) or any(reader.quoted[i] for i in range(start, end)):
            continue
        mention = classify(doc, start, end, reader.narrative_index(start), label=label)
        if mention is None:
            continue
        mention.embedded_in = reported_around(mention.start)
        mentions.append(mention)
        for i in range(start, end):
            taken[i] = 1
    mentions.sort(key=lambda m: m.start)
    return mentions, by_draft


def resolve_speakers(
    reader: Reader, drafts: list[Draft], entities: Entities
) -> dict[int, tuple[Referent, Span]]:
    """Draft index -> the referent its speaker mention stands for, and that mention."""
    mentions, by_draft = _candidate_mentions(reader, drafts, entities)
    roles, apposed = _role_ties(reader)
    resolver = Resolver(reader.doc, roles, apposed)
    # A role written with the speaker's name ("Health minister Anna Reid") is hers from
    # that mention on, before a later "the Prime Minister" can be taken for her.
    written_roles = {id(mention): drafts[index].role for index, mention in by_draft.items()
                     if drafts[index].role}
    for mention in _in_text_order(reader.doc, mentions, apposed):
        referent = resolver.resolve(mention, in_quote=False)
        if id(mention) in written_roles and referent is not None:
            resolver.tie_role(referent, written_roles[id(mention)])
    resolved: dict[int, tuple[Referent, Span]] = {}
    for index, mention in by_draft.items():
        if mention.referent is not None:
            resolved[index] = (mention.referent, Span(mention.start, mention.end))
    return resolved


def _content_text(text: str, draft: Draft) -> str:
    """The quoted words as printed: a direct quote loses its own marks (only those), a mixed
    one keeps them; parts with narration between them are joined by " … ", never re-punctuated."""
    joined = ""
    previous_end = None
    for start, end in draft.parts:
        piece = text[start:end]
        if draft.kind == "direct":
            piece = _unmark(piece)
        piece = " ".join(piece.split())
        if previous_end is not None:
            between = text[previous_end:start].strip(" \t\r\n" + _QUOTE_MARKS)
            joined += PART_SEPARATOR if between else " "
        joined += piece
        previous_end = end
    return joined


def _unmark(piece: str) -> str:
    lead = 2 if piece.startswith(("``", "''")) else 1 if piece[:1] in _QUOTE_MARKS else 0
    piece = piece[lead:]
    trail = 2 if piece.endswith("''") else 1 if piece[-1:] in _QUOTE_MARKS else 0
    return piece[: len(piece) - trail]


def build(text: str, drafts: list[Draft], referents: dict[int, tuple[Referent, Span]]) -> Attributions:
    """Model quotes and speakers, numbered in text order."""
    speaker_ids: dict[int, str] = {}
    quote_ids: dict[int, list[str]] = {}
    quotes: list[Quote] = []
    for index, draft in enumerate(drafts):
        quote_id = f"q{len(quotes) + 1}"
        referent, mention = referents.get(index, (None, None))
        if referent is not None and draft.pointer is not None:
            mention = Span(*draft.pointer)
        speaker_id = None
        if referent is not None:
            speaker_id = speaker_ids.setdefault(referent.number, f"s{len(speaker_ids) + 1}")
            quote_ids.setdefault(referent.number, []).append(quote_id)
        cue = Cue(draft.cue[0], draft.cue[1], text[draft.cue[0] : draft.cue[1]]) if draft.cue else None
        quotes.append(Quote(
            id=quote_id, kind=draft.kind, start=draft.start, end=draft.end,
            parts=tuple(Span(s, e) for s, e in draft.parts), text=_content_text(text, draft),
            speaker_id=speaker_id, speaker_mention=mention, cue=cue, rule=draft.rule,
        ))
    by_number = {r.number: r for r, _ in referents.values()}
    speakers = []
    for number, speaker_id in speaker_ids.items():
        referent = by_number[number]
        speakers.append(Speaker(
            id=speaker_id, name=referent.name, kind="unresolved" if referent.unresolved else referent.kind,
            role=referent.role,
            aliases=tuple(referent.aliases),
            mentions=tuple(sorted({Span(s, e) for s, e in referent.mentions})),
            quote_ids=tuple(quote_ids[number]), represents=referent.represents,
        ))
    return Attributions(speakers=tuple(speakers), quotes=tuple(quotes))


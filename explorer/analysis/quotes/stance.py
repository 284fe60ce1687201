"""Views reported without a verb of saying: ``X sees Y as Z``, ``she cast her rival as a puppet``.

PolNeAR-style attribution counts a stance as much as a statement; the holder
is credited like a speaker, and the rule name (``reported.stance``) tells a
reader it is a view the article reports, not words it quotes.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.speaker_span import cue_span, speaker_and_role
from explorer.analysis.token_range import TokenRange

REGARDING_VERBS = words("regarding_verbs")


def stance_drafts(reader: Reader, sentence: SpacySpan, covered: bytearray) -> list[Draft]:
    """Every stance in one sentence whose holder is someone who could speak."""
    drafts = []
    for token in sentence:
        if reader.quoted[token.i] or covered[token.i]:
            continue
        found = _held_view(token)
        if found is None:
            continue
        holder_verb, content = found
        start, end = cues.trim(reader.doc, *content)
        if end - start < 2 or any(covered[i] for i in range(start, end)):
            continue
        subject = cues.subject_of(holder_verb, reader.quoted)
        if subject is None or reader.quoted[subject.i] or start <= subject.i < end:
            continue
        speaker, role = speaker_and_role(reader, subject)
        kind = reader.reported_kind((start, end))
        drafts.append(Draft(kind, [reader.char_range(start, end)], "reported.stance", cue=cue_span(reader, token),
                            speaker=speaker, role=role, used_verbs={holder_verb.i}))
        for i in range(start, end):
            covered[i] = 1
    return drafts


def _held_view(token: Token) -> tuple[Token, TokenRange] | None:
    """The verb whose subject holds the view, and the words of the view, or None."""
    if token.pos_ == "VERB" and token.lemma_.lower() in REGARDING_VERBS and not _is_passive(token):
        seen = next((c for c in token.children if c.dep_ == "dobj"), None)
        if seen is None:
            return None
        as_phrase = next((c for c in (*token.rights, *seen.rights) if c.dep_ == "prep" and c.lower_ == "as"), None)
        if as_phrase is None or as_phrase.i < seen.i:
            return None
        return token, TokenRange(seen.left_edge.i, max(seen.right_edge.i, as_phrase.right_edge.i) + 1)
    return None


def _is_passive(verb: Token) -> bool:
    """``Y is seen as Z``: who sees it is not said."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)

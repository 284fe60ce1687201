"""Headline attributions with no quotation marks: ``Trump: Rival has a long way to go``,
``Poll: Clinton leads in Ohio``. A title credits a claim to a name with a colon alone."""

from __future__ import annotations

from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.lexicon import ANONYMOUS_WORDS, DOCUMENT_WORDS, ROLE_WORDS_PERSON

_LABELS = words("headline_labels")
_SOURCE_NOUNS = DOCUMENT_WORDS | ROLE_WORDS_PERSON | ANONYMOUS_WORDS | words("speaking_nouns")
_NAME_ENTITIES = ("PERSON", "ORG", "NORP")
_MAX_NAME_TOKENS = 6
_MIN_CLAIM_WORDS = 3


def headline_claims(reader: Reader, covered: list[tuple[int, int]]) -> list[Draft]:
    """The title line's claim, credited to the name before its colon; never a label
    (``UPDATE:``, ``The Latest:``), a time or a question-and-answer turn."""
    line = next(((s, e) for s, e in reader.lines if reader.text[s:e].strip()), None)
    if line is None:
        return []
    line_start, line_end = line
    colon = reader.text.find(":", line_start, min(line_end, line_start + 60))
    if colon < 0 or any(s < line_end and colon < e for s, e in covered):
        return []
    doc = reader.doc
    name = [t for t in doc[reader.token_at(line_start) : reader.token_at(colon)] if not t.is_space]
    claim = [t for t in doc[reader.token_at(colon) + 1 : reader.token_at(line_end - 1) + 1]
             if not t.is_space and t.idx < line_end]
    source = _source_kind(name)
    if source is None or not _is_claim(claim, verbless=source == "PERSON"):
        return []
    start, end = cues.trim(doc, claim[0].i, claim[-1].i + 1)
    if end <= start:
        return []
    kind = reader.reported_kind((start, end))
    return [Draft(kind, [reader.char_range(start, end)], "reported.headline",
                  cue=(colon, colon + 1), speaker=cues.mention_tokens(_head_of(name)))]


def _source_kind(name: list[Token]) -> str | None:
    """A person, body or document before the colon (``Issa``, ``NY Daily News``, ``Poll``,
    ``Former AG Mukasey at RNC``): "PERSON" for a person the article names, "SOURCE" for
    another; None for a label, a time, a question turn or a phrase with a verb."""
    if not name or len(name) > _MAX_NAME_TOKENS or not name[0].text[:1].isupper():
        return None
    if any(t.pos_ in ("VERB", "AUX") or t.like_num or t.ent_type_ in ("DATE", "TIME")
           or cues.CLOCK_TIME.match(t.text) for t in name):
        return None
    if len(name) == 1 and len(name[0].text) == 1 or any(t.lower_ in _LABELS or t.dep_ == "cc" for t in name):
        return None  # "Q:", "A:" (an interview's turns), "UPDATE:", "X and Y:" (a story about two)
    head = _head_of(name)
    # a title capitalises every word, and the tagger may take a lone surname for a common
    # noun: a capitalised word is a name when the article names someone or some body with it
    # ("Lynch" for Loretta Lynch), not "Big Win"
    named = next((e.label_ for e in head.doc.ents if e.label_ in _NAME_ENTITIES and e.start > head.i
                  and head.text in {t.text for t in e}), None) if head.text[:1].isupper() else None
    if named == "PERSON" or head.ent_type_ == "PERSON":
        return "PERSON"
    if named is not None or head.ent_type_ in _NAME_ENTITIES or head.lemma_.lower() in _SOURCE_NOUNS:
        return "SOURCE"
    return None


def _head_of(name: list[Token]) -> Token:
    """The word the name phrase hangs on: ``Mukasey`` in ``Former AG Mukasey at RNC``."""
    inside = {t.i for t in name}
    heads = [t for t in name if t.head.i not in inside or t.head.i == t.i]
    return heads[0] if heads else name[-1]


def _is_claim(claim: list[Token], *, verbless: bool) -> bool:
    """A statement after the colon, not a question; with a verb unless a person makes it
    (``Lynch: No outside influence on FBI probe``), for a verbless phrase after a body or a
    show's name is its topic (``Daily Briefing: A world at war``)."""
    if sum(1 for t in claim if t.is_alpha) < _MIN_CLAIM_WORDS or claim[-1].text == "?":
        return False
    return verbless or any(t.pos_ in ("VERB", "AUX") for t in claim)

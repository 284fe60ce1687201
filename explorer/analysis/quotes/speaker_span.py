"""Who a cue's subject names: the span to credit, the role written beside it, the cue's own span.

Shared by the rules for quoted passages (``direct``), the layout credits, reported speech
and stances, so that a speaker is cut from the text the same way whichever rule found it.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.names import TITLES
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Reader
from explorer.analysis.quotes.lexicon import (
    DOCUMENT_WORDS,
    ROLE_ABBREVIATIONS,
    ROLE_DETERMINERS,
    ROLE_WORDS_ORGANISATION,
    ROLE_WORDS_PERSON,
)
from explorer.analysis.token_range import TokenRange


def cue_verbs(reader: Reader, sentences: list[SpacySpan], *, with_thought: bool) -> list[Token]:
    return [t for s in sentences for t in s
            if not reader.quoted[t.i] and cues.is_speech_verb(t, with_thought=with_thought)]


def speaker_and_role(reader: Reader, subject: Token) -> tuple[TokenRange, str | None]:
    """The name to credit and the role beside it: ``Chris Philp, the shadow home secretary``
    or ``the mayor, Ruth Okafor`` both give the name as speaker and the noun as role."""
    subject = cues.speaker_behind(subject)
    appositive = cues.appositive_of(subject)
    if appositive is None and cues.unnamed_description(subject):
        return cues.mention_tokens(subject), None  # "one MP in a London seat": no name, no role
    if appositive is None or reader.quoted[appositive.i] or appositive.pos_ not in ("NOUN", "PROPN"):
        return _role_before_name(reader, subject)
    name, role = subject, appositive
    if subject.pos_ != "PROPN" and appositive.pos_ == "PROPN" or (
        appositive.pos_ == "PROPN" and _has_article(subject) and not _has_article(appositive)
    ):
        name, role = appositive, subject  # "the mayor, Ruth Okafor"; "An SNP MP, Iona MacLeod"
    if name.pos_ != "PROPN" or role.pos_ == "PROPN" and role.ent_type_ == "PERSON":
        return cues.mention_tokens(subject), None
    if role.lemma_.lower() in DOCUMENT_WORDS:
        return cues.mention_tokens(name), None  # "a poll for the firm Perspective": no one's role
    start, end = cues.mention_tokens(role)
    while start < end and reader.doc[start].lower_ in ROLE_DETERMINERS:
        start += 1
    # as printed: "NFU's president", not "NFU 's president"
    return cues.mention_tokens(name), reader.doc[start:end].text or None


def _has_article(noun: Token) -> bool:
    return any(child.dep_ == "det" and child.lower_ in ("a", "an", "the") for child in noun.children)


def _role_before_name(reader: Reader, subject: Token) -> tuple[TokenRange, str | None]:
    """``Health minister Dr Anna Reid``, ``the housing charity Shelter``: the name to credit,
    and the role or description written before it.

    Without the split the whole phrase became the speaker's name, so "Health
    minister Anna Reid" and a later "Anna Reid" were two people.
    """
    start, end = cues.mention_tokens(subject)
    doc = reader.doc
    double_barrelled = subject.is_title and subject.i >= 2 and doc[subject.i - 1].text == "-" \
        and doc[subject.i - 2].pos_ == "PROPN"  # "Pryce-Davies", its second half tagged a noun
    if subject.pos_ != "PROPN" and not double_barrelled or subject.ent_type_ in ("GPE", "LOC", "NORP", "DATE"):
        return TokenRange(start, end), None
    first = subject.i
    role_words = ROLE_WORDS_PERSON | ROLE_ABBREVIATIONS
    while first - 1 >= start:
        if doc[first - 1].text == "-" and first - 2 >= start and not doc[first - 1].whitespace_ \
                and not doc[first - 2].whitespace_ and doc[first - 2].pos_ == "PROPN":
            first -= 2  # "Marja Quillinan-Meiland"
        elif doc[first - 1].pos_ == "PROPN" and doc[first - 1].dep_ in cues.NAME_DEPS \
                and doc[first - 1].lower_ not in role_words:
            first -= 1
        else:
            break
    role = [t for t in doc[start:first] if t.lower_ not in ROLE_DETERMINERS]
    # "housing charity Shelter", "US oil giant Exxon": lower-case words, maybe after a place
    described = bool(role) and role[-1].is_lower and all(
        t.is_lower and t.is_alpha or t.ent_type_ in ("GPE", "NORP") for t in role)
    if not role or not (described or any(t.lemma_.lower() in role_words for t in role)):
        return TokenRange(start, end), None
    if role[-1].lower_ in TITLES and role[-1].lower_ not in ROLE_WORDS_PERSON:
        return TokenRange(start, end), None  # "Mr Reid": a title, not a role
    while role and role[-1].is_punct:
        role.pop()
    return TokenRange(first, end), doc[role[0].i : role[-1].i + 1].text


def cue_span(reader: Reader, verb: Token) -> tuple[int, int]:
    """The cue with its auxiliaries and particles: ``will say``, ``is to warn``, ``told``."""
    start = verb.i
    for child in verb.lefts:
        if child.dep_ in ("aux", "auxpass", "neg") and child.i >= start - 3:
            start = min(start, child.i)
    if verb.dep_ == "xcomp" and verb.head.i < verb.i and verb.i - verb.head.i <= 3:
        start = min(start, verb.head.i)
    end = verb.i + 1
    return reader.char_range(start, end)


def can_speak(subject: Token) -> bool:
    """A name, a personal pronoun or a noun for people or bodies, not "the figure", "his strengths"
    or "Saturday"."""
    if subject.ent_type_ in ("DATE", "TIME"):
        return False
    if subject.pos_ in ("PROPN", "PRON"):
        return True
    lemma = subject.lemma_.lower()
    return lemma in ROLE_WORDS_PERSON or lemma in ROLE_WORDS_ORGANISATION or lemma in _SPEAKING_NOUNS


_SPEAKING_NOUNS = words("speaking_nouns") | DOCUMENT_WORDS

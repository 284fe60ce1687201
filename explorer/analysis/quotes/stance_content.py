"""What a stance noun is about: the clause or phrase after it, read from the parse.

``noun_cues`` finds who holds a stance; this module finds its content: a ``that`` clause
(``concern that the plan would fail``), an infinitive (``plan to cut taxes``), the object of
a preposition the noun takes (``call for a ban``, ``anger at the ruling``), or the words after
a colon (``Her message: ...``).
"""

from __future__ import annotations

from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.token_range import TokenRange

UTTERANCE_NOUNS = words("utterance_nouns")
VERDICT_NOUNS = words("verdict_nouns")
FEELING_NOUNS = words("feeling_nouns")
STANCE_NOUNS = words("stance_nouns") | UTTERANCE_NOUNS | VERDICT_NOUNS | FEELING_NOUNS
"""Nouns whose owner took a stance or said something, and whose complement says what."""

COMPLEMENT_PREPOSITIONS = frozenset(["about", "against", "behind", "for", "of", "on", "over", "to"])
_UTTERANCE_PREPOSITIONS = frozenset(["about", "against", "on"])
"""``his speech on trade``; but ``his speech to donors`` names who heard it, ``of Tuesday`` when."""
_VERDICT_PREPOSITIONS = _UTTERANCE_PREPOSITIONS | {"of"}
"""``her view of the deal``; but ``his reaction to``, ``advice to`` name what or whom it met."""
_FEELING_PREPOSITIONS = frozenset(["about", "at", "in", "over", "with"])
"""``anger at the ruling``, ``confidence in the plan``, ``frustration with the talks``."""
_FINITE_TAGS = ("VBD", "VBZ", "VBP", "MD")


def complement(noun: Token, prepositions: frozenset[str] | None = None) -> TokenRange | None:
    """What a stance noun is about: its ``that`` clause (``the case to voters that ...``), its
    infinitive (``plan to cut taxes``), the object of a preposition right after it (``call for
    a ban``; ``prepositions`` overrides the noun's own), or what follows its colon."""
    clause = that_clause(noun, noun.i)
    if clause is not None:
        return clause
    doc = noun.doc
    follows = noun.i + 1
    if follows + 2 < len(doc) and doc[follows].text == ":" and noun.lemma_.lower() in UTTERANCE_NOUNS:
        return span(doc, follows + 1, doc[follows + 1].sent.end)  # "Her message: the cuts must stop."
    for child in noun.rights:
        if child.left_edge.i != follows:
            break
        if child.dep_ in ("acl", "relcl") and child.pos_ in ("VERB", "AUX") and not _for_to(noun) and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i <= follows + 1 for c in child.children):
            return span(doc, child.left_edge.i, child.right_edge.i + 1)  # "plan (not) to cut taxes"
        if child.dep_ == "acl" and _finite_clause(child):
            return span(doc, child.left_edge.i, child.right_edge.i + 1)  # "confidence it would hold"
        inner = _stance_named_inside(noun, child)
        if inner is not None:
            return complement(inner) or span(doc, inner.left_edge.i, inner.right_edge.i + 1)
        if child.dep_ == "prep" and child.lower_ in (prepositions or prepositions_of(noun)):
            return object_of(child)
        if child.dep_ == "acl" and child.tag_ == "VBG" and child.i == follows \
                and noun.lemma_.lower() in UTTERANCE_NOUNS:
            return span(doc, child.i, child.right_edge.i + 1)  # "a statement condemning the raid"
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            follows = child.right_edge.i + 1  # "calls from unions for a strike"
            if follows < len(doc) and doc[follows].text == ",":
                follows += 1
            continue
        break
    return None


def prepositions_of(noun: Token) -> frozenset[str]:
    """The prepositions before what a noun is about, by the kind of noun."""
    lemma = noun.lemma_.lower()
    if lemma in FEELING_NOUNS:
        return _FEELING_PREPOSITIONS
    if lemma in UTTERANCE_NOUNS:
        return _UTTERANCE_PREPOSITIONS
    return _VERDICT_PREPOSITIONS if lemma in VERDICT_NOUNS else COMPLEMENT_PREPOSITIONS


def that_clause(head: Token, after: int) -> TokenRange | None:
    """A ``that`` clause hung on ``head`` after token ``after``."""
    for child in head.rights:
        if child.i > after and child.dep_ in ("acl", "ccomp", "relcl") and child.pos_ in ("VERB", "AUX") \
                and child.left_edge.lower_ == "that" and child.left_edge.dep_ == "mark":
            return span(head.doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def infinitive_after(verb: Token, after: int) -> TokenRange | None:
    """``His goal is to cut taxes``: the infinitive after the copula."""
    for child in verb.rights:
        if child.i > after and child.dep_ in ("xcomp", "advcl", "ccomp") and any(
                c.dep_ == "aux" and c.lower_ == "to" and c.i == child.left_edge.i for c in child.children):
            return span(verb.doc, child.left_edge.i, child.right_edge.i + 1)
    return None


def object_of(preposition: Token) -> TokenRange | None:
    """The words a preposition governs, unless they say when (``remarks on Tuesday``)."""
    target = next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)
    if target is None or target.ent_type_ in ("DATE", "TIME"):
        return None
    return span(preposition.doc, preposition.i + 1, preposition.right_edge.i + 1)


def verb_complement(verb: Token, noun: Token) -> TokenRange | None:
    """``gave his backing to the plan``, ``cast doubt on the figures``: the parse may hang
    the preposition on the verb rather than on the noun."""
    for child in verb.rights:
        if child.i == noun.right_edge.i + 1 and child.dep_ in ("prep", "dative") \
                and child.lower_ in prepositions_of(noun):
            return object_of(child)
    return None


def span(doc, start: int, end: int) -> TokenRange | None:
    """Tokens ``[start, end)`` trimmed, without an infinitive's ``to``; None when empty."""
    start, end = cues.trim(doc, start, end)
    if start < end and doc[start].lower_ == "to" and doc[start].dep_ == "aux":
        start += 1
    return TokenRange(start, end) if end > start else None


def _stance_named_inside(noun: Token, preposition: Token) -> Token | None:
    """``a statement of concern about X``, ``messages of sympathy``, ``a statement in opposition
    to X``: an utterance that names its stance in a phrase; that stance noun, if so."""
    if preposition.dep_ != "prep" or preposition.lower_ not in ("of", "in") \
            or noun.lemma_.lower() not in UTTERANCE_NOUNS:
        return None
    inner = next((c for c in preposition.children if c.dep_ == "pobj"), None)
    if inner is None or inner.lemma_.lower() not in STANCE_NOUNS - UTTERANCE_NOUNS - VERDICT_NOUNS:
        return None
    return inner


def _finite_clause(verb: Token) -> bool:
    """A clause with its own subject and a finite verb, opening with that subject."""
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    finite = verb.tag_ in _FINITE_TAGS or any(
        c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in verb.children)
    return subject is not None and subject.left_edge.i == verb.left_edge.i and finite


def _for_to(noun: Token) -> bool:
    """``For his plan to work, ...``: the noun is the subject of the infinitive, not its owner's aim."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "for"

"""Attributions a noun (or an adjective) carries: ``Lund's call for a ban``, ``X voiced
support for Y``, ``X is critical of Y``.

A stance noun (support, criticism, call, concern...) names something said or held. With a
possessive owner (or one after ``from``/``by``), the owner is the source; as the object of a
light verb (``expressed``, ``raised``), the verb's subject is; after a receiving verb (``won
the backing of X``), the one named after the noun is. The content is what the noun is about
(see ``stance_content``). A bare noun with no source (``support for the bill grew``) is no
one's words and is left alone.
"""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.lexicon import ROLE_WORDS_ORGANISATION, ROLE_WORDS_PERSON
from explorer.analysis.quotes.speaker_span import speaker_and_role
from explorer.analysis.quotes.stance_content import (
    COMPLEMENT_PREPOSITIONS,
    STANCE_NOUNS,
    complement,
    infinitive_after,
    object_of,
    that_clause,
    verb_complement,
)
from explorer.analysis.token_range import TokenRange

LIGHT_VERBS = words("light_verbs")
"""Verbs whose subject voices the stance noun they take as object (``voiced support``)."""
_HELD_STANCES = frozenset(["concern", "doubt", "praise", "question", "reservation", "view", "word"])
"""What ``have`` gives its subject as a stance (``had kind words for``, ``has doubts about``);
``has the support of`` and ``has a plan`` are not read."""
_CASE = "case"
"""``made the case for``: a stance only after a light verb; ``the firm's case against him`` is a lawsuit."""

STANCE_IDIOMS = frozenset(tuple(entry.split()) for entry in words("stance_idioms"))
"""(verb, noun) pairs that voice a stance: ``took aim at``, ``made no mention of``."""
_IDIOM_PREPOSITIONS = frozenset(["at", "of", "on", "to", "with"])

RECEIVING_VERBS = words("receiving_verbs")
"""Verbs whose subject receives the stance noun they take (``won the backing of X``)."""
_GIVEN_STANCES = frozenset(["backing", "endorsement", "praise", "support"])
"""What a subject receives from a source that names the source's stance (``got a reply`` says
nothing; ``faced criticism from X`` was measured to miss more than it finds); what it is for
(``praise from X for Y``) joins the subject as a second part."""
_REASON_PREPOSITIONS = frozenset(["for", "over"])

STANCE_ADJECTIVES = words("stance_adjectives")
"""``critical of``, ``worried about``, ``confident that``: the subject's stance on what follows."""
INTENT_ADJECTIVES = words("intent_adjectives")
"""``eager to``, ``reluctant to``: the subject's declared readiness, with its infinitive."""
_ADJECTIVE_PREPOSITIONS = frozenset(["about", "at", "in", "of", "over", "to", "with"])
_COPULAS = frozenset(["be", "become", "remain", "seem", "appear", "grow"])
_DEGREE_WORDS = frozenset(["enough", "so", "too"])
"""``concerned enough that they began``: the clause is a result, not what worried them."""

STANCE_HOLDERS = words("stance_holders")
"""``a fierce critic of the scheme``: the one described holds a stance on the object of ``of``."""
_FAVOUR = frozenset(["favor", "favour"])
_VIEW_NOUNS = frozenset(["view", "opinion", "estimation", "judgement", "judgment"])
"""``In Lund's view, ...``: the rest of the sentence is what the owner thinks."""

_OWNER_PRONOUNS = frozenset(["his", "her", "its", "their"])
"""Third-person owners, which coreference resolves; ``my``/``our`` belong to a quote's voice."""
_PERSONAL_PRONOUNS = frozenset(["he", "she", "they"])
_NO_SOURCE_SUBJECTS = frozenset(["it", "this", "that", "there"])
"""``It is worrying that ...``: an impersonal subject holds no stance."""
_OWNER_ENTITIES = ("PERSON", "ORG", "NORP", "GPE", "")
_OWNER_NOUNS = ROLE_WORDS_PERSON | ROLE_WORDS_ORGANISATION | words("organisation_words") | words("speaking_nouns")


def noun_cues(reader: Reader, sentence: SpacySpan, covered: bytearray) -> list[Draft]:
    """Every stance noun (or adjective) in ``sentence`` with a source, whose content is still
    free at its edges; the tokens of each content found are marked in ``covered``."""
    drafts: list[Draft] = []
    for token in sentence:
        draft = None if reader.quoted[token.i] else _stance_of(reader, sentence, token)
        if draft is None:
            continue
        tokens = range(reader.token_at(draft.start), reader.token_at(draft.end - 1) + 1)
        if covered[tokens[0]] or covered[tokens[-1]] or any(reader.quoted[i] for i in tokens):
            continue  # words already reported at its edges, or quoted words in it: those keep their own quote
        for i in tokens:
            covered[i] = 1
        drafts.append(draft)
    return drafts


def _stance_of(reader: Reader, sentence: SpacySpan, token: Token) -> Draft | None:
    """The attribution ``token`` carries as a stance noun or adjective, if any."""
    if (token.dep_ == "acomp" or _passive_participle(token)) and (
            token.lower_ in STANCE_ADJECTIVES or token.lower_ in INTENT_ADJECTIVES):
        return _stance_adjective(reader, token)
    if token.pos_ != "NOUN":
        return None
    lemma = token.lemma_.lower()
    if lemma in _VIEW_NOUNS and token.dep_ == "pobj" and token.head.lower_ == "in":
        return _in_someones_view(reader, sentence, token)
    if lemma in STANCE_NOUNS:
        return _received_stance(reader, token) or _owned_stance(reader, token) or _light_verb_stance(reader, token)
    if lemma == _CASE:
        return _light_verb_stance(reader, token)
    if lemma in STANCE_HOLDERS:
        return _stance_holder(reader, token)
    if lemma in _FAVOUR and token.dep_ == "pobj" and token.head.lower_ == "in":
        return _in_favour(reader, token)
    if (token.head.lemma_.lower(), lemma) in STANCE_IDIOMS:
        return _idiom_stance(reader, token)
    return None


def _of_object(noun: Token) -> TokenRange | None:
    return next((object_of(c) for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
                 and c.i == noun.i + 1), None)


def _stance_holder(reader: Reader, noun: Token) -> Draft | None:
    """``Ms Hale, a fierce critic of the scheme,`` and ``Hughes is a supporter of Mr Reed``."""
    if noun.dep_ == "appos":
        holder = noun.head
    elif noun.dep_ == "attr" and noun.head.lemma_.lower() in _COPULAS:
        holder = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
    else:
        return None
    content = _of_object(noun)
    if holder is None or content is None or reader.quoted[holder.i]:
        return None
    if not (_can_own(holder) if holder.pos_ != "PRON" else holder.lower_ in _PERSONAL_PRONOUNS):
        return None
    speaker, role = _source(reader, holder)
    return Draft("indirect", [reader.char_range(*content)], "reported.stance_holder",
                 cue=reader.char_range(noun.i, noun.i + 1), speaker=speaker, role=role)


def _in_favour(reader: Reader, noun: Token) -> Draft | None:
    """``She argued in favour of staying``, ``Lund is in favour of a ban``: the subject of the
    verb the phrase hangs on."""
    verb = noun.head.head
    content = _of_object(noun)
    if content is None or verb.pos_ not in ("VERB", "AUX") or reader.quoted[verb.i]:
        return None
    subject = cues.subject_of(verb, reader.quoted) if verb.lemma_ != "be" else next(
        (c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None or reader.quoted[subject.i] or subject.lower_ in _NO_SOURCE_SUBJECTS:
        return None
    speaker, role = speaker_and_role(reader, subject)
    return Draft("indirect", [reader.char_range(*content)], "reported.stance_holder",
                 cue=reader.char_range(noun.head.i, noun.i + 1), speaker=speaker, role=role)


def _stance_adjective(reader: Reader, adjective: Token) -> Draft | None:
    """``Republicans were critical of the plan``, ``Lund is confident that the deal will hold``,
    ``the party was reluctant to back him``: the subject of the copula holds the stance."""
    verb = adjective if _passive_participle(adjective) else adjective.head
    if verb is not adjective and verb.lemma_.lower() not in _COPULAS or reader.quoted[verb.i]:
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or reader.quoted[subject.i] or subject.lower_ in _NO_SOURCE_SUBJECTS:
        return None
    if adjective.lower_ in INTENT_ADJECTIVES:
        content = infinitive_after(adjective, adjective.i)
    else:
        degree = any(c.dep_ == "advmod" and c.lower_ in _DEGREE_WORDS for c in adjective.children)
        content = (None if degree else that_clause(adjective, adjective.i)) or next(
            (object_of(c) for c in adjective.rights if c.dep_ == "prep" and c.i == adjective.i + 1
             and c.lower_ in _ADJECTIVE_PREPOSITIONS), None)
    if content is None:
        return None
    speaker, role = speaker_and_role(reader, cues.subject_of(verb, reader.quoted) or subject)
    return Draft("indirect", [reader.char_range(*content)], "reported.stance_adjective",
                 cue=reader.char_range(adjective.i, adjective.i + 1), speaker=speaker, role=role)


def _passive_participle(token: Token) -> bool:
    """``MPs are opposed to``, ``she was worried that``: a participle parsed as a passive verb."""
    return token.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lemma_ == "be" for c in token.children)


def _owned_stance(reader: Reader, noun: Token) -> Draft | None:
    """``the senator's criticism of the deal``, ``her support for the bill``, ``calls from
    unions for a strike``, ``Her argument is that ...``."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = _source_after(noun, by=True)
    if owner is None or not _can_own(owner):
        return None
    content = complement(noun)
    if content is None and noun.dep_ == "nsubj" and noun.head.lemma_ == "be":
        content = that_clause(noun.head, noun.i) or infinitive_after(noun.head, noun.i)
    if content is None:
        return None
    speaker, role = _source(reader, owner)
    return Draft("indirect", [reader.char_range(*content)], "reported.stance_noun",
                 cue=reader.char_range(noun.i, noun.i + 1), speaker=speaker, role=role)


def _in_someones_view(reader: Reader, sentence: SpacySpan, noun: Token) -> Draft | None:
    """``In Ms Lund's view, the council erred``, ``..., in his opinion.``, ``In the view of the
    union, ...``: the clause beside the phrase is the owner's."""
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None:
        owner = next((g for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj"), None)
    if owner is None or not _can_own(owner):
        return None
    doc = reader.doc
    first, last = noun.head.i, noun.right_edge.i + 1
    before = cues.trim(doc, sentence.start, first)
    after = cues.trim(doc, last, sentence.end)
    if before[1] > before[0] and doc[first - 1].text != ",":
        return None  # "She lost faith in his judgement": no aside
    pieces = [piece for piece in (before, after) if piece[1] - piece[0] >= 3]
    if not pieces or not any(t.pos_ in ("VERB", "AUX") for piece in pieces for t in doc[piece[0] : piece[1]]):
        return None
    speaker, role = _source(reader, owner)
    return Draft("indirect", [reader.char_range(*piece) for piece in pieces], "reported.in_view",
                 cue=reader.char_range(first, noun.i + 1), speaker=speaker, role=role)


def _source(reader: Reader, owner: Token) -> tuple[TokenRange, str | None]:
    """The speaker mention and role for a stance's holder; a pronoun is left to coreference."""
    if owner.pos_ == "PRON":
        return cues.mention_tokens(owner), None
    return speaker_and_role(reader, owner)


def _can_own(owner: Token) -> bool:
    """A name, a third-person possessive pronoun, or a noun for people or a body."""
    if owner.pos_ == "PRON":
        return owner.lower_ in _OWNER_PRONOUNS
    if owner.pos_ == "PROPN":
        return owner.ent_type_ in _OWNER_ENTITIES
    return owner.pos_ == "NOUN" and (owner.lemma_.lower() in _OWNER_NOUNS
                                     or owner.ent_type_ in ("PERSON", "ORG", "NORP"))


def _light_verb_stance(reader: Reader, noun: Token) -> Draft | None:
    """``Okafor expressed concern that ...``, ``Lund voiced support for ...``."""
    verb = noun.head
    lemma = verb.lemma_.lower()
    light = lemma in LIGHT_VERBS or lemma == "have" and noun.lemma_.lower() in _HELD_STANCES
    if noun.dep_ != "dobj" or not light or reader.quoted[verb.i]:
        return None
    subject = cues.subject_of(verb, reader.quoted)
    if subject is None or reader.quoted[subject.i]:
        return None
    content = complement(noun, COMPLEMENT_PREPOSITIONS if lemma == "have" else None) or that_clause(verb, noun.i) \
        or verb_complement(verb, noun)
    if content is None:
        return None
    speaker, role = speaker_and_role(reader, subject)
    return Draft("indirect", [reader.char_range(*content)], "reported.light_verb",
                 cue=reader.char_range(verb.i, noun.i + 1), speaker=speaker, role=role,
                 used_verbs={verb.i})




def _idiom_stance(reader: Reader, noun: Token) -> Draft | None:
    """``Okafor took aim at the deal``, ``Lund took issue with the figures``."""
    verb = noun.head
    if noun.dep_ != "dobj" or reader.quoted[verb.i]:
        return None
    subject = cues.subject_of(verb, reader.quoted)
    if subject is None or reader.quoted[subject.i]:
        return None
    content = None
    for head in (noun, verb):
        content = next((object_of(c) for c in head.rights if c.dep_ == "prep" and c.i > noun.i
                        and c.lower_ in _IDIOM_PREPOSITIONS), None)
        if content is not None:
            break
    if content is None:
        return None
    speaker, role = speaker_and_role(reader, subject)
    return Draft("indirect", [reader.char_range(*content)], "reported.light_verb",
                 cue=reader.char_range(verb.i, noun.i + 1), speaker=speaker, role=role, used_verbs={verb.i})


def _received_stance(reader: Reader, noun: Token) -> Draft | None:
    """``The scheme drew criticism from farmers``, ``Okafor won the backing of the union``: the
    one named after the noun holds the stance; it is about the verb's subject."""
    verb = noun.head
    if noun.dep_ != "dobj" or verb.lemma_.lower() not in RECEIVING_VERBS or reader.quoted[verb.i] \
            or noun.lemma_.lower() not in _GIVEN_STANCES:
        return None
    source = _source_after(noun) or _source_after(verb, after=noun.right_edge.i)
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if source is None or subject is None or reader.quoted[subject.i] or reader.quoted[source.i]:
        return None
    start, end = cues.trim(reader.doc, subject.left_edge.i, subject.right_edge.i + 1)
    if end <= start:
        return None
    parts = [reader.char_range(start, end)]
    reason = next((c for head in (noun, verb) for c in head.rights if c.dep_ == "prep" and c.i > source.i
                   and c.lower_ in _REASON_PREPOSITIONS), None)
    if reason is not None:
        parts.append(reader.char_range(*cues.trim(reader.doc, reason.i, reason.right_edge.i + 1)))
    speaker, role = speaker_and_role(reader, source)
    return Draft("indirect", parts, "reported.received_stance",
                 cue=reader.char_range(verb.i, noun.i + 1), speaker=speaker, role=role)


def _source_after(head: Token, after: int | None = None, *, by: bool = False) -> Token | None:
    """Who follows ``from`` (or ``of``, on the noun itself) when they could hold a stance; with
    ``after``, only a ``from`` right after that token (the parse hung it on the verb); with
    ``by``, ``from`` or ``by`` (``calls from unions``, ``criticism by the mayor``), never ``of``
    (``support of the bill`` names what is supported)."""
    for child in head.rights:
        if child.dep_ != "prep" or child.lower_ not in (("from", "by") if by else ("from", "of")):
            continue
        if after is not None and (child.i != after + 1 or child.lower_ != "from"):
            continue
        source = next((g for g in child.children if g.dep_ == "pobj"), None)
        if source is not None and _can_own(source):
            return source
    return None

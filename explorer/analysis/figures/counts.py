"""What a number measures, in the sentence's own words, read off the dependency parse.

"Some 22,000 people were smuggled by gangs along routes through the Western
Balkans in 2024" -> "people smuggled by gangs along routes through the Western
Balkans": the counted noun, its modifiers, the verb that governs it and the
verb's prepositional phrases (less those that are themselves figures, like "in 2024").
When the noun is left out ("returned a paltry 26 to France"), the counted noun
is the nearest earlier plural object or subject in the sentence.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from explorer.analysis.lexicons import words

NOUN_MODIFIERS = frozenset({"amod", "compound", "nmod", "poss"})
VERB_COMPLEMENTS = frozenset({"agent", "prep", "dative", "prt", "neg", "acomp", "oprd"})
COLLECTIVE_NOUNS = words("collective_nouns")
ANTECEDENT_DEPS = ("dobj", "nsubj", "nsubjpass", "attr", "pobj", "conj", "appos")
SKIPPED_DEPS = frozenset({"advmod", "punct", "cc", "relcl", "acl", "appos", "advcl", "conj",
                          "mark"})
"""Dependents that wander from what is counted: asides, clauses, other conjuncts."""
TIME_NOUNS = words("time_nouns") | words("time_units")
ONES = frozenset({"1", "one", "a", "an"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr"})
MAX_WORDS = 16


def _phrase(tokens: list[Token]) -> str:
    """The tokens in text order, spaced as in the text ("council's"), with a space where
    words were left out between them."""
    tokens = sorted(set(tokens), key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].pos_ == "DET"):
        tokens.pop(0)
    while tokens and tokens[-1].is_punct:
        tokens.pop()
    tokens = tokens[:MAX_WORDS]
    parts = []
    for token, following in zip(tokens, tokens[1:] + [None]):
        parts.append(token.text)
        if following is not None and (token.whitespace_ or following.i != token.i + 1):
            parts.append(" ")
    return "".join(parts)


def _off_topic(prep: Token, exclude: set[int]) -> bool:
    """A prepositional phrase that holds another figure ("in 2024") or says when."""
    if any(t.i in exclude for t in prep.subtree):
        return True
    return any(c.dep_ == "pobj" and c.lower_ in TIME_NOUNS for c in prep.children)


def _collect(token: Token, exclude: set[int], words: list[Token]) -> None:
    """The token and its dependents, leaving out other figures and the phrases that hold
    them, so the rest of the phrase survives."""
    words.append(token)
    for child in token.children:
        if child.i in exclude or (child.dep_ in SKIPPED_DEPS and child.tag_ != "HYPH"):
            continue  # keep the hyphen of "ten-year"
        if child.dep_ == "prep" and _off_topic(child, exclude):
            continue
        _collect(child, exclude, words)


def _noun_words(noun: Token, exclude: set[int]) -> list[Token]:
    """The noun with its adjectives and compounds ("illegal immigrants"); "of" phrases too."""
    words = [noun]
    for child in noun.children:
        if child.i in exclude:
            continue
        if child.dep_ in NOUN_MODIFIERS and child.i < noun.i:
            _collect(child, exclude, words)
        elif child.dep_ == "prep" and child.lower_ == "of" and child.i > noun.i:
            _collect(child, exclude, words)
    return words


def _governing_verb(token: Token) -> Token | None:
    """The verb whose subject, object or prepositional object ``token`` is."""
    current = token
    for _ in range(4):
        if current.dep_ in ARGUMENT_DEPS or current.head.pos_ in ("VERB", "AUX"):
            head = current.head
            return head if head.pos_ in ("VERB", "AUX") and head is not current else None
        if current.head is current:
            return None
        current = current.head
    return None


def _verb_words(verb: Token, exclude: set[int]) -> list[Token]:
    """The verb and what follows it: "smuggled by gangs along routes through the Balkans"."""
    words = [verb]
    for child in verb.children:
        if child.dep_ in VERB_COMPLEMENTS and child.i > verb.i and child.i not in exclude:
            if child.dep_ == "prep" and _off_topic(child, exclude):
                continue
            _collect(child, exclude, words)
    return words


def _counted_noun(root: Token, figure: SpacySpan) -> Token | None:
    """The noun the number stands in front of ("22,000 people"), if it has one."""
    head = root.head
    if root.dep_ in ("nummod", "quantmod", "amod", "compound") and head.pos_ in ("NOUN", "PROPN"):
        if head.tag_ in ("NNS", "NNPS") or head.lower_ in COLLECTIVE_NOUNS:
            return head
        # "a paltry 26": a singular noun after a plural number is an adjective misread.
        misread = head.tag_ == "NN" and root.like_num and root.lower_ not in ONES
        if head.i < figure.end + 2 and not misread:
            return head
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return objects[0]  # "half of the voters"
    return None


def _antecedent(doc: Doc, figure: SpacySpan, exclude: set[int]) -> Token | None:
    """The nearest earlier plural object or subject in the sentence: what an elided count counts."""
    sentence = figure.sent
    best: tuple[int, int, Token] | None = None
    for token in sentence:
        if token.i >= figure.start or token.i in exclude:
            continue
        if token.tag_ != "NNS" or token.dep_ not in ANTECEDENT_DEPS:
            continue
        rank = 0 if token.dep_ in ("dobj", "nsubj", "nsubjpass") else 1
        key = (rank, figure.start - token.i)
        if best is None or key < best[:2]:
            best = (*key, token)
    return best[2] if best else None


def _person_name(token: Token) -> str:
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start - 1].ent_iob_ != "O":
        if doc[start].ent_iob_ == "B":
            break
        start -= 1
    return doc[start : token.i + 1].text


def counted_noun(doc: Doc, figure: SpacySpan) -> Token | None:
    """The noun written right after the number that it counts, if any ("22,000 people")."""
    noun = _counted_noun(figure.root, figure)
    if noun is not None and noun.i == figure.end and not noun.is_sent_start:
        return noun
    return None


def _subject_phrase(verb: Token, exclude: set[int]) -> str | None:
    """ "Support for the plan rose": what a percentage or sum belongs to, when the sentence
    says it through the verb's subject."""
    subjects = [c for c in verb.children
                if c.dep_ in ("nsubj", "nsubjpass") and c.i not in exclude and c.pos_ != "PRON"]
    if not subjects:
        return None
    words = _noun_words(subjects[0], exclude)
    for child in subjects[0].children:
        if child.dep_ == "prep" and child.lower_ != "of":
            _collect(child, exclude, words)
    if verb.lemma_ != "be":
        words.append(verb)
    return _phrase(words) or None


def _noun_and_verb(noun: Token, verb: Token | None, exclude: set[int]) -> str | None:
    """Noun first, then the verb: "illegal immigrants returned to France", even for an object."""
    text = _phrase([t for t in _noun_words(noun, exclude) if t.i not in exclude])
    if verb is not None and verb.lemma_ != "be":
        text = f"{text} {_phrase(_verb_words(verb, exclude | {noun.i}))}"
    return text.strip() or None


def describe(
    doc: Doc, figure: SpacySpan, kind: str, exclude: set[int]
) -> tuple[str | None, str | None]:
    """(what the figure counts, the noun it counts) for counts, money, percentages,
    quantities and ordinals; dates and durations say when, not what.

    ``exclude``: tokens of every figure of the sentence, kept out of the description.
    """
    if kind in ("date", "duration"):
        return None, None
    root = figure.root
    if kind == "count" and root.dep_ == "appos" and root.head.ent_type_ == "PERSON":
        return f"age of {_person_name(root.head)}", "years old"  # "Kath Robson, 67,"
    exclude = exclude | set(range(figure.start, figure.end))
    noun = _counted_noun(root, figure)
    if kind == "ordinal":
        return (_phrase(_noun_words(noun, exclude)) if noun is not None else None), None
    if kind == "count":
        if noun is None:
            noun, verb = _antecedent(doc, figure, exclude), _governing_verb(root)
        else:
            verb = _governing_verb(noun)
        if noun is None:
            return None, None
        return _noun_and_verb(noun, verb, exclude), noun.lower_
    verb = _governing_verb(noun if noun is not None else root)
    if noun is None:
        return (_subject_phrase(verb, exclude) if verb is not None else None), None
    return _noun_and_verb(noun, verb, exclude), None

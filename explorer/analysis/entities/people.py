"""Telling people from organisations, and reading the role the text gives a person."""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from explorer.analysis.entities.first_names import is_first_name
from explorer.analysis.lexicons import words
from explorer.analysis.names import TITLES

ORGANISATION_WORDS = words("organisation_words")
"""Words that make a name an institution's, not a person's."""

ORGANISATION_NOUNS = ORGANISATION_WORDS | words("body_nouns")
"""What an organisation is called in apposition: "The regulator, Ofwat, said"."""

ROLE_NOUNS = words("role_nouns")
"""Head nouns of the roles articles give people ("the shadow home secretary")."""

PORTFOLIO_WORDS = words("portfolio_words")
"""Words the model tags as an organisation in "Home Secretary", "Foreign Minister"."""

TITLE_ADJECTIVES = frozenset({"first", "prime", "foreign", "home", "shadow", "acting", "former"})

MAX_ROLE_TOKENS = 14
NAME_WORD = re.compile(r"^[A-Z][a-z]*(?:[A-Z'’-][A-Za-z]+)*$")
"""A capitalised name word: "Smith", "MacLeod", "O'Brien", "Smith-Jones"; not "NHS"."""


def name_words(span: SpacySpan) -> list[Token]:
    """The span's tokens without a leading "the" and a trailing possessive or punctuation."""
    tokens = list(span)
    while tokens and tokens[0].lower_ in ("the", "a", "an"):
        tokens.pop(0)
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].lower_ in ("'s", "’s")
                      or tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    return tokens


def has_organisation_word(tokens: list[Token]) -> bool:
    return any(t.lower_ in ORGANISATION_WORDS for t in tokens)


def looks_like_person(tokens: list[Token]) -> bool:
    """A title (Ms, Mr, Dr...) then a name, or a known first name then one or two more words."""
    if len(tokens) < 2 or has_organisation_word(tokens):
        return False
    if tokens[0].lower_ in TITLES and tokens[0].lower_ not in ROLE_NOUNS:
        return tokens[1].is_title
    return (
        len(tokens) <= 3
        and is_first_name(tokens[0].text)
        and all(NAME_WORD.match(t.text) for t in tokens)
    )


def is_only_a_title(tokens: list[Token]) -> bool:
    """ "First Minister", "Prime Minister": role words and no name."""
    return all(
        t.lower_ in ROLE_NOUNS or t.lower_ in PORTFOLIO_WORDS or t.lower_ in TITLE_ADJECTIVES
        for t in tokens
    )


def is_portfolio_word(span: SpacySpan) -> bool:
    """ "Home" in "Home Secretary": a role's first word the model took for an organisation."""
    tokens = name_words(span)
    if len(tokens) != 1:
        return False
    token = tokens[0]
    return (
        token.lower_ in PORTFOLIO_WORDS
        and token.dep_ == "compound"
        and token.head.lower_ in ROLE_NOUNS
        and not span.start <= token.head.i < span.end
    )


def _tidy(tokens: list[Token]) -> str | None:
    """The role's words without a leading article or "its"/"his", or a relative clause."""
    clauses = {d.i for t in tokens if t.dep_ == "relcl" for d in t.subtree}
    tokens = [t for t in tokens if t.i not in clauses]
    while tokens and (tokens[0].is_punct or tokens[0].lower_ in ("the", "a", "an")
                      or tokens[0].tag_ == "PRP$"):
        tokens.pop(0)
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space):
        tokens.pop()
    if not tokens or len(tokens) > MAX_ROLE_TOKENS:
        return None
    text = "".join(t.text_with_ws for t in tokens).strip()
    return text or None


def _has_role_noun(tokens: list[Token]) -> bool:
    return any(t.lower_ in ROLE_NOUNS for t in tokens)


def split_role_prefix(tokens: list[Token]) -> tuple[list[Token], list[Token]]:
    """ "Home Secretary Shabana Mahmood" -> (["Home", "Secretary"], ["Shabana", "Mahmood"]).

    The role ends at its last role noun; honorifics (Ms, Mr) stay with the name.
    """
    last_role = -1
    for index, token in enumerate(tokens[:-1]):
        if token.lower_ in ROLE_NOUNS:
            last_role = index
    return tokens[: last_role + 1], tokens[last_role + 1 :]


def role_of(doc: Doc, name: list[Token], inside: list[Token]) -> str | None:
    """The role the sentence gives the person named by ``name`` (``inside``: role words already
    in the entity, as in "Home Secretary Shabana Mahmood")."""
    if inside and _has_role_noun(inside):
        return _tidy(list(inside))
    start, end = name[0].i, name[-1].i + 1
    root = next((t for t in name if not start <= t.head.i < end), name[-1])
    # "Chris Philp, the shadow home secretary": an apposition after the name.
    for child in root.rights:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and child.i >= end:
            words = list(child.subtree)
            if _has_role_noun(words):
                return _tidy(words)
    # "Director general of the NCA, Graeme Biggar": the name is the apposition.
    head = root.head
    if root.dep_ == "appos" and head.i < start and head.pos_ in ("NOUN", "PROPN"):
        cut = start
        while (
            cut > 0 and doc[cut - 1].lower_ in TITLES and doc[cut - 1].text[:1].isupper()
            and doc[cut - 1].dep_ == "compound"
        ):
            cut -= 1  # "Its president, Professor Alan Cheung": the title is the name's
        words = [t for t in head.subtree if t.i < cut]
        if _has_role_noun(words) and not any(t.ent_type_ == "PERSON" for t in words):
            return _tidy(words)
    # "Home Secretary Shabana Mahmood", "Labour leader Keir Starmer": compounds in front.
    prefix: list[Token] = []
    index = start - 1
    while index >= 0:
        token = doc[index]
        if token.dep_ not in ("compound", "amod", "nmod"):
            break
        if token.pos_ not in ("NOUN", "PROPN", "ADJ"):
            break
        if token.ent_type_ == "PERSON" or not index < token.head.i < end:
            break
        prefix.insert(0, token)
        index -= 1
    if prefix and _has_role_noun(prefix):
        return _tidy(prefix)
    return None

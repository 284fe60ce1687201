"""Lemmas the parser gets wrong, put right before any rule reads them."""

from __future__ import annotations

from functools import cache

from spacy.tokens import Doc

from explorer.analysis.lexicons import words


@cache
def _corrections() -> dict[str, str]:
    return dict(entry.split() for entry in words("misread_lemmas"))


def correct_lemmas(doc: Doc) -> Doc:
    """Give each verb form of ``misread_lemmas`` its true lemma (``hoped`` is "hope", not "hop")."""
    corrections = _corrections()
    for token in doc:
        lemma = corrections.get(token.lower_)
        if lemma is not None and token.pos_ in ("VERB", "AUX"):
            token.lemma_ = lemma
    return doc

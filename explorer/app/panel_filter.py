"""The panel filter: words, each a case-insensitive substring, with optional field prefixes.

``quint`` keeps rows where any field holds "quint"; ``speaker:quint kind:reported``
keeps rows whose speaker holds "quint" and whose kind holds "reported". Every
term must match. ``speaker:"tom haddow"`` keeps a phrase together.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

FIELDS = ("speaker", "name", "role", "text", "kind", "confidence")
"""Prefixes a term may carry."""
ALIASES = {"who": "speaker", "type": "kind"}
SAME_FIELD = {"speaker": ("speaker", "name"), "name": ("name", "speaker")}
"""A speaker's name and a place's name are both what ``name:`` or ``speaker:`` look in."""

_TERM = re.compile(r'(?:(\w+):)?(?:"([^"]*)"?|(\S+))')


@dataclass(frozen=True, slots=True)
class Term:
    """One word of the filter: ``field`` (``None``: any field) must contain ``value``."""

    field: str | None
    value: str


def parse_filter(query: str) -> tuple[Term, ...]:
    """The terms of a filter query; an unknown prefix (``10:30``) is part of the word."""
    terms: list[Term] = []
    for match in _TERM.finditer(query.lower()):
        prefix, phrase, word = match.groups()
        value = phrase if phrase is not None else word or ""
        field = ALIASES.get(prefix or "", prefix)
        if field is not None and field not in FIELDS:
            field, value = None, f"{prefix}:{value}"
        value = " ".join(value.split())
        if value:
            terms.append(Term(field, value))
    return tuple(terms)


def matches(terms: tuple[Term, ...], fields: Mapping[str, str]) -> bool:
    """Every term is a substring of its field (or of any field); ``fields`` are lower case."""
    for term in terms:
        if term.field is None:
            if not any(term.value in value for value in fields.values()):
                return False
        elif not any(term.value in fields.get(field, "")
                     for field in SAME_FIELD.get(term.field, (term.field,))):
            return False
    return True

"""Common given names, to tell a person from an organisation the small model mistook.

A compact curated list (British, American, European, South Asian, Arabic,
African and East Asian names that recur in English-language news); it only
has to catch the first word of a two- or three-word name tagged as something else.
"""

from __future__ import annotations

from explorer.analysis.lexicons import words

FIRST_NAMES = words("given_names")


def is_first_name(word: str) -> bool:
    return word.lower() in FIRST_NAMES

"""The gender a given name usually signals in English-language news, for pronoun resolution.

Only names that are clearly one or the other are listed: "she said" must not
go to Gordon Brown, nor "he said" to Sue Essex. A name in neither list (Jordan,
Sam, Saxon) says nothing, and a title (Ms, Sir) always outranks the name.
"""

from __future__ import annotations

from explorer.analysis.lexicons import words

FEMALE = words("female_given_names")

MALE = words("male_given_names")


def gender_of_given_name(word: str) -> str | None:
    """``"male"``, ``"female"``, or None when the name does not say."""
    lower = word.lower()
    if lower in FEMALE:
        return "female"
    if lower in MALE:
        return "male"
    return None

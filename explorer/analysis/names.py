"""Name forms shared by the entity and speaker stages: titles, surnames, gender cues."""

from __future__ import annotations

import re

from explorer.analysis.lexicons import words

TITLES: dict[str, str | None] = {
    **dict.fromkeys(words("titles")),
    **dict.fromkeys(words("male_titles"), "male"),
    **dict.fromkeys(words("female_titles"), "female"),
}
"""Honorifics and titles that may precede a name, with the gender they imply."""

PRONOUN_GENDER = {
    "he": "male", "him": "male", "his": "male", "himself": "male",
    "she": "female", "her": "female", "hers": "female", "herself": "female",
    "they": "plural", "them": "plural", "their": "plural", "we": "plural", "our": "plural",
    "it": "neuter", "its": "neuter",
}

_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"[’']s?$")


def normalise(name: str) -> str:
    """Collapse spaces, drop a leading "the" and a trailing possessive."""
    name = _SPACES.sub(" ", name).strip()
    if name.lower().startswith("the "):
        name = name[4:]
    return _POSSESSIVE.sub("", name).strip()


def split_title(name: str) -> tuple[str | None, str]:
    """``"Ms Mahmood"`` -> ``("Ms", "Mahmood")``; no title -> ``(None, name)``."""
    words = normalise(name).split(" ")
    if len(words) > 1 and words[0].lower() in TITLES:
        return words[0], " ".join(words[1:])
    return None, " ".join(words)


def surname(name: str) -> str:
    """The last word of the name without its title: ``"Ms Shabana Mahmood"`` -> ``"Mahmood"``."""
    return split_title(name)[1].split(" ")[-1]


def title_gender(name: str) -> str | None:
    title, _ = split_title(name)
    return TITLES.get(title.lower()) if title else None


def could_be_same_person(short: str, full: str) -> bool:
    """True when ``short`` (``"Ms Mahmood"``, ``"Mahmood"``) can name ``full``."""
    short_words = split_title(short)[1].lower().split(" ")
    full_words = split_title(full)[1].lower().split(" ")
    if not short_words or not full_words or len(short_words) > len(full_words):
        return False
    return full_words[-len(short_words):] == short_words or short_words == full_words[: len(short_words)]

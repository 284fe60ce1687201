"""Role classes of sources (politician, expert, business …) from a speaker's role and body.

One ordered table of rules: the first class whose words appear in the
speaker's role, the body it represents, its name (for organisations and
titles such as "Dr") or its aliases wins, and the words found are kept as
evidence: "Home Secretary" -> politician or official, because of "secretary".
Pure Python over the model: no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from explorer.analysis.lexicons import words
from explorer.model import Speaker

RoleClass = Literal[
    "politician", "expert", "business", "campaigner", "public", "culture", "unknown",
]

ROLE_CLASS_LABELS: dict[RoleClass, str] = {
    "politician": "politician or official",
    "expert": "expert or academic",
    "business": "business",
    "campaigner": "campaigner or charity",
    "public": "public or witness",
    "culture": "culture or sport",
    "unknown": "unknown",
}
"""Every role class, in the order a card lists them."""

ROLE_CLASS_RULES: tuple[tuple[RoleClass, tuple[str, ...]], ...] = tuple(
    (role_class, tuple(sorted(words(f"role_class_{role_class}"))))
    for role_class in ("politician", "expert", "business", "campaigner", "culture", "public")
)
"""(role class, words) in the order they are tried; a phrase matches on word boundaries."""


@dataclass(frozen=True, slots=True)
class RoleEvidence:
    """Why a speaker got its role class: which field held which words."""

    role_class: RoleClass
    field: Literal["role", "represents", "name", "alias"]
    text: str
    """The whole field as the article gives it ("the Home Secretary")."""
    matched: str
    """The rule's words found in it ("secretary")."""

    @property
    def label(self) -> str:
        return f"“{self.text}” → {ROLE_CLASS_LABELS[self.role_class]}"


def _pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    longest_first = sorted(words, key=len, reverse=True)
    alternatives = "|".join(re.escape(word) for word in longest_first)
    return re.compile(rf"(?<![\w.])(?:{alternatives})(?![\w])", re.IGNORECASE)


_COMPILED = tuple((role_class, _pattern(words)) for role_class, words in ROLE_CLASS_RULES)

# A person's own name says nothing of their trade ("Tom Baker" is not in business);
# only the title before it does ("Dr Ann Lee").
_TITLE_WORDS = words("trade_titles")


def _fields(speaker: Speaker) -> list[tuple[str, str]]:
    fields: list[tuple[str, str]] = []
    if speaker.role:
        fields.append(("role", speaker.role))
    if speaker.represents:
        fields.append(("represents", speaker.represents))
    if speaker.kind == "person":
        first_word = speaker.name.split(" ", 1)[0]
        if first_word.lower() in _TITLE_WORDS:
            fields.append(("name", speaker.name))
    elif speaker.kind != "unresolved":
        fields.append(("name", speaker.name))
        fields.extend(("alias", alias) for alias in speaker.aliases)
    return fields


def classify(speaker: Speaker) -> RoleEvidence | None:
    """The role class of ``speaker`` with its evidence; None when no rule applies."""
    for field, text in _fields(speaker):
        for role_class, pattern in _COMPILED:
            found = pattern.search(text)
            if found:
                return RoleEvidence(role_class, field, " ".join(text.split()),
                                    found.group().lower())
    return None

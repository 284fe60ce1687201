"""Is this the same source? Matching speakers across articles by name, alias and title.

"Maria Quint", "Ms Quint" and "Quint" are one person; "the Home Secretary" is
the speaker whose role is Home Secretary; "Anna Quint" is someone else, and a
bare first name ("Maria") is never enough on its own. Pure string rules over
the model's names, roles and aliases; no spaCy.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from explorer.analysis.names import PRONOUN_GENDER, TITLES, normalise

_INITIAL = re.compile(r"^[a-z]\.?$")


@dataclass(frozen=True, slots=True)
class PersonName:
    """What an article tells of a source: its name, other names, role and kind."""

    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    kind: str = "person"


@dataclass(frozen=True, slots=True)
class NameForm:
    """A name taken apart: ``"Ms Maria Quint"`` -> title ms, words (maria, quint)."""

    title: str | None
    words: tuple[str, ...]

    @property
    def surname(self) -> str | None:
        return self.words[-1] if self.words else None

    @property
    def given(self) -> tuple[str, ...]:
        return self.words[:-1]


@lru_cache(maxsize=4096)
def name_form(name: str) -> NameForm:
    words = [w.strip(",").casefold() for w in normalise(name).split(" ") if w.strip(",")]
    title = None
    while len(words) > 1 and words[0] in TITLES:
        title = title or words[0].rstrip(".")
        words = words[1:]
    return NameForm(title, tuple(words))


@lru_cache(maxsize=4096)
def _key(name: str) -> str:
    return " ".join(normalise(name).split()).casefold()


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Given names agree: equal, or one is the other's initial ("J." and "John").

    Read from the left ("Maria Anne" and "Maria") or from the right, where a role
    the name was printed with falls away ("Opposition councillor Tom" and "Tom").
    """
    return _agree(zip(a, b)) or _agree(zip(reversed(a), reversed(b)))


def _agree(pairs) -> bool:
    for x, y in pairs:
        if x == y:
            continue
        if _INITIAL.match(x) and y.startswith(x[0]) or _INITIAL.match(y) and x.startswith(y[0]):
            continue
        return False
    return True


def _titles_conflict(a: NameForm, b: NameForm) -> bool:
    """Mr and Ms cannot be one person; Dr and Ms can."""
    genders = {TITLES.get(t) or TITLES.get(f"{t}.") for t in (a.title, b.title) if t}
    return None not in genders and len(genders) > 1


def _names_match(a: str, b: str) -> bool:
    form_a, form_b = name_form(a), name_form(b)
    if not form_a.words or not form_b.words or _titles_conflict(form_a, form_b):
        return False
    if form_a.words == form_b.words:
        return True
    if form_a.surname != form_b.surname:
        return False
    if len(form_a.words) == 1 or len(form_b.words) == 1:
        # "Quint" or "Ms Quint" names a full "Maria Quint"; a lone first name never does,
        # and the surname test above already set "Maria" against "Maria Quint" apart.
        return True
    return _given_compatible(form_a.given, form_b.given)


def _names(person: PersonName) -> list[str]:
    """The name and the aliases that name someone: "She" is an alias of everyone."""
    return [n for n in (person.name, *person.aliases)
            if n.strip() and _key(n) not in PRONOUN_GENDER]


UNIDENTIFIED = frozenset({"anonymous", "unresolved", "group"})
"""Kinds whose name says who they are not: "a source" here is not "a source" there."""


def same_person(a: PersonName, b: PersonName) -> bool:
    """Do ``a`` and ``b`` name the same source?"""
    if a.kind in UNIDENTIFIED or b.kind in UNIDENTIFIED:
        return False
    names_a = {_key(n) for n in _names(a)}
    names_b = {_key(n) for n in _names(b)}
    if names_a & names_b:
        return True
    # "the Home Secretary" as a speaker's whole name is whoever holds that role.
    if a.role and _key(a.role) in names_b or b.role and _key(b.role) in names_a:
        return True
    people = ("person", "spokesperson", "unknown")
    if a.kind not in people or b.kind not in people:
        return False
    full_a, full_b = _full_names(a), _full_names(b)
    if full_a and full_b:
        # Both sides know a given name: "Ms Quint" must not join Maria to Anna Quint.
        return any(_names_match(x, y) for x in full_a for y in full_b)
    return any(_names_match(x, y) for x in _names(a) for y in _names(b))


def _full_names(person: PersonName) -> list[str]:
    return [n for n in _names(person) if is_full_name(n)]


def is_full_name(name: str) -> bool:
    """A given name and a surname: enough to tell two people with one surname apart."""
    return len(name_form(name).words) >= 2

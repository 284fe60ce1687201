"""When two articles quote the same speaker: name keys for matching across a corpus.

Inside one article the analysis has already merged every way a speaker is named
("Shabana Mahmood", "Ms Mahmood", "the Home Secretary"). Across articles only a
name that picks out one person can link two speakers: a full name ("Shabana
Mahmood", honorifics dropped) or, for a body, its name ("Home Office"). A bare
surname ("Ms Mahmood") or an office ("the Home Secretary") is shared by several
people over time, so it never links two articles on its own.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

HONORIFICS = frozenset({
    "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "baroness", "baron", "rev", "revd", "reverend", "fr", "father", "rabbi", "imam", "sheikh",
    "cllr", "councillor", "mp", "mep", "msp", "qc", "kc", "jr", "sr",
})
PERSON_KINDS = frozenset({"person", "spokesperson", "anonymous", "unresolved", "unknown"})
"""Kinds named like people: one word (a surname) is not enough to tell two of them apart."""
_WORD = re.compile(r"[\w'’.-]+")


def speaker_key(name: str) -> str:
    """Names that differ only in case or spacing are one speaker."""
    return " ".join(name.split()).casefold()


def identity_key(name: str, kind: str = "person") -> str | None:
    """The key under which ``name`` may match a speaker of another article, or None.

    People need at least two words besides honorifics; a name starting with
    "the" is an office or a description ("the Home Secretary"), never a key.
    """
    words = [w.strip(".'’").casefold() for w in _WORD.findall(name)]
    words = [w.removesuffix("'s").removesuffix("’s") for w in words if w]
    if not words or words[0] in ("the", "a", "an"):
        return None
    words = [w for w in words if w not in HONORIFICS]
    needed = 2 if kind in PERSON_KINDS else 1
    if len(words) < needed:
        return None
    return " ".join(words)


def identity_keys(name: str, aliases: Iterable[str] = (), kind: str = "person") -> set[str]:
    """Every key a speaker known by ``name`` and ``aliases`` can be matched under."""
    keys = {identity_key(n, kind) for n in (name, *aliases)}
    keys.discard(None)
    return keys  # type: ignore[return-value]

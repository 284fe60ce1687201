"""The analysis word lists: one data file per concept (``NAME.txt`` beside this module).

Each file holds one entry a line; ``#`` starts a comment that says what the
list is for and what it must not contain. Files are read once, through
``importlib.resources`` so that an installed (zipped or non-editable) package
finds them, and are hashed into the rules fingerprint like the code.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

_FOLDER = files(__name__)
"""Looked up once: each ``files()`` call costs as much as reading a small list."""


@cache
def words(name: str) -> frozenset[str]:
    """The entries of lexicon ``name`` (``speech_verbs`` reads ``speech_verbs.txt``)."""
    text = _FOLDER.joinpath(f"{name}.txt").read_text(encoding="utf-8")
    return frozenset(entry for line in text.splitlines() if (entry := line.split("#", 1)[0].strip()))


def lexicon_names() -> list[str]:
    """Every lexicon the package holds, by name, sorted."""
    return sorted(entry.name[:-4] for entry in _FOLDER.iterdir() if entry.name.endswith(".txt"))

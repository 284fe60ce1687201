"""A fingerprint of the analysis rules, part of the cache key.

Derived from the rules' own source files rather than a hand-bumped number, so
no change to a rule can leave stale analyses in the cache.
"""

from __future__ import annotations

import hashlib
import os
from functools import lru_cache
from pathlib import Path

ANALYSIS_DIR = Path(__file__).resolve().parent
RULE_SUFFIXES = (".py", ".txt", ".json", ".tsv")


def _rule_files(directory: Path) -> list[Path]:
    """Every rule and data file, in a stable order; one walk of the tree (the app
    computes this before a cached article can show)."""
    found = []
    for folder, subfolders, names in os.walk(directory):
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found.extend(Path(folder, name) for name in names if name.endswith(RULE_SUFFIXES))
    return sorted(found)


@lru_cache(maxsize=4)
def rules_version(directory: Path = ANALYSIS_DIR) -> str:
    """A short hash of every rule and data file under ``directory``."""
    digest = hashlib.sha256()
    for path in _rule_files(directory):
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]

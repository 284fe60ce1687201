"""A fingerprint of the analysis rules, part of the cache key.

Derived from the rules' own source files rather than a hand-bumped number, so
no change to a rule can leave stale analyses in the cache.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

ANALYSIS_DIR = Path(__file__).resolve().parent
RULE_FILES = ("*.py", "*.txt", "*.json", "*.tsv")


@lru_cache(maxsize=4)
def rules_version(directory: Path = ANALYSIS_DIR) -> str:
    """A short hash of every rule and data file under ``directory``."""
    digest = hashlib.sha256()
    files = sorted({f for pattern in RULE_FILES for f in directory.rglob(pattern)})
    for path in files:
        if "__pycache__" in path.parts:
            continue
        digest.update(path.relative_to(directory).as_posix().encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()[:16]

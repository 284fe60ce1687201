"""What sort of figure a span is (money, percent, quantity...) and the unit it is in."""

from __future__ import annotations

import re
from dataclasses import dataclass

from explorer.analysis.figures.numbers import has_number, read_number, read_ordinal, read_year
from explorer.analysis.lexicons import words
from explorer.model import FigureKind

CURRENCY_SIGNS = {
    "us$": "USD", "a$": "AUD", "c$": "CAD", "nz$": "NZD", "hk$": "HKD", "£": "GBP",
    "$": "USD", "€": "EUR", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY",
}
CURRENCY_WORDS = {
    "pound": "GBP", "pounds": "GBP", "sterling": "GBP", "pence": "GBP", "dollar": "USD",
    "dollars": "USD", "cents": "USD", "euro": "EUR", "euros": "EUR", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR", "rouble": "RUB",
    "roubles": "RUB", "ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF",
    "krona": "SEK", "kronor": "SEK", "krone": "NOK", "lira": "TRY", "rand": "ZAR",
    "shekel": "ILS", "shekels": "ILS", "zloty": "PLN", "forint": "HUF", "dirham": "AED",
    "dirhams": "AED", "riyal": "SAR", "riyals": "SAR", "naira": "NGN", "peso": "MXN",
    "pesos": "MXN", "reais": "BRL", "baht": "THB",
    "ringgit": "MYR", "kroner": "DKK", "kronur": "ISK", "hryvnia": "UAH", "hryvnias": "UAH",
    "lire": "TRY", "bitcoin": "BTC",
}
CURRENCY_CODES = words("currency_codes")
"""ISO 4217 codes written with an amount: "EUR 40m", "5bn USD"."""
CURRENCY_WORDS.update({code.lower(): code for code in CURRENCY_CODES})
SUBUNITS = {"p": "GBP", "pence": "GBP", "c": "USD", "cents": "USD"}
"""Hundredths: "50p" is 0.5 GBP."""

UNITS = {
    "km": "km", "kilometre": "km", "kilometres": "km", "kilometer": "km", "kilometers": "km",
    "mile": "miles", "miles": "miles", "m": "m", "metre": "m", "metres": "m", "meter": "m",
    "meters": "m", "cm": "cm", "mm": "mm", "ft": "ft", "feet": "ft", "foot": "ft",
    "inch": "inches", "inches": "inches", "kg": "kg", "kilogram": "kg", "kilograms": "kg",
    "kilo": "kg", "kilos": "kg", "g": "g", "gram": "g", "grams": "g", "tonne": "tonnes",
    "tonnes": "tonnes", "ton": "tons", "tons": "tons", "lb": "lb", "lbs": "lb",
    "litre": "litres", "litres": "litres", "liter": "litres", "liters": "litres",
    "gallon": "gallons", "gallons": "gallons", "barrel": "barrels", "barrels": "barrels",
    "acre": "acres", "acres": "acres", "hectare": "hectares", "hectares": "hectares",
    "mph": "mph", "kph": "km/h", "km/h": "km/h", "knots": "knots", "degrees": "degrees",
    "°c": "°C", "°f": "°F", "c": "°C", "f": "°F", "mw": "MW", "gw": "GW", "kw": "kW",
    "kwh": "kWh", "mwh": "MWh", "gwh": "GWh", "twh": "TWh", "gb": "GB", "tb": "TB",
    "mb": "MB", "sq": "sq",
}
TIME_UNITS = words("time_units")
CALENDAR_WORDS = words("calendar_words")
FRACTION = re.compile(
    r"\b(?:a|an|one|two|three|four)\s+"
    r"(?:half|halves|third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)\b",
    re.I,
)
"""An ordinal that is a share: "a third" of the libraries, not the third one."""
PERCENT = re.compile(r"%|\bper\s?cent\b|\bpercent(?:age)?\b|\bpercentage points?\b", re.I)


@dataclass(frozen=True, slots=True)
class Measure:
    kind: FigureKind
    value: float | int | None
    high: float | int | None
    unit: str | None


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z°/]+|[£$€¥₹₽₩₺]|[a-z]*\$", text.lower())


def currency_of(text: str) -> tuple[str | None, bool]:
    """(ISO code, whether the amount is in hundredths) for "£1.2bn", "50p", "40 euros"."""
    lowered = text.lower()
    for sign, code in CURRENCY_SIGNS.items():
        if sign in lowered:
            return code, False
    match = re.search(r"\d(p|c)\b", lowered)
    if match:
        return SUBUNITS[match.group(1)], True
    for word in _words(lowered):
        if word in SUBUNITS and word in CURRENCY_WORDS:
            return SUBUNITS[word], True
        if word in CURRENCY_WORDS:
            return CURRENCY_WORDS[word], False
    return None, False


def unit_of(text: str) -> str | None:
    """The unit of measurement written with the number ("5km", "300 tonnes")."""
    lowered = text.lower()
    glued = re.search(r"\d([a-z°/]+)\b", lowered)
    if glued and glued.group(1) in UNITS:
        return UNITS[glued.group(1)]
    for word in _words(lowered):
        if word in UNITS and len(word) > 1:
            return UNITS[word]
    return None


def time_unit_of(text: str) -> str | None:
    """The time unit as written, singular or plural ("week", "months")."""
    for word in _words(text):
        if word in TIME_UNITS:
            return word
    return None


PERIOD_WORDS = words("period_words")
"""Words that may stand with a time unit in a period without a number: "a single day"."""


def is_weak_date(text: str) -> bool:
    """ "today", "last week", "on Monday", "a good day": no number, no calendar word, and not
    a plain period such as "a week" or "a few more weeks"."""
    if has_number(text):
        return False
    words = set(re.findall(r"[a-z]+", text.lower()))
    if words & CALENDAR_WORDS:
        return False
    is_period = words & {"a", "an"} and words & TIME_UNITS
    return not (is_period and words <= PERIOD_WORDS | TIME_UNITS)


YEAR_ONLY = re.compile(r"^(?:1[89]\d\d|20\d\d|2100)$")


RATIO = re.compile(r"(\S+)\s+in\s+(?:every\s+)?(\S+)\s*$", re.I)
""" "one in ten": the part and the whole."""


LENGTH_CONTEXT = re.compile(
    r"^\W*(?:tall|high|long|wide|deep|away|across|above|below|square|in (?:height|length|"
    r"width|depth|diameter))\b",
    re.I,
)
"""Words after "1.8m" that make it metres: "1.8m tall", "a 2m-high wall"."""
OTHER_LENGTHS = re.compile(r"\d\s*(?:cm|mm|km)\b|\bmetres?\b|\bmeters?\b", re.I)
AGE = re.compile(r"\d[\s-]*years?[\s-]old\b|\b[a-z]+-years?-old\b", re.I)
MULTIPLIER = re.compile(r"\btimes$|^(?:a\s+)?factor\s+of\b", re.I)
""" "three times", "a factor of four": how many times bigger, not a count of things."""


def _is_metres(text: str, after: str) -> bool:
    """ "1.4m" is millions unless the words show a length ("1.8m tall", "30cm to 1m")."""
    return bool(LENGTH_CONTEXT.match(after) or OTHER_LENGTHS.search(text))


def measure(
    text: str, label: str, *, after_time_preposition: bool = False, after: str = ""
) -> Measure:
    """Kind, value and unit of a figure from its words, spaCy's label for them and the words
    just ``after`` them."""
    if label == "RATIO":
        share = RATIO.search(text)
        part = read_number(share.group(1)).value if share else None
        whole = read_number(share.group(2)).value if share else None
        value = round(100 * part / whole, 1) if part is not None and whole else None
        if value is not None and value == int(value):
            value = int(value)  # "one in ten" is 10, as "10%" is
        return Measure("percent", value, None, "%")
    reading = read_number(text)
    if PERCENT.search(text):
        unit = "percentage points" if "point" in text.lower() else "%"
        return Measure("percent", reading.value, reading.high, unit)
    currency, hundredths = currency_of(text)
    if currency is not None and (label == "MONEY" or any(c in text for c in "£$€¥₹₽₩₺")
                                 or re.search(r"\d", text)):
        value, high = reading.value, reading.high
        if hundredths:
            value = value / 100 if value is not None else None
            high = high / 100 if high is not None else None
        return Measure("money", value, high, currency)
    if label == "ORDINAL":
        if FRACTION.search(text):
            return Measure("count", reading.value, None, None)  # "a third" of something
        return Measure("ordinal", read_ordinal(text), None, None)
    if AGE.search(text):
        return Measure("count", reading.value, None, "years old")  # "a 45-year-old man"
    if MULTIPLIER.search(text.strip()):
        return Measure("multiplier", reading.value, reading.high, "times")
    if label == "CARDINAL" and YEAR_ONLY.match(text.strip()) and after_time_preposition:
        label = "DATE"  # "by 2100"
    if label in ("DATE", "TIME"):
        year = read_year(text)
        time_unit = time_unit_of(text)
        calendar = set(re.findall(r"[a-z]+", text.lower())) & CALENDAR_WORDS
        if year is None and not calendar and time_unit is not None and reading.value is not None:
            return Measure("duration", reading.value, reading.high, time_unit)
        if year is not None or calendar or time_unit is not None or reading.value is None:
            return Measure("date", year, None, None)
        label = "CARDINAL"  # "aged between 18 and 30": a count the model took for a date
    unit = unit_of(text)
    if unit == "m" and not _is_metres(text, after):
        unit = None
    if unit is not None:
        reading = read_number(text, metric=True)
        return Measure("quantity", reading.value, reading.high, unit)
    return Measure("count", reading.value, reading.high, None)

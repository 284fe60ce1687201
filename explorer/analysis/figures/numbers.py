"""Reading the number in a figure's words: "£1.2bn", "three million", "between 20 and 30".

A small table-driven reader. quantulum3 and number-parser were tried: quantulum3
reads "£1.2bn" as pounds-bit-newtons and "$300m" as dollar-metres, takes seconds
on first use and weighs 24 MB; number-parser has no "a dozen" or "half". News
figures need only the forms below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "score": 20,
}
FRACTIONS = {"half": 0.5, "halves": 0.5, "quarter": 0.25, "quarters": 0.25, "third": 1 / 3,
             "thirds": 1 / 3, "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1}
"""A fraction multiplies what precedes it: "three quarters" is 0.75, "a third" 1/3."""
VAGUE = frozenset({"dozens", "hundreds", "thousands", "millions", "billions", "trillions"})
"""Plural scales ("billions of pounds"): a figure with no exact value."""
SCALES = {
    "hundred": 100, "thousand": 1_000, "k": 1_000, "million": 1_000_000, "m": 1_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "billion": 1_000_000_000, "bn": 1_000_000_000,
    "b": 1_000_000_000, "trillion": 1_000_000_000_000, "tn": 1_000_000_000_000,
    "trn": 1_000_000_000_000,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "fortieth": 40, "fiftieth": 50,
    "hundredth": 100, "thousandth": 1000,
}
NUMBER_WORDS = (
    frozenset(SMALL) | frozenset(FRACTIONS) | frozenset(SCALES) | VAGUE
) - {"k", "m", "b"}

_WORD = re.compile(
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d*\.\d+|\d+)(?P<suffix>[a-z]*)"
    r"|(?P<word>[a-z]+(?:-[a-z]+)?)"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """The number(s) in a figure's text; ``high`` is set for a range."""

    value: float | int | None
    high: float | int | None = None


def _tidy(number: float) -> float | int:
    rounded = round(number, 6)
    return int(rounded) if float(rounded).is_integer() else rounded


def _numbers(text: str, *, metric: bool = False) -> list[tuple[float, bool]]:
    """Each number in the text, scale words applied ("three million" -> 3e6); words that are
    not part of a number ("and", "to") end one, except "and" after "hundred". The flag is
    False for a lone "a"/"an" ("a week"), which yields to any written number."""
    numbers: list[tuple[float, bool]] = []
    total, group, reading, previous = 0.0, 0.0, False, ""

    def flush() -> None:
        nonlocal total, group, reading
        if reading:
            numbers.append((total + group, previous not in ("a", "an")))
        total, group, reading = 0.0, 0.0, False

    for match in _WORD.finditer(text.lower().replace("–", " – ").replace("-", " - ")):
        if match.group("num"):
            flush()
            group, reading = float(match.group("num").replace(",", "")), True
            suffix = match.group("suffix")
            if suffix in SCALES and not (metric and len(suffix) == 1):
                total, group = group * SCALES[suffix], 0.0
            previous = "num"
            continue
        word = match.group("word")
        if word in ("a", "an"):
            if not reading:
                group, reading = 1.0, True  # "a dozen", "a million", "a week"
        elif word == "dozen":
            group, reading = (group or 1.0) * 12, True
        elif word in SMALL:
            if reading and previous == "num":
                flush()
            if reading and group in (1.0,) and previous in ("a", "an"):
                group = 0.0  # "a" was an article, not a one
            group, reading = group + SMALL[word], True
        elif word in FRACTIONS:
            group, reading = (group or 1.0) * FRACTIONS[word], True
        elif word == "hundred":
            group, reading = (group or 1.0) * 100, True
        elif word in SCALES and len(word) > 1:
            total, group, reading = total + (group or 1.0) * SCALES[word], 0.0, True
        elif word == "and" and previous == "hundred":
            pass
        else:
            flush()
        previous = word
    flush()
    return numbers


def read_number(text: str, *, metric: bool = False) -> Reading:
    """The value of a figure's words; a range gives its low and high ends.

    ``"£1.2bn"`` -> 1200000000; ``"between 20 and 30"`` -> 20..30;
    ``"3 to 4 million"`` -> 3000000..4000000 (the scale reaches back). With ``metric``,
    a glued "m" is metres, not millions ("between 30cm and 1m"). A second number lower than
    the first is not a range ("52 to 47" is a vote).
    """
    found = _numbers(text, metric=metric)
    numbers = [n for n, firm in found if firm] or [n for n, _ in found]
    if not numbers:
        return Reading(None)
    if len(numbers) >= 2 and _is_range(text) and numbers[1] > numbers[0]:
        low, high = numbers[0], numbers[1]
        if low < high / 1000 and high >= 1000:
            low *= _scale_of(high)  # "3 to 4 million": 3 is millions too
        return Reading(_tidy(low), _tidy(high))
    return Reading(_tidy(numbers[0]))


def _scale_of(value: float) -> float:
    for scale in (1_000_000_000_000, 1_000_000_000, 1_000_000, 1_000):
        if value >= scale:
            return scale
    return 1


def _is_range(text: str) -> bool:
    lowered = text.lower()
    return bool(
        re.search(r"\d\s*[-–—]\s*\d", lowered)
        or re.search(r"\b(?:between|from)\b.*\b(?:and|to)\b", lowered)
        or re.search(r"\b(?:to|or)\b", lowered)
    )


def read_ordinal(text: str) -> int | None:
    """ "21st" -> 21, "third" -> 3."""
    lowered = text.lower().strip()
    match = re.search(r"(\d+)(?:st|nd|rd|th)\b", lowered)
    if match:
        return int(match.group(1))
    for word in lowered.split():
        if word in ORDINALS:
            return ORDINALS[word]
    return None


def read_year(text: str) -> int | None:
    """The year a date names ("June 2022" -> 2022), or None ("this year")."""
    match = re.search(r"\b(1[0-9]{3}|20[0-9]{2}|2100)s?\b", text)
    return int(match.group(1)) if match else None


def has_number(text: str) -> bool:
    """True when the words hold a number: a digit or a number word."""
    lowered = text.lower()
    if any(c.isdigit() for c in lowered):
        return True
    words = set(re.findall(r"[a-z]+", lowered))
    return bool(words & (NUMBER_WORDS | frozenset(ORDINALS)))

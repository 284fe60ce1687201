"""Where the figures are: spaCy's numeric entities, widened to their sign and scale, minus
numbers that are part of a name, an address or a phone number."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from explorer.analysis.figures.kinds import (
    CALENDAR_WORDS,
    CURRENCY_CODES,
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    TIME_UNITS,
    UNITS,
)
from explorer.analysis.figures.numbers import SCALES, has_number, read_number
from explorer.analysis.lexicons import words
from explorer.analysis.token_range import TokenRange

FIGURE_LABELS = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME", "ORDINAL"})
NAME_LABELS = frozenset({
    "PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW",
})
STREET_WORDS = words("street_words")
PHONE = re.compile(r"(?<![\w.,])(?:\+\d{1,3}[ -]?)?\(?0?\d{2,5}\)?[ -]\d{3,4}[ -]?\d{3,4}(?![\w])")
GLUED_NUMBER = re.compile(
    r"^[£$€¥]?\d[\d,.]*(?:k|m|bn|mn|tn|p|c|km|kg|cm|mm|mph|kwh|mw|gw|st|nd|rd|th|s|%)?$",
    re.I,
)
"""A token that is a number: "1.2bn", "50p", "5km", "21st", "1990s". Not "G7", "MH17"."""

EXTENDERS = frozenset(
    set(SCALES) | {"%", "per", "cent", "percent", "percentage", "points", "basis"} | set(UNITS)
) - {"c", "f", "g"}
COUNT_NOUNS = words("count_nouns")
RANGE_JOINERS = frozenset({"-", "–", "—", "to"})
TRAILING_JUNK = frozenset({"to", "and", "or", "of", "-", "–", ","})
CLOCK = re.compile(
    r"^\d{1,2}:\d{2}$|^\d{1,2}(?:[:.]\d{2})?(?:am|pm)$|^(?:am|pm|a\.m\.|p\.m\.)$", re.I
)
"""Times of day and live-blog timestamps ("13:07", "5am"): not figures a reader scans."""


@dataclass(frozen=True, slots=True)
class FigureSpan:
    """Tokens ``[start, end)`` holding one figure, with spaCy's label for them."""

    start: int
    end: int
    label: str


def _is_number_token(token: Token) -> bool:
    return token.like_num or bool(GLUED_NUMBER.match(token.text)) and any(
        c.isdigit() for c in token.text
    )


def _widen(doc: Doc, start: int, end: int) -> TokenRange:
    """Take in a currency sign before and a scale, "%" or "per cent" after; drop a dangling
    "to" or "and" the model left at the end."""
    while start > 0 and (doc[start - 1].text.lower() in CURRENCY_SIGNS
                         or doc[start - 1].text in CURRENCY_CODES):
        start -= 1  # "£", "US$", "EUR 40m"
    if start > 0 and doc[start - 1].lower_ in ("a", "an") and doc[start].lower_ in COUNT_NOUNS:
        start -= 1  # "a dozen"
    while True:
        while (
            end < len(doc) and doc[end].lower_.rstrip(".") in EXTENDERS
            and not doc[end].is_sent_start
            and (doc[end].lower_ != "per" or (end + 1 < len(doc) and doc[end + 1].lower_ == "cent"))
        ):
            end += 1
        end = _with_currency_word(doc, end)
        if end < len(doc) and doc[end].text == "times" and _is_number_token(doc[end - 1]):
            end += 1  # "three times": a multiplier
        joiners = RANGE_JOINERS | ({"and"} if doc[start].lower_ == "between" else set())
        if start > 0 and doc[start - 1].lower_ == "from":
            joiners = joiners - {"to"}  # "from 2.6% to 2.3%" is a change, not a range
        if (
            end + 1 < len(doc) and doc[end].lower_ in joiners and not doc[end].is_sent_start
            and (_is_number_token(doc[end - 1]) or doc[start].lower_ == "between")
        ):
            following = end + 1
            if doc[following].text in CURRENCY_SIGNS and following + 1 < len(doc):
                following += 1  # "between £20bn and £30bn"
            if _is_number_token(doc[following]) and not doc[following].is_sent_start:
                end = following + 1  # "20-30", "20 to 30"
                continue
        break
    while end - start > 1 and doc[end - 1].lower_ in TRAILING_JUNK:
        end -= 1
    return TokenRange(start, end)


def _with_currency_word(doc: Doc, end: int) -> int:
    """ "500m euros", "2.5bn rupees", "40m US dollars", "10m Swiss francs", "5m EUR"."""
    if not _is_number_token(doc[end - 1]) and doc[end - 1].lower_ not in SCALES:
        return end
    for size in (1, 2):
        if end + size > len(doc) or any(doc[i].is_sent_start for i in range(end, end + size)):
            break
        last = doc[end + size - 1]
        if last.lower_ in CURRENCY_WORDS or (size == 1 and last.text in CURRENCY_CODES):
            if size == 1 or doc[end].is_title or doc[end].is_upper:
                return end + size
    return end


INSTRUMENT_WORDS = words("instrument_words")
TIME_ADJECTIVE = re.compile(r"^[a-z0-9]+-(?:year|month|week|day)s?$", re.I)
""" "ten-year gilt": a compound duration naming a kind of bond, not a figure the story reports
(a "five-year review" or a "22-week limit" is one)."""


def _is_clock_or_label(doc: Doc, span: FigureSpan) -> bool:
    """A time of day, a live-blog timestamp, or "ten-year" naming a kind of bond."""
    tokens = doc[span.start : span.end]
    if any(CLOCK.match(t.text) for t in tokens):
        return True
    if span.end < len(doc) and CLOCK.match(doc[span.end].text) and tokens[-1].like_num:
        return True  # "5" "am"
    if span.label == "TIME" and not any(t.lower_ in TIME_UNITS for t in tokens):
        return True  # "two at night"
    following = {t.lower_ for t in doc[span.end : span.end + 2]} | {tokens.root.head.lower_}
    return bool(following & INSTRUMENT_WORDS) and bool(
        TIME_ADJECTIVE.match(tokens.text.replace(" ", ""))
    )


def _in_a_name(doc: Doc, span: FigureSpan) -> bool:
    """ "Apollo 11", "Channel 4", "10 Downing Street", "G7": a number that names, not counts."""
    tokens = doc[span.start : span.end]
    if any(t.ent_type_ in NAME_LABELS for t in tokens):
        return True
    if any(any(c.isalpha() for c in t.text) and any(c.isdigit() for c in t.text)
           and not GLUED_NUMBER.match(t.text) for t in tokens):
        return True
    if span.label in ("DATE", "TIME"):
        return any(  # "the Cathedral Quarter"
            t.pos_ == "PROPN" and t.is_title and t.lower_ not in CALENDAR_WORDS for t in tokens
        )
    after = doc[span.end] if span.end < len(doc) else None
    if span.label == "ORDINAL" and after is not None and after.pos_ == "PROPN" and after.is_title:
        return True  # "First Minister", "Second World War"
    before = doc[span.start - 1] if span.start > 0 else None
    if (
        before is not None and before.pos_ == "PROPN" and (before.is_title or before.is_upper)
        and before.lower_ not in CALENDAR_WORDS and span.end - span.start == 1
    ):
        return True  # "Apollo 11", "FTSE 100", "Thames Estuary 2100"
    return _is_address(doc, span)


def _is_address(doc: Doc, span: FigureSpan) -> bool:
    """A number before a title-case street name: "10 Downing Street"."""
    for token in doc[span.end : span.end + 4]:
        if not token.is_title:
            return False
        if token.lower_ in STREET_WORDS:
            return True
    return False


YEAR = re.compile(r"^(1[89]|20|21)\d\d$")
APPROXIMATORS = frozenset({"about", "around", "nearly", "almost", "roughly", "some", "approximately"})
RATIO_LABEL = "RATIO"
"""Our label for "one in ten": a share, read as a percentage."""


def _ratios(doc: Doc) -> list[FigureSpan]:
    """ "one in ten", "1 in 5", "about one in every four": a share of something."""
    found = []
    for token in doc:
        if token.lower_ != "in" or token.i == 0 or token.i + 1 >= len(doc):
            continue
        before, after = doc[token.i - 1], doc[token.i + 1]
        if after.lower_ == "every" and token.i + 2 < len(doc):
            after = doc[token.i + 2]
        if not (before.like_num and after.like_num):
            continue
        part, whole = read_number(before.text).value, read_number(after.text).value
        if part is None or whole is None or not 0 < part <= whole or YEAR.match(after.text):
            continue  # "won 12 in 2019": a count and a year
        start = before.i - 1 if before.i > 0 and doc[before.i - 1].lower_ in APPROXIMATORS else before.i
        found.append(FigureSpan(start, after.i + 1, RATIO_LABEL))
    return found


def _split_tally(doc: Doc, span: FigureSpan) -> list[FigureSpan]:
    """ "voted 52 to 47", "won 3-1": a tally of two counts, not a range (which rises)."""
    tokens = doc[span.start : span.end]
    if len(tokens) != 3 or tokens[1].lower_ not in RANGE_JOINERS:
        return [span]
    try:
        first, second = (float(t.text.replace(",", "")) for t in (tokens[0], tokens[2]))
    except ValueError:
        return [span]
    if not first > second or first >= 1000:  # "2023-24" is a financial year
        return [span]
    return [FigureSpan(span.start, span.start + 1, "CARDINAL"),
            FigureSpan(span.end - 1, span.end, "CARDINAL")]


def find_spans(doc: Doc, body_start: int) -> list[FigureSpan]:
    """Figure spans in the body, in text order, without names, addresses and phone numbers."""
    spans: list[FigureSpan] = [r for r in _ratios(doc) if doc[r.start].idx >= body_start]
    covered: set[int] = set()
    for ent in doc.ents:
        covered.update(range(ent.start, ent.end))
        if ent.label_ in FIGURE_LABELS and ent.start_char >= body_start:
            spans.append(FigureSpan(ent.start, ent.end, ent.label_))
    for token in doc:
        if token.i not in covered and token.idx >= body_start and _is_number_token(token):
            spans.append(FigureSpan(token.i, token.i + 1, "CARDINAL"))
    phones = [(m.start(), m.end()) for m in PHONE.finditer(doc.text)]
    kept: list[FigureSpan] = []
    taken: set[int] = set()
    # At the same start the longer span wins: "one in ten" over the model's "one".
    for span in sorted(spans, key=lambda s: (s.start, s.start - s.end)):
        if span.label == RATIO_LABEL:
            start, end = span.start, span.end
        else:
            start, end = _widen(doc, span.start, span.end)
        end = min(end, doc[start].sent.end)  # a figure never runs into the next sentence
        if taken & set(range(start, end)):
            continue
        widened = FigureSpan(start, end, span.label)
        first, last = doc[start], doc[end - 1]
        char_start, char_end = first.idx, last.idx + len(last)
        if (
            any(s < char_end and char_start < e for s, e in phones)
            or _in_a_name(doc, widened) or _is_clock_or_label(doc, widened)
            or not (has_number(doc[start:end].text) or span.label in ("DATE", "TIME"))
        ):
            continue  # "#" of a Markdown heading is no number
        kept.extend(_split_tally(doc, widened) if widened.label == "CARDINAL" else [widened])
        taken.update(range(start, end))
    return kept

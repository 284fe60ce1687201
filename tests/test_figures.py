"""Figures: which numbers count, their values and units, and what each one measures."""

from __future__ import annotations

import pytest

from explorer.analysis.figures import find_figures
from explorer.analysis.figures.numbers import read_number
from explorer.analysis.pipeline import parse_text
from explorer.model import Quote, Span
from explorer.sources import read_text_article


def figure(doc, text):
    found = [f for f in doc.figures if f.text == text]
    assert len(found) == 1, f"{text!r} not in {[f.text for f in doc.figures]}"
    return found[0]


@pytest.mark.parametrize(
    ("words", "value", "high"),
    [
        ("£1.2bn", 1_200_000_000, None),
        ("$300m", 300_000_000, None),
        ("€40 million", 40_000_000, None),
        ("40%", 40, None),
        ("2.5 per cent", 2.5, None),
        ("Some 22,000", 22_000, None),
        ("three million", 3_000_000, None),
        ("a dozen", 12, None),
        ("two dozen", 24, None),
        ("half", 0.5, None),
        ("half a million", 500_000, None),
        ("twenty-five", 25, None),
        ("three hundred and forty two", 342, None),
        ("an extra £1.2bn", 1_200_000_000, None),
        ("between 20 and 30", 20, 30),
        ("20-30", 20, 30),
        ("3 to 4 million", 3_000_000, 4_000_000),
        ("£1-2bn", 1_000_000_000, 2_000_000_000),
        ("two or three", 2, 3),
        ("a week", 1, None),
        ("three quarters", 0.75, None),
        ("a fifth", 0.2, None),
        ("52 to 47", 52, None),
    ],
)
def test_values_are_normalised(words, value, high):
    reading = read_number(words)
    assert (reading.value, reading.high) == (value, high)


def test_a_glued_m_is_metres_in_a_measurement():
    assert read_number("between 30cm and 90cm", metric=True) == read_number("between 30 and 90")
    assert read_number("a 2m wall", metric=True).value == 2
    assert read_number("a £2m wall").value == 2_000_000


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "high", "unit"),
    [
        ("The scheme will cost £1.2bn over three years.", "£1.2bn", "money", 1_200_000_000,
         None, "GBP"),
        ("The company raised $300m from investors.", "$300m", "money", 300_000_000, None, "USD"),
        ("The bloc released €40 million in aid.", "€40 million", "money", 40_000_000, None,
         "EUR"),
        ("Bins cost 50p more each week.", "50p", "money", 0.5, None, "GBP"),
        ("Support for the plan rose to 40% this week.", "40%", "percent", 40, None, "%"),
        ("Prices were up 2.5 per cent on the year.", "2.5 per cent", "percent", 2.5, None, "%"),
        ("Inflation rose 0.08 percentage points.", "0.08 percentage points", "percent", 0.08,
         None, "percentage points"),
        ("The trail is 5km long.", "5km", "quantity", 5, None, "km"),
        ("The ship carried 300 tonnes of grain.", "300 tonnes", "quantity", 300, None, "tonnes"),
        ("Between 20 and 30 people were injured.", "Between 20 and 30 people", "count", 20, 30,
         "people"),
        ("Around 20-30 homes were damaged.", "20-30 homes", "count", 20, 30, "homes"),
        ("Some three million people live there.", "Some three million people", "count",
         3_000_000, None, "people"),
        ("A dozen families left the village.", "A dozen families", "count", 12, None,
         "families"),
        ("Half of the voters stayed at home.", "Half", "count", 0.5, None, "voters"),
        ("The inquiry will report within a week.", "a week", "duration", 1, None, "week"),
        ("The first nine months of this year were the worst.",
         "The first nine months of this year", "duration", 9, None, "months"),
        ("Hearings resumed in 2024.", "2024", "date", 2024, None, None),
        ("The record dates from June 2022.", "June 2022", "date", 2022, None, None),
        ("He announced it on June 16th of last year.", "June 16th of last year", "date", None,
         None, None),
        ("She finished third in the race.", "third", "ordinal", 3, None, None),
        ("It was her 21st win.", "21st", "ordinal", 21, None, None),
        ("The council will cut a third of its libraries.", "a third", "count", round(1 / 3, 6),
         None, "libraries"),
        ("Three quarters is spent on schools.", "Three quarters", "count", 0.75, None, None),
    ],
)
def test_each_kind_of_figure(analyze_text, sentence, text, kind, value, high, unit):
    found = figure(analyze_text(sentence), text)
    assert (found.kind, found.value, found.value_high, found.unit) == (kind, value, high, unit)


@pytest.mark.parametrize(
    ("sentence", "not_figures"),
    [
        ("Apollo 11 landed on the Moon.", {"11", "Apollo 11"}),
        ("G7 leaders discussed Covid-19.", {"7", "19", "G7"}),
        ("The FTSE 100 closed higher.", {"100"}),
        ("Call 020 7946 0958 for details.", {"020", "7946", "0958", "020 7946 0958"}),
        ("Protesters gathered at 10 Downing Street.", {"10"}),
        ("She said today that she would speak to them yesterday.", {"today", "yesterday"}),
        ("Ministers met on Monday and again last week.", {"Monday", "last week"}),
        ("Lights go off at 5am.", {"5", "5am"}),
        ("The First Minister said one official was wrong.", {"First", "one"}),
        ("Ten-year gilt yields fell.", {"Ten-year"}),
        ("It was a good day for Welsh families.", {"a good day"}),
        ("16:28 Ministers arrived at the town hall.", {"16:28"}),
    ],
)
def test_numbers_that_are_not_figures(analyze_text, sentence, not_figures):
    doc = analyze_text(sentence)
    assert not {f.text for f in doc.figures} & not_figures


def test_the_header_date_is_not_a_figure(analyze_text):
    doc = analyze_text(" date 2025-10-14 Some 500 people marched through the town.")
    assert [(f.text, f.value) for f in doc.figures] == [("Some 500 people", 500)]


@pytest.mark.parametrize(
    ("sentence", "text", "counts"),
    [
        ("Some 22,000 people were smuggled by gangs along routes through the Western Balkans "
         "in 2024, the department said.", "Some 22,000 people",
         "people smuggled by gangs along routes through the Western Balkans"),
        ("The Government is accommodating more illegal immigrants in hotels than at the "
         "election, and have only returned a paltry 26 to France.", "26",
         "illegal immigrants returned to France"),
        ("Police arrested 300 protesters outside parliament.", "300 protesters",
         "protesters arrested outside parliament"),
        ("A poll found that 41% of people thought the Budget was unfair.", "41%",
         "people thought"),
        ("Support for the plan rose to 40% this week.", "40%", "Support for the plan rose"),
    ],
)
def test_counts_says_what_the_number_measures(analyze_text, sentence, text, counts):
    assert figure(analyze_text(sentence), text).counts == counts


def test_a_range_of_money_is_one_figure(analyze_text):
    found = figure(analyze_text("Economists put the gap at between £20bn and £30bn."),
                   "between £20bn and £30bn")
    assert (found.kind, found.value, found.value_high, found.unit) == (
        "money", 20_000_000_000, 30_000_000_000, "GBP")


def test_a_change_from_one_figure_to_another_is_two_figures(analyze_text):
    doc = analyze_text("Inflation fell from 2.6% to 2.3% in April.")
    assert [(f.text, f.value, f.value_high) for f in doc.figures if f.kind == "percent"] == [
        ("2.6%", 2.6, None), ("2.3%", 2.3, None)]


def test_an_age_after_a_name_is_the_persons_age(analyze_text):
    found = figure(analyze_text("Aaron Pike, 29, runs the shop with his brother."), "29")
    assert (found.value, found.unit, found.counts) == (29, "years old", "age of Aaron Pike")


def test_counts_keeps_numbers_that_are_part_of_a_description(analyze_text):
    found = figure(analyze_text("The yield on ten-year government bonds rose to 4.5%."), "4.5%")
    assert found.counts == "yield on ten-year government bonds rose"


def test_every_figure_knows_its_sentence(analyze_text):
    text = "The plan was announced on Monday.\nIt will cost £3bn."
    found = figure(analyze_text(text), "£3bn")
    assert found.sentence.text_of(text) == "It will cost £3bn."


def test_a_figure_inside_a_quote_links_to_it(nlp):
    text = 'The minister said: "We returned 26 people last year." Critics said 40% agreed.'
    article = read_text_article(text)
    content = text.index("We")
    end = text.index('."') + 1
    quote = Quote(id="q1", kind="direct", start=content, end=end, parts=(Span(content, end),),
                  text="We returned 26 people last year.")
    figures = find_figures(nlp(parse_text(article)), article, (quote,))
    by_text = {f.text: f for f in figures}
    assert by_text["26 people"].quote_id == "q1"
    assert by_text["40%"].quote_id is None


def test_seed_figures(seed_doc):
    figures = {f.text: f for f in seed_doc.figures}
    people = figures["Some 22,000 people"]
    assert (people.value, people.unit, people.kind) == (22_000, "people", "count")
    assert people.counts == "people smuggled by gangs along routes through the Western Balkans"
    assert figures["2024"].kind == "date" and figures["2024"].value == 2024
    assert figures["26"].value == 26
    assert figures["26"].counts == "illegal immigrants returned to France"
    assert figures["14,000"].value == 14_000
    assert figures["14,000"].counts == "illegal immigrants arrived"
    assert figures["a week"].kind == "duration"
    assert "Today" not in figures and "today" not in figures
    assert [f.id for f in seed_doc.figures] == [f"f{i}" for i in range(1, len(figures) + 1)]


def test_a_share_written_in_words_is_a_percentage(analyze_text):
    doc = analyze_text("Councils were warned.\n\nAbout one in ten councils expects to need help, "
                       "and 1 in every 4 residents opposes the plan.")
    shares = [(f.text, f.kind, f.value, f.unit) for f in doc.figures]
    assert ("About one in ten", "percent", 10, "%") in shares
    assert ("1 in every 4", "percent", 25, "%") in shares


def test_a_tally_is_two_counts_not_a_range(analyze_text):
    doc = analyze_text("The vote was close.\n\nThe Senate voted 52 to 47 to pass the bill, "
                       "and the budget covers 2024-25 with a range of 20 to 30 staff.")
    figures = [(f.text, f.value, f.value_high) for f in doc.figures]
    assert ("52", 52, None) in figures and ("47", 47, None) in figures
    assert any(text.startswith("20 to 30") and value == 20 and high == 30
               for text, value, high in figures)


def test_a_count_before_a_year_is_no_share(analyze_text):
    doc = analyze_text("The party lost ground.\n\nIt won 12 in 2019 and 7 in 40 wards since.")
    assert all(f.kind != "percent" for f in doc.figures if "2019" in f.text)
    assert any(f.text == "12" for f in doc.figures)


# --- scale words, currencies, multipliers and compounds (issue 13) --------------------------------


@pytest.mark.parametrize(
    ("sentence", "text", "kind", "value", "unit"),
    [
        ("About 1.4m cash machines were hit.", "About 1.4m", "count", 1_400_000,
         "machines"),
        ("The fence is 1.8m tall.", "1.8m", "quantity", 1.8, "m"),
        ("The club lost 500m euros last year.", "500m euros", "money", 500_000_000, "EUR"),
        ("The state raised 2.5bn rupees.", "2.5bn rupees", "money", 2_500_000_000, "INR"),
        ("The fund holds EUR 40m in cash.", "EUR 40m", "money", 40_000_000, "EUR"),
        ("Sales grew three times as fast as costs.", "three times", "multiplier", 3, "times"),
        ("Councils want a five-year settlement.", "five-year", "duration", 5, "year"),
        ("Staff will trial a four-day week.", "four-day week", "duration", 4, "day"),
        ("A 52-year-old woman was charged.", "52-year-old woman", "count", 52, "years old"),
    ],
)
def test_scale_words_currencies_multipliers_and_compounds(
    analyze_text, sentence, text, kind, value, unit
):
    found = figure(analyze_text(sentence), text)
    assert (found.kind, found.value, found.unit) == (kind, value, unit)

"""Speakers the article's layout names: datelines, dash credits, colon lead-ins, transcript turns."""

from __future__ import annotations

from quote_support import name_of, quote_holding


def test_a_dateline_with_a_double_hyphen_is_not_the_speaker(analyze_text):
    doc = analyze_text("Museum opens.\n\nHARBOURTON -- Mayor Ines Okafor, opening the museum on Saturday, "
                       "said it would tell a story of ''grief and joy, of hope and of the promised land.''")
    assert name_of(doc, "grief and joy") == "Ines Okafor"


def test_a_dash_credit_after_a_quote_holding_a_quote(analyze_text):
    text = ("Voters respond.\n\n"
            "“He was calm and polite all evening, and he answered every question.” ― Tomas Pereira\n\n"
            "“As a young woman....I would rather move abroad than live in what he calls “hell” "
            "with him as president.” ― Ana Ruiz")
    doc = analyze_text(text)
    quote = quote_holding(doc, "move abroad")
    assert quote.rule == "direct.dash_credit"
    assert name_of(doc, "move abroad") == "Ana Ruiz"
    assert quote.text.endswith("with him as president.")

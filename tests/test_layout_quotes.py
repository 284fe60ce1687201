"""Speakers the article's layout names: datelines, dash credits, colon lead-ins, transcript turns."""

from __future__ import annotations

from quote_support import name_of


def test_a_dateline_with_a_double_hyphen_is_not_the_speaker(analyze_text):
    doc = analyze_text("Museum opens.\n\nHARBOURTON -- Mayor Ines Okafor, opening the museum on Saturday, "
                       "said it would tell a story of ''grief and joy, of hope and of the promised land.''")
    assert name_of(doc, "grief and joy") == "Ines Okafor"

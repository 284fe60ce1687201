"""Which of the words around a quote names its speaker: each pattern on our own sentences."""

from __future__ import annotations

from quote_support import name_of, quote_holding


def test_a_quoted_programme_title_never_speaks(analyze_text):
    # the parser can make a word of the quoted title the verb's subject, and the name an
    # apposition of a noun inside the quote
    doc = analyze_text(
        "“He is right. There is a real gap between this office and frankly the council and our police,” "
        "Berg, a senior campaign adviser, said Thursday morning on Channel Nine’s “Ely and Friends.” "
        "“I mean, there is a lot of anger in the ranks.”"
    )
    assert name_of(doc, "There is a real gap") == "Berg"


def test_a_cue_joined_to_another_speakers_clause_keeps_its_own_subject(analyze_text):
    # the parse hangs "replied" on the clause "she said", as if she had said the reply happened
    doc = analyze_text(
        "Ada Voss, the mayor's eldest daughter, noted the rule in the interview last week. She said fathers "
        "who adopt would not be eligible for the leave, and when pressed on why the plan leaves out dads, "
        'the 34-year-old mother of three replied, "It is meant to help the mother who has given birth."'
    )
    quote = quote_holding(doc, "It is meant to help")
    assert quote.kind == "direct" and quote.text.startswith("It is meant")
    said = quote_holding(doc, "fathers who adopt")
    assert said.text == "fathers who adopt would not be eligible for the leave"
    assert name_of(doc, "fathers who adopt") == "Ada Voss"

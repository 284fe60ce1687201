"""Quotation marks and direct quotes: which passages are quotes, and in how many parts."""

from __future__ import annotations

import pytest

from explorer.analysis.quotes.marks import Passage, find_passages, is_not_speech


def passages(text: str) -> list[list[str]]:
    return [[text[p.start : p.end] for p in group] for group in find_passages(text)]


def quote_by_text(doc, fragment: str):
    found = [q for q in doc.quotes if fragment in doc.text[q.start : q.end]]
    assert found, f"no quote holds {fragment!r}: {[q.text for q in doc.quotes]}"
    return found[0]


def speaker_of(doc, quote):
    return doc.item(quote.speaker_id) if quote.speaker_id else None


# --- marks -----------------------------------------------------------------


def test_curly_and_straight_double_quotes_are_passages():
    text = 'He said “we will stay” and later "we will go".'
    assert passages(text) == [["“we will stay”"], ['"we will go"']]


def test_backtick_digraphs_and_doubled_apostrophes_are_quote_marks():
    text = "``Come early,'' the coach said. ''Bring water,'' she added."
    assert passages(text) == [["``Come early,''"], ["''Bring water,''"]]


def test_single_quotes_used_as_quote_marks_but_never_apostrophes():
    text = "Voters' anger at Clinton's plan was 'simply huge', don't forget."
    assert passages(text) == [["'simply huge'"]]


def test_apostrophes_alone_make_no_passage():
    assert passages("The voters' choice wasn't Clinton's and isn't theirs.") == []


def test_british_multi_paragraph_quote_is_one_group_of_paragraphs():
    text = "She said: “First point.\n\n“Second point.\n\n“Last point.”\n\nAfter that, silence."
    assert passages(text) == [["“First point.", "“Second point.", "“Last point.”"]]


def test_unclosed_quote_stops_at_its_paragraph():
    text = "A stray “mark opens here.\n\nThe next paragraph is the writer's own.\n\nSo is this one."
    assert passages(text) == [["“mark opens here."]]


def test_closing_glyph_used_as_opener_still_pairs():
    text = "”Nobody listens to us,” the farmer said."
    assert passages(text) == [["”Nobody listens to us,”"]]


def test_titles_and_markup_values_are_not_speech():
    text = 'He appeared on "Meet the Press" and posted <a id="2016-09-01">.'
    title, value = find_passages(text)
    assert is_not_speech(text, title[0])
    assert is_not_speech(text, value[0])
    spoken = 'He called it "a disgrace to the country" again.'
    assert not is_not_speech(spoken, Passage(13, 40, True))


# --- direct quotes in the model --------------------------------------------


def test_interrupted_quote_is_one_quote_with_two_parts(analyze_text):
    doc = analyze_text("“The plan,” Ms Carter said, “is working.”")
    assert len(doc.quotes) == 1
    quote = doc.quotes[0]
    assert [doc.text[p.start : p.end] for p in quote.parts] == ["“The plan,”", "“is working.”"]
    assert quote.text == "The plan, … is working."
    assert speaker_of(doc, quote).name == "Carter"
    assert quote.cue.text == "said"


def test_cue_after_quote(analyze_text):
    doc = analyze_text("“Prices will fall next year,” Tom Ellis said.")
    quote = quote_by_text(doc, "Prices")
    assert quote.rule == "direct.cue_after"
    assert speaker_of(doc, quote).name == "Tom Ellis"
    assert doc.text[quote.speaker_mention.start : quote.speaker_mention.end] == "Tom Ellis"


def test_inverted_cue(analyze_text):
    doc = analyze_text("“We were never told,” said Anna Berg, a local teacher.")
    quote = quote_by_text(doc, "never told")
    assert quote.rule == "direct.inverted"
    speaker = speaker_of(doc, quote)
    assert speaker.name == "Anna Berg"
    assert speaker.role == "local teacher"


def test_colon_introduction(analyze_text):
    doc = analyze_text("The mayor, Ruth Okafor, will say: “This city deserves better.”")
    quote = quote_by_text(doc, "deserves better")
    assert quote.rule == "direct.colon_intro"
    assert quote.cue.text == "will say"
    assert speaker_of(doc, quote).name == "Ruth Okafor"


def test_colon_at_the_end_of_the_previous_paragraph(analyze_text):
    doc = analyze_text("Professor Lena Vogt wrote:\n\n“The data are clear and the trend is real.”")
    quote = quote_by_text(doc, "data are clear")
    assert quote.rule == "direct.colon_intro"
    assert speaker_of(doc, quote).name == "Lena Vogt"


def test_quote_only_paragraph_floats_to_the_previous_speaker(analyze_text):
    text = (
        "“We start on Monday,” said Omar Haddad.\n\n"
        "“Nobody will be left behind, and nobody will wait.”"
    )
    doc = analyze_text(text)
    floating = quote_by_text(doc, "Nobody will be left")
    assert floating.rule == "direct.floating"
    assert speaker_of(doc, floating).name == "Omar Haddad"


def test_floating_quote_does_not_cross_a_new_speaker(analyze_text):
    text = (
        "“We start on Monday,” said Omar Haddad.\n\n"
        "“That is far too late,” said Jane Pike.\n\n"
        "“We need the money now, not in a month.”"
    )
    doc = analyze_text(text)
    assert speaker_of(doc, quote_by_text(doc, "money now")).name == "Jane Pike"


def test_second_quote_in_the_paragraph_continues_the_first(analyze_text):
    doc = analyze_text("“It works,” said Dr Ines Moreau. “And it is cheap enough for everyone.”")
    assert len(doc.quotes) == 1
    assert len(doc.quotes[0].parts) == 2
    assert speaker_of(doc, doc.quotes[0]).name == "Ines Moreau"


def test_unbalanced_mark_never_swallows_the_article(analyze_text):
    text = "He said “this is open.\n\nThe council met on Tuesday.\n\nIt agreed a budget."
    doc = analyze_text(text)
    for quote in doc.quotes:
        assert "council" not in doc.text[quote.start : quote.end]


@pytest.mark.parametrize("text", [
    "The film “Big Night” opened in Leeds.",
    "She reads the “Daily Courier” every morning.",
])
def test_titles_are_not_quotes(analyze_text, text):
    assert analyze_text(text).quotes == ()


def test_quotes_are_in_text_order_with_ordered_disjoint_parts(analyze_text):
    text = (
        "“One,” said Ann Lee. Later Bob Stone said that two was better.\n\n"
        "“Three,” said Cara Moss, “and four.”"
    )
    doc = analyze_text(text)
    starts = [q.start for q in doc.quotes]
    assert starts == sorted(starts)
    for quote in doc.quotes:
        for before, after in zip(quote.parts, quote.parts[1:]):
            assert before.end <= after.start
        assert quote.start == quote.parts[0].start and quote.end == quote.parts[-1].end


def test_pull_quote_credited_with_a_dash(analyze_text):
    doc = analyze_text("Readers wrote in.\n\n“The park is our only green space.” ― Maya Collins")
    quote = quote_by_text(doc, "only green space")
    assert quote.rule == "direct.dash_credit"
    assert speaker_of(doc, quote).name == "Maya Collins"


def test_transcript_turns_are_their_speakers_words(analyze_text):
    text = "HARRIS: Why did the council wait so long?\n\nOKAFOR: We had no budget until March."
    doc = analyze_text(text)
    # unquoted words are not "direct" under the contract, however verbatim
    assert [(q.rule, q.kind, q.text, speaker_of(doc, q).name) for q in doc.quotes] == [
        ("transcript.turn", "indirect", "Why did the council wait so long?", "HARRIS"),
        ("transcript.turn", "indirect", "We had no budget until March.", "OKAFOR"),
    ]


def test_a_transcript_turn_holding_quotation_marks_is_direct(analyze_text):
    text = ("HARRIS: Why did the council wait so long?\n\n"
            "OKAFOR: We had no budget, and as I told you, \"nobody asked\" us.")
    doc = analyze_text(text)
    turn = quote_by_text(doc, "nobody asked")
    assert (turn.rule, turn.kind) == ("transcript.turn", "direct")
    assert speaker_of(doc, turn).name == "OKAFOR"


def test_a_heading_with_a_colon_is_not_a_transcript_turn(analyze_text):
    doc = analyze_text("The Latest: roads close as the storm arrives.")
    assert not any(q.rule == "transcript.turn" for q in doc.quotes)


def test_people_named_right_before_a_colon_are_the_speakers(analyze_text):
    doc = analyze_text("VOTERS WANT CHANGE - Laura Webb: “Most people told us they want a new face.”")
    quote = quote_by_text(doc, "new face")
    assert quote.rule == "direct.colon_intro"
    assert speaker_of(doc, quote).name == "Laura Webb"


def test_a_dateline_is_not_the_speaker(analyze_text):
    doc = analyze_text("LONDON (Reuters) - Sarah Grant said the bank would cut rates.")
    quote = doc.quotes[0]
    assert speaker_of(doc, quote).name == "Sarah Grant"


def test_cue_sentence_closing_the_previous_paragraph(analyze_text):
    text = "Tom Reyes answered his critics on Monday.\n\n“I never promised a tunnel, and I never will.”"
    doc = analyze_text(text)
    quote = quote_by_text(doc, "never promised")
    assert quote.rule == "direct.previous_sentence"
    assert speaker_of(doc, quote).name == "Tom Reyes"


def test_a_paragraph_reporting_what_someone_said_introduces_the_quote_below(analyze_text):
    # the quote below goes on from the reported speech, not from the quote before it
    text = ("“Our fleet is ready to sail whenever the weather allows,” the harbour master Ines Duarte said.\n\n"
            "Tom Reyes said that for years his critics had predicted the ferry would close, but it would not.\n\n"
            "“That is because the island needs it more than ever, winter and summer.”")
    doc = analyze_text(text)
    quote = quote_by_text(doc, "island needs it")
    assert quote.rule == "direct.previous_sentence"
    assert speaker_of(doc, quote).name == "Tom Reyes"


def test_a_headline_opening_with_a_name_and_a_colon_credits_the_name(analyze_text):
    doc = analyze_text("Mara Ellison: harbour plan ‘will sink the fishing fleet’\n\n"
                       "The councillor spoke at a packed meeting in Port Ellis on Monday.")
    quote = quote_by_text(doc, "sink the fishing fleet")
    assert (quote.kind, quote.rule) == ("mixed", "mixed.headline_name")
    assert speaker_of(doc, quote).name == "Mara Ellison"


def test_a_headline_surname_counts_when_the_article_names_the_person(analyze_text):
    text = ("Okonjo: “We will not sell the ferry.”\n\n"
            "Adaeze Okonjo, who chairs the island trust, spoke after the vote.")
    doc = analyze_text(text)
    assert quote_by_text(doc, "sell the ferry").rule == "direct.headline_name"
    heading = analyze_text("Analysis: “We will not sell the ferry.”\n\nThe trust met on Monday.")
    assert all(quote.rule != "direct.headline_name" for quote in heading.quotes)


def test_a_speaker_the_parser_folded_into_an_opening_phrase(analyze_text):
    # The small model makes the adviser an apposition of "the Gazette", leaving
    # "said" with no subject; the speaker is still the adviser.
    doc = analyze_text("In a statement to the Gazette, her senior policy adviser, Tomas Wren, said: "
                       "“The minister believes the bridge must be rebuilt before winter.”")
    quote = quote_by_text(doc, "bridge must be rebuilt")
    assert speaker_of(doc, quote).name == "Tomas Wren"


@pytest.mark.parametrize("text, speaker", [
    ("The vote was close.\n\n“We will win the next one,” Skelly said.", "Skelly"),
    ("The vote was close.\n\n“We will win the next one,” said Connolly.", "Connolly"),
    ("The vote was close.\n\n“We will win the next one,” said the 46-year-old.", "the 46-year-old"),
])
def test_speakers_the_tagger_misreads(analyze_text, text, speaker):
    # A surname ending in -ly is tagged an adverb; an age is tagged a date.
    doc = analyze_text(text)
    assert speaker_of(doc, quote_by_text(doc, "win the next one")).name == speaker

"""The app's pure parts: wrapping, per-row highlight marks, search, n/N stepping, panel rows."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_app_support import fixture_doc

from explorer.app.highlights import category_marks, category_spans, marks_by_row
from explorer.app.navigation import Occurrences, stops_of
from explorer.app.panel_filter import Term, parse_filter
from explorer.app.reveal import describe_at
from explorer.app.rows import opening_words, rows_for
from explorer.app.search import find_matches
from explorer.app.wrap import DisplayLine, LineIndex, shown_text, wrap_article
from explorer.model import Span


def test_wrap_breaks_at_spaces_and_puts_one_blank_row_between_paragraphs():
    text = "The quay is old and small.\n\n\n\nBoats wait outside."
    lines = wrap_article(text, 12)
    assert [text[line.start:line.end] for line in lines] == [
        "The quay is", "old and", "small.", "", "Boats wait", "outside."]


def test_wrap_spaces_paragraphs_given_one_per_line():
    text = "First paragraph.\nSecond one."
    assert [text[line.start:line.end] for line in wrap_article(text, 40)] == [
        "First paragraph.", "", "Second one."]


def test_wrap_starts_at_the_body_and_hard_breaks_a_word_wider_than_the_view():
    text = " date 2025-01-01 abcdefghijkl xy"
    lines = wrap_article(text, 5, body_start=17)
    assert [text[line.start:line.end] for line in lines] == ["abcde", "fghij", "kl xy"]


def test_wrap_counts_wide_characters_as_two_cells():
    text = "漢字漢字 漢字"
    assert [text[line.start:line.end] for line in wrap_article(text, 8)] == ["漢字漢字", "漢字"]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c\n\t“”é漢"), max_size=200),
       st.integers(min_value=1, max_value=30))
def test_wrap_keeps_every_visible_character_in_order_and_within_the_width(text, width):
    shown = shown_text(text)
    lines = wrap_article(shown, width)
    covered = "".join(shown[line.start:line.end] for line in lines)
    assert "".join(covered.split()) == "".join(shown.split())
    starts = [line.start for line in lines]
    assert starts == sorted(starts)
    from rich.cells import cell_len
    for line in lines:
        piece = shown[line.start:line.end]
        assert "\n" not in piece
        assert cell_len(piece) <= width or len(piece) == 1


def test_shown_text_keeps_length_and_shows_controls():
    text = "a\x1b[31mb\tc\x07"
    shown = shown_text(text)
    assert len(shown) == len(text) and shown == "a␛[31mb c␇"


def test_shown_text_reads_every_kind_of_line_break():
    text = "One.\r\rTwo.\r\n\r\nThree."
    shown = shown_text(text)
    assert len(shown) == len(text)
    assert [shown[line.start:line.end] for line in wrap_article(shown, 20)] == [
        "One.", "", "Two.", "", "Three."]


def test_line_index_maps_offsets_and_spans_to_rows():
    index = LineIndex([DisplayLine(0, 5), DisplayLine(6, 6), DisplayLine(6, 12)])
    assert index.line_of(0) == 0 and index.line_of(5) == 0
    assert index.line_of(6) == 2  # a blank spacer row never holds text
    assert list(index.rows_of(3, 9)) == [0, 1, 2]


def test_marks_are_cut_at_row_boundaries():
    text = "The quay is old and small."
    index = LineIndex(wrap_article(text, 12))  # "The quay is" / "old and" / "small."
    marks = marks_by_row(index, "selected", [Span(4, 19)])  # "quay is old and"
    assert {row: [text[m.start:m.end] for m in ms] for row, ms in marks.items()} == {
        0: ["quay is"], 1: ["old and"]}


def test_category_marks_come_from_the_model():
    doc = fixture_doc("harbour")
    index = LineIndex(wrap_article(shown_text(doc.text), 60, doc.article.body_start))
    spans = category_spans(doc)
    assert [s.text_of(doc.text) for s in spans["cue"]] == [
        "said", "said", "According to", "said", "warned"]
    marks = category_marks(index, spans)
    places = sorted(doc.text[m.start:m.end] for ms in marks.values() for m in ms
                    if m.layer == "place")
    assert places == ["Dock Road", "Kelby", "Port Ellis", "Port Ellis"]


def test_search_is_case_insensitive_by_default_with_regex_and_case_options():
    text = "Quay, quay and QUAY; the quayside."
    assert len(find_matches(text, "quay").matches) == 4
    assert len(find_matches(text, "quay", case_sensitive=True).matches) == 2
    assert [s.text_of(text) for s in find_matches(text, r"quay\b", regex=True).matches] == [
        "Quay", "quay", "QUAY"]
    assert len(find_matches(text, "quay.", regex=False).matches) == 0  # the dot is literal
    bad = find_matches(text, "(", regex=True)
    assert bad.matches == () and bad.error and "bad pattern" in bad.error
    assert find_matches(text, "").matches == ()
    assert find_matches(text, "x*", regex=True).matches == ()  # empty matches never count


def test_occurrences_step_and_wrap_and_say_what_they_count():
    hits = Occurrences([Span(0, 1), Span(5, 6), Span(9, 10)], noun="match")
    assert hits.label == "3 matches" and hits.stepped(1) == 0 and hits.stepped(-1) == 2
    hits.index = 2
    assert hits.stepped(1) == 0 and hits.label == "match 3 of 3" and hits.current == Span(9, 10)
    assert hits.first_from(6) == 2 and hits.first_from(11) == 0
    empty = Occurrences(())
    assert empty.label == "none" and empty.stepped(1) is None and empty.current is None


def test_stops_count_a_quotes_parts_and_a_speakers_quotes_and_mentions_apart():
    doc = fixture_doc("harbour")
    parts = stops_of(doc, doc.item("q1"))
    assert [stop.label for stop in parts] == ["part 1 of 2", "part 2 of 2"]
    assert [stop.label for stop in stops_of(doc, doc.item("q2"))] == ["quote 1 of 1"]
    # Maria Quint: two quotes, and "Ms Quint" outside them ("said Maria Quint" sits
    # between the parts of her first quote, so stepping to the quote shows it).
    stops = stops_of(doc, doc.item("s1"))
    assert [stop.label for stop in stops] == ["quote 1 of 2", "mention 1 of 1", "quote 2 of 2"]
    assert [stop.span.start for stop in stops] == sorted(stop.span.start for stop in stops)
    assert [stop.label for stop in stops_of(doc, doc.item("p1"))][0] == "mention 1 of 2"


def test_filter_terms_are_words_with_optional_fields():
    assert parse_filter('Philp kind:reported speaker:"Tom  Haddow" 10:30') == (
        Term(None, "philp"), Term("kind", "reported"), Term("speaker", "tom haddow"),
        Term(None, "10:30"))
    assert parse_filter("who:quint type:direct") == (Term("speaker", "quint"),
                                                     Term("kind", "direct"))
    assert parse_filter("  ") == ()


def test_rows_filter_by_words_never_by_scattered_letters():
    doc = fixture_doc("harbour")
    speakers = rows_for(doc, "speakers")
    assert speakers[0].prompt.plain == ("Maria Quint · the council’s chair\n"
                                        "  person · 2 quotes · 2 mentions")
    assert speakers[0].keeps("quint") and speakers[0].keeps("CHAIR")
    assert not speakers[0].keeps("mq")  # letters in order are not a word
    assert speakers[2].keeps("kind:organisation") and not speakers[0].keeps("kind:organisation")
    quotes = rows_for(doc, "quotes")
    assert [row.kind for row in quotes] == ["direct", "indirect", "indirect", "mixed", "direct"]
    assert quotes[2].prompt.plain.startswith("Ferry Workers Union  reported")
    assert quotes[3].prompt.plain.startswith("Maria Quint  partly quoted")
    # "Haddow" names a speaker, and nothing in Maria Quint's quotes: only his rows match.
    assert [row.item_id for row in quotes if row.keeps("haddow")] == ["q2", "q5"]
    assert [row.item_id for row in quotes if row.keeps("kind:reported")] == ["q2", "q3"]
    assert [row.item_id for row in quotes if row.keeps("speaker:quint text:fleet")] == ["q1"]
    assert [row.item_id for row in quotes if row.keeps("role:councillor")] == ["q2", "q5"]
    figures = rows_for(doc, "figures")
    assert figures[3].prompt.plain.endswith("crossings delayed last winter · claimed by "
                                            "Ferry Workers Union")
    places = rows_for(doc, "places")
    assert [row.item_id for row in places if row.keeps("name:kelby")] == ["p3"]


def test_opening_words_cut_at_a_word():
    assert opening_words("one two three four", 9) == "one two…"
    assert opening_words("  short\n quote ") == "short quote"
    assert opening_words("it's over, … It's not over", 14) == "it's over,…"


def test_describe_at_names_the_speaker_of_the_quote_there():
    doc = fixture_doc("harbour")
    start = doc.text.index("Residents")
    assert describe_at(doc, start, start + 10).startswith("direct quote by Tom Haddow")
    start = doc.text.index("the plan ignored")
    assert describe_at(doc, start, start + 10).startswith("reported quote by Tom Haddow")
    assert describe_at(doc, 0, 1) == ""


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab c\n"), min_size=1, max_size=120),
       st.integers(min_value=2, max_value=12), st.data())
def test_marks_cover_exactly_the_shown_characters_of_a_span(text, width, data):
    lines = wrap_article(text, width)
    index = LineIndex(lines)
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    marks = marks_by_row(index, "selected", [Span(start, end)])
    lit = {i for row_marks in marks.values() for m in row_marks for i in range(m.start, m.end)}
    shown = {i for line in lines for i in range(line.start, line.end)}
    assert lit == shown & set(range(start, end))
    for row, row_marks in marks.items():
        for mark in row_marks:
            assert lines[row].start <= mark.start < mark.end <= lines[row].end

"""Invariants of every analysis, property-tested over generated and mutated article text.

Whatever the text (stray quotation marks, control characters, emoji, RTL, CRLF,
very long words, nothing at all), the analysis returns a document whose spans lie
inside the text, whose ids resolve, and which survives the JSON round trip.
``check_invariants`` is shared with ``bench/fuzz.py``, which runs the same
properties with a bigger budget.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from explorer import model_json
from explorer.model import PART_SEPARATOR, ParsedDocument, Span

# --- the invariants -----------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return " ".join(text.split())


def _inside(span: Span, length: int, what: str) -> None:
    assert 0 <= span.start <= span.end <= length, f"{what} {span.start}..{span.end} outside 0..{length}"


def check_spans(doc: ParsedDocument) -> None:
    """Every span lies inside the text; quote parts are ordered, disjoint and inside the quote."""
    length = len(doc.text)
    assert 0 <= doc.article.body_start <= length
    for paragraph in doc.paragraphs:
        _inside(paragraph, length, "paragraph")
    assert list(doc.paragraphs) == sorted(doc.paragraphs), "paragraphs out of order"
    for earlier, later in zip(doc.paragraphs, doc.paragraphs[1:]):
        assert earlier.end <= later.start, f"paragraphs overlap: {earlier} {later}"
    for quote in doc.quotes:
        _inside(quote.span, length, f"quote {quote.id}")
        assert quote.parts, f"quote {quote.id} has no parts"
        previous_end = quote.start
        for part in quote.parts:
            _inside(part, length, f"quote {quote.id} part")
            assert previous_end <= part.start, f"quote {quote.id} parts overlap or are unordered"
            assert part.end <= quote.end, f"quote {quote.id} part {part} past its end {quote.end}"
            previous_end = part.end
        if quote.cue is not None:
            _inside(quote.cue.span, length, f"quote {quote.id} cue")
        if quote.speaker_mention is not None:
            _inside(quote.speaker_mention, length, f"quote {quote.id} speaker_mention")
    for group in (doc.speakers, doc.places, doc.people, doc.organisations, doc.works):
        for item in group:
            for mention in item.mentions:
                _inside(mention, length, f"{item.id} mention")
    for figure in doc.figures:
        _inside(figure.span, length, f"figure {figure.id}")
        if figure.sentence is not None:
            _inside(figure.sentence, length, f"figure {figure.id} sentence")
            assert figure.sentence.start <= figure.start and figure.end <= figure.sentence.end, (
                f"figure {figure.id} outside its sentence"
            )


def check_ids(doc: ParsedDocument) -> None:
    """Ids are unique across the document and every reference resolves to the right kind."""
    groups = (doc.speakers, doc.quotes, doc.places, doc.figures, doc.people, doc.organisations,
              doc.works)
    ids = [item.id for group in groups for item in group]
    assert len(ids) == len(set(ids)), f"duplicate ids: {sorted(i for i in ids if ids.count(i) > 1)}"
    speakers = {s.id: s for s in doc.speakers}
    quotes = {q.id: q for q in doc.quotes}
    for quote in doc.quotes:
        if quote.speaker_id is not None:
            assert quote.speaker_id in speakers, f"{quote.id} -> missing speaker {quote.speaker_id}"
            assert quote.id in speakers[quote.speaker_id].quote_ids, (
                f"{quote.id} names {quote.speaker_id}, which does not list it"
            )
    for speaker in doc.speakers:
        for quote_id in speaker.quote_ids:
            assert quote_id in quotes, f"{speaker.id} -> missing quote {quote_id}"
            assert quotes[quote_id].speaker_id == speaker.id, (
                f"{speaker.id} lists {quote_id}, which names {quotes[quote_id].speaker_id}"
            )
    for figure in doc.figures:
        if figure.quote_id is not None:
            assert figure.quote_id in quotes, f"{figure.id} -> missing quote {figure.quote_id}"
    for owner in (*doc.people, *doc.organisations):
        if owner.speaker_id is not None:
            assert owner.speaker_id in speakers, f"{owner.id} -> missing speaker {owner.speaker_id}"


QUOTATION_MARKS = "“”„‟«»‹›‘’‚‛\"'`「」"
_WITHOUT_MARKS = str.maketrans("", "", QUOTATION_MARKS)


def _words(text: str) -> str:
    """The text with quotation marks dropped and whitespace collapsed."""
    return _collapse(text.translate(_WITHOUT_MARKS))


def check_texts(doc: ParsedDocument) -> None:
    """Stored texts agree with the text at their offsets.

    A cue and a figure are exactly their span. A quote's text is its parts in
    order joined by a space or, where narration interrupts, " … "; parts may include the quotation marks around them
    and the text leaves them out, so marks are dropped and whitespace collapsed
    before comparing.
    """
    text = doc.text
    for quote in doc.quotes:
        if quote.cue is not None:
            assert quote.cue.text == quote.cue.span.text_of(text), f"{quote.id} cue text"
        joined = " ".join(part.text_of(text) for part in quote.parts).replace(PART_SEPARATOR, " ")
        assert _words(quote.text.replace(PART_SEPARATOR, " ")) == _words(joined), (
            f"{quote.id} text {quote.text!r} differs from its parts {joined!r}"
        )
    for figure in doc.figures:
        assert figure.text == figure.span.text_of(text), f"{figure.id} text differs from its span"


def check_values(doc: ParsedDocument) -> None:
    """Figure values are finite numbers or None: JSON has no NaN or Infinity."""
    for figure in doc.figures:
        for value in (figure.value, figure.value_high):
            assert value is None or math.isfinite(value), f"{figure.id} value {value!r}"


def _refuse_constant(name: str) -> None:
    raise AssertionError(f"JSON output holds {name}, which strict JSON parsers reject")


def check_round_trip(doc: ParsedDocument) -> None:
    json.loads(model_json.dumps(doc), parse_constant=_refuse_constant)
    again = model_json.loads(model_json.dumps(doc))
    assert again == doc
    assert again.text == doc.text
    assert again.error == doc.error


def check_invariants(doc: ParsedDocument, source_text: str) -> None:
    assert doc.text == source_text, "the document text is not the input text"
    assert doc.error is None, f"analysis reported an error: {doc.error}"
    check_spans(doc)
    check_ids(doc)
    check_texts(doc)
    check_values(doc)
    check_round_trip(doc)


# --- generated article text ---------------------------------------------------------------------

WORDS = [
    "the", "minister", "said", "told", "reporters", "warned", "added", "according", "to",
    "She", "he", "They", "Ms Quill", "Mr Okafor", "Dr Ada Lind", "the Port Authority",
    "Oslo", "Lagos", "Bosnia and Herzegovina", "22,000", "£1.2bn", "40%", "3 million",
    "last year", "on Tuesday", "ferries", "will", "rise", "not", "never", "insisted",
    "that", "claimed", "is", "a", "plan", "working", "people", "O'Brien", "don't", "voters'",
]
QUOTE_MARKS = ["“", "”", '"', "'", "‘", "’", "``", "''", "«", "»", "„", "‹", "›", "「", "」"]
PUNCTUATION = [",", ".", ":", ";", "—", "–", "-", "…", "...", "!", "?", "(", ")", "[", "]",
               "/", "&", "*", "#", "@", "%", "$", "\\"]
SPACES = [" ", " ", " ", "\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00a0", "\u2028", "\u2029",
          "\u200b", "\f", "\v", "\r", "  \n \n"]
ODD_UNICODE = [
    "e\u0301", "Zoe\u0308", "a\u0300\u0301\u0302\u0303\u0304",  # combining marks, stacked too
    "👍🏽", "👨\u200d👩\u200d👧", "🇳🇴", "\U0001f600",  # emoji, ZWJ, flags
    "مرحبا بالعالم", "שלום", "\u202eevil\u202c", "\u2066isolated\u2069",  # RTL and bidi controls
    "日本語の記事", "Ελλάδα", "Ünïcödé", "\ufeff", "\ufffd", "\U00010348",
]
CONTROLS = ["\x00", "\x07", "\x08", "\x1b[31m", "\x1b]52;c;ZXZpbA==\x07", "\x1b]8;;http://x\x07",
            "\x7f", "\x85", "\x9b", "\x1b"]
TEMPLATES = [
    "“We will act,” she said.",
    "“The plan,” Ms Quill said, “is working.”",
    "He said: “Nothing will change.",
    "“Nothing will change.\n\n“Nothing at all,” he said.",
    "According to the minister, 22,000 people crossed.",
    "The minister said that fares would rise by 40%.",
    "She called it “a “nested” quote” and left.",
    "'Single quoted,' he told reporters.",
    "``Old style,'' said Mr Okafor.",
    "“” said nobody.",
    "They claimed 3 million people “were waiting” for the ferries.",
]


def _long_word(length: int) -> str:
    return "x" * length


pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(QUOTE_MARKS),
    st.sampled_from(PUNCTUATION),
    st.sampled_from(SPACES),
    st.sampled_from(ODD_UNICODE),
    st.sampled_from(CONTROLS),
    st.sampled_from(TEMPLATES),
    st.integers(200, 4000).map(_long_word),
    st.text(max_size=20),
)


@st.composite
def article_texts(draw) -> str:
    """Article-like text: words, templates, marks and odd characters, sometimes a date header."""
    body = "".join(draw(st.lists(pieces, max_size=60)))
    joiner = draw(st.sampled_from([" ", "", "\n", "\n\n", "\r\n\r\n"]))
    body = joiner.join(draw(st.lists(st.just(body), min_size=1, max_size=2)))
    if draw(st.booleans()):
        body = " date 2025-10-14 " + body
    return body


SEED_BASE = (
    " date 2025-10-14 Ferry fares will rise by 40%, the Port Authority has warned.\n\n"
    "Ms Quill, the harbour master, said: “Fares will rise. We cannot keep them low,\n\n"
    "“and nobody likes it,” she added.\n\n"
    "According to Mr Okafor, 22,000 people crossed from Oslo last year.\n\n"
    "“It is ‘unfair’,” he told reporters in Lagos. ``It costs £1.2bn,'' he said.\n"
)


@st.composite
def mutated_articles(draw) -> str:
    """A realistic article with pieces inserted, deleted and duplicated at random places."""
    text = SEED_BASE
    for _ in range(draw(st.integers(1, 12))):
        position = draw(st.integers(0, len(text)))
        operation = draw(st.sampled_from(["insert", "delete", "duplicate"]))
        if operation == "insert":
            text = text[:position] + draw(pieces) + text[position:]
        elif operation == "delete":
            text = text[:position] + text[position + draw(st.integers(1, 40)):]
        else:
            text = text[:position] + text[position: position + draw(st.integers(1, 200))] * 2 + text[position:]
    return text


PROPERTY_SETTINGS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=False,
)


# --- tests ---------------------------------------------------------------------------------------


@PROPERTY_SETTINGS
@given(text=article_texts())
@example(text="")
@example(text="   \n\n \t \r\n ")
@example(text="“")
@example(text="”“”“")
@example(text='"""""\'\'\'\'')
@example(text="“a “b “c “d “e “f “g “h deep” g” f” e” d” c” b” a”")
@example(text="“Unclosed, she said.\n\nStill going.\n\n“And more")
@example(text="line one\r\nline two\r\n\r\n“Quoted,” he said.\r\n")
@example(text="\x1b[2J\x1b]52;c;ZXZpbA==\x07 [bold]she said[/bold] “[link=http://x]click[/link]”")
@example(text="She said “" + "x" * 5000 + "” and left.")
@example(text="\ufeff“BOM first,” she said.")
@example(text="“We will act,” she said.“‹the")  # found by bench/fuzz.py
def test_generated_text_keeps_every_invariant(analyze_text, text):
    check_invariants(analyze_text(text), text)


@PROPERTY_SETTINGS
@given(text=mutated_articles())
@example(text=SEED_BASE)
def test_mutated_article_keeps_every_invariant(analyze_text, text):
    check_invariants(analyze_text(text), text)


HOSTILE = {
    "empty": "",
    "spaces only": "     ",
    "newlines only": "\n\n\n\r\n",
    "one quote mark": "\"",
    "only quote marks": "“”‘’\"'``''«»„",
    "closer before opener": "” she said “",
    "apostrophes": "Don't say O'Brien's voters' 'tis ’90s rock'n'roll.",
    "nested ten deep": "“" * 10 + "deep" + "”" * 10 + " said Mr Okafor.",
    "unbalanced over paragraphs": "“One,\n\n“two,\n\n“three” she said.\n\n”",
    "cue with no speaker": "said: “Fine.”",
    "speaker with no cue": "Ms Quill “Fine.”",
    "numbers only": "1 2 3 4,000 5% £6bn 7th 2025-10-14",
    "combining marks only": "\u0301\u0302\u0303",
    "emoji speech": "“👍🏽👍🏽,” 👨\u200d👩\u200d👧 said.",
    "rtl": "“مرحبا,” قال الوزير. \u202e“reversed,” she said.\u202c",
    "nul bytes": "She\x00 said “hi\x00”.",
    "long word": "Ms Quill said “" + "a" * 20000 + "”.",
    "long sentence": "She said " + "and more " * 3000 + "“end”.",
    "date header only": " date 2025-10-14 ",
}


@pytest.mark.parametrize("text", list(HOSTILE.values()), ids=list(HOSTILE))
def test_hostile_text_keeps_every_invariant(analyze_text, text):
    check_invariants(analyze_text(text), text)


@pytest.mark.parametrize("text", ["the“the", "He“x"])  # once an IndexError, found by fuzzing
def test_opening_mark_glued_to_the_last_word_does_not_crash(analyze_text, text):
    check_invariants(analyze_text(text), text)


@pytest.mark.parametrize("text", ["Some " + "9" * 400 + " people crossed, she said.",
                                  "Fares rose by 1" + "0" * 320 + "%."],
                         ids=["400-digit count", "321-digit percent"])
def test_huge_numbers_give_finite_values_and_strict_json(analyze_text, text):
    check_invariants(analyze_text(text), text)


def test_seed_article_keeps_every_invariant(seed_doc):
    check_invariants(seed_doc, seed_doc.text)


def test_invariants_catch_a_broken_document(seed_doc):
    """The checks are not vacuous: a span past the end of the text is caught."""
    from dataclasses import replace

    from explorer.model import Figure

    broken = replace(
        seed_doc,
        figures=(Figure(id="fx", text="", start=len(seed_doc.text), end=len(seed_doc.text) + 3,
                        kind="count"),),
    )
    with pytest.raises(AssertionError, match="outside"):
        check_spans(broken)
    dangling = replace(seed_doc, figures=(Figure(id="fy", text="", start=0, end=0, kind="count",
                                                 quote_id="q404"),))
    with pytest.raises(AssertionError, match="missing quote"):
        check_ids(dangling)



FUZZ_EXAMPLES = 2000
"""The long run's budget; ``bench/fuzz.py`` runs the same property from the command line."""


@pytest.mark.slow
@settings(PROPERTY_SETTINGS, max_examples=FUZZ_EXAMPLES)
@given(text=st.one_of(article_texts(), mutated_articles()))
def test_fuzz_long_run(analyze_text, text):
    check_invariants(analyze_text(text), text)

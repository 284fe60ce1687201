"""Readers' corrections: applied to the model, kept by content hash, re-anchored after
re-analysis, reported when they no longer fit, shared as JSON, never touching the article."""

from __future__ import annotations

import dataclasses
import hashlib
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from newsroom_support import QUAY_A, quay_a, write_articles

from explorer import model_json
from explorer.model import Span
from explorer.store import corrections as fixes
from explorer.store.correction_files import BUNDLE_SCHEMA, CorrectionStore
from explorer.store.corrections import (
    Correction,
    CorrectionFormatError,
    apply_corrections,
    corrected_quote_notes,
)


@pytest.fixture
def store(tmp_path) -> CorrectionStore:
    return CorrectionStore(tmp_path / "corrections")


def test_reassign_to_an_existing_speaker_moves_the_quote_and_notes_it():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.reassign(doc.item("q2"), "maria  quint")])
    assert fixed.item("q2").speaker_id == "s1"
    assert fixed.item("s1").quote_ids == ("q1", "q2")
    assert fixed.item("s2").quote_ids == ("q4",)
    note = fixed.corrections[0]
    assert (note.action, note.was, note.now, note.quote_ids) == (
        "reassign", "Tom Haddow", "Maria Quint", ("q2",))
    assert corrected_quote_notes(fixed) == {"q2": [note]}


def test_reassign_to_a_typed_new_name_makes_a_new_speaker():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.reassign(doc.item("q3"), "Dr Ken Amis")])
    new = fixed.item(fixed.item("q3").speaker_id)
    assert (new.id, new.name, new.quote_ids) == ("s4", "Dr Ken Amis", ("q3",))
    assert fixed.item("s3").quote_ids == ()


def test_not_a_quote_removes_it_everywhere():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.not_a_quote(doc.item("q2"))])
    assert fixed.item("q2") is None
    assert fixed.item("s2").quote_ids == ("q4",)
    assert fixed.item("f1").quote_id is None
    assert fixed.corrections[0].now == "not a quote"


def test_rename_keeps_the_old_name_as_an_alias():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.rename(doc.item("s3"), "Lena Odum")])
    speaker = fixed.item("s3")
    assert speaker.name == "Lena Odum" and "Professor Lena Odum" in speaker.aliases
    assert fixed.corrections[0].quote_ids == ("q3",)


def test_merge_folds_one_speaker_into_another():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.merge(doc.item("s3"), doc.item("s1"))])
    assert fixed.item("s3") is None
    assert fixed.item("s1").quote_ids == ("q1", "q3")
    assert "Professor Lena Odum" in fixed.item("s1").aliases
    assert {q.speaker_id for q in fixed.quotes} == {"s1", "s2"}


def test_notes_only_point_at_what_the_corrected_document_still_has():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.rename(doc.item("s3"), "Lena Odum"),
                                    fixes.reassign(doc.item("q4"), "Maria Quint"),
                                    Correction("merge", name="Lena Odum", new_name="Maria Quint"),
                                    fixes.not_a_quote(doc.item("q4"))])
    ids = set(fixed.items_by_id)
    for note in fixed.corrections:
        assert set(note.quote_ids) <= ids
        assert note.speaker_id is None or note.speaker_id in ids
    assert fixed.corrections[0].speaker_id is None  # s3 was merged away


def test_a_correction_finds_its_quote_again_after_reanalysis_moves_the_edges():
    doc = quay_a()
    correction = fixes.reassign(doc.item("q3"), "Maria Quint")
    # Newer rules take the quote one word shorter: same passage, nearly the same words.
    q3 = doc.item("q3")
    shorter = dataclasses.replace(q3, end=q3.end - 6, parts=(Span(q3.start, q3.end - 6),),
                                  text=q3.text[:-6], id="q7")
    reanalysed = dataclasses.replace(doc, quotes=tuple(shorter if q.id == "q3" else q
                                                       for q in doc.quotes))
    fixed = apply_corrections(reanalysed, [correction])
    assert fixed.item("q7").speaker_id == "s1"
    assert fixed.corrections[0].problem is None


def test_a_correction_that_no_longer_fits_is_reported_and_changes_nothing():
    doc = quay_a()
    correction = fixes.not_a_quote(doc.item("q3"))
    gone = dataclasses.replace(doc, quotes=tuple(q for q in doc.quotes if q.id != "q3"))
    fixed = apply_corrections(gone, [correction, Correction("rename", name="Nobody",
                                                            new_name="Somebody")])
    assert fixed.quotes == gone.quotes and fixed.speakers == gone.speakers
    assert [bool(n.problem) for n in fixed.corrections] == [True, True]
    assert "no longer found" in fixed.corrections[0].problem


def test_corrections_are_in_the_json_and_survive_the_round_trip():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.reassign(doc.item("q2"), "Maria Quint")])
    data = json.loads(model_json.dumps(fixed))
    assert data["corrections"][0]["action"] == "reassign"
    assert data["corrections"][0]["quote_ids"] == ["q2"]
    assert "corrections" not in json.loads(model_json.dumps(doc))
    assert model_json.loads(model_json.dumps(fixed)) == fixed


# -- the store ------------------------------------------------------------------------------

def test_store_keeps_corrections_by_content_hash_and_undo_drops_the_last(store):
    doc = quay_a()
    store.add(doc.article, fixes.reassign(doc.item("q2"), "Maria Quint"))
    store.add(doc.article, fixes.not_a_quote(doc.item("q3")))
    assert store.path_for(doc.text).name == hashlib.sha256(QUAY_A.encode()).hexdigest() + ".json"
    fixed, problem = store.apply(doc)
    assert problem is None and len(fixed.corrections) == 2
    assert store.undo(doc.article).action == "not_quote"
    fixed, _ = store.apply(doc)
    assert [n.action for n in fixed.corrections] == ["reassign"]
    store.undo(doc.article)
    assert not store.has(doc.text) and store.undo(doc.article) is None


@pytest.mark.parametrize("garbage", [b"{not json", b"\xff\xfe\x00", b'{"schema": "other"}',
                                     b'{"schema": "explorer.corrections/1", "corrections": '
                                     b'[{"action": "explode"}]}'])
def test_a_corrupt_corrections_file_is_reported_and_set_aside(store, garbage):
    doc = quay_a()
    store.directory.mkdir(parents=True)
    store.path_for(doc.text).write_bytes(garbage)
    fixed, problem = store.apply(doc)
    assert fixed == doc
    assert "unreadable" in problem and "moved aside" in problem
    assert not store.has(doc.text)
    assert [p.read_bytes() for p in store.directory.glob("*.corrupt-*")] == [garbage]
    # and the next correction starts a fresh file
    store.add(doc.article, fixes.not_a_quote(doc.item("q1")))
    assert len(store.load(doc.text).corrections) == 1


def test_corrections_never_touch_the_article_file(store, tmp_path):
    from explorer.sources import read_article

    paths = write_articles(tmp_path / "articles")
    before = {p: p.read_bytes() for p in paths.values()}
    stamps = {p: p.stat().st_mtime_ns for p in paths.values()}
    doc = quay_a(read_article(paths["quay-a"]))
    store.add(doc.article, fixes.reassign(doc.item("q2"), "Maria Quint"))
    store.add(doc.article, fixes.rename(doc.item("s3"), "Lena Odum"))
    store.apply(doc)
    store.undo(doc.article)
    bundle, _ = store.export_bundle()
    CorrectionStore(tmp_path / "other").import_bundle(bundle)
    assert {p: p.read_bytes() for p in paths.values()} == before
    assert {p: p.stat().st_mtime_ns for p in paths.values()} == stamps
    assert not any(store.directory.resolve() in p.resolve().parents for p in paths.values())


def test_bundles_move_corrections_between_colleagues(store, tmp_path):
    doc = quay_a()
    store.add(doc.article, fixes.reassign(doc.item("q2"), "Maria Quint"))
    bundle, problems = store.export_bundle()
    assert problems == [] and bundle["schema"] == BUNDLE_SCHEMA
    colleague = CorrectionStore(tmp_path / "colleague")
    report = colleague.import_bundle(json.loads(json.dumps(bundle)))
    assert (report.articles, report.added, report.already_there) == (1, 1, 0)
    assert colleague.import_bundle(bundle).already_there == 1
    # the same fix made again by someone else, later, is not a second correction
    same_fix = dataclasses.replace(fixes.reassign(doc.item("q2"), "Maria Quint"),
                                   made_at="2020-01-01T00:00:00Z")
    again = {**bundle, "articles": [{**bundle["articles"][0],
                                     "corrections": [same_fix.to_json()]}]}
    assert colleague.import_bundle(again).already_there == 1
    assert colleague.apply(doc)[0].item("q2").speaker_id == "s1"


@pytest.mark.parametrize("bundle", [
    [], {"schema": "nope"}, {"schema": BUNDLE_SCHEMA, "articles": [{"content_hash": "x"}]},
    {"schema": BUNDLE_SCHEMA, "articles": [{"content_hash": "a" * 64,
                                            "corrections": [{"action": "reassign"}]}]},
])
def test_a_bad_bundle_is_refused_whole(store, bundle):
    with pytest.raises(CorrectionFormatError):
        store.import_bundle(bundle)
    assert not store.directory.exists()


# -- invariants ------------------------------------------------------------------------------

_NAMES = ["Maria Quint", "Tom Haddow", "Professor Lena Odum", "Dana Webb", "Ms Quint"]
_STEPS = st.lists(st.tuples(st.sampled_from(fixes.ACTIONS), st.integers(0, 3),
                            st.sampled_from(_NAMES), st.sampled_from(_NAMES)), max_size=8)


def _correction(doc, action, index, name, other):
    """A correction as a reader would make it on the document as it is now."""
    if action in ("reassign", "not_quote"):
        if not doc.quotes:
            return None
        quote = doc.quotes[index % len(doc.quotes)]
        return fixes.reassign(quote, name) if action == "reassign" else fixes.not_a_quote(quote)
    speaker = doc.speakers[index % len(doc.speakers)]
    if action == "rename":
        return fixes.rename(speaker, name)
    target = fixes.find_speaker(doc, other)
    return fixes.merge(speaker, target) if target is not None else None


@settings(max_examples=150, deadline=None)
@given(_STEPS)
def test_any_sequence_of_corrections_keeps_the_model_consistent(steps):
    raw = quay_a()
    made, doc = [], raw
    for step in steps:
        correction = _correction(doc, *step)
        if correction is not None:
            made.append(correction)
            doc = apply_corrections(raw, made)
    ids = set(doc.items_by_id)
    for quote in doc.quotes:
        assert quote.speaker_id is None or quote.speaker_id in ids
    for speaker in doc.speakers:
        assert speaker.quote_ids == tuple(q.id for q in sorted(doc.quotes, key=lambda q: q.start)
                                          if q.speaker_id == speaker.id)
    for note in doc.corrections:
        assert set(note.quote_ids) <= ids
        assert note.speaker_id is None or note.speaker_id in ids
    assert doc.text == raw.text
    assert model_json.loads(model_json.dumps(doc)) == doc

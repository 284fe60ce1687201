"""The cache key's software part is known without loading spaCy, and agrees with it."""

from __future__ import annotations

import json

from explorer.store.identity import model_label_from_meta, resolve_identity, resolve_model_label, rules_version


def test_the_model_label_matches_the_loaded_pipeline(nlp):
    from explorer.analysis import engine_for

    assert resolve_model_label() == engine_for(nlp).model
    assert resolve_identity().spacy == engine_for(nlp).spacy


def test_the_rules_version_read_from_source_is_the_imported_one():
    from explorer.analysis import RULES_VERSION

    assert rules_version() == RULES_VERSION


def test_the_rules_version_follows_the_source(tmp_path):
    source = tmp_path / "pipeline.py"
    source.write_text('RULES_VERSION = "42"\n"""why it changed"""\n')
    assert rules_version.__wrapped__(source) == "42"


def test_a_model_directory_is_named_by_its_meta(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "news_md", "version": "2.1"}))
    assert resolve_model_label(str(tmp_path)) == "en_news_md-2.1"
    assert model_label_from_meta({}) == "xx_unknown-0"


def test_an_unknown_model_has_no_label(monkeypatch):
    assert resolve_model_label("no_such_pipeline_anywhere") is None
    monkeypatch.setenv("EXPLORER_MODEL", "no_such_pipeline_anywhere")
    assert resolve_model_label() is None

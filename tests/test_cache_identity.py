"""The cache key's software part is known without loading spaCy, and agrees with it."""

from __future__ import annotations

import json
import subprocess
import sys

from explorer.analysis.model_choice import label_from_meta
from explorer.analysis.rules import rules_version
from explorer.store.identity import resolve_identity, resolve_model_label


def test_the_model_label_matches_the_loaded_pipeline(nlp):
    from explorer.analysis import engine_for

    assert resolve_model_label() == engine_for(nlp).model
    assert resolve_identity().spacy == engine_for(nlp).spacy


def test_the_identity_names_the_rules_fingerprint():
    assert resolve_identity().rules == rules_version()


def test_the_rules_version_changes_with_any_rule_or_data_file(tmp_path):
    (tmp_path / "quotes").mkdir()
    rule = tmp_path / "quotes" / "cues.py"
    rule.write_text("CUES = {'say'}\n")
    (tmp_path / "names.txt").write_text("Shabana\n")
    before = rules_version.__wrapped__(tmp_path)
    assert rules_version.__wrapped__(tmp_path) == before  # deterministic
    rule.write_text("CUES = {'say', 'warn'}\n")
    after_rule = rules_version.__wrapped__(tmp_path)
    (tmp_path / "names.txt").write_text("Shabana\nGraeme\n")
    after_data = rules_version.__wrapped__(tmp_path)
    assert len({before, after_rule, after_data}) == 3


def test_the_identity_is_known_without_importing_spacy():
    code = ("import sys; from explorer.store.identity import resolve_identity; "
            "resolve_identity(); print('spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_model_directory_is_named_by_its_meta(tmp_path):
    (tmp_path / "meta.json").write_text(json.dumps({"lang": "en", "name": "news_md", "version": "2.1"}))
    assert resolve_model_label(str(tmp_path)) == "en_news_md-2.1"
    assert label_from_meta({}) == "xx_unknown-0"


def test_an_unknown_model_has_no_label(monkeypatch):
    assert resolve_model_label("no_such_pipeline_anywhere") is None
    monkeypatch.setenv("EXPLORER_MODEL", "no_such_pipeline_anywhere")
    assert resolve_model_label() is None

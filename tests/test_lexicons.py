"""The word lists: one data file per concept, found by an installed package, and never in conflict."""

from __future__ import annotations

import ast
import tomllib
from importlib.resources import files
from itertools import combinations
from pathlib import Path

import pytest

from explorer.analysis.entities.works import KIND_OF_HEAD
from explorer.analysis.lexicons import lexicon_names, words
from explorer.analysis.names import PRONOUN_GENDER, TITLES
from explorer.analysis.quotes.coref import PRONOUNS
from explorer.analysis.rules import ANALYSIS_DIR, _rule_files, rules_version

ROOT = Path(__file__).resolve().parent.parent
ANALYSIS = ROOT / "explorer" / "analysis"
LEXICONS = ANALYSIS / "lexicons"
MAX_INLINE_WORDS = 8
CASED_LEXICONS = {"currency_codes", "regions"}
"""Matched as written (ISO codes, place names); every other list is lower case."""
LABEL_SETS = {("figures/counts.py", "SKIPPED_DEPS"), ("figures/spans.py", "NAME_LABELS")}
"""spaCy's own dependency and entity labels: part of the code's grammar, not a word list."""


def test_the_loader_finds_every_file_through_importlib_resources():
    on_disk = sorted(p.stem for p in LEXICONS.glob("*.txt"))
    assert lexicon_names() == on_disk
    for name in on_disk:
        assert words(name), name
        assert files("explorer.analysis.lexicons").joinpath(f"{name}.txt").is_file()


def test_the_lexicons_are_package_data():
    """A non-editable install copies only what pyproject declares."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert "analysis/lexicons/*.txt" in config["tool"]["setuptools"]["package-data"]["explorer"]


def test_a_lexicon_change_changes_the_rules_fingerprint(tmp_path):
    """Data files are part of the cache key, as the loader's docstring promises."""
    for folder, entries in (("before", "say\n"), ("after", "say\ntell\n")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "speech_verbs.txt").write_text(entries, encoding="utf-8")
    assert rules_version(tmp_path / "before") != rules_version(tmp_path / "after")
    assert set(LEXICONS.glob("*.txt")) <= set(_rule_files(ANALYSIS_DIR))


def test_comments_and_blank_lines_are_not_entries():
    assert "" not in words("speech_verbs")
    assert not any(entry.startswith("#") for name in lexicon_names() for entry in words(name))


@pytest.mark.parametrize("name", lexicon_names())
def test_entries_are_normalised(name):
    """Each file says what it is for, holds each entry once, sorted, lower case unless matched as written."""
    lines = (LEXICONS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and any("Must not contain" in line for line in lines if line.startswith("#"))
    entries = [line for line in lines if line.strip() and not line.startswith("#")]
    assert entries == sorted(set(entries)), "duplicates or out of order"
    assert all(entry == entry.strip() and "  " not in entry for entry in entries)
    if name not in CASED_LEXICONS:
        assert all(entry == entry.lower() for entry in entries)


def _inline_words(node: ast.AST) -> list[str]:
    """The string entries of a set, list or tuple literal, or of ``frozenset("a b c".split())``."""
    if isinstance(node, (ast.Set, ast.List, ast.Tuple)):
        return [e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    if isinstance(node, ast.Call) and getattr(node.func, "id", None) in ("frozenset", "set") and node.args:
        arg = node.args[0]
        if (isinstance(arg, ast.Call) and isinstance(arg.func, ast.Attribute) and arg.func.attr == "split"
                and isinstance(arg.func.value, ast.Constant) and isinstance(arg.func.value.value, str)):
            return arg.func.value.value.split()
        return _inline_words(arg)
    return []


def _names_of(tree: ast.Module) -> dict[int, str]:
    """Line of each module-level assignment -> the name it assigns."""
    found = {}
    for node in tree.body:
        if isinstance(node, (ast.Assign, ast.AnnAssign)):
            target = node.targets[0] if isinstance(node, ast.Assign) else node.target
            for line in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                found[line] = getattr(target, "id", "")
    return found


def test_no_word_list_is_written_in_the_code():
    """Word lists live in the lexicon files only, so a second copy cannot creep back."""
    inline = []
    for path in sorted(ANALYSIS.rglob("*.py")):
        relative = path.relative_to(ANALYSIS).as_posix()
        tree = ast.parse(path.read_text(encoding="utf-8"))
        names = _names_of(tree)
        for node in ast.walk(tree):
            entries = _inline_words(node)
            if len(entries) > MAX_INLINE_WORDS and (relative, names.get(node.lineno)) not in LABEL_SETS:
                inline.append(f"{relative}:{node.lineno} ({len(entries)} words: {', '.join(entries[:4])} ...)")
    assert inline == [], "move these word lists into explorer/analysis/lexicons/: " + "; ".join(inline)


def test_the_scan_catches_a_list_written_in_the_code():
    source = 'VERBS = frozenset({"say", "tell", "add", "warn", "claim", "argue", "insist", "note", "state"})'
    assert len(_inline_words(ast.parse(source).body[0].value)) == 9
    assert len(_inline_words(ast.parse('X = frozenset("a b c d e f g h i".split())').body[0].value)) == 9


DISJOINT = (
    "abstract_nouns", "document_nouns", "role_nouns", "subject_pronouns", "possessive_determiners",
    "anonymous_source_nouns", "person_back_references", "indefinite_pronouns", "organisation_words",
)
"""Kinds of word that exclude each other: a thing that never speaks is no document, role or pronoun."""


@pytest.mark.parametrize(("first", "second"), list(combinations(DISJOINT, 2)))
def test_lists_of_different_kinds_share_no_word(first, second):
    assert words(first) & words(second) == frozenset()


def test_rules_followed_are_no_documents_that_speak():
    assert words("rules_not_sources") & words("document_nouns") == frozenset()


def test_object_pronouns_are_not_other_kinds_either():
    for name in DISJOINT:
        if name not in ("subject_pronouns", "possessive_determiners"):
            assert words("object_pronouns") & words(name) == frozenset(), name


def test_speech_and_thought_verbs_are_no_abstract_nouns_of_the_same_lemma_as_speakers():
    assert words("speech_verbs") & words("abstract_nouns") == frozenset()
    assert words("speech_verbs") & (words("role_nouns") | words("document_nouns")) <= {"report"}


def test_a_body_role_noun_is_a_person_role_noun_only_for_spokespeople():
    assert words("body_role_nouns") & words("role_nouns") <= words("spokesperson_nouns")


@pytest.mark.parametrize(("narrow", "wide"), [
    ("corporate_roles", ("role_nouns",)),
    ("role_nouns_not_for_attribution", ("role_nouns",)),
    ("addressee_verbs", ("speech_verbs",)),
    ("not_object_cues", ("speech_verbs", "thought_verbs")),
])
def test_narrower_lists_nest_in_their_concept(narrow, wide):
    assert words(narrow) <= frozenset().union(*(words(name) for name in wide))


def test_spokespeople_are_role_nouns_of_a_person_and_of_a_body():
    singular = {word for word in words("spokesperson_nouns") if not word.endswith("people")}
    assert singular <= words("role_nouns") and singular <= words("body_role_nouns")


def test_trade_titles_are_titles():
    assert words("trade_titles") <= set(TITLES)


def test_programme_cues_are_the_work_heads_with_a_kind():
    """A programme cue with no kind of work (or the reverse) would be a second list by another name."""
    assert words("programme_cues") == set(KIND_OF_HEAD)


def test_calendar_words_are_no_time_units():
    assert words("calendar_words") & (words("time_units") | words("time_nouns")) == frozenset()


def test_coref_body_words_only_add_to_the_organisation_words():
    """Coref reads organisation_words too; its own file holds only what that list must not."""
    assert words("speaker_body_words") & (words("organisation_words") | words("body_role_nouns")) == frozenset()


def test_body_descriptions_are_no_person_roles():
    assert words("body_descriptions") & (words("role_nouns") | words("spokesperson_nouns")) == frozenset()


def test_titles_are_split_by_gender_without_overlap():
    for first, second in combinations(("titles", "male_titles", "female_titles"), 2):
        assert words(first) & words(second) == frozenset()


def test_honorifics_are_titles_that_say_no_trade():
    """Once "lord" was an honorific for the entity stage and a politician's title for role classes."""
    assert words("honorifics") <= set(TITLES)
    assert words("honorifics") & words("trade_titles") == frozenset()


def test_speaking_nouns_only_add_to_the_role_body_and_document_nouns():
    others = words("role_nouns") | words("body_role_nouns") | words("document_nouns")
    assert words("speaking_nouns") & others == frozenset()


def test_verdict_nouns_only_add_to_the_utterance_nouns():
    assert words("verdict_nouns") & words("utterance_nouns") == frozenset()


def test_company_nouns_only_add_to_the_body_nouns_and_descriptors():
    assert words("company_nouns") & (words("body_nouns") | words("company_descriptors")) == frozenset()


def test_role_abbreviations_only_add_to_the_role_nouns():
    assert words("role_abbreviations") & words("role_nouns") == frozenset()


def test_small_words_of_titles_are_stop_words_for_comparison():
    assert words("title_small_words") <= words("comparison_stop_words")


def test_each_role_class_has_its_own_words():
    classes = [name for name in lexicon_names() if name.startswith("role_class_")]
    assert len(classes) == 6
    for first, second in combinations(classes, 2):
        assert words(first) & words(second) == frozenset(), (first, second)


def test_the_pronoun_gender_tables_agree_with_the_pronoun_lexicons():
    """Coref's pronouns and the gender table are tables of the same words, never other ones."""
    personal = words("subject_pronouns") | words("object_pronouns")
    assert set(PRONOUNS) <= personal | words("possessive_determiners")
    assert all(PRONOUN_GENDER[word] == gender for word, gender in PRONOUNS.items())
    reflexive_or_absolute = {"himself", "herself", "hers"}
    assert set(PRONOUN_GENDER) <= personal | words("possessive_determiners") | reflexive_or_absolute

"""Two stories side by side, and 'said before': who is the same person, which quotes
match, which figures disagree, and a speaker's words in other articles, newest first."""

from __future__ import annotations

import pytest
from newsroom_support import quay_a, quay_b, quay_old

from explorer.analysis.compare import compare, comparison_json, quote_match
from explorer.analysis.person_match import PersonName, same_person
from explorer.store.said_before import said_before

MARIA = PersonName("Maria Quint", ("Ms Quint",), "the council’s chair")


@pytest.mark.parametrize(("a", "b"), [
    (MARIA, PersonName("Ms Quint")),
    (MARIA, PersonName("Quint")),
    (MARIA, PersonName("maria  quint")),
    (PersonName("Shabana Mahmood", role="Home Secretary"), PersonName("the Home Secretary")),
    (PersonName("J. Fenwick"), PersonName("Jo Fenwick")),
    (PersonName("Dr Lena Odum"), PersonName("Professor Lena Odum")),
    (PersonName("Opposition councillor Tom Haddow"), PersonName("Councillor Tom Haddow")),
    (PersonName("Maria Anne Quint"), PersonName("Maria Quint")),
    (PersonName("Home Office", kind="organisation"),
     PersonName("the Home Office", kind="organisation")),
])
def test_one_person_under_several_forms_of_name(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize(("a", "b"), [
    (MARIA, PersonName("Anna Quint")),           # two people who share a surname
    (PersonName("Ed Miliband"), PersonName("David Miliband")),
    (MARIA, PersonName("Maria")),                # a first name alone is not enough
    (PersonName("Mr Quint"), PersonName("Ms Quint")),
    (PersonName("Quint", kind="organisation"), MARIA),
    (PersonName("Shabana Mahmood", role="Home Secretary"), PersonName("the Chancellor")),
    (PersonName("Shabana Mahmood", ("She",)), PersonName("Jasmina Kovač", ("She",))),
    (PersonName("a senior source", kind="anonymous"),
     PersonName("a senior source", kind="anonymous")),
    (PersonName("critics", kind="group"), PersonName("critics", kind="group")),
])
def test_different_people_stay_apart(a, b):
    assert not same_person(a, b) and not same_person(b, a)


def test_quotes_match_allowing_small_edits_or_one_inside_the_other():
    assert quote_match("We cannot keep turning boats away",
                       "We can't keep turning boats away")[1] == "small edits"
    assert quote_match("We cannot keep turning fishing boats away.",
                       "we cannot keep turning fishing boats away") == (1.0, "same words")
    assert quote_match("the quay was built for a smaller fleet",
                       "Frankly, the quay was built for a smaller fleet, he said"
                       )[1] == "one inside the other"
    assert quote_match("The quay is old", "The harbour needs investment") is None


def test_compare_two_versions_of_one_story():
    result = compare(quay_a(), quay_b())
    assert [(p.a.name, p.b.name) for p in result.voices_in_both] == [
        ("Maria Quint", "Ms Quint"), ("Tom Haddow", "Tom Haddow")]
    assert [s.name for s in result.only_in_a] == ["Professor Lena Odum"]
    assert [s.name for s in result.only_in_b] == ["Pat Ryle"]
    assert [(p.a.id, p.b.id, p.match) for p in result.matching_quotes] == [
        ("q1", "q1", "one inside the other")]
    assert [(p.a.text, p.b.text) for p in result.figures_disagree] == [
        ("300 families", "250 families")]
    data = comparison_json(result)
    assert data["figures_disagree"][0]["a"]["value"] == 300
    assert data["voices"]["only_b"][0]["name"] == "Pat Ryle"


def test_said_before_lists_the_person_elsewhere_newest_first():
    corpus = [quay_old(), quay_b(), quay_a()]
    found = said_before(MARIA, corpus, exclude_path="quay-a.txt")
    # quay-old's Anna Quint shares the surname: not her.
    assert [(q.path, q.speaker, q.date) for q in found] == [("quay-old.txt", "Maria Quint",
                                                             "2024-11-20")]
    assert found[0].title == "Harbour budget under strain"
    assert found[0].text == "The harbour needs investment before the winter storms,"


def test_said_before_finds_a_title_and_surname_form_when_it_is_unambiguous():
    older = quay_old()
    without_anna = older.__class__(article=older.article, engine=older.engine,
                                   speakers=older.speakers[:1], quotes=older.quotes[:1])
    corpus = [quay_a(), quay_b(), without_anna]
    found = said_before(MARIA, corpus, exclude_path="quay-a.txt")
    assert [(q.path, q.speaker, q.date) for q in found] == [
        ("quay-b.txt", "Ms Quint", "2025-03-03"),
        ("quay-old.txt", "Maria Quint", "2024-11-20"),
    ]


def test_a_bare_surname_shared_by_two_people_of_the_folder_is_not_guessed():
    corpus = [quay_a(), quay_b(), quay_old()]
    # The folder quotes a Maria and an Anna Quint: quay-b's "Ms Quint" could be either.
    assert [q.speaker for q in said_before(PersonName("Anna Quint"), corpus)] == ["Anna Quint"]
    assert "Ms Quint" not in {q.speaker for q in said_before(MARIA, corpus)}

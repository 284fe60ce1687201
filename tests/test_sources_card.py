"""The sources card: voices, their kinds and role classes (with evidence), direct share,
first and last word; and its place in the JSON contract."""

from __future__ import annotations

import json

import pytest
from newsroom_support import ENGINE, quay_a, quote, read_text

from explorer import model_json
from explorer.analysis.role_classes import ROLE_CLASS_LABELS, ROLE_CLASS_RULES, classify
from explorer.analysis.sources_card import sources_card, sources_json
from explorer.model import ParsedDocument, Speaker


@pytest.mark.parametrize(("speaker", "role_class", "matched"), [
    (Speaker("s1", "Shabana Mahmood", "person", "the Home Secretary"), "politician", "secretary"),
    (Speaker("s1", "Lena Odum", "person", "a coastal engineer at Kelby University"),
     "expert", "university"),
    (Speaker("s1", "Dr Ann Lee", "person"), "expert", "dr"),
    (Speaker("s1", "Raj Patel", "person", "chief executive of Patel Foods"), "business",
     "chief executive"),
    (Speaker("s1", "Ferry Workers Union", "organisation"), "campaigner", "union"),
    (Speaker("s1", "A spokeswoman", "spokesperson", represents="the Home Office"), "politician",
     "home office"),
    (Speaker("s1", "Pat Ryle", "person", "a resident of Dock Road"), "public", "resident"),
    (Speaker("s1", "Kim Sato", "person", "the club's captain"), "culture", "club"),
])
def test_role_classes_come_with_their_evidence(speaker, role_class, matched):
    evidence = classify(speaker)
    assert evidence is not None
    assert (evidence.role_class, evidence.matched) == (role_class, matched)
    assert ROLE_CLASS_LABELS[role_class] in evidence.label


def test_a_persons_own_name_is_no_evidence_of_a_trade():
    # "Baker" and "Banks" are surnames, not a bakery or a bank.
    assert classify(Speaker("s1", "Tom Banks", "person")) is None
    assert classify(Speaker("s1", "Ann Baker", "person", None, ("Ms Baker",))) is None


def test_role_class_rules_do_not_contradict_each_other():
    seen: dict[str, str] = {}
    for role_class, words in ROLE_CLASS_RULES:
        assert role_class in ROLE_CLASS_LABELS
        for word in words:
            assert seen.setdefault(word, role_class) == role_class, f"{word!r} in two classes"


def test_card_counts_voices_words_kinds_and_who_speaks_first_and_last():
    card = sources_card(quay_a())
    assert [v.name for v in card.voices] == ["Tom Haddow", "Maria Quint", "Professor Lena Odum"]
    haddow = card.voice("s2")
    assert (haddow.quotes, haddow.direct_quotes, haddow.role_class) == (2, 1, "politician")
    # "We cannot keep turning fishing boats away" + "The quay was built for a smaller fleet"
    assert card.voice("s1").words == 15
    assert card.by_kind == {"person": 3}
    assert card.by_role_class == {"politician": 2, "expert": 1}
    assert (card.direct, card.reported, card.mixed, card.quotes) == (2, 2, 0, 4)
    assert card.direct_share == 0.5
    assert (card.first_voice, card.last_voice) == ("s1", "s2")


def test_unattributed_quotes_count_but_are_no_voice():
    article = read_text("“It will rain,” someone said. “Bring coats,” said Jo Lark.\n",
                        "x.txt")
    quotes = [quote(article.text, "q1", "direct", ["“It will rain,”"], None),
              quote(article.text, "q2", "direct", ["“Bring coats,”"], "s1")]
    doc = ParsedDocument(article=article, engine=ENGINE, quotes=tuple(quotes),
                         speakers=(Speaker("s1", "Jo Lark", "person", quote_ids=("q2",)),))
    card = sources_card(doc)
    assert [v.name for v in card.voices] == ["Jo Lark"]
    assert (card.unattributed_quotes, card.first_voice, card.last_voice) == (1, "s1", "s1")


def test_an_article_without_quotes_has_an_empty_card():
    card = sources_card(ParsedDocument(article=read_text("Nothing said.\n", "x.txt"),
                                       engine=ENGINE))
    assert card.voices == () and card.direct_share is None and card.first_voice is None


def test_sources_block_is_in_the_contract_json_and_survives_the_round_trip():
    doc = quay_a()
    data = json.loads(model_json.dumps(doc))
    assert data["sources"] == json.loads(json.dumps(sources_json(sources_card(doc))))
    haddow = next(v for v in data["sources"]["voices"] if v["speaker_id"] == "s2")
    assert haddow["evidence"] == {"field": "role", "text": "Opposition councillor",
                                  "matched": "opposition"}
    assert model_json.loads(model_json.dumps(doc)) == doc

"""One sentence of our own per quote rule, so every rule in the table is seen to fire."""

from __future__ import annotations

import pytest

EXAMPLES = {
    "direct.cue_before": 'The mayor said "we will rebuild the bridge by May".',
    "direct.interrupted": '"We will rebuild," the mayor said, "and we will do it by May."',
    "direct.according_to": '"The bridge is unsafe," according to the city engineer Tom Hale.',
    "direct.verdict_of": '"The plan is dead," is the blunt verdict of Rosa Lind, a council leader.',
    "direct.nearest_speaker": (
        '"We will act," the mayor said.\n\nThe council met on Monday.\n\nWorks start in June.\n\n'
        "The bridge closed in March.\n\nTraffic has been heavy.\n\n"
        '"It is long overdue and the town has waited long enough for it."'
    ),
    "direct.unattributed": (
        '"Nobody in this town has ever seen a flood quite like this one, not even the oldest residents."'
    ),
    "direct.clause_subject": 'Ana Ruiz is "a mayor who keeps her word on every single promise".',
    "mixed.clause_subject": 'The mayor was "determined to rebuild the bridge" this year.',
    "reported.object": "The mayor announced her resignation on Monday.",
    "reported.parenthetical": "Currently, he said, a ticket machine lasts about ten years.",
    "reported.stance": "The mayor sees the bridge as a lifeline for the town.",
}


@pytest.mark.parametrize("rule", sorted(EXAMPLES))
def test_the_rule_fires_on_its_example(analyze_text, rule):
    doc = analyze_text(EXAMPLES[rule])
    assert rule in [q.rule for q in doc.quotes]


def test_a_sentence_ending_in_the_cue_is_reported_cue_after(seed_doc):
    quote = next(q for q in seed_doc.quotes if q.rule == "reported.cue_after")
    assert quote.text.startswith("Failure to grip the migrant crisis")


def test_a_vox_pop_line_credits_the_name_before_its_affiliation(analyze_text):
    doc = analyze_text(
        'We asked economists for a verdict.\n\nNadia Brook, of the Harbour Institute: "A fair Budget."\n\n'
        'Callum Reid, of the Sound Money Trust: "Another missed chance."'
    )
    names = {q.text: doc.item(q.speaker_id).name for q in doc.quotes}
    assert names == {"A fair Budget.": "Nadia Brook", "Another missed chance.": "Callum Reid"}
    assert {q.rule for q in doc.quotes} == {"direct.colon_intro"}

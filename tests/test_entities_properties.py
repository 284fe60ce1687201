"""Invariants of the entity and figure stages on generated text (hypothesis)."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from explorer.analysis.entities import find_entities
from explorer.analysis.figures import find_figures
from explorer.analysis.pipeline import parse_text
from explorer.model import Quote, Span
from explorer.sources import read_text_article

FRAGMENTS = [
    "Ms Okafor", "Dr Lena Vogt", "Mr Vogt's", "the Home Office", "Home Secretary", "Reform UK's",
    "Bosnia and", "Herzegovina", "North", "Macedonia", "the Channel", "Britain", "the UK",
    "U.S.", "European", "(Sam Reed/PA)", "£1.2bn", "$300m", "€40 million", "40%", "2.5 per cent",
    "between 20 and 30", "20-30", "three million", "a dozen", "half", "5km", "300 tonnes",
    "in 2024", "within a week", "today", "Apollo 11", "G7", "Covid-19", "10 Downing Street",
    "020 7946 0958", "13:07", "5am", "21st", "people", "were smuggled", "said", "returned",
    "to France", ",", ".", "\n", "\n\n", "“", "”", "the", "and", "of", "'s", "-", "–",
]


def _check(text: str, entities, figures) -> None:
    length = len(text)
    seen_ids: set[str] = set()
    for prefix, group in (("pe", entities.people), ("o", entities.organisations),
                          ("p", entities.places)):
        assert [item.id for item in group] == [f"{prefix}{i}" for i in range(1, len(group) + 1)]
        for item in group:
            assert item.name and item.aliases
            assert list(item.mentions) == sorted(set(item.mentions))
            for mention in item.mentions:
                assert 0 <= mention.start < mention.end <= length
        firsts = [item.mentions[0].start for item in group]
        assert firsts == sorted(firsts), "ids are not in order of first mention"
        seen_ids.update(item.id for item in group)
    assert [f.id for f in figures] == [f"f{i}" for i in range(1, len(figures) + 1)]
    for figure in figures:
        assert 0 <= figure.start < figure.end <= length
        assert figure.text == text[figure.start : figure.end]
        assert figure.sentence.start <= figure.start and figure.end <= figure.sentence.end
        assert figure.quote_id in (None, "q1")


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=30))
def test_spans_stay_inside_the_text_and_ids_are_in_order(nlp, fragments):
    text = " ".join(fragments)
    article = read_text_article(text)
    doc = nlp(parse_text(article))
    quote = Quote(id="q1", kind="direct", start=0, end=len(text) // 2,
                  parts=(Span(0, len(text) // 2),), text=text[: len(text) // 2])
    _check(text, find_entities(doc, article), find_figures(doc, article, (quote,)))

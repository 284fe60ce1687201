"""A learned second opinion on who speaks, for quotes whose rule is only a guess.

The weak rules (a floating quote, the nearest earlier speaker, the subject of
the clause around a quote) each name one speaker; the text offers others: the
subjects of the sentences just before, the people named nearby, the speakers
of the quotes before. ``candidates`` lists them with named binary features
(where the mention sits, what kind of phrase it is, whether it spoke before);
a logistic model (``ranker_weights.json``, fitted by ``bench/train_ranker.py``)
scores each and ``rerank`` gives the quote the best one. Rules with no weights
(or no weights file) keep the rule's choice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from spacy.tokens import Token

from explorer.analysis.quotes import cues
from explorer.analysis.quotes.direct import speaker_and_role
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.lexicon import ROLE_WORDS_ORGANISATION, ROLE_WORDS_PERSON

WEIGHTS_FILE = "ranker_weights.json"

_SENTENCES_BACK = 3
_PREVIOUS_SPEAKERS = 3
_PRONOUNS = frozenset({"he", "she", "they", "it"})
_SPEAKING_ENTITIES = ("PERSON", "ORG", "NORP")


@dataclass(frozen=True)
class Candidate:
    """One speaker mention the ranker may choose: its token range and features."""

    tokens: tuple[int, int]
    features: tuple[str, ...]
    role: str | None = None
    """A role the attribution gives with the name (``Ann Lee, the mayor``)."""


def _mention_form(token: Token) -> str:
    lemma = token.lemma_.lower()
    if token.pos_ == "PRON":
        return "pronoun"
    if token.ent_type_ == "PERSON":
        return "person_name"
    if token.ent_type_ in ("ORG", "NORP", "GPE"):
        return "body_name"
    if lemma in ROLE_WORDS_PERSON:
        return "role"
    if lemma in ROLE_WORDS_ORGANISATION:
        return "body_noun"
    if token.pos_ == "PROPN":
        return "other_name"
    return "noun"


def _can_be_candidate(token: Token) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in _PRONOUNS
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and (token.lemma_.lower() in ROLE_WORDS_PERSON
                                     or token.lemma_.lower() in ROLE_WORDS_ORGANISATION
                                     or token.ent_type_ in _SPEAKING_ENTITIES)


def _head_of(reader: Reader, tokens: tuple[int, int]) -> Token:
    return reader.doc[tokens[0] : tokens[1]].root


def candidates(reader: Reader, drafts: list[Draft], index: int) -> list[Candidate]:
    """The speaker mentions one draft could have, the rule's own choice first."""
    draft = drafts[index]
    doc = reader.doc
    first = reader.token_at(draft.start)
    last = reader.token_at(draft.end - 1)
    quote_sentence = reader.sentence_index(first)
    quote_line = reader.line_of(draft.start)
    sources: dict[tuple[int, int], set[str]] = {}
    roles: dict[tuple[int, int], str | None] = {}

    def add(tokens: tuple[int, int], source: str, role: str | None = None) -> None:
        if tokens[1] > tokens[0]:
            sources.setdefault(tokens, set()).add(source)
            roles[tokens] = roles.get(tokens) or role

    if draft.speaker is not None:
        add(draft.speaker, "rule", draft.role)
    earlier = [d for d in drafts[:index] if d.speaker is not None and d.end <= draft.start]
    seen_speakers: list[Draft] = []
    for previous in reversed(earlier):
        if all(previous.speaker != other.speaker for other in seen_speakers):
            seen_speakers.append(previous)
        if len(seen_speakers) == _PREVIOUS_SPEAKERS:
            break
    for rank, previous in enumerate(seen_speakers, 1):
        add(previous.speaker, f"previous{rank}", previous.role)
    low = max(0, quote_sentence - _SENTENCES_BACK)
    subjects_before = 0
    for sentence in reversed(reader.sentences[low : quote_sentence + 1]):
        for token in reversed(sentence):
            if reader.quoted[token.i] or not _can_be_candidate(token):
                continue
            if token.dep_ in ("nsubj", "nsubjpass"):
                head = cues.speaker_behind(token)
                kind = "subject_near" if subjects_before == 0 and token.i < first else "subject"
                subjects_before += token.i < first
                add(*_named(reader, head, kind))
            elif token.ent_type_ == "PERSON" and token.dep_ not in cues.NAME_DEPS and \
                    reader.sentence_index(token.i) >= quote_sentence - 1:
                add(*_named(reader, token, "person_near"))
    spoken = {doc[s:e].root.lower_ for d in earlier for s, e in [d.speaker]}
    quoted_first = next((i for i in range(first, last + 1) if reader.quoted[i]), first)
    above = _verbs_above(reader, quoted_first)
    heads = {tokens: _head_of(reader, tokens) for tokens in sources}
    depths = {tokens: above.get(head.head.i) if head.dep_ in ("nsubj", "nsubjpass") else None
              for tokens, head in heads.items()}
    speaking = [d for t, d in depths.items() if d is not None and cues.is_speech_verb(heads[t].head, with_thought=True)]
    lowest = min(speaking, default=None)
    found = []
    for tokens, kinds in sources.items():
        head = heads[tokens]
        if reader.quoted[head.i]:
            continue
        features = [f"source={kind}" for kind in sorted(kinds)]
        depth = depths[tokens]
        features.append(f"governs={'no' if depth is None else min(depth, 4)}")
        speech = head.dep_ in ("nsubj", "nsubjpass") and cues.is_speech_verb(head.head, with_thought=True)
        features.append(f"governs={'no' if depth is None else min(depth, 4)}&speech={speech}")
        if depth is not None and depth == lowest:
            features.append("lowest_speaking_subject")
        form = _mention_form(head)
        features.append(f"form={form}")
        features += [f"{form}&source={kind}" for kind in sorted(kinds)]
        distance = quote_sentence - reader.sentence_index(head.i)
        where = "after" if head.i > last else "inside" if head.i >= first else "before"
        features.append(f"sentences={min(max(distance, -1), 3)}")
        features.append(f"where={where}")
        line_gap = quote_line - reader.line_of(head.idx)
        features.append(f"lines={min(max(line_gap, -1), 2)}")
        features.append(f"dep={head.dep_ if head.dep_ in ('nsubj', 'nsubjpass', 'pobj', 'dobj') else 'other'}")
        if head.dep_ in ("nsubj", "nsubjpass") and cues.is_speech_verb(head.head, with_thought=True):
            features.append("subject_of_cue")
        if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT":
            features.append("main_subject")
        narrative = reader.narrative_index(quoted_first) - reader.narrative_index(head.i)
        features.append(f"narrative={min(max(narrative, -1), 3)}")
        features += [f"narrative={min(max(narrative, -1), 3)}&source={kind}" for kind in sorted(kinds)]
        line = reader.lines[reader.line_of(head.idx)] if reader.line_of(head.idx) >= 0 else None
        if line is not None and head.i == next(
                (t.i for t in doc[reader.token_at(line[0]) : head.i + 1]
                 if t.dep_ in ("nsubj", "nsubjpass") and not reader.quoted[t.i]), None):
            features.append("opens_paragraph")
        if any(cues.is_speech_verb(t) for t in reader.sentence_of(head.i) if not reader.quoted[t.i]):
            features.append("cue_in_sentence")
        if head.lower_ in spoken:
            features.append("spoke_before")
        if where == "before" and distance == 0 and "rule" not in kinds:
            features.append("same_sentence_other")
        found.append(Candidate(tokens, tuple(features), roles[tokens]))
    found.sort(key=lambda c: (not any(f == "source=rule" for f in c.features), -c.tokens[0]))
    return found


def _named(reader: Reader, head: Token, source: str) -> tuple[tuple[int, int], str, str | None]:
    """The mention the rules would credit, role apart: ``Ann Lee, the mayor`` -> Ann Lee."""
    (start, end), role = speaker_and_role(reader, head)
    name = reader.doc[start:end].root
    if name.ent_type_ == "PERSON":
        # "New Jersey Gov. Chris Christie": the person's name, so that it merges with
        # "Chris Christie" elsewhere; the words before it are a description
        first = name.i
        while first > start and reader.doc[first].ent_iob_ == "I":
            first -= 1
        start = first
    return (start, end), source, role


def _verbs_above(reader: Reader, first: int) -> dict[int, int]:
    """Token -> steps up the parse from the quote's first word: the clauses that hold it."""
    found: dict[int, int] = {}
    token = reader.doc[min(first + 1, len(reader.doc) - 1)]
    for step in range(1, 10):
        if token.head is token:
            break
        token = token.head
        found.setdefault(token.i, step)
    return found


def feature_names(rule: str, candidate: Candidate) -> list[str]:
    """Each feature alone and tied to the quote's rule: a floating quote weighs a
    previous speaker differently from a clause whose subject is the rule's pick."""
    return [*candidate.features, *(f"{rule}|{f}" for f in candidate.features)]


@lru_cache(maxsize=1)
def _weights() -> tuple[frozenset[str], float, dict[str, float]] | None:
    try:
        raw = resources.files(__package__).joinpath(WEIGHTS_FILE).read_text(encoding="utf-8")
        data = json.loads(raw)
        return (frozenset(map(str, data["rules"])), float(data["bias"]),
                {str(k): float(v) for k, v in data["weights"].items()})
    except (OSError, ValueError, KeyError, TypeError):
        return None


def score(names: list[str], weights: dict[str, float]) -> float:
    """The candidate's linear score (the bias is the same for every candidate)."""
    return sum(weights.get(name, 0.0) for name in names)


def rerank(reader: Reader, drafts: list[Draft], model=None) -> list[Draft]:
    """The drafts again, each weak rule's speaker replaced by the best-scored candidate."""
    model = model or _weights()
    if model is None:
        return drafts
    rules, _, weights = model
    for index, draft in enumerate(drafts):
        if draft.rule not in rules:
            continue
        found = candidates(reader, drafts, index)
        if len(found) < 2:
            continue
        best = max(found, key=lambda c: score(feature_names(draft.rule, c), weights))
        if best.tokens != draft.speaker:
            draft.speaker = best.tokens
            draft.role = best.role
            draft.pointer = None
    return drafts

"""Verb cues whose content is no clause: talk on a topic (``X spoke about Y``), appeals
(``X called for Y to Z``), and the times and places after a cue that are never content."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Reader
from explorer.analysis.quotes.lexicon import THOUGHT_VERBS
from explorer.analysis.token_range import TokenRange

TOPIC_VERBS = words("topic_verbs")
APPEAL_VERBS = words("appeal_verbs")
_VERB_CUES = TOPIC_VERBS | APPEAL_VERBS
_NOT_CONTENT_NOUNS = words("not_content_nouns")
_CALENDAR_WORDS = words("calendar_words")
_TOPIC_ONLY_PREPOSITIONS = frozenset(["about", "of", "against"])
_TOPIC_PREPOSITIONS = _TOPIC_ONLY_PREPOSITIONS | {"on"}
_LEAVE_WORDS = frozenset(["allow", "anonymity", "authorize", "authorise", "condition", "permit"])
"""``not authorised to discuss the matter``: the formula of an unnamed source, not a topic."""
_TOPIC_OBJECT_VERBS = frozenset(["debate", "discuss"])
"""Topic verbs whose plain object is the topic (``discussed the plan``); ``spoke English`` is not."""
_FUTURE_AUXILIARIES = frozenset(["will", "'ll", "shall", "to"])
_FAVOUR = frozenset(["favour", "favor", "support", "defence", "defense"])
_TIME_ENTITIES = ("DATE", "TIME")


def is_topic_verb(token: Token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in TOPIC_VERBS


def is_verb_cue(token: Token) -> bool:
    """A cue this module reads beyond the speech and thought verbs: talk on a topic
    (``spoke about``) or an appeal (``encouraged voters to``)."""
    return token.pos_ == "VERB" and token.lemma_.lower() in _VERB_CUES


def is_time(token: Token) -> bool:
    """``on Friday``, ``earlier this week``: a phrase that only says when."""
    kept = [t for t in token.subtree if not t.is_punct and t.dep_ not in ("det", "case")]
    return bool(kept) and all(t.ent_type_ in _TIME_ENTITIES or t.lower_ in _CALENDAR_WORDS for t in kept)


def never_content(noun: Token) -> bool:
    """The object of a cue's preposition that says when, where or through what something
    was said (``on Tuesday``, ``in Ohio``, ``on Twitter``), not what was said; but what
    one talks ``about`` (or ``of``, or ``against``) may be a day or a place."""
    if noun.dep_ == "pobj" and noun.head.lower_ in _TOPIC_ONLY_PREPOSITIONS:
        return False
    if noun.dep_ == "pobj" and noun.head.lower_ == "for":
        # "a vote for June 5", "pushed for months"; but "pushed for a four-day week"
        return is_time(noun) and (noun.pos_ in ("PROPN", "NUM") or not any(c.dep_ == "det" for c in noun.children))
    if is_time(noun):
        return True
    if noun.lemma_.lower() in _NOT_CONTENT_NOUNS:
        return True
    return noun.ent_type_ in ("GPE", "LOC", "FAC") and not any(c.dep_ == "prep" for c in noun.children)


def _object_of_prep(prep: Token) -> Token | None:
    return next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)


_OPENING_MARKS = frozenset("“‘\"")
_CLOSING_MARKS = frozenset("”’\"")


def _range(reader: Reader, start: int, end: int, sentence: SpacySpan) -> TokenRange | None:
    doc = reader.doc
    start, end = cues.trim(doc, start, min(end, sentence.end))
    opened = next((i for i in range(start, end) if doc[i].text in _OPENING_MARKS), None)
    if opened is not None and not any(doc[i].text in _CLOSING_MARKS for i in range(opened + 1, end)):
        start, end = cues.trim(doc, start, opened)  # 'in “13th,” her film': a title cut in two
    if end <= start or any(reader.quoted[i] for i in range(start, end)):
        return None
    return TokenRange(start, end)


def topic_of(reader: Reader, verb: Token, sentence: SpacySpan) -> TokenRange | None:
    """``spoke at the White House on Tuesday about rights denied to victims``: the phrase
    after ``about``/``of``/``on`` (past any time or place); ``spoke out in favour of Y``:
    Y; ``discussed the plan``: the object."""
    if not is_topic_verb(verb) or any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None
    if any(t.lemma_.lower() in _LEAVE_WORDS for t in (verb.head, verb.head.head, *verb.head.children)):
        return None
    if verb.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) and any(
            c.dep_ == "aux" and c.lower_ in _FUTURE_AUXILIARIES for c in verb.head.children):
        return None  # "will join the meeting to discuss work": a plan, no talk yet ("met to discuss" was)
    talked_up = any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children)
    for child in verb.rights:
        if child.dep_ == "dobj" and child.pos_ != "PRON" and (
                talked_up or verb.lemma_.lower() in _TOPIC_OBJECT_VERBS):
            # "discussed the plan", "talked up his chances"
            return _range(reader, child.left_edge.i, child.right_edge.i + 1, sentence)
        if child.dep_ != "prep":
            continue
        noun = _object_of_prep(child)
        if noun is not None and child.lower_ in ("to", "with"):
            # "talked to reporters about the merger": the parse may hang the topic on the listener
            about = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "about"
                          and _object_of_prep(c) is not None), None)
            if about is not None:
                return _range(reader, about.i + 1, about.right_edge.i + 1, sentence)
            continue
        if noun is None or never_content(noun) or child.lower_ == "on" and noun.pos_ == "PROPN":
            continue  # "spoke on Fox News": a programme or channel
        if child.lower_ in ("in", "out") and noun.lower_ in _FAVOUR:
            # "in favour of gun control": what is favoured
            of = next((c for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"), None)
            if of is not None:
                return _range(reader, of.i + 1, of.right_edge.i + 1, sentence)
        if child.lower_ in _TOPIC_PREPOSITIONS:
            return _range(reader, child.i + 1, child.right_edge.i + 1, sentence)
    return None


def _infinitive(token: Token) -> bool:
    """``to act``: a clause with its own ``to``."""
    return token.dep_ in ("xcomp", "advcl", "ccomp") and any(
        c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


def appeal_of(reader: Reader, verb: Token, sentence: SpacySpan) -> TokenRange | None:
    """What an appeal asks for: ``calling for the state to act`` (which the parse makes a
    clause opened by "for"), ``called on ministers to rethink the cuts``, ``pushed for a
    vote``, ``begged officials to reopen the case``, ``urged calm``."""
    lemma = verb.lemma_.lower()
    if lemma not in APPEAL_VERBS or verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in verb.children):
        return None  # "Pressed for details, she said": pressed by someone else
    if any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return None  # "was called for a vote", "was pressed to answer": not the subject's appeal
    rights = list(verb.rights)
    for index, child in enumerate(rights):
        following = rights[index + 1] if index + 1 < len(rights) else None
        if child.dep_ == "advcl" and child.left_edge.lower_ == "for" and child.left_edge.dep_ == "mark":
            # "for the United States to step up efforts", "and for landlords to pay"
            end = child.right_edge.i + 1
            for later in rights[index + 1:]:
                if later.dep_ in ("cc", "conj") and (later.dep_ == "cc" or later.lower_ == "for"):
                    end = later.right_edge.i + 1
                else:
                    break
            return _range(reader, child.left_edge.i + 1, end, sentence)
        if child.dep_ == "prep" and child.lower_ == "for":
            noun = _object_of_prep(child)
            if noun is None or never_content(noun):
                continue
            end = child.right_edge.i + 1
            if following is not None and _infinitive(following) and following.i == end:
                end = following.right_edge.i + 1  # "called for all candidates to lay out plans"
            return _range(reader, child.i + 1, end, sentence)
        if child.dep_ == "prep" and child.lower_ in ("on", "upon") and lemma == "call":
            noun = _object_of_prep(child)
            if noun is not None and not never_content(noun) and following is not None and _infinitive(following):
                return _range(reader, child.i + 1, following.right_edge.i + 1, sentence)
        if _infinitive(child) and child.dep_ == "xcomp" and lemma in ("push", "press") and not any(
                c.dep_ == "dobj" for c in verb.children):
            return _range(reader, child.left_edge.i, child.right_edge.i + 1, sentence)  # "pushing to ban X"
        if child.dep_ in ("prt", "advmod") and child.lower_ == "back" and lemma in ("push", "press"):
            # "pushed back against the charges": the rebuttal's target
            prep = next((c for c in rights[index + 1:] if c.dep_ == "prep" and c.lower_ in ("against", "on")), None)
            noun = _object_of_prep(prep) if prep is not None else None
            if noun is not None and not never_content(noun):
                return _range(reader, prep.i + 1, prep.right_edge.i + 1, sentence)
            return None
        if child.dep_ == "dobj" and lemma != "call":
            if following is not None and _infinitive(following):
                return _range(reader, following.left_edge.i, following.right_edge.i + 1, sentence)
            if lemma == "urge" and child.pos_ == "NOUN" and child.ent_type_ == "":
                return _range(reader, child.left_edge.i, child.right_edge.i + 1, sentence)  # "urged calm"
            return None
    return None


def that_clause_in_phrase(verb: Token) -> Token | None:
    """``said on Friday during a news conference that he may wait``: the parse hangs the
    ``that`` clause on the last noun of the cue's phrases as if it described it; a clause
    opened by the conjunction ``that`` (not the relative pronoun) is what was said."""
    if not cues.is_speech_verb(verb, with_thought=True):
        return None
    for prep in (c for c in verb.rights if c.dep_ == "prep"):
        for noun in (t for t in prep.subtree if t.dep_ == "pobj" and t.lemma_.lower() not in cues.UTTERANCE_NOUNS):
            # "responded to claims that he lied": the claims' content, not the response
            for clause in noun.rights:
                if clause.dep_ != "relcl" or clause.left_edge.lower_ != "that":
                    continue
                mark = clause.left_edge
                if mark.dep_ == "mark" and mark.pos_ == "SCONJ" and mark.head.i == clause.i and any(
                        c.dep_ in ("nsubj", "nsubjpass", "expl") for c in clause.children):
                    return clause
    return None


_QUESTION_OPENERS = words("question_words") | {"that", "how"}


def topic_clause(verb: Token, clause: Token | None) -> Token | None:
    """A topic verb reports a clause only when it opens with ``how``/``whether``/``that``
    (``discussed how the plan would work``); ``She talks. He listens`` is two sentences."""
    if clause is None or not is_topic_verb(verb) or cues.is_speech_verb(verb):
        return clause
    if clause.dep_ == "ccomp" and clause.i > verb.i and clause.left_edge.lower_ in _QUESTION_OPENERS:
        return clause
    return None


_UNHELD_CUES = (THOUGHT_VERBS - {"intend", "know", "show", "find", "describe", "refer", "decline", "seek"}) | {
    "allege", "estimate", "predict", "report", "rumor", "rumour", "say"}
"""Cues whose passive reports a view (``is expected to``, ``is said to``), not what was done
to the subject (``was asked to``, ``was known to``)."""


def unheld_belief(reader: Reader, verb: Token, sentence: SpacySpan) -> list[TokenRange] | None:
    """``Trump is expected to deliver a speech``, ``it is believed that the files were lost``:
    a passive cue with no agent reports a view nobody is named for; what is expected is
    the content. Not when the clause is itself a cue (``is expected to announce that``),
    whose subject speaks."""
    if verb.tag_ != "VBN" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _UNHELD_CUES:
        return None
    children = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in children) or any(c.dep_ == "agent" for c in children):
        return None
    subject = next((c for c in children if c.dep_ == "nsubjpass"), None)
    if subject is None or reader.quoted[subject.i]:
        return None
    clause = next((c for c in children if c.i > verb.i and (
        c.dep_ == "xcomp" and _infinitive(c) or c.dep_ == "ccomp" and subject.lower_ == "it")), None)
    if clause is None or cues.is_speech_verb(clause, with_thought=True):
        return None
    content = _range(reader, clause.left_edge.i, clause.right_edge.i + 1, sentence)
    if content is None or subject.lower_ == "it":
        return None if content is None else [content]
    # "The summit is expected to include talks": what is expected is of the summit, so the
    # subject is part of the content, as printed before the cue
    held_by = cues.trim(reader.doc, subject.left_edge.i, subject.right_edge.i + 1)
    return [held_by, content] if held_by[1] > held_by[0] and held_by[1] <= verb.i else [content]


_GERUND_PREPOSITIONS = words("gerund_prepositions")


def gerund_subject(verb: Token, quoted) -> Token | None:
    """``She began by talking about the drug crisis``, ``After saying so, he left``: a gerund
    after a preposition has the subject of the verb that phrase belongs to; of a passive verb,
    its passive subject (``After saying her knee was sore, she was rushed to hospital``,
    ``was censured for saying``); of a judging verb, the one judged (``praised Ada Kim for
    saying``, ``accused him of saying``)."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ not in _GERUND_PREPOSITIONS:
        return None
    if any(c.dep_ in cues.SUBJECT_DEPS or c.dep_ == "poss" for c in verb.children):
        return None
    owner = _verb_of_phrase(verb.head)
    if owner is None or owner.i == verb.i:
        return None
    if verb.head.lower_ in ("for", "of") and cues.judges_someone_for(owner):
        judged = next(c for c in owner.children if c.dep_ == "dobj")
        return None if quoted[judged.i] else judged
    passive = next((c for c in _passive_clause(owner).children if c.dep_ == "nsubjpass"), None)
    if passive is not None and not quoted[passive.i] and passive.pos_ in ("PROPN", "PRON", "NOUN"):
        return passive  # "was criticised by Y for saying": the one criticised said it, not Y
    return cues.subject_of(owner, quoted)


def _passive_clause(verb: Token) -> Token:
    """``was booed and shouted down by fans after telling them``: a passive verb joined to
    another shares its passive subject."""
    if verb.dep_ == "conj" and not any(c.dep_ in cues.SUBJECT_DEPS for c in verb.children):
        return verb.head
    return verb


def _verb_of_phrase(preposition: Token) -> Token | None:
    """The verb a gerund's phrase belongs to: ``appeared at a hearing for selling pills and for
    saying``, where the parse joins the second ``for`` to the first and hangs that on the
    hearing."""
    while preposition.dep_ == "conj" and preposition.head.pos_ == "ADP":
        preposition = preposition.head
    owner = preposition.head
    if owner.pos_ in ("NOUN", "PROPN") and owner.dep_ == "pobj" and owner.head.head.pos_ in ("VERB", "AUX"):
        owner = owner.head.head
    return owner if owner.pos_ in ("VERB", "AUX") else None


NAMING_VERBS = words("naming_verbs")


def named_as(reader: Reader, verb: Token, sentence: SpacySpan) -> TokenRange | None:
    """``called the plan a disgrace``, ``branded the offer an insult``, ``described him as
    reckless``: the thing named and the name given, together (the object alone is not what
    was said of it)."""
    if verb.lemma_.lower() not in NAMING_VERBS:
        return None
    rights = list(verb.rights)
    thing = next((c for c in rights if c.dep_ == "dobj"), None)
    if thing is None:
        return None
    name = next((c for c in rights if c.i > thing.i and (
        c.dep_ in ("oprd", "dobj") or c.dep_ == "prep" and c.lower_ == "as" and c.n_rights > 0)), None)
    if name is None or name.left_edge.i != thing.right_edge.i + 1:
        return None
    if any(reader.quoted[i] for i in range(name.left_edge.i, name.right_edge.i + 1)):
        return None  # "called her 'a disgrace'": the quoted name is a quote of its own
    end = name.right_edge.i + 1
    if end < len(reader.doc) and reader.doc[end].text in _CLOSING_MARKS:
        end += 1  # 'a "Mansion Tax By The Back Door"': a name in headline capitals, not a quote
    return _range(reader, thing.left_edge.i, end, sentence)

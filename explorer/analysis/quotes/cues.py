"""Reading the parse around a quote: the cue word, who it belongs to, and what was reported."""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes.lexicon import (
    ABSTRACT_NOUNS,
    ADDRESSEE_VERBS,
    ANONYMOUS_WORDS,
    DOCUMENT_WORDS,
    ROLE_WORDS_PERSON,
    SPEECH_VERBS,
    SPOKESPERSON_WORDS,
    STATEMENT_VERBS,
    THOUGHT_VERBS,
)
from explorer.analysis.token_range import TokenRange

SUBJECT_DEPS = ("nsubj", "nsubjpass", "csubj")
NAME_DEPS = ("compound", "flat", "nmod")
_CLIMB_DEPS = ("xcomp", "conj", "advcl", "acl")
CLOCK_TIME = re.compile(r"\d{1,2}[:.]\d{2}$")
_UNNAMED_QUANTIFIERS = frozenset(["one", "another", "a", "an"])
_WHERE_PREPOSITIONS = frozenset(["in", "at", "from", "on", "close", "near", "inside"])
_WEEKDAYS = words("weekdays")
_DAY_OPENERS = frozenset(["on", "last", "this", "next", "since", "until", "by"])
_NOT_SPEAKERS = words("not_speakers") | (words("subject_pronouns") - {"he", "she", "they", "i"})
"""Subjects that never speak outside quotation marks; "I" there is the writer (see coref)."""


def is_speech_verb(token: Token, *, with_thought: bool = False) -> bool:
    """A verb of saying (or, when asked, of thinking) used as a verb."""
    if token.pos_ not in ("VERB", "AUX") or token.tag_ in ("VBN",) and token.dep_ == "amod":
        return False
    lemma = token.lemma_.lower()
    if lemma == "put":
        # "as she put it"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in token.children)
    return lemma in SPEECH_VERBS or (with_thought and (lemma in THOUGHT_VERBS or lemma in STATEMENT_VERBS))


def outermost_cue(verb: Token, quoted) -> Token:
    """``Israel said Clinton called for ...``: a cue inside another cue's clause reports the outer speaker.

    A relative clause is a bound: in ``X said he backed the bill, which he called "a mercy"``
    the words are what the relative clause's subject called the bill, so its cue keeps them.
    """
    best, child, token = verb, verb, verb.head
    if (verb.dep_ == "conj" and not is_speech_verb(verb.head, with_thought=True)
            and any(c.dep_ == "nsubj" and not quoted[c.i] for c in verb.children)):
        return verb  # "She said A would fail, and when pressed, the mother replied": a turn of its own
    for _ in range(8):
        if token.i == child.i or quoted[token.i] or _own_relative_clause(child) or _own_adverbial_clause(child):
            break
        if child.dep_ == "ccomp" and is_speech_verb(token, with_thought=True):
            if _shown_speaking(child) is not None:
                break  # "the film showed X telling": X speaks, the film does not report it
            best = token
        child, token = token, token.head
    return best


_RELATIVE_WORDS = ("which", "whom", "who")


def _own_relative_clause(clause: Token) -> bool:
    """``the bill, which he called "a farce"``, ``Trump, whom she described as ...``: a relative
    clause with a subject of its own, the relative word its object; unlike ``a platform that calls
    for ...``, whose cue's subject is the noun the outer speaker reports on."""
    edge = clause.left_edge
    after_preposition = edge.dep_ == "prep" and clause.doc[edge.i + 1].lower_ in _RELATIVE_WORDS
    # "..., to which Beale interjected:": the parse may hang such a clause as an adverbial one
    if not (clause.dep_ == "relcl" and (edge.lower_ in _RELATIVE_WORDS or after_preposition)
            or clause.dep_ == "advcl" and after_preposition):
        return False
    return any(c.dep_ == "nsubj" and c.lower_ not in (*_RELATIVE_WORDS, "that") for c in clause.children)


def _own_adverbial_clause(clause: Token) -> bool:
    """``X suggested that ..., while Y said the stakes were "too high"``, ``X is assuring voters
    he is tough after a woman told him he is "too nice"``: a clause set beside another, with a
    subject of its own, is that subject's account, not the outer speaker's. Not a generic
    "you" (``when you start calling them "terrorists"`` is still the speaker's), nor "if"."""
    return clause.dep_ == "advcl" and any(c.dep_ == "nsubj" and c.lower_ != "you" for c in clause.children) and any(
        c.dep_ == "mark" and c.lower_ in _SIDE_CLAUSE_MARKS for c in clause.children)


_SIDE_CLAUSE_MARKS = words("side_clause_marks")


def subject_of(verb: Token, quoted=None) -> Token | None:
    """The grammatical subject of a verb, climbing ``is to warn``/``expected to``/``and`` chains.

    Tokens marked in ``quoted`` (inside quotation marks) are never the subject. When
    the parser left a speech verb with no subject at all, the speaker it most likely
    missed (see ``_subject_the_parse_missed``).
    """
    if _put_to_someone(verb) or any(_put_to_someone(a) for a in verb.ancestors):
        return None  # nor is anything said inside the question ("could guarantee")
    subject = _conjoined_name_before(verb, quoted) or _grammatical_subject(verb, quoted)
    if subject is None:
        subject = _subject_the_parse_missed(verb, quoted)
    return subject


def _conjoined_name_before(verb: Token, quoted=None) -> Token | None:
    """``the Post will brand you a liar and NBC News will accuse you``: the parse joins the
    name to the object before it, leaving the second verb no subject of its own; the name
    right before the verb's auxiliaries is who speaks, not the first clause's subject."""
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    first = min([verb.i, *(c.i for c in verb.lefts if c.dep_ in ("aux", "neg", "advmod"))])
    if first == 0:
        return None
    name = verb.doc[first - 1]
    if name.pos_ != "PROPN" or name.dep_ != "conj" or name.ent_type_ not in _SPEAKER_ENTITIES or (
            quoted is not None and quoted[name.i]):
        return None
    return name


_QUESTION_WORDS = words("question_words")
"""Words that open a question clause: what an interviewer asked, not what was said."""


def question_put(verb: Token) -> Token | None:
    """``Asked whether she would resign, she said ...``: a bare passive participle with a
    question clause reports what an unnamed interviewer asked the clause's subject; the
    subject answered, and did not say those words. The question clause, or None.
    (``Asked about the plan, she said`` keeps her as the source of what follows, as PolNeAR
    annotates it.)"""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ != "advcl" or any(
            c.dep_ in ("aux", "auxpass", "nsubj", "nsubjpass", "agent") for c in verb.children):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and c.left_edge.lower_ in _QUESTION_WORDS),
                None)


def _put_to_someone(verb: Token) -> bool:
    """Whether ``verb`` puts a question to the subject of its sentence (see ``question_put``)."""
    return question_put(verb) is not None


def _grammatical_subject(verb: Token, quoted=None) -> Token | None:
    for child in verb.children:
        # "X was asked by Y": the one who spoke is the agent, not the passive subject
        if child.dep_ == "agent":
            source = next((c for c in child.children if c.dep_ == "pobj"), None)
            if source is not None:
                return source
    shown = _shown_speaking(verb)
    if shown is not None:
        return shown
    recorded = _recorded_speaking(verb)
    if recorded is not None:
        return recorded
    quoted_as = _quoted_as_saying(verb)
    if quoted_as is not None:
        return quoted_as
    written = _document_saying(verb)
    if written is not None:
        return written
    token = verb
    for _ in range(4):
        # the subject nearest the verb first: "in Salem, New Hampshire, Trump went" is Trump's
        for child in sorted(token.children, key=lambda c: abs(c.i - token.i)):
            if child.dep_ == "nsubjpass" and token.i == verb.i:
                if verb.lemma_.lower() in THOUGHT_VERBS and verb.dep_ == "advcl":
                    return None  # "If it is found to have ..., the company could be fined": no one holds it
                continue  # "X was asked", "X was found": X did not speak
            if quoted is not None and quoted[child.i]:
                continue
            if child.dep_ in SUBJECT_DEPS and _is_dateline(child) and _after_dateline(child) is not None:
                return _after_dateline(child)
            if child.ent_type_ in ("DATE", "TIME") and child.lower_ != "old" or _is_dateline(child):
                # "Saturday ... Warren said", "LONDON (Reuters) - X said": no speaker; but
                # "said the 46-year-old" (a DATE to the model) is a person
                continue
            if child.lower_ == "it" and child.dep_ == "nsubj" and token.lemma_.lower() in SPEECH_VERBS:
                return child  # "It said": a paper, a campaign, a group
            if child.dep_ == "csubj" and child.pos_ in ("VERB", "AUX"):
                continue  # "Speaking at a rally in Austin, Lund went": a clause never speaks
            if child.lower_ == "i" and (token.i != verb.i or verb.lemma_ == "quote" or _in_a_turn(child)):
                continue  # the writer speaks only through their own verb; "I quote" gives another's words
            antecedent = _antecedent_the_parse_missed(child, token)
            if antecedent is not None:
                return None if _never_speaks(antecedent) else antecedent
            if child.dep_ in SUBJECT_DEPS and child.lower_ not in _NOT_SPEAKERS:
                if child.dep_ == "nsubj" and child.lower_ in ("who", "that") and token.dep_ == "relcl":
                    return None if _never_speaks(token.head) else token.head
                return None if _never_speaks(child) else _name_after_description(child)
            if child.dep_ == "agent":
                for grandchild in child.children:
                    if grandchild.dep_ == "pobj":
                        return grandchild
        if token.dep_ == "relcl":
            # "a meeting at which ministers will be told", "measures that will not be felt":
            # the noun a passive clause hangs on did not speak.
            return None if _is_passive(token) or _never_speaks(token.head) else token.head
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            return None
        token = (_past_a_noun_clause(token.head, token) or _past_what_was_reported(token.head, token)
                 or _past_an_aside(token.head, token))
    return None


def _antecedent_the_parse_missed(subject: Token, verb: Token) -> Token | None:
    """``they turned to the fire service which reported ...``: the parse can hang a relative
    clause on the main verb, leaving "which" (or "who") its subject; the noun right before
    the pronoun is who speaks, not the main clause's subject."""
    if subject.dep_ != "nsubj" or subject.lower_ not in ("which", "who") or verb.dep_ == "relcl" or subject.i == 0:
        return None
    before = subject.doc[subject.i - 1]
    if before.text in (",", "–", "—", "-") and before.i > 0:
        before = before.doc[before.i - 1]
    return before if before.pos_ in ("NOUN", "PROPN") and before.dep_ != "compound" else None


def _past_what_was_reported(head: Token, child: Token) -> Token | None:
    """``Brandt told reporters that Ross "had a crazy policy," adding, "..."``: the parse hangs
    the participle cue on the reported clause, but the one adding is the one who told; the
    cue to climb to, or None to climb as usual."""
    if child.tag_ != "VBG" or child.i < head.i or head.dep_ != "ccomp" or not is_speech_verb(child):
        return None
    if is_speech_verb(head, with_thought=True):
        return None  # '"...," the source recalled, adding': the parse's clause is a cue of its own
    if not any(t.text == "," for t in child.doc[head.i : child.i]):
        return None
    return head.head if is_speech_verb(head.head, with_thought=True) and head.head.i < head.i else None


def _past_a_noun_clause(head: Token, child: Token) -> Token | None:
    """``denied the notion that a shakeup is coming, explaining that ...``: the parse hangs
    the participle on the clause that says what the notion is, but the one explaining is
    the one denying; the verb that governs the noun, or None to climb as usual."""
    if child.tag_ != "VBG" or child.i < head.i or head.dep_ != "acl" or head.head.pos_ != "NOUN":
        return None
    if not any(c.dep_ == "mark" and c.lower_ == "that" for c in head.children):
        return None
    owner = head.head.head
    if owner.pos_ == "ADP":
        owner = owner.head  # "responded to claims that ..."
    return owner if owner.pos_ in ("VERB", "AUX") else None


_DASHES = frozenset(["-", "–", "—", "--"])


def _past_an_aside(head: Token, child: Token) -> Token:
    """``kept circling the arena - where the Hawks played the Bulls - while chanting``: the
    parse hangs the participle on the aside between dashes before it, but those who chant
    are the ones circling; the clause the aside hangs on."""
    doc = head.doc
    left = head.left_edge.i
    if child.tag_ != "VBG" or child.i < head.i or left == 0 or doc[left - 1].text not in _DASHES:
        return head
    if head.head.i == head.i or not any(t.text in _DASHES for t in doc[head.i + 1 : child.i]):
        return head
    return head.head


_TURN_OPENING = re.compile(r"[ \t]*(?:\"|“|``)?([A-Z][\w.'\- ]{0,38}):[^\S\n]")
"""``OKAFOR: ...``, ``Q: ...``: a line that gives someone's words after their name and a colon;
``"LUND: ...`` in a quoted transcript, each paragraph opening with a mark."""


def turn_opening(text: str, line_start: int, end: int) -> re.Match | None:
    """The label and colon opening a transcript line that starts at ``line_start``; group 1
    is the label. Lexical only: ``transcripts.turn_label`` checks the label names someone."""
    return _TURN_OPENING.match(text, line_start, end)


def _in_a_turn(token: Token) -> bool:
    """Whether ``token`` stands in a transcript line, where "I" is the one whose turn it is."""
    text = token.doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    return turn_opening(text, line_start, token.idx) is not None


def _quoted_as_saying(verb: Token) -> Token | None:
    """``..., minister Pavel Orlov was quoted as saying by an agency``: the one quoted spoke."""
    if verb.tag_ != "VBG" or verb.dep_ != "pcomp" or verb.head.lower_ != "as" or verb.head.head.lemma_ != "quote":
        return None
    return next((c for c in verb.head.head.children if c.dep_ == "nsubjpass"), None)


def _noun_the_participle_describes(verb: Token) -> Token | None:
    """``a letter saying``: the noun a participle hangs on; ``used a clip, saying``: the object
    of the verb it hangs on, before it."""
    if verb.dep_ == "acl":
        return verb.head
    if verb.dep_ in ("xcomp", "advcl"):
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    return None


def _document_saying(verb: Token) -> Token | None:
    """``using a letter from Dana Whitlow saying ...``: the writer the document names speaks,
    not whoever used it; with no writer named, whoever issued it (the usual subject)."""
    if verb.tag_ != "VBG" or any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        return None
    document = _noun_the_participle_describes(verb)
    if document is None or document.lemma_.lower() not in DOCUMENT_WORDS or document.tag_ != "NN":
        return None
    owner = next((g for c in document.children if c.dep_ == "prep" and c.lower_ in ("from", "by")
                  for g in c.children if g.dep_ == "pobj" and g.pos_ in ("PROPN", "NOUN")), None)
    return owner


_SHOWING_VERBS = words("showing_verbs")


def _shown_speaking(verb: Token) -> Token | None:
    """``The film showed Mr Nattrass telling the meeting:``: the one shown speaks, not the film."""
    head = verb.head
    while head.tag_ == "VBG" and head.dep_ in ("advcl", "conj", "xcomp") and head.head.i != head.i:
        head = head.head  # "showed X, apparently talking about Y, telling the meeting"
    if verb.tag_ not in ("VBG", "VB") or head.i == verb.i or head.lemma_.lower() not in _SHOWING_VERBS:
        return None
    if any(child.dep_ in SUBJECT_DEPS for child in verb.children):
        return None
    return next((c for c in head.children if c.dep_ == "dobj" and c.i < verb.i
                 and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


_RECORDING_NOUNS = words("recording_nouns")


def _recorded_speaking(verb: Token) -> Token | None:
    """``The ad uses footage of Ruth Baxter asking``, ``a clip of Holm saying``: the one a
    recording is of speaks, not the ad that plays it (the parse hangs the cue on the ad's
    verb, on the recording, or makes the recording its subject)."""
    if verb.tag_ != "VBG":
        return None
    own = [c for c in verb.children if c.dep_ in SUBJECT_DEPS]
    recording = own[0] if own else _noun_the_participle_describes(verb)
    if recording is None or recording.lemma_.lower() not in _RECORDING_NOUNS:
        return None
    of = next((c for c in recording.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    shown = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
    if shown is None or shown.i > verb.i or shown.lower_ == "it" or not (
            shown.pos_ in ("PROPN", "PRON") or shown.lemma_.lower() in ROLE_WORDS_PERSON):
        return None  # "footage of the shooting": an event, no speaker
    return shown


def _name_after_description(subject: Token) -> Token:
    """``US oil giant Exxon said``: the parser gives the verb two subjects, a description and
    the name right after it; the name speaks."""
    following = subject.right_edge.i + 1
    if not subject.doc[following - 1].whitespace_:
        return subject  # "the ex-Wallaby", "Wal-Mart": one word cut by a hyphen
    for sibling in subject.head.children:
        if sibling.dep_ == subject.dep_ and sibling.left_edge.i == following and sibling.pos_ == "PROPN":
            return sibling
    return subject


def _never_speaks(noun: Token) -> bool:
    """An abstract noun or event (``a stand-off threatened``, ``history suggests``); but
    ``Number 10`` (Downing Street) is no number."""
    if noun.pos_ != "NOUN" or _numbered_name(noun):
        return False
    doc = noun.doc
    hyphenated = f"{doc[noun.i - 2].lower_}-{noun.lower_}" if noun.i >= 2 and doc[noun.i - 1].text == "-" else None
    return noun.lemma_.lower() in ABSTRACT_NOUNS or hyphenated in ABSTRACT_NOUNS  # "stand - off", as tokenised


def _numbered_name(noun: Token) -> bool:
    """``Number 10``: a capitalised noun with its number after it names a place or body."""
    doc = noun.doc
    return noun.is_title and noun.i + 1 < len(doc) and doc[noun.i + 1].dep_ == "nummod" \
        and doc[noun.i + 1].head.i == noun.i


def _is_passive(verb: Token) -> bool:
    return any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)


_FINITE_TAGS = ("VBD", "VBZ", "VBP")
_SPEAKER_ENTITIES = ("PERSON", "ORG", "NORP")


def _subject_the_parse_missed(verb: Token, quoted=None) -> Token | None:
    """Who spoke, when the parse gave a finite speech verb no subject at all.

    The small English model misreads long openings: in ``In a statement to the
    Observer, her adviser, Jake Sullivan, said:`` the adviser becomes an apposition
    of "the Observer"; ``As Akhil Amar, a professor at Yale, put it,`` makes Amar the
    object of "As"; a name ending in -ly beside the verb is read as an adverb; and a
    verb may hang on its speaker as a clause describing him. The speaker is then that
    name, or else the nearest person (or role, or body) before the verb in the same
    clause, climbing appositions from a role to the name it describes.
    """
    if verb.tag_ not in _FINITE_TAGS or not is_speech_verb(verb) or _is_passive(verb):
        return None
    if any(child.dep_ in (*SUBJECT_DEPS, "expl") for child in verb.children):
        return None  # a subject we do not take ("I said", "we said"): not a parse miss
    for neighbour in (verb.nbor(-1) if verb.i > 0 else None,
                      verb.nbor(1) if verb.i + 1 < len(verb.doc) else None):
        # '"...," Skelly said', 'said Kelly': a name ending in -ly is read as an adverb
        if (neighbour is not None and neighbour.dep_ == "advmod" and neighbour.tag_ == "RB"
                and neighbour.is_title and neighbour.i != verb.sent.start
                and not (quoted is not None and quoted[neighbour.i])):
            return neighbour
    head = verb.head
    if verb.dep_ == "acl" and head.i < verb.i and _names_a_speaker(head):
        return head
    if verb.dep_ not in ("ROOT", "ccomp", "advcl", "conj", "acl"):
        return None
    for token in reversed(verb.doc[verb.sent.start : verb.i]):
        if quoted is not None and quoted[token.i]:
            return None
        if token.pos_ in ("VERB", "AUX"):
            return None  # another clause begins: its nouns are not this verb's
        if token.dep_ == "pobj" and token.ent_type_ != "PERSON":
            continue  # "to the Observer", "at Yale": a place or a body in a phrase
        if _names_a_speaker(token):
            while token.dep_ == "appos" and _names_a_speaker(token.head, people_only=True) and (
                token.head.dep_ != "pobj" or token.head.head.lower_ == "as"
            ):
                token = token.head  # "a military spokesman" -> "Col. Steven H. Warren"
            return token
    return None


def _names_a_speaker(token: Token, *, people_only: bool = False) -> bool:
    if token.ent_type_ == "PERSON" or token.lemma_.lower() in ROLE_WORDS_PERSON:
        return token.pos_ in ("PROPN", "NOUN")
    return not people_only and token.ent_type_ in _SPEAKER_ENTITIES and token.pos_ == "PROPN"


def relative_subject(verb: Token) -> Token | None:
    """``Donald Trump Jr., who suggested ...``: the ``who`` (or ``which``) that stands for the speaker."""
    token = verb
    for _ in range(4):
        for child in token.children:
            if child.dep_ == "nsubj" and child.lower_ in ("who", "that", "which") and token.dep_ == "relcl":
                # "the department, which she said ...": the parse gives "said" two subjects; she speaks
                others = [c for c in token.children if c.dep_ == "nsubj" and c.i != child.i]
                return None if others else child
            if token.i == verb.i and _antecedent_the_parse_missed(child, token) is not None:
                return child
        if token.dep_ not in _CLIMB_DEPS or token.head.i == token.i:
            return None
        token = token.head
    return None


_DATELINE_ENDS = ("(", "-", "--", "–", "—", "―")


def _is_dateline(token: Token) -> bool:
    """``LONDON (Reuters) -``, ``HARBOURTON -- Mayor Okafor said``: a place opening the story,
    not the subject of its verb."""
    doc = token.doc
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    if following is None:
        return False
    if token.ent_type_ in ("GPE", "LOC") and following.text in _DATELINE_ENDS:
        return True
    at_line_start = token.i == 0 or "\n" in doc[token.i - 1].text_with_ws
    # "NATO (the alliance) said" opens with a name, not a place: only a comma or a dash
    return at_line_start and token.is_upper and len(token) > 2 and following.text in (",", *_DATELINE_ENDS[1:])


def _after_dateline(subject: Token) -> Token | None:
    """``WASHINGTON -- President Lund, opening the museum, said``: the parser makes the place
    the subject and the person its apposition; the person speaks."""
    return next((c for c in subject.children if c.dep_ == "appos" and c.i > subject.i
                 and c.pos_ in ("PROPN", "NOUN")), None)


_RULES_NOT_SOURCES = words("rules_not_sources")
"""``dealt with according to the law``: done as a rule says, not words someone said."""


def according_to(sentence: SpacySpan) -> tuple[Token, Token, Token] | None:
    """``According to X``: the two cue tokens and X's head noun."""
    for token in sentence:
        if token.lower_ == "according" and token.i + 1 < sentence.end:
            to = token.doc[token.i + 1]
            if to.lower_ != "to":
                continue
            source = next((c for c in to.children if c.dep_ == "pobj"), None)
            if source is None and to.i + 1 < sentence.end:
                source = _noun_after(to)
            if source is not None and source.lemma_.lower() not in _RULES_NOT_SOURCES:
                return token, to, _name_in_apposition(_author_of(source))
    return None


def _name_in_apposition(source: Token) -> Token:
    """``according to the French news agency AFP``: the name right after a description, with
    no comma between, is who it is; the description alone may be taken for another body."""
    if source.pos_ != "NOUN" or source.i + 1 >= len(source.doc):
        return source
    name = source.doc[source.i + 1]
    return name if name.dep_ == "appos" and name.head.i == source.i and name.pos_ == "PROPN" else source


def _author_of(source: Token) -> Token:
    """``according to a speech Ms. Lund delivered``: who gave the speech (or wrote the letter) speaks."""
    lemma = source.lemma_.lower()
    if lemma not in UTTERANCE_NOUNS and lemma not in DOCUMENT_WORDS:
        return source
    for clause in source.children:
        if clause.dep_ == "relcl":
            author = next((c for c in clause.children if c.dep_ == "nsubj"), None)
            if author is not None and author.pos_ in ("PROPN", "PRON") and author.lower_ not in ("that", "which", "it"):
                return author
    return source


def _noun_after(token: Token) -> Token | None:
    for following in token.doc[token.i + 1 : min(len(token.doc), token.i + 6)]:
        if following.pos_ in ("PROPN", "NOUN", "PRON"):
            last = following
            while last.i + 1 < len(token.doc) and token.doc[last.i + 1].pos_ == "PROPN":
                last = token.doc[last.i + 1]
            return last
        if following.is_punct:
            return None
    return None


def unnamed_description(head: Token) -> bool:
    """``one MP in a London seat``, ``another official``, ``a senior diplomat``: a quantifier
    and a role noun describe a source the article does not name; nobody's name is in it."""
    lemma = head.lemma_.lower()
    if head.tag_ not in ("NN", "NNP") or lemma not in ROLE_WORDS_PERSON and lemma not in ANONYMOUS_WORDS \
            or lemma in SPOKESPERSON_WORDS:
        return False  # "a spokeswoman" speaks for a body: a speaker kind of their own
    if head.left_edge.lower_ not in _UNNAMED_QUANTIFIERS:
        return False
    return not any(t.ent_type_ in ("PERSON", "ORG") and t.pos_ == "PROPN" and t.i != head.i
                   for t in head.doc[head.left_edge.i : head.i])


def _description_end(head: Token, end: int) -> int:
    """Where ``one MP in a London seat`` ends: the place phrase belongs to the description."""
    doc = head.doc
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in _WHERE_PREPOSITIONS and child.i == end:
            right = child.right_edge.i + 1
            right = next((t.i for t in doc[end:right] if t.is_punct), right)
            if right - end <= 5:
                end = right
    return end


def mention_tokens(head: Token) -> TokenRange:
    """Token range [start, end) of the phrase that names a speaker, without clauses after it."""
    doc = head.doc
    if head.pos_ == "PRON":
        return TokenRange(head.i, head.i + 1)
    start = head.i
    for child in head.lefts:
        if _is_dateline(child):
            continue
        if child.dep_ in ("det", "poss", "compound", "amod", "nmod", "flat", "nummod", "case"):
            start = min(start, child.left_edge.i)
    if head.tag_ in ("NNS", "NNPS") and doc[start].lower_ in ("a", "an") and start < head.i - 1 \
            and doc[head.i - 1].tag_ in ("NN", "NNP"):
        # "a move ministers believe will ...": "a" cannot go with a plural; the parser
        # has run a noun and the reduced clause after it together
        start = head.i
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("flat",) and doc[end].head.i == head.i:
        end += 1
    if _numbered_name(head):
        end += 1  # "Number 10", not "Number"
    end = _past_hyphens(doc, end)
    owners = ("of", "for", "at", "from", "by") if head.lemma_.lower() in DOCUMENT_WORDS else ("of", "for", "at")
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in owners and child.i == end:
            right = child.right_edge.i + 1
            # "director of flood defence, Rhiannon Pugh": the name after the comma is not the role
            right = next((t.i for t in doc[end:right] if t.text == ","), right)
            if right - end <= 6:
                end = right
    if unnamed_description(head):
        end = _description_end(head, end)
    end = _described_source_end(head, end)
    start = _before_hyphens(doc, start)
    while start < end and (doc[start].is_punct or doc[start].is_space
                           or CLOCK_TIME.match(doc[start].text)):
        start += 1  # "08:51 Unions warn ...": a live blog's time stamp is not part of the name
    if start < head.i and doc[start].lower_ in _WEEKDAYS and start > 0 and doc[start - 1].lower_ in _DAY_OPENERS:
        start += 1  # "On Monday Ada Voss said": the day is when, not who
    while end > start and (doc[end - 1].is_punct or doc[end - 1].tag_ == "POS"):
        end -= 1
    return TokenRange(start, end)


_DESCRIBED_SOURCES = ANONYMOUS_WORDS | {"people", "person", "official", "those"}
_DESCRIPTION_WORDS = 8
"""Most words of the description after an unnamed source (``people who have been involved in ...``)."""


def _described_source_end(head: Token, end: int) -> int:
    """``people familiar with the matter``, ``sources close to the minister``, ``people who
    have been involved in the preparations``: an unnamed source is named by the words that
    describe it, which are all a reader learns of it."""
    if head.pos_ not in ("NOUN", "PRON") or head.lemma_.lower() not in _DESCRIBED_SOURCES:
        return end
    doc = head.doc
    for child in head.rights:
        if child.left_edge.i == end and child.dep_ in ("amod", "acl", "relcl"):
            right = child.right_edge.i + 1
            words = doc[end:right]
            if right - end <= _DESCRIPTION_WORDS and not any(t.is_punct and t.text not in ("-",) for t in words):
                return right
    return end


def _past_hyphens(doc, end: int) -> int:
    """``the ex-Wallaby``: a word joined by a hyphen belongs to the phrase it is written into."""
    while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_ \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha:
        end += 2
    return end


def _before_hyphens(doc, start: int) -> int:
    """``Ms Quillinan-Meiland``: the first half of a hyphenated name belongs to it too."""
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_ \
            and not doc[start - 2].whitespace_ and doc[start - 2].is_alpha:
        start -= 2
    return start


UTTERANCE_NOUNS = words("utterance_nouns")


def speaker_behind(subject: Token) -> Token:
    """``The senator's answer was that ...``: the owner of an utterance noun is the speaker."""
    if subject.lemma_.lower() in UTTERANCE_NOUNS:
        owner = possessor(subject)
        if owner is not None:
            return owner
    return subject


def possessor(noun: Token) -> Token | None:
    """Whose the noun is: ``the senator's answer``, ``his claim``."""
    return next((c for c in noun.children if c.dep_ == "poss" and c.pos_ in ("PROPN", "NOUN", "PRON")), None)


def appositive_of(head: Token) -> Token | None:
    """``Chris Philp, the shadow home secretary,``: the appositive noun of a subject, or of
    its ``of`` phrase's last noun (``the director of flood defence, Rhiannon Pugh``)."""
    found = next((c for c in head.children if c.dep_ == "appos"), None)
    if found is None:
        tail = role_tail(head)
        if tail.i != head.i:
            found = next((c for c in tail.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
    if found is None and head.dep_ == "nsubj":
        # "The chairman of the Bar Council, Guy Mansfield QC warned": the parser gave the
        # verb two subjects, the second after a comma, where the name is apposed to the role
        found = next((c for c in head.head.children if c.dep_ == "nsubj" and c.i > head.i
                      and c.pos_ == "PROPN" and head.doc[c.left_edge.i - 1].text == ","), None)
    return found


def role_tail(head: Token) -> Token:
    """The last noun of ``director of flood defence``, where the parser hangs an appositive."""
    for _ in range(3):
        prep = next((c for c in head.rights if c.dep_ == "prep" and c.lower_ in ("of", "for", "at")), None)
        noun = next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None
        if noun is None:
            return head
        head = noun
    return head


def complement_of(verb: Token) -> Token | None:
    """The clause a verb reports: its ``ccomp``, or that of the verb it hangs on."""
    for token in (verb, verb.head if verb.dep_ in ("xcomp",) else None):
        if token is None:
            continue
        clauses = [c for c in token.children if c.dep_ in ("ccomp", "parataxis") and c.i != verb.i]
        if clauses:
            # "X, a move ministers believe will raise Y": with a clause on each side, the
            # one after the verb is what was believed; the one before is what it hangs on
            after = [c for c in clauses if c.i > verb.i]
            return after[0] if after and len(clauses) > 1 else clauses[0]
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        # "told BBC Radio's Today programme he hoped ...": the parser hangs the reported
        # clause on the listener as if it described it
        for listener in (c for c in verb.children if c.dep_ in ("dobj", "dative")):
            for clause in listener.children:
                if clause.dep_ == "relcl" and any(
                        c.dep_ == "nsubj" and c.lower_ not in ("who", "that", "which", "whom")
                        for c in clause.children):
                    return clause
    return None


JUDGING_VERBS = words("judging_verbs")
"""``accused X of Y``: X is who is judged, Y what was said of them."""


def judges_someone_for(verb: Token) -> bool:
    """``accused Vieira of starting the row``, ``blamed X for Y``: a judging verb with both."""
    return verb.lemma_.lower() in JUDGING_VERBS and any(c.dep_ == "dobj" for c in verb.children) and any(
        c.dep_ == "prep" and c.lower_ in ("of", "for") for c in verb.children)



def trim(doc, start: int, end: int) -> TokenRange:
    """Drop leading ``that``/punctuation/space and trailing punctuation from a token range."""
    while start < end and (
        doc[start].is_space or doc[start].lower_ == "that" and doc[start].dep_ == "mark"
        or doc[start].is_punct and not _is_mark(doc[start].text, "“\"‘'`")
    ):
        start += 1
    while end > start and (doc[end - 1].is_space or doc[end - 1].is_punct and not _is_mark(doc[end - 1].text, "”\"’'%")):
        end -= 1
    return TokenRange(start, end)


def _is_mark(text: str, marks: str) -> bool:
    """A quotation mark, including the typewriter pairs some papers print (``''``, ``````)."""
    return bool(text) and all(ch in marks for ch in text)

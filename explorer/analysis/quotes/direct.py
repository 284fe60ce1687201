"""Rules for quoted passages: who speaks a direct (or mixed) quote, tried in order.

``attribute_direct`` tries a cue verb in or next to the quote's sentence
first, then ``according to``, a dash credit, a colon introduction, the
clause's subject, a cue in the sentence before, and last the previous
speaker (a floating quote). The rule that fired names the quote's ``rule``.
"""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.lexicons import words
from explorer.analysis.quotes import cues, verb_cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.layout_credits import (
    affiliated_name_line,
    colon_in_sentence,
    colon_intro_line,
    credit_end,
    dash_credit,
    heading_label_of_no_one,
    headline_name,
    name_before_dashes,
    person_before_colon,
    tokens_before,
)
from explorer.analysis.quotes.lexicon import (
    ADDRESSEE_VERBS,
    ROLE_WORDS_ORGANISATION,
    ROLE_WORDS_PERSON,
)
from explorer.analysis.quotes.marks import Passage
from explorer.analysis.quotes.speaker_span import can_speak, cue_span, cue_verbs, speaker_and_role
from explorer.analysis.quotes.transcripts import turn_label

_INTERRUPTION_MAX_TOKENS = 12
_FLOAT_MAX_LINES = 3
_NEAREST_MAX_LINES = 8


def merge_interrupted(reader: Reader, groups: list[list[Passage]]) -> list[list[Passage]]:
    """``"The plan," she said, "is working."``: two passages around a cue make one quote."""
    merged: list[list[Passage]] = []
    for group in groups:
        if merged and (_is_interruption(reader, merged[-1][-1], group[0])
                       or _reopens(reader, merged[-1][-1], group[0])):
            merged[-1] = merged[-1] + group
        else:
            merged.append(group)
    return merged


def _reopens(reader: Reader, before: Passage, after: Passage) -> bool:
    """``"We fly a lot. I took photos. "I meant no harm," she said.``: a quote left open that a
    new mark reopens at once, in the same paragraph, goes on; the cue at its end is for both."""
    return not before.closed and not reader.text[before.end : after.start].strip() and \
        reader.line_of(before.start) == reader.line_of(after.start)


def _is_interruption(reader: Reader, before: Passage, after: Passage) -> bool:
    if not before.closed or reader.line_of(before.start) != reader.line_of(after.start):
        return False
    text = reader.text
    inside_end = text[before.start : before.end].rstrip("”\"'’ ")
    if not inside_end or inside_end[-1] not in ",?!—–-":
        return False
    first, last = reader.token_at(before.end), reader.token_at(after.start - 1)
    between = [t for t in reader.doc[first : last + 1] if not t.is_space]
    if not between or len(between) > _INTERRUPTION_MAX_TOKENS:
        return False
    if between[-1].text not in (",", ":", ".", "—", ";"):
        return False
    if any(t.text in (".", "?", "!") for t in between[:-1]):
        return False  # a second sentence between the passages: two utterances
    if sum(1 for t in between if cues.is_speech_verb(t, with_thought=True)) != 1:
        return False
    if between[-1].text == ".":
        # '"A," X said. "B," Y said.': the second passage has a cue of its own
        following = reader.sentence_of(reader.token_at(after.end - 1))
        if any(t.i > reader.token_at(after.end - 1) and cues.is_speech_verb(t) for t in following):
            return False
    return True


def _quote_tokens(reader: Reader, group: list[Passage]) -> tuple[int, int]:
    return reader.token_at(group[0].start), reader.token_at(group[-1].end - 1)


def attribute_direct(reader: Reader, group: list[Passage], previous: Draft | None) -> Draft:
    """Find the cue and speaker of one quoted group, trying each rule in turn."""
    parts = [(p.start, p.end) for p in group]
    first, last = _quote_tokens(reader, group)
    sentences = _sentences_around(reader, group)
    if heading_label_of_no_one(reader, first):
        return Draft("direct", parts, "direct.unattributed")
    named = person_before_colon(tokens_before(reader, first)) or affiliated_name_line(reader, first)
    if named is not None:
        return Draft("direct", parts, "direct.colon_intro", speaker=named)
    verdict = _verdict_of(reader, last)
    if verdict is not None:
        return Draft("direct", parts, "direct.verdict_of", cue=verdict[0], speaker=verdict[1])
    named = headline_name(reader, first)
    if named is not None:
        kind = "mixed" if _embedded(reader, group) else "direct"
        return Draft(kind, parts, f"{kind}.headline_name", speaker=named)
    named = name_before_dashes(reader, group)
    if named is not None:
        return Draft("direct", parts, "direct.dash_credit", speaker=named)
    owned = _owned_utterance(reader, first) if _embedded(reader, group) else None
    if owned is not None:
        noun, owner = owned
        start, end = cues.trim(reader.doc, noun.i + 1, max(noun.right_edge.i, last) + 1)
        return Draft("mixed", [reader.char_range(start, end)], "mixed.reported",
                     cue=reader.char_range(noun.i, noun.i + 1), speaker=cues.mention_tokens(owner))
    for with_thought in (False, True):
        verbs = cue_verbs(reader, sentences, with_thought=with_thought)
        if verbs:
            tag = _closing_tag(reader, group, verbs, first, last)
            # a cue in a relative clause ("Nothing the president said ...") rarely frames the quote
            verb = min(verbs, key=lambda v: (tag is not None and v.i != tag.i,
                                             _aside_from_the_quote(v, verbs, first),
                                             _in_clausal_subject(v, first),
                                             _beside_the_quote(reader, v, first, last),
                                             _behind_a_full_stop(reader, v, first),
                                             _distance(v.i, first, last), v.i))
            draft = _from_verb(reader, parts, verb, first, last, outermost=tag is None)
            if draft is not None:
                return _reported_by_someone_else(reader, sentences, verb, draft)
    credit = dash_credit(reader, group)
    if credit is not None:
        # the words after a quote inside the quote, up to the mark the credit follows, are quoted too
        parts[-1] = (parts[-1][0], credit_end(reader, group[-1].end))
        return Draft("direct", parts, "direct.dash_credit", speaker=credit)
    according = None
    for sentence in sentences:
        according = according or cues.according_to(sentence)
    if according is not None:
        word, to, source = according
        return Draft("direct", parts, "direct.according_to", cue=reader.char_range(word.i, to.i + 1),
                     speaker=cues.mention_tokens(source))
    colon = colon_intro_line(reader, group)
    if colon is not None:
        return Draft("direct", parts, "direct.colon_intro", cue=colon[0], speaker=colon[1])
    colon = colon_in_sentence(reader, group)
    if colon is not None:
        return Draft("direct", parts, "direct.colon_intro", speaker=colon)
    if _label_in_a_noun_phrase(reader, group):
        return Draft("direct", parts, "direct.unattributed")
    subject = _clause_subject(reader, group)
    if subject is not None:
        kind = "mixed" if _embedded(reader, group) else "direct"
        if subject.lower_ in _RELATIVE_PRONOUNS:
            draft = Draft(kind, parts, f"{kind}.clause_subject", speaker=cues.mention_tokens(subject.head.head))
            draft.pointer = reader.char_range(subject.i, subject.i + 1)
            return draft
        return Draft(kind, parts, f"{kind}.clause_subject", speaker=cues.mention_tokens(subject))
    lead_in = _previous_sentence_cue(reader, group)
    if lead_in is not None:
        return Draft("direct", parts, "direct.previous_sentence", cue=lead_in[0], speaker=lead_in[1])
    subject = _previous_sentence_person(reader, group)
    if subject is not None:
        return Draft("direct", parts, "direct.previous_subject", speaker=cues.mention_tokens(subject))
    if previous is not None and previous.speaker is not None and _floats_after(reader, group, previous):
        return Draft("direct", parts, "direct.floating", cue=previous.cue, speaker=previous.speaker)
    if previous is not None and previous.speaker is not None and _near(reader, group, previous):
        # no cue anywhere near: the latest source quoted is the best guess
        return Draft("direct", parts, "direct.nearest_speaker", speaker=previous.speaker)
    return Draft("direct", parts, "direct.unattributed")


_VERDICT_NOUNS = words("verdict_nouns") | words("utterance_nouns")


def _verdict_of(reader: Reader, last: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """``"...," is the dry assessment of Graham Lane``: a verdict noun names who said it."""
    doc = reader.doc
    after = next((t for t in doc[last + 1 : last + 4] if not (t.is_punct or t.is_space)), None)
    if after is None or after.lemma_ != "be" or reader.quoted[after.i]:
        return None
    for noun in after.children:
        if noun.dep_ != "attr" or noun.lemma_.lower() not in _VERDICT_NOUNS:
            continue
        for prep in noun.children:
            owner = next((c for c in prep.children if c.dep_ == "pobj"), None)
            if prep.dep_ == "prep" and prep.lower_ in ("of", "from") and owner is not None:
                return reader.char_range(after.i, prep.i + 1), cues.mention_tokens(owner)
    return None


def _beside_the_quote(reader: Reader, verb: Token, first: int, last: int) -> bool:
    """``X described Y as a "disgrace" after she attacked Z``: a cue in the quote's sentence
    whose clause does not hold the quote only comes next to it; the one that holds it frames it."""
    if reader.sentence_index(verb.i) != reader.sentence_index(first):
        return False
    return not verb.left_edge.i <= first <= verb.right_edge.i and verb.i > last


def _behind_a_full_stop(reader: Reader, verb: Token, first: int) -> bool:
    """``Mr. Lund said. ''So ...,'' he said``: a cue that ended its own sentence before the
    quote opened is less likely its cue than one beside it (the parser may still put the
    opening mark in that sentence)."""
    return verb.i < first and any(
        t.text in (".", "!", "?") and not reader.quoted[t.i] for t in reader.doc[verb.i + 1 : first])


def _in_clausal_subject(verb: Token, first: int) -> bool:
    """``for the minister to claim X "is spin"``: a cue inside the subject of the clause that
    holds the quote is what the quote is about, not who speaks it."""
    token = verb
    for _ in range(4):
        if token.dep_ == "csubj":
            return not token.left_edge.i <= first <= token.right_edge.i
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _aside_from_the_quote(verb: Token, verbs: list[Token], first: int) -> bool:
    """A cue in a clause describing a noun that does not hold the quote: ``Nothing the
    president said``; or ``saying anyone who complains about a microphone "is having a bad
    night"``, where another cue's clause holds the quote and "complains" only describes
    someone in it."""
    if _holds(verb, first):
        return False
    return _in_noun_clause(verb) or verb.dep_ == "relcl" and any(
        _holds(v, first) and _in_what_is_said(verb.head, v) for v in verbs if v.i != verb.i)


def _closing_tag(reader: Reader, group: list[Passage], verbs: list[Token], first: int, last: int) -> Token | None:
    """``Nothing the minister said "will calm the markets," the Leeds MP said.``: a quote that
    closes on a comma with a subject and cue right after it is that cue's, whatever cue the
    sentence has before it, unless that one introduces the quote with a comma or colon
    (``Lund said, "No comment," the Herald reported``: Lund's words, as the paper tells it)."""
    if len(group) > 1 or not reader.text[group[0].start : group[0].end].rstrip(_MARKS_AND_SPACE).endswith(","):
        return None
    before = next((t for t in reversed(reader.doc[max(0, first - 3) : first]) if not t.is_space), None)
    if before is None or before.text in (",", ":"):
        return None
    doc = reader.doc
    for verb in verbs:
        if not 0 < verb.i - last <= _TAG_WORDS or verb.i + 1 >= len(doc) or not doc[verb.i + 1].is_punct:
            continue
        subject = cues.subject_of(verb, reader.marked)
        if subject is None or not last < subject.i < verb.i:
            continue
        # nothing but the subject between: not '"a quiet revolution," and I agree'
        between = [t for t in doc[last + 1 : verb.i] if not (t.is_space or t.is_punct)]
        if all(subject.left_edge.i <= t.i <= subject.right_edge.i for t in between):
            return verb
    return None


_MARKS_AND_SPACE = "\"'’” "

_TAG_WORDS = 7
"""Most tokens from a quote's closing mark to the cue of the tag after it (``, the Leeds MP said``)."""


def _holds(verb: Token, first: int) -> bool:
    return verb.left_edge.i <= first <= verb.right_edge.i


def _in_what_is_said(token: Token, verb: Token) -> bool:
    """Whether ``token`` stands in the clause ``verb`` reports, not beside it (as its speaker:
    ``said Mr Pardo, who noted ...``)."""
    return any(c.dep_ in ("ccomp", "xcomp") and c.left_edge.i <= token.i <= c.right_edge.i for c in verb.children)


def _in_noun_clause(verb: Token) -> bool:
    """``Nothing the president said``: a cue describing a noun, unlike ``X, who added``."""
    if verb.dep_ not in ("relcl", "acl"):
        return False
    return not any(c.dep_ == "nsubj" and c.lower_ in ("who", "that") for c in verb.children)


def _reported_by_someone_else(reader: Reader, sentences: list[SpacySpan], verb: Token, draft: Draft) -> Draft:
    """``X said, according to the AP``: the account the writer relies on is the source."""
    for sentence in sentences:
        found = cues.according_to(sentence)
        if found is not None and found[0].i > verb.i and not reader.quoted[found[0].i]:
            word, to, source = found
            draft.speaker = cues.mention_tokens(source)
            draft.cue = reader.char_range(word.i, to.i + 1)
            draft.rule = "direct.according_to"
            draft.pointer = None
    return draft


def _sentences_around(reader: Reader, group: list[Passage]) -> list[SpacySpan]:
    """The sentences where a cue may sit: the first part's, the interruption's and the last part's."""
    indexes = {reader.sentence_index(reader.token_at(p.start)) for p in group[:1]}
    last = reader.sentence_index(reader.token_at(group[-1].end - 1))
    indexes.add(last)
    for before, after in pairwise(group):
        indexes.add(reader.sentence_index(reader.token_at(before.end)))
        indexes.add(reader.sentence_index(reader.token_at(after.start - 1)))
    if last + 1 < len(reader.sentences) and _runs_on(reader, group[-1], reader.sentences[last + 1]):
        indexes.add(last + 1)
    return [reader.sentences[i] for i in sorted(indexes)]


def _runs_on(reader: Reader, passage: Passage, following: SpacySpan) -> bool:
    """``"Why not?" the senator asked.``: the parser split the cue off into its own sentence."""
    if reader.line_of(following.start_char) != reader.line_of(passage.start):
        return False
    words = [t for t in following if not t.is_space]
    if not words or reader.quoted[words[0].i] or words[0].idx - passage.end > 2:
        return False
    if words[0].is_lower:
        return True
    # "Biden said." after a closing "?" or "!" is still the quote's attribution; after a
    # full stop a capital opens a sentence of its own ('"... the region." Russia insisted')
    if reader.text[passage.start : passage.end].rstrip("”\"'’ ").endswith(".") or reader.text[
            passage.end : passage.end + 1] == ".":
        return False  # '... I don't know". The paper said': the stop after the mark ends it too
    short = sum(1 for t in words if not t.is_punct) <= 10
    subjects = [(t, subject) for t in words
                if cues.is_speech_verb(t) and (subject := cues.subject_of(t)) is not None]
    if short and subjects:
        return True
    # '"Too forced?" He tweeted when ...': a cue whose subject opens the sentence, whatever follows
    opening = {t.i for t in words[:_OPENING_CUE_WORDS]}
    return any((verb.i in opening or _right_after_its_subject(verb, subject)) and subject.left_edge.i == words[0].i
               for verb, subject in subjects)


def _right_after_its_subject(verb: Token, subject: Token) -> bool:
    """``Dunmore, a retired worker from a paper mill, said``: the cue comes late only because
    its subject is described; nothing but a comma stands between them."""
    return verb.i > subject.i and all(t.is_punct or t.dep_ == "advmod"
                                      for t in verb.doc[subject.right_edge.i + 1 : verb.i])


_OPENING_CUE_WORDS = 6
"""How far into the next sentence a cue may stand and still open it (``a voice-over in the ad states``)."""


def _distance(i: int, first: int, last: int) -> int:
    return first - i if i < first else i - last


def _from_verb(reader: Reader, parts: list[tuple[int, int]], verb: Token, first: int, last: int,
               *, outermost: bool = True) -> Draft | None:
    """The draft a cue verb gives; ``outermost`` lets a cue the parse hangs in another's clause
    climb to that one (not a closing tag the parse made the clause of a cue before the quote)."""
    if outermost:
        verb = cues.outermost_cue(verb, reader.quoted)
    # a word of "Ely and Friends", a programme's name in quotation marks, never speaks
    marked = reader.marked
    subject = cues.subject_of(verb, marked) or verb_cues.gerund_subject(verb, marked)
    if subject is not None and marked[subject.i]:
        subject = None
    if subject is None and 0 < verb.i - _closing_before(reader, verb, first, last) <= 2 and verb.tag_ != "VBG":
        # '"...," said the woman': the parser sometimes makes the speaker an object; but what
        # '"...," referencing the crowd' refers to is no speaker
        subject = next((c for c in verb.rights if c.dep_ in ("dobj", "attr", "npadvmod", "oprd")
                        and c.pos_ in ("PROPN", "NOUN")), None) or _name_after_inverted_cue(reader, verb)
    if subject is None and verb.i > last:
        subject = _name_after_quote(reader, last, verb.i)
    if subject is None:
        return None
    if verb.tag_ == "VBG" and subject.pos_ == "NOUN" and not can_speak(subject):
        subject = _speaker_between(reader, subject, verb) or subject
    subject = _who_put_it_out(subject, marked) or subject
    subject = _poll_of_a_share(reader, subject) or subject
    speaker, role = speaker_and_role(reader, subject)
    draft = _from_verb_and_subject(reader, parts, verb, subject, speaker, role, first, last)
    relative = cues.relative_subject(verb)
    if relative is not None:
        draft.pointer = reader.char_range(relative.i, relative.i + 1)
    return draft


def _closing_before(reader: Reader, verb: Token, first: int, last: int) -> int:
    """Where the passage before the cue ends: the quote's end, or for ``"...," read the
    statement. "..."`` the end of the part the cue interrupts."""
    if verb.i > last or verb.i < first:
        return last
    return next((i for i in range(verb.i - 1, first - 1, -1) if reader.quoted[i]), last)


_PUBLISHING_VERBS = words("publishing_verbs")


def _who_put_it_out(subject: Token, marked) -> Token | None:
    """``Sanders is releasing an ad that urges voters to "send a message"``, ``an email sent out by
    Sanders warned``: a piece someone put out says what its maker says; the maker is the source."""
    piece = subject.head.head if subject.lower_ in ("that", "which") and subject.head.dep_ == "relcl" else subject
    if piece.pos_ != "NOUN" or piece.lemma_.lower() in ROLE_WORDS_PERSON or piece.lemma_.lower() in ROLE_WORDS_ORGANISATION:
        return None
    if piece.dep_ == "dobj" and piece.head.lemma_.lower() in _PUBLISHING_VERBS:
        maker = cues.subject_of(piece.head, marked)
        return maker if maker is not None and maker.pos_ in ("PROPN", "NOUN") and can_speak(maker) else None
    for acl in piece.children:
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in _PUBLISHING_VERBS:
            agent = next((c for c in acl.children if c.dep_ == "agent"), None)
            maker = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if maker is not None and can_speak(maker):
                return maker
    return None


_OWNERS = ("his", "her", "their")


def _owned_utterance(reader: Reader, first: int) -> tuple[Token, Token] | None:
    """``came under fire over her assertion that "we are where we need to be"``: quoted words
    just after someone's claim or remark are what it says, the owner's, whoever the sentence's
    cue verb belongs to; a cue verb between (``his claim that X said "..."``) frames them instead.
    Read by position, since the parse often hangs the noun's clause on the verb."""
    sentence = reader.sentence_of(first)
    for token in reversed(reader.doc[max(sentence.start, first - _OWNED_UTTERANCE_REACH) : first]):
        if reader.quoted[token.i] or token.text in (";", ":", "—", "–", "(", ")"):
            return None
        if cues.is_speech_verb(token, with_thought=True):
            return None
        if token.pos_ == "NOUN" and token.lemma_.lower() in cues.UTTERANCE_NOUNS:
            if token.dep_ == "pobj" and token.head.lower_ in ("in", "during"):
                return None  # "saying in his statement that ...": where the cue's words were said
            owner = next((c for c in token.children if c.dep_ == "poss" and not reader.quoted[c.i]
                          and (c.pos_ == "PROPN" or c.lower_ in _OWNERS)), None)
            between = reader.doc[token.i + 1 : first]
            # what the noun says opens with "that" or "to" (her promise to be "neutral"); in
            # 'his statement was "true"' or 'called her remarks "a wake-up call"' the words judge it
            opens = any(t.lower_ == "that" and t.dep_ == "mark" or t.lower_ == "to" and t.dep_ == "aux"
                        for t in between)
            return (token, owner) if owner is not None and opens else None
    return None


_OWNED_UTTERANCE_REACH = 9
"""How many words may stand between the noun and the quote (``her comments before a committee that``)."""


def _poll_of_a_share(reader: Reader, subject: Token) -> Token | None:
    """``In a Post-ABC poll, 75 percent of Republicans said ...``, ``a new poll shows ...: six in
    10 voters said``: a share of those asked answers only through the poll, which is the source."""
    words = list(subject.subtree)
    share = any(t.lower_ in ("percent", "%") for t in words) or any(
        t.lower_ == "in" and t.i > 0 and t.nbor(-1).like_num and t.i + 1 < len(t.doc) and t.nbor(1).like_num
        for t in words)
    if not share:
        return None
    sentence = reader.sentence_of(subject.i)
    polls = [t for t in reader.doc[sentence.start : subject.left_edge.i]
             if t.pos_ == "NOUN" and t.lemma_.lower() in ("poll", "survey") and not reader.quoted[t.i]]
    return polls[-1] if polls else None


def _speaker_between(reader: Reader, subject: Token, verb: Token) -> Token | None:
    """``The first clash came during a speech, when protesters interrupted her, shouting``:
    the parse gives the participle the subject of the clause it hangs on, an event that
    cannot shout; the people of the nearest clause between them did."""
    for token in reversed(reader.doc[subject.i + 1 : verb.i]):
        if reader.quoted[token.i] or token.dep_ != "nsubj" or token.head.i >= verb.i:
            continue
        if token.pos_ == "PRON":
            continue  # "the surgeon gave no details of how he planned to ..., saying": the same one
        if token.head.pos_ in ("VERB", "AUX") and token.lower_ not in cues._NOT_SPEAKERS and can_speak(token):
            return token
    return None


def _from_verb_and_subject(reader: Reader, parts, verb: Token, subject: Token, speaker, role,
                           first: int, last: int) -> Draft:
    cue = cue_span(reader, verb)
    doc = reader.doc
    if verb.i < first:
        between = [t for t in doc[verb.i + 1 : first] if not t.is_space and not t.is_punct
                   and t.i not in range(*speaker) and t.dep_ not in ("dative",)
                   and not (t.head.i == verb.i and t.dep_ in ("dobj", "prep", "advmod", "npadvmod"))
                   and t.lower_ not in ("that",)]
        between = [t for t in between if not (t.head.dep_ in ("dative", "dobj", "prep") and t.head.head.i == verb.i)
                   and t.dep_ not in ("pobj", "det")]
        if between or _clause_goes_on(reader, verb, last) or _names_what_it_judges(reader, verb, first):
            content = _content_after(reader, verb, speaker, last)
            return Draft("mixed", [content], "mixed.reported", cue=cue, speaker=speaker, role=role,
                         used_verbs={verb.i})
        colon = any(t.text == ":" for t in doc[verb.i + 1 : first])
        rule = "direct.colon_intro" if colon else "direct.cue_before"
        return Draft("direct", parts, rule, cue=cue, speaker=speaker, role=role, used_verbs={verb.i})
    if verb.i > last:
        sentence = reader.sentence_of(first)
        lead = [t for t in doc[sentence.start : first] if not t.is_space and not t.is_punct]
        stop = max((t.i for t in doc[sentence.start : first] if t.text in (".", "!", "?")), default=None)
        if stop is not None:
            lead = [t for t in lead if t.i > stop]  # the opening mark the parser left in the sentence before
        if lead and verb.i > last and min(speaker[0], verb.i) > last:
            content = _content_before(reader, sentence, min(speaker[0], verb.i))
            return Draft("mixed", [content], "mixed.reported", cue=cue, speaker=speaker, role=role,
                         used_verbs={verb.i})
        rule = "direct.inverted" if subject.i > verb.i else "direct.cue_after"
        return Draft("direct", parts, rule, cue=cue, speaker=speaker, role=role, used_verbs={verb.i})
    return Draft("direct", parts, "direct.interrupted", cue=cue, speaker=speaker, role=role, used_verbs={verb.i})


def _names_what_it_judges(reader: Reader, verb: Token, first: int) -> bool:
    """``called the plan "a betrayal"``, ``described her as "a fighter"``: the quoted words say
    what the cue's object is, and the object is part of what was said."""
    between = reader.doc[verb.i + 1 : first]
    judged = any(t.dep_ == "dobj" and t.head.i == verb.i for t in between)
    return judged and (any(t.lower_ == "as" for t in between) or any(
        t.dep_ in ("oprd", "xcomp", "ccomp") and t.head.i == verb.i and reader.quoted[t.i] for t in reader.doc[first:]))


def _clause_goes_on(reader: Reader, verb: Token, last: int) -> bool:
    """``Cruz warned that the "cartel" is growing nervous``: words of the reported clause after
    the quote make it a mixed quote, whose content is the whole clause."""
    sentence = reader.sentence_of(verb.i)
    end = _clause_end(verb, last, sentence)
    after = reader.doc[last + 1 : end]
    following = next((t for t in after if not (t.is_punct or t.is_space) and not reader.quoted[t.i]), None)
    if following is None or any(t.text in ",;:—–(" for t in reader.doc[last - 1 : following.i]):
        return False  # '"...," a website that ...': an aside after the quote, not more of it
    return not (following.head.i < verb.i and following.dep_ != "pobj")


_NAME_PARTS = frozenset(["det", "amod", "compound", "nummod", "poss", "case", "flat"])


def _name_after_inverted_cue(reader: Reader, verb: Token) -> Token | None:
    """``"...," said retired surgeon Rob Tallis, asked about ...``: the name right after an
    inverted cue speaks, even when the parse makes it the subject of the clause after it."""
    for token in reader.doc[verb.i + 1 : verb.i + 6]:
        if reader.quoted[token.i] or token.is_punct:
            return None
        if token.dep_ in _NAME_PARTS and token.head.i > token.i:
            continue  # "retired", "surgeon", "Rob": words of the name's phrase before its head
        return token if token.pos_ == "PROPN" or token.pos_ == "NOUN" and can_speak(token) else None
    return None


def _name_after_quote(reader: Reader, last: int, verb: int) -> Token | None:
    """'"...," Texas delegate Bill Eastland, wearing a hat, said': the name that opens the cue."""
    for token in reader.doc[last + 1 : verb]:
        if reader.quoted[token.i]:
            continue
        if token.pos_ == "PROPN":
            while token.i + 1 < verb and reader.doc[token.i + 1].pos_ == "PROPN":
                token = reader.doc[token.i + 1]
            return token
        if token.pos_ in ("VERB", "AUX"):
            return None
    return None


def _opens_quote(reader: Reader, i: int) -> bool:
    """An opening quotation mark: quoted, and the words after it are quoted too."""
    doc = reader.doc
    return reader.quoted[i] and i + 1 < len(doc) and reader.quoted[i + 1] and not doc[i + 1].is_punct


def _content_after(reader: Reader, verb: Token, speaker: tuple[int, int], last: int) -> tuple[int, int]:
    """Reported content after the cue: the rest of the sentence, without ``that``."""
    doc = reader.doc
    sentence = reader.sentence_of(verb.i)
    start = verb.i + 1
    judged = cues.judges_someone_for(verb)
    told = verb.lemma_.lower() in ADDRESSEE_VERBS and any(c.dep_ == "ccomp" for c in verb.rights)
    skipped = {c.left_edge.i: c.right_edge.i for c in verb.rights
               if c.dep_ in ("dative", "prt", "prep", "npadvmod", "advmod") and c.right_edge.i < last
               or (judged or told) and c.dep_ == "dobj"}
    while start < sentence.end:
        if start in skipped:
            start = skipped[start] + 1
        elif start in range(*speaker) or doc[start].is_punct and not _opens_quote(reader, start) or doc[start].is_space:
            start += 1
        elif judged and doc[start].dep_ == "prep" and doc[start].lower_ in ("of", "for"):
            start += 1  # "accused them of wanting to": what they are accused of
        else:
            break
    if verb.lemma_.lower() in ADDRESSEE_VERBS:
        # "told a packed crowd in Ely on Friday that he ...": the parse may hang the clause on
        # the audience; what was said starts at its "that"
        that = next((t for t in doc[start:last] if t.lower_ == "that" and t.dep_ == "mark"
                     and not reader.quoted[t.i]), None)
        if that is not None:
            start = that.i
    end = max(_clause_end(verb, last, sentence), last + 1)
    start, end = cues.trim(doc, start, end)
    if end <= start:
        start, end = verb.i + 1, max(sentence.end, last + 1)
    return reader.char_range(start, end)


def _clause_end(verb: Token, last: int, sentence: SpacySpan) -> int:
    """Where the reported clause ends: the cue's last dependent, so ``..., and Trump vowed to ...``
    after it stays out of this speaker's content."""
    ends = [c.right_edge.i + 1 for c in verb.rights if c.dep_ not in ("punct", "cc", "conj")]
    end = min(max(ends, default=last + 1), sentence.end)
    for token in verb.doc[last + 1 : end]:
        if token.i != verb.i and cues.is_speech_verb(token):
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is not None and subject.i > last:
                return max(last + 1, subject.left_edge.i)
    return end


def _content_before(reader: Reader, sentence: SpacySpan, stop: int) -> tuple[int, int]:
    """Reported content before a trailing ``, X said``."""
    start, end = cues.trim(reader.doc, sentence.start, stop)
    if end <= start:
        start, end = sentence.start, stop
    return reader.char_range(start, end)


def _clause_subject(reader: Reader, group: list[Passage]) -> Token | None:
    """No cue word: the subject of the main clause the quote sits in (``X referred to Y as "..."``).

    The outermost subject wins over those of complement and adverbial clauses. But a quote
    inside someone's claim or statement is the claimant's (``They challenged his claim that
    he would be "neutral"``: his), as PolNeAR annotates it,
    and one in a relative clause is about that clause's own subject or noun (``one in which he
    took credit for "..."``, ``Okafor, who cast herself as the "healer"``).
    """
    token = reader.doc[min(len(reader.doc) - 1, reader.token_at(group[0].start) + 1)]
    found: Token | None = None
    seen_subject = False
    for _ in range(12):
        if token.head.i == token.i:
            break
        child, token = token, token.head
        owner = _owner_of_claim(token, child)
        if owner is not None and not reader.quoted[owner.i] and (
                can_speak(owner) or owner.is_title and owner.i != owner.sent.start):
            return owner  # "Voss's claim": the model may tag a surname a common noun
        if reader.quoted[token.i] or token.pos_ not in ("VERB", "AUX"):
            continue
        subject = next((c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or reader.quoted[subject.i] or subject.pos_ not in ("PROPN", "NOUN", "PRON"):
            continue
        innermost, seen_subject = not seen_subject, True
        if innermost and _relative_of_a_speaker(reader, token, subject):
            return subject  # "Okafor, who cast herself as the "healer"": the one the clause is about
        if subject.lower_ not in cues._NOT_SPEAKERS:
            found = cues.speaker_behind(subject)
            if innermost and token.dep_ == "relcl" and can_speak(found):
                return found  # "one in which he took credit for "...""
    return found if found is not None and can_speak(found) else None


_RELATIVE_PRONOUNS = frozenset(["who", "that", "which"])


def _relative_of_a_speaker(reader: Reader, clause: Token, subject: Token) -> bool:
    """``Okafor, who cast herself as the "healer"``: a relative clause's ``who`` stands for its
    noun, who holds the words; not when the noun is itself quoted (``a "liar" who was not
    "honest"``) or the clause has a second subject (``which Kerr claims showed``)."""
    if clause.dep_ != "relcl" or subject.lower_ not in _RELATIVE_PRONOUNS:
        return False
    if sum(1 for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")) > 1:
        return False
    return not reader.quoted[clause.head.i] and can_speak(clause.head)


_CLAIM_NOUNS = cues.UTTERANCE_NOUNS | words("stance_nouns")


def _owner_of_claim(noun: Token, clause: Token) -> Token | None:
    """``a fact-check on Voss's claim that there were "thousands of burglaries"``: the quote
    sits in the clause of a noun of saying or holding a view; whose claim it is, is whose
    words they are (the innermost owner, not the checker who is the sentence's subject)."""
    if noun.pos_ != "NOUN" or noun.lemma_.lower() not in _CLAIM_NOUNS or clause.dep_ not in ("acl", "ccomp"):
        return None
    owner = cues.possessor(noun)
    if owner is None and noun.i > 0 and noun.nbor(-1).dep_ == "case" and noun.nbor(-1).lower_ in ("'s", "’s"):
        owner = noun.nbor(-1).head  # "a check on Voss's claim": the parse hangs Voss on "on"
    return owner


_LABEL_WORDS = 3
"""Most words of a quoted label (``the notorious "carried interest" loophole``)."""


def _label_in_a_noun_phrase(reader: Reader, group: list[Passage]) -> bool:
    """``Rep. Robert "Bobby" Lund``, ``the ''deferred gain'' loophole``: a short quote the parse
    makes a modifier of the noun after it names a thing or a person; nobody said it."""
    if len(group) > 1:
        return False
    first, last = _quote_tokens(reader, group)
    words = [t for t in reader.doc[first : last + 1] if not t.is_punct and not t.is_space]
    if not words or len(words) > _LABEL_WORDS:
        return False
    top = min(words, key=lambda t: sum(1 for _ in t.ancestors))
    return top.dep_ == "nmod" and top.head.i > words[-1].i and top.head.pos_ in ("NOUN", "PROPN")


def _embedded(reader: Reader, group: list[Passage]) -> bool:
    """Whether the quote sits inside a longer sentence of the writer's own words."""
    sentence = reader.sentence_of(reader.token_at(group[0].start))
    return sum(1 for t in sentence if not reader.quoted[t.i] and t.is_alpha) > 3


def _sentence_before(reader: Reader, group: list[Passage]) -> SpacySpan | None:
    """The sentence before a quote that opens its own sentence (past blank-line sentences), or None."""
    first = reader.token_at(group[0].start)
    index = reader.sentence_index(first)
    sentence = reader.sentences[index]
    if index == 0 or any(not t.is_space and not t.is_punct for t in reader.doc[sentence.start : first]):
        return None
    before = reader.sentences[index - 1]
    while before.start < sentence.start and all(t.is_space for t in before):
        index -= 1
        if index == 0:
            return None
        before = reader.sentences[index - 1]
    return before


def _previous_sentence_cue(reader: Reader, group: list[Passage]):
    """``X tweeted a warning. "..."``: a quote opening a sentence right after a cue sentence; or
    a paragraph of its own after one that reports what someone said (``Reyes said that critics
    were wrong.`` then ``"That is because ..."``), which goes on in that person's words."""
    before = _sentence_before(reader, group)
    if before is None:
        return None
    same_line = reader.line_of(before.start_char) == reader.line_of(group[0].start)
    if not same_line and reader.line_of(group[0].start) - reader.line_of(before.start_char) > 1:
        return None
    if any(reader.quoted[t.i] for t in before):
        return None  # its cue belongs to that quote; the nearest-speaker rule carries it over
    for verb in reversed(cue_verbs(reader, [before], with_thought=False)):
        # "X added that firms encouraged staff to blog.": X speaks, not the firms
        verb = cues.outermost_cue(verb, reader.quoted)
        subject = cues.subject_of(verb, reader.quoted) or verb_cues.gerund_subject(verb, reader.quoted)
        if subject is not None and not reader.quoted[subject.i]:
            return cue_span(reader, verb), cues.mention_tokens(subject)
    return None


def _previous_sentence_person(reader: Reader, group: list[Passage]) -> Token | None:
    """``Sanders named voters' anger as a reason. "The young are sick of it."``: a quote opening a
    sentence after one, in the same paragraph, whose subject is a named person or "he"/"she" (no cue word
    and no quote of its own) is that person's, not the last speaker's."""
    before = _sentence_before(reader, group)
    if before is None or reader.line_of(before.start_char) != reader.line_of(group[0].start) or any(
            reader.quoted[t.i] for t in before):
        return None
    subject = next((c for c in before.root.children if c.dep_ == "nsubj"), None)
    if subject is None or not (subject.ent_type_ == "PERSON" and subject.pos_ == "PROPN" or subject.lower_ in ("he", "she")):
        return None
    return subject


def _near(reader: Reader, group: list[Passage], previous: Draft) -> bool:
    """Close enough to the last quote to guess its speaker; never in a live blog's
    time-stamped heading (``14:52 Fact check: '...'``), which quotes a claim to test."""
    line = reader.line_of(group[0].start)
    if line >= 0 and cues.CLOCK_TIME.match(reader.text[reader.lines[line][0] : group[0].start].split(" ")[0]):
        return False
    return line - reader.line_of(previous.end - 1) <= _NEAREST_MAX_LINES


def _floats_after(reader: Reader, group: list[Passage], previous: Draft) -> bool:
    """A quote that opens its line soon after another quote continues that speaker."""
    line = reader.line_of(group[0].start)
    if reader.lines[line][0] != group[0].start:
        return False
    return 0 < line - reader.line_of(previous.end - 1) <= _FLOAT_MAX_LINES


def split_carried(reader: Reader, groups: list[list[Passage]]) -> list[list[Passage]]:
    """A quote left open at a paragraph's end is carried on by the next paragraph that opens
    with a mark; but a paragraph that opens a new turn (``"LUND: ...`` in a quoted transcript)
    or names its own speaker (``"...," added Rep. Tom Reyes.``) starts a quote of its own."""
    split: list[list[Passage]] = []
    for group in groups:
        split.append([group[0]])
        for before, passage in pairwise(group):
            line = reader.line_of(passage.start)
            line_start, line_end = reader.lines[line]
            if passage.start == line_start and reader.line_of(before.start) < line and (
                    turn_label(reader, line_start, line_end) is not None
                    or _names_its_own_speaker(reader, line_start, line_end)):
                split.append([])
            split[-1].append(passage)
    return split


def _names_its_own_speaker(reader: Reader, line_start: int, line_end: int) -> bool:
    """A paragraph whose narration has a cue with a named subject: ``added Rep. Tom Reyes``."""
    doc = reader.doc
    for token in doc[reader.token_at(line_start) : reader.token_at(line_end - 1) + 1]:
        if reader.quoted[token.i] or not cues.is_speech_verb(token):
            continue
        subject = cues.subject_of(token, reader.quoted)
        if subject is not None and subject.pos_ == "PROPN" and line_start <= subject.idx < line_end:
            return True
    return False

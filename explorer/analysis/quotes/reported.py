"""Reported speech outside quotation marks: ``X said (that) ...``, ``According to X, ...``."""

from __future__ import annotations

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from explorer.analysis.quotes import cues, verb_cues
from explorer.analysis.quotes.draft import Draft, Reader
from explorer.analysis.quotes.lexicon import ADDRESSEE_VERBS, OBJECT_CUES
from explorer.analysis.quotes.noun_cues import noun_cues
from explorer.analysis.quotes.speaker_span import cue_span, speaker_and_role
from explorer.analysis.quotes.stance import stance_drafts
from explorer.analysis.token_range import TokenRange


def reported_speech(reader: Reader, used_verbs: set[int], covered: list[tuple[int, int]]) -> list[Draft]:
    """``X said (that) ...``, ``X is to warn ...``, ``..., X said.``, ``According to X, ...``."""
    drafts: list[Draft] = []
    covered_tokens = bytearray(len(reader.doc))
    for start, end in covered:
        for i in range(reader.token_at(start), reader.token_at(end - 1) + 1):
            covered_tokens[i] = 1
    for sentence in reader.sentences:
        if all(covered_tokens[t.i] for t in sentence if not t.is_space):
            continue
        found = _according_to_sentence(reader, sentence, covered_tokens)
        if found is not None:
            drafts.append(found)
            continue
        for noun in sentence:
            if noun.lemma_.lower() in cues.UTTERANCE_NOUNS and not reader.quoted[noun.i]:
                draft = _utterance_noun(reader, noun, covered_tokens)
                if draft is not None:
                    drafts.append(draft)
        # "X wanted Y, Z said.": the cue that closes the sentence reports all before it, and
        # what X wanted is still X's, reported inside Z's words
        closing: set[int] = set()
        cue_at = sentence.end_char
        verbs = [t for t in sentence if not reader.quoted[t.i] and (
            cues.is_speech_verb(t, with_thought=True) or verb_cues.is_verb_cue(t) or _takes_a_that_clause(t))]
        for verb in sorted(verbs, key=lambda t: (not _closing_cue(t, sentence), verb_cues.is_topic_verb(t))):
            if verb.i in used_verbs or covered_tokens[verb.i] and verb.i not in closing:
                continue
            draft = _reported_by(reader, sentence, verb, lambda i: covered_tokens[i] and i not in closing)
            if draft is None:
                continue
            tokens = range(reader.token_at(draft.start), reader.token_at(draft.end - 1) + 1)
            if not any(covered_tokens[i] and i not in closing for i in tokens):
                if closing.intersection(tokens):
                    draft.parts = [(start, min(end, cue_at)) for start, end in draft.parts if start < cue_at]
                drafts.append(draft)
                closes = _closing_cue(verb, sentence)
                if closes:
                    cue_at = _cue_phrase_start(verb)
                nested = closing.intersection(tokens)
                for i in tokens:
                    covered_tokens[i] = 1
                closing = set(tokens) - nested if closes else closing - nested
        drafts.extend(stance_drafts(reader, sentence, covered_tokens))
        drafts.extend(noun_cues(reader, sentence, covered_tokens))
    return drafts


def _utterance_noun(reader: Reader, noun: Token, covered: bytearray) -> Draft | None:
    """``Marsh's claim that the referee had lied``: the clause after the noun is what its
    owner said."""
    owner = next((c for c in noun.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
    clause = next((c for c in noun.rights if c.dep_ in ("acl", "ccomp")
                   and any(m.dep_ == "mark" and m.lower_ == "that" and m.i == noun.i + 1 for m in c.children)), None)
    if owner is None or clause is None:
        return None
    start, end = cues.trim(reader.doc, noun.i + 2, clause.right_edge.i + 1)
    if end - start < 3 or any(covered[i] for i in range(start, end)):
        return None
    for i in range(start, end):
        covered[i] = 1
    kind = reader.reported_kind((start, end))
    return Draft(kind, [reader.char_range(start, end)], "reported.utterance_noun",
                 cue=reader.char_range(noun.i, noun.i + 1), speaker=cues.mention_tokens(owner))


def _cue_phrase_start(verb: Token) -> int:
    """Where ``, Mr Strand said`` begins: the character of its comma."""
    subject = next(c for c in verb.children if c.dep_ == "nsubj")
    return verb.doc[min(subject.left_edge.i, verb.i) - 1].idx


def _question_asked(reader: Reader, verb: Token) -> Draft | None:
    """``Asked whether the cuts would stop, she said ...``: the question is reported words, but
    an unnamed interviewer's, not the answerer's; it is kept, with no speaker."""
    clause = cues.question_put(verb)
    if clause is None:
        return None
    doc = reader.doc
    start, end = clause.left_edge.i, clause.right_edge.i + 1
    # the parse may hang the answerer on the question: "Asked whether X, the leader, Y, said"
    end = next((t.i for t in doc[start:end] if t.text == "," and not reader.quoted[t.i]), end)
    start, end = cues.trim(doc, start, end)
    if end - start < 3:
        return None
    kind = reader.reported_kind((start, end))
    return Draft(kind, [reader.char_range(start, end)], "reported.question",
                 cue=reader.char_range(verb.i, verb.i + 1))


def _reported_by(reader: Reader, sentence: SpacySpan, verb: Token, taken=lambda i: False) -> Draft | None:
    """What ``verb`` reports, and who said it; ``taken(i)`` says token i is another quote's."""
    question = _question_asked(reader, verb)
    if question is not None:
        return question
    belief = verb_cues.unheld_belief(reader, verb, sentence)
    if belief is not None:
        return Draft("indirect", [reader.char_range(*piece) for piece in belief], "reported.unheld_belief",
                     cue=cue_span(reader, verb), used_verbs={verb.i})
    if _describes_who_was_told(verb) or _keeps_a_source_unnamed(verb):
        return None
    subject = cues.subject_of(verb, reader.quoted)
    gerund = subject is None
    if gerund:
        subject = verb_cues.gerund_subject(verb, reader.quoted)
    if subject is None or reader.quoted[subject.i]:
        return None
    speaker, role = speaker_and_role(reader, subject)
    doc = reader.doc
    complement = verb_cues.topic_clause(verb, cues.complement_of(verb)) or verb_cues.that_clause_in_phrase(verb)
    content: TokenRange | None = None
    extra: TokenRange | None = None
    rule = "reported.complement"
    listed = _in_a_list_of_clauses(doc, verb, speaker)
    if complement is not None and not reader.quoted[complement.i]:
        start, end = complement.left_edge.i, complement.right_edge.i + 1
        if complement.i > verb.i:
            start = max(start, verb.i + 1)
            if _lost_its_subject(complement):
                start = verb.i + 1  # "warn of tie-ups as limits are left in limbo": all that follows
            end = sentence.end if not _opens_the_sentence(verb) else verb.right_edge.i + 1
            if any(taken(i) for i in range(start, end)):
                # "X says A, but insists B "quoted"": B is another quote's; A is still X's
                end = min(end, complement.right_edge.i + 1, _own_turn_start(complement, taken))
        elif listed:
            start = end  # "the markets were calm, her backbenchers cheered, and ...": no cue
        else:
            end = min(end, speaker[0], verb.i)
            extra = _words_after_aside(doc, sentence, verb, speaker)
        start, end = cues.trim(doc, start, end)
        if end - start >= 2:
            content = TokenRange(start, end)
        else:
            extra = None
    if content is None and verb.lemma_.lower() in cues.SPEECH_VERBS and not gerund:
        stop = min(speaker[0], verb.i)
        if verb.dep_ == "pcomp":  # "..., energy minister X was quoted as saying": all of the subject
            stop = min(stop, subject.left_edge.i)
        inverted_at_end = verb.i < speaker[0] and speaker[1] >= _last_word(sentence)
        if stop > sentence.start + 3 and _closes(doc, sentence, max(speaker[1], verb.i + 1)) and (
                doc[stop - 1].text == "," or inverted_at_end and stop > sentence.start + 5):
            start, end = cues.trim(doc, _past_the_question(sentence, stop), stop)
            if end - start >= 3 and _has_verb(doc, start, end):
                content, rule = TokenRange(start, end), "reported.cue_after"
        if content is None and verb.tag_ in ("VBD", "VBZ", "VBP") and not any(
                c.dep_ == "agent" for c in verb.children) and not listed:
            aside = _parenthetical(doc, sentence, stop, max(speaker[1], verb.i + 1))
            if aside is not None:
                content, extra = aside
                rule = "reported.parenthetical"
    if content is not None and not _has_verb(doc, *content) and (extra is None or not _has_verb(doc, *extra)):
        content = None
    if content is None:
        content, rule = verb_cues.appeal_of(reader, verb, sentence), "reported.appeal"
    if content is None:
        content, rule = verb_cues.topic_of(reader, verb, sentence), "reported.topic"
    if content is None:
        content = verb_cues.named_as(reader, verb, sentence) or _object_of(reader, verb, sentence) or _answer(verb)
        rule = "reported.object"
    if content is None:
        return None
    pieces = [content] if extra is None else [content, extra]
    kind = reader.reported_kind(*pieces)
    relative = cues.relative_subject(verb)
    return Draft(kind, [reader.char_range(*piece) for piece in pieces], rule, cue=cue_span(reader, verb),
                 speaker=speaker, role=role, used_verbs={verb.i},
                 pointer=reader.char_range(relative.i, relative.i + 1) if relative is not None else None)


_CLOSING_TAIL = 6
"""Most words that may follow a closing cue (``, X said on Tuesday in a statement.``)."""


def _closes(doc, sentence: SpacySpan, after_cue: int) -> bool:
    """Whether a cue ends its sentence, give or take a short verbless tail: only then are the
    words before it what was said (``Though X, Varga promised to ...`` reports no "though")."""
    tail = doc[after_cue : _last_word(sentence)]
    return len(tail) <= _CLOSING_TAIL and not _has_verb(doc, after_cue, _last_word(sentence))


_THAT_CLAUSE_SUBJECTS = frozenset(["he", "she", "they"])


def _lost_its_subject(clause: Token) -> bool:
    """A finite reported clause with no subject: the parse hung its subject on a word before
    it (``warn of tie-ups as cod limits are left in limbo``), which the content must keep."""
    finite = clause.tag_ in ("VBZ", "VBP", "VBD") or any(c.dep_ in ("aux", "auxpass") and c.i < clause.i
                                                          for c in clause.children)
    return finite and not any(c.dep_ in (*cues.SUBJECT_DEPS, "expl") for c in clause.children) \
        and clause.left_edge.i > clause.head.i + 1


def _describes_who_was_told(verb: Token) -> bool:
    """``Officials briefed on the talks said ...``: a past participle describing a noun says
    what was done to them (they were briefed), not what they reported."""
    return verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBD") and not any(  # the tagger often says VBD
        c.dep_ in ("agent", "nsubj") for c in verb.children)


_NAMING = frozenset(["name", "identify"])


def _keeps_a_source_unnamed(verb: Token) -> bool:
    """``who asked not to be named``, ``declined to be identified``: the terms a source spoke
    on, not something they said about the story."""
    return any(c.dep_ == "xcomp" and c.lemma_.lower() in _NAMING and any(a.dep_ == "auxpass" for a in c.children)
               for c in verb.children)


def _own_turn_start(complement: Token, taken) -> int:
    """``She said A, and when pressed, the mother replied, "B"``: the parse joins the reply
    to what she said; it starts a turn of its own (see ``cues.outermost_cue``), and what she
    said stops before it. The first token of that turn, or past the end of ``complement``."""
    for clause in complement.children:
        if (clause.dep_ == "conj" and clause.i > complement.i and cues.is_speech_verb(clause)
                and any(c.dep_ == "nsubj" for c in clause.children)
                and any(taken(i) for i in range(clause.i, clause.right_edge.i + 1))):
            cut = clause.left_edge.i
            while cut > complement.i and (complement.doc[cut - 1].is_punct or complement.doc[cut - 1].dep_ == "cc"):
                cut -= 1  # ", and"
            return cut
    return complement.right_edge.i + 1


def _takes_a_that_clause(verb: Token) -> bool:
    """``The court ruled that ...``, ``Ms X learned that ...``: any verb whose subject names
    someone and whose clause opens with "that" reports what they said, found or held."""
    if verb.pos_ != "VERB" or not any(
            c.dep_ == "ccomp" and c.i > verb.i and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in verb.children):
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subject is not None and (subject.ent_type_ in ("PERSON", "ORG", "NORP", "GPE")
                                    or subject.lower_ in _THAT_CLAUSE_SUBJECTS)


def _in_a_list_of_clauses(doc, verb: Token, speaker: TokenRange) -> bool:
    """``A was calm, B cheered, and C landed``: a verb followed by ", and" is one clause of a
    list, not a cue closing what came before it."""
    after = max(speaker[1], verb.i + 1)
    return after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].lower_ in ("and", "but", "while")


def _past_the_question(sentence: SpacySpan, stop: int) -> int:
    """Where the words before a closing cue begin once the question put to the speaker is
    left out: ``Asked if he would stand, the mayor said no`` reports only "no"."""
    for token in sentence:
        if token.i >= stop:
            break
        if token.left_edge.i == sentence.start and cues.question_put(token) is not None:
            return token.right_edge.i + 1
    return sentence.start


_ANSWERS = frozenset(["yes", "no"])


def _answer(verb: Token) -> TokenRange | None:
    """``the mayor said no``: a one-word answer is what was said."""
    if verb.lemma_.lower() != "say":
        return None
    answer = next((c for c in verb.rights if c.dep_ in ("intj", "dobj") and c.lower_ in _ANSWERS), None)
    return TokenRange(answer.i, answer.i + 1) if answer is not None else None


_CONTINUING_WORDS = frozenset(["SCONJ", "CCONJ"])


def _words_after_aside(doc, sentence: SpacySpan, verb: Token, speaker: TokenRange) -> TokenRange | None:
    """``Delays happen, said Mr Evans, because ...``: after an inverted ``said X,`` set off by
    commas, a clause opened by a conjunction goes on with what X said."""
    after = speaker[1]
    if not verb.i < speaker[0] or after + 1 >= _last_word(sentence) or doc[after].text != ",":
        return None
    opener = doc[after + 1]
    if opener.pos_ not in _CONTINUING_WORDS or not opener.is_lower:
        return None
    rest = doc[after + 1 : _last_word(sentence)]
    if any(cues.is_speech_verb(t) for t in rest) or not _has_verb(doc, after + 1, _last_word(sentence)):
        return None
    return TokenRange(after + 1, _last_word(sentence))


def _opens_the_sentence(verb: Token) -> bool:
    """``Before the club said X, Okafor insisted Y``: a cue in a clause that leads into
    the main one reports only its own clause, not the rest of the sentence; so does one in
    a leading phrase (``After saying the plan was dead, Reid left``)."""
    if verb.dep_ == "pcomp":
        return verb.head.head.i > verb.right_edge.i
    return verb.dep_ == "advcl" and verb.head.i > verb.right_edge.i


def _closing_cue(verb: Token, sentence: SpacySpan) -> bool:
    """``..., Mr Strand said.`` or ``..., said Mr Strand.``: a cue set off by a comma at the end."""
    if not cues.is_speech_verb(verb) or _last_word(sentence) - verb.i > 6:
        return False
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return False
    first = min(subject.left_edge.i, verb.i)
    return first > sentence.start and verb.doc[first - 1].text == "," and not any(
        t.pos_ == "VERB" for t in verb.doc[verb.i + 1 : _last_word(sentence)])


def _last_word(sentence: SpacySpan) -> int:
    """The end of the sentence's last word: what follows is only punctuation and space."""
    end = sentence.end
    while end > sentence.start and (sentence.doc[end - 1].is_punct or sentence.doc[end - 1].is_space):
        end -= 1
    return end


def _parenthetical(doc, sentence: SpacySpan, start: int, end: int) -> tuple[TokenRange, TokenRange | None] | None:
    """``Currently, he said, a machine lasts ten years``: the words around a cue set off by
    commas are what was said; a short opener ("Currently") joins only when it is a clause."""
    if start <= sentence.start or end >= sentence.end or doc[start - 1].text != "," or doc[end].text != ",":
        return None
    after = cues.trim(doc, end + 1, sentence.end)
    before = cues.trim(doc, sentence.start, start - 1)
    if _belongs_to(doc, before, after) or _completes(doc, before, after):
        return before, after  # "This campaign, he says, is different": one clause cut in two
    if after[1] - after[0] < 3 or not _has_verb(doc, *after):
        return None
    if before[1] - before[0] >= 3 and _has_verb(doc, *before):
        return before, after
    return after, None


def _has_verb(doc, start: int, end: int) -> bool:
    return any(t.pos_ in ("VERB", "AUX") for t in doc[start:end])


def _belongs_to(doc, before: TokenRange, after: TokenRange) -> bool:
    """Whether the verbless words before an aside are the subject of the clause after it."""
    if before[1] <= before[0] or _has_verb(doc, *before) or not _has_verb(doc, *after):
        return False
    return any(t.dep_ in cues.SUBJECT_DEPS and after[0] <= t.head.i < after[1] for t in doc[before[0] : before[1]])


def _completes(doc, before: TokenRange, after: TokenRange) -> bool:
    """Whether the verbless words after an aside complete the clause before it (``It was, he
    said, the hardest job``)."""
    if after[1] <= after[0] or before[1] <= before[0] or _has_verb(doc, *after) or not _has_verb(doc, *before):
        return False
    return any(before[0] <= t.head.i < before[1] for t in doc[after[0] : after[1]])


def _object_of(reader: Reader, verb: Token, sentence: SpacySpan) -> TokenRange | None:
    """``X announced his resignation``, ``X called for a ban``, ``X wants to win``: the object."""
    doc = reader.doc
    if verb.lemma_.lower() not in OBJECT_CUES:
        return None
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None  # "to discuss work": a purpose, not something reported
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "relcl"):
        return None  # "the decision, announced on Tuesday by X": the thing announced is named already
    judged = cues.judges_someone_for(verb)
    addressed = verb.lemma_.lower() in ADDRESSEE_VERBS or judged
    for child in verb.rights:
        if child.dep_ == "dobj" and addressed:
            continue  # "answered his critics": the people spoken to, not what was said
        if any(t.text == "," for t in doc[verb.i + 1 : child.left_edge.i]) and any(
                t.pos_ == "CCONJ" for t in doc[verb.i + 1 : child.left_edge.i]):
            break  # "her backbenchers cheered, and the attack landed": a new clause, not an object
        if child.dep_ == "dobj" and verb_cues.is_time(child):
            continue  # "promised Monday to act": when, not what
        if child.dep_ == "prep" and any(g.dep_ == "pobj" and verb_cues.never_content(g) for g in child.children):
            continue  # "responded on Sunday to the claims", "said on Twitter": when or where
        if child.dep_ == "prep" and child.lower_ == "to" and any(
                g.dep_ == "pobj" and g.pos_ == "PRON" for g in child.children):
            continue  # "said to me": who heard it, not what was said
        if child.dep_ in ("dobj", "xcomp", "ccomp") or child.dep_ == "prep" and child.lower_ in (
            "for", "about", "to", "of", "on", "against"
        ):
            start, end = cues.trim(doc, child.left_edge.i, min(child.right_edge.i + 1, sentence.end))
            end = _before_a_speaker_clause(child, end)
            if child.dep_ == "prep":
                start = child.i + 1
                if judged and child.lower_ in ("for", "of") and any(g.dep_ == "pobj" for g in child.children):
                    # "praised the money for wetlands": what was praised and what for; but of
                    # "accused Vieira of starting the row", what he is said to have done
                    start = next(c for c in verb.children if c.dep_ == "dobj").left_edge.i
            if end > start and not any(reader.quoted[i] for i in range(start, end)):
                return TokenRange(start, end)
    return None


def _before_a_speaker_clause(head: Token, end: int) -> int:
    """``criticised a union leader who said the feud was harming government``: what the leader
    said is the leader's own quote; the object ends where the clause of a speaker begins."""
    for token in head.subtree:
        if token.dep_ == "relcl" and cues.is_speech_verb(token) and any(
                c.dep_ == "ccomp" for c in token.children) and token.left_edge.i > head.left_edge.i:
            return min(end, token.left_edge.i)
    return end


def _according_to_sentence(reader: Reader, sentence: SpacySpan, covered: bytearray) -> Draft | None:
    found = cues.according_to(sentence)
    if found is None:
        return None
    word, to, source = found
    doc = reader.doc
    speaker = cues.mention_tokens(source)
    cue = reader.char_range(word.i, to.i + 1)
    before = cues.trim(doc, sentence.start, word.i)
    if before[1] - before[0] >= 2 and doc[before[1] - 1].lower_ == "that" and cues.is_speech_verb(
            doc[before[1] - 2], with_thought=True):
        return None  # "She said that, according to X, ...": her words, X's figures inside them
    if before[1] > before[0] and doc[before[0]].lower_ in _DEMONSTRATIVES and all(
            t.lemma_ == "be" for t in doc[before[0] + 1 : before[1]]):
        return _that_is_according_to(reader, sentence, TokenRange(before[0], before[0] + 1), cue, speaker, covered)
    aside_end = max(speaker[1], source.right_edge.i + 1)  # "according to people who have been involved"
    if word.i > sentence.start + 1 and doc[word.i - 1].text == "," and aside_end < sentence.end and doc[
            aside_end].text == ",":
        after = cues.trim(doc, aside_end + 1, sentence.end)
        if after[1] - after[0] >= 2 and not covered[before[0]] and not covered[after[0]]:
            # "Donations, according to the campaign, have doubled": the words on both sides
            return Draft("indirect", [reader.char_range(*before), reader.char_range(*after)],
                         "reported.according_to", cue=cue, speaker=speaker)
    if word.i <= sentence.start + 1:
        start = speaker[1]
        while start < sentence.end and doc[start].is_punct:
            start += 1
        start, end = cues.trim(doc, start, sentence.end)
    else:
        start, end = before
    if end - start < 3 or covered[start]:
        return None
    return Draft("indirect", [reader.char_range(start, end)], "reported.according_to", cue=cue, speaker=speaker)


_DEMONSTRATIVES = frozenset(["that", "this"])


def _that_is_according_to(reader: Reader, sentence: SpacySpan, that: TokenRange, cue, speaker: TokenRange,
                          covered: bytearray) -> Draft | None:
    """``Turnout fell. That's according to the council.``: the claim is the sentence before, in
    the same paragraph, which "That" stands for; both are the content."""
    doc = reader.doc
    index = reader.sentence_index(sentence.start)
    if index == 0:
        return None
    previous = reader.sentences[index - 1]
    start, end = cues.trim(doc, previous.start, previous.end)
    if end - start < 3 or reader.line_of(doc[start].idx) != reader.line_of(sentence.start_char) or any(
            covered[i] for i in range(start, end)):
        return None
    return Draft("indirect", [reader.char_range(start, end), reader.char_range(*that)], "reported.according_to",
                 cue=cue, speaker=speaker)

"""Speakers named by the page's layout rather than a verb of saying.

A colon after a name or a cue line (``Lund wrote to the board:``), a dash credit
(``"..." ― Ana Ruiz``, or ``- Ana Ruiz.`` on the line below), a quote set off by dashes
after a name, a live blog's heading label, a headline's ``Name: ...``.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from explorer.analysis.entities.first_names import is_first_name
from explorer.analysis.entities.mentions import KNOWN_BODIES, PARTIES
from explorer.analysis.gazetteer import lookup, lookup_town
from explorer.analysis.names import TITLES
from explorer.analysis.quotes import cues
from explorer.analysis.quotes.draft import Reader
from explorer.analysis.quotes.lexicon import ROLE_WORDS_PERSON
from explorer.analysis.quotes.marks import DOUBLE_MARKS, Passage
from explorer.analysis.quotes.speaker_span import can_speak, cue_span, cue_verbs, speaker_and_role
from explorer.analysis.token_range import TokenRange


def colon_intro_line(reader: Reader, group: list[Passage]):
    """A quote opening a line right after a line that ends ``X will say:``."""
    line = reader.line_of(group[0].start)
    if line <= 0 or reader.lines[line][0] != group[0].start:
        return None
    prev_end = reader.lines[line - 1][1]
    if reader.text[prev_end - 1] != ":":
        return None
    sentence = reader.sentence_of(reader.token_at(prev_end - 1))
    for verb in reversed(cue_verbs(reader, [sentence], with_thought=True)):
        subject = cues.subject_of(verb, reader.quoted)
        if subject is not None:
            return cue_span(reader, verb), cues.mention_tokens(subject)
    for verb in (t for t in sentence if _presents_words(reader, t)):
        subject = cues.subject_of(verb, reader.quoted)
        if subject is not None and (can_speak(subject) or subject.ent_type_ in ("PERSON", "ORG")):
            return cue_span(reader, verb), cues.mention_tokens(subject)
    return None


_PRESENTED = frozenset(["following", "this", "these"])


def _presents_words(reader: Reader, verb: Token) -> bool:
    """``X made the following remark:``, ``X issued this statement:``: a verb that is no cue
    word but whose object is an utterance, or the words that follow."""
    if verb.pos_ not in ("VERB", "AUX") or reader.quoted[verb.i]:
        return False
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in cues.UTTERANCE_NOUNS or c.lower_ in _PRESENTED
                                     or any(d.lower_ in _PRESENTED for d in c.children))
               for c in verb.children)


_DASH = re.compile(r"\s*[―—–-]{1,2}\s*")


def dash_credit(reader: Reader, group: list[Passage]) -> TokenRange | None:
    """``"..." ― Sonya Herridge``: a pull quote credited with a dash and a name."""
    end = credit_end(reader, group[-1].end)
    dash = _DASH.match(reader.text, end)
    below = False
    if dash is None or reader.line_of(dash.end()) != reader.line_of(end):
        dash, below = _dash_opening_next_line(reader, end), True
    if dash is None:
        return None
    first = reader.token_at(dash.end())
    tokens = []
    for token in reader.doc[first : first + 5]:
        if not tokens and token.i == first and _title_word(token.text.lstrip("-―—–")):
            continue  # "-Governor Tom Reyes": the tokenizer keeps the dash on the role before the name
        if token.pos_ != "PROPN" or reader.quoted[token.i]:
            break
        tokens.append(token)
    if not tokens:
        return None
    after = tokens[-1].i + 1
    if below and after < len(reader.doc) and not (reader.doc[after].is_punct or reader.doc[after].is_space):
        return None  # "- Reyes signed the bill": a list item that opens with a name, no credit
    return TokenRange(tokens[0].i, tokens[-1].i + 1)


def _title_word(word: str) -> bool:
    return word[:1].isupper() and (word.lower() in TITLES or word.lower() in ROLE_WORDS_PERSON)


def _dash_opening_next_line(reader: Reader, end: int) -> re.Match | None:
    """``"We cut the lists in half."`` then a paragraph ``- Lena Marsh.``: a fact check sets
    each claim apart and credits it on the line below; the quote must end its own line."""
    line = reader.line_of(end - 1)
    if line + 1 >= len(reader.lines) or reader.text[end : reader.lines[line][1]].strip(" .\u00a0"):
        return None
    start = reader.lines[line + 1][0]
    dash = _DASH.match(reader.text, start)
    return dash if dash is not None and dash.start() == start else None


_DASH_BEFORE = re.compile(r"(?:\s*(?:--|[―—–])|\s-)\s*$")


_DASH_AFTER = re.compile(r"[,.]?\s*(?:--|[―—–])|[,.]?\s-\s")


def name_before_dashes(reader: Reader, group: list[Passage]) -> TokenRange | None:
    """``including the former governor Tom Reyes -- "It is disqualifying ..." -- and ...``: a
    quote set off by dashes right after a person's name is that person's, whoever the
    sentence says spoke before the list."""
    start, end = group[0].start, group[-1].end
    line_start = reader.lines[reader.line_of(start)][0]
    before = _DASH_BEFORE.search(reader.text, line_start, start)
    if before is None or not group[-1].closed or _DASH_AFTER.match(reader.text, end) is None:
        return None
    name = reader.doc[reader.token_at(before.start() - 1)]
    if name.pos_ != "PROPN" or name.ent_type_ != "PERSON" or reader.quoted[name.i]:
        return None
    return speaker_and_role(reader, name)[0]


_CLOSING_MARKS = ('"', "”", "''")


def credit_end(reader: Reader, end: int) -> int:
    """Where a dash credit may follow the quote ending at ``end``: right there, or after a
    closing mark later on the line when a quote inside the quote (``what he calls "hell"
    than ...," ― Ana Ruiz``) cut the passage short."""
    if _DASH.match(reader.text, end):
        return end
    line_end = reader.lines[reader.line_of(end - 1)][1]
    rest = reader.text[end:line_end]
    closing = max((rest.rfind(mark) for mark in _CLOSING_MARKS), default=-1)
    if closing < 0 or any(mark in rest[:closing] for mark in DOUBLE_MARKS):
        return end  # another quote opens first: a credit after it is that quote's
    return end + closing + (2 if rest.startswith("''", closing) else 1)


def colon_in_sentence(reader: Reader, group: list[Passage]) -> TokenRange | None:
    """``X delivered a blunt message: "..."``: the subject of the clause before the colon."""
    first = reader.token_at(group[0].start)
    index = reader.sentence_index(first)
    start = reader.sentences[index].start
    if index > 0 and first - start <= 1 and reader.doc[start - 1].text != "\n":
        start = reader.sentences[index - 1].start
    before = [t for t in reader.doc[start:first] if not t.is_space]
    if not before or before[-1].text != ":" or "\n" in reader.doc[start:first].text:
        return None
    named = person_before_colon(before)
    if named is not None:
        return named
    verbs = [t for t in before if t.pos_ in ("VERB", "AUX") and not reader.quoted[t.i]]
    for verb in verbs:
        subject = cues.subject_of(verb, reader.quoted)
        if subject is not None and not reader.quoted[subject.i]:
            return speaker_and_role(reader, subject)[0]
    names = [t for t in before if t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat")]
    if names and len(before) <= 8:
        return cues.mention_tokens(names[0])
    return None


def tokens_before(reader: Reader, first: int) -> list[Token]:
    """Up to six tokens of the same line before token ``first``."""
    tokens = []
    for token in reversed(reader.doc[max(0, first - 6) : first]):
        if "\n" in token.text:
            break
        if not token.is_space:
            tokens.insert(0, token)
    return tokens


def affiliated_name_line(reader: Reader, first: int) -> TokenRange | None:
    """``Professor Helen Marsh, of the London School of Economics: "..."`` or ``Dr Kofi Mensah,
    chief economist at Bridgeworks: "..."``: a line that opens with a person's name and their
    affiliation or role, then a colon and the quote (a vox pop)."""
    line = reader.line_of(reader.doc[first].idx)
    if line < 0:
        return None
    tokens = [t for t in reader.doc[reader.token_at(reader.lines[line][0]) : first] if not t.is_space]
    if len(tokens) < 4 or tokens[-1].text != ":" or any(reader.quoted[t.i] for t in tokens):
        return None
    comma = next((k for k, t in enumerate(tokens[:6]) if t.text == ","), None)
    if comma is None:
        return None
    if tokens[comma + 1].lower_ not in ("of", "from", "at") and any(
            t.pos_ in ("VERB", "AUX") for t in tokens[comma + 1 : -1]):
        return None  # "Dr Kofi Mensah, chief economist at Bridgeworks:" is a label; "X, who said:" is not
    name = [t for t in tokens[:comma] if t.ent_type_ == "PERSON"]
    if not name or name[-1].i != tokens[comma - 1].i:
        return None
    return TokenRange(name[0].i, name[-1].i + 1)


def person_before_colon(before: list[Token]) -> TokenRange | None:
    """``... - Frank Newport and Jim Harter: "..."``: people named right before the colon."""
    if not before or before[-1].text != ":":
        return None
    names = before[-6:-1]
    if not names or names[-1].ent_type_ != "PERSON":
        return None
    name, head = names[-1], names[-1].head
    if name.dep_ == "pobj" and head.pos_ == "ADP" or name.dep_ in ("dobj", "dative") and cues.is_speech_verb(head):
        return None  # "Lund wrote to Berg:", "added about Berg:", "told Berg:": who is addressed or discussed
    start = names[-1].i
    while start - 1 >= names[0].i and (
        before[0].doc[start - 1].ent_type_ == "PERSON" or before[0].doc[start - 1].lower_ == "and"
    ):
        start -= 1
    while start < names[-1].i and cues.CLOCK_TIME.match(before[0].doc[start].text):
        start += 1  # "13:33 Thorne:": a live blog's time stamp, not part of the name
    return TokenRange(start, names[-1].i + 1)


def heading_label_of_no_one(reader: Reader, first: int) -> bool:
    """``17:10 Glasgow: 'too little'``, ``Charities: 'a turning point'``: a heading that labels
    the entry with a place or a group sums up voices heard below; no one said it there."""
    line = reader.line_of(reader.doc[first].idx)
    if line < 0:
        return False
    tokens = [t for t in reader.doc[reader.token_at(reader.lines[line][0]) : first] if not t.is_space]
    while tokens and cues.CLOCK_TIME.match(tokens[0].text):
        tokens.pop(0)
    if len(tokens) < 2 or len(tokens) > 4 or tokens[-1].text != ":":
        return False
    label = tokens[:-1]
    if any(reader.quoted[t.i] or not t.is_title for t in label):
        return False
    text = " ".join(t.text for t in label)
    if text.lower() in PARTIES or text.lower() in KNOWN_BODIES or is_first_name(label[0].text):
        return False
    group = len(label) == 1 and text.endswith("s") and not text.endswith("ss") and (
        label[0].ent_type_ not in ("PERSON", "ORG")
    )  # "Charities", "Landlords": a group heard from, not one voice
    if not group and lookup(text) is None and lookup_town(text) is None:
        return False
    # "Thorne:" when the article names Richard Thorne or Mr Thorne: a surname, whatever the map says
    doc = reader.doc
    label_words = {t.text for t in label}
    return not any(e.label_ in ("PERSON", "ORG") and len(e) > len(label)
                   and label_words <= {t.text for t in e} for e in doc.ents) and not any(
        t.text == label[0].text and t.i > 0 and doc[t.i - 1].lower_ in TITLES for t in doc)


def headline_name(reader: Reader, first: int) -> TokenRange | None:
    """``Carson: Clinton ‘not fit to serve’``: a line that opens with a name and a colon.

    Headlines credit a quote this way, with no verb; the quote must be on the same
    line, after the colon.
    """
    line = reader.line_of(reader.doc[first].idx)
    if line < 0:
        return None
    line_start = reader.lines[line][0]
    tokens = [t for t in reader.doc[reader.token_at(line_start) : first] if not t.is_space]
    colon = next((k for k, t in enumerate(tokens[:7]) if t.text == ":"), None)
    if not colon:
        return None
    name = tokens[:colon]
    if any(reader.quoted[t.i] or not t.text[:1].isupper() for t in name):
        return None
    if all(t.pos_ == "PROPN" for t in name) and any(t.ent_type_ in ("PERSON", "ORG") for t in name):
        return TokenRange(name[0].i, name[-1].i + 1)
    # "Lewandowski: ...": a lone surname is often tagged a common noun; it is a name
    # if the article names a person or body with it ("Corey Lewandowski").
    words = {t.text for t in name}
    if any(e.label_ in ("PERSON", "ORG") and e.start > name[-1].i and words <= {t.text for t in e}
           for e in reader.doc.ents):
        return TokenRange(name[0].i, name[-1].i + 1)
    return None

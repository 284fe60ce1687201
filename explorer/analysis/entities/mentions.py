"""Entity mentions from spaCy's tags, with the repairs the small model needs.

Each rule takes the mentions found so far and returns a corrected list; the
rules only act where the text makes the answer clear (a gazetteer name, a
title, a known first name, a pattern such as a photo credit).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan
from spacy.vocab import Vocab

from explorer.analysis.entities import people
from explorer.analysis.entities.clues import (
    COMPANY_NOUNS,
    COMPANY_SUFFIXES,
    CORPORATE_ROLES,
    CORPORATE_WORDS,
    DEMONYMS,
    DESCRIPTORS,
    EPONYM_HEADS,
    INSTITUTION_WORDS,
    NOT_BODIES,
    NOT_BODY_ENDINGS,
    NOT_NAMES,
    POST_NOMINALS,
    SPORT_SUFFIXES,
    SPORT_WORDS,
    TIME_ZONES,
    WORK_HEADS,
)
from explorer.analysis.entities.first_names import is_first_name
from explorer.analysis.figures.spans import STREET_WORDS
from explorer.analysis.gazetteer import is_capital, lookup, lookup_town
from explorer.analysis.lexicons import words
from explorer.analysis.names import TITLES
from explorer.analysis.token_range import TokenRange

MentionKind = Literal["person", "organisation", "place"]

LABEL_KINDS: dict[str, MentionKind] = {
    "PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
}

PARTIES = words("parties")
"""Parties the model tags as a nationality or religion (NORP)."""

PARTY_ADJECTIVES = frozenset({"lib dem", "tory", "liberal democrat", "liberal", "conservative",
                              "welsh liberal", "green", "ukip"})
"""A party's adjective before a role ("Lib Dem spokesman"): the person's side, not a name."""

KNOWN_BODIES = words("known_bodies")
"""Bodies the model often calls places ("in the EU")."""

DEMONYM_ENDINGS = ("an", "ans", "ese", "ish", "is", "ic", "ch")

PLACE_QUALIFIERS = words("place_qualifiers")

BUILDING_WORDS = words("building_words")
"""Last words of the names of buildings and sites: "the Corn Exchange", "Town Hall"."""

GENERIC_PLACE_WORDS = words("generic_place_words")
"""Region names that are also everyday words of other names."""

CONNECTORS = frozenset({"and", "of", "the", "-", "&", "upon", "on"})

CREDIT = re.compile(
    r"\((?:[^()\n/]{1,60}/)+[^()\n/]{1,40}\)"  # (Gareth Fuller/PA), (Photo: A/B/C)
    r"|^\s*(?:Photograph|Photo|Picture|Image|Credit|Illustration)s?\s*:[^\n]*",
    re.MULTILINE,
)
"""Photo credits: named in the caption, not in the story."""

MAX_NAME_GROWTH = 3

POSSESSIVES = frozenset({"'s", "’s", "'", "’"})
TIMESTAMP = re.compile(r"^\d{1,2}[:.]\d{2}$")

PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "outside", "across", "into"})
SPEECH_VERBS = words("speech_verbs")
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "outside", "across", "around", "inside"})


@dataclass(frozen=True, slots=True)
class Mention:
    """Tokens ``[start, end)`` of the doc that name a person, organisation or place."""

    start: int
    end: int
    kind: MentionKind

    def overlaps(self, other: Mention) -> bool:
        return self.start < other.end and other.start < self.end


def _text(doc: Doc, start: int, end: int) -> str:
    return doc[start:end].text


def _trimmed(doc: Doc, start: int, end: int) -> TokenRange:
    """Drop a leading "the" or live-blog timestamp ("16:28") and trailing possessives,
    punctuation and a dangling "and"."""
    while start < end and (
        doc[start].lower_ in ("the", "a", "an") or TIMESTAMP.match(doc[start].text)
        or doc[start].is_space
    ):
        start += 1
    while end > start and (
        doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space
        or doc[end - 1].lower_ in POSSESSIVES or doc[end - 1].lower_ in ("and", "&")
        or (end - start > 1 and doc[end - 1].text in ("city", "town"))  # "Sunderland city"
        or (end - start > 1 and doc[end - 1].text.islower()
            and doc[end - 1].pos_ in ("ADP", "CCONJ", "PART", "DET"))
    ):
        end -= 1
    while end - start > 1 and doc[start].lower_ in DESCRIPTORS and doc[start + 1].is_title:
        start += 1  # "Bookmaker Ladbrokes", "Miner Highland Gold"
    return TokenRange(start, end)


def _without_overlaps(mentions: list[Mention], keep: list[Mention]) -> list[Mention]:
    """``keep`` plus the mentions that do not overlap any of them, in text order."""
    rest = [m for m in mentions if not any(m.overlaps(k) for k in keep)]
    return sorted(rest + keep, key=lambda m: (m.start, m.end))


def from_spacy(doc: Doc, body_start: int) -> tuple[list[Mention], list[Mention]]:
    """spaCy's person/organisation/place entities, and its NORP entities (party candidates)."""
    mentions: list[Mention] = []
    groups: list[Mention] = []
    for ent in doc.ents:
        if ent.start_char < body_start:
            continue
        start, end = _trimmed(doc, ent.start, ent.end)
        if start >= end:
            continue
        kind = LABEL_KINDS.get(ent.label_)
        if kind is not None:
            mentions.append(Mention(start, end, kind))
        elif ent.label_ == "NORP":
            groups.append(Mention(start, end, "organisation"))
    return mentions, groups


def parties(doc: Doc, groups: list[Mention]) -> list[Mention]:
    """ "The Conservatives said": a party, though the model calls it a nationality."""
    found = []
    for group in groups:
        text = _text(doc, group.start, group.end)
        key = text.lower()
        plural_name = (
            group.start > 0
            and doc[group.start - 1].lower_ == "the"
            and doc[group.end - 1].tag_ == "NNPS"
            and not key.endswith(DEMONYM_ENDINGS)
        )
        if key in PARTIES or plural_name:
            found.append(group)
    return found


def drop_credits(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "(Gareth Fuller/PA)" credits a photographer, who is not in the story."""
    credits = [(m.start(), m.end()) for m in CREDIT.finditer(doc.text)]
    if not credits:
        return mentions

    def in_credit(mention: Mention) -> bool:
        start, end = doc[mention.start].idx, doc[mention.end - 1].idx + len(doc[mention.end - 1])
        return any(s <= start and end <= e for s, e in credits)

    return [m for m in mentions if not in_credit(m)]


def _could_extend(token: Token) -> bool:
    return token.is_title or token.lower_ in CONNECTORS or token.text == "-"


def grow_place_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Bosnia and" + "Herzegovina" -> "Bosnia and Herzegovina"; "Macedonia" -> "North Macedonia".

    A place mention grows to the longest name around it that the gazetteer knows.
    """
    grown: list[Mention] = []
    for mention in mentions:
        if mention.kind != "place":
            continue
        best: tuple[int, int] | None = None
        for left in range(0, MAX_NAME_GROWTH):
            start = mention.start - left
            if start < 0 or not all(_could_extend(doc[i]) for i in range(start, mention.start)):
                break
            if left and doc[start].lower_ not in PLACE_QUALIFIERS:
                continue
            for right in range(0, MAX_NAME_GROWTH + 1):
                end = mention.end + right
                if end > len(doc) or not all(
                    _could_extend(doc[i]) for i in range(mention.end, end)
                ):
                    break
                if (left or right) and doc[end - 1].is_title and lookup(_text(doc, start, end)):
                    if best is None or end - start > best[1] - best[0]:
                        best = (start, end)
        if best is not None:
            grown.append(Mention(best[0], best[1], "place"))
    if not grown:
        return mentions
    # A grown name replaces the pieces it covers, whatever the model called them.
    return _without_overlaps(mentions, _merge_same(grown))


def _merge_same(mentions: list[Mention]) -> list[Mention]:
    unique = sorted(set(mentions), key=lambda m: (m.start, -m.end))
    kept: list[Mention] = []
    for mention in unique:
        if not any(mention.overlaps(k) for k in kept):
            kept.append(mention)
    return kept


def organisations_named_after_countries(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Reform UK's Nigel Farage": a name plus a country is an organisation, not a place."""
    found = []
    for token in doc:
        if not token.is_title and not token.is_upper:
            continue
        info = lookup(token.text)
        if info is None or info.kind not in ("country", "state", "region") or token.i == 0:
            continue  # "Reform UK", "Hospitality Ulster"
        if info.kind != "country" and token.lower_ in GENERIC_PLACE_WORDS:
            continue  # "Clean Coast Now", "High Street West"
        if any(m.start <= token.i < m.end - 1 for m in mentions):
            continue  # inside a longer name the model found
        before = doc[token.i - 1]
        if (
            before.dep_ == "compound" and before.head.i == token.i and before.pos_ == "PROPN"
            and before.is_title and before.lower_ not in PLACE_QUALIFIERS
            and lookup(before.text) is None
            and (not before.is_sent_start or before.ent_type_ in ("PERSON", "ORG"))
        ):
            found.append(Mention(before.i, token.i + 1, "organisation"))
    return _without_overlaps(mentions, found) if found else mentions


def _joins_the_name(doc: Doc, index: int, start: int, end: int) -> bool:
    """Token ``index`` (just before ``start``) belongs to the name ``[start, end)``: a
    capitalised word attached inside it ("Offshore" of "Offshore Energies UK")."""
    token = doc[index]
    if not (token.is_title or token.is_upper) or token.lower_ in ("the", "a", "an"):
        return False
    if token.ent_type_ in ("PERSON", "DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY"):
        return False
    if token.pos_ not in ("PROPN", "ADJ", "NOUN") or token.lower_ in people.ROLE_NOUNS:
        return False
    if token.lower_ in DESCRIPTORS:
        return False
    head = token.head
    while head.i < start and head.head.i != head.i and head.dep_ in ("compound", "amod", "nmod",
                                                                    "conj"):
        head = head.head
    return start <= head.i < end


def grow_organisation_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Energies UK" -> "Offshore Energies UK"; "Prosecutorial Council" -> "High Judicial and
    Prosecutorial Council"; "Democrats" -> "Welsh Liberal Democrats": an organisation's name
    takes in the capitalised words the parse attaches to it."""
    grown: list[Mention] = []
    for mention in mentions:
        if mention.kind != "organisation":
            continue
        start = mention.start
        while start > 0:
            index = start - 1
            token = doc[index]
            if (
                index >= 2 and doc[index - 1].text == "-" and not token.is_title
                and token.pos_ in ("NOUN", "ADJ") and start <= token.head.i < mention.end
                and _joins_the_name(doc, index - 2, start, mention.end)
            ):
                start = index - 2  # "Low-fare Airlines Association"
                continue
            if token.lower_ in ("and", "&") and index >= 1 and _joins_the_name(
                doc, index - 1, start, mention.end
            ) and doc[index - 1].dep_ != "conj" and any(
                c.dep_ == "conj" and start <= c.i < mention.end for c in doc[index - 1].children
            ):
                start = index - 1  # "Judicial and Prosecutorial Council"
                continue
            if _joins_the_name(doc, index, start, mention.end):
                start = index
                continue
            break
        if start < mention.start:
            grown.append(Mention(start, mention.end, "organisation"))
    if not grown:
        return mentions
    return _without_overlaps(mentions, _merge_same(grown))


def bodies_named_of_a_place(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Friends of the Earth": a plural name, "of the" and a place is a body's name."""
    found = []
    for mention in mentions:
        if mention.kind != "place":
            continue
        index = mention.start - 1
        if index >= 0 and doc[index].lower_ == "the":
            index -= 1
        if index < 1 or doc[index].lower_ != "of":
            continue
        before = doc[index - 1]
        if (
            before.is_title and before.tag_ in ("NNS", "NNPS") and before.lower_ not in DEMONYMS
            and lookup(doc[mention.start : mention.end].text) is None
        ):
            found.append(Mention(index - 1, mention.end, "organisation"))
    return _without_overlaps(mentions, found) if found else mentions


def _a_list_of_names_follows(doc: Doc, index: int) -> bool:
    """Capitalised words then "and" within three tokens: the rest of a list in a name."""
    for token in doc[index : index + 4]:
        if token.lower_ == "and":
            return True
        if not token.is_title:
            return False
    return False


def institution_names(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Department for Work and Pensions", "Department for Media, Culture and Sport",
    "Royal College of Emergency Medicine": an institution word, "of"/"for" and a run of
    capitalised words (joined by commas and "and") is one organisation, whatever the model
    made of the pieces."""
    found: list[Mention] = []
    index = 0
    while index < len(doc) - 2:
        token = doc[index]
        if not (token.is_title and token.lower_ in INSTITUTION_WORDS
                and doc[index + 1].lower_ in ("of", "for")):
            index += 1
            continue
        end = index + 2
        if end < len(doc) and doc[end].lower_ == "the":
            end += 1
        last = None
        while end < len(doc):
            current = doc[end]
            if current.is_title or current.is_upper and current.is_alpha:
                end += 1
                last = end
            elif current.text in ("and", "&") and end + 1 < len(doc) and doc[end + 1].is_title:
                end += 1
            elif current.text == "," and _a_list_of_names_follows(doc, end + 1):
                end += 1  # "Media, Culture and Sport"
            elif current.lower_ in ("of", "for") and end + 2 < len(doc) and (
                doc[end + 1].is_title or doc[end + 1].lower_ == "the" and doc[end + 2].is_title
            ):
                end += 2 if doc[end + 1].lower_ == "the" else 1  # "... for the Exploration of the Sea"
            else:
                break
        if last is None:
            index += 1
            continue
        start = index
        while start > 0 and _joins_the_name(doc, start - 1, start, last):
            start -= 1
        candidate = Mention(start, last, "organisation")
        if not any(m.start <= start and last <= m.end and m.end - m.start > last - start
                   for m in mentions):
            found.append(candidate)  # a longer name the model found stays whole
        index = last
    return _without_overlaps(mentions, found) if found else mentions


@lru_cache(maxsize=4)
def _body_matcher(vocab: Vocab) -> PhraseMatcher:
    matcher = PhraseMatcher(vocab)
    names = [n.title() for n in PARTIES | KNOWN_BODIES if len(n) > 3] + [
        n.upper() for n in KNOWN_BODIES | {"snp", "dup", "ukip"} if len(n) <= 4
    ]
    matcher.add("BODY", [Doc(vocab, words=n.split()) for n in names])
    return matcher


def untagged_bodies(doc: Doc, body_start: int, mentions: list[Mention]) -> list[Mention]:
    """Parties and bodies the model did not tag at all ("Plaid Cymru's spokesman")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    found = [
        Mention(start, end, "organisation")
        for _, start, end in _body_matcher(doc.vocab)(doc)
        if doc[start].idx >= body_start and not taken & set(range(start, end))
        and not (doc[start].is_sent_start and end < len(doc) and doc[end].pos_ == "NOUN")
    ]  # "Labour costs rose": a common word that opens a sentence
    return sorted(mentions + _merge_same(found), key=lambda m: (m.start, m.end)) if found else mentions


def split_place_prefixes(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Stevenage Labour Party", "London UKIP": a town and the local branch of a party or
    body named by its initials; the town is a place, the rest the organisation."""
    found: list[Mention] = []
    for mention in mentions:
        if mention.kind != "organisation" or mention.end - mention.start < 2:
            continue
        first = doc[mention.start]
        rest = doc[mention.start + 1 : mention.end]
        info = lookup(first.text) if first.is_title else None
        if info is None or info.kind not in ("city", "town", "county") or (
            doc[mention.start : mention.end].text.lower() in PARTIES
        ):
            continue
        if rest.text.lower() in PARTIES or (len(rest) == 1 and rest[0].is_upper and len(rest[0]) > 1):
            found += [Mention(mention.start, mention.start + 1, "place"),
                      Mention(mention.start + 1, mention.end, "organisation")]
    return _without_overlaps(mentions, found) if found else mentions


def untagged_places(doc: Doc, body_start: int, mentions: list[Mention]) -> list[Mention]:
    """Countries, regions and waters the model missed ("cross the Channel"), and towns listed
    with a place it found ("Devon and Cornwall")."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    place_tokens = {i for m in mentions if m.kind == "place" for i in range(m.start, m.end)}
    found: list[Mention] = []
    index = 0
    while index < len(doc):
        token = doc[index]
        if token.idx < body_start or index in taken or token.pos_ != "PROPN" or not token.is_title:
            index += 1
            continue
        match = _longest_place_at(doc, index, taken, place_tokens)
        if match is None:
            index += 1
            continue
        found.append(Mention(index, match, "place"))
        index = match
    return _without_overlaps(mentions, found) if found else mentions


def _longest_place_at(doc: Doc, start: int, taken: set[int], place_tokens: set[int]) -> int | None:
    previous = doc[start - 1] if start > 0 else None
    if (
        previous is not None and previous.pos_ == "PROPN" and previous.is_title
        and not previous.is_sent_start
    ):
        return None  # the tail of a longer proper name
    for end in range(min(len(doc), start + 4), start, -1):
        if any(i in taken for i in range(start, end)):
            continue
        last = doc[end - 1]
        if last.pos_ != "PROPN":
            continue
        following = doc[end] if end < len(doc) else None
        if following is not None and (
            following.like_num or (following.pos_ == "PROPN" and following.is_title)
        ):
            continue  # "Channel 4", "Channel Tunnel": another name
        info = lookup(_text(doc, start, end))
        if info is None:
            continue
        if info.kind in ("country", "region", "state", "body_of_water"):
            return end
        root = doc[start:end].root
        if doc[start].ent_type_ in ("", "GPE", "LOC", "FAC") and _in_a_place_context(
            doc, Mention(start, end, "place")
        ):
            return end  # "the Archbishop of Cardiff", "Malcolm Shipley, of Shipley"
        if root.dep_ == "conj" and root.head.i in place_tokens:
            return end
    return None


def _after_place_preposition(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPOSITIONS


def _of_an_office_holder(token: Token) -> bool:
    """ "the chief executive of Oxfam": what follows a role's "of" is an organisation."""
    return (
        token.dep_ == "pobj" and token.head.lower_ == "of"
        and token.head.head.lower_ in people.ROLE_NOUNS
    )


def _appositive_nouns(token: Token) -> list[Token]:
    """Nouns in apposition with ``token``, on either side ("Unison, the union"; "the
    minister, Sadie Orme")."""
    nouns = [c for c in token.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
    if token.dep_ == "appos" and token.head.pos_ == "NOUN":
        nouns.append(token.head)
    return nouns


def _kind_of(doc: Doc, mention: Mention) -> MentionKind | None:
    """The kind the words show, or None when the mention names no one (a role, a demonym)."""
    span = doc[mention.start : mention.end]
    words = people.name_words(span)
    if not words:
        return None
    text = span.text
    place = lookup(text)
    kind = mention.kind
    appositives = {t.lower_ for t in _appositive_nouns(span.root)}
    if kind in ("organisation", "place") and people.is_portfolio_word(span):
        return None  # "Home" of "Home Secretary"
    lowered = [w.lower_ for w in words]
    if kind != "place" and (
        all(w in DEMONYMS for w in lowered) or (kind == "person" and _is_plural_word(words))
    ):
        return None  # "Welsh", "Britons", "Children": a people or a common noun, not a name
    if kind != "place" and _is_an_eponym(doc, mention):
        return None  # "the Barnett formula", "the Dayton peace agreement"
    if kind != "place" and _names_a_work(doc, mention, words):
        return None  # "the Newsnight programme": a programme is neither a person nor a body
    if kind == "organisation" and (
        text.lower() in NOT_BODIES or lowered[-1] in NOT_BODY_ENDINGS
    ):
        return None  # "VAT", "National Insurance", "Energy Profits Levy", "Commonwealth Games"
    if kind == "person" and len(words) == 1 and _tail_of_a_name(doc, mention):
        return None  # "Bill" of "the Finance Bill"
    if kind == "organisation" and len(words) == 1 and _a_capitalised_common_word(words[0]):
        return None  # "Tech sector in Manchester" opening a live-blog entry
    if kind == "organisation" and place is None and _names_a_building_or_area(words):
        return "place"  # "outside the Corn Exchange", "the South of England"
    if kind != "place" and _names_a_portfolio(doc, mention, words):
        return None  # "the Trade and Industry Secretary", "Children's Minister"
    if kind == "organisation" and all(
        w in NOT_NAMES or w in TIME_ZONES or w.rstrip("s") in people.ROLE_NOUNS for w in lowered
    ):
        return None  # "MPs", "GMT", "the Trade and Industry Secretary"
    if kind == "place" and words[-1].tag_ == "JJ" and place is None:
        return None  # "European": a demonym, not a place
    if kind == "person" and (people.is_only_a_title(words) or not words[0].text[:1].isupper()):
        return None  # "the First Minister": a role, named elsewhere if at all; "café"
    if _is_a_party_adjective(doc, mention):
        return None  # "Lib Dem home affairs spokesman", "The Liberal Democrat leader"
    if text.lower() in PARTIES or text.lower() in KNOWN_BODIES:
        return "organisation"  # "Labour", "the EU", whatever the model thought
    if kind == "place" and place is None and len(words) == 1 and any(c.isdigit() for c in text):
        return "organisation"  # "G7", "G20"
    if kind != "organisation" and _named_as_a_company(doc, mention, words):
        return "organisation"  # "oil firm Yukos", "Delta Airlines", "Manchester United"
    if kind == "person" and len(words) == 1 and mention.start > 0 and (
        doc[mention.start - 1].lower_ == "the"
    ):
        return None  # "the Bill", "the Executive": people are not "the Smith"
    if kind == "organisation" and people.looks_like_person(_without_post_nominals(words)):
        return "person"  # "Guy Mansfield QC"
    if kind != "person" and people.looks_like_person(words):
        return "person"
    if kind == "organisation" and appositives & people.ROLE_NOUNS and len(words) in (2, 3) and all(
        t.is_title for t in words
    ) and not people.has_organisation_word(words):
        return "person"  # "The environment minister, Sadie Orme, said"
    if kind == "place" and place is None and _of_an_office_holder(span.root):
        return "organisation"  # "the chief executive of Oxfam"
    if kind == "person" and (
        people.has_organisation_word(words) or appositives & people.ORGANISATION_NOUNS
    ):
        return "organisation"  # "Unison, the union that represents nurses"
    if kind == "place" and place is None and (
        appositives & people.ORGANISATION_NOUNS
        or span.root.dep_ == "nsubj" and span.root.head.lemma_ in SPEECH_VERBS
    ):
        return "organisation"  # "The regulator, Ofwat, said": unknown places do not speak
    if kind != "place" and place is not None and text.lower() not in PARTIES and not (
        people.has_organisation_word(words)
    ):
        if place.kind in ("country", "state", "county", "region", "body_of_water"):
            return "place"  # "which serves Devon": a county, whatever the model thought
        if _after_place_preposition(span.root) and not is_first_name(words[0].text):
            return "place"  # "flew to Kyiv", "talks ended in Bergen"
        if kind == "organisation" and is_capital(text):
            return "place"  # "Oslo rejected the offer": the capital stands for its government
        if kind == "organisation" and place.kind in ("city", "town", "county", "state") and (
            not _about_sport(span.root.sent) and not _named_as_a_company(doc, mention, words)
            and span.root.dep_ in ("dobj", "pobj", "compound", "amod", "nmod")
        ):
            return "place"  # "jobs leaving Aberdeen", "a London seat"
    if (
        kind == "person" and len(words) == 1 and span.root.dep_ == "pobj"
        and span.root.head.lower_ in LOCATIVE_PREPOSITIONS and not is_first_name(words[0].text)
    ):
        return "place"  # "a new arena in Digbeth": people are not "in" someone
    if (
        kind != "place" and len(words) == 1 and not is_first_name(words[0].text)
        and _in_a_place_context(doc, mention) and lookup_town(text) is not None
    ):
        return "place"  # "Malcolm Shipley, of Shipley"
    if kind == "place" and place is None:
        return _unknown_place_kind(doc, mention, words)
    return kind


def _is_a_party_adjective(doc: Doc, mention: Mention) -> bool:
    """A party's adjective before a role: the person's side, not the party's mention."""
    end = mention.end
    text = doc[mention.start : end].text.lower()
    if end < len(doc) and f"{text} {doc[end].lower_}" in PARTY_ADJECTIVES and doc[end].is_title:
        end += 1  # "Liberal" + "Democrat leader"
        text = doc[mention.start : end].text.lower()
    last = doc[end - 1]
    return text in PARTY_ADJECTIVES and last.dep_ in ("compound", "amod") and (
        last.head.pos_ in ("NOUN", "PROPN") and not last.head.is_title and last.head.i >= end
    )


def _a_capitalised_common_word(token: Token) -> bool:
    """A word capitalised only because it opens a sentence, modifying a common noun."""
    return (
        (token.is_sent_start or token.i > 0 and TIMESTAMP.match(token.nbor(-1).text))
        and token.is_title and token.dep_ in ("compound", "amod")
        and token.head.pos_ == "NOUN" and token.head.text.islower()
        and token.lower_ not in PARTIES and lookup(token.text) is None
    )


def _names_a_building_or_area(words: list[Token]) -> bool:
    """ "the Corn Exchange" after "outside", "the South of England": somewhere, not a body."""
    first, last = words[0], words[-1]
    if len(words) >= 3 and first.lower_ in PLACE_QUALIFIERS and words[1].lower_ == "of" and (
        lookup(last.text) is not None
    ):
        return True
    root = last
    return (
        last.lower_ in BUILDING_WORDS and root.dep_ == "pobj"
        and root.head.lower_ in LOCATIVE_PREPOSITIONS
    )


def _is_an_eponym(doc: Doc, mention: Mention) -> bool:
    """A name used for a thing named after it: "the Attlee government", "the Barnett
    formula", "the 1995 Dayton peace agreement"."""
    following = doc[mention.end : mention.end + 2]
    heads = [t for t in following if t.pos_ == "NOUN" and t.text.islower()]
    return bool(heads) and any(t.lower_ in EPONYM_HEADS for t in heads) and doc[
        mention.end - 1
    ].dep_ in ("compound", "amod", "nmod")


def _names_a_work(doc: Doc, mention: Mention, words: list[Token]) -> bool:
    """The title of a programme, series, film or book: "the Newsnight programme"."""
    last = doc[mention.end - 1]
    after = doc[mention.end] if mention.end < len(doc) else None
    return (
        after is not None and after.lower_ in WORK_HEADS and last.head.i == after.i
        and not any(c.isdigit() for w in words for c in w.text)
        and not (len(words) == 1 and words[0].is_upper)
        and not people.has_organisation_word(words)
    )


def _tail_of_a_name(doc: Doc, mention: Mention) -> bool:
    """A lone word after a capitalised word that is no title or given name: the model cut
    a longer name ("the Finance Bill")."""
    if mention.start == 0:
        return False
    before = doc[mention.start - 1]
    return (
        before.is_title and not before.is_sent_start and before.pos_ in ("PROPN", "NOUN")
        and before.lower_ not in TITLES and before.lower_ not in people.ROLE_NOUNS
        and not is_first_name(before.text) and lookup(before.text) is None
        and before.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP")
    )


def _is_plural_word(words: list[Token]) -> bool:
    """ "Britons", "Osbournes": one plural word names a group, not a person."""
    return len(words) == 1 and words[0].tag_ in ("NNPS", "NNS") and words[0].lower_.endswith("s")


def _names_a_portfolio(doc: Doc, mention: Mention, words: list[Token]) -> bool:
    """ "Trade and Industry" before "Secretary": the name of a minister's brief."""
    end = mention.end
    if end < len(doc) and doc[end].lower_ in POSSESSIVES:
        end += 1
    after = doc[end] if end < len(doc) else None
    return (
        after is not None and after.is_title and after.lower_ in ("secretary", "minister")
        and not people.has_organisation_word(words)
        and not any(w.lower_ in COMPANY_SUFFIXES for w in words)
    )


def _without_post_nominals(words: list[Token]) -> list[Token]:
    while len(words) > 2 and words[-1].lower_.rstrip(".") in POST_NOMINALS:
        words = words[:-1]
    return words


def _named_as_a_company(doc: Doc, mention: Mention, words: list[Token]) -> bool:
    """The words around a name say it is a company or club: a noun just before it ("bookmaker
    William Hill", "producer Endemol"), a company suffix ("Delta Airlines", "Acme plc"), a
    corporate word after its possessive ("Ryanair's shares"), a club suffix after a place in
    a sports story ("Manchester United"), or a team name after a place ("Tampa Bay
    Buccaneers")."""
    lowered = [w.lower_ for w in words]
    first = words[0]
    before = doc[first.i - 1] if first.i > 0 else None
    if (
        before is not None and before.lower_ in COMPANY_NOUNS and before.pos_ == "NOUN"
        and before.text.islower()
    ):
        return True
    if people.looks_like_person(words) or (len(words) == 1 and is_first_name(first.text)):
        return False
    if len(words) > 1 and lowered[-1] in COMPANY_SUFFIXES:
        return True
    if len(words) > 1 and lookup(" ".join(w.text for w in words[:-1])) is not None and (
        (lowered[-1] in SPORT_SUFFIXES and _about_sport(first.sent))
        or (words[-1].tag_ == "NNPS" and lookup(" ".join(w.text for w in words)) is None)
    ):
        return True
    if len(words) == 1:
        end = first.i + 1
        following = doc[end : end + 2]
        if len(following) == 2 and following[0].lower_ in ("'s", "’s") and (
            following[1].lower_ in CORPORATE_WORDS
        ):
            return True
        if len(following) >= 1 and following[0].lower_ in CORPORATE_ROLES:
            return True  # "a Ryanair spokesman", "Ryanair deputy chief executive"
    return False


def _about_sport(sentence: SpacySpan) -> bool:
    return any(t.lemma_.lower() in SPORT_WORDS for t in sentence)


def _in_a_place_context(doc: Doc, mention: Mention) -> bool:
    """The parse uses the name as a place: after "in"/"to"/"from", or "X, of Y" after a
    person or a role, or listed or in apposition with a place."""
    root = doc[mention.start : mention.end].root
    if any(c.tag_ == "PRP$" for c in root.children):
        return False  # "in his World XV": no one owns a place
    if root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS | LOCATIVE_PREPOSITIONS:
        return True
    if root.dep_ == "pobj" and root.head.lower_ == "of" and (
        root.head.head.ent_type_ == "PERSON"
        or root.head.head.lower_ in ("archbishop", "bishop", "dean", "duke", "earl")
    ):
        return True
    near = [root.head] if root.dep_ in ("conj", "appos", "npadvmod") else []
    near += [c for c in root.children if c.dep_ in ("conj", "appos")]
    return any(n.ent_type_ in ("GPE", "LOC") for n in near)


def _unknown_place_kind(doc: Doc, mention: Mention, words: list[Token]) -> MentionKind | None:
    """A name the model calls a place and the gazetteer does not know: a small town when the
    towns list has it, a place when the sentence says so, else a body ("UKIP", "Kazaa")."""
    span = doc[mention.start : mention.end]
    if lookup_town(span.text) is not None or all(w.text.islower() for w in words):
        return "place"  # "Leura", "the east coast"
    if _in_a_place_context(doc, mention) or _names_a_building_or_area(words):
        return "place"
    if people.looks_like_person(words):
        return "person"
    if any(t.ent_type_ == "FAC" for t in words) or any(t.lower_ in STREET_WORDS for t in words):
        return "place"  # "Belmarsh Prison", "Downing Street", "High Street West"
    if span.root.dep_ == "compound" and span.root.head.pos_ == "NOUN" and not span.root.head.is_title:
        return "place"  # "the Sakhalin field": a name used as a place, if one we do not know
    return "organisation"


def _in_a_list_of_places(doc: Doc, mention: Mention, place_tokens: set[int]) -> bool:
    """ "Katoomba, Leura and Blackheath": a name listed with places is a place."""
    root = doc[mention.start : mention.end].root
    neighbours = [root.head] if root.dep_ == "conj" else []
    neighbours += [c for c in root.children if c.dep_ == "conj"]
    return any(n.i in place_tokens for n in neighbours)


def reclassify(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """Fix the kind where the words say otherwise, and drop what names no one."""
    fixed = []
    for mention in mentions:
        kind = _kind_of(doc, mention)
        if kind is not None:
            fixed.append(replace(mention, kind=kind))
    place_tokens = {i for m in fixed if m.kind == "place" for i in range(m.start, m.end)}
    listed = [
        replace(m, kind="place")
        if m.kind != "place" and m.end - m.start == 1 and _in_a_list_of_places(doc, m, place_tokens)
        and not people.looks_like_person(people.name_words(doc[m.start : m.end]))
        else m
        for m in fixed
    ]
    # Once a name is shown to be a place, its other mentions are that place too.
    place_names = {doc[m.start : m.end].text for m in listed if m.kind == "place"}
    placed = [
        replace(m, kind="place")
        if m.kind != "place" and doc[m.start : m.end].text in place_names
        and not people.looks_like_person(people.name_words(doc[m.start : m.end]))
        and (m.kind == "person" or lookup_town(doc[m.start : m.end].text) is not None)
        else m
        for m in listed
    ]
    return _companies_stay_companies(doc, _surnames_are_people(doc, placed))


def _companies_stay_companies(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """A lone word the article shows is a body elsewhere ("Endemol said" after "producer
    Endemol"), or lists with bodies ("eDonkey, Kazaa and Grokster"), is that body."""
    organisation_names = {doc[m.start : m.end].text for m in mentions if m.kind == "organisation"}
    organisation_tokens = {i for m in mentions if m.kind == "organisation"
                           for i in range(m.start, m.end)}

    def is_body(mention: Mention) -> bool:
        text = doc[mention.start : mention.end].text
        if mention.kind == "place" and text in organisation_names:
            return lookup_town(text) is None  # "Shares in Corvane" after "a Corvane spokesman"
        if mention.kind != "person" or mention.end - mention.start != 1:
            return False
        token = doc[mention.start]
        if is_first_name(token.text) or token.lower_ in TITLES:
            return False
        listed = [token.head] if token.dep_ == "conj" else []
        listed += [c for c in token.children if c.dep_ == "conj"]
        return token.text in organisation_names or any(n.i in organisation_tokens for n in listed)

    # "Delta" after "Delta Airlines", "South Vale" after "South Vale Water": the start of a
    # body's name the gazetteer does not know is that body.
    prefixes = {
        " ".join(t.text for t in doc[m.start : m.start + size])
        for m in mentions if m.kind == "organisation"
        for size in range(1, m.end - m.start)
    }

    def is_prefix(mention: Mention) -> bool:
        text = doc[mention.start : mention.end].text
        if mention.kind != "place" or text not in prefixes:
            return False
        info = lookup(text)
        return info is None or (
            info.kind in ("city", "town") and not _in_a_place_context(doc, mention)
        )

    return [
        replace(m, kind="organisation") if is_body(m) or is_prefix(m) else m for m in mentions
    ]


def _surnames_are_people(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Bob Wellington ... Wellington said": a lone word that is the surname of a person the
    article names in full is that person, not the town, unless the sentence puts us in it."""
    surnames = {
        doc[m.end - 1].text for m in mentions
        if m.kind == "person" and m.end - m.start >= 2 and doc[m.end - 1].is_title
    }
    families = {f"{name}s" for name in surnames}
    mentions = [  # "the Osbournes": a family, not a body nor one person
        m for m in mentions
        if not (m.end - m.start == 1 and doc[m.start].text in families)
    ]

    def is_surname(mention: Mention) -> bool:
        if mention.kind == "person" or mention.end - mention.start != 1:
            return False
        if doc[mention.start].text not in surnames:
            return False
        before = doc[mention.start - 1] if mention.start > 0 else None
        if before is not None and before.lower_ in TITLES:
            return True  # "according to Mr Waller"
        root = doc[mention.start]
        return not (root.dep_ == "pobj" and (
            root.head.lower_ in LOCATIVE_PREPOSITIONS
            or root.head.lower_ == "of" and root.head.head.ent_type_ == "PERSON"
        ))  # "Malcolm Shipley, of Shipley"

    return [replace(m, kind="person") if is_surname(m) else m for m in mentions]


def _belongs_to_the_name(token: Token) -> bool:
    """A title or a first name just before a name the model tagged without it."""
    if not token.text[:1].isupper() or token.dep_ != "compound":
        return False
    return (token.lower_ in TITLES and token.lower_ not in people.ROLE_NOUNS) or is_first_name(
        token.text
    )


def include_titles(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Mr Donovan", "Caoimhe Gallagher" when the model tagged only "Donovan", "Gallagher".

    Role titles ("President Biden") stay outside; they become the person's role."""
    taken = {i for m in mentions for i in range(m.start, m.end)}
    widened = []
    for mention in mentions:
        start = mention.start
        while (
            mention.kind == "person" and start > 0 and start - 1 not in taken
            and _belongs_to_the_name(doc[start - 1])
        ):
            start -= 1
        widened.append(replace(mention, start=start))
    return widened


def find_mentions(doc: Doc, body_start: int) -> list[Mention]:
    """Every person, organisation and place mention in the body, repaired, in text order."""
    mentions, groups = from_spacy(doc, body_start)
    mentions = _without_overlaps(mentions, parties(doc, groups))
    mentions = organisations_named_after_countries(doc, mentions)
    mentions = grow_organisation_names(doc, mentions)
    mentions = institution_names(doc, mentions)
    mentions = untagged_bodies(doc, body_start, mentions)
    mentions = split_place_prefixes(doc, mentions)
    mentions = bodies_named_of_a_place(doc, mentions)
    mentions = [m for m in mentions if doc[m.start].idx >= body_start]
    mentions = grow_place_names(doc, mentions)
    mentions = untagged_places(doc, body_start, mentions)
    mentions = drop_credits(doc, mentions)
    return include_titles(doc, reclassify(doc, mentions))

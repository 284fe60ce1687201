"""Who is who: merge names, titles, pronouns and role nouns into referents, in text order.

A small rule-based coreference pass over the parse (coreferee is not
available): names merge by surname, pronouns go to the nearest compatible
referent, role nouns (``the Home Secretary``) to whoever the article tied
the role to, else to the latest subject of the matching kind.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from explorer.analysis.entities.first_names import is_first_name
from explorer.analysis.entities.people import ORGANISATION_WORDS
from explorer.analysis.gazetteer import lookup
from explorer.analysis.lexicons import words
from explorer.analysis.name_gender import gender_of_given_name
from explorer.analysis.names import TITLES, could_be_same_person, normalise, split_title
from explorer.analysis.quotes.cues import unnamed_description
from explorer.analysis.quotes.lexicon import (
    ANONYMOUS_WORDS,
    DOCUMENT_WORDS,
    POSSESSIVE_DETERMINERS,
    ROLE_DETERMINERS,
    ROLE_WORDS_ORGANISATION,
    ROLE_WORDS_PERSON,
    SPOKESPERSON_WORDS,
)

PRONOUNS = {
    "he": "male", "him": "male", "she": "female", "her": "female",
    "they": "plural", "them": "plural", "it": "neuter",
    "his": "male", "its": "neuter", "their": "plural",  # the owner of "his call for ..."
}
INDEFINITE_PRONOUNS = words("indefinite_pronouns")
_WRITER_PRONOUNS = frozenset(["i"])
"""Outside quotation marks, "I" is the one who wrote the piece (an op-ed, a memoir, a diary)."""
WRITER = "the writer"
_ORG_WORDS = ROLE_WORDS_ORGANISATION | ORGANISATION_WORDS | words("speaker_body_words")
_BODY_DESCRIPTIONS = (ROLE_WORDS_ORGANISATION - SPOKESPERSON_WORDS) | words("body_descriptions")
"""Last words of a description that make the one described a body, not a person."""
_SELF_NAMING_BODIES = {"government", "administration", "house", "senate", "congress", "parliament"}
_MINISTRY_WORDS = {"department", "ministry", "office"}
_OFFICE_TITLES = {title for title, gender in TITLES.items() if gender is None} - {
    "dr", "dr.", "prof", "prof.", "professor", "rev", "rev."}
_SENTENCE_WINDOW = 4
_GROUP_MEMBER_WORDS = frozenset(["one", "another"])
_GROUP_PART_WORDS = frozenset(["several", "some", "many", "others", "most"])
"""``Labour MPs are relieved. But several told me ...``: part of a group named just before."""
_POSSESSIVE = re.compile(r"\s*[’']s?$")


@dataclass
class Referent:
    """One real-world source being built up while reading the article."""

    number: int
    kind: str = "unknown"
    gender: str | None = None
    role: str | None = None
    names: list[str] = field(default_factory=list)
    aliases: list[str] = field(default_factory=list)
    mentions: list[tuple[int, int]] = field(default_factory=list)
    last_seen: int = 0
    kinds: set[str] = field(default_factory=set)
    """What the article calls this body in apposition: ``The regulator, Ofwat`` -> regulator."""
    represents: str | None = None
    """The body a spokesperson or a document speaks for, as the article names it."""
    office: str | None = None
    """The office title a name came with (``rep``): a later ``the speaker`` is someone else,
    while ``the representative`` is still this person."""

    @property
    def name(self) -> str:
        if self.names:
            return max(self.names, key=lambda n: (len(n.split()), len(n)))
        if self.unresolved:
            return f"{self.aliases[0].lower()} (unresolved)"
        return self.aliases[0] if self.aliases else "unknown"

    @property
    def unresolved(self) -> bool:
        """Only ever called ``he`` or ``they``: a pronoun is never a speaker's name."""
        return not self.names and bool(self.aliases) and all(a.lower() in PRONOUNS for a in self.aliases)


@dataclass
class Mention:
    """A phrase that may name a source: a name, a pronoun, a role noun or another noun phrase."""

    start: int
    end: int
    text: str
    form: str
    """``name``, ``pronoun``, ``role`` or ``phrase``."""
    head: int
    sentence: int
    kind_hint: str | None = None
    gender: str | None = None
    subject: bool = False
    speaker: bool = False
    body: str | None = None
    """For a spokesperson or a document: the body the phrase itself names (``an M&S spokesman``)."""
    embedded_in: int | None = None
    """The reported words (a draft's number) this mention stands inside: a subject there is
    not the paragraph's topic (``said the bid would let Mr Varden take control``), except
    for a pronoun inside the same words."""
    draft: int | None = None
    """The quote (a draft's number) this mention is the speaker of, if any."""
    referent: Referent | None = None


def _title_gender(doc: Doc, start: int) -> tuple[bool, str | None]:
    """Whether a name at token ``start`` carries a title (Ms, Mr, Sen.), and its gender."""
    for i in (start, start - 1):
        if 0 <= i < len(doc) and doc[i].lower_ in TITLES and doc[i].lower_ not in ROLE_WORDS_PERSON:
            return True, TITLES[doc[i].lower_]
    return False, None


def classify(doc: Doc, start: int, end: int, sentence: int, *, label: str | None = None,
             speaker: bool = False) -> Mention | None:
    """Describe the tokens ``doc[start:end]`` as a mention, or None when they name nobody."""
    span = doc[start:end]
    if not len(span):
        return None
    head = span.root
    text = span.text
    words = [t for t in span if t.lower_ not in ("the", "a", "an") and t.tag_ != "POS"]
    if not words:
        return None
    head_lower = head.lower_
    subject = head.dep_ in ("nsubj", "nsubjpass")
    misread_name = head.text[:1].isupper() and head.lower_ not in PRONOUNS and not head.is_alpha
    if len(span) == 1 and head.lower_ in _GROUP_MEMBER_WORDS | _GROUP_PART_WORDS and subject:
        # "Labour backbenchers welcomed it. One said ...": a member of the group, unnamed
        return Mention(span.start_char, span.end_char, text, "phrase", head.i, sentence,
                       kind_hint="member" if head.lower_ in _GROUP_MEMBER_WORDS else "part",
                       subject=subject, speaker=speaker)
    if head.pos_ in ("PRON", "DET") and len(span) == 1 and not misread_name:
        if head_lower in INDEFINITE_PRONOUNS:
            return Mention(span.start_char, span.end_char, text, "phrase", head.i, sentence,
                           kind_hint="unknown", subject=subject, speaker=speaker)
        if head_lower in _WRITER_PRONOUNS:
            return Mention(span.start_char, span.end_char, text, "writer", head.i, sentence,
                           kind_hint="person", subject=subject, speaker=speaker)
        if head_lower not in PRONOUNS:
            return None
        return Mention(span.start_char, span.end_char, text, "pronoun", head.i, sentence,
                       gender=PRONOUNS[head_lower], subject=subject, speaker=speaker)
    titled, gender = _title_gender(doc, start)
    has_det = doc[start].lower_ in ("the", "a", "an", "this", "that")
    lemma = head.lemma_.lower()
    if span[-1].lemma_.lower() in SPOKESPERSON_WORDS and head.i != span[-1].i:
        head, lemma = span[-1], span[-1].lemma_.lower()  # the parser hung "spokeswoman" on the body
    if head.pos_ == "NOUN" and lemma in ANONYMOUS_WORDS and not titled or unnamed_description(head) \
            and start == head.left_edge.i:
        # "a Treasury source", "senior sources": unnamed, though the body may be named
        return Mention(span.start_char, span.end_char, text, "phrase", head.i, sentence,
                       kind_hint="anonymous", subject=subject, speaker=speaker)
    if head.pos_ == "NOUN" and not titled and (lemma in SPOKESPERSON_WORDS or lemma in DOCUMENT_WORDS
                                               and head.tag_ == "NN" and _document_speaks(head)):
        form = "spokesperson" if lemma in SPOKESPERSON_WORDS else "document"
        gender = {"spokesman": "male", "spokeswoman": "female"}.get(lemma)
        return Mention(span.start_char, span.end_char, text, form, head.i, sentence, kind_hint=form,
                       gender=gender, subject=subject, speaker=speaker, body=_spoken_for(span, head))
    named_body = head.pos_ == "PROPN" and lemma in ROLE_WORDS_ORGANISATION and any(
        t.pos_ == "PROPN" and t.i < head.i for t in span)
    if named_body and label is None:
        label = "ORG"  # "the Child Poverty Action Group": a name, though spaCy missed it
    proper_body = head.pos_ == "PROPN" and label in ("ORG", "NORP") and lemma not in ROLE_WORDS_PERSON
    if (lemma in ROLE_WORDS_PERSON or lemma in ROLE_WORDS_ORGANISATION) and not titled and not proper_body and (
        has_det or head.pos_ == "NOUN" or label is None
    ) and not (label == "PERSON" and head.pos_ == "PROPN" and not has_det):
        kind = "organisation" if lemma in ROLE_WORDS_ORGANISATION - {"spokesman", "spokeswoman", "spokesperson"} else "person"
        if kind == "person" and head.tag_ in ("NNS", "NNPS"):
            kind = "group"  # "Officials", "ministers": several people, not one
        definite = doc[start].lower_ in ("the", "this", "that") or doc[start].tag_ == "PRP$" or (
            len(span) == 1 and head.is_title and lemma in ROLE_WORDS_PERSON  # "Chancellor sits down"
        )
        form = "role" if definite and head.tag_ not in ("NNS", "NNPS") else "phrase"
        return Mention(span.start_char, span.end_char, text, form, head.i, sentence,
                       kind_hint=kind, subject=subject, speaker=speaker)
    if head.pos_ == "PROPN" or label is not None or misread_name:
        inner = _title_inside(list(span))
        if inner is not None:
            words = list(span[inner + 1 :])  # "New Jersey Gov. Chris Christie": Chris Christie
            gender = gender or TITLES[span[inner].lower_]
        kind = _name_kind(words, label, titled or inner is not None, speaker)
        if gender is None and len(words) > 1 and words[0].pos_ == "PROPN" and label != "ORG":
            gender = gender_of_given_name(words[0].text)
        return Mention(span.start_char, span.end_char, text, "name", head.i, sentence,
                       kind_hint=kind, gender=gender, subject=subject, speaker=speaker)
    plural = head.tag_ in ("NNS", "NNPS")
    kind = "anonymous" if lemma in ANONYMOUS_WORDS else "group" if plural else None
    return Mention(span.start_char, span.end_char, text, "phrase", head.i, sentence,
                   kind_hint=kind, subject=subject, speaker=speaker)


def _title_inside(tokens: list[Token]) -> int | None:
    """Where a title sits inside a name, right before the person's own name: in ``New Jersey
    Gov. Chris Christie`` the words before the title describe him and are no given name."""
    for k, token in enumerate(tokens[1:-1], 1):
        if token.lower_ in TITLES and tokens[k + 1].ent_type_ == "PERSON":
            return k
    return None


def _main_subject(head: Token) -> bool:
    return head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ROOT"


_REPLY_VERBS = frozenset(["reply", "respond", "answer", "retort"])


def _replies(head: Token) -> bool:
    """The subject of ``replied``, ``responded``: who answers a question."""
    return head.dep_ == "nsubj" and head.head.lemma_.lower() in _REPLY_VERBS


def _asks(head: Token) -> bool:
    """The subject of an active ``asked`` (or a name apposed to it: ``An MP, X, asked``): who
    puts a question, and so does not answer it."""
    while head.dep_ == "appos":
        head = head.head
    return head.dep_ == "nsubj" and head.head.lemma_.lower() == "ask"


_DETERMINERS = POSSESSIVE_DETERMINERS | {"the", "these", "those"}


def _definite(group: str) -> str:
    """``Labour backbenchers`` -> ``the Labour backbenchers``, as in "one of the ..."."""
    first = group.split()[0].lower() if group.split() else ""
    return group if first in _DETERMINERS or first.endswith(("'s", "’s")) else f"the {group}"


def _name_kind(words: list[Token], label: str | None, titled: bool, speaker: bool) -> str | None:
    """spaCy's label, corrected: a titled name, or a plain name that speaks, is a person."""
    if titled:
        return "person"
    looks_like_org = any(w.lower_ in _ORG_WORDS for w in words) or any(w.is_upper and len(w) > 1 for w in words)
    if label == "ORG" and _a_sector_of_a_place(words):
        return "organisation"
    if label == "PERSON":
        return "person"
    if label == "NORP" or (words[-1].tag_ == "NNPS" and not looks_like_org):
        return "group"
    if label in ("ORG", "GPE") and looks_like_org:
        return "organisation"
    shortest = 2 if label in ("ORG", "GPE", "FAC") else 1
    a_place = len(words) == 1 and lookup(words[0].text) is not None  # "Newcastle said": the club
    if speaker and all(w.is_title for w in words) and shortest <= len(words) <= 3 and not looks_like_org \
            and not a_place:
        return "person"
    if label in ("ORG", "GPE", "FAC"):
        return "organisation"
    return None


def _a_sector_of_a_place(words: list[Token]) -> bool:
    """ "Care England", "Hospitality Ulster", "Scotland Rugby": a country or region with a word
    that is no given name makes a body's name, though it reads like a person's."""
    if len(words) < 2 or is_first_name(words[0].text):
        return False
    return any(
        (info := lookup(w.text)) is not None and info.kind in ("country", "region", "state")
        for w in (words[0], words[-1])
    )


def name_text(mention: Mention, doc: Doc) -> str:
    """The name without its determiner, possessive or title: ``Ms Mahmood`` -> ``Mahmood``."""
    tokens = [t for t in doc.char_span(mention.start, mention.end, alignment_mode="expand")]
    while tokens and (tokens[0].lower_ in ("the", "a", "an") or tokens[0].lower_ in TITLES and len(tokens) > 1):
        tokens = tokens[1:]
    while tokens and tokens[-1].tag_ == "POS":
        tokens.pop()
    inner = _title_inside(tokens)
    if inner is not None:
        tokens = tokens[inner + 1 :]
    if tokens and _ends_sentence_with_stop(tokens[-1]):
        return normalise("".join(t.text_with_ws for t in tokens).rstrip()[:-1])  # "said M&S."
    cut = next((i for i, t in enumerate(tokens)
                if t.lower_ == "of" and i and tokens[i - 1].ent_type_ == "PERSON"), None)
    if cut is not None:
        tokens = tokens[:cut]  # "Dale Pruitt of Texas" is Dale Pruitt, from Texas
    return normalise("".join(t.text_with_ws for t in tokens))


def _ends_sentence_with_stop(token: Token) -> bool:
    """``M&S.`` at the end of a sentence: the tokenizer kept the full stop on the name."""
    doc = token.doc
    last = token.i + 1 >= len(doc) or doc[token.i + 1].is_space or doc[token.i + 1].is_sent_start
    return len(token) > 2 and token.text.endswith(".") and token.text.count(".") == 1 and last \
        and token.lower_ not in ("inc.", "co.", "ltd.", "jr.", "sr.", "corp.", "bros.")


def surface(mention: Mention) -> str:
    """The alias as written, with a sentence-initial ``The`` lowered."""
    text = _POSSESSIVE.sub("", " ".join(mention.text.split()))
    if mention.form in ("role", "phrase") and text.startswith("The "):
        return "the " + text[4:]
    if mention.form == "pronoun":
        return text.capitalize()
    return text


class Resolver:
    """Assigns each mention, in text order, to a new or earlier referent."""

    def __init__(self, doc: Doc, roles: dict[str, int], apposed: dict[int, int] | None = None) -> None:
        self.doc = doc
        self.referents: list[Referent] = []
        self.history: list[Mention] = []
        self.roles = roles
        """Role text (lower case) -> token index of the name the article tied it to."""
        self.apposed = apposed or {}
        """Token of a role noun in apposition with a name -> that name's token."""
        self._by_token: dict[int, Referent] = {}
        self._by_word: dict[str, list[Referent]] = {}
        """Name word (lower case) -> referents whose names hold it: name lookups stay cheap."""
        self._seen = 0
        self._paragraph_starts: list[int] | None = None

    def new(self, kind: str | None) -> Referent:
        referent = Referent(number=len(self.referents) + 1, kind=kind or "unknown")
        self.referents.append(referent)
        return referent

    def resolve(self, mention: Mention, in_quote: bool) -> Referent:
        if mention.form == "name":
            referent = self._by_name(mention)
        elif mention.form == "writer":
            referent = self._writer()
        elif mention.form == "pronoun":
            referent = self._by_pronoun(mention)
        elif mention.form == "role":
            referent = self._by_role(mention)
        elif mention.form in ("spokesperson", "document"):
            referent = self._by_representative(mention)
        else:
            referent = self._by_phrase(mention)
        self._attach(referent, mention)
        if not in_quote:
            self.history.append(mention)
        return referent

    def _writer(self) -> Referent:
        """The one writer of the piece: every narrating "I" is the same person."""
        found = next((r for r in self.referents if WRITER in r.names), None)
        if found is None:
            found = self.new("person")
            found.names.append(WRITER)
        return found

    def _attach(self, referent: Referent, mention: Mention) -> None:
        mention.referent = referent
        referent.mentions.append((mention.start, mention.end))
        alias = surface(mention)
        if alias.lower() not in (a.lower() for a in referent.aliases):
            referent.aliases.append(alias)
        self._seen += 1
        referent.last_seen = self._seen
        if mention.form == "name":
            referent.kinds |= _apposed_nouns(self.doc[mention.head])
            first = mention.text.split()[0].lower()
            if first in _OFFICE_TITLES and referent.office is None:
                referent.office = first.rstrip(".")
            name = name_text(mention, self.doc)
            if name and name not in referent.names:
                referent.names.append(name)
                for word in _name_words(name):
                    self._by_word.setdefault(word, []).append(referent)
        if mention.kind_hint and (referent.kind == "unknown" or mention.kind_hint == "person" and mention.form == "name" and mention.gender):
            referent.kind = mention.kind_hint
        if mention.gender in ("male", "female") and referent.gender is None:
            referent.gender = mention.gender
        self._by_token[mention.head] = referent

    def _compatible(self, referent: Referent, kind: str | None) -> bool:
        if kind is None or referent.kind == "unknown":
            return True
        if kind == referent.kind:
            return True
        return {kind, referent.kind} == {"organisation", "group"}

    def _by_name(self, mention: Mention) -> Referent:
        """The latest compatible referent whose name shares words with this one, else a new one."""
        name = name_text(mention, self.doc)
        candidates = {id(r): r for word in _name_words(name) for r in self._by_word.get(word, ())}
        for referent in sorted(candidates.values(), key=lambda r: -r.last_seen):
            if not self._compatible(referent, mention.kind_hint) and not _surname_of(name, referent):
                continue
            if mention.gender and referent.gender and mention.gender != referent.gender:
                continue
            # a body's short name ("Council") may stand for "Gaming Council", but then
            # "Sports Council" is another body: a body matches on its full name only
            known_names = referent.names if referent.kind == "person" else [referent.name]
            if referent.kind != "person" and _is_bare_body(name) != _is_bare_body(referent.name):
                continue  # "the Government" is not "the Scottish Government"
            if referent.kind != "person" and _country_sets_apart(name, referent.name):
                continue  # "the US Treasury" is not the Treasury a UK article means
            if referent.kind == "person" and _given_names_differ(name, referent.names):
                continue  # "Sharon Osbourne" is not "Ozzy Osbourne", whatever surname they share
            if len(_name_words(name)) > 1 and _a_member_of_the_public(referent, self.doc.text):
                continue  # "David, from Leeds, writes" is not "David Marlow" named later
            if any(_same_name(name, known) for known in known_names):
                return referent
        return self.new(mention.kind_hint)

    def _recent(self, mention: Mention, accept, *, subjects_first: bool = True) -> Referent | None:
        window = []
        for earlier in reversed(self.history):
            if mention.sentence - earlier.sentence > _SENTENCE_WINDOW:
                break
            if earlier.referent is not None:
                window.append(earlier)
        if subjects_first:
            found = [earlier for earlier in window
                     if (earlier.subject or earlier.speaker) and accept(earlier.referent)
                     and not (earlier.embedded_in is not None
                              and earlier.embedded_in not in (mention.embedded_in, mention.draft))]
            here = self._paragraph_start(mention.start)
            if found and found[0].start < here and mention.gender in ("male", "female"):
                # "There was an awkward moment for the minister, X. Asked ..., he said": the
                # person this paragraph names, not the last speaker of an earlier paragraph
                local = next((e for e in window if e.start >= here and e.form == "name"
                              and accept(e.referent)), None)
                if local is not None:
                    return local.referent
            if found:
                # "X was asked why Y had resigned. He replied": in the latest sentence with a
                # subject that fits, the main clause's subject before one in a clause inside it
                latest = [earlier for earlier in found if earlier.sentence == found[0].sentence]
                if _replies(self.doc[mention.head]):
                    # "X asked whether the minister would ... He replied": the one asked replies
                    askers = {id(e.referent) for e in latest if _asks(self.doc[e.head])}
                    asked = next((e for e in window if askers and e.sentence == found[0].sentence
                                  and id(e.referent) not in askers and e.form in ("name", "role")
                                  and accept(e.referent)), None)
                    if asked is not None:
                        return asked.referent
                return next((e.referent for e in latest
                             if e.form in ("name", "pronoun", "role") and _main_subject(self.doc[e.head])),
                            found[0].referent)
        for earlier in window:
            if accept(earlier.referent):
                return earlier.referent
        return None

    def _paragraph_start(self, offset: int) -> int:
        """Where the paragraph holding ``offset`` starts (blank lines part paragraphs when
        the text has any, else line breaks)."""
        if self._paragraph_starts is None:
            text = self.doc.text
            gap = "\n\n" if "\n\n" in text else "\n"
            self._paragraph_starts = [0] + [m.end() - len(gap) + 1 for m in re.finditer(re.escape(gap), text)]
        return self._paragraph_starts[bisect.bisect_right(self._paragraph_starts, offset) - 1]

    def _by_pronoun(self, mention: Mention) -> Referent:
        gender = mention.gender
        if gender in ("male", "female"):
            def accept(r: Referent) -> bool:
                return r.kind in ("person", "spokesperson") and r.gender in (None, gender) or (
                    r.kind == "unknown" and bool(r.names))
        else:
            def accept(r: Referent) -> bool:
                return r.kind in ("organisation", "group") or (gender == "plural" and r.kind == "unknown" and not r.names)
        found = self._recent(mention, accept)
        if found is not None:
            return found
        return self.new("person" if gender in ("male", "female") else "unknown")

    def _by_role(self, mention: Mention) -> Referent:
        key = _role_key(mention.text)
        named = self.apposed.get(mention.head)
        if named is not None and named in self._by_token:
            # "the mayor, Ruth Okafor": the role is hers, whatever she was called before
            referent = self._by_token[named]
            referent.role = self._owned_role(mention) or referent.role
            return referent
        tied = self.roles.get(key)
        if tied is not None and tied in self._by_token:
            referent = self._by_token[tied]
            referent.role = referent.role or _role_text(mention.text)
            return referent
        for referent in self.referents:
            if referent.role and _role_key(referent.role) == key:
                return referent
        if len(key.split()) == 1 and mention.kind_hint == "person":
            # "the commissioner" after "the EU's enlargement commissioner, Katarina Lindqvist"
            holders = [r for r in self.referents if r.role and _role_key(r.role).split()[-1:] == [key]]
            if len(holders) == 1:
                return holders[0]
        kind = mention.kind_hint
        if kind != "person":
            # "the state government" again is the body first called that
            for referent in reversed(self.referents):
                if not referent.names and any(_role_key(a) == key for a in referent.aliases):
                    return referent
        if kind == "person" and mention.embedded_in is not None and not mention.speaker:
            # "One said that the minister had listened": someone spoken about, never introduced
            # as holding the office, is no earlier person who happens to have no role yet
            found = None
        elif kind == "person":
            head = self.doc[mention.head].lower_
            spoken_of = _names_after(self.doc, mention) if mention.speaker else set()
            found = self._recent(mention, lambda r: r.kind == "person" and r.role is None and bool(r.names)
                                 and (r.office is None or head.startswith(r.office))
                                 and not any(_name_words(n)[-1:] and _name_words(n)[-1] in spoken_of
                                             for n in r.names))
        elif _names_its_own_body(self.doc[mention.head]) or _owned_by_a_person(self.doc, mention):
            found = None
        else:
            body = self.doc[mention.head].lower_
            found = self._recent(mention, lambda r: r.kind in ("organisation", "group", "unknown")
                                 and bool(r.names) and not _names_another_body(r, body))
            if found is not None and not _called(found, key):
                # "the company" again is the body the article already called "the company",
                # not a campaign group quoted since
                found = next((r for r in reversed(self.referents) if r.names and _called(r, key)), found)
        if found is not None:
            if kind == "person":
                found.role = _role_text(mention.text)
            return found
        referent = self.new(kind)
        if kind == "person":
            referent.role = _role_text(mention.text)
        return referent

    def _owned_role(self, mention: Mention) -> str:
        """``Its commissioner`` after the Fire Service spoke: commissioner of the Fire Service."""
        role = _role_text(mention.text)
        if mention.text.split()[0].lower() not in ("its", "their"):
            return role
        body = self._sentence_topic(mention)
        if body is None:
            return role
        written = _POSSESSIVE.sub("", " ".join(body.text.split()))
        if written.startswith("The "):
            written = "the " + written[4:]
        return f"{role} of {written}"

    def _sentence_topic(self, mention: Mention) -> Mention | None:
        """The named body the previous sentence is about: its speaker, else its main subject."""
        for earlier in reversed(self.history):
            if mention.sentence - earlier.sentence > 1:
                break
            referent = earlier.referent
            if referent is None or referent.kind not in ("organisation", "group") or not referent.names:
                continue
            head = self.doc[earlier.head]
            if earlier.speaker or head.dep_ == "nsubj" and head.head.dep_ == "ROOT":
                return earlier
        return None

    def _by_representative(self, mention: Mention) -> Referent:
        """A spokesperson or a document: tied to the body it names, else to the body the
        sentences before are about; one speaker per body, apart from the body itself."""
        word = self.doc[mention.head].lower_
        body = mention.body
        if body is None and mention.form == "spokesperson":
            definite = mention.text.split()[0].lower() in ("the", "this", "that")
            if definite:
                found = self._recent(mention, lambda r: r.kind == "spokesperson", subjects_first=False)
                if found is not None:
                    return found
            topic = self._recent(mention, lambda r: r.kind in ("organisation", "group") and bool(r.names))
            body = topic.name if topic is not None else None
        if body is not None:
            for referent in reversed(self.referents):
                if referent.kind == mention.form and referent.represents and \
                        referent.represents.lower() == body.lower() and (
                        mention.form == "spokesperson" or referent.names[0].endswith(word)):
                    return referent
        referent = self.new(mention.form)
        if body is not None:
            referent.represents = body
            referent.names.append(f"{body} {word}" if mention.form == "spokesperson" else _role_text(
                " ".join(mention.text.split())))
        return referent

    def _by_phrase(self, mention: Mention) -> Referent:
        if mention.kind_hint in ("member", "part"):
            referent = self.new("anonymous" if mention.kind_hint == "member" else "group")
            group = self._recent(mention, lambda r: r.kind == "group" and bool(r.names or r.aliases))
            if group is not None:
                referent.names.append(f"{mention.text.lower()} of {_definite(group.name)}")
            return referent
        key = _role_key(mention.text)
        for referent in self.referents:
            if not referent.names and any(_role_key(a) == key for a in referent.aliases):
                return referent
        return self.new(mention.kind_hint)

    def tie_role(self, referent: Referent, role: str) -> None:
        referent.role = referent.role or role
        # the head of the description: "leader of Thurrock Council" is a leader
        described_as = (role.lower().split(" of ")[0].split() or [""])[-1]
        if referent.kind in ("person", "unknown") and referent.gender is None and (
            described_as in _BODY_DESCRIPTIONS
        ):
            referent.kind = "organisation"  # "the housing charity Shelter" is no person


def _spoken_for(span, head: Token) -> str | None:
    """The body a spokesperson or document phrase names: ``a spokesman for the union``,
    ``an M&S spokesman``, ``Big Brother's spokeswoman``, ``a statement from the firm``."""
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ("for", "of", "at", "from", "by"):
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                owner = objects[0]
                end = owner.i + 1
                for right in owner.rights:  # "the Association of Payment Services", not what follows
                    if right.i == end and (right.dep_ in ("flat", "compound")
                                           or right.dep_ == "prep" and right.lower_ == "of"):
                        end = right.right_edge.i + 1
                return _body_words(list(span.doc[owner.left_edge.i : end]))
    before = [t for t in span if t.i < head.i and t.lower_ not in ROLE_DETERMINERS
              and t.lower_ not in ("senior", "official", "chief", "press", "deputy")]
    if before and any(t.pos_ == "PROPN" or t.ent_type_ in ("ORG", "NORP", "GPE") for t in before):
        return _body_words(before)
    return None


def _body_words(tokens: list[Token]) -> str | None:
    while tokens and (tokens[0].lower_ in ROLE_DETERMINERS or tokens[0].is_punct):
        tokens = tokens[1:]
    while tokens and (tokens[-1].tag_ == "POS" or tokens[-1].is_punct):
        tokens = tokens[:-1]
    if not tokens or tokens[0].lower_ in POSSESSIVE_DETERMINERS:
        return None
    return _POSSESSIVE.sub("", "".join(t.text_with_ws for t in tokens).strip()) or None


def _document_speaks(head: Token) -> bool:
    """``a statement said``, ``the report found``: the document is the subject of a speech verb."""
    return head.dep_ in ("nsubj", "nsubjpass") or head.dep_ == "pobj" and head.head.lower_ == "to"


def _names_its_own_body(head: Token) -> bool:
    """``the state government``: a government is no other body, so it never stands for
    the organisation that spoke last, unlike ``the department`` or ``the company``."""
    return head.lemma_.lower() in _SELF_NAMING_BODIES


def _is_bare_body(name: str) -> bool:
    """``Government`` or ``House`` alone: the body the article is written from, unqualified."""
    return set(_name_words(name)) <= _SELF_NAMING_BODIES


def _country_sets_apart(name: str, other: str) -> bool:
    """One name is the other with a country before it: ``US Treasury`` and ``Treasury``."""
    shorter, longer = sorted((_name_words(name), _name_words(other)), key=len)
    extra = len(longer) - len(shorter)
    if not shorter or not extra or longer[extra:] != shorter:
        return False
    places = (lookup(word) for word in longer[:extra])
    return any(place is not None and place.kind == "country" for place in places)


def _owned_by_a_person(doc: Doc, mention: Mention) -> bool:
    """``his office``: the body of whoever ``his`` is, not the organisation that spoke last."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].lower_ in ("his", "her")


def _names_after(doc: Doc, mention: Mention) -> set[str]:
    """The subject named in a speaker's own reported clause: ``the minister said Mr Petrovsky
    had never applied`` is not about the minister, so the minister is not Mr Petrovsky."""
    head = doc[mention.head]
    if head.dep_ != "nsubj":
        return set()
    clauses = [c for c in head.head.children if c.dep_ == "ccomp" and c.i > head.i]
    clauses += [c for clause in clauses for c in clause.children if c.dep_ in ("ccomp", "conj", "advcl")]
    return {t.lower_ for clause in clauses for t in clause.children
            if t.dep_ in ("nsubj", "nsubjpass") and t.ent_type_ == "PERSON" and t.pos_ == "PROPN"}


def _called(referent: Referent, key: str) -> bool:
    return any(_role_key(a) == key for a in referent.aliases)


def _names_another_body(referent: Referent, body: str) -> bool:
    """``the committee`` is not ``the White House``: the name says what kind of body it is."""
    words = {w.lower() for w in referent.name.split()} | referent.kinds
    kinds = (words & _ORG_WORDS) | referent.kinds
    if body in _MINISTRY_WORDS and kinds <= _MINISTRY_WORDS:
        return False  # "the Home Office ... the department"
    return bool(kinds) and body not in words


def _apposed_nouns(name: Token) -> set[str]:
    """Common nouns in apposition with a name: ``the regulator`` in ``The regulator, Ofwat``."""
    pairs = [name.head] if name.dep_ == "appos" else []
    pairs += [c for c in name.children if c.dep_ == "appos"]
    return {t.lemma_.lower() for t in pairs
            if t.pos_ == "NOUN" and t.lemma_.lower() not in ROLE_WORDS_PERSON}


def _same_name(short: str, full: str) -> bool:
    if not short or not full:
        return False
    return could_be_same_person(short, full) or could_be_same_person(full, short)


def _surname_of(name: str, referent: Referent) -> bool:
    """A lone word that is a known person's surname names that person, whatever label the
    tagger gave it (``Campese`` read as a nationality)."""
    words = _name_words(name)
    return referent.kind == "person" and len(words) == 1 and any(
        len(known) > 1 and known[-1] == words[0] for known in map(_name_words, referent.names))


def _given_names_differ(name: str, known_names: list[str]) -> bool:
    """Both forms carry a first name and the first names disagree (an initial agrees
    with the name it starts): two people who share a surname, never one."""
    words = _name_words(name)
    if len(words) < 2:
        return False
    for known in known_names:
        known_words = _name_words(known)
        if len(known_words) < 2 or known_words[-1] != words[-1]:
            continue
        first, other = words[0].rstrip("."), known_words[0].rstrip(".")
        if first != other and not (len(first) == 1 and other.startswith(first)) and not (
            len(other) == 1 and first.startswith(other)
        ):
            return True
    return False


_FROM_A_PLACE = re.compile(r",\s+(?:\d{1,3},\s+)?(?:from|in)\s+[A-Z]")
"""What follows a reader's or a passer-by's first name: ``, from Leeds,``, ``, 34, from Hull``."""


def _a_member_of_the_public(referent: Referent, text: str) -> bool:
    """Known only by a first name and where they are from (``David, from Leeds, writes``): a
    reader or a vox pop, not the David named in full elsewhere. A first name alone is not
    enough: ``his wife Sharon`` is the ``Sharon Osbourne`` of the next paragraph."""
    names = referent.names
    if not names or not referent.mentions or not all(len(n.split()) == 1 and is_first_name(n) for n in names):
        return False
    return _FROM_A_PLACE.match(text, referent.mentions[0][1]) is not None


def _name_words(name: str) -> list[str]:
    return split_title(name)[1].lower().split()


def _role_key(text: str) -> str:
    words = [w for w in text.lower().split() if w not in ROLE_DETERMINERS]
    return " ".join(words)


def _role_text(text: str) -> str:
    """The role without its determiner: ``Its commissioner`` -> ``commissioner``."""
    words = text.split()
    while words and words[0].lower() in ROLE_DETERMINERS:
        words = words[1:]
    return " ".join(words)

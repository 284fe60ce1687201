"""What the attribution rules read and write: the parse with fast lookups, and draft quotes.

Every rule returns ``Draft`` quotes whose speaker is still a token range (the
mention in the text); ``coref`` later decides which real-world source that
mention stands for.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from explorer.analysis.quotes.marks import Passage
from explorer.analysis.token_range import TokenRange


@dataclass
class Draft:
    """A quote found by a rule, before its speaker is resolved."""

    kind: str
    parts: list[tuple[int, int]]
    """Character ranges of the quote's parts."""
    rule: str
    cue: tuple[int, int] | None = None
    """Character range of the cue."""
    speaker: TokenRange | None = None
    """Token range of the speaker mention."""
    role: str | None = None
    """A role the attribution itself gives (``Chris Philp, the shadow home secretary``)."""
    pointer: tuple[int, int] | None = None
    """Characters of a relative ``who`` that the text uses for the speaker, shown as the mention."""
    used_verbs: set[int] = field(default_factory=set)

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class Reader:
    """The parse plus fast lookups from character offsets to tokens, lines and sentences."""

    def __init__(self, doc: Doc, lines: list[tuple[int, int]]) -> None:
        self.doc = doc
        self.text = doc.text
        self._token_starts = doc.to_array("IDX").tolist()
        self.deps = doc.to_array("DEP").tolist()
        """Dependency label ids by token, to scan a long article without building Token objects."""
        self.sentences = list(doc.sents)
        self._sentence_starts = [s.start for s in self.sentences]
        self.lines = lines
        self._line_starts = [s for s, _ in lines]
        self._narrative: list[int] | None = None
        self.quoted = bytearray(len(doc))
        """1 for tokens inside a direct quote passage (speech, not attribution)."""
        self.marked = bytearray(len(doc))
        """1 for tokens inside any quotation marks, speech or a name: none of them is a speaker."""

    def tokens_with_dep(self, *labels: str) -> list[Token]:
        """Tokens outside quotes whose dependency label is one of ``labels``."""
        strings = self.doc.vocab.strings
        wanted = {strings[label] for label in labels}
        return [self.doc[i] for i, dep in enumerate(self.deps) if dep in wanted and not self.quoted[i]]

    def token_at(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._token_starts, offset) - 1)

    def sentence_index(self, token: int) -> int:
        return bisect.bisect_right(self._sentence_starts, token) - 1

    def narrative_index(self, token: int) -> int:
        """The sentence's number counting only sentences with narration in them: a
        three-paragraph quote does not push its speaker out of a pronoun's reach."""
        if self._narrative is None:
            counts, seen = [], 0
            for sentence in self.sentences:
                counts.append(seen)
                if any(not self.quoted[t.i] and t.is_alpha for t in sentence):
                    seen += 1
            self._narrative = counts
        return self._narrative[self.sentence_index(token)]

    def sentence_of(self, token: int) -> SpacySpan:
        return self.sentences[self.sentence_index(token)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset) - 1

    def mark_quoted(self, passage: Passage) -> None:
        for i in self._tokens_of(passage):
            self.quoted[i] = self.marked[i] = 1

    def mark_name(self, passage: Passage) -> None:
        """Quotation marks around a name, not speech (``“Ely and Friends”``)."""
        for i in self._tokens_of(passage):
            self.marked[i] = 1

    def _tokens_of(self, passage: Passage) -> range:
        return range(self.token_at(passage.start), self.token_at(passage.end - 1) + 1)

    def reported_kind(self, *pieces: tuple[int, int]) -> str:
        """``mixed`` when reported words hold quoted ones (token ranges ``pieces``), else ``indirect``."""
        return "mixed" if any(self.quoted[i] for start, end in pieces for i in range(start, end)) else "indirect"

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """Character span of tokens ``[start, end)``."""
        chars = TokenRange(start, end).to_chars(self.doc)
        return chars.start, chars.end

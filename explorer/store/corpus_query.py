"""What a corpus search asks for: the FTS5 query, the filters, and the words around a hit.

A user types FTS5 syntax (``"exact phrase"``, ``prefix*``, ``AND``/``OR``/``NOT``,
parentheses); every bare word is quoted before it reaches SQLite, so
punctuation in a word (``£1.2bn``, ``co-operate``, ``a:b``) is searched as
text and never read as a column filter or a syntax error. Filters can be
written in the same box as ``field:value`` (``since:2024-01-01 kind:person``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace

from explorer.model import Span

SNIPPET_CONTEXT = 40
"""Characters of context on each side of a hit, widened to whole words."""
MARK_OPEN, MARK_CLOSE = "\ue000", "\ue001"
"""Private-use characters FTS5 ``highlight()`` puts around each match; never in indexed text."""

SPEAKER_KINDS = ("person", "organisation", "group", "spokesperson", "document", "anonymous",
                 "unresolved", "unknown")
QUOTE_KINDS = ("direct", "indirect", "mixed")


class QueryError(ValueError):
    """A search the index cannot run; the message says why, in one line."""


@dataclass(frozen=True, slots=True)
class Filters:
    """What a researcher narrows a corpus to. Dates compare as ISO text, ``until`` inclusive."""

    since: str | None = None
    until: str | None = None
    source: str | None = None
    """Part of the outlet name, any case (``guardian`` matches ``The Guardian``)."""
    speaker: str | None = None
    """A speaker's name as the corpus lists it (case and spacing do not matter)."""
    speaker_kind: str | None = None
    quote_kind: str | None = None

    @property
    def about_quotes(self) -> bool:
        """Filters that only make sense per quote: a search then looks in quote text."""
        return bool(self.speaker or self.speaker_kind or self.quote_kind)

    def __bool__(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def validated(self) -> Filters:
        """These filters, or QueryError naming the bad value."""
        if self.speaker_kind and self.speaker_kind not in SPEAKER_KINDS:
            raise QueryError(f"unknown speaker kind {self.speaker_kind!r}; "
                             f"one of: {', '.join(SPEAKER_KINDS)}")
        if self.quote_kind and self.quote_kind not in QUOTE_KINDS:
            raise QueryError(f"unknown quote kind {self.quote_kind!r}; one of: {', '.join(QUOTE_KINDS)}")
        for name in ("since", "until"):
            value = getattr(self, name)
            if value and not re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", value):
                raise QueryError(f"{name} must be a date like 2024-05-31, not {value!r}")
        return self


FIELD_NAMES = {
    "since": "since", "from": "since", "until": "until", "to": "until",
    "source": "source", "outlet": "source", "speaker": "speaker", "by": "speaker",
    "kind": "speaker_kind", "quote": "quote_kind",
}


def split_filters(text: str, base: Filters | None = None) -> tuple[str, Filters]:
    """``text`` without its ``field:value`` words, and ``base`` with those fields set.

    ``speaker:"Lena Park"`` takes a quoted value. Unknown fields stay in the query.
    """
    changes: dict[str, str] = {}
    pattern = re.compile(r'(?<!\S)(\w+):("([^"]*)"|\S+)')

    def take(match: re.Match[str]) -> str:
        field = FIELD_NAMES.get(match.group(1).lower())
        if field is None:
            return match.group(0)
        value = match.group(3) if match.group(3) is not None else match.group(2)
        changes[field] = value.strip()
        return " "

    query = pattern.sub(take, text)
    return " ".join(query.split()), replace(base or Filters(), **changes).validated()


_OPERATORS = {"AND", "OR", "NOT"}
_TOKEN = re.compile(r'"(?:[^"]|"")*"?\*?|\(|\)|[^\s()"]+')


def fts_query(text: str) -> str | None:
    """The user's query as safe FTS5 syntax, or None when it has no searchable word.

    Phrases and ``*`` prefixes and the operators pass through; each bare word
    becomes a quoted string. Raises QueryError for what FTS5 cannot run.
    """
    parts: list[str] = []
    for token in _TOKEN.findall(text):
        if token in ("(", ")") or token in _OPERATORS:
            parts.append(token)
            continue
        prefix = token.endswith("*")
        body = token[:-1] if prefix else token
        if body.startswith('"'):
            body = body[1:-1] if len(body) > 1 and body.endswith('"') else body[1:]
            body = body.replace('""', '"')
        if not re.search(r"\w", body):
            continue  # punctuation alone: FTS5 indexes no such token
        parts.append('"' + body.replace('"', '""') + '"' + ("*" if prefix else ""))
    while parts and parts[-1] in _OPERATORS | {"("}:
        parts.pop()
    while parts and parts[0] in _OPERATORS - {"NOT"} | {")"}:
        parts.pop(0)
    if not any(p not in _OPERATORS and p not in ("(", ")") for p in parts):
        return None
    if parts[0] == "NOT":
        raise QueryError("a search cannot start with NOT: say what to find first (harbour NOT port)")
    if parts.count("(") != parts.count(")"):
        raise QueryError("unbalanced parentheses in the search")
    return " ".join(parts)


def marked_spans(highlighted: str) -> tuple[str, tuple[Span, ...]]:
    """The text of an FTS5 ``highlight()`` without its marks, and where the marks were."""
    spans: list[Span] = []
    out: list[str] = []
    length = 0
    start = None
    for piece in re.split(f"([{MARK_OPEN}{MARK_CLOSE}])", highlighted):
        if piece == MARK_OPEN:
            start = length
        elif piece == MARK_CLOSE:
            if start is not None:
                spans.append(Span(start, length))
            start = None
        else:
            out.append(piece)
            length += len(piece)
    return "".join(out), tuple(spans)


def indexable(text: str) -> str:
    """The text as the full-text index stores it: same length, no mark characters."""
    return text.replace(MARK_OPEN, " ").replace(MARK_CLOSE, " ")


@dataclass(frozen=True, slots=True)
class Snippet:
    """The words around a hit on one line, and where the matched words sit in it."""

    text: str
    marks: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class QuoteRef:
    """One quote and where it lives: the article (path, title, date) and the quote id in it."""

    path: str
    title: str
    date: str | None
    quote_id: str
    speaker: str
    kind: str
    text: str
    start: int
    end: int
    confidence: float | None = None
    snippet: Snippet | None = None
    """For a search in quotes: the quote's words with the matches marked."""


def snippet(text: str, span: Span, context: int = SNIPPET_CONTEXT,
            marks: tuple[Span, ...] | None = None) -> Snippet:
    """About ``context`` characters each side of ``span``, cut at word boundaries.

    ``marks`` (default: the span itself) are the matched passages to mark,
    as offsets into ``text``; those inside the window come back relative to it.
    """
    start = max(0, span.start - context)
    end = min(len(text), span.end + context)
    if start > 0:
        space = text.find(" ", start, span.start)
        start = space + 1 if space != -1 else start
    if end < len(text):
        space = text.rfind(" ", span.end, end)
        end = space if space != -1 else end
    while start < span.start and text[start].isspace():
        start += 1
    while end > span.end and text[end - 1].isspace():
        end -= 1
    out: list[str] = ["…"] if text[:start].strip() else []
    shown: list[Span] = []
    length = len(out[0]) if out else 0
    cursor = start
    wanted = sorted(m for m in (marks if marks is not None else (span,))
                    if m.start >= start and m.end <= end)
    for mark in wanted:
        if mark.start < cursor:
            continue
        before = _one_line(text[cursor : mark.start])
        out.append(before)
        length += len(before)
        inside = _one_line(text[mark.start : mark.end])
        shown.append(Span(length, length + len(inside)))
        out.append(inside)
        length += len(inside)
        cursor = mark.end
    out.append(_one_line(text[cursor:end]))
    if text[end:].strip():
        out.append("…")
    return Snippet("".join(out), tuple(shown))


def _one_line(text: str) -> str:
    """Line breaks and runs of spaces as one space; keeps a leading or trailing one."""
    return re.sub(r"\s+", " ", text)


def line_and_column(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of ``offset`` (what an editor's go-to-line wants)."""
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


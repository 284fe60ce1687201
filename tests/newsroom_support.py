"""Hand-made articles and analyses for the newsroom tests (sources, sheets, corrections,
compare, said before): two outlets' versions of one story and an older article.

No tests here. Documents are built by hand so each test controls every speaker,
quote and figure; texts are written for these tests.
"""

from __future__ import annotations

from pathlib import Path

from explorer.model import (
    Article,
    Cue,
    Engine,
    Figure,
    ParsedDocument,
    Quote,
    Span,
    Speaker,
)
from explorer.sources import read_article, read_text_article

ENGINE = Engine(explorer="0.1.0", spacy="fixture", model="hand-made")

QUAY_A = """\
 date 2025-03-02 Harbour council votes to widen the old quay

“We cannot keep turning fishing boats away,” said Maria Quint, the council’s chair. “The quay was built for a smaller fleet.”

Opposition councillor Tom Haddow said the plan ignored the 300 families living along Dock Road.

Professor Lena Odum, a coastal engineer at Kelby University, said the new wall would last fifty years.

Haddow warned: “Residents were not consulted.”
"""

QUAY_B = """\
 date 2025-03-03 Quay plan approved despite anger on Dock Road

“We cannot keep turning fishing boats away,” Ms Quint told the meeting.

Councillor Tom Haddow said 250 families living along Dock Road had been ignored.

“Nobody asked us,” said Pat Ryle, who runs a cafe on the quay.
"""

QUAY_OLD = """\
 date 2024-11-20 Harbour budget under strain

“The harbour needs investment before the winter storms,” said Maria Quint.

Anna Quint, who fishes from the old quay, said the moorings were already too few.
"""


def find(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(needle, start + 1)
    return Span(start, start + len(needle))


def quote(text: str, qid: str, kind: str, parts: list[str], speaker_id: str | None,
          cue: str | tuple[str, int] | None = None, confidence: float | None = None) -> Quote:
    """A quote of the parts as printed; ``cue`` a word, or (word, nth) when it recurs."""
    spans = [find(text, p) for p in parts]
    cue_span = (find(text, cue) if isinstance(cue, str) else find(text, *cue)) if cue else None
    content = " ".join(s.text_of(text).strip("“”\"") for s in spans)
    return Quote(id=qid, kind=kind, start=spans[0].start, end=spans[-1].end,
                 parts=tuple(spans), text=content, speaker_id=speaker_id,
                 cue=(Cue(cue_span.start, cue_span.end, cue_span.text_of(text))
                      if cue_span else None),
                 confidence=confidence)


def speakers_for(quotes: list[Quote], specs: list[tuple]) -> tuple[Speaker, ...]:
    """Speakers from (id, name, kind, role[, aliases]) with their quote ids filled in."""
    made = []
    for spec in specs:
        sid, name, kind, role, *rest = spec
        made.append(Speaker(sid, name, kind, role, tuple(rest[0]) if rest else (),
                            quote_ids=tuple(q.id for q in quotes if q.speaker_id == sid)))
    return tuple(made)


def write_articles(folder: Path) -> dict[str, Path]:
    """The three articles as files in ``folder``; returns them by stem."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for stem, text in (("quay-a", QUAY_A), ("quay-b", QUAY_B), ("quay-old", QUAY_OLD)):
        path = folder / f"{stem}.txt"
        path.write_text(text, encoding="utf-8")
        paths[stem] = path
    return paths


def quay_a(article: Article | None = None) -> ParsedDocument:
    article = article or read_text(QUAY_A, "quay-a.txt")
    t = article.text
    quotes = [
        quote(t, "q1", "direct", ["“We cannot keep turning fishing boats away,”",
                                  "“The quay was built for a smaller fleet.”"], "s1", "said",
              confidence=0.92),
        quote(t, "q2", "indirect", ["the plan ignored the 300 families living along Dock Road"],
              "s2", ("said", 1)),
        quote(t, "q3", "indirect", ["the new wall would last fifty years"], "s3", ("said", 2)),
        quote(t, "q4", "direct", ["“Residents were not consulted.”"], "s2", "warned"),
    ]
    figures = (
        Figure("f1", "300 families", *_se(find(t, "300 families")), "count", 300,
               unit="families", counts="families living along Dock Road", quote_id="q2"),
    )
    return ParsedDocument(
        article=article, engine=ENGINE, quotes=tuple(quotes), figures=figures,
        speakers=speakers_for(quotes, [
            ("s1", "Maria Quint", "person", "the council’s chair", ["Ms Quint"]),
            ("s2", "Tom Haddow", "person", "Opposition councillor", ["Haddow"]),
            ("s3", "Professor Lena Odum", "person", "a coastal engineer at Kelby University"),
        ]),
    )


def quay_b(article: Article | None = None) -> ParsedDocument:
    article = article or read_text(QUAY_B, "quay-b.txt")
    t = article.text
    quotes = [
        quote(t, "q1", "direct", ["“We cannot keep turning fishing boats away,”"], "s1",
              "told"),
        quote(t, "q2", "indirect", ["250 families living along Dock Road had been ignored"], "s2",
              "said"),
        quote(t, "q3", "direct", ["“Nobody asked us,”"], "s3", "said"),
    ]
    figures = (
        Figure("f1", "250 families", *_se(find(t, "250 families")), "count", 250,
               unit="families", counts="families living along Dock Road", quote_id="q2"),
    )
    return ParsedDocument(
        article=article, engine=ENGINE, quotes=tuple(quotes), figures=figures,
        speakers=speakers_for(quotes, [
            ("s1", "Ms Quint", "person", None),
            ("s2", "Tom Haddow", "person", "Councillor"),
            ("s3", "Pat Ryle", "person", "who runs a cafe on the quay"),
        ]),
    )


def quay_old(article: Article | None = None) -> ParsedDocument:
    article = article or read_text(QUAY_OLD, "quay-old.txt")
    t = article.text
    quotes = [
        quote(t, "q1", "direct", ["“The harbour needs investment before the winter storms,”"],
              "s1", "said"),
        quote(t, "q2", "indirect", ["the moorings were already too few"], "s2", "said"),
    ]
    return ParsedDocument(
        article=article, engine=ENGINE, quotes=tuple(quotes),
        speakers=speakers_for(quotes, [
            ("s1", "Maria Quint", "person", None),
            ("s2", "Anna Quint", "person", "who fishes from the old quay"),
        ]),
    )


BUILDERS = {"quay-a": quay_a, "quay-b": quay_b, "quay-old": quay_old}


def read_text(text: str, path: str) -> Article:
    """The article as the plain-text reader makes it, with a path of our choosing."""
    return read_text_article(text, path)


def _se(span: Span) -> tuple[int, int]:
    return span.start, span.end


def newsroom_docs(paths: dict[str, Path]) -> dict[str, ParsedDocument]:
    """The hand-made analyses bound to the articles read from ``paths`` (for FakeService)."""
    return {stem: BUILDERS[stem](read_article(path)) for stem, path in paths.items()}

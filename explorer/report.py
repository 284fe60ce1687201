"""A readable Rich summary of one parsed document, for ``explorer analyze``."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from explorer.model import ParsedDocument
from explorer.safe_text import visible, visible_name


def _cell(value: object, limit: int = 90) -> Text:
    """Article words as a literal cell: never parsed as markup, controls made visible."""
    text = visible("" if value is None else str(value)).replace("\n", " ")
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return Text(text)


def _table(title: str, columns: list[str]) -> Table:
    table = Table(title=title, title_justify="left", expand=True, show_lines=False)
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def summary(doc: ParsedDocument) -> RenderableType:
    """Heading, then one table per kind of item; every article-derived string is a literal cell.

    Kinds come from the model, but a document loaded from JSON may carry anything,
    so they are literal cells too: a plain ``str`` cell would be parsed as markup.
    """
    article = doc.article
    heading = Text()
    heading.append(visible(article.display_title), style="bold")
    details = [v for v in (article.date, article.source, article.byline, article.path) if v]
    if details:
        heading.append("\n" + visible_name(" · ".join(details)), style="dim")

    speakers_by_id = {s.id: s for s in doc.speakers}
    speakers = _table(f"Speakers ({len(doc.speakers)})", ["Name", "Kind", "Role", "Quotes"])
    for s in sorted(doc.speakers, key=lambda s: -len(s.quote_ids)):
        speakers.add_row(_cell(s.name), _cell(s.kind), _cell(s.role or ""), str(len(s.quote_ids)))
    quotes = _table(f"Quotes ({len(doc.quotes)})", ["Speaker", "Kind", "Quote"])
    for q in doc.quotes:
        speaker = speakers_by_id.get(q.speaker_id or "")
        quotes.add_row(_cell(speaker.name if speaker else "?"), _cell(q.kind), _cell(q.text, 120))
    places = _table(f"Places ({len(doc.places)})", ["Place", "Kind", "Mentions"])
    for p in doc.places:
        places.add_row(_cell(p.name), _cell(p.kind), str(len(p.mentions)))
    figures = _table(f"Figures ({len(doc.figures)})", ["Figure", "Kind", "Counts", "Claimed by"])
    quotes_by_id = {q.id: q for q in doc.quotes}
    for f in doc.figures:
        quote = quotes_by_id.get(f.quote_id or "")
        claimant = speakers_by_id.get(quote.speaker_id or "") if quote else None
        figures.add_row(_cell(f.text), _cell(f.kind), _cell(f.counts or ""), _cell(claimant.name if claimant else ""))
    people = _table(f"People ({len(doc.people)})", ["Name", "Role", "Mentions"])
    for p in doc.people:
        people.add_row(_cell(p.name), _cell(p.role or ""), str(len(p.mentions)))
    organisations = _table(f"Organisations ({len(doc.organisations)})", ["Name", "Mentions"])
    for o in doc.organisations:
        organisations.add_row(_cell(o.name), str(len(o.mentions)))
    parts: list[RenderableType] = [heading]
    if doc.error:
        parts.append(Text(f"analysis failed: {visible(doc.error)}", style="bold red"))
    parts += [speakers, quotes, places, figures, people, organisations]
    return Panel(Group(*parts), border_style="blue")

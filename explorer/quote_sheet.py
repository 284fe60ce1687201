"""Quote sheets: every quote of some articles, one row each, as Markdown, CSV or JSON.

The quote is verbatim: its printed parts cut from the article text, quotation
marks and all, joined by " … " when it comes in several parts; nothing is
re-punctuated. Readers' corrections are applied before (the caller's job) and
marked in the ``corrected`` column.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable
from dataclasses import asdict, dataclass, fields
from typing import Literal

from explorer.analysis.person_match import PersonName, is_full_name, same_person
from explorer.model import PART_SEPARATOR, ParsedDocument, Quote
from explorer.model_json import json_text
from explorer.safe_text import visible
from explorer.store.corrections import corrected_quote_notes, describe

SheetFormat = Literal["md", "csv", "json"]
FORMATS: tuple[SheetFormat, ...] = ("md", "csv", "json")
SHEET_SCHEMA = "explorer.quote-sheet/1"
UNATTRIBUTED = "unattributed"


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One quote with who said it and where it was printed."""

    speaker: str
    role: str
    speaker_kind: str
    quote_kind: str
    quote: str
    cue: str
    confidence: float | None
    title: str
    date: str
    path: str
    start: int
    end: int
    quote_id: str
    corrected: str
    """What readers' corrections changed about this quote; empty when nothing."""


COLUMNS = tuple(f.name for f in fields(SheetRow))


def verbatim(doc: ParsedDocument, quote: Quote) -> str:
    """The quote as printed: each part cut from the text, parts joined by " … "."""
    return PART_SEPARATOR.join(part.text_of(doc.text) for part in quote.parts)


def sheet_rows(doc: ParsedDocument, quotes: Iterable[Quote] | None = None) -> list[SheetRow]:
    """The rows of ``doc``'s quotes (or of ``quotes``, some of them), in text order."""
    chosen = doc.quotes if quotes is None else tuple(quotes)
    notes = corrected_quote_notes(doc)
    article = doc.article
    rows = []
    for quote in sorted(chosen, key=lambda q: q.start):
        speaker = doc.item(quote.speaker_id) if quote.speaker_id else None
        rows.append(SheetRow(
            speaker=speaker.name if speaker else UNATTRIBUTED,
            role=(speaker.role or speaker.represents or "") if speaker else "",
            speaker_kind=speaker.kind if speaker else "",
            quote_kind=quote.kind,
            quote=verbatim(doc, quote),
            cue=quote.cue.text if quote.cue else "",
            confidence=quote.confidence,
            title=article.display_title,
            date=article.date or "",
            path=article.path or "",
            start=quote.start,
            end=quote.end,
            quote_id=quote.id,
            corrected="; ".join(describe(note) for note in notes.get(quote.id, ())),
        ))
    return rows


# -- Markdown ------------------------------------------------------------------------------

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|])")


def _md(text: str) -> str:
    """One line of text, safe in Markdown and in a terminal."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", " ".join(visible(text).split()))


def _group_key(row: SheetRow) -> str:
    return " ".join(row.speaker.split()).casefold()


def speaker_groups(rows: list[SheetRow]) -> dict[str, list[SheetRow]]:
    """Rows by speaker; across articles "Ms Quint" joins "Maria Quint" when she is the
    only full name of the sheet it can stand for (``person_match``)."""
    groups: dict[str, list[SheetRow]] = {}
    for row in rows:
        groups.setdefault(_group_key(row), []).append(row)
    people = {key: PersonName(group[0].speaker, kind=group[0].speaker_kind or "unknown")
              for key, group in groups.items() if key != UNATTRIBUTED}
    full = [key for key, person in people.items() if is_full_name(person.name)]
    for key, person in people.items():
        if key in full:
            continue
        matches = [other for other in full if same_person(person, people[other])]
        if len(matches) == 1:
            groups[matches[0]].extend(groups.pop(key))
    return groups


def to_markdown(rows: list[SheetRow]) -> str:
    """Grouped by speaker, most quoted first (the unattributed last), ready to paste."""
    groups = speaker_groups(rows)
    order = sorted(groups, key=lambda k: (k == UNATTRIBUTED, -len(groups[k]), k))
    articles = len({(r.path, r.title) for r in rows})
    counts = " · ".join(f"{n} {word}{'' if n == 1 else 's'}" for n, word in (
        (len(rows), "quote"), (len(groups), "speaker"), (articles, "article")))
    lines = ["# Quote sheet", "", counts, ""]
    for key in order:
        group = groups[key]
        first = group[0]
        heading = f"## {_md(first.speaker)}"
        details = [d for d in (first.role, first.speaker_kind) if d]
        if details:
            heading += f" ({_md(', '.join(details))})"
        lines += [heading, ""]
        for row in sorted(group, key=lambda r: (r.path, r.start)):
            source = [f"*{_md(row.title)}*"]
            if row.date:
                source.append(_md(row.date))
            if row.path:
                source.append(f"{_md(row.path)} {row.start}–{row.end}")
            facts = [row.quote_kind]
            if row.cue:
                facts.append(f"cue “{_md(row.cue)}”")
            if row.confidence is not None:
                facts.append(f"confidence {row.confidence:.2f}")
            lines.append(f"> {_md(row.quote)}")
            lines.append(">")
            lines.append(f"> — {' · '.join(source)} · {' · '.join(facts)}")
            if row.corrected:
                lines.append(f">\n> ✎ corrected: {_md(row.corrected)}")
            lines.append("")
    return "\n".join(lines)


# -- CSV -----------------------------------------------------------------------------------

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell a spreadsheet will not run: leading = + - @ (or tab, CR) get a quote mark.

    OWASP's advice against CSV injection; the apostrophe is what spreadsheets
    themselves use to say "this is text".
    """
    return "'" + cell if cell.startswith(_FORMULA_START) else cell


def to_csv(rows: list[SheetRow]) -> str:
    """RFC 4180 CSV, every text cell quoted and neutralised; the caller adds the BOM."""
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for row in rows:
        cells = []
        for value in asdict(row).values():
            if isinstance(value, str):
                cells.append(neutralise(visible(value).replace(" \n", "\n")))
            else:
                cells.append("" if value is None else value)
        writer.writerow(cells)
    return out.getvalue()


# -- JSON ----------------------------------------------------------------------------------

def to_json(rows: list[SheetRow]) -> str:
    return json_text({"schema": SHEET_SCHEMA, "columns": list(COLUMNS),
                      "quotes": [asdict(row) for row in rows]}, indent=2)


def render(rows: list[SheetRow], sheet_format: SheetFormat) -> str:
    if sheet_format == "md":
        return to_markdown(rows)
    if sheet_format == "csv":
        return to_csv(rows)
    return to_json(rows)


def encoding_for(sheet_format: SheetFormat) -> str:
    """CSV gets a byte-order mark so Excel reads it as UTF-8; the rest plain UTF-8."""
    return "utf-8-sig" if sheet_format == "csv" else "utf-8"


def format_for(path: str | None, default: SheetFormat = "md") -> SheetFormat:
    """The format a file name asks for (``quotes.csv``), else ``default``."""
    if path:
        suffix = path.rsplit(".", 1)[-1].lower() if "." in path else ""
        if suffix in ("md", "markdown"):
            return "md"
        if suffix in ("csv", "json"):
            return suffix  # type: ignore[return-value]
    return default

"""``explorer compare A B [--json]``: two stories side by side.

Voices in both and in only one, quotes that match (allowing small edits) and
figures that disagree, with readers' corrections applied to both analyses.
"""

from __future__ import annotations

import argparse
import sys

from rich import box
from rich.console import Console, Group
from rich.table import Table
from rich.text import Text

from explorer.analysis.compare import Comparison, compare, comparison_json, speaker_label
from explorer.commands.errors import report_error
from explorer.model import Figure
from explorer.safe_text import visible

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _clean(text: str, limit: int | None = None) -> str:
    text = " ".join(visible(text).split())
    if limit and len(text) > limit:
        text = text[: limit - 1] + "…"
    return text


def _figure(figure: Figure) -> Text:
    text = Text(_clean(figure.text), style="bold")
    if figure.counts:
        text.append(f" {_clean(figure.counts, 50)}", style="dim")
    return text


def comparison_report(result: Comparison) -> Group:
    """The comparison for a terminal: Rich text built piecewise from visible names."""
    title_a, title_b = (_clean(d.article.display_title, 60) for d in (result.a, result.b))
    head = Text()
    head.append("A ", style="bold reverse")
    head.append(f" {title_a}\n")
    head.append("B ", style="bold reverse")
    head.append(f" {title_b}")

    voices = Table(title="Voices", title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    voices.add_column("in both")
    voices.add_column("only in A")
    voices.add_column("only in B")
    both = [Text(_clean(p.a.name) if p.a.name == p.b.name
                 else f"{_clean(p.a.name)} = {_clean(p.b.name)}") for p in result.voices_in_both]
    only_a = [Text(_clean(s.name)) for s in result.only_in_a]
    only_b = [Text(_clean(s.name)) for s in result.only_in_b]
    for row in range(max(len(both), len(only_a), len(only_b), 1)):
        voices.add_row(*(column[row] if row < len(column) else Text("—" if row == 0 else "")
                         for column in (both, only_a, only_b)))

    quotes = Table(title=f"Matching quotes ({len(result.matching_quotes)})",
                   title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    quotes.add_column("A", ratio=1)
    quotes.add_column("B", ratio=1)
    quotes.add_column("how", no_wrap=True)
    for pair in result.matching_quotes:
        quotes.add_row(
            Text(f"{_clean(speaker_label(result.a, pair.a))}: {_clean(pair.a.text, 140)}"),
            Text(f"{_clean(speaker_label(result.b, pair.b))}: {_clean(pair.b.text, 140)}"),
            pair.match if pair.match != "small edits" else f"small edits ({pair.similarity:.0%})",
        )

    figures = Table(title=f"Figures that disagree ({len(result.figures_disagree)})",
                    title_justify="left", expand=True, box=box.SIMPLE_HEAD)
    figures.add_column("A", ratio=1)
    figures.add_column("B", ratio=1)
    for pair in result.figures_disagree:
        figures.add_row(_figure(pair.a), _figure(pair.b))
    return Group(head, voices, quotes, figures)


def run_compare(args: argparse.Namespace) -> int:
    from explorer.commands.analyze import model_not_found, read_inputs
    from explorer.commands.export import corrected_documents

    articles, failed = read_inputs(args.paths)
    if failed or len(articles) != 2:
        if not failed:
            report_error("compare takes exactly two articles (two files, not folders)")
        return EXIT_USAGE
    try:
        documents = list(corrected_documents(articles, args))
    except Exception as exc:
        if not model_not_found(exc):
            raise
        report_error(str(exc))
        return EXIT_USAGE if args.model else EXIT_SOME_FAILED
    if any(d.error is not None for d in documents):
        return EXIT_SOME_FAILED
    result = compare(*documents)
    if args.json:
        from explorer.model_json import json_text

        sys.stdout.write(json_text(comparison_json(result), indent=2) + "\n")
    else:
        Console().print(comparison_report(result))
    return EXIT_OK

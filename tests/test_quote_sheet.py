"""Quote sheets: verbatim quotes from their parts, Markdown grouped by speaker, CSV that
spreadsheets open safely, JSON; corrections applied and marked."""

from __future__ import annotations

import csv
import io
import json

from newsroom_support import ENGINE, quay_a, quay_b, quay_old, quote, read_text

from explorer.model import ParsedDocument, Speaker
from explorer.quote_sheet import (
    COLUMNS,
    encoding_for,
    format_for,
    neutralise,
    sheet_rows,
    speaker_groups,
    to_csv,
    to_json,
    to_markdown,
)
from explorer.store import corrections as fixes
from explorer.store.corrections import apply_corrections


def test_the_quote_is_cut_from_the_text_parts_joined_never_repunctuated():
    rows = sheet_rows(quay_a())
    assert rows[0].quote == ("“We cannot keep turning fishing boats away,” … "
                             "“The quay was built for a smaller fleet.”")
    assert (rows[0].speaker, rows[0].role, rows[0].speaker_kind) == (
        "Maria Quint", "the council’s chair", "person")
    assert (rows[0].cue, rows[0].confidence, rows[0].date) == ("said", 0.92, "2025-03-02")
    assert rows[0].title == "Harbour council votes to widen the old quay"
    assert rows[1].confidence is None and rows[1].quote_kind == "indirect"


def test_markdown_groups_quotes_by_speaker_most_quoted_first():
    rows = sheet_rows(quay_a()) + sheet_rows(quay_b())
    sheet = to_markdown(rows)
    headings = [line for line in sheet.splitlines() if line.startswith("## ")]
    assert headings[:2] == ["## Tom Haddow (Opposition councillor, person)",
                            "## Maria Quint (the council’s chair, person)"]
    # quay-b's "Ms Quint" is quay-a's Maria Quint: one group, both her quotes in it
    assert "7 quotes · 4 speakers · 2 articles" in sheet
    maria = sheet.split("## Maria Quint")[1].split("\n## ")[0]
    assert maria.count("> “We cannot keep turning fishing boats away,”") == 2


def test_a_bare_surname_two_people_could_share_keeps_its_own_group():
    rows = sheet_rows(quay_a()) + sheet_rows(quay_b()) + sheet_rows(quay_old())
    groups = speaker_groups(rows)
    assert {"ms quint", "maria quint", "anna quint"} <= set(groups)


def test_markdown_escapes_what_would_change_the_sheet():
    article = read_text("“Vote *now* [here](http://x) # <b>,” said Jo Lark.\n", "x.txt")
    q = quote(article.text, "q1", "direct", ["“Vote *now* [here](http://x) # <b>,”"], "s1")
    doc = ParsedDocument(article=article, engine=ENGINE, quotes=(q,),
                         speakers=(Speaker("s1", "Jo Lark", "person", quote_ids=("q1",)),))
    sheet = to_markdown(sheet_rows(doc))
    assert r"“Vote \*now\* \[here\](http://x) \# \<b\>,”" in sheet


def test_csv_opens_in_a_spreadsheet_as_written_and_runs_no_formulas():
    article = read_text("“=HYPERLINK(\"http://evil\")” and “a, b\nc” said -Lark.\n",
                        "x.txt")
    text = article.text
    q1 = quote(text, "q1", "direct", ["“=HYPERLINK(\"http://evil\")”"], "s1")
    q2 = quote(text, "q2", "direct", ["“a, b\nc”"], "s1")
    doc = ParsedDocument(article=article, engine=ENGINE, quotes=(q1, q2),
                         speakers=(Speaker("s1", "-Lark", "person", role="@home",
                                           quote_ids=("q1", "q2")),))
    data = to_csv(sheet_rows(doc)).encode(encoding_for("csv"))
    assert data.startswith(b"\xef\xbb\xbf")
    table = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert tuple(table[0]) == COLUMNS
    first = dict(zip(COLUMNS, table[1]))
    second = dict(zip(COLUMNS, table[2]))
    assert first["speaker"] == "'-Lark" and first["role"] == "'@home"
    assert first["quote"] == "“=HYPERLINK(\"http://evil\")”"  # starts with “, so left alone
    assert second["quote"] == "“a, b\nc”"
    assert first["start"] == str(q1.start)


def test_neutralise_guards_every_formula_start():
    for cell in ("=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"):
        assert neutralise(cell).startswith("'")
    assert neutralise("“=x”") == "“=x”" and neutralise("") == ""


def test_corrections_are_applied_and_marked_in_every_format():
    doc = quay_a()
    fixed = apply_corrections(doc, [fixes.reassign(doc.item("q2"), "Maria Quint"),
                                    fixes.not_a_quote(doc.item("q3"))])
    rows = sheet_rows(fixed)
    assert [r.quote_id for r in rows] == ["q1", "q2", "q4"]
    corrected = next(r for r in rows if r.quote_id == "q2")
    assert corrected.speaker == "Maria Quint"
    assert corrected.corrected == "speaker: Tom Haddow → Maria Quint"
    assert "✎ corrected: speaker: Tom Haddow → Maria Quint" in to_markdown(rows)
    assert "speaker: Tom Haddow → Maria Quint" in to_csv(rows)
    data = json.loads(to_json(rows))
    assert data["columns"] == list(COLUMNS)
    assert [q["corrected"] for q in data["quotes"]] == ["", corrected.corrected, ""]


def test_format_comes_from_the_file_name():
    assert [format_for(n) for n in ("a.CSV", "b.json", "c.md", "d", None)] == [
        "csv", "json", "md", "md", "md"]

"""The newsroom commands: ``export`` (quote sheets), ``compare`` and ``corrections``, with the
real analysis; input files are never touched, corrections reach every output."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from newsroom_support import write_articles

from explorer.cli import main
from explorer.documents import DocumentService
from explorer.sources import read_article
from explorer.store import corrections as fixes
from explorer.store.correction_files import CorrectionStore


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("EXPLORER_MODEL", raising=False)


@pytest.fixture
def articles(tmp_path) -> dict[str, Path]:
    return write_articles(tmp_path / "articles")


def _snapshot(folder: Path) -> dict[Path, tuple[bytes, int]]:
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def _correct_first_quote(path: Path, name: str) -> str:
    """Reassign the first quote the analysis finds in ``path``; returns its words."""
    document = DocumentService().analyze(read_article(path))
    first = min(document.quotes, key=lambda q: q.start)
    CorrectionStore().add(document.article, fixes.reassign(first, name))
    return first.text


def test_export_each_format_and_leave_the_articles_alone(articles, tmp_path, capsys):
    folder = articles["quay-a"].parent
    before = _snapshot(folder)
    out = tmp_path / "sheet.csv"
    assert main(["export", str(folder), "--out", str(out), "-q"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert {r["path"] for r in rows} == {str(p) for p in articles.values()}
    assert any(r["quote"] == "“Nobody asked us,”" for r in rows)
    assert "written to" in capsys.readouterr().err
    assert main(["export", str(articles["quay-a"]), "--format", "json", "-q"]) == 0
    sheet = json.loads(capsys.readouterr().out)
    assert sheet["schema"] == "explorer.quote-sheet/1" and sheet["quotes"]
    assert main(["export", str(articles["quay-a"]), "-q"]) == 0
    assert capsys.readouterr().out.startswith("# Quote sheet")
    assert _snapshot(folder) == before


def test_export_refuses_to_write_over_an_input(articles, capsys):
    before = articles["quay-a"].read_bytes()
    assert main(["export", str(articles["quay-a"]), "--out", str(articles["quay-a"])]) == 2
    assert "never overwrite input" in capsys.readouterr().err
    assert articles["quay-a"].read_bytes() == before


def test_corrections_reach_export_and_analyze_json(articles, capsys):
    words = _correct_first_quote(articles["quay-a"], "Dana Webb")
    assert main(["export", str(articles["quay-a"]), "--format", "json", "-q"]) == 0
    quotes = json.loads(capsys.readouterr().out)["quotes"]
    corrected = [q for q in quotes if q["corrected"]]
    assert [q["speaker"] for q in corrected] == ["Dana Webb"]
    assert corrected[0]["corrected"].endswith("→ Dana Webb")
    assert main(["analyze", str(articles["quay-a"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["corrections"][0]["now"] == "Dana Webb"
    assert any(v["name"] == "Dana Webb" for v in data["sources"]["voices"])
    assert any(q["text"] == words for q in data["quotes"])


def test_a_corrupt_corrections_file_is_reported_and_the_export_goes_on(articles, capsys):
    _correct_first_quote(articles["quay-a"], "Dana Webb")
    store = CorrectionStore()
    path = store.path_for(articles["quay-a"].read_text(encoding="utf-8"))
    path.write_text("{half a file", encoding="utf-8")
    assert main(["export", str(articles["quay-a"]), "--format", "json", "-q"]) == 0
    captured = capsys.readouterr()
    assert "unreadable" in captured.err and captured.err.count("\n") == 1
    assert not any(q["corrected"] for q in json.loads(captured.out)["quotes"])
    assert list(path.parent.glob("*.corrupt-1"))


def test_corrections_export_and_import_between_colleagues(articles, tmp_path, monkeypatch,
                                                          capsys):
    _correct_first_quote(articles["quay-a"], "Dana Webb")
    bundle = tmp_path / "fixes.json"
    assert main(["corrections", "export", str(bundle)]) == 0
    assert json.loads(bundle.read_text(encoding="utf-8"))["articles"][0]["corrections"]
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "colleague"))
    assert main(["corrections", "import", str(bundle)]) == 0
    assert "1 corrections added for 1 articles" in capsys.readouterr().err
    assert main(["export", str(articles["quay-a"]), "--format", "json", "-q"]) == 0
    assert "Dana Webb" in {q["speaker"] for q in json.loads(capsys.readouterr().out)["quotes"]}


def test_importing_a_bad_file_is_one_line(tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text('{"schema": "something else"}', encoding="utf-8")
    assert main(["corrections", "import", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "not a corrections file" in err


def test_compare_two_stories(articles, capsys):
    assert main(["compare", str(articles["quay-a"]), str(articles["quay-b"]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    both = {(p["a"]["name"], p["b"]["name"]) for p in data["voices"]["both"]}
    assert any("Quint" in a and "Quint" in b for a, b in both)
    assert data["matching_quotes"][0]["a"]["text"].startswith("We cannot keep turning")
    assert [(f["a"]["value"], f["b"]["value"]) for f in data["figures_disagree"]] == [(300, 250)]
    assert main(["compare", str(articles["quay-a"]), str(articles["quay-b"])]) == 0
    out = capsys.readouterr().out
    assert "Figures that disagree (1)" in out and "Matching quotes" in out


def test_compare_needs_two_articles(articles, capsys):
    assert main(["compare", str(articles["quay-a"]), str(articles["quay-a"].parent)]) == 2
    assert "exactly two articles" in capsys.readouterr().err

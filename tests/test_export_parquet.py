"""``explorer export --parquet``: four Parquet tables that DuckDB reads back with the right counts."""

from __future__ import annotations

import sys

import pytest
from test_cache_corpus import BUDGET, PORT

from explorer.cli import main
from explorer.store.parquet_export import write_parquet

duckdb = pytest.importorskip("duckdb")  # both are in the [test] extra
pytest.importorskip("pyarrow")


def test_duckdb_reads_the_tables_back_with_their_counts_and_links(tmp_path):
    counts = write_parquet([PORT, BUDGET], tmp_path)
    assert counts == {"articles": 2, "speakers": 3, "quotes": 4, "entities": 0}
    db = duckdb.connect()
    for table in counts:
        db.execute(f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{tmp_path / table}.parquet')")
        assert db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == counts[table]
    rows = db.execute(
        "SELECT s.name, count(*) AS n FROM quotes q JOIN speakers s USING (path, speaker_id)"
        " GROUP BY s.name ORDER BY n DESC, s.name").fetchall()
    assert rows == [("Lena Park", 2), ("Omar Diaz", 1), ("lena  park", 1)]
    assert db.execute("SELECT date, source FROM articles WHERE path LIKE '%port%'").fetchone() == (
        "2024-03-02", "The Harbour Gazette")
    assert db.execute("SELECT max(confidence) FROM quotes").fetchone()[0] == 0.8


def test_export_analyses_a_folder_into_parquet(tmp_path, monkeypatch, capsys, nlp):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text('"The bridge opens in June," said Ines Baró, the mayor of Porto.\n',
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Flooding closed roads in Leeds and York on Sunday.\n", encoding="utf-8")
    out = tmp_path / "tables"
    assert main(["export", str(folder), "--parquet", str(out), "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("wrote 2 articles, 1 speakers, 1 quotes")
    db = duckdb.connect()
    assert db.execute(f"SELECT count(*) FROM '{out}/articles.parquet'").fetchone()[0] == 2
    places = db.execute(f"SELECT name FROM '{out}/entities.parquet' WHERE type = 'place' ORDER BY name")
    assert [row[0] for row in places.fetchall()] == ["Leeds", "Porto", "York"]


def test_without_pyarrow_export_says_how_to_install_it(tmp_path, monkeypatch, capsys):
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    assert main(["export", str(tmp_path), "--parquet", str(tmp_path / "out")]) == 2
    assert 'pip install "article-explorer[parquet]"' in capsys.readouterr().err

"""The command line: exit codes, one-line errors, JSON Lines that keep the contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main

ROOT = Path(__file__).resolve().parent.parent
FIRST = '"The tunnel opens in June," said Ines Baró, the transport minister.\n'
SECOND = "Officials in Porto said the 4,000 workers would be paid.\n\nThe strike ended on Friday.\n"


@pytest.fixture(autouse=True)
def private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("EXPLORER_MODEL", raising=False)


@pytest.fixture
def folder(tmp_path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b-strike.txt").write_text(SECOND, encoding="utf-8")
    (folder / "a-tunnel.txt").write_text(FIRST, encoding="utf-8")
    return folder


def test_version(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == "explorer 0.1.0"


def test_help_shows_examples_of_every_command(capsys):
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for example in ("explorer analyze folder/ --jsonl", "explorer index archive/ --jobs 2",
                    "explorer cache info", "explorer analyze -"):
        assert example in out


def test_a_missing_file_is_one_line_and_exit_1(tmp_path, capsys):
    assert main(["analyze", str(tmp_path / "nowhere.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("explorer: error:") and "nowhere.txt" in err


def test_a_binary_file_is_one_line_and_exit_1(tmp_path, capsys):
    image = tmp_path / "photo.txt"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    assert main(["analyze", str(image), "--jsonl"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "photo.txt" in captured.err


def test_an_unknown_model_is_a_usage_error_in_one_line(folder, capsys):
    assert main(["analyze", str(folder / "a-tunnel.txt"), "--model", "no_such_pipeline_xyz"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no_such_pipeline_xyz" in err


def test_json_takes_exactly_one_article(folder, capsys):
    assert main(["analyze", str(folder), "--json"]) == 2
    assert "--jsonl" in capsys.readouterr().err


def test_json_and_jsonl_together_is_a_usage_error(folder, capsys):
    assert main(["analyze", str(folder), "--json", "--jsonl"]) == 2


def test_jsonl_gives_one_contract_document_per_file_in_sorted_order(folder, capsys, nlp):
    assert main(["analyze", str(folder), "--jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    documents = [json.loads(line) for line in lines]
    assert [Path(d["article"]["path"]).name for d in documents] == ["a-tunnel.txt", "b-strike.txt"]
    for doc in documents:
        text = Path(doc["article"]["path"]).read_text(encoding="utf-8")
        assert doc["schema"] == "explorer.analysis/1"
        assert doc["text"] == text
        spans = [p for p in doc["paragraphs"]]
        for group in ("speakers", "places", "people", "organisations"):
            spans += [m for item in doc[group] for m in item["mentions"]]
        spans += [p for q in doc["quotes"] for p in q["parts"]] + doc["figures"]
        assert all(0 <= s["start"] <= s["end"] <= len(text) for s in spans)
    assert any(p["name"] == "Porto" for p in documents[1]["places"])


def test_a_second_run_reads_the_cache_and_prints_the_same(folder, capsys, nlp):
    assert main(["analyze", str(folder), "--jsonl"]) == 0
    first = capsys.readouterr().out
    assert main(["cache", "info"]) == 0
    assert "entries:  2" in capsys.readouterr().out
    assert main(["analyze", str(folder), "--jsonl", "--quiet"]) == 0
    assert capsys.readouterr().out == first
    assert main(["cache", "clear"]) == 0
    assert "removed 2" in capsys.readouterr().out
    assert main(["cache", "info"]) == 0
    assert "entries:  0" in capsys.readouterr().out


def test_index_lists_speakers_and_searches_the_folder(folder, capsys, nlp):
    assert main(["index", str(folder), "--json"]) == 0
    index = json.loads(capsys.readouterr().out)
    assert [Path(a["path"]).name for a in index["articles"]] == ["a-tunnel.txt", "b-strike.txt"]
    assert main(["index", str(folder), "--search", '"strike ended"']) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 matches in 1 articles") and "b-strike.txt" in out
    assert "3:5  …the 4,000 workers would be paid. The «strike ended» on Friday." in out


def test_index_search_takes_filters_and_reports_a_bad_query(folder, capsys, nlp):
    assert main(["index", str(folder), "--search", "tunnel OR strike", "--quiet"]) == 0
    assert capsys.readouterr().out.startswith("2 matches in 2 articles")
    assert main(["index", str(folder), "--search", "tunnel", "--quote-kind", "direct"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 quotes found") and "(direct): The «tunnel» opens in June," in out
    assert main(["index", str(folder), "--search", "NOT tunnel"]) == 2
    assert "cannot start with NOT" in capsys.readouterr().err
    assert main(["index", str(folder), "--since", "May 2024"]) == 2
    assert "must be a date" in capsys.readouterr().err
    assert main(["index", str(folder), "--search", "x", "--sort", "name"]) == 2


def test_index_lists_speakers_sorted_and_filtered(folder, capsys, nlp):
    assert main(["index", str(folder), "--sort", "name"]) == 0
    out = capsys.readouterr().out
    assert "speakers by name" in out and "Ines Baró" in out
    assert main(["index", str(folder), "--min-articles", "2"]) == 0
    assert "Ines Baró" not in capsys.readouterr().out
    assert main(["index", str(folder), "--speaker", "ines baró"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 quotes by ines baró") and "a-tunnel.txt q1" in out
    assert main(["index", str(folder), "--speaker", "Baró"]) == 0
    assert "did you mean: Ines Baró" in capsys.readouterr().out


def test_index_updates_only_changed_files_and_drops_removed_ones(folder, capsys, nlp):
    assert main(["index", str(folder), "--json"]) == 0
    capsys.readouterr()
    (folder / "a-tunnel.txt").write_text('"The bridge opens in July," said Ines Baró.\n', encoding="utf-8")
    (folder / "b-strike.txt").unlink()
    (folder / "c-new.txt").write_text("The harbour froze.\n", encoding="utf-8")
    assert main(["index", str(folder), "--json"]) == 0
    index = json.loads(capsys.readouterr().out)
    assert [Path(a["path"]).name for a in index["articles"]] == ["a-tunnel.txt", "c-new.txt"]
    assert main(["index", str(folder), "--search", "tunnel OR strike OR bridge"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("1 matches in 1 articles") and "«bridge»" in out


def test_open_with_only_bad_paths_fails_before_the_app_like_analyze(tmp_path, capsys,
                                                                    monkeypatch):
    from explorer.app.app import ExplorerApp

    monkeypatch.setattr(ExplorerApp, "run", lambda self: pytest.fail("the app started"))
    assert main([str(tmp_path / "nothere.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("explorer: error:") and "nothere.txt" in err
    assert main(["analyze", str(tmp_path / "nothere.txt")]) == 1
    assert capsys.readouterr().err == err  # the same words as analyze


def test_open_with_some_bad_paths_opens_the_good_ones_and_names_the_rest(folder, tmp_path,
                                                                         monkeypatch):
    from explorer.app.app import ExplorerApp

    started: list[ExplorerApp] = []
    monkeypatch.setattr(ExplorerApp, "run", lambda self: started.append(self))
    assert main([str(folder), str(tmp_path / "nothere.txt")]) == 0
    (app,) = started
    assert [Path(a.path).name for a in app.articles] == ["a-tunnel.txt", "b-strike.txt"]
    assert [Path(e.path).name for e in app.source_errors] == ["nothere.txt"]


def test_analyze_reads_stdin(tmp_path):
    """One real process: ``explorer analyze - < file`` (the only test that loads spaCy anew)."""
    article = tmp_path / "story.txt"
    article.write_text(FIRST, encoding="utf-8")
    with article.open("rb") as stdin:
        result = subprocess.run(
            [sys.executable, "-m", "explorer", "analyze", "-", "--jsonl"], stdin=stdin,
            capture_output=True, timeout=120,
            env={**os.environ, "PYTHONPATH": str(ROOT), "EXPLORER_CACHE_DIR": str(tmp_path / "c")},
        )
    assert result.returncode == 0, result.stderr.decode()
    (line,) = result.stdout.decode("utf-8").splitlines()
    assert json.loads(line)["text"] == FIRST
    assert result.stderr == b""


def test_jobs_must_be_a_positive_number(folder, capsys):
    assert main(["analyze", str(folder), "--jobs", "0"]) == 2
    assert "--jobs" in capsys.readouterr().err


def test_the_progress_bar_draws_on_its_terminal_and_leaves_stdout_alone(capsys):
    import io

    from rich.console import Console

    from explorer.commands.analyze import progress_bar

    terminal = io.StringIO()
    with progress_bar(3, quiet=False, console=Console(file=terminal, force_terminal=True)) as advance:
        for n in range(3):
            sys.stdout.write(f'{{"line": {n}}}\n')
            advance(1)
    assert capsys.readouterr().out == '{"line": 0}\n{"line": 1}\n{"line": 2}\n'
    assert "analysing" in terminal.getvalue() and '"line"' not in terminal.getvalue()
    quiet = io.StringIO()
    with progress_bar(3, quiet=True, console=Console(file=quiet, force_terminal=True)) as advance:
        advance(3)
    assert quiet.getvalue() == ""


def test_two_jobs_print_a_large_folder_in_sorted_order(tmp_path, capsys, nlp):
    from explorer.store.batch import PARALLEL_MIN_ARTICLES

    folder = tmp_path / "many"
    folder.mkdir()
    count = PARALLEL_MIN_ARTICLES + 2
    for n in reversed(range(count)):  # created out of order on purpose
        (folder / f"{n:02d}.txt").write_text(f'"Item {n} is ready," said Ana Ruiz.\n', encoding="utf-8")
    assert main(["analyze", str(folder), "--jsonl", "--jobs", "2", "--no-cache"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [Path(json.loads(line)["article"]["path"]).name for line in lines] == [
        f"{n:02d}.txt" for n in range(count)]


def test_index_runs_in_memory_when_the_cache_folder_cannot_hold_it(folder, tmp_path, monkeypatch,
                                                                  capsys, nlp):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(blocker))
    assert main(["index", str(folder), "--search", "tunnel"]) == 0
    captured = capsys.readouterr()
    assert "indexing in memory for this run" in captured.err
    assert captured.out.startswith("1 matches in 1 articles")


def test_cache_info_counts_the_corpus_indexes_and_clear_removes_them(folder, capsys, nlp):
    assert main(["index", str(folder), "--quiet"]) == 0
    assert main(["cache", "info"]) == 0
    assert "corpus indexes: 1" in capsys.readouterr().out
    assert main(["cache", "clear"]) == 0
    assert "removed 1 corpus indexes" in capsys.readouterr().out
    assert main(["cache", "info"]) == 0
    assert "corpus indexes: 0" in capsys.readouterr().out

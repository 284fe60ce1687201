"""File, name and cache faults: each is one line on stderr, never a lost run or raw terminal output.

One test (or a few) per defect of issue 12: hostile nesting in JSON, YAML and
HTML, impossible front-matter dates, stray bytes in UTF-8, file names holding
escape sequences, newlines or bytes that are not UTF-8, cache paths that look
like Rich markup, and caches that cannot be written. Signals are in
``test_signals.py``; long articles in ``test_pieces.py``.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from explorer.cli import main
from explorer.sources import SourceError, iter_articles, read_article
from explorer.store.cache import DB_NAME

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sample_articles" / "council-budget-library-closures.txt"
ARTICLE = (
    "Ferry fares to rise\n\n"
    "The harbour master, Ada Quill, said fares would rise by 12% in Oslo next year.\n\n"
    "“We have no choice,” she told reporters on Tuesday. “Fuel costs £1.2bn a year.”\n"
)
OSC52 = "\x1b]52;c;ZXZpbA==\x07"
TITLE = "\x1b]0;pwned\x07"
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


@pytest.fixture
def run(monkeypatch, tmp_path, capsys):
    """``run(*argv)`` -> (exit code, stdout, stderr) of ``explorer``, with a private cache."""
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.delenv("FORCE_COLOR", raising=False)

    def run_cli(*argv: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run_cli


def _deep_json(levels: int = 10_000) -> str:
    return '{"text": "Ada Quill said fares rise.", "x": ' + "[" * levels + "]" * levels + "}"


# --- 1. deeply nested JSON -----------------------------------------------------------------------


def test_json_nested_ten_thousand_deep_is_one_error_and_the_folder_goes_on(tmp_path):
    (tmp_path / "a-deep.json").write_text(_deep_json(), encoding="utf-8")
    (tmp_path / "b-good.txt").write_text(ARTICLE, encoding="utf-8")
    error, article = list(iter_articles([tmp_path]))
    assert isinstance(error, SourceError) and "nested too deeply" in error.reason
    assert article.text == ARTICLE


def test_json_nested_ten_thousand_deep_on_stdin_is_refused_with_a_reason(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(_deep_json().encode())))
    with pytest.raises(SourceError, match="nested too deeply"):
        read_article("-")


def test_folder_run_with_deep_json_analyses_the_rest(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a-deep.json").write_text(_deep_json(), encoding="utf-8")
    (folder / "b-good.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("analyze", str(folder), "--jsonl", "--no-cache")
    assert code == 1
    assert [json.loads(line)["text"] for line in out.splitlines()] == [ARTICLE]
    assert err.count("\n") == 1 and "a-deep.json: JSON nested too deeply" in err


# --- 2. bad front matter -------------------------------------------------------------------------


def test_impossible_front_matter_date_is_ignored_with_a_warning(tmp_path):
    path = tmp_path / "story.md"
    path.write_text("---\ntitle: Ferry fares\ndate: 2025-02-30\n---\n\n" + ARTICLE, encoding="utf-8")
    article = read_article(path)
    assert article.title == "Ferry fares" and article.date is None
    assert article.warnings == ("front-matter date '2025-02-30' is not a date; ignored",)


def test_front_matter_nested_too_deep_stays_in_the_body_with_a_warning(tmp_path):
    path = tmp_path / "story.md"
    nested = "[" * 10_000 + "]" * 10_000
    path.write_text(f"---\ntitle: Ferry\nextra: {nested}\n---\n\n" + ARTICLE, encoding="utf-8")
    article = read_article(path)
    assert article.title is None and article.body_start == 0
    assert article.warnings == ("front matter nested too deeply to read; kept as article text",)


def test_bad_date_in_a_folder_is_a_warning_line_and_every_article_is_analysed(run, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.md").write_text("---\ntitle: Ferry fares\ndate: 2025-02-30\n---\n\n" + ARTICLE)
    (folder / "b.txt").write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("analyze", str(folder), "--jsonl", "--no-cache")
    assert code == 0
    assert len(out.splitlines()) == 2
    assert err.splitlines() == [
        f"explorer: warning: {folder / 'a.md'}: front-matter date '2025-02-30' is not a date; ignored"
    ]


# --- 7. a stray byte in UTF-8 --------------------------------------------------------------------


def test_utf8_with_one_stray_byte_is_read_as_utf8_with_a_warning(tmp_path):
    path = tmp_path / "story.txt"
    good = "Fares rose to £14m, “a record”, said Zoë Quill in Malmö.\n"
    path.write_bytes(good.encode("utf-8") + b"One more \xff line.\n")
    article = read_article(path)
    assert article.text == good + "One more \ufffd line.\n"
    assert article.warnings == ("1 invalid UTF-8 byte sequence replaced by \ufffd",)


def test_cp1252_file_is_still_cp1252(tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes("“We have no choice,” said Ada Quill. Fares cost £5.\n".encode("cp1252"))
    article = read_article(path)
    assert article.text.startswith("“We have no choice,”") and article.warnings == ()


def test_stray_byte_warning_is_in_the_json_and_on_stderr(run, tmp_path):
    path = tmp_path / "story.txt"
    path.write_bytes(ARTICLE.encode("utf-8") + b"Tail \x92 end.\n")
    code, out, err = run("analyze", str(path), "--json", "--no-cache")
    assert code == 0
    assert json.loads(out)["article"]["warnings"] == ["1 invalid UTF-8 byte sequence replaced by \ufffd"]
    assert err == f"explorer: warning: {path}: 1 invalid UTF-8 byte sequence replaced by \ufffd\n"


# --- HTML nested past the parser's limit ---------------------------------------------------------


def test_html_nested_ten_thousand_deep_says_why_no_text_was_found(tmp_path):
    path = tmp_path / "page.html"
    body = "<div>" * 10_000 + "<p>" + "The harbour master said fares rise. " * 8 + "</p>" + "</div>" * 10_000
    path.write_text(f"<html><head><title>Fares</title></head><body>{body}</body></html>")
    with pytest.raises(SourceError, match=r"nested 10\d\d\d levels deep; text below level 255"):
        read_article(path)


# --- the article size limit ----------------------------------------------------------------------


def test_article_over_the_size_limit_is_refused_in_one_line(monkeypatch, tmp_path):
    from explorer.sources import reader

    monkeypatch.setattr(reader, "MAX_ARTICLE_CHARS", 100)
    path = tmp_path / "long.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SourceError, match=r"article text is 1\d\d characters, more than the 100"):
        read_article(path)


# --- 3 and 12. file names reach the terminal as visible text, on one line ------------------------


def _hostile_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLE, folder / f"a{OSC52}b{TITLE}\u202ec.txt")
    return folder


def _assert_no_controls(text: str) -> None:
    assert _CONTROLS.findall(text.replace("\n", "")) == []


def test_every_command_prints_hostile_file_names_as_visible_text(run, monkeypatch, tmp_path):
    folder = _hostile_folder(tmp_path)
    missing = str(folder / f"gone{OSC52}.txt")
    outputs = [run("analyze", str(folder)), run("analyze", str(folder), "--jsonl"),
               run("analyze", missing), run("index", str(folder)),
               run("index", str(folder), "--search", "library"), run("index", str(folder), "--json")]
    speakers = json.loads(outputs[-1][1])["speakers"]
    assert speakers
    outputs.append(run("index", str(folder), "--speaker", speakers[0]["name"]))
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / f"cache{OSC52}\n[red]"))
    outputs += [run("cache", "info"), run("cache", "clear")]
    for code, out, err in outputs:
        _assert_no_controls(out)
        _assert_no_controls(err)
    assert "a␛]52;c;ZXZpbA==␇b␛]0;pwned␇" in outputs[-3][1]
    assert f"cache␛]52;c;ZXZpbA==␇␊[red]/{DB_NAME}" in outputs[-2][1]


def test_a_newline_in_a_file_name_cannot_forge_an_error_line(run, tmp_path):
    missing = tmp_path / "story.txt\nexplorer: error: forged.txt"
    code, out, err = run("analyze", str(missing))
    assert code == 1 and out == ""
    assert err.count("\n") == 1
    assert "story.txt␊explorer: error: forged.txt: no such file or directory" in err


# --- 8. file names that are not UTF-8 ------------------------------------------------------------


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS file names must be UTF-8")
def test_file_name_that_is_not_utf8_gives_valid_utf8_output_under_a_strict_locale(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"caf\xe9-\xff.txt")
    (folder / name).write_text(ARTICLE, encoding="utf-8")
    env = {**os.environ, "EXPLORER_CACHE_DIR": str(tmp_path / "cache"), "PYTHONIOENCODING": "utf-8:strict",
           "LC_ALL": "C.UTF-8", "PYTHONPATH": str(ROOT), "COLUMNS": "400"}
    outputs = []
    for flag in ("--jsonl", "--quiet"):
        result = subprocess.run([sys.executable, "-m", "explorer", "analyze", str(folder), flag],
                                env=env, capture_output=True, timeout=300, check=False)
        assert result.returncode == 0, result.stderr.decode(errors="replace")
        outputs.append(result.stdout.decode("utf-8"))  # raises if any byte is not UTF-8
    assert json.loads(outputs[0])["article"]["path"] == str(folder / "caf\\xe9-\\xff.txt")
    assert "caf\\xe9-\\xff.txt" in outputs[1]


def test_json_path_escapes_undecodable_bytes():
    from explorer import model_json
    from explorer.model import Article, Engine, ParsedDocument

    doc = ParsedDocument(Article(text="Fares rise.", path=os.fsdecode(b"/in/caf\xe9.txt")), Engine("", "", ""))
    raw = model_json.dumps(doc)
    raw.encode("utf-8")
    assert json.loads(raw)["article"]["path"] == "/in/caf\\xe9.txt"


# --- 9. cache paths are not markup ---------------------------------------------------------------


@pytest.mark.parametrize("name", ["x[/y]", "x[red]z"])
def test_cache_path_that_looks_like_markup_is_printed_as_typed(run, monkeypatch, tmp_path, name):
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(tmp_path / name))
    code, out, err = run("cache", "info")
    assert code == 0, err
    assert f"location: {tmp_path / name / 'analyses.sqlite3'}" in out


# --- 10 and 11. caches that cannot be written ----------------------------------------------------


def _entries(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        return connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]


def _unprivileged(code: str, tmp_path: Path) -> subprocess.CompletedProcess:
    """Run Python code where file permissions hold: without root's override, if we are root."""
    command = [sys.executable, "-c", code]
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root without setpriv to drop the permission override")
        command = [setpriv, "--bounding-set=-dac_override,-dac_read_search", *command]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=120, cwd=tmp_path,
                          check=False)


@pytest.fixture
def filled_cache(tmp_path) -> Path:
    """A cache folder anyone may write in, holding a database with 11 entries."""
    from explorer.store.cache import AnalysisCache

    folder = tmp_path / "cache"
    cache = AnalysisCache(folder)
    cache.put_json([(f"k{n}", f'{{"n": {n}}}') for n in range(11)])
    cache.close()
    for suffix in ("-wal", "-shm"):
        Path(f"{folder / 'analyses.sqlite3'}{suffix}").unlink(missing_ok=True)
    folder.chmod(0o777)
    tmp_path.chmod(0o755)
    return folder


USE_CACHE = """
from explorer.store.cache import AnalysisCache
cache = AnalysisCache({folder!r})
print(cache.get_json("k3"))
cache.put_json([("new", "{{}}")])
cache.discard("k4")
print(cache.get_json("k5"))
print(getattr(cache, "problem", None))
"""


def test_read_only_cache_is_read_and_never_deleted(filled_cache, tmp_path):
    database = filled_cache / "analyses.sqlite3"
    database.chmod(0o444)
    result = _unprivileged(USE_CACHE.format(folder=str(filled_cache)), tmp_path)
    assert result.returncode == 0, result.stderr
    first, second, problems = result.stdout.splitlines()
    assert (first, second) == ('{"n": 3}', '{"n": 5}')
    assert _entries(database) == 11
    assert problems.startswith(f"{database} cannot be written")


def test_unreadable_cache_is_left_alone_and_the_run_goes_on_without_it(filled_cache, tmp_path):
    database = filled_cache / "analyses.sqlite3"
    database.chmod(0o000)
    result = _unprivileged(USE_CACHE.format(folder=str(filled_cache)), tmp_path)
    assert result.returncode == 0, result.stderr
    database.chmod(0o644)
    assert _entries(database) == 11
    assert result.stdout.splitlines()[:2] == ["None", "None"]
    assert "running without a cache" in result.stdout


def test_cache_folder_that_is_a_file_warns_once_and_clear_fails(run, monkeypatch, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("EXPLORER_CACHE_DIR", str(blocker))
    path = tmp_path / "story.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run("analyze", str(path), str(path), "--jsonl")
    assert code == 0 and len(out.splitlines()) == 2
    assert err.splitlines() == [
        (f"explorer: warning: analysis cache: cannot use the folder {blocker} (file exists); "
         "running without a cache")
    ]
    code, out, err = run("cache", "clear")
    assert code == 1 and out == ""
    assert err.startswith("explorer: error: cannot clear the analysis cache: cannot use the folder")


def test_warnings_round_trip_in_the_json_and_are_absent_when_there_are_none():
    from explorer import model_json
    from explorer.model import Article, Engine, ParsedDocument

    warned = ParsedDocument(Article(text="Fares rise.", warnings=("1 invalid UTF-8 byte sequence",)),
                            Engine("", "", ""))
    assert model_json.loads(model_json.dumps(warned)) == warned
    plain = ParsedDocument(Article(text="Fares rise."), Engine("", "", ""))
    assert "warnings" not in json.loads(model_json.dumps(plain))["article"]

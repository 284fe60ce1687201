"""Stopping a folder run: Ctrl-C, SIGTERM and SIGKILL against a real ``explorer`` process.

Each test starts ``explorer analyze``/``index`` on a folder big enough for the
worker pool, waits until work is under way (a first result printed, or the
workers started), signals it, and checks: one line and the conventional exit
code, no traceback, everything printed also cached, and no worker left running.
Every wait is bounded.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from explorer.store.batch import PARALLEL_MIN_ARTICLES

ROOT = Path(__file__).resolve().parent.parent
TIMEOUT_S = 240
CITIES = ["Lisbon", "Oslo", "Quito", "Hanoi", "Accra", "Lima", "Riga", "Doha", "Kyiv", "Suva"]

pytestmark = pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="POSIX signals, reads /proc")


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Enough articles for two workers, each long enough that the run takes a while."""
    folder = tmp_path_factory.mktemp("signals")
    for n in range(PARALLEL_MIN_ARTICLES + 8):
        city = CITIES[n % len(CITIES)]
        paragraphs = [
            f"“Fares in {city} will rise by {n + 3}% next year,” said the harbour master, Ada Quill.",
            f"The port authority in {city} told reporters that fuel now costs £{n + 1}.2m a month.",
        ] * 6
        (folder / f"{n:03d}.txt").write_text(f"Ferry fares, part {n}\n\n" + "\n\n".join(paragraphs) + "\n")
    return folder


_STARTED: list[subprocess.Popen] = []


@pytest.fixture(autouse=True)
def _no_process_left():
    """Whatever a failing test leaves running (its process group: parent and workers) is killed."""
    yield
    while _STARTED:
        process = _STARTED.pop()
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=TIMEOUT_S)


def _start(tmp_path: Path, *args: str) -> subprocess.Popen:
    env = {**os.environ, "EXPLORER_CACHE_DIR": str(tmp_path / "cache"), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen([sys.executable, "-m", "explorer", *args], env=env, cwd=tmp_path,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    _STARTED.append(process)
    return process


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry))
    return found


def _running(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _wait_for_workers(process: subprocess.Popen, count: int = 2) -> list[int]:
    deadline = time.monotonic() + TIMEOUT_S
    while time.monotonic() < deadline:
        workers = _children(process.pid)
        if len(workers) >= count:
            return workers
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    raise AssertionError("the worker pool never started")


def _gone(pids: list[int], within_s: float = 10) -> bool:
    deadline = time.monotonic() + within_s
    while time.monotonic() < deadline:
        if not any(_running(pid) for pid in pids):
            return True
        time.sleep(0.05)
    return False


def _cached(tmp_path: Path) -> int:
    database = tmp_path / "cache" / "analyses.sqlite3"
    if not database.exists():
        return 0
    with sqlite3.connect(database) as connection:
        return connection.execute("SELECT COUNT(*) FROM analyses").fetchone()[0]


def test_ctrl_c_stops_analyze_with_one_line_and_exit_130(folder, tmp_path):
    process = _start(tmp_path, "analyze", str(folder), "--jsonl", "--jobs", "2")
    first = process.stdout.readline()
    assert first.startswith(b"{"), process.stderr.read().decode()
    os.killpg(process.pid, signal.SIGINT)  # as the terminal does: the whole process group
    out, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 130
    assert err.decode() == "explorer: error: interrupted\n"
    assert _cached(tmp_path) >= 1 + out.count(b"\n")  # what was finished stays cached


def test_ctrl_c_during_a_one_process_run_is_one_line_too(folder, tmp_path):
    process = _start(tmp_path, "analyze", str(folder), "--jsonl", "--jobs", "1")
    deadline = time.monotonic() + TIMEOUT_S
    # The cache is opened once the files are read, before the analysis starts.
    while not (tmp_path / "cache" / "analyses.sqlite3").exists() and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 130
    assert err.decode() == "explorer: error: interrupted\n"


def test_ctrl_c_stops_index_with_one_line_and_no_worker_left(folder, tmp_path):
    process = _start(tmp_path, "index", str(folder), "--jobs", "2")
    workers = _wait_for_workers(process)
    os.killpg(process.pid, signal.SIGINT)
    _, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 130
    assert err.decode() == "explorer: error: interrupted\n"
    assert _gone(workers)


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_sigterm_writes_what_is_finished_then_exits_and_takes_the_workers(folder, tmp_path, jobs):
    process = _start(tmp_path, "analyze", str(folder), "--jsonl", "--jobs", jobs)
    first = process.stdout.readline()
    assert first.startswith(b"{"), process.stderr.read().decode()
    workers = _children(process.pid)
    process.send_signal(signal.SIGTERM)  # the parent only, as a service manager does
    out, err = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 128 + signal.SIGTERM
    assert err.decode() == "explorer: error: stopped by SIGTERM\n"
    assert _cached(tmp_path) >= 1 + out.count(b"\n")
    assert _gone(workers)


def test_workers_die_with_a_parent_killed_by_sigkill(folder, tmp_path):
    process = _start(tmp_path, "analyze", str(folder), "--jsonl", "--jobs", "2")
    workers = _wait_for_workers(process)
    process.kill()
    process.wait(timeout=TIMEOUT_S)  # not communicate(): orphaned workers would hold its pipes open
    try:
        # Just started, the workers are loading spaCy: only dying with the parent stops them.
        assert _gone(workers, within_s=2), "workers ran on after their parent was killed"
    finally:
        for pid in workers:
            if _running(pid):
                os.kill(pid, signal.SIGKILL)
        process.stdout.close()
        process.stderr.close()

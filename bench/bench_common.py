"""Helpers shared by the scaling benches: timing whole processes, stating the conditions."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable


def conditions() -> str:
    """CPU count and load, because the machine is shared and timings are noisy."""
    load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
    return f"{os.cpu_count()} CPUs, load average {load}"


def compile_explorer() -> None:
    """Write the package's bytecode, as ``pip install`` does for a user.

    Where PYTHONDONTWRITEBYTECODE is set (as on our dev machines), every timed
    process would otherwise recompile the explorer's modules while the
    libraries' come precompiled, which no installed copy pays.
    """
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "explorer")], check=True)


def explorer_env(cache_dir: Path | str) -> dict[str, str]:
    compile_explorer()
    return {**os.environ, "EXPLORER_CACHE_DIR": str(cache_dir), "PYTHONPATH": str(ROOT)}


def timed(command: list[str], env: dict[str, str] | None = None, stdout=subprocess.DEVNULL) -> float:
    """Wall-clock seconds of one whole process; raises if it fails."""
    start = time.perf_counter()
    result = subprocess.run(command, env=env, stdout=stdout, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed: {result.stderr.decode()[-500:]}")
    return elapsed


def explorer(*args: str) -> list[str]:
    return [PYTHON, "-m", "explorer", *args]

"""Rules the tools keep for the whole repository: layers, lint, no machine's own folders."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MACHINE_PATH = re.compile(r"""["'(\s=](/work/|/home/|/tmp/|/root/|/Users/)""")


def test_bench_and_tests_name_no_folders_of_one_machine():
    """``../shared`` and the temp folder are found relative to the repository, not spelt out."""
    found = []
    for folder in ("bench", "tests"):
        for path in sorted((ROOT / folder).rglob("*")):
            if path.suffix not in {".py", ".json", ".txt"} or "__snapshots__" in path.parts:
                continue
            for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                if MACHINE_PATH.search(line) and "MACHINE_PATH" not in line:
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_the_layers_contract_and_the_lint_are_configured():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    layers = [c for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    assert [layer.replace(" ", "") for layer in layers[0]["layers"]] == [
        "explorer.app", "explorer.commands", "explorer.store",
        "explorer.analysis:explorer.sources", "explorer.model"]
    assert "ruff" in " ".join(config["project"]["optional-dependencies"]["test"])
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = ci.strip().splitlines()[-1]
    assert "ruff check explorer tests bench && pytest" in command
    assert f"    {command}\n" in readme  # the README's test command, word for word


TOKEN_IDENTITY = re.compile(r"\b(?:token|child|verb|head|tail|subject|noun)(?:\.head)? is (?:not )?"
                            r"(?:token|child|verb|head|tail|subject|noun)\b")


def test_tokens_are_compared_by_position_not_identity():
    """spaCy builds a new Token object on every ``.head`` or ``.children`` access, so ``a is b``
    is false for the same word: a climb that stops at ``token.head is token`` never stops."""
    found = []
    for path in sorted((ROOT / "explorer" / "analysis").rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if TOKEN_IDENTITY.search(line):
                found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert found == []


def test_tests_import_their_helpers_as_ci_finds_them():
    """CI runs plain ``pytest``, which puts ``tests/`` on the path but not the repository root:
    ``from tests.quote_support import ...`` fails there while ``python -m pytest`` passes."""
    found = [f"{path.relative_to(ROOT)}:{number}"
             for path in sorted((ROOT / "tests").glob("*.py"))
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
             if re.match(r"\s*(from|import) tests\b", line)]
    assert found == []

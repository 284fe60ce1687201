"""Shared fixtures: the spaCy pipeline is loaded once for the whole test session."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["web_support"]
"""The local web server fixture ``web``, for every test that fetches a page."""

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
SEED = SAMPLES / "balkans-summit-home-secretary.txt"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--run-slow", action="store_true", help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--run-slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --run-slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def nlp():
    from explorer.analysis import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def analyze_text(nlp):
    """Analyse a string as a plain-text article: ``analyze_text("She said ...")``."""
    from explorer.analysis import analyze
    from explorer.sources import read_text_article

    def run(text: str):
        return analyze(read_text_article(text), nlp)

    return run


@pytest.fixture(scope="session")
def seed_doc(nlp):
    from explorer.analysis import analyze
    from explorer.sources import read_article

    return analyze(read_article(SEED), nlp)


@pytest.fixture(autouse=True)
def own_config_dir(tmp_path_factory, monkeypatch):
    """Each test its own config folder: no user keymap, no choices remembered from another test."""
    monkeypatch.setenv("EXPLORER_CONFIG_DIR", str(tmp_path_factory.mktemp("config")))

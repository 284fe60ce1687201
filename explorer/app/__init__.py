"""The Textual app: the article beside its panels, selection highlights, search and filters."""

from pathlib import Path

STYLES = Path(__file__).parent.parent / "styles"
"""The app's .tcss files: the repository's top-level styles/, shipped in the package."""

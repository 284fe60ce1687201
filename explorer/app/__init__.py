"""The Textual app: the article beside its panels, selection highlights, search and filters."""

"""The one error type sources raise: a path and a one-line reason."""


class SourceError(Exception):
    """An input that cannot be read as an article."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason

    def __reduce__(self):
        """Pickled by its two parts (a Dask worker sends it to the client)."""
        return type(self), (self.path, self.reason)

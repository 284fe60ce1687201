"""One-line user errors on stderr: never a traceback for a user's mistake."""

from __future__ import annotations

import sys

from explorer.safe_text import visible


def report_error(message: str) -> None:
    print(f"explorer: error: {visible(message)}", file=sys.stderr)

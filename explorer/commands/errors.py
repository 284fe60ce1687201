"""One-line user errors on stderr: never a traceback for a user's mistake."""

from __future__ import annotations

import sys

from explorer.safe_text import visible_name


def report_error(message: str) -> None:
    print(f"explorer: error: {visible_name(message)}", file=sys.stderr)


def report_warning(message: str) -> None:
    """Something the run worked around (bytes replaced, no cache): said once, never fatal."""
    print(f"explorer: warning: {visible_name(message)}", file=sys.stderr)

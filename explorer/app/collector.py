"""Python's cyclic garbage collector, paused while the app starts.

Starting makes about 100,000 objects that live as long as the app (modules,
Textual's widgets and styles), and the collector scans them over and over as
they pile up: about 40 ms of the half second it takes to reopen a cached
article. ``explorer`` pauses it before importing the app; a moment after the
panels are up, the app collects the start-up's garbage once (about 30 ms) and
freezes what survives, so that later collections skip those objects for the
rest of the session.
"""

from __future__ import annotations

import gc

RESUME_AFTER = 1.0
"""Seconds after the panels are up: the one full collection falls while the user reads."""

_paused = False


def pause() -> None:
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Collect again, if ``pause`` stopped it (tests run the app without a pause)."""
    global _paused
    if _paused:
        gc.collect()
        gc.freeze()
        gc.enable()
        _paused = False

"""Stopping a run cleanly: Ctrl-C, SIGTERM or SIGHUP give one line and an exit code, no traceback.

The signal becomes an exception in the main thread, so every ``finally`` on the
way out runs: the worker pool is terminated and finished analyses are written to
the cache (``DocumentService.analyze_many_json``) before the process exits.
"""

from __future__ import annotations

import argparse
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from explorer.commands.errors import report_error

_STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Stopped(BaseException):
    """A stop signal arrived. A BaseException, so no ``except Exception`` on the way swallows it."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


def _raise_stopped(signum: int, frame) -> None:
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """While inside, SIGTERM and SIGHUP raise ``Stopped`` (Ctrl-C raises KeyboardInterrupt).

    Only the main thread may set handlers; elsewhere (an embedding program) nothing changes.
    """
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise_stopped) for sig in _STOP_SIGNALS}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


def run_stoppable(run: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """``run(args)``, turning Ctrl-C into exit 130 and a stop signal into 128 + its number."""
    try:
        with stop_on_signals():
            return run(args)
    except KeyboardInterrupt:
        report_error("interrupted")
        return 128 + signal.SIGINT
    except Stopped as stop:
        report_error(f"stopped by {signal.Signals(stop.signum).name}")
        return 128 + stop.signum

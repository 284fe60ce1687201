"""The options of ``explorer index`` that query the corpus index (kept free of heavy imports)."""

from __future__ import annotations

import argparse

from explorer.store.corpus_query import QUOTE_KINDS, SPEAKER_KINDS

SORTS = ("date", "count", "relevance", "quotes", "articles", "name")


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _not_negative(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return number


def add_corpus_options(index: argparse.ArgumentParser) -> None:
    """Filters, sorting, paging and the Dask engine for ``explorer index``."""
    found = index.add_argument_group("filters (for --search, --speaker and the speakers list)")
    found.add_argument("--since", metavar="DATE", help="articles dated on or after DATE (2024-05-31, 2024-05, 2024)")
    found.add_argument("--until", metavar="DATE", help="articles dated on or before DATE")
    found.add_argument("--source", metavar="OUTLET", help="articles whose source contains OUTLET (any case)")
    found.add_argument("--speaker-kind", choices=SPEAKER_KINDS, help="only quotes by speakers of this kind")
    found.add_argument("--quote-kind", choices=QUOTE_KINDS, help="only quotes of this kind")
    found.add_argument("--min-articles", type=_positive, default=1, metavar="N",
                       help="speakers list: only speakers quoted in N or more articles")
    found.add_argument("--sort", choices=SORTS,
                       help="search: date (newest first, default), count (most hits) or relevance; "
                            "speakers: quotes (default), articles or name")
    found.add_argument("--limit", type=_positive, default=20, metavar="N",
                       help="show N results (default 20)")
    found.add_argument("--offset", type=_not_negative, default=0, metavar="N", help="skip the first N results")
    index.add_argument("--dask", metavar="ADDRESS",
                       help="analyse on a Dask cluster: a scheduler address (tcp://host:8786) or "
                            "'local' for a cluster on this machine (needs the [dask] extra)")
    index.add_argument("--shared-fs", action="store_true",
                       help="with --dask: send the workers file paths instead of the text; every "
                            "worker must see the files at the same absolute paths (a shared or "
                            "network file system). A web archive is then one task per archive, "
                            "read by the worker")

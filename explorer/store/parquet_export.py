"""Analyses as Parquet tables for DuckDB, pandas and Polars: articles, speakers, quotes, entities.

One file per table in the output folder, written a row group at a time, so a
large corpus streams through without being held in memory. Rows link by
``path`` (the article) and the ids of the JSON contract (``speaker_id``,
``quote_id``). Needs ``pyarrow`` (the ``[parquet]`` extra).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from explorer.model import ParsedDocument
from explorer.store.corpus import corpus_title

ROW_GROUP_ARTICLES = 1000
"""Articles whose rows are gathered before a row group is written."""
INSTALL_HINT = ('--parquet needs pyarrow: pip install "article-explorer[parquet]" '
                '(in a checkout: pip install -e ".[parquet]")')
TABLES = ("articles", "speakers", "quotes", "entities")


def parquet_missing() -> str | None:
    """Why Parquet cannot be written here (pyarrow is not installed), or None."""
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        return INSTALL_HINT
    return None


def _schemas():
    import pyarrow as pa

    text, whole, names = pa.string(), pa.int64(), pa.list_(pa.string())
    return {
        "articles": pa.schema([
            ("path", text), ("title", text), ("date", text), ("source", text), ("url", text),
            ("byline", text), ("language", text), ("characters", whole), ("quote_count", whole),
            ("speaker_count", whole), ("explorer", text), ("model", text),
        ]),
        "speakers": pa.schema([
            ("path", text), ("speaker_id", text), ("name", text), ("kind", text), ("role", text),
            ("represents", text), ("aliases", names), ("mention_count", whole), ("quote_count", whole),
        ]),
        "quotes": pa.schema([
            ("path", text), ("quote_id", text), ("speaker_id", text), ("speaker", text),
            ("speaker_kind", text), ("kind", text), ("text", text), ("start", whole), ("end", whole),
            ("cue", text), ("rule", text), ("confidence", pa.float64()),
        ]),
        "entities": pa.schema([
            ("path", text), ("entity_id", text), ("type", text), ("name", text), ("kind", text),
            ("aliases", names), ("mention_count", whole), ("speaker_id", text),
        ]),
    }


def rows_of(doc: ParsedDocument) -> dict[str, list[dict]]:
    """One document's rows for each table."""
    article, path = doc.article, doc.article.path or ""
    speakers = {s.id: s for s in doc.speakers}
    quotes_by = {s.id: sum(1 for q in doc.quotes if q.speaker_id == s.id) for s in doc.speakers}
    return {
        "articles": [{
            "path": path, "title": corpus_title(article), "date": article.date,
            "source": article.source, "url": article.url, "byline": article.byline,
            "language": article.language, "characters": len(doc.text),
            "quote_count": len(doc.quotes), "speaker_count": len(doc.speakers),
            "explorer": doc.engine.explorer, "model": doc.engine.model,
        }],
        "speakers": [{
            "path": path, "speaker_id": s.id, "name": s.name, "kind": s.kind, "role": s.role,
            "represents": s.represents, "aliases": list(s.aliases),
            "mention_count": len(s.mentions), "quote_count": quotes_by[s.id],
        } for s in doc.speakers],
        "quotes": [{
            "path": path, "quote_id": q.id, "speaker_id": q.speaker_id,
            "speaker": speakers[q.speaker_id].name if q.speaker_id in speakers else None,
            "speaker_kind": speakers[q.speaker_id].kind if q.speaker_id in speakers else None,
            "kind": q.kind, "text": q.text, "start": q.start, "end": q.end,
            "cue": q.cue.text if q.cue else None, "rule": q.rule, "confidence": q.confidence,
        } for q in doc.quotes],
        "entities": [
            *({"path": path, "entity_id": p.id, "type": "place", "name": p.name, "kind": p.kind,
               "aliases": list(p.aliases), "mention_count": len(p.mentions), "speaker_id": None}
              for p in doc.places),
            *({"path": path, "entity_id": p.id, "type": "person", "name": p.name, "kind": p.role,
               "aliases": list(p.aliases), "mention_count": len(p.mentions), "speaker_id": p.speaker_id}
              for p in doc.people),
            *({"path": path, "entity_id": o.id, "type": "organisation", "name": o.name, "kind": None,
               "aliases": list(o.aliases), "mention_count": len(o.mentions), "speaker_id": o.speaker_id}
              for o in doc.organisations),
        ],
    }


def write_parquet(documents: Iterable[ParsedDocument], folder: Path | str) -> dict[str, int]:
    """Write ``articles|speakers|quotes|entities.parquet`` into ``folder``; returns rows per table.

    Failed analyses (``error`` set) are left out.
    """
    import pyarrow as pa
    import pyarrow.parquet as pq

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    schemas = _schemas()
    counts = dict.fromkeys(TABLES, 0)
    buffers: dict[str, list[dict]] = {name: [] for name in TABLES}
    writers = {name: pq.ParquetWriter(folder / f"{name}.parquet", schemas[name]) for name in TABLES}

    def flush() -> None:
        for name in TABLES:
            writers[name].write_table(pa.Table.from_pylist(buffers[name], schema=schemas[name]))
            counts[name] += len(buffers[name])
            buffers[name] = []

    try:
        pending = 0
        for doc in documents:
            if doc.error is not None:
                continue
            for name, rows in rows_of(doc).items():
                buffers[name].extend(rows)
            pending += 1
            if pending >= ROW_GROUP_ARTICLES:
                flush()
                pending = 0
        flush()
    finally:
        for writer in writers.values():
            writer.close()
    return counts

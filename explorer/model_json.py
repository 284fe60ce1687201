"""The model's JSON form, the public contract ``explorer.analysis/1``.

See ``docs/analysis-json.md``. ``to_json_dict`` and ``from_json_dict`` are exact
inverses: a document survives the round trip unchanged.
"""

from __future__ import annotations

import json
import re
from typing import Any

from explorer.model import (
    SCHEMA,
    Article,
    CorrectionNote,
    Cue,
    Engine,
    Figure,
    Organisation,
    ParsedDocument,
    Person,
    Place,
    Quote,
    Span,
    Speaker,
    Work,
)
from explorer.safe_text import UNSAFE_CHARACTERS, name_text


class ContractError(ValueError):
    """The JSON does not follow the ``explorer.analysis/1`` contract."""


def _span(span: Span) -> dict[str, int]:
    return {"start": span.start, "end": span.end}


def _spans(spans: tuple[Span, ...]) -> list[dict[str, int]]:
    return [_span(s) for s in spans]


def _load_span(data: dict[str, Any] | None) -> Span | None:
    if data is None:
        return None
    return Span(int(data["start"]), int(data["end"]))


def _load_spans(data: list[dict[str, Any]]) -> tuple[Span, ...]:
    return tuple(Span(int(d["start"]), int(d["end"])) for d in data)


def to_json_dict(doc: ParsedDocument) -> dict[str, Any]:
    """The document as plain JSON-ready data, keys in contract order."""
    article = doc.article
    data: dict[str, Any] = {
        "schema": doc.schema,
        "article": {
            "path": None if article.path is None else name_text(article.path),
            "title": article.title,
            "date": article.date,
            "source": article.source,
            "byline": article.byline,
            "body_start": article.body_start,
            "language": article.language,
            "url": article.url,
            "display_title": article.display_title,
            **({"warnings": list(article.warnings)} if article.warnings else {}),
        },
        "engine": {
            "explorer": doc.engine.explorer,
            "spacy": doc.engine.spacy,
            "model": doc.engine.model,
        },
        "text": article.text,
        "paragraphs": _spans(article.paragraphs),
        "speakers": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "role": s.role,
                "aliases": list(s.aliases),
                "mentions": _spans(s.mentions),
                "quote_ids": list(s.quote_ids),
                "represents": s.represents,
            }
            for s in doc.speakers
        ],
        "quotes": [
            {
                "id": q.id,
                "kind": q.kind,
                "start": q.start,
                "end": q.end,
                "parts": _spans(q.parts),
                "text": q.text,
                "speaker_id": q.speaker_id,
                "speaker_mention": _span(q.speaker_mention) if q.speaker_mention else None,
                "cue": (
                    {"start": q.cue.start, "end": q.cue.end, "text": q.cue.text}
                    if q.cue
                    else None
                ),
                "rule": q.rule,
                "confidence": q.confidence,
            }
            for q in doc.quotes
        ],
        "places": [
            {
                "id": p.id,
                "name": p.name,
                "kind": p.kind,
                "aliases": list(p.aliases),
                "mentions": _spans(p.mentions),
            }
            for p in doc.places
        ],
        "figures": [
            {
                "id": f.id,
                "text": f.text,
                "value": f.value,
                "value_high": f.value_high,
                "unit": f.unit,
                "kind": f.kind,
                "counts": f.counts,
                "start": f.start,
                "end": f.end,
                "sentence": _span(f.sentence) if f.sentence else None,
                "quote_id": f.quote_id,
            }
            for f in doc.figures
        ],
        "people": [
            {
                "id": p.id,
                "name": p.name,
                "role": p.role,
                "aliases": list(p.aliases),
                "mentions": _spans(p.mentions),
                "speaker_id": p.speaker_id,
            }
            for p in doc.people
        ],
        "organisations": [
            {
                "id": o.id,
                "name": o.name,
                "aliases": list(o.aliases),
                "mentions": _spans(o.mentions),
                "speaker_id": o.speaker_id,
            }
            for o in doc.organisations
        ],
        "works": [
            {"id": w.id, "name": w.name, "kind": w.kind, "aliases": list(w.aliases),
             "mentions": _spans(w.mentions)}
            for w in doc.works
        ],
    }
    from explorer.analysis.sources_card import sources_card, sources_json  # not needed to read JSON

    data["sources"] = sources_json(sources_card(doc))
    if doc.corrections:
        data["corrections"] = [_correction(c) for c in doc.corrections]
    if doc.error is not None:
        data["error"] = doc.error
    return data


def _correction(note: CorrectionNote) -> dict[str, Any]:
    return {
        "action": note.action,
        "was": note.was,
        "now": note.now,
        "quote_ids": list(note.quote_ids),
        "speaker_id": note.speaker_id,
        "span": _span(note.span) if note.span else None,
        "problem": note.problem,
    }


def _load_correction(data: dict[str, Any]) -> CorrectionNote:
    return CorrectionNote(
        action=data["action"],
        was=data["was"],
        now=data["now"],
        quote_ids=tuple(data.get("quote_ids", ())),
        speaker_id=data.get("speaker_id"),
        span=_load_span(data.get("span")),
        problem=data.get("problem"),
    )


def from_json_dict(data: dict[str, Any]) -> ParsedDocument:
    """Load a document from its JSON form; raises ContractError when malformed."""
    if not isinstance(data, dict) or data.get("schema") != SCHEMA:
        raise ContractError(f"not an {SCHEMA} document")
    try:
        meta = data["article"]
        article = Article(
            text=data["text"],
            path=meta.get("path"),
            title=meta.get("title"),
            date=meta.get("date"),
            source=meta.get("source"),
            byline=meta.get("byline"),
            url=meta.get("url"),
            body_start=int(meta.get("body_start", 0)),
            language=meta.get("language", "en"),
            paragraphs=_load_spans(data["paragraphs"]),
            warnings=tuple(str(w) for w in meta.get("warnings") or ()),
        )
        engine = Engine(**{k: data["engine"][k] for k in ("explorer", "spacy", "model")})
        return ParsedDocument(
            article=article,
            engine=engine,
            speakers=tuple(
                Speaker(
                    id=s["id"],
                    name=s["name"],
                    kind=s["kind"],
                    role=s.get("role"),
                    aliases=tuple(s["aliases"]),
                    mentions=_load_spans(s["mentions"]),
                    quote_ids=tuple(s["quote_ids"]),
                    represents=s.get("represents"),
                )
                for s in data["speakers"]
            ),
            quotes=tuple(
                Quote(
                    id=q["id"],
                    kind=q["kind"],
                    start=int(q["start"]),
                    end=int(q["end"]),
                    parts=_load_spans(q["parts"]),
                    text=q["text"],
                    speaker_id=q.get("speaker_id"),
                    speaker_mention=_load_span(q.get("speaker_mention")),
                    cue=Cue(int(q["cue"]["start"]), int(q["cue"]["end"]), q["cue"]["text"])
                    if q.get("cue")
                    else None,
                    rule=q.get("rule"),
                    confidence=q.get("confidence"),
                )
                for q in data["quotes"]
            ),
            places=tuple(
                Place(
                    id=p["id"],
                    name=p["name"],
                    kind=p["kind"],
                    aliases=tuple(p["aliases"]),
                    mentions=_load_spans(p["mentions"]),
                )
                for p in data["places"]
            ),
            figures=tuple(
                Figure(
                    id=f["id"],
                    text=f["text"],
                    start=int(f["start"]),
                    end=int(f["end"]),
                    kind=f["kind"],
                    value=f.get("value"),
                    value_high=f.get("value_high"),
                    unit=f.get("unit"),
                    counts=f.get("counts"),
                    sentence=_load_span(f.get("sentence")),
                    quote_id=f.get("quote_id"),
                )
                for f in data["figures"]
            ),
            people=tuple(
                Person(
                    id=p["id"],
                    name=p["name"],
                    role=p.get("role"),
                    aliases=tuple(p["aliases"]),
                    mentions=_load_spans(p["mentions"]),
                    speaker_id=p.get("speaker_id"),
                )
                for p in data["people"]
            ),
            organisations=tuple(
                Organisation(
                    id=o["id"],
                    name=o["name"],
                    aliases=tuple(o["aliases"]),
                    mentions=_load_spans(o["mentions"]),
                    speaker_id=o.get("speaker_id"),
                )
                for o in data["organisations"]
            ),
            works=tuple(  # an extra key: documents written before it have none
                Work(
                    id=w["id"],
                    name=w["name"],
                    kind=w.get("kind", "other"),
                    aliases=tuple(w["aliases"]),
                    mentions=_load_spans(w["mentions"]),
                )
                for w in data.get("works") or ()
            ),
            schema=data["schema"],
            corrections=tuple(_load_correction(c) for c in data.get("corrections", ())),
            error=data.get("error"),
        )
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise ContractError(f"malformed {SCHEMA} document: {exc}") from exc


# json.dumps already escapes C0 controls; the rest of the unsafe range, and the
# line separators some readers take for line ends, are escaped here.
_UNSAFE_IN_TERMINAL = re.compile(f"[{UNSAFE_CHARACTERS}\u2028\u2029]")


def _escape(match: re.Match[str]) -> str:
    return f"\\u{ord(match.group()):04x}"


def json_text(data: Any, *, indent: int | None = None) -> str:
    """JSON that is safe to print: readable UTF-8, but DEL, C1 controls and bidi marks
    as ``\\uXXXX`` escapes so they cannot act on a terminal. Decodes to the same data."""
    return _UNSAFE_IN_TERMINAL.sub(_escape, json.dumps(data, ensure_ascii=False, indent=indent))


def dumps(doc: ParsedDocument, *, indent: int | None = None) -> str:
    return json_text(to_json_dict(doc), indent=indent)


def loads(raw: str | bytes) -> ParsedDocument:
    try:
        data = json.loads(raw)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ContractError(f"invalid JSON: {exc}") from exc
    return from_json_dict(data)

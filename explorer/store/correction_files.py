"""Where corrections live: one JSON file per article, named by its content hash.

Beside the analysis cache (``$EXPLORER_CACHE_DIR/corrections/``), keyed by the
article text alone, so a correction survives moving the file and re-analysis
with newer rules, and never touches the article file. A file we cannot read is
renamed aside (``*.corrupt-N``) and reported; the article then has no
corrections, and the app goes on.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from explorer import model_json
from explorer.model import Article, ParsedDocument
from explorer.store.cache import default_cache_dir
from explorer.store.corrections import (
    Correction,
    CorrectionFormatError,
    apply_corrections,
    describe,
)

if TYPE_CHECKING:
    from explorer.documents import Analysed

FILE_SCHEMA = "explorer.corrections/1"
BUNDLE_SCHEMA = "explorer.corrections-bundle/1"
FOLDER = "corrections"


def content_hash(text: str) -> str:
    """sha256 of the article text: the key of its corrections."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@dataclass(frozen=True, slots=True)
class Loaded:
    """An article's corrections, and what went wrong reading them (None when nothing)."""

    corrections: tuple[Correction, ...]
    problem: str | None = None


@dataclass(frozen=True, slots=True)
class ImportReport:
    articles: int
    added: int
    already_there: int


def _parse_file(data: object) -> tuple[dict, tuple[Correction, ...]]:
    if not isinstance(data, dict) or data.get("schema") != FILE_SCHEMA:
        raise CorrectionFormatError(f"not an {FILE_SCHEMA} file")
    items = data.get("corrections")
    if not isinstance(items, list):
        raise CorrectionFormatError("no list of corrections")
    article = data.get("article") if isinstance(data.get("article"), dict) else {}
    return article, tuple(Correction.from_json(item) for item in items)


class CorrectionStore:
    """Corrections by article content hash, in a folder of small JSON files."""

    def __init__(self, directory: Path | str | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir() / FOLDER

    def path_for(self, text: str) -> Path:
        return self.directory / f"{content_hash(text)}.json"

    def has(self, text: str) -> bool:
        return self.path_for(text).is_file()

    def load(self, text: str) -> Loaded:
        """The article's corrections; a corrupt file is set aside and reported, never raised."""
        path = self.path_for(text)
        try:
            raw = path.read_bytes()
        except FileNotFoundError:
            return Loaded(())
        except OSError as exc:
            return Loaded((), f"cannot read corrections {path.name}: {exc.strerror or exc}")
        try:
            _, corrections = _parse_file(json.loads(raw.decode("utf-8")))
        except (ValueError, UnicodeDecodeError) as exc:
            aside = self._set_aside(path)
            return Loaded((), f"corrections file {path.name} is unreadable ({exc}); "
                              f"moved aside to {aside.name if aside else 'nowhere'}")
        return Loaded(corrections)

    def _set_aside(self, path: Path) -> Path | None:
        for number in range(1, 1000):
            aside = path.with_name(f"{path.name}.corrupt-{number}")
            if not aside.exists():
                try:
                    path.rename(aside)
                except OSError:
                    return None
                return aside
        return None

    def save(self, article: Article, corrections: Iterable[Correction]) -> None:
        """Write the article's whole list (an empty list removes the file); atomic."""
        corrections = list(corrections)
        path = self.path_for(article.text)
        if not corrections:
            path.unlink(missing_ok=True)
            return
        self._write(path, {"title": article.title, "path": article.path}, corrections)

    def add(self, article: Article, correction: Correction) -> tuple[Correction, ...]:
        corrections = (*self.load(article.text).corrections, correction)
        self.save(article, corrections)
        return corrections

    def undo(self, article: Article) -> Correction | None:
        """Forget the article's last correction; returns it, or None when there was none."""
        corrections = self.load(article.text).corrections
        if not corrections:
            return None
        self.save(article, corrections[:-1])
        return corrections[-1]

    def apply(self, doc: ParsedDocument) -> tuple[ParsedDocument, str | None]:
        """``doc`` with its stored corrections applied, and any problem reading them."""
        if doc.error is not None or not self.has(doc.text):
            return doc, None
        loaded = self.load(doc.text)
        return apply_corrections(doc, loaded.corrections), loaded.problem

    def apply_to_analysed(self, analysed: Analysed, report: Callable[[str], None]) -> Analysed:
        """``analysed`` with its stored corrections in its JSON; untouched (and not even
        parsed) when the article has none. Problems go to ``report``."""
        if analysed.error is not None or not self.has(analysed.article.text):
            return analysed
        document, problem = self.apply(analysed.document())
        if problem:
            report(problem)
        for note in document.corrections:
            if note.problem:
                report(f"{analysed.article.path or '<stdin>'}: correction no longer fits: "
                       f"{describe(note)}")
        return dataclasses.replace(analysed, json=model_json.dumps(document))

    # -- sharing ------------------------------------------------------------------------------

    def _files(self) -> Iterator[Path]:
        if self.directory.is_dir():
            yield from sorted(self.directory.glob("*.json"))

    def export_bundle(self, texts: Iterable[str] | None = None) -> tuple[dict, list[str]]:
        """Every article's corrections (or only those of ``texts``) as one JSON bundle."""
        wanted = None if texts is None else {content_hash(t) for t in texts}
        articles, problems = [], []
        for path in self._files():
            key = path.stem
            if wanted is not None and key not in wanted:
                continue
            try:
                article, corrections = _parse_file(json.loads(path.read_text(encoding="utf-8")))
            except (OSError, ValueError, UnicodeDecodeError) as exc:
                problems.append(f"{path.name}: {exc}")
                continue
            articles.append({"content_hash": key, "title": article.get("title"),
                             "path": article.get("path"),
                             "corrections": [c.to_json() for c in corrections]})
        return {"schema": BUNDLE_SCHEMA, "articles": articles}, problems

    def import_bundle(self, data: object) -> ImportReport:
        """Add a bundle's corrections to ours; ones we have already are skipped.

        Raises CorrectionFormatError (and changes nothing) for a malformed bundle.
        """
        if not isinstance(data, dict) or data.get("schema") != BUNDLE_SCHEMA:
            raise CorrectionFormatError(f"not an {BUNDLE_SCHEMA} file")
        entries = data.get("articles")
        if not isinstance(entries, list):
            raise CorrectionFormatError("no list of articles")
        parsed = []
        for entry in entries:
            if not isinstance(entry, dict):
                raise CorrectionFormatError("an article entry is not an object")
            key = entry.get("content_hash")
            if not isinstance(key, str) or len(key) != 64 or not all(
                    ch in "0123456789abcdef" for ch in key):
                raise CorrectionFormatError(f"bad content hash {key!r}")
            items = entry.get("corrections")
            if not isinstance(items, list):
                raise CorrectionFormatError(f"no list of corrections for {key[:12]}")
            parsed.append((key, entry, [Correction.from_json(item) for item in items]))
        added = already = 0
        for key, entry, incoming in parsed:
            path = self.directory / f"{key}.json"
            existing: tuple[Correction, ...] = ()
            if path.is_file():
                try:
                    _, existing = _parse_file(json.loads(path.read_text(encoding="utf-8")))
                except (OSError, ValueError, UnicodeDecodeError):
                    self._set_aside(path)
            have = {c.what for c in existing}
            fresh = [c for c in incoming if c.what not in have]
            already += len(incoming) - len(fresh)
            added += len(fresh)
            if fresh:
                self._write(path, entry, (*existing, *fresh))
        return ImportReport(len(parsed), added, already)

    def _write(self, path: Path, about: dict, corrections: Iterable[Correction]) -> None:
        """Atomically: a reader never sees half a file."""
        data = {
            "schema": FILE_SCHEMA,
            "article": {"title": about.get("title"), "path": about.get("path")},
            "corrections": [c.to_json() for c in corrections],
        }
        self.directory.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(data, out, ensure_ascii=False, indent=1)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise

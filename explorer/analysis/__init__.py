"""Text -> parsed-document model, with spaCy and our rules. Imports no Textual."""

from explorer.analysis.loader import ModelNotFound, load_pipeline
from explorer.analysis.pipeline import RULES_VERSION, analyze, analyze_many, engine_for

__all__ = [
    "ModelNotFound",
    "RULES_VERSION",
    "analyze",
    "analyze_many",
    "engine_for",
    "load_pipeline",
]

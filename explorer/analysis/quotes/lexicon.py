"""Words that report speech or thought: the cues of an attribution, by lemma."""

from __future__ import annotations

from explorer.analysis.lexicons import words

SPEECH_VERBS = words("speech_verbs")
"""Verbs that introduce said or written words."""

THOUGHT_VERBS = words("thought_verbs")
"""Verbs of belief that PolNeAR-style attribution also counts (internal states)."""

ADDRESSEE_VERBS = words("addressee_verbs")
"""Cues whose object is who heard the words (``told the BBC``, ``answered his critics``), not the words."""

STATEMENT_VERBS = words("statement_verbs")
"""Verbs that report a public statement or stance without being verbs of saying (``hailed the ruling``)."""

OBJECT_CUES = (SPEECH_VERBS | THOUGHT_VERBS | STATEMENT_VERBS) - words("not_object_cues")
"""Cues whose reported content may be a plain object (``X announced his resignation``)."""

ROLE_WORDS_ORGANISATION = words("body_role_nouns")
"""Head nouns of a role noun phrase that names a body (``the Government department``)."""


ROLE_WORDS_PERSON = (words("role_nouns") - words("role_nouns_not_for_attribution")) | words("person_back_references")
"""Head nouns of a role noun phrase that names a person (``the Home Secretary``)."""

SPOKESPERSON_WORDS = words("spokesperson_nouns")
"""A spokesperson speaks for a body and is a speaker of their own: not the body, not its leader."""

DOCUMENT_WORDS = words("document_nouns")
"""Written things that speak in news copy (``a statement from the firm said``)."""

ANONYMOUS_WORDS = words("anonymous_source_nouns")
"""Head nouns of a source the article does not name (``a senior source``, ``insiders``)."""

ABSTRACT_NOUNS = words("abstract_nouns")
"""Things and events that never speak, though a sentence may make them the subject of "warn"
or "suggest" (``history suggests``, ``a stand-off threatened to``); documents can speak."""

POSSESSIVE_DETERMINERS = words("possessive_determiners")
"""``Its commissioner``: whose role it is, said elsewhere; never part of the role itself."""

ROLE_DETERMINERS = frozenset(["the", "a", "an", "this", "that"]) | POSSESSIVE_DETERMINERS
"""Words that open a role noun phrase but do not belong in the role."""

ROLE_ABBREVIATIONS = words("role_abbreviations")
"""Roles written in capitals before a name (``Labour MP John Smith``); "ms" is a Senedd member."""

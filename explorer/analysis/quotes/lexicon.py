"""Words that report speech or thought: the cues of an attribution, by lemma."""

from __future__ import annotations

SPEECH_VERBS = frozenset(["say", "tell", "add", "warn", "insist", "claim", "argue", "write", "state", "declare", "announce", "explain", "note", "observe", "remark", "comment", "reply", "respond", "answer", "ask", "question", "suggest", "propose", "recommend", "urge", "demand", "call", "describe", "acknowledge", "admit", "concede", "confirm", "deny", "reject", "dismiss", "assert", "maintain", "contend", "allege", "accuse", "charge", "complain", "criticise", "criticize", "condemn", "denounce", "blast", "slam", "attack", "praise", "applaud", "welcome", "thank", "promise", "pledge", "vow", "vowed", "swear", "predict", "forecast", "estimate", "report", "reveal", "disclose", "tweet", "post", "blog", "testify", "recall", "recount", "repeat", "reiterate", "stress", "emphasise", "emphasize", "point", "mention", "caution", "cry", "shout", "yell", "scream", "whisper", "mutter", "joke", "quip", "boast", "brag", "lament", "concur", "agree", "disagree", "counter", "retort", "rebut", "interject", "continue", "conclude", "tout", "signal", "hint", "indicate", "imply", "stress", "told", "advise", "assure", "remind", "inform", "notify", "brief", "concede", "speculate", "wonder", "muse", "lecture", "preach", "proclaim", "pronounce", "quote", "cite", "chide", "scold", "rebuke", "mock", "ridicule", "taunt", "decry", "deplore", "bemoan", "protest", "object", "plead", "beg", "implore", "appeal", "threaten", "guarantee", "predict", "forewarn", "write", "email", "text", "message", "telegraph", "insinuate", "opine", "reckon", "offer", "reference", "characterize", "characterise", "refer", "read", "bark", "snap", "lash", "rip", "fire", "hit", "mock", "label", "brand", "dub", "term", "tell", "deride", "insult", "slam", "assail", "question", "vow", "retaliate", "exhort", "shoot", "fire", "gush", "rave", "rant", "sneer", "scoff", "snipe", "jab", "muse", "press", "push", "chant", "sing", "cheer", "boo", "heckle"])
"""Verbs that introduce said or written words."""

THOUGHT_VERBS = frozenset(["think", "believe", "feel", "hope", "fear", "expect", "know", "worry", "doubt", "suspect", "consider", "reckon", "assume", "guess", "imagine", "understand", "realize", "realise", "conclude", "figure", "want", "wish", "prefer", "show", "find", "endorse", "support", "oppose", "back", "defend", "blame", "refuse", "decline", "criticise", "criticize", "announce", "accuse", "describe", "urge", "plan", "intend", "seek", "vow", "promise", "refer"])
"""Verbs of belief that PolNeAR-style attribution also counts (internal states)."""

OBJECT_CUES = (SPEECH_VERBS | THOUGHT_VERBS) - frozenset(["read", "hit", "fire", "shoot", "press", "push", "snap", "post", "text", "message", "thank", "continue", "add", "rip", "lash", "bark", "cite", "quote", "testify", "address", "know", "understand", "consider", "figure", "realize", "realise", "guess", "imagine", "conclude"])
"""Cues whose reported content may be a plain object (``X announced his resignation``)."""

ROLE_WORDS_ORGANISATION = frozenset(["department", "ministry", "office", "agency", "government", "administration", "campaign", "committee", "party", "council", "commission", "company", "firm", "group", "organisation", "organization", "authority", "service", "spokesman", "spokeswoman", "spokesperson"])
"""Head nouns of a role noun phrase that names a body (``the Government department``)."""


ROLE_WORDS_PERSON = frozenset(["secretary", "minister", "president", "senator", "governor", "nominee", "candidate", "chairman", "chairwoman", "chair", "leader", "director", "chief", "official", "mayor", "attorney", "ambassador", "adviser", "advisor", "manager", "aide", "congressman", "congresswoman", "representative", "speaker", "spokesman", "spokeswoman", "spokesperson", "chancellor", "premier", "commissioner", "judge", "justice", "general", "officer", "executive", "founder", "host", "businessman", "businesswoman", "mogul", "billionaire", "rival", "opponent", "former"])
"""Head nouns of a role noun phrase that names a person (``the Home Secretary``)."""

SPOKESPERSON_WORDS = frozenset(["spokesman", "spokeswoman", "spokesperson", "spokespeople"])
"""A spokesperson speaks for a body and is a speaker of their own: not the body, not its leader."""

DOCUMENT_WORDS = frozenset(["statement", "report", "survey", "study", "letter", "document", "poll", "memo",
                            "release", "filing", "analysis", "review", "paper", "ruling", "judgment",
                            "summary", "briefing", "audit", "guidance"])
"""Written things that speak in news copy (``a statement from the firm said``)."""

ANONYMOUS_WORDS = frozenset(["source", "insider", "whistleblower", "whistle-blower"])
"""Head nouns of a source the article does not name (``a senior source``, ``insiders``)."""

ABSTRACT_NOUNS = frozenset(["stand-off", "standoff", "history", "change", "move", "decision", "deal", "plan",
                            "crisis", "row", "dispute", "war", "ban", "policy", "scheme", "process", "situation",
                            "problem", "issue", "idea", "event", "delay", "shift", "trend", "rise", "fall",
                            "increase", "cut", "calculation", "figure", "number", "evidence", "experience"])
"""Things and events that never speak, though a sentence may make them the subject of "warn"
or "suggest" (``history suggests``, ``a stand-off threatened to``); documents can speak."""

POSSESSIVE_DETERMINERS = frozenset(["its", "their", "his", "her", "our", "my", "your"])
"""``Its commissioner``: whose role it is, said elsewhere; never part of the role itself."""

ROLE_DETERMINERS = frozenset(["the", "a", "an", "this", "that"]) | POSSESSIVE_DETERMINERS
"""Words that open a role noun phrase but do not belong in the role."""

ROLE_ABBREVIATIONS = frozenset(["mp", "msp", "mep", "mla", "ms", "ceo", "cfo", "coo"])
"""Roles written in capitals before a name (``Labour MP John Smith``); "ms" is a Senedd member."""

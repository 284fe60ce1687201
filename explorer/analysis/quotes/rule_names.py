"""Every rule that can produce a quote, by the name a quote's ``rule`` carries.

One table, so a reader tracing a quote finds what its rule means, the
confidence model knows every name, and a test checks that each rule the code
can emit is listed here and tried by a test.
"""

from __future__ import annotations

QUOTE_RULES: dict[str, str] = {
    "direct.cue_before": 'a cue verb before the quote: X said "..."',
    "direct.cue_after": 'a cue after the quote: "...," X said',
    "direct.inverted": 'a cue after the quote, subject after the verb: "...," said X',
    "direct.interrupted": 'the cue inside the quote: "A," X said, "B."',
    "direct.colon_intro": 'an introduction ending in a colon: X told the BBC: "..."',
    "direct.according_to": '"...", according to X',
    "direct.dash_credit": 'a dash credit: "..." - X, or a quote set off by dashes after a name: X -- "..." --',
    "direct.verdict_of": '"...," is the assessment of X',
    "direct.previous_sentence": "a cue in the sentence before: X added. \"...\"",
    "direct.previous_subject": "no cue; a named person is the subject of the sentence before: X named a reason. \"...\"",
    "direct.floating": "a quote that follows the previous speaker's quote in the same run",
    "direct.nearest_speaker": "no cue near: the latest source quoted, a guess",
    "direct.unattributed": "a quote no rule could attribute",
    "direct.clause_subject": "the subject of the clause that holds the quote",
    "direct.headline_name": "a headline credit: Name: '...'",
    "mixed.reported": 'reported speech holding quoted words: X said the plan was "dead"',
    "mixed.clause_subject": "quoted words inside a clause whose subject is the speaker",
    "mixed.headline_name": "quoted words in a headline with a name before a colon",
    "reported.complement": "X said (that) ...",
    "reported.object": "X announced his resignation, X backed the plan",
    "reported.appeal": "what is asked for: X called for Y to act, X urged Y to Z, X pushed for a vote",
    "reported.topic": "what was talked about: X spoke about Y, X discussed the plan",
    "reported.cue_after": "..., X said.",
    "reported.parenthetical": "A, X said, B.",
    "reported.question": "Asked whether ..., X said: the question put by an unnamed interviewer",
    "reported.according_to": "According to X, ...",
    "reported.unheld_belief": "X is expected to Y, it is believed that Y: a passive cue naming no one who holds the view",
    "reported.headline": "a title crediting a claim with a colon: Poll: Clinton leads in Ohio",
    "reported.utterance_noun": "X's claim that ...",
    "reported.stance": "a view held, not said: X sees Y as Z, X cast Y as Z",
    "reported.stance_noun": "X's call for a ban, her support for the bill: the owner of a stance noun",
    "reported.in_view": "In X's view, ...: the clause beside the phrase is the owner's",
    "reported.received_stance": "the plan won the backing of X: X's stance, about the subject",
    "reported.stance_adjective": "X is critical of ..., X was confident that ...",
    "reported.stance_holder": "X, a critic of Y; X is in favour of Y: the one described holds the stance",
    "reported.light_verb": "X voiced support for ..., X expressed concern that ...",
    "transcript.turn": "a transcript line: NAME: ...",
}

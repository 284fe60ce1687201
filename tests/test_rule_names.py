"""The rule table: every rule the code can emit is listed, and every listed rule is tested."""

from __future__ import annotations

import re
from pathlib import Path

from explorer.analysis.quotes.rule_names import QUOTE_RULES

ROOT = Path(__file__).resolve().parent.parent
QUOTES = ROOT / "explorer" / "analysis" / "quotes"
_LITERAL = re.compile(r'"((?:direct|mixed|reported|transcript)\.[a-z_]+)"')
_KIND_TEMPLATE = re.compile(r'f"\{kind\}\.([a-z_]+)"')


def _rules_in_code() -> set[str]:
    names: set[str] = set()
    for path in QUOTES.glob("*.py"):
        if path.name == "rule_names.py":
            continue
        source = path.read_text(encoding="utf-8")
        names |= set(_LITERAL.findall(source))
        names |= {f"{kind}.{rule}" for rule in _KIND_TEMPLATE.findall(source) for kind in ("direct", "mixed")}
    return names


def test_every_rule_the_code_names_is_in_the_table():
    assert _rules_in_code() - set(QUOTE_RULES) == set()


def test_every_rule_in_the_table_is_tried_by_a_test():
    tests = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "tests").glob("test_*.py")
                    if p.name != "test_rule_names.py")
    untested = {name for name in QUOTE_RULES if name not in tests and name.split(".")[1] not in tests}
    assert untested == set()


def test_the_analysis_emits_only_listed_rules(seed_doc):
    assert {q.rule for q in seed_doc.quotes} <= set(QUOTE_RULES)

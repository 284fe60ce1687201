"""Make article text safe to show in a terminal: control characters become visible symbols.

Rich markup is never parsed from article text (we build ``rich.text.Text``
objects, not markup strings); this module handles the other half, escape and
control characters that would change the terminal's state.
"""

from __future__ import annotations

import re

# C0 and C1 controls (ESC starts ANSI/OSC sequences; 0x9b is a one-byte CSI), the
# bidi marks and overrides, which can make text display in an order it is not stored in,
# and lone surrogates (a file name's undecodable bytes), which no UTF-8 stream can carry.
UNSAFE_CHARACTERS = (
    r"\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
)
"""A regex character range, shared with the JSON writer; newline and tab are left out."""
_CONTROL = re.compile(f"[{UNSAFE_CHARACTERS}]")
_UNDECODABLE_BYTE = re.compile("[\udc80-\udcff]")
"""How Python holds a byte of a file name that is not UTF-8 (``surrogateescape``)."""


def _placeholder(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # the Control Pictures block: ␛ for ESC
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character (but newline and tab) shown as a symbol.

    The result has the same length as ``text``, so offsets still line up.
    """
    # Windows line ends: the carriage return is part of the break, not content.
    return _CONTROL.sub(_placeholder, text.replace("\r\n", " \n"))


def name_text(name: str) -> str:
    """A file name as valid text: each byte that is not UTF-8 written as ``\\xNN``."""
    return _UNDECODABLE_BYTE.sub(lambda m: f"\\x{ord(m.group()) - 0xDC00:02x}", name)


def visible_name(name: str) -> str:
    """A file name, or a one-line message holding one, safe to print on one line.

    Undecodable bytes as ``\\xNN``, controls as symbols, and line breaks and tabs as
    ``␊`` ``␉``, so a name can neither drive the terminal nor forge a second line.
    """
    return visible(name_text(name)).replace("\n", "\u240a").replace("\t", "\u2409")

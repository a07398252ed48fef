"""Unicode bidi controls made visible as ``[U+202E]`` in text a person reads: in an HTML page or a spreadsheet cell
they would reorder what follows ("invoice" + U+202E + "gnp.exe" shown as "invoiceexe.png"); and other control
characters shown as U+FFFD there (a NUL a browser drops, an ESC a terminal runs)."""

from __future__ import annotations

import re

# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069): they reorder every run after them on the line
_REORDERING = re.compile("[\u202a-\u202e\u2066-\u2069]")
# the same and the marks (ALM, LRM, RLM): a spreadsheet cell shows them too; the HTML keeps the marks, since Arabic and
# Hebrew text uses them and each paragraph and cell there is laid out on its own
_WITH_MARKS = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def show_bidi_controls(text: str, *, marks: bool = False) -> str:
    """``text`` with each bidi control (and with ``marks`` each bidi mark) written as ``[U+XXXX]``."""
    return (_WITH_MARKS if marks else _REORDERING).sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


# C0 controls and DEL, less tab, line feed, form feed and return (text and cells may hold lines)
_CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def replace_controls(text: str) -> str:
    """``text`` with each control character but tab and the line ends written as U+FFFD."""
    return _CONTROLS.sub("\ufffd", text)

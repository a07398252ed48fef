"""Session 28 (harden), review: a page or comment holding control characters (a NUL from a JSONL "text", an escape
from a terminal capture) wrote them raw into the HTML dossier: an HTML parse error, text a browser drops, and a
file `grep` calls binary. They are shown as U+FFFD; tabs and line ends stay."""

from __future__ import annotations

import re

import storytrace
from storytrace.report.html import esc, render_dossier

QUICK = {"with_facts": False, "with_comments": False, "with_stories": False, "progress": False}
CONTROLS = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f]")


def test_controls_in_a_page_never_reach_the_dossier_raw():
    text = "Officials said on Monday the dam \x00failed\x1b[31m after days of rain.\x07 " * 5
    dossier = storytrace.analyze([{"text": text, "title": "Dam\x00 fails", "url": "https://ex.org/a"}], **QUICK)
    out = render_dossier(dossier)
    assert not CONTROLS.search(out)
    assert "the dam \ufffdfailed\ufffd[31m" in out


def test_tabs_and_line_ends_are_kept():
    assert esc("a\tb\nc\r\n") == "a\tb\nc\r\n"
    assert esc("a\x00b\x7f") == "a\ufffdb\ufffd"

"""One text key serves anatomy (titles, headings, repeated comments) and facts (a body paragraph repeating the title)."""

from pathlib import Path

import storytrace
from storytrace.ingest.textkey import text_key


def test_text_key_ignores_case_punctuation_and_spacing():
    assert text_key("Sappers head to Kursk | Example News") == text_key("sappers head to kursk — example news")
    assert text_key("Straße, 1,000!") == "strasse1000"
    assert text_key("Kursk") != text_key("Kursk region")


def test_no_module_keeps_its_own_copy_of_the_text_key():
    src = Path(storytrace.__file__).parent
    copies = [p.relative_to(src) for p in src.rglob("*.py")
              if p.name != "textkey.py" and 'r"\\W+", "", ' in p.read_text(encoding="utf-8")]
    assert copies == []

"""The README's failure-code table lists exactly the codes the package can give."""

import re
from pathlib import Path

from storytrace.errors import CODES

README = Path(__file__).resolve().parents[1] / "README.md"


def test_readme_lists_every_failure_code_and_no_other():
    rows = re.findall(r"^\| (E\d{3}) \|", README.read_text(encoding="utf-8"), flags=re.MULTILINE)
    assert sorted(rows) == sorted(CODES)

"""``bench_stories.summedits(with_facts=True)`` builds its shells through the facts stage, as the product does: a
summary that changes a number of its document is flagged, one that repeats it is not."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_summedits_with_facts_shells_reads_both_labels(tmp_path: Path, encoder) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from bench_stories import summedits

    doc = "The council in Leeds approved 40 new homes on Monday. Work starts in May, the council said."
    folder = tmp_path / "consistency" / "summedits"
    folder.mkdir(parents=True)
    (folder / "summedits_test.json").write_text(json.dumps([
        {"doc": doc, "summary": "The council in Leeds approved 40 new homes on Monday.", "label": 1},
        {"doc": doc, "summary": "The council in Leeds approved 400 new homes on Monday.", "label": 0},
    ]), encoding="utf-8")
    result = summedits(tmp_path, encoder, 2, with_facts=True)
    assert (result["items"], result["shells"]) == (2, "facts stage")
    assert result["balanced_accuracy"] == 1.0

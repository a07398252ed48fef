"""Session 28 review (second round): the dossier's quantity table shows a range's two ends, not an empty value."""

from __future__ import annotations

from storytrace.report.html import _facts


def test_a_range_shows_its_low_and_high_end_in_the_value_column():
    html = _facts({"quantities": [{"text": "between $10m and $12m", "value": None, "low": 10_000_000.0,
                                   "high": 12_000_000.0, "unit": "USD"}]})
    assert "<td>10,000,000–12,000,000</td>" in html

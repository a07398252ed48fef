"""A group name or slur with one letter dropped (revision 3.7b): the commonest disguise is read as the term.

Revision 3.7 told misspellings of common words from disguised terms with a noisy channel whose only prior was word
frequency, so a group name with a letter dropped became the more frequent word one slip away ("wmen" -> "when",
"sihs" -> "sits", "trany" -> "tray"). The deletion probes of training/spelling_probes.py (``deletions``) found these;
every case of the first test failed with revision 3.7 (commits 4f88c01..5bf138e). The second guards the new rule's
limits: each case fails with a looser version (no frequency margin: "fod", "onky"; without the first-letter case:
"hink"; dropped letters of the word for people too: "peple").
"""

from __future__ import annotations

import pytest

from storytrace.comments._decode import clean


def _decoded(model, text: str) -> dict[str, str]:
    """Span (lower case) -> decoded text."""
    return {d.span.lower(): d.decoded for d in model.decoder.decode(clean(text))[0]}


@pytest.mark.parametrize("text,span,decoded", [
    ("ban wmen from the police force", "wmen", "women"),
    ("sihs need to be taught a lesson", "sihs", "sikhs"),
    ("we're here, we're quee", "quee", "queer"),
    ("shut up you trany", "trany", "tranny"),
    ("shut up you dke", "dke", "dyke"),
    ("bunch of khokhy begging for money", "khokhy", "khokhly"),  # not "kike": the term it drops a letter of
    ("why do asias get left out", "asias", "asians"),  # not "usa"
    ("blck people are scum", "blck people", "black people"),
    ("the quakers help asyum seekers", "asyum seekers", "asylum seekers"),
])
def test_a_term_with_a_letter_dropped_is_the_term(model, text, span, decoded):
    assert _decoded(model, text).get(span) == decoded


@pytest.mark.parametrize("text", [
    "indians have the best street fod on the planet",  # "food", not "foid": far more frequent
    "Aleph is onky my second book from you",  # "only", not "honky"
    "they hink they own the place now",  # "think": a common word's first letter dropped too, not "chink"
    "black peple live here",  # a typo of the word for people, not a disguise
    "back people up when they need it",  # a real word is not a dropped letter
])
def test_real_words_and_typos_stay_what_they_are(model, text):
    assert _decoded(model, text) == {}

"""spaCy's ``attribute_ruler`` applied to many Docs at once, with the same result.

The ruler of en_core_web_sm maps tags to POS and morphology and adds ~120 exceptions (179 rules). spaCy
runs it as a token Matcher per Doc, which costs as much as the tagger and parser together on our sentence
docs. Here every rule is evaluated with numpy over the tokens of all Docs at once, then each token gets
the attributes of its matching rules merged in rule order (a later rule wins, as in
``AttributeRuler.set_annotations``) and written with spaCy's own ``set_token_attrs``.

Supported rule patterns: token specs over ``TAG``, ``LOWER``, ``DEP``, ``NORM``, ``ORTH`` (string, ``IN``,
``NOT_IN``, ``REGEX``) and ``IS_SPACE`` (bool), one or more tokens long. :func:`supported` says whether a
ruler only uses these; otherwise the caller runs the component itself.
"""

from __future__ import annotations

import re
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LOWER, NORM, ORTH, TAG
from spacy.tokens import Doc
from spacy.tokens._retokenize import set_token_attrs

_ATTRS = {"TAG": TAG, "LOWER": LOWER, "DEP": DEP, "NORM": NORM, "ORTH": ORTH, "IS_SPACE": IS_SPACE}
_COLS = list(_ATTRS)


def supported(ruler: Any) -> bool:
    """True when every pattern of ``ruler`` uses only what :func:`apply_attribute_ruler` evaluates."""
    try:
        for rule in ruler.patterns:
            for pattern in rule["patterns"]:
                for spec in pattern:
                    for key, value in spec.items():
                        if key not in _ATTRS:
                            return False
                        if isinstance(value, dict) and (len(value) != 1 or next(iter(value)) not in
                                                        ("IN", "NOT_IN", "REGEX")):
                            return False
                        if key == "IS_SPACE" and not isinstance(value, bool):
                            return False
    except Exception:  # noqa: BLE001 - an unfamiliar ruler: let spaCy run it
        return False
    return len(ruler.patterns) == len(ruler.attrs) == len(ruler.indices)


def _spec_mask(cols: dict[str, numpy.ndarray], spec: dict, strings: Any) -> numpy.ndarray:
    n = len(cols["TAG"])
    mask = numpy.ones(n, dtype=bool)
    for key, value in spec.items():
        col = cols[key]
        if key == "IS_SPACE":
            mask &= (col != 0) == value
        elif isinstance(value, str):
            mask &= col == strings.as_int(value) if value else col == 0
        elif "IN" in value:
            mask &= numpy.isin(col, [strings.as_int(v) if v else 0 for v in value["IN"]])
        elif "NOT_IN" in value:
            mask &= ~numpy.isin(col, [strings.as_int(v) if v else 0 for v in value["NOT_IN"]])
        else:
            rx = re.compile(value["REGEX"])
            uniq = numpy.unique(col)
            hits = [h for h in uniq.tolist() if rx.search(strings[h] if h else "")]
            mask &= numpy.isin(col, hits)
    return mask


def apply_attribute_ruler(docs: list[Doc], ruler: Any) -> None:
    """Set what ``ruler`` (a spaCy AttributeRuler, see :func:`supported`) would set on each of ``docs``."""
    docs = [d for d in docs if len(d)]
    if not docs:
        return
    strings = docs[0].vocab.strings
    arrays = [d.to_array([_ATTRS[c] for c in _COLS]) for d in docs]
    table = numpy.concatenate(arrays).astype(numpy.uint64)
    cols = {c: table[:, j] for j, c in enumerate(_COLS)}
    doc_of = numpy.concatenate([numpy.full(len(d), k, dtype=numpy.int64) for k, d in enumerate(docs)])
    n = len(doc_of)
    merged: dict[int, dict] = {}
    for r, rule in enumerate(ruler.patterns):
        attrs, index = ruler.attrs[r], ruler.indices[r]
        for pattern in rule["patterns"]:
            length = len(pattern)
            if length == 0 or length > n:
                continue
            starts = numpy.ones(n - length + 1, dtype=bool)
            for j, spec in enumerate(pattern):
                m = _spec_mask(cols, spec, strings)
                starts &= m[j:n - length + 1 + j]
                if j:
                    starts &= doc_of[j:n - length + 1 + j] == doc_of[:n - length + 1]
            offset = index if index >= 0 else length + index
            for i in numpy.flatnonzero(starts).tolist():
                merged.setdefault(i + offset, {}).update(attrs)
    base = numpy.cumsum([0] + [len(d) for d in docs])
    for i, attrs in merged.items():
        k = int(doc_of[i])
        set_token_attrs(docs[k][i - int(base[k])], attrs)

"""Lemmas on demand.

The facts stage reads lemmas of a few tokens per sentence (clause verbs, counted-noun heads, score nouns),
so pass 2 does not run the ``lemmatizer`` component over every token. :func:`lemma` gives the same string
the component would have set: a lemma already set (by the ``attribute_ruler`` exceptions) is kept, else
the pipeline's lemmatizer is applied to that token (its rules read ``pos`` and ``morph``, which
``attribute_ruler`` still sets), and the result is stored on the token.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Token

KEY = "storytrace.lemmatizer"


def attach(doc: Doc, lemmatizer: Any) -> None:
    """Let :func:`lemma` compute lemmas for ``doc`` with ``lemmatizer`` (a spaCy Lemmatizer or None)."""
    if lemmatizer is not None:
        doc.user_data[KEY] = lemmatizer


# the lemmas spaCy's exceptions give contractions written with a straight apostrophe; news sites print ’, which the
# exceptions do not cover ("That’s" gave the lemma "’")
_CONTRACTIONS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'ll": "will", "'d": "would", "n't": "not"}


def lemma(t: Token) -> str:
    """``t.lemma_``, computed with the attached lemmatizer when the component did not run; a contracted verb written
    with a typographic apostrophe gets the straight form's lemma ("’s" -> "be")."""
    if t.lemma == 0:
        lem = t.doc.user_data.get(KEY)
        if lem is not None:
            t.lemma_ = lem.lemmatize(t)[0]
    if "’" in t.text and t.pos_ in ("AUX", "VERB") and \
            (straight := _CONTRACTIONS.get(t.lower_.replace("’", "'"))) is not None:
        t.lemma_ = straight
    return t.lemma_

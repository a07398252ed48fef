"""The comment stage's memos and pre-filters (a token's readings, joined fragments, phrase readings, phrase first
words, words that begin or end no term) change no output: the rules and the scores with them equal those of the
reference path without them, on a sample of the authored comments and probes, cold (first reading) and warm (readings
replayed from the memo).

The reference path is the same code with each memo and pre-filter bypassed: ``Decoder._read_token`` calls
``_decode_token`` directly, ``Decoder._join_term`` is ``_spelled_term``, ``_rules._term`` and
``_rules._phrase_reading`` are their uncached functions, and ``_phrase_at``'s first-word check, ``_join_fragments``'
``Decoder._spelled_affixes`` and ``analyse``'s ``_rules._phrase_starts`` let every word through. A memo keyed on too
little (a token's readings that depend on more than its key) or a pre-filter that drops a reading shows here as a
difference."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import numpy as np
import pytest

from storytrace.comments import _decode, _rules, _rules_threats, _tokens
from storytrace.comments._model import CommentModel, decoder_from_meta

AUTHORED = Path(__file__).resolve().parents[2] / "training" / "data" / "comments_authored"
# name-like words at a sentence start and inside one, leetspeak, spaced and run-together words, clitics, repeats
EDGE_CASES = [
    "Sikhs are fine. I met Sikhs and Hamas. Hamas is not Sikhs", "Jooz everywhere. The Jooz again!! jooz",
    "mus lims and mus lims. Mus lims", "k i l l them all, k i l l", "jewsshouldn't be here. Jewsshouldn't",
    "Pakisan people, pakisan. Pakisan", "women's rights, WOMEN'S rights. Women's", "fagggot fagggot Fagggot",
    "m0slems m0slems. M0slems", "blck people and blck people", "Hide the hideous. Hide",
    "Israel-U.S talks, how-to, non-violent... him...you", "ceci est une famille, Ceci. famille",
    # a name inside a sentence is not run-together words, at a sentence start it may be ("roma now ski")
    "Romanowski said so. Then Romanowski said so.", "Then Fagboy left. Fagboy left", "Coonsville. In Coonsville",
    # a word one letter past a term's start joined with the next ("jewse s": the "-es" plural of "jews")
    "they are jewse s and bitche s", "those kikese s. Zionistse s",
]


def _sample() -> list[str]:
    """Every 12th line of every authored file (probes and spelling probes included), and the edge cases."""
    texts = []
    for path in sorted(AUTHORED.rglob("*.jsonl")):
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        texts += [json.loads(line)["text"] for line in lines[::12]]
    return texts + EDGE_CASES


class _EveryWord:
    def __contains__(self, word: object) -> bool:
        return True


@pytest.fixture
def reference_path(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bypass every memo of the fast path (see the module docstring)."""
    def read_token(self, text, s, e, tok, fuzzy, sentence_starts, decoded, hits, pending):
        self._decode_token(text, s, e, tok, fuzzy, decoded, hits, pending)

    monkeypatch.setattr(_decode.Decoder, "_read_token", read_token)
    monkeypatch.setattr(_decode.Decoder, "_join_term", _decode.Decoder._spelled_term)
    monkeypatch.setattr(_rules, "_term", _rules._term.__wrapped__)
    monkeypatch.setattr(_rules, "_phrase_reading", _rules._phrase_reading.__wrapped__)
    monkeypatch.setattr(_tokens, "_first_words", lambda phrases: _EveryWord())  # ``_phrase_at``'s
    monkeypatch.setattr(_rules_threats, "_first_words", lambda phrases: _EveryWord())  # ``_harm_at_person``'s
    monkeypatch.setattr(_decode.Decoder, "_spelled_affixes", lambda self: (_EveryWord(), _EveryWord()))
    monkeypatch.setattr(_rules, "_phrase_starts", lambda decoder: _EveryWord())


def _analyses(model: CommentModel, texts: list[str]) -> list[dict]:
    decoder = decoder_from_meta(model.lexicon, model.meta)  # a fresh decoder: its memos start empty
    return [dataclasses.asdict(_rules.analyse(t, decoder, fuzzy=fuzzy)) for fuzzy in (True, False) for t in texts]


@pytest.fixture(scope="module")
def fast(model: CommentModel) -> dict:
    texts = _sample()
    _rules._phrase_reading.cache_clear()
    _rules._term.cache_clear()
    cold = _analyses(model, texts)
    decoder = decoder_from_meta(model.lexicon, model.meta)
    warm_runs = [[dataclasses.asdict(_rules.analyse(t, decoder)) for t in texts] for _ in range(2)]
    return {"texts": texts, "cold": cold, "warm": warm_runs[1],
            "learned": model.learned_probabilities(texts[:400], ["en"] * 400)}


def test_identity_fast_path_rules_equal_the_reference_path(model, fast, reference_path):
    texts = fast["texts"]
    assert len(texts) > 1500
    reference = _analyses(model, texts)
    # a failure here means a memo changed what the rules read: fix the memo's key, do not refresh anything
    assert fast["cold"] == reference
    assert fast["warm"] == reference[: len(texts)]


def test_identity_fast_path_scores_equal_the_reference_path(model, fast, reference_path):
    reference = model.learned_probabilities(fast["texts"][:400], ["en"] * 400)
    assert np.array_equal(fast["learned"], reference)

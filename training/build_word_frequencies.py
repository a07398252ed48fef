"""Build the English word-frequency table the comment decoder uses to tell real words from disguises.

Build time only: needs ``wordfreq`` (3.1.1; code Apache-2.0, data CC BY-SA 4.0), which is *not* a run-time
dependency of storytrace. Install it in a throw-away environment, e.g.::

    .venv/bin/pip install --target /tmp/wf wordfreq==3.1.1      # not into the project's environment
    PYTHONPATH=/tmp/wf .venv/bin/python training/build_word_frequencies.py

The table holds the Zipf frequency (log10 of occurrences per billion words, as wordfreq gives it, rounded to two
decimals) of (a) every single-word term of the comment lexicon (``groups.json``) and (b) every English word in
wordfreq's list with Zipf >= ``--min-zipf`` that fuzzy decoding could read as a lexicon term: one edit from a term
of four or more letters, or the same phonetic key (the two readings of ``Decoder._fuzzy``), and (c) since revision
3.5 every word of seven or more letters with Zipf >= ``--split-min-zipf`` that splits into a lexicon term and another
part (``Decoder._split``: "cheeseburger", "therapists"). Rebuild it after the lexicon changes
(``tests/comments/test_decode.py`` checks that every slur has an entry).

Output: ``src/storytrace/data/lexicons/word_frequencies/en_zipf.tsv`` (``word<TAB>zipf``, sorted by word).
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from storytrace.comments._decode import damerau1
from storytrace.comments._lexicon import Lexicon, load_lexicon, phonetic_key

DEFAULT_OUT = ROOT / "src" / "storytrace" / "data" / "lexicons" / "word_frequencies" / "en_zipf.tsv"


_SPLIT_KINDS = ("group_name", "slur", "hostile", "insult", "profanity")


def splits_into_term(w: str, lex: Lexicon) -> bool:
    """``w`` could be read as two words with a deleted space, one a lexicon term (``Decoder._split``):
    "cheeseburger" -> "cheese burger", "therapists" -> "the rapists"."""
    if len(w) < 7:
        return False
    for i in range(3, len(w) - 2):
        for part in (w[:i], w[i:]):
            t = lex.terms.get(part)
            if t is not None and t.kind in _SPLIT_KINDS:
                return True
    return False


def build(min_zipf: float, split_min_zipf: float) -> dict[str, float]:
    from wordfreq import iter_wordlist, zipf_frequency

    lex = load_lexicon()
    single = [t for t in lex.terms.values() if " " not in t.text and t.text.isalpha()]
    out = {t.text: round(zipf_frequency(t.text, "en"), 2) for t in single}
    for w in iter_wordlist("en"):
        z = zipf_frequency(w, "en")
        if z < min(min_zipf, split_min_zipf):
            break  # the list is ordered by frequency
        if not re.fullmatch(r"[a-z]{4,}", w) or w in out:
            continue
        if z >= split_min_zipf and splits_into_term(w, lex):  # revision 3.5: compounds are words, not two words
            out[w] = round(z, 2)
            continue
        if z < min_zipf:
            continue
        near = bool(lex.phonetic.get(phonetic_key(w)))
        near = near or any(len(t.text) >= 4 and damerau1(w, t.text) for t in lex.by_first.get(w[0], []))
        if near:
            out[w] = round(z, 2)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--min-zipf", type=float, default=2.0,
                    help="words near a term enter the table from this Zipf frequency (about 0.1 per million words)")
    ap.add_argument("--split-min-zipf", type=float, default=1.5,
                    help="words of seven or more letters that split into a lexicon term and another part (\"cheese"
                         "burger\") enter the table from this Zipf frequency (revision 3.5; a deleted-space disguise "
                         "such as \"hatemuslims\" is not in wordfreq's list)")
    args = ap.parse_args(argv)
    import wordfreq

    table = build(args.min_zipf, args.split_min_zipf)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    version = getattr(wordfreq, "__version__", None)
    if version is None:
        from importlib.metadata import version as _v

        version = _v("wordfreq")
    header = (f"# English Zipf frequencies from wordfreq {version} (data CC BY-SA 4.0, see NOTICE.md here); "
              f"lexicon terms and words near one with Zipf >= {args.min_zipf}; "
              f"compounds with a term with Zipf >= {args.split_min_zipf}; built by training/build_word_frequencies.py\n")
    body = "".join(f"{w}\t{z:.2f}\n" for w, z in sorted(table.items()))
    args.out.write_text(header + body, encoding="utf-8")
    print(f"wrote {len(table)} words to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

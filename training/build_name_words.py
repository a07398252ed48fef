"""Build the list of common English words that are also names, which the facts stage reads as person evidence.

    .venv/bin/python training/build_name_words.py [--words /usr/share/dict/american-english]

Output: ``src/storytrace/data/lexicons/word_frequencies/en_names.txt``, one lowercase word a line: the words of
``en_common.tsv`` (wordfreq, Zipf >= 2.5) that SCOWL's American English list (Debian ``wamerican``, copyright in
``data/models/comments/SCOWL_COPYRIGHT.txt``) writes with a capital letter (charles, mary, brown, trump ...).
A common word missing from it (giveaway, photo, highs) is never written as a name there, so a lone capitalised
one at a sentence start is the NER model's guess from the capital letter (:mod:`storytrace.facts.entities`).
"""

from __future__ import annotations

import argparse
from pathlib import Path

LEXICONS = Path(__file__).resolve().parents[1] / "src" / "storytrace" / "data" / "lexicons" / "word_frequencies"


def name_words(dictionary: Path, common: Path) -> list[str]:
    capitalised = {w.lower() for w in dictionary.read_text(encoding="utf-8").split() if w.isalpha() and w[0].isupper()}
    words = (line.split("\t", 1)[0] for line in common.read_text(encoding="utf-8").splitlines())
    return sorted({w for w in words if w and not w.startswith("#") and w in capitalised})


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--words", type=Path, default=Path("/usr/share/dict/american-english"))
    args = ap.parse_args(argv)
    names = name_words(args.words, LEXICONS / "en_common.tsv")
    header = ("# words of en_common.tsv that SCOWL's American English list (wamerican 2020.12.07) writes capitalised; "
              "built by training/build_name_words.py\n")
    (LEXICONS / "en_names.txt").write_text(header + "\n".join(names) + "\n", encoding="utf-8")
    print(f"{len(names):,} name words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

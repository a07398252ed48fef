"""Draw the three strata of the real-comment evaluation set, blind to any model score.

    python training/data/comments_real_eval/sample.py --data /work/shared/data [--out FILE]

Prints (or writes) one JSON line per drawn comment: page, index, sha1, stratum and the rule's matched kinds. The
labels file is this output, labelled (seed 20261122: 250 random, 150 enriched, then 100 group). The words below
were written before any comment was read or scored and are not to be tuned.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_comments_real import extract_all, rule_cell, sha1

SEED = 20261122
N_RANDOM = 250
N_ENRICHED = 150
N_GROUP = 100  # the third stratum, added after the first 400 had been labelled and held one identity attack (the
# first two strata are unchanged: the generator draws them first)

# A short, model-independent rule for "likely abuse": profanity, insults and put-downs, slurs, group names,
# threats and sexual words. Word starts (\b) keep "class" from matching "ass"; stems end in \w*.
_WORDS = {
    "profanity": r"fuck\w*|shit\w*|bullshit\w*|crap\w*|damn\w*|ass|asses|asshole\w*|arse\w*|bitch\w*|bastard\w*"
                 r"|piss\w*|dick\w*|cock|cocks|cunt\w*|wtf|stfu|goddam\w*|hell",
    "insult": r"idiot\w*|stupid\w*|moron\w*|dumb\w*|fool\w*|loser\w*|pathetic|ignoran\w*|imbecil\w*|troll\w*"
              r"|clown\w*|liar\w*|jerk\w*|scum\w*|hypocrit\w*|garbage|trash\w*|ugly|disgusting|lame|sucks?"
              r"|shut up|get lost|you people|your kind|go back to|brainwash\w*|nutjob\w*|lunatic\w*|crazy",
    "slur": r"nigg\w*|fag\w*|kike\w*|spic|spics|chink\w*|tranny|trannies|dyke\w*|wetback\w*|towelhead\w*"
            r"|raghead\w*|paki|pakis|gook\w*|retard\w*|whore\w*|slut\w*|homo|homos",
    "group": r"jews?|jewish|zionist\w*|muslims?|islam\w*|arabs?|blacks|whites|gays?|lesbians?|homosexual\w*"
             r"|transgender\w*|immigrants?|illegals|mexicans?|chinese|christians?|atheists?|women|feminis\w*"
             r"|liberals?|libtard\w*|conservatives?|republicans?|democrats?|americans?|brits|russians?|africans?"
             r"|asians?|hispanics?|latinos?|foreigners?|refugees?",
    "threat": r"kill\w*|shoot\w*|die|murder\w*|beat you|hurt you",
    "sexual": r"sex\w*|porn\w*|rape\w*|rapist\w*|penis\w*|boobs?|tits|horny|nude\w*|naked",
}
RULE = re.compile(r"\b(" + "|".join(f"(?P<{k}>{v})" for k, v in _WORDS.items()) + r")\b", re.IGNORECASE)


def rule_hits(text: str) -> list[str]:
    """The rule's kinds that ``text`` matches ("profanity", "group", ...), sorted; empty when none."""
    return sorted({k for m in RULE.finditer(text) for k, v in m.groupdict().items() if v})


def draw(texts: dict[tuple[str, int], str], seed: int = SEED, n_random: int = N_RANDOM,
         n_enriched: int = N_ENRICHED, n_group: int = N_GROUP) -> list[dict]:
    """The random stratum (uniform over ``texts``), the enriched one (uniform over the rule's pool minus it), then the
    group one (uniform over the comments naming a group or a slur, minus both)."""
    keys = sorted(texts)
    rng = random.Random(seed)
    rand = rng.sample(keys, n_random)
    taken = set(rand)
    pool = [k for k in keys if k not in taken and rule_hits(texts[k])]
    enr = rng.sample(pool, n_enriched)
    taken |= set(enr)
    gpool = [k for k in keys if k not in taken and rule_cell(rule_hits(texts[k])) == "group"]
    grp = rng.sample(gpool, n_group)
    rows = []
    for stratum, ks in (("random", rand), ("enriched", enr), ("group", grp)):
        for k in ks:
            rows.append({"page": k[0], "index": k[1], "sha1": sha1(texts[k]), "stratum": stratum,
                         "rule": rule_hits(texts[k])})
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=None)
    args = ap.parse_args(argv)
    texts = extract_all(args.data)
    cells = collections.Counter(rule_cell(rule_hits(t)) for t in texts.values())
    print(f"{len(texts)} comments; cells {dict(sorted(cells.items()))}", file=sys.stderr)
    lines = [json.dumps(r, ensure_ascii=False) for r in draw(texts)]
    if args.out:
        args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    else:
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""How often the topic training rows speak of two politics subjects (session 27): international relations
(IPTC 20000638: diplomacy, summits, treaties, sanctions, foreign aid, international organisations) and
government defence decisions (IPTC 20000593 "government": defence, armed forces, military equipment, national
security); ``--boundaries`` (session 27, helper topics2): the economy / politics / crime / labour boundaries of the v6
convention (:data:`BOUNDARY_FAMILIES`). Counts, per source file and per label, the texts that use a family's words, and the authored texts'
``subtopic`` terms. Reads the hand labels' texts from the shared data folder; never topics/bbc.

Run:  python training/topics_coverage.py --data /work/shared/data [--authored FILE ...] [--boundaries]
"""

from __future__ import annotations

import argparse
import collections
import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# Word families written from the IPTC level-3 names under the two terms (plus their everyday news words)
FAMILIES = {
    "international relations": re.compile(
        r"\b(diplomat\w*|ambassador\w*|embass\w+|envoys?|foreign (?:minister|ministry|secretary|policy|aid)|"
        r"secretary of state|summits?|treat(?:y|ies)|bilateral|sanctions?|state visit|"
        r"united nations|alliance|nato)\b", re.IGNORECASE),
    "defence decisions": re.compile(
        r"\b(defen[cs]e (?:minister|ministry|secretary|budget|spending|policy|review)|armed forces|"
        r"military (?:spending|budget|aid|base|bases|service)|conscription|troops?|deploy\w*|"
        r"warships?|fighter jets?|arms (?:deal|sales?|exports?))\b", re.IGNORECASE),
}

# The v6 convention's economy / politics / crime / labour boundaries (MODEL_CARD "Conventions"), one word family per
# kind of news, written from the IPTC names (business information, economy, employment legislation, labour market,
# unions, government policy, law enforcement, judiciary) and the convention's own examples
BOUNDARY_FAMILIES = {
    "regulators and competition": re.compile(
        r"\b(regulators?|regulatory|watchdog|competition (?:authority|commission|regulator|watchdog|law|rules|case)|"
        r"anti-?trust|monopol\w+|cartel|merger (?:control|inquiry|review)|(?:blocked|block|clears?|cleared) the "
        r"(?:takeover|merger|deal)|fined|penalty of)\b", re.IGNORECASE),
    "economic policy": re.compile(
        r"\b(budget (?:deficit|surplus|statement|speech)|chancellor|finance minister|treasury|interest rates?|"
        r"central bank|inflation target|(?:income|corporate|corporation|sales|fuel|property) tax|tax (?:cuts?|rises?|"
        r"increases?|rates?|credits?)|public (?:spending|finances|debt|borrowing)|stimulus|fiscal)\b", re.IGNORECASE),
    "labour-market figures": re.compile(
        r"\b(unemployment (?:rate|figures|fell|rose|rises|falls)|jobless\w*|jobs? (?:figures|data|report)|"
        r"employment (?:rate|figures)|payrolls?|claimant count|job (?:cuts|losses))\b", re.IGNORECASE),
    "industrial action and pay": re.compile(
        r"\b(strikes?|striking|walk-?outs?|industrial action|trade unions?|unions?|pay (?:deal|dispute|talks|claim|"
        r"offer)|picket\w*|pensions? (?:age|reform|scheme|dispute))\b", re.IGNORECASE),
    "crime and justice policy": re.compile(
        r"\b((?:bill|law|legislation|plans?|proposals?|powers|reforms?) (?:\w+ ){0,4}(?:police|policing|sentenc\w+|"
        r"prisons?|courts?|juries|jury|terror\w*|crime|offenders?|detention)|home secretary|justice minister|"
        r"interior minister|home office)\b", re.IGNORECASE),
    "crimes and trials": re.compile(
        r"\b(trial|jury|jurors|convicted|acquitted|pleaded (?:guilty|not guilty)|sentenced|verdict|prosecutors?|"
        r"arrested|charged with|fraud)\b", re.IGNORECASE),
}


def family_counts(texts: list[str], labels: list[str], families: dict | None = None) -> dict[str, dict[str, int]]:
    """Per family (default :data:`FAMILIES`): how many texts use its words, by label (``all`` = every label)."""
    out: dict[str, dict[str, int]] = {}
    for name, pattern in (families or FAMILIES).items():
        counts: collections.Counter[str] = collections.Counter()
        for text, label in zip(texts, labels, strict=True):
            if pattern.search(text):
                counts[label] += 1
                counts["all"] += 1
        out[name] = dict(counts.most_common())
    return out


SUBTOPIC_TOPS = ("medtop:11000000", "medtop:04000000", "medtop:09000000", "medtop:02000000")


def subtopic_counts(path: Path, top: str) -> dict[str, int]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return dict(collections.Counter(r.get("subtopic", "?") for r in rows if r["topic"] == top).most_common())


def main(argv: list[str] | None = None) -> int:
    from train_topics import AUTHORED, authored, hand_labelled, load_dev

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--authored", type=Path, nargs="*", default=sorted(AUTHORED.parent.glob("*.jsonl")))
    ap.add_argument("--boundaries", action="store_true", help="count the economy/politics/crime/labour families")
    args = ap.parse_args(argv)
    fams = BOUNDARY_FAMILIES if args.boundaries else FAMILIES
    report: dict = {}
    texts, labels = hand_labelled(args.data)
    report["hand labels"] = {"rows": len(texts), "politics": labels.count("medtop:11000000"),
                             "families": family_counts(texts, labels, fams)}
    _, dtexts, dgold = load_dev(args.data)
    report["dev"] = {"rows": len(dtexts), "families": family_counts(dtexts, dgold, fams)}
    for path in args.authored:
        a_texts, a_labels = authored(path)
        report[path.name] = {"rows": len(a_texts), "politics": a_labels.count("medtop:11000000"),
                             "subtopics": {top: subtopic_counts(path, top) for top in SUBTOPIC_TOPS},
                             "families": family_counts(a_texts, a_labels, fams)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

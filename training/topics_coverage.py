"""How often the topic training rows speak of two politics subjects (session 27): international relations
(IPTC 20000638: diplomacy, summits, treaties, sanctions, foreign aid, international organisations) and
government defence decisions (IPTC 20000593 "government": defence, armed forces, military equipment, national
security). Counts, per source file and per label, the texts that use a family's words, and the authored texts'
``subtopic`` terms. Reads the hand labels' texts from the shared data folder; never topics/bbc.

Run:  python training/topics_coverage.py --data /work/shared/data [--authored FILE ...]
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


def family_counts(texts: list[str], labels: list[str]) -> dict[str, dict[str, int]]:
    """Per family: how many texts use its words, by label (``all`` = every label)."""
    out: dict[str, dict[str, int]] = {}
    for name, pattern in FAMILIES.items():
        counts: collections.Counter[str] = collections.Counter()
        for text, label in zip(texts, labels, strict=True):
            if pattern.search(text):
                counts[label] += 1
                counts["all"] += 1
        out[name] = dict(counts.most_common())
    return out


def subtopic_counts(path: Path, top: str) -> dict[str, int]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return dict(collections.Counter(r.get("subtopic", "?") for r in rows if r["topic"] == top).most_common())


def main(argv: list[str] | None = None) -> int:
    from train_topics import AUTHORED, authored, hand_labelled, load_dev

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--authored", type=Path, nargs="*", default=sorted(AUTHORED.parent.glob("*.jsonl")))
    args = ap.parse_args(argv)
    report: dict = {}
    texts, labels = hand_labelled(args.data)
    report["hand labels"] = {"rows": len(texts), "politics": labels.count("medtop:11000000"),
                             "families": family_counts(texts, labels)}
    _, dtexts, dgold = load_dev(args.data)
    report["dev"] = {"rows": len(dtexts), "families": family_counts(dtexts, dgold)}
    for path in args.authored:
        a_texts, a_labels = authored(path)
        report[path.name] = {"rows": len(a_texts), "politics": a_labels.count("medtop:11000000"),
                             "politics subtopics": subtopic_counts(path, "medtop:11000000"),
                             "families": family_counts(a_texts, a_labels)}
    print(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

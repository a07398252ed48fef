"""Story grouping on real pages: of the page pairs a run groups, how many report the same event.

    .venv/bin/storytrace analyze DATA/extraction/aeb/html DATA/extraction/dragnet/html --out D --quiet
    .venv/bin/python benchmarks/bench_story_pairs.py D/dossier.json

``data/story_pairs_judged.jsonl`` holds 170 page pairs (file names under ``extraction/``, no page text) that the
session-16 run (commit 3316935) grouped, each judged "same event" or not by the engineer reading both pages' titles
and leads (52 same event). It is a development set: judged by one person, only pairs that one run grouped, so it
measures the precision of grouping, not its recall; pairs a new run groups that were never judged are counted
apart. Both sources are eval sets for other measures (aeb: body F1; Dragnet: held-out half), used here only to
read what the stories stage groups.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from pathlib import Path

JUDGED = Path(__file__).resolve().parent / "data" / "story_pairs_judged.jsonl"


def page_ref(source: str) -> str:
    """A page's file name under ``extraction/`` (the key of the judged pairs)."""
    marker = "/extraction/"
    return source[source.index(marker) + len(marker):] if marker in source else source


def grouped_pairs(dossier: dict) -> set[frozenset[str]]:
    refs = {p["id"]: page_ref(p["source"]) for p in dossier["pages"]}
    return {frozenset((refs[a], refs[b])) for story in dossier["stories"]
            for a, b in itertools.combinations([p["id"] for p in story["pages"]], 2)}


def precision(labels: list[bool]) -> dict:
    return {"judged": len(labels), "judged_same_event": sum(labels),
            "precision_on_judged": round(sum(labels) / len(labels), 3) if labels else None}


def score(dossier: dict, judged: dict[frozenset[str], bool]) -> dict:
    pairs = grouped_pairs(dossier)
    labels = [judged[p] for p in pairs if p in judged]
    by_source = {source: precision([judged[p] for p in pairs if p in judged and all(r.startswith(source) for r in p)])
                 for source in ("aeb/", "dragnet/")}  # news pages (2019) and blog posts (2012) apart
    return {"groups": len(dossier["stories"]), "grouped_pairs": len(pairs), **precision(labels),
            "unjudged_pairs": len(pairs) - len(labels),
            "same_event_pairs_kept": f"{sum(labels)} of {sum(judged.values())}", "by_source": by_source}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dossier", type=Path, help="dossier.json of a run over the aeb and Dragnet pages")
    args = parser.parse_args()
    rows = [json.loads(line) for line in JUDGED.read_text(encoding="utf-8").splitlines() if line.strip()]
    judged = {frozenset((r["a"], r["b"])): bool(r["same_event"]) for r in rows}
    print(json.dumps(score(json.loads(args.dossier.read_text(encoding="utf-8")), judged), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())

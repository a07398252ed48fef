"""Relink the hand-labelled real comments to their texts after a change of the HTML comment reader.

The label files (``training/data/comments_real_{dev,eval}/labels.jsonl``) name each comment by page, index and the
SHA-1 of its text as the reader extracted it; they ship no text. When the reader changes what it keeps of a comment
(chrome lines such as "by Ann on" moved to the author), a label's hash no longer matches. This script maps each row
from the old reader's extraction to the new one's: the old text must still hash to the row's SHA-1, and the new
comment is the one on the same page whose words match it best (the same index first). Labels are untouched.

    # 1. with the OLD reader on the path (e.g. PYTHONPATH=<git archive of the old commit>/src):
    python training/relink_real_labels.py dump --data ../shared/data --out /tmp/old_texts.json
    # 2. with the current reader:
    python training/relink_real_labels.py relink --data ../shared/data --old /tmp/old_texts.json [--write]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_comments_real import extract_all, load_labels, sha1

LABEL_FILES = [ROOT / "training" / "data" / d / "labels.jsonl" for d in ("comments_real_dev", "comments_real_eval")]
MIN_OVERLAP = 0.6  # share of the old text's words the new comment must keep


def _pages() -> set[str]:
    return {r["page"] for path in LABEL_FILES for r in load_labels(path)}


def dump(data: Path, out: Path) -> None:
    texts = extract_all(data, _pages())
    out.write_text(json.dumps({f"{p}\t{i}": t for (p, i), t in texts.items()}), encoding="utf-8")


def _overlap(old: str, new: str) -> float:
    a, b = Counter(old.split()), Counter(new.split())
    return sum((a & b).values()) / max(1, sum(a.values()))


def _match(old: str, new: str) -> float:
    """How well ``new`` is ``old``: the old words it keeps, or (a reader that dropped chrome lines) how much of
    a new text of two words or more the old one holds."""
    return max(_overlap(old, new), _overlap(new, old) if len(new.split()) >= 2 else 0.0)


def relink_rows(rows: list[dict], old: dict[tuple[str, int], str], new: dict[tuple[str, int], str]) -> Counter:
    """Update ``index`` and ``sha1`` of each row in place; return counts of what happened."""
    counts: Counter = Counter()
    for r in rows:
        page_old = {i: t for (p, i), t in old.items() if p == r["page"]}
        source = next((t for i, t in sorted(page_old.items(), key=lambda kv: kv[0] != r["index"])
                       if sha1(t) == r["sha1"]), None)
        if source is None:
            counts["not in the old extraction"] += 1
            continue
        page_new = {i: t for (p, i), t in new.items() if p == r["page"]}
        best = max(page_new.items(), key=lambda kv: (_match(source, kv[1]), -abs(kv[0] - r["index"])), default=None)
        if best is None or _match(source, best[1]) < MIN_OVERLAP:
            counts["lost"] += 1
            continue
        changed = (best[0], sha1(best[1])) != (r["index"], r["sha1"])
        counts["relinked" if changed else "same"] += 1
        r["index"], r["sha1"] = best[0], sha1(best[1])
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mode", choices=["dump", "relink"])
    ap.add_argument("--data", type=Path, required=True)
    ap.add_argument("--out", type=Path, help="dump: where the old reader's texts go")
    ap.add_argument("--old", type=Path, help="relink: the dump made with the old reader")
    ap.add_argument("--write", action="store_true", help="relink: rewrite the label files")
    args = ap.parse_args(argv)
    if args.mode == "dump":
        dump(args.data, args.out)
        return 0
    old = {(k.split("\t")[0], int(k.split("\t")[1])): t for k, t in json.loads(args.old.read_text("utf-8")).items()}
    new = extract_all(args.data, _pages())
    for path in LABEL_FILES:
        rows = load_labels(path)
        print(path.relative_to(ROOT), dict(relink_rows(rows, old, new)))
        if args.write:
            path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

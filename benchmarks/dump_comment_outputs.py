"""Every output of the comment stage on a large corpus, for proving two revisions bit-identical (speed work).

The corpus: the distinct texts of the shared comment sets (OLID training and test, davidson, HateCheck, the five
Multilingual HateCheck languages, Stormfront, ETHOS binary and multi-label) and of every authored and probe file under
``training/data/comments_authored``, and the comment threads storytrace's HTML reader finds on the Dragnet pages.
Nothing is chosen on labels: the eval sets are only inputs here.

The dump, one JSON line per text: ``score_texts`` under the training calibration (languages detected: language,
scores, targets, evidence, decoded words, flags) and under the news calibration (scores), and the learned heads'
probabilities as raw float32 bytes; then one line per thread and calibration: ``analyze_comments``' thread summary,
warnings and every comment's fields. The revision is whatever ``storytrace`` imports::

    git archive 164dad9 | tar -x -C /tmp/base
    python benchmarks/dump_comment_outputs.py --data ../shared/data --corpus /tmp/corpus.json --build
    PYTHONPATH=/tmp/base/src python benchmarks/dump_comment_outputs.py --data ../shared/data \\
        --corpus /tmp/corpus.json --out /tmp/base.jsonl
    python benchmarks/dump_comment_outputs.py --data ../shared/data --corpus /tmp/corpus.json --out /tmp/new.jsonl
    cmp /tmp/base.jsonl /tmp/new.jsonl

``--build`` writes the corpus once (with this checkout's HTML reader), so that both revisions read the same texts.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import gzip
import hashlib
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCH = 1000


def _column(path: Path, column: str, delimiter: str) -> list[str]:
    with path.open(encoding="utf-8") as fh:
        return [row[column] for row in csv.DictReader(fh, delimiter=delimiter) if isinstance(row[column], str)]


def _thread_texts(path: Path) -> list[str]:
    import trafilatura.utils

    from storytrace.anatomy.html_comments import extract_comments
    from storytrace.ingest.encoding import decode_bytes

    tree = trafilatura.utils.load_html(decode_bytes(gzip.decompress(path.read_bytes())).text)
    return [] if tree is None else [c.text for c in extract_comments(tree, path.name)]


def build_corpus(data: Path) -> dict:
    comments = data / "comments"
    texts = _column(comments / "olid" / "olid-training-v1.0.tsv", "tweet", "\t")
    texts += _column(comments / "olid" / "testset-levela.tsv", "tweet", "\t")
    texts += _column(comments / "davidson" / "labeled_data.csv", "tweet", ",")
    texts += _column(comments / "hatecheck" / "test_suite_cases.csv", "test_case", ",")
    for path in sorted((comments / "multilingual-hatecheck").glob("*.csv")):
        texts += _column(path, "test_case", ",")
    texts += _column(comments / "stormfront" / "stormfront.csv", "text", ",")
    texts += _column(comments / "ethos" / "Ethos_Dataset_Binary.csv", "comment", ";")
    texts += _column(comments / "ethos" / "Ethos_Dataset_Multi_Label.csv", "comment", ";")
    for path in sorted((ROOT / "training" / "data" / "comments_authored").rglob("*.jsonl")):
        texts += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    threads = []
    for path in sorted((data / "extraction" / "dragnet" / "html").glob("*.html.gz")):
        found = _thread_texts(path)
        if found:
            threads.append({"page": path.name, "comments": found})
    texts += [c for t in threads for c in t["comments"]]
    return {"texts": list(dict.fromkeys(texts)), "threads": threads}


def dump(corpus: dict, out: Path) -> dict:
    from storytrace.comments import CommentModel, analyze_comments, score_texts
    from storytrace.records import Comment, Page
    from storytrace.settings import Options

    start = time.perf_counter()
    model = CommentModel.load()
    texts, learned_digest = corpus["texts"], hashlib.sha256()
    with out.open("w", encoding="utf-8") as fh:
        for lo in range(0, len(texts), BATCH):
            batch = texts[lo : lo + BATCH]
            results = score_texts(batch, model)
            langs = [r["language"] for r in results]
            news = score_texts(batch, model, languages=langs, calibration="news_comments")
            learned = model.learned_probabilities(batch, langs)
            learned_digest.update(learned.tobytes())
            for text, r, n, p in zip(batch, results, news, learned, strict=True):
                fh.write(json.dumps({"text": text, "r": r, "news": n["scores"], "learned": p.tobytes().hex()},
                                    ensure_ascii=False) + "\n")
        for calibration in ("news_comments", "training"):
            for thread in corpus["threads"]:
                page = Page(id=thread["page"], source=thread["page"], comments=[
                    Comment(id=f"c{i}", text=t, position=i) for i, t in enumerate(thread["comments"])])
                analyze_comments(page, Options(), model=model, calibration=calibration)
                fh.write(json.dumps({"page": thread["page"], "calibration": calibration, "thread": page.thread,
                                     "warnings": page.warnings,
                                     "comments": [dataclasses.asdict(c) for c in page.comments]},
                                    ensure_ascii=False, default=str) + "\n")
    return {"texts": len(texts), "threads": len(corpus["threads"]), "learned_sha256": learned_digest.hexdigest(),
            "seconds": round(time.perf_counter() - start, 1)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder")
    ap.add_argument("--corpus", type=Path, required=True, help="the corpus JSON (written with --build)")
    ap.add_argument("--build", action="store_true", help="build the corpus and write it to --corpus")
    ap.add_argument("--out", type=Path, help="the dump (JSON lines) of the revision storytrace imports")
    args = ap.parse_args(argv)
    if args.build:
        args.corpus.write_text(json.dumps(build_corpus(args.data), ensure_ascii=False), encoding="utf-8")
    if args.out:
        print(json.dumps(dump(json.loads(args.corpus.read_text(encoding="utf-8")), args.out)), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())

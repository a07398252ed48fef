"""Mine candidate sentences for the claims gold set (train-side only)."""
import csv, hashlib, json, random, re, sys
from pathlib import Path
csv.field_size_limit(10**9)
DATA = Path("/work/shared/data")
SENT = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])")
docs = {}
for r in csv.DictReader(open(DATA / "stories/semeval2022-task8/training_set.csv")):
    a, b = r["pair_id"].split("_")
    if r["lang1"] == "en": docs["semeval:" + a] = r["text1"]
    if r["lang2"] == "en": docs["semeval:" + b] = r["text2"]
stems = sorted(p.name[:-4] for p in (DATA / "extraction/dragnet/gold").glob("*.txt"))
for s in stems[0::2]:
    t = (DATA / "extraction/dragnet/gold" / f"{s}.txt").read_text(errors="replace").split("!@#$%^&*()  COMMENTS")[0]
    docs["dragnet:" + s] = t
CATS = {
 "said": r"\b(said|says|told)\b",
 "according": r"\baccording to\b",
 "reportedly": r"\b(reportedly|allegedly|apparently)\b",
 "deny": r"\b(denied|denies|rejected|dismissed)\b",
 "plan": r"\b(plans? to|planned to|will|intends? to|expects? to|is set to|are set to|aims? to)\b",
 "hedge": r"\b(may|might|could|likely|possibly|perhaps)\b",
 "neg": r"\b(not|never|n't|no longer)\b",
 "plain": None,
}
cands = {c: [] for c in CATS}
for d, text in docs.items():
    for para in text.split("\n"):
        for s in SENT.split(para.strip()):
            s = s.strip()
            n = len(s.split())
            if n < 8 or n > 40 or not s[:1].isupper() or not s.endswith((".", '"', "”")) or "http" in s or "|" in s:
                continue
            hit = [c for c, rx in CATS.items() if rx and re.search(rx, s)]
            if not hit: cands["plain"].append((d, s))
            elif len(hit) == 1: cands[hit[0]].append((d, s))
            else: cands[random.Random(s).choice(hit)].append((d, s))
rng = random.Random(26)
picked, per_doc = [], {}
for c, lst in cands.items():
    rng.shuffle(lst); k = 0
    for d, s in lst:
        if per_doc.get(d, 0) >= 2: continue
        per_doc[d] = per_doc.get(d, 0) + 1
        picked.append({"cat": c, "doc": d, "text": s}); k += 1
        if k >= 18: break
for p in picked:
    p["split"] = "dev" if int(hashlib.sha1(p["doc"].encode()).hexdigest(), 16) % 10 < 6 else "check"
print({c: len(v) for c, v in cands.items()}, file=sys.stderr)
json.dump(picked, open("cands.json", "w"), indent=1, ensure_ascii=False)

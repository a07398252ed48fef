"""Join dump_probes outputs (base, final) with probe labels; list every changed line outside s22_emotion_negation."""
import glob, json, sys, collections
rows = []
for f in sorted(glob.glob("training/data/comments_authored/probes/*.jsonl")) + \
        sorted(glob.glob("training/data/comments_authored/spelling/*.jsonl")):
    for line in open(f, encoding="utf-8"):
        if line.strip():
            rows.append((f.split("/")[-1], json.loads(line)))
a = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8")]
b = [l.rstrip("\n").split("\t") for l in open(sys.argv[2], encoding="utf-8")]
assert len(a) == len(b) == len(rows)
NAMES = {1: "toxic", 2: "identity_attack", 3: "threat", 4: "insult"}
per_file = collections.Counter(); verdicts = collections.Counter(); out = []
for (f, r), x, y in zip(rows, a, b):
    assert x[0] == f and x[5] == r.get("text", "")
    if f.startswith("s22_emotion") or x[1:5] == y[1:5]:
        continue
    per_file[f] += 1
    ia = r.get("identity_attack")
    notes = []
    for i, name in NAMES.items():
        lab = r.get(name)
        old, new = float(x[i]) >= 0.5, float(y[i]) >= 0.5
        if old == new:
            continue
        if lab is None:
            v = "unlabelled"
        else:
            v = "FIXED" if new == bool(lab) else "BROKEN"
        notes.append(f"{name} {x[i]}->{y[i]} label={lab} {v}")
        verdicts[(name, v)] += 1
    if not notes:
        notes.append("no flip at 0.5 (id %s->%s)" % (x[2], y[2]))
        verdicts["no_flip"] += 1
    out.append(f"{f}\t[{r.get('kind')}|{r.get('split')}] ia={ia}\t{'; '.join(notes)}\t{r.get('text')}")
print("changed lines per file:", dict(per_file))
print("verdicts:", dict(verdicts))
print("\n".join(out))

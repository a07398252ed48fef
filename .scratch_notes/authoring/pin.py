import json, sys
from pathlib import Path
sys.path.insert(0, "/tmp/s20/wt/multi3/training")
from comment_data import authored_key
D = Path("/tmp/s20/wt/multi3/training/data/comments_authored")
keys = []
for f in ("it_s20.jsonl", "nl_s20.jsonl"):
    for l in (D / f).read_text(encoding="utf-8").splitlines():
        r = json.loads(l); r["file"] = f
        keys.append(authored_key(r))
p = D / "split_v1.json"
lines = p.read_text(encoding="utf-8").split("\n")
start = lines.index('"train_only": [')
end = start + lines[start:].index("],")
old = {l.strip().strip(",").strip('"') for l in lines[start + 1:end]}
new = [k for k in keys if k not in old]
assert len(set(new)) == len(new)
ins = [f'"{k}",' for k in new]
last = lines[end - 1]
if not last.endswith(","):
    lines[end - 1] = last + ","
ins[-1] = ins[-1].rstrip(",")
lines[end:end] = ins
for i, l in enumerate(lines):
    if l.startswith('"_about_train_only"'):
        lines[i] = l[:-1] + ' Session 20: also the keys of it_s20.jsonl and nl_s20.jsonl (lines written in the language)."'
p.write_text("\n".join(lines), encoding="utf-8")
json.loads(p.read_text(encoding="utf-8"))
print(len(new))

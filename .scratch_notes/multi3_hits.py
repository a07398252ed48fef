import json, sys
from pathlib import Path
sys.path.insert(0, "training")
from comment_data import load_authored
from storytrace.comments._multi_exclusion import read_exclusion
from storytrace.comments import CommentModel
m = CommentModel.load()
rows = load_authored(Path("training/data/comments_authored"))
for f in Path("training/data/comments_authored/probes").glob("*.jsonl"):
    rows += [dict(json.loads(l), file="probes/" + f.name) for l in f.read_text(encoding="utf-8").splitlines() if l.strip()]
for r in rows:
    if r["lang"] not in ("it", "nl"): continue
    e = read_exclusion(r["text"], r["lang"], m.lexicon.multi_groups.get(r["lang"], {}))
    if set(e.kinds) & {"negated_positive", "distrust"}:
        print(r.get("identity_attack"), r["file"], r.get("split", ""), e.kinds, r["text"][:150])

"""Scratch: per dev probe line (fr/it/nl), full identity score and the learned parts (USE, e5, pair), for a model."""
import json, sys
from pathlib import Path
import numpy as np
from storytrace.comments import CommentModel, score_texts
P = Path("/tmp/s19/wt/multi") / "training" / "data" / "comments_authored" / "probes"
rows = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == "dev" and r["lang"] in sys.argv[2].split(",")]
m = CommentModel.load(Path(sys.argv[1]))
out = score_texts([r["text"] for r in rows], m, languages=[r["lang"] for r in rows])
texts = [r["text"] for r in rows]
use = m._embedded("use", texts)[:, 2]
e5 = m._embedded("e5", texts)[:, 2]
for r, o, u, e in sorted(zip(rows, out, use, e5), key=lambda t: (t[0]["identity_attack"], t[1]["scores"]["identity_attack"])):
    print(f'{r["identity_attack"]} full={o["scores"]["identity_attack"]:.2f} use={u:.2f} e5={e:.2f} {r["lang"]} [{r["kind"]}] {r["text"][:110]}')

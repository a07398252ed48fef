"""Scratch: full score_texts identity/toxic on dev lines of the multi probe files; writes JSON rows + per-lang AUC."""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
from storytrace.comments import CommentModel, score_texts
P = Path("/tmp/s19/wt/multi/training/data/comments_authored/probes")
files = sys.argv[2].split(",") if len(sys.argv) > 2 else ["multi_probes", "multi_hard", "multi_threats"]
rows = [dict(json.loads(l), file=f) for f in files
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
import os
rows = [r for r in rows if r.get("split") == os.environ.get("SPLIT", "dev")]
m = CommentModel.load()
out = score_texts([r["text"] for r in rows], m, languages=[r["lang"] for r in rows])
for r, o in zip(rows, out):
    r["s_id"] = o["scores"]["identity_attack"]; r["s_tox"] = o["scores"]["toxic"]; r["s_thr"] = o["scores"]["threat"]
Path(sys.argv[1]).write_text(json.dumps(rows, ensure_ascii=False))
for lang in ("fr", "it", "nl", "pt", "zh", "ALL"):
    sel = [r for r in rows if lang == "ALL" or r["lang"] == lang]
    y = [int(r["identity_attack"]) for r in sel]; s = [r["s_id"] for r in sel]
    print(lang, len(sel), round(roc_auc_score(y, s), 4))

"""Scratch: identity ROC-AUC of the USE head, the e5 head and their pair alone on the dev probe lines, per language."""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.metrics import roc_auc_score
from storytrace.comments import CommentModel
from storytrace.comments._model import log_odds
P = Path(__file__).resolve().parents[1] / "training" / "data" / "comments_authored" / "probes"
rows = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == (sys.argv[2] if len(sys.argv) > 2 else "dev")]
texts = [r["text"] for r in rows]
for d in sys.argv[1].split(","):
    m = CommentModel.load(Path(d))
    u = m._embedded("use", texts); e = m._embedded("e5", texts)
    pr = m._paired(u, e) if m.pair else None
    line = [Path(d).name]
    for lang in ("fr", "it", "nl", "pt", "zh"):
        sel = [i for i, r in enumerate(rows) if r["lang"] == lang]
        y = [rows[i]["identity_attack"] for i in sel]
        line.append(f"{lang} use={roc_auc_score(y, u[sel, 2]):.3f} e5={roc_auc_score(y, e[sel, 2]):.3f}" +
                    (f" pair={roc_auc_score(y, pr[sel, 2]):.3f}" if pr is not None else ""))
    print(" | ".join(line))

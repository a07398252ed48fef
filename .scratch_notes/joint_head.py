"""Scratch: an identity head on the concatenated USE + e5 embeddings (tweets with both + authored training lines),
against the paired heads, on the dev probe lines (heads alone; full scores not computed)."""
import json, sys
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
sys.path.insert(0, "training")
from comment_data import load_train, split_indices, load_authored, split_authored, excluded_keys, authored_key
from comment_embed import load_cached
from train_comment_model import calibration_split, authored_embeddings
from storytrace.comments import CommentModel
data = Path("/work/shared/data")
rows = load_train(data); tr, ca, va = split_indices(len(rows))
iu, eu = load_cached(Path("/tmp/s18/hate_cache/use")); ie, ee = load_cached(Path("/tmp/s18/hate_cache/e5"))
pu = {int(i): k for k, i in enumerate(iu)}; pe = {int(i): k for k, i in enumerate(ie)}
tr_e = [i for i in tr if i in pe][:17396]
X = np.hstack([eu[[pu[i] for i in tr_e]], ee[[pe[i] for i in tr_e]]])
y = np.array([rows[i]["identity_attack"] for i in tr_e]); w = np.array([1.0] * len(tr_e))
arows = load_authored(Path("training/data/comments_authored"))
a_tr, _ = split_authored(arows); a_tr, a_ca = calibration_split(arows, a_tr, 0.15 / 0.8, english=False)
ex = excluded_keys(Path("src/storytrace/data/models/comments/decontamination.json"))
A = [arows[i] for i in a_tr if authored_key(arows[i]) not in ex]
cache = Path("/tmp/s18/hate_cache/authored")
XA = np.hstack([authored_embeddings(A, "use", cache), authored_embeddings(A, "e5", cache)])
X = np.vstack([X, XA]); y = np.r_[y, [r["identity_attack"] for r in A]]; w = np.r_[w, [float(sys.argv[1])] * len(A)]
C = float(sys.argv[2])
clf = LogisticRegression(C=C, max_iter=3000, class_weight="balanced").fit(X, y, sample_weight=w)
P = Path("training/data/comments_authored/probes")
pr = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
      for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
pr = [r for r in pr if r.get("split") == "dev"]
m = CommentModel.load(Path("/tmp/s18/hate_runs/B_model"))
texts = [r["text"] for r in pr]
Z = np.hstack([m._embed("use", texts), m._embed("e5", texts)])
j = clf.decision_function(Z)
pair = m._paired(m._embedded("use", texts), m._embedded("e5", texts))[:, 2]
out = []
for lang in ("fr", "it", "nl", "pt", "zh"):
    sel = [i for i, r in enumerate(pr) if r["lang"] == lang]; yy = [pr[i]["identity_attack"] for i in sel]
    out.append(f"{lang} joint={roc_auc_score(yy, j[sel]):.3f} pair={roc_auc_score(yy, pair[sel]):.3f}")
print(f"w={sys.argv[1]} C={C} | " + " | ".join(out))

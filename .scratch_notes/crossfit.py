"""Calibration half only: in-sample vs 2-fold cross-fit gain of K3's band stack (learned toxic, before rules).

Run from the worktree after fit_olid_view.py K1/K3 (it reads their embedding caches under /tmp/s25/olidview/cache):
LANG=en_US.UTF-8 OMP_NUM_THREADS=1 PYTHONPATH=src python .scratch_notes/crossfit.py"""
import sys
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, f1_score
sys.path.insert(0, "training")
from comment_data import load_train, split_indices
from fit_olid_view import authored_training_lines, char_reading, TOXIC
from storytrace.comments import CommentModel

C = Path("/tmp/s25/olidview/cache")
model = CommentModel.load()
rows = load_train(Path("/work/shared/data"))
tr_i, ca_i, _ = split_indices(len(rows))
olid_tr = [rows[i] for i in tr_i if rows[i]["source"] == "olid"]
auth = authored_training_lines(Path("training/data/comments_authored"),
                               Path("src/storytrace/data/models/comments/decontamination.json"))
e_tr = np.vstack([np.load(C / "olid.npy"), np.load(C / "authored.npy")])
y_tr = np.r_[[int(r["toxic"]) for r in olid_tr], [int(r["toxic"]) for r in auth]]
view = LogisticRegression(C=0.25, max_iter=3000, class_weight="balanced").fit(e_tr, y_tr)
ca = [rows[i] for i in ca_i if rows[i]["source"] == "olid"] + [rows[i] for i in ca_i if rows[i]["source"] != "olid"]
e_o = np.load(C / "olid.calibration.npy")
e_d = model._embed("use", [str(r["text"]) for r in ca[len(e_o):]])
emb = np.vstack([e_o, e_d])
prob, char_m, elig = char_reading(model, [str(r["text"]) for r in ca])
head = model._head("use")
m = np.c_[char_m, (emb @ head[0].T + head[1])[:, TOXIC], view.decision_function(emb)]
y = np.array([int(r["toxic"]) for r in ca]); olid = np.arange(len(ca)) < len(e_o)
band = elig & (prob >= 0.3) & (prob <= 0.6)
def metrics(p):
    return (round(roc_auc_score(y[olid], p[olid]), 4), round(f1_score(y[olid], p[olid] >= 0.5, average="macro"), 4),
            round(roc_auc_score(y[~olid], p[~olid]), 4))
print("char only", metrics(prob))
st = LogisticRegression(C=1e4, max_iter=1000).fit(m[band], y[band])
p = prob.copy(); p[band] = st.predict_proba(m[band])[:, 1]
print("in-sample band stack", metrics(p))
rng = np.random.default_rng(0)
res = []
for rep in range(10):
    fold = rng.integers(0, 2, len(ca))
    p = prob.copy()
    for f in (0, 1):
        fit, use = band & (fold != f), band & (fold == f)
        s = LogisticRegression(C=1e4, max_iter=1000).fit(m[fit], y[fit])
        p[use] = s.predict_proba(m[use])[:, 1]
    res.append(metrics(p))
print("2-fold cross-fit, mean of 10", tuple(np.round(np.mean(res, axis=0), 4)), "sd", tuple(np.round(np.std(res, axis=0), 4)))

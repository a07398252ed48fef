"""Calibration half only (learned toxic, before rules; 2-fold cross-fit x10): a per-register stack for every English
tweet (opt-in english_embed path): tweets the rules find no profanity/slur/insult in get [char, use, view], the rest
keep the shipped english_embed stack."""
import sys
from pathlib import Path
import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score, f1_score
sys.path.insert(0, "training")
from comment_data import load_train, split_indices
from fit_olid_view import authored_training_lines, char_reading, TOXIC
from storytrace.comments import CommentModel
from storytrace.comments._model import stacked_probability, _sigmoid

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
texts = [str(r["text"]) for r in ca]
e_o = np.load(C / "olid.calibration.npy")
emb = np.vstack([e_o, model._embed("use", texts[len(e_o):])])
prob, char_m, elig = char_reading(model, texts)
an = model.analyses_of(texts, ["en"] * len(texts))
clean = np.array([not (a.profanity or a.slurs or a.insults) for a in an])
head = model._head("use")
um = (emb @ head[0].T + head[1])
m = np.c_[char_m, um[:, TOXIC], view.decision_function(emb)]
y = np.array([int(r["toxic"]) for r in ca]); olid = np.arange(len(ca)) < len(e_o)
shipped = stacked_probability(model.stack["toxic"], char_m, um, TOXIC)
def metrics(p):
    return tuple(round(float(v), 4) for v in (roc_auc_score(y[olid], p[olid]), f1_score(y[olid], p[olid] >= 0.5, average="macro"),
            roc_auc_score(y[~olid], p[~olid]), f1_score(y[~olid], p[~olid] >= 0.5, average="macro")))
print("clean share: olid", clean[olid].mean().round(3), "davidson", clean[~olid].mean().round(3))
print("char only          ", metrics(prob))
print("shipped embed stack", metrics(shipped))
rng = np.random.default_rng(0)
for name, sel, fitrows in (("view stack, all rows", np.ones(len(ca), bool), np.ones(len(ca), bool)),
                           ("register: clean rows", clean, clean),
                           ("register: clean, fit OLID", clean, clean & olid)):
    res = []
    for rep in range(10):
        fold = rng.integers(0, 2, len(ca))
        p = shipped.copy()
        for f in (0, 1):
            s = LogisticRegression(C=1e4, max_iter=1000).fit(m[fitrows & (fold != f)], y[fitrows & (fold != f)])
            use = sel & (fold == f)
            p[use] = s.predict_proba(m[use])[:, 1]
        res.append(metrics(p))
    print(f"{name:20s}", tuple(np.round(np.mean(res, axis=0), 4)), "sd", tuple(np.round(np.std(res, axis=0), 4)))

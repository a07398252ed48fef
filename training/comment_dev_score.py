"""Dev metrics for a comment model dir (training-side only): tweets validation half, authored validation, probe dev lines.

Usage: python training/comment_dev_score.py MODEL_DIR|- [DATA] [--english-embed]   (session 21, helper "storm"; '-' = the shipped
model; --english-embed: the opt-in path, every English comment embedded)
"""
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score, roc_auc_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import authored_key, excluded_keys, load_authored, load_train, split_authored, split_indices

from storytrace.comments import CommentModel, score_texts

WT = Path(__file__).resolve().parents[1]
english_embed = "--english-embed" in sys.argv  # session 25: score the opt-in path
sys.argv = [a for a in sys.argv if a != "--english-embed"]
model_dir = Path(sys.argv[1]) if sys.argv[1] != "-" else None
model = CommentModel.load(model_dir, english_embed=english_embed)
res = {}
rows = load_train(Path(sys.argv[2] if len(sys.argv) > 2 else "../shared/data"))
_, _, val = split_indices(len(rows))
held = [rows[i] for i in val]
out = score_texts([str(r["text"]) for r in held], model, languages=["en"] * len(held))
src = np.array([r["source"] for r in held])
for cat in ("toxic", "insult", "identity_attack"):
    y = np.array([int(r[cat]) for r in held]); s = np.array([o["scores"][cat] for o in out])
    res[f"tw_{cat}_auc"] = roc_auc_score(y, s)
    for so in ("davidson", "olid"):
        m = src == so
        res[f"tw_{cat}_auc_{so}"] = roc_auc_score(y[m], s[m])
y = np.array([int(r["toxic"]) for r in held]); s = np.array([o["scores"]["toxic"] for o in out])
for so in ("davidson", "olid"):
    m = src == so
    res[f"tw_toxic_f1_{so}"] = f1_score(y[m], s[m] >= 0.5, average="macro")
arows = load_authored(WT / "training/data/comments_authored")
_, a_va = split_authored(arows, 0.2)
ex = excluded_keys(WT / "src/storytrace/data/models/comments/decontamination.json")
av = [arows[i] for i in a_va if authored_key(arows[i]) not in ex]
aout = score_texts([str(r["text"]) for r in av], model, languages=[str(r["lang"]) for r in av])
lang = np.array([r["lang"] for r in av]); fil = np.array([str(r.get("file", "")) for r in av])
for cat in ("toxic", "identity_attack"):
    y = np.array([int(r[cat]) for r in av]); s = np.array([o["scores"][cat] for o in aout])
    for nm, m in (("en", lang == "en"), ("xx", lang != "en")):
        res[f"au_{nm}_{cat}_auc"] = roc_auc_score(y[m], s[m])
        res[f"au_{nm}_{cat}_acc"] = float(np.mean((s[m] >= 0.5) == (y[m] == 1)))
    for f in sorted(set(fil[lang == "en"])):
        m = (fil == f)
        res[f"au_fa_{cat}_{f}"] = int(((s[m] >= 0.5) & (y[m] == 0)).sum())
# probes dev
pdir = WT / "training/data/comments_authored/probes"
prow = []
for p in sorted(pdir.glob("*.jsonl")):
    for line in p.read_text(encoding="utf-8").splitlines():
        if line.strip():
            r = json.loads(line); r["_file"] = p.stem
            if r.get("split") in ("dev", None) : prow.append(r)
pout = score_texts([r["text"] for r in prow], model, languages=[r.get("lang") or "en" for r in prow])
agree = {}
for r, o in zip(prow, pout):
    for lab in ("identity_attack", "toxic", "threat", "insult"):
        if r.get(lab) is None: continue
        ok = (o["scores"][lab] >= 0.5) == bool(r[lab])
        a = agree.setdefault(r["_file"], [0, 0]); a[0] += ok; a[1] += 1
res["probe_agree_total"] = sum(a[0] for a in agree.values())
res["probe_agree"] = {k: v[0] for k, v in agree.items()}
en = [(r, o) for r, o in zip(prow, pout) if (r.get("lang") or "en") == "en" and r.get("identity_attack") is not None]
yy = np.array([int(r["identity_attack"]) for r, _ in en]); ss = np.array([o["scores"]["identity_attack"] for _, o in en])
res["probe_en_ident_auc"] = roc_auc_score(yy, ss)
print(json.dumps({k: (round(v, 4) if isinstance(v, float) else v) for k, v in res.items()}, indent=0))

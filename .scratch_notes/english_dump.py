"""Scratch (session 18, helper hate): every score of score_texts on English texts (language given "en"), under the
training and news_comments calibrations, saved as an array to compare two models. No text or label is printed.
Usage: english_dump.py MODEL_DIR OUT.npz"""
import sys
from pathlib import Path
import numpy as np
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "training"))
from comment_data import (load_authored, load_train, split_indices, load_olid_test, load_hatecheck,
                          load_stormfront, load_ethos)
from storytrace.comments import CommentModel, score_texts
data = Path("/work/shared/data")
rows = load_train(data); _, ca, va = split_indices(len(rows))
texts = [str(rows[i]["text"]) for i in ca + va]
texts += [str(r["text"]) for r in load_authored(ROOT / "training" / "data" / "comments_authored") if r["lang"] == "en"]
texts += [str(r["text"]) for f in (load_olid_test, load_hatecheck, load_stormfront, load_ethos) for r in f(data)]
texts = sorted(set(texts))
m = CommentModel.load(Path(sys.argv[1]))
keys = ("toxic", "insult", "identity_attack", "threat")
arrs = {}
for cal in ("training", "news_comments"):
    out = score_texts(texts, m, languages=["en"] * len(texts), calibration=cal)
    arrs[cal] = np.array([[o["scores"].get(k, np.nan) for k in keys] for o in out], dtype=np.float64)
np.savez(sys.argv[2], **arrs)
print(len(texts), "texts")

"""Start kinds (exact / late / early / missed / false section) of C and T under the cross-pickle source CV."""
import sys, pickle
sys.path.insert(0, "/tmp/s20/wt/anatomy/training")
from collections import Counter
import numpy as np
from boundary_lab import _fit, _cols, _decode
from text_anatomy_errors import start_kind
from storytrace.anatomy.boundary import FEATURE_NAMES, THREAD_FEATURE_NAMES
from storytrace.anatomy.text import load_line_model
nb = len(FEATURE_NAMES)
train = pickle.load(open(sys.argv[1], "rb"))["pages"]
t = pickle.load(open(sys.argv[2], "rb"))
dec = load_line_model(t["meta"]["model"])
pages = t["pages"]
names = sorted({p["source"] for p in pages})
order = np.random.default_rng(0).permutation(len(names))
fold_of = {names[j]: i % 5 for i, j in enumerate(order)}
kinds = {"C": Counter(), "T": Counter()}; lost = {"C": Counter(), "T": Counter()}
for k in range(5):
    tr = [p for p in train if fold_of.get(p["source"], -1) not in (k, -1)]
    te = [p for p in pages if fold_of[p["source"]] == k]
    for tag, th in (("C", False), ("T", True)):
        r = _fit(tr, th, nb, 0.03)
        if k == 0 and th:
            z = r.coef[nb:]
            print("T coef (thread part):", {n: round(float(c), 2) for n, c in zip(THREAD_FEATURE_NAMES, z)})
        for p in te:
            pred = _decode(dec, p, r.choose(_cols(p["x"], th, nb)))
            kd = start_kind(p["labels"], pred)
            kinds[tag][kd] += 1
            lost[tag][kd] += sum(g == "comment" != q for g, q in zip(p["labels"], pred))
for tag in "CT":
    print(tag, dict(kinds[tag]), "lost comment lines:", dict(lost[tag]))

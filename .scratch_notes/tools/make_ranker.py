"""Copy a model dir and attach a C (today's features) or T (thread) ranker fitted on lab pickles."""
import shutil, sys, pickle
sys.path.insert(0, "/tmp/s20/wt/anatomy/training")
from pathlib import Path
from boundary_lab import _fit
from train_boundary_ranker import attach
from storytrace.anatomy.boundary import FEATURE_NAMES
import json
src, dst, kind = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
pkls = sys.argv[4:]
pages = [p for f in pkls for p in pickle.load(open(f, "rb"))["pages"]]
if dst.exists():
    shutil.rmtree(dst)
shutil.copytree(src, dst)
meta = json.loads((dst / "line_model.json").read_text())
thread = kind == "T"
ranker = _fit(pages, thread, len(FEATURE_NAMES), 0.03)
info = {"pages": len(pages), "pages_per_fifth": len(pages), "fifths": [4], "seed": 31, "l2": 0.03,
        **({"features": ["thread"]} if thread else {})}
attach(dst, ranker, info, long_pages=meta.get("long_pages"))
print("wrote", dst, len(ranker.coef))

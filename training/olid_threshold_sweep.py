"""Toxic macro-F1 of the shipped comment model on the OLID rows of the training split, by threshold (session 21).

    python training/olid_threshold_sweep.py [DATA]     # DATA: the shared data folder (default ../shared/data)

Training-side only (the calibration and validation halves of OLID train); OLID test is never read.
"""
import sys
from pathlib import Path

import numpy as np
from sklearn.metrics import f1_score

sys.path.insert(0, str(Path(__file__).resolve().parent))
from comment_data import load_train, split_indices

from storytrace.comments import CommentModel, score_texts

rows = load_train(Path(sys.argv[1] if len(sys.argv) > 1 else "../shared/data"))
_, calibration, validation = split_indices(len(rows))
model = CommentModel.load()
for name, idx in (("calib", calibration), ("valid", validation)):
    held = [rows[i] for i in idx if rows[i]["source"] == "olid"]
    scores = np.array([o["scores"]["toxic"] for o in score_texts([str(r["text"]) for r in held], model,
                                                                  languages=["en"] * len(held))])
    gold = np.array([int(r["toxic"]) for r in held])
    print(name, len(held), " ".join(f"{t:.3f}:{f1_score(gold, scores >= t, average='macro'):.4f}"
                                    for t in np.arange(0.3, 0.61, 0.025)))

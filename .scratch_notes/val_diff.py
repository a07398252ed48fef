"""Scratch: fr authored validation lines whose identity score moved (base export vs this worktree). Run twice."""
import json, sys
from pathlib import Path
sys.path.insert(0, "/tmp/s19/wt/multi2/training")
from comment_data import load_authored, split_authored
from storytrace.comments import CommentModel, score_texts
rows = load_authored(Path("/tmp/s19/wt/multi2/training/data/comments_authored"))
_, va = split_authored(rows, 0.2)
sel = [rows[i] for i in va if rows[i].get("lang") == sys.argv[1]]
out = score_texts([r["text"] for r in sel], CommentModel.load(), languages=[r["lang"] for r in sel])
json.dump([[r.get("identity_attack"), o["scores"]["identity_attack"], r["text"]] for r, o in zip(sel, out)], open(sys.argv[2], "w"), ensure_ascii=False)

"""Scratch: dev lines of the three multi files for one language, sorted by full identity score (label, score)."""
import json, sys
from pathlib import Path
from storytrace.comments import CommentModel, score_texts
P = Path("/tmp/s19/wt/multi2/training/data/comments_authored/probes")
rows = [json.loads(l) for f in ("multi_probes", "multi_hard", "multi_threats")
        for l in (P / f"{f}.jsonl").read_text(encoding="utf-8").splitlines() if l.strip()]
rows = [r for r in rows if r.get("split") == "dev" and r["lang"] == sys.argv[1] and r.get("identity_attack") is not None]
out = score_texts([r["text"] for r in rows], CommentModel.load(), languages=[r["lang"] for r in rows])
for r, o in sorted(zip(rows, out), key=lambda t: -t[1]["scores"]["identity_attack"]):
    print(r["identity_attack"], f'{o["scores"]["identity_attack"]:.2f}', r.get("kind"), r["text"][:120])

"""Scratch: which dev lines the exclusion reader fires on (no model), per file and label."""
import json, sys
from pathlib import Path
from storytrace.comments._lexicon import load_lexicon
from storytrace.comments._multi_exclusion import read_exclusion
from storytrace.comments._multi_context import defusing_context
from storytrace.comments import CommentModel
lex = CommentModel.load().lexicon
P = Path("training/data/comments_authored/probes")
for f in sys.argv[1].split(","):
    for l in (P / f"{f}.jsonl").read_text().splitlines():
        r = json.loads(l)
        if r.get("split") != "dev" or r["lang"] not in ("fr", "it", "nl"):
            continue
        x = read_exclusion(r["text"], r["lang"], lex.multi_groups.get(r["lang"], {}))
        if x.cues:
            ctx = defusing_context(r["text"], r["lang"], list(x.cues))
            print(f, r["lang"], r.get("identity_attack"), x.kinds, ctx, "|", r["text"][:110])

"""Scratch: authored lines (all files of a language) the exclusion reader fires on, with label and split."""
import json, sys
from pathlib import Path
from storytrace.comments import CommentModel
from storytrace.comments._multi_exclusion import read_exclusion
from storytrace.comments._multi_context import defusing_context
lex = CommentModel.load().lexicon
for f in sorted(Path("training/data/comments_authored").glob("*.jsonl")):
    for l in f.read_text().splitlines():
        r = json.loads(l); lang = r.get("lang", f.stem[:2])
        if lang not in ("fr", "it", "nl"): continue
        x = read_exclusion(r["text"], lang, lex.multi_groups.get(lang, {}))
        if x.cues:
            print(f.name, r.get("split"), r.get("identity_attack"), x.kinds, defusing_context(r["text"], lang, list(x.cues)), "|", r["text"][:100])

"""Scratch: per dev line of fr/it/nl: full score, learned identity, rule score, context, threat read."""
import json, sys
from storytrace.comments import CommentModel
from storytrace.comments._multi_context import defusing_context
from storytrace.comments._rules import multilingual_match
rows = json.load(open(sys.argv[1]))
langs = sys.argv[2].split(",")
rows = [r for r in rows if r["lang"] in langs]
m = CommentModel.load()
learned = m.learned_probabilities([r["text"] for r in rows], [r["lang"] for r in rows])
for r, l in zip(rows, learned):
    sc, ev, hostile = multilingual_match(r["text"], r["lang"], m.lexicon)
    ctx = defusing_context(r["text"], r["lang"], hostile) if sc > 0 else None
    s2, ev2, thr, d = m._multilingual_rule(r["text"], r["lang"])
    r.update(learned=float(l[2]), rule=sc, ctx=ctx, rule2=s2, thr=bool(thr), hostile=[r["text"][a:b] for a, b in hostile])
json.dump(rows, open(sys.argv[3], "w"), ensure_ascii=False)

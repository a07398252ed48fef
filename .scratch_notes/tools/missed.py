import sys, pickle
sys.path.insert(0, "/tmp/s20/wt/anatomy/training")
from pathlib import Path
from line_data import dev_split, load_pieces, make_pages, split_names
from storytrace.anatomy.text import load_line_model
from text_anatomy_errors import start_kind
D = Path("/work/shared/data")
model = load_line_model(sys.argv[1]); fold = int(sys.argv[2]); seed = int(sys.argv[3])
model.long_pages = None
pieces = load_pieces(D, dev_split(split_names(D)[0], fold)[1])
sources = []
pages = make_pages(pieces, 600, seed, sources=sources)
cache = []
for (lines, labels, blank), src in zip(pages, sources):
    before = [bool(blank[i]) and i > 0 for i in range(len(lines))]
    out = model.stage_probs(lines, before, before[1:] + [False])
    pred = [model.classes[j] for j in model.decode_page(out)]
    kind = start_kind(labels, pred)
    cache.append(dict(lines=lines, labels=labels, pred=pred, kind=kind, src=src, p3=out["p3"]))
    if kind == "whole section missed":
        C = model.classes.index("comment")
        s = labels.index("comment")
        print(f"=== {src} kind={kind}")
        for i in range(max(0, s - 3), min(len(lines), s + 6)):
            print(f"  {labels[i][:4]} {pred[i][:4]} p3c={out['p3'][i, C]:.2f} | {lines[i][:150]}")
pickle.dump(cache, open(sys.argv[4], "wb"))

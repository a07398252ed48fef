import random, re, sys
from pathlib import Path
sys.path.insert(0, "/tmp/s26/export_c556280/src")
import importlib.util
def load(path, name):
    spec = importlib.util.spec_from_file_location(name, path); m = importlib.util.module_from_spec(spec); sys.modules[name] = m; spec.loader.exec_module(m); return m
old = load("/tmp/s26/export_c556280/src/storytrace/facts/claims.py", "old_claims")
new = load("/tmp/s26/wt/claims/src/storytrace/facts/claims.py", "new_claims")
D = Path("/work/shared/data/extraction/dragnet/gold")
stems = sorted(p.name[:-4] for p in D.glob("*.txt"))[0::2]
SENT = re.compile(r"(?<=[.!?])\s+(?=[\"“A-Z])")
diffs = []; n = 0
for s in stems:
    body = (D / f"{s}.txt").read_text(errors="replace").split("!@#$%^&*()  COMMENTS")[0]
    for para in body.split("\n"):
        for t in SENT.split(para.strip()):
            if len(t.split()) < 6 or re.search(r"\d|[A-Z]\w+ [A-Z]", t[1:]) or new.worth_parsing(t): continue
            n += 1
            a, b = old.unparsed_modality(t)[0], new.unparsed_modality(t)[0]
            if a != b: diffs.append((a, b, t))
print(n, "sentences", len(diffs), "changed")
from collections import Counter; print(Counter((a, b) for a, b, _ in diffs))
random.Random(1).shuffle(diffs)
for a, b, t in diffs[:40]: print(f"{a}->{b} | {t[:160]}")

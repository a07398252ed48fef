import json, sys
sys.path.insert(0, "/tmp/s20/wt/multi3/training")
from comment_data import authored_key, load_authored
from pathlib import Path
D = Path("/tmp/s20/wt/multi3/training/data/comments_authored")
probe = []
for lang in ("it", "nl"):
    ns = {}
    exec(open(f"/tmp/s20/multi3_data/{lang}.py").read(), ns)
    out = []
    for k, (c, target, kind, text) in enumerate(ns["L"]):
        r = {"text": text, "lang": lang, "toxic": int(c in "HTI"), "insult": int(c == "I"),
             "identity_attack": int(c in "HT"), "threat": int(c == "T"), "target": target if c in "HT" else None,
             "kind": kind}
        if k % 4 == 3:
            probe.append(dict(r, split="dev"))
        else:
            out.append(r)
    (D / f"{lang}_s20.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
    print(lang, len(out))
(D / "probes" / "multi_s20.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in probe), encoding="utf-8")
print("probe", len(probe))

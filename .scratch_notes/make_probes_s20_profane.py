"""Generate probes/s20_profane_harm.jsonl (session 20, helper "hate3"): violence at a group in profane idioms ("beat
the shit out of X", "knock the crap out of X") and harm ensured ("make sure the X suffer / pay"), with an intent or
an order; non-hateful controls of the same shapes (a person, a thing, a report, a negation, protection). Authored
lines, not from any eval set. Lines carry identity_attack and threat.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import hashlib, json
from pathlib import Path

PLUR = [("muslims", "muslims"), ("immigrants", "immigrants"), ("refugees", "refugees"), ("trans people", "lgbt"),
        ("gay people", "lgbt"), ("black people", "black_people"), ("women", "women"), ("disabled people", "disabled"),
        ("jews", "jews"), ("mexicans", "immigrants"), ("asians", "asians"), ("foreigners", "immigrants")]
SING = [("muslim", "muslims"), ("immigrant", "immigrants"), ("refugee", "refugees"), ("woman", "women"),
        ("gay guy", "lgbt"), ("jew", "jews"), ("trans person", "lgbt"), ("mexican", "immigrants")]
STUFF = ["shit", "crap", "hell", "fuck", "living daylights"]
PAIN = ["suffer", "pay", "bleed", "regret it", "never feel safe again"]

T = [
 ("profane_violence", 1, 1, "i'm gonna beat the {x} out of the next {s} i see"),
 ("profane_violence", 1, 1, "we should knock the {x} out of every {s} in this town"),
 ("profane_violence", 1, 1, "someone needs to beat the {x} out of these {p}"),
 ("profane_violence", 1, 1, "let's go kick the {x} out of some {p} tonight"),
 ("profane_violence", 1, 1, "if i meet any {p} i will slap the {x} out of them"),
 ("ensured_harm", 1, 1, "i'm going to make sure the {p} {h}"),
 ("ensured_harm", 1, 1, "we will make sure every {s} here will {h}"),
 ("ensured_harm", 1, 1, "trust me, i'll make sure those {p} {h}"),
 ("ensured_harm", 1, 1, "we need to make sure all {p} {h} for this"),
 # controls
 ("profane_control", 0, 0, "my brother beat the {x} out of me at chess last night"),
 ("profane_control", 0, 0, "the {p} on our team beat the {x} out of the other side in the final"),
 ("profane_control", 0, 0, "some thugs beat the {x} out of two {p} last night, disgusting"),
 ("profane_control", 0, 0, "i'd never lay a finger on {p}, but i'd beat the {x} out of anyone who hurts them"),
 ("profane_control", 0, 0, "that film scared the {x} out of the {p} in my family"),
 ("ensured_control", 0, 0, "we will make sure the {p} feel safe here"),
 ("ensured_control", 0, 0, "i'll make sure the {p} get their fair share"),
 ("ensured_control", 0, 0, "we have to make sure no {s} ever has to suffer like that again"),
 ("ensured_control", 0, 0, "make sure the {p} who were attacked get help"),
 ("ensured_control", 0, 0, "the landlord made sure the {p} had to pay double, which is a scandal"),
]


def fill(skel, i):
    p, g = PLUR[i % len(PLUR)]
    s, gs = SING[i % len(SING)]
    if "{s}" in skel and "{p}" not in skel:
        g = gs
    return skel.format(p=p, s=s, x=STUFF[i % len(STUFF)], h=PAIN[i % len(PAIN)]), g


rows = []
for kind, ia, th, skel in T:
    h = int(hashlib.sha1(skel.encode()).hexdigest(), 16)
    split = "dev" if h % 100 < 60 else "check"
    for i in range(4):
        text, g = fill(skel, (h >> (8 * i)) % 97 + i)
        rows.append({"text": text, "lang": "en", "identity_attack": ia, "threat": th, "kind": kind, "target": g,
                     "skeleton": skel, "split": split})
seen = set()
rows = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]
out = Path(__file__).resolve().parents[1] / "training/data/comments_authored/probes/s20_profane_harm.jsonl"
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
print(len(rows), sum(r["split"] == "dev" for r in rows))

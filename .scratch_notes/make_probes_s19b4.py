"""Generate probes/s19b_direct_threats.jsonl (session 19, helper "hate2"): a commenter's own intended violence at a
group, with violent verbs and counting words the rules lacked ("hunt some X", "knock out the first X i see", "run
down a couple of X", "slit every X's throat"), and non-threatening controls with the same verbs. Authored lines, not
from any eval set. Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import hashlib, json
from pathlib import Path

PLUR = [("muslims", "muslims"), ("immigrants", "immigrants"), ("refugees", "refugees"), ("trans people", "lgbt"),
        ("gay men", "lgbt"), ("black people", "black_people"), ("women", "women"), ("disabled people", "disabled"),
        ("jews", "jews"), ("mexicans", "immigrants"), ("asians", "asians"), ("arabs", "arabs")]
SING = [("muslim", "muslims"), ("immigrant", "immigrants"), ("refugee", "refugees"), ("trans woman", "lgbt"),
        ("gay guy", "lgbt"), ("black guy", "black_people"), ("woman", "women"), ("jew", "jews"), ("mexican", "immigrants")]

T = [
 ("own_violence", 1, "imma go hunt some {p} this weekend"),
 ("own_violence", 1, "i'll knock out the first {s} i see tomorrow"),
 ("own_violence", 1, "i'm gonna run down a couple of {p} on my way home"),
 ("own_violence", 1, "swear down i will slit every {s}'s throat"),
 ("own_violence", 1, "i'm going to smash some {p} in the face tonight"),
 ("own_violence", 1, "we will hunt down a few {p} after the match"),
 ("own_violence", 1, "i'd happily choke a few {p} if i got the chance"),
 ("own_violence", 1, "i'm going to poison the {p} next door"),
 ("own_violence", 1, "gonna knock out some {p} at the protest"),
 ("own_violence", 1, "next week i'll smash a few {p} with a bat"),
 ("own_violence", 1, "i'll break the legs of any {s} who comes near my shop"),
 # controls: the same verbs, no violence at the group
 ("verb_control", 0, "i'll run down the list of {p} who signed up for the course"),
 ("verb_control", 0, "we will hunt for the best food the {p} in this area make"),
 ("verb_control", 0, "the {p} on our team will smash the record this year"),
 ("verb_control", 0, "i'm going to knock out this essay on {p} in history tonight"),
 ("verb_control", 0, "i nearly choked laughing at the {p} comedians last night"),
 ("verb_control", 0, "the factory will poison the water the {p} in the village drink"),
 ("verb_control", 0, "i'll break the news to the {p} in my class tomorrow"),
 ("verb_control", 0, "some thugs tried to run down a couple of {p}; the police caught them"),
]


def fill(skel, i):
    p, gp = PLUR[i % len(PLUR)]
    s, gs = SING[i % len(SING)]
    return skel.format(p=p, s=s), gs if "{s}" in skel else gp


rows = []
for kind, ia, skel in T:
    h = int(hashlib.sha1(skel.encode()).hexdigest(), 16)
    split = "dev" if h % 100 < 60 else "check"
    for i in range(4):
        text, g = fill(skel, (h >> (8 * i)) % 97 + i)
        rows.append({"text": text, "lang": "en", "identity_attack": ia, "threat": ia, "kind": kind, "target": g,
                     "skeleton": skel, "split": split})
seen = set()
rows = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]
out = Path(__file__).resolve().parents[1] / "training/data/comments_authored/probes/s19b_direct_threats.jsonl"
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
print(len(rows), sum(r["split"] == "dev" for r in rows))

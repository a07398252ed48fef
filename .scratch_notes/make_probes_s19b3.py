"""Generate probes/s19b_pronoun_predicates.jsonl (session 19, helper "hate2"): a group named in one sentence and
attacked in the next by a pronoun, with predicate wordings (calls to send back or get rid of, a place they should
stay, a short evaluation right after the sentence break), and non-hateful controls of the same shape. Authored lines,
not from any eval set. Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import hashlib, json
from pathlib import Path

PLUR = [("muslims", "muslims"), ("immigrants", "immigrants"), ("refugees", "refugees"), ("trans people", "lgbt"),
        ("gay people", "lgbt"), ("black people", "black_people"), ("women", "women"), ("disabled people", "disabled"),
        ("jews", "jews"), ("mexicans", "immigrants"), ("asians", "asians"), ("foreigners", "immigrants")]
NEG = ["filthy", "disgusting", "vile", "scum", "parasites", "savages", "pathetic", "criminals"]

T = [
 ("call_to_remove", 1, "we have way too many {p} in this town. time to send them back."),
 ("call_to_remove", 1, "{p} keep moving into our street. send them all back"),
 ("call_to_remove", 1, "so many {p} everywhere now. it's time we got rid of them"),
 ("call_to_remove", 1, "look at all these {p}. ship them back home already"),
 ("call_to_remove", 1, "the council keeps housing {p} here. send them back where they came from"),
 ("place_of_group", 1, "{p} want equal pay now lol. they should stay in the kitchen"),
 ("place_of_group", 1, "my boss hired two more {p}. they should go back where they came from"),
 ("short_evaluation", 1, "met some {p}. they were all {n}."),
 ("short_evaluation", 1, "i saw the {p} at the station. they are {n}"),
 ("short_evaluation", 1, "ugh, {p}. they're {n}, every single one"),
 # controls: same shape, not hateful
 ("pronoun_control", 0, "we have lots of {p} in this town. time to make them feel welcome."),
 ("pronoun_control", 0, "so many {p} had their homes burned. it's time we got them some help"),
 ("pronoun_control", 0, "the {p} in my class are brilliant. they should stay as long as they like"),
 ("pronoun_control", 0, "met some {p} at the fair. they were all lovely."),
 ("pronoun_control", 0, "the landlord threw the {p} out. send them back their deposit at least"),
 ("pronoun_control", 0, "{p} are not {n}. they are our neighbours"),
 ("pronoun_control", 0, "some idiot told the {p} to go home. we got rid of him fast"),
]


def fill(skel, i):
    p, g = PLUR[i % len(PLUR)]
    return skel.format(p=p, n=NEG[i % len(NEG)]), g


rows = []
for kind, ia, skel in T:
    h = int(hashlib.sha1(skel.encode()).hexdigest(), 16)
    split = "dev" if h % 100 < 60 else "check"
    for i in range(4):
        text, g = fill(skel, (h >> (8 * i)) % 97 + i)
        rows.append({"text": text, "lang": "en", "identity_attack": ia, "kind": kind, "target": g, "skeleton": skel,
                     "split": split})
seen = set()
rows = [r for r in rows if not (r["text"] in seen or seen.add(r["text"]))]
out = Path(__file__).resolve().parents[1] / "training/data/comments_authored/probes/s19b_pronoun_predicates.jsonl"
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
print(len(rows), sum(r["split"] == "dev" for r in rows))

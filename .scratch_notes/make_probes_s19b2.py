"""Generate probes/s19b_denied_harm.jsonl (session 19, helper "hate2"): harm denied to a whole group (a negative
quantifier, "nobody deserves ... for being X", a harm judged never acceptable) and "how" questions whose negation
asserts a hostile word; with hateful and non-hateful controls. Authored lines, not from any eval set.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import hashlib, json
from pathlib import Path

SING = [("muslim", "muslims"), ("immigrant", "immigrants"), ("refugee", "refugees"), ("trans person", "lgbt"),
        ("gay man", "lgbt"), ("black person", "black_people"), ("woman", "women"), ("disabled person", "disabled"),
        ("jewish family", "jews"), ("asylum seeker", "immigrants")]
PLUR = [("muslims", "muslims"), ("immigrants", "immigrants"), ("refugees", "refugees"), ("trans people", "lgbt"),
        ("gay people", "lgbt"), ("black people", "black_people"), ("women", "women"), ("disabled people", "disabled"),
        ("jews", "jews"), ("mexicans", "immigrants"), ("asians", "asians"), ("gypsies", "roma")]
ADJ = [("gay", "lgbt"), ("trans", "lgbt"), ("muslim", "muslims"), ("black", "black_people"), ("jewish", "jews"),
       ("disabled", "disabled"), ("an immigrant", "immigrants"), ("a refugee", "refugees")]
NEG = ["criminals", "vermin", "parasites", "animals", "savages", "filthy", "disgusting", "scum", "subhuman"]

# (kind, identity_attack, skeleton); {s} singular group, {p} plural group, {a} adjective of being, {n} negative word
T = [
 # harm denied to a quantified group: protective
 ("quantified_denied_harm", 0, "no {s} should ever be attacked for walking down the street"),
 ("quantified_denied_harm", 0, "no {s} should have to fear being beaten up in this town"),
 ("quantified_denied_harm", 0, "not one {s} deserves to be shot, whatever the politicians say"),
 ("quantified_denied_harm", 0, "none of those {p} deserved to die like that"),
 ("quantified_denied_harm", 0, "no {s} should be killed for what they believe"),
 ("quantified_denied_harm", 0, "not a single {s} should be harassed at work, ever"),
 ("quantified_denied_harm", 0, "no {s} should ever get hurt by the police"),
 ("quantified_denied_harm", 0, "none of these {p} deserve to be deported, they have lived here for years"),
 ("quantified_denied_harm", 0, "no {s} deserves to be murdered. end of story"),
 ("quantified_denied_harm", 0, "no {s} should be lynched, how is this even a debate"),
 # nobody deserves harm for being X: protective
 ("for_being_denied_harm", 0, "nobody deserves to be beaten for being {a}"),
 ("for_being_denied_harm", 0, "no one should get attacked just for being {a}"),
 ("for_being_denied_harm", 0, "nobody should be killed because they are {a}"),
 ("for_being_denied_harm", 0, "no one deserves to be harassed for being {a}, full stop"),
 ("for_being_denied_harm", 0, "no person should ever be hurt for being {a}"),
 # a harm judged never acceptable: protective
 ("never_acceptable_harm", 0, "attacking {p} is never ok"),
 ("never_acceptable_harm", 0, "beating up {p} is never acceptable, no matter what"),
 ("never_acceptable_harm", 0, "killing {p} is never justified"),
 ("never_acceptable_harm", 0, "harassing {p} online is not ok and never will be"),
 ("never_acceptable_harm", 0, "deporting {p} is wrong and you know it"),
 ("never_acceptable_harm", 0, "hurting {p} is never the answer"),
 # hateful controls with the same words
 ("quantified_control", 1, "every {s} should be shot on sight"),
 ("quantified_control", 1, "no {s} should be allowed to live here"),
 ("quantified_control", 1, "all {p} deserve to be beaten"),
 ("quantified_control", 1, "no {s} deserves to live"),
 ("quantified_control", 1, "killing {p} is fine by me"),
 ("quantified_control", 1, "attacking {p} is the only answer"),
 ("quantified_control", 1, "every last one of those {p} should be deported"),
 # a "how" question whose negation asserts the hostile word: hateful
 ("how_not_question", 1, "how are {p} not {n}?"),
 ("how_not_question", 1, "honestly how are {p} not {n}"),
 ("how_not_question", 1, "how is it that {p} aren't all {n}?"),
 ("how_not_question", 1, "how come {p} aren't called {n} by everyone?"),
 ("how_not_question", 1, "seriously, how are {p} not considered {n} yet?"),
 # non-hateful controls of the question frame
 ("how_not_control", 0, "how are {p} not allowed to vote in this country?"),
 ("how_not_control", 0, "how are {p} not safe in their own homes?"),
 ("how_not_control", 0, "how is it that {p} aren't given the same rights?"),
 ("how_not_control", 0, "{p} are not {n}, and anyone saying so is a bigot"),
 ("how_not_control", 0, "how come {p} are not represented on the council?"),
]


def fill(skel, i):
    s, gs = SING[i % len(SING)]
    p, gp = PLUR[i % len(PLUR)]
    a, ga = ADJ[i % len(ADJ)]
    n = NEG[i % len(NEG)]
    g = ga if "{a}" in skel else gs if "{s}" in skel else gp
    return skel.format(s=s, p=p, a=a, n=n), g


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
out = Path(__file__).resolve().parents[1] / "training/data/comments_authored/probes/s19b_denied_harm.jsonl"
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
print(len(rows), sum(r["split"] == "dev" for r in rows))

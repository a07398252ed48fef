"""Generate probes/s19_negated_positive.jsonl (session 19, helper "hate"): a positive statement about a group,
negated (hateful), and the same negations protecting the group (not hateful). Authored templates, not from any eval
set. Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before any measurement)."""
import collections, hashlib, json, random
from pathlib import Path

rng = random.Random(1919)
GROUPS = [("muslims", "muslim", "muslims"), ("gay people", "gay person", "lgbt"), ("immigrants", "immigrant", "immigrants"),
          ("women", "woman", "women"), ("trans people", "trans person", "trans_people"),
          ("black people", "black person", "black_people"), ("jews", "jew", "jews"),
          ("disabled people", "disabled person", "disabled_people"), ("refugees", "refugee", "immigrants"),
          ("asians", "asian", "asians"), ("mexicans", "mexican", "hispanics"), ("migrants", "migrant", "immigrants")]
T = [
 # hateful: a good thing denied to the group, by a negative quantifier, a negated "deserve", a refusal, "never"
 ("quantified_negation", 1, "no {s} can be trusted"),
 ("quantified_negation", 1, "not a single {s} is decent"),
 ("quantified_negation", 1, "none of these {p} are worth saving"),
 ("quantified_negation", 1, "no {s} has ever done anything worthwhile"),
 ("quantified_negation", 1, "not one {s} i have met was honest"),
 ("quantified_negation", 1, "never met a decent {s} in my life"),
 ("quantified_negation", 1, "there is no such thing as a good {s}"),
 ("quantified_negation", 1, "no {s} is capable of real work"),
 ("denied_deserving", 1, "{p} don't deserve rights"),
 ("denied_deserving", 1, "{p} do not deserve equal rights"),
 ("denied_deserving", 1, "{p} don't deserve to vote"),
 ("denied_deserving", 1, "{p} don't deserve any respect"),
 ("denied_deserving", 1, "honestly {p} dont deserve a voice"),
 ("denied_deserving", 1, "{p} do not deserve to be treated as equals"),
 ("denied_deserving", 1, "i don't think {p} should have any rights"),
 ("denied_deserving", 1, "{p} don't deserve to live among us"),
 ("refused_singular", 1, "i would never trust a {s}"),
 ("refused_singular", 1, "i'd never hire a {s}"),
 ("refused_singular", 1, "i will never respect a {s}"),
 ("refused_singular", 1, "i could never be friends with a {s}"),
 ("never_positive", 1, "{p} are never going to be normal"),
 ("never_positive", 1, "{p} will never ever be equal to us"),
 ("never_positive", 1, "{p} are no use to anyone"),
 ("never_positive", 1, "{p} bring nothing of value"),
 ("never_positive", 1, "{p} have never contributed anything good"),
 ("never_positive", 1, "{p} are incapable of decency"),
 # not hateful: the same negations protecting the group or denying harm
 ("protective_negation", 0, "no {s} should be treated badly"),
 ("protective_negation", 0, "not a single {s} deserves abuse"),
 ("protective_negation", 0, "{p} don't deserve the hate they get"),
 ("protective_negation", 0, "no {s} should have to hide who they are"),
 ("protective_negation", 0, "none of these {p} are criminals"),
 ("protective_negation", 0, "i've never met a {s} i didn't like"),
 ("protective_negation", 0, "no {s} is a criminal just for being here"),
 ("protective_negation", 0, "i don't think {p} should lose their rights"),
 ("protective_negation", 0, "{p} don't deserve to be mocked"),
 ("protective_negation", 0, "not one {s} in my town has ever caused trouble"),
 ("positive_control", 0, "{p} deserve equal rights"),
 ("positive_control", 0, "i would trust a {s} with my life"),
 ("positive_control", 0, "{p} deserve respect like everyone else"),
 ("positive_control", 0, "{p} bring so much value to this country"),
]
out = []
for kind, ident, skel in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for p, s, key in rng.sample(GROUPS, 4):
        out.append({"text": skel.format(p=p, s=s), "lang": "en", "identity_attack": ident, "kind": kind,
                    "target": key, "skeleton": skel, "split": split})
Path("training/data/comments_authored/probes/s19_negated_positive.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(len(out), collections.Counter((r["kind"], r["split"]) for r in out))

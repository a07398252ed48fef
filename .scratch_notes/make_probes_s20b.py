"""Generate probes/s20b_benign_forms.jsonl (session 20, helper "nh3"): more forms of non-hateful statements about a
group (singular and first-person identity, "X are people too", statements of rights, negations by a quantifier or
"nothing wrong with") and hateful look-alikes. Authored templates, not from any eval set. Written before measuring.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check"."""
import collections, hashlib, json, random
from pathlib import Path

rng = random.Random(2021)
GROUPS = [("muslim", "muslims", "muslims"), ("gay", "gay people", "lgbt"), ("trans", "trans people", "trans_people"),
          ("black", "black people", "black_people"), ("jewish", "jews", "jews"), ("disabled", "disabled people",
          "disabled_people"), ("mexican", "mexicans", "hispanics"), ("lesbian", "lesbians", "lgbt"),
          ("asian", "asians", "asians"), ("immigrant", "immigrants", "immigrants")]
T = [
 ("identity_fact", 0, "i am {a} and i work as a nurse"),
 ("identity_fact", 0, "my best friend is {a}"),
 ("identity_fact", 0, "my sister married a {a} man last year"),
 ("identity_fact", 0, "we are a group of {p} who meet every sunday"),
 ("identity_fact", 0, "she is {a} and she runs the bakery on main street"),
 ("identity_fact", 0, "our new teacher is {a}"),
 ("identity_fact", 0, "being {a} is just one part of who i am"),
 ("identity_fact", 0, "i grew up in a {a} family"),
 ("people_too", 0, "{p} are people too"),
 ("people_too", 0, "{p} are human beings like the rest of us"),
 ("people_too", 0, "{p} are normal people with normal lives"),
 ("rights", 0, "{p} have every right to live here"),
 ("rights", 0, "{p} should have equal rights"),
 ("rights", 0, "we need more {p} in government"),
 ("rights", 0, "{p} belong here as much as anyone"),
 ("denied_negative", 0, "there's nothing wrong with being {a}"),
 ("denied_negative", 0, "no {a} person deserves to be treated like that"),
 ("denied_negative", 0, "{p} are no threat to anyone"),
 ("denied_negative", 0, "i see no reason to fear {p}"),
 ("denied_negative", 0, "{p} aren't the enemy"),
 ("denied_negative", 0, "i don't dislike {p} in any way"),
 ("denied_negative", 0, "there is no reason to hate {p}"),
 # hateful look-alikes
 ("form_control", 1, "i am {a} and even i think {p} are disgusting"),
 ("form_control", 1, "{p} are people too, just worse ones"),
 ("form_control", 1, "{p} have no right to live here"),
 ("form_control", 1, "we need fewer {p} in government"),
 ("form_control", 1, "there's something wrong with being {a}, it's a disease"),
 ("form_control", 1, "{p} are a threat to everyone"),
 ("form_control", 1, "{p} are the enemy"),
 ("form_control", 1, "i see every reason to hate {p}"),
 ("form_control", 1, "{p} belong in cages"),
 ("form_control", 1, "no reason to hate {p}? they are vermin"),
]
out = []
for kind, ident, skel in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for a, p, key in rng.sample(GROUPS, 3):
        out.append({"text": skel.format(a=a, p=p), "lang": "en", "identity_attack": ident, "kind": kind,
                    "target": key, "skeleton": skel, "split": split})
Path("training/data/comments_authored/probes/s20b_benign_forms.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(len(out), sorted(collections.Counter((r["kind"], r["split"]) for r in out).items()))

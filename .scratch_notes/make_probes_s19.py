"""Generate probes/s19_reference_emotion.jsonl (session 19, helper "hate"). Authored templates, not from any eval set.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before any measurement)."""
import hashlib, json, random
from pathlib import Path

rng = random.Random(19)
GROUPS = [("muslims", "muslims"), ("gay people", "lgbt"), ("immigrants", "immigrants"), ("women", "women"),
          ("trans people", "lgbt"), ("black people", "black_people"), ("jews", "jews"), ("disabled people", "disabled"),
          ("refugees", "immigrants"), ("asians", "asians"), ("gypsies", "roma"), ("mexicans", "immigrants")]
NEG = ["vermin", "parasites", "animals", "criminals", "scum", "savages", "rapists", "subhuman", "a disease", "filth"]
POS = ["valuable", "human", "deserving of respect", "worthy", "capable"]

# (kind, identity_attack, toxic or None, skeleton)
T = [
 # counter-speech that refers to hate said by someone else (second person, or a gerund condemned): not hateful
 ("counter_reference", 0, None, "how can you call {g} {n}? that's vile"),
 ("counter_reference", 0, None, "posting that {g} should die is disgusting"),
 ("counter_reference", 0, None, "if you think {g} are {n}, you need help"),
 ("counter_reference", 0, None, "i can't believe people still say {g} are {n}"),
 ("counter_reference", 0, None, "saying you hate {g} says more about you than them"),
 ("counter_reference", 0, None, "when you say {g} are {n}, you hurt real people"),
 ("counter_reference", 0, None, "people like you who call {g} {n} are the problem"),
 ("counter_reference", 0, None, "did you really just say {g} should go back where they came from?"),
 ("counter_reference", 0, None, "telling {g} they should kill themselves is evil"),
 ("counter_reference", 0, None, "you keep saying {g} don't belong here. grow up"),
 ("counter_reference", 0, None, "you said {g} are {n}. that is just wrong"),
 ("counter_reference", 0, None, "your claim that {g} are {n} is pure bigotry"),
 ("counter_reference", 0, None, "writing that {g} are {n} is cruel and you know it"),
 ("counter_reference", 0, None, "imagine thinking {g} are {n} in this day and age"),
 ("counter_reference", 0, None, "comparing {g} to rats is disgusting"),
 ("counter_reference", 0, None, "anyone calling {g} {n} should take a long look in the mirror"),
 ("counter_reference", 0, None, "i'm reporting you for saying {g} are {n}"),
 ("counter_reference", 0, None, "so you think {g} are {n}? you should be embarrassed"),
 ("counter_reference", 0, None, "shouting that {g} are {n} at a bus stop is vile behaviour"),
 ("counter_reference", 0, None, "you wrote that {g} should be deported. nobody here agrees with you"),
 # the same surface, endorsed or asserted: hateful controls
 ("endorsed_reference", 1, 1, "you said {g} are {n} and you're right"),
 ("endorsed_reference", 1, 1, "i don't care what you say, {g} are {n}"),
 ("endorsed_reference", 1, 1, "like you said, {g} are {n}"),
 ("endorsed_reference", 1, 1, "people who hate {g} are right"),
 ("endorsed_reference", 1, 1, "anyone who says {g} are {n} is telling the truth"),
 ("endorsed_reference", 1, 1, "if you think {g} are harmless, you're a fool"),
 ("endorsed_reference", 1, 1, "you can say what you want but {g} are still {n}"),
 ("endorsed_reference", 1, 1, "calling {g} {n} is just being honest"),
 # negative emotion of the commenter towards a group: hateful
 ("negative_emotion", 1, 1, "i feel nothing but disgust for {g}"),
 ("negative_emotion", 1, 1, "{g} fill me with rage"),
 ("negative_emotion", 1, 1, "i'm sickened by {g}"),
 ("negative_emotion", 1, 1, "{g} make my skin crawl"),
 ("negative_emotion", 1, 1, "so much hatred in my heart for {g}"),
 ("negative_emotion", 1, 1, "{g} make my blood boil"),
 ("negative_emotion", 1, 1, "i am revolted by {g}"),
 ("negative_emotion", 1, 1, "just looking at {g} makes me want to puke"),
 ("negative_emotion", 1, 1, "i have such contempt for {g}"),
 ("negative_emotion", 1, 1, "{g} turn my stomach"),
 ("negative_emotion", 1, 1, "being near {g} makes me nauseous"),
 ("negative_emotion", 1, 1, "my disgust for {g} grows every day"),
 ("negative_emotion", 1, 1, "i get so angry whenever i see {g}"),
 ("negative_emotion", 1, 1, "nothing but loathing for {g} here"),
 ("negative_emotion", 1, 1, "i am nauseated by {g}"),
 ("negative_emotion", 1, 1, "{g} are repulsive to me"),
 # emotion words aimed at something done to the group: not hateful controls
 ("emotion_for_group", 0, None, "i feel nothing but love for {g}"),
 ("emotion_for_group", 0, None, "i'm sickened by the way {g} are treated"),
 ("emotion_for_group", 0, None, "the abuse {g} face makes my blood boil"),
 ("emotion_for_group", 0, None, "{g} fill me with hope"),
 ("emotion_for_group", 0, None, "racism against {g} makes my skin crawl"),
 ("emotion_for_group", 0, None, "i'm disgusted by people who attack {g}"),
 ("emotion_for_group", 0, None, "my disgust at how {g} get treated grows every day"),
 ("emotion_for_group", 0, None, "i get so angry whenever i see {g} mistreated"),
 # a negative statement about a group, negated: not hateful
 ("negated_negative", 0, 0, "it is not true that {g} are {n}"),
 ("negated_negative", 0, 0, "{g} are no less {p} than anyone else"),
 ("negated_negative", 0, 0, "{g} are in no way {n}"),
 ("negated_negative", 0, 0, "there is nothing wrong with {g}"),
 ("negated_negative", 0, 0, "i have never hated {g} and never will"),
 ("negated_negative", 0, 0, "{g} are by no means a burden"),
 ("negated_negative", 0, 0, "i refuse to believe {g} are {n}"),
 ("negated_negative", 0, 0, "{g} are not the problem here"),
 ("negated_negative", 0, 0, "{g} do not deserve to die"),
 ("negated_negative", 0, 0, "it's simply false that {g} are {n}"),
 ("negated_negative", 0, 0, "{g} aren't {n} and never were"),
 ("negated_negative", 0, 0, "nobody should hate {g}"),
 # asserted counterparts: hateful controls
 ("asserted_negative", 1, 1, "it is true that {g} are {n}"),
 ("asserted_negative", 1, 1, "{g} are no better than {n}"),
 ("asserted_negative", 1, 1, "{g} are nothing but {n}"),
 ("asserted_negative", 1, 1, "there is nothing human about {g}"),
 ("asserted_negative", 1, 1, "it's a fact that {g} are {n}"),
]

out = []
for kind, ident, tox, skel in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for surface, key in rng.sample(GROUPS, 4):
        text = skel.format(g=surface, n=rng.choice(NEG), p=rng.choice(POS))
        row = {"text": text, "lang": "en", "identity_attack": ident, "kind": kind, "target": key,
               "skeleton": skel, "split": split}
        if tox is not None:
            row["toxic"] = tox
        out.append(row)
Path("training/data/comments_authored/probes/s19_reference_emotion.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
import collections
print(len(out), collections.Counter((r["kind"], r["split"]) for r in out))

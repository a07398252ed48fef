"""Generate probes/s20_coref_questions.jsonl (session 20, helper "hate3"): a group named in one clause or sentence and
attacked in the next through a referring phrase ("such people", "people like that", "their kind") or an object
pronoun of a removal verb ("send them back", "i want them gone"); a negative trait explained by membership ("of course
they are lazy. they are X after all", "he's dumb because he's X"); hate asked as a question ("why do X even exist?",
"what (the hell) is wrong with X?", "isn't it time we got rid of X?", "how many more X do we have to put up with?").
Non-hateful controls of the same shapes. Authored lines, not from any eval set.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before measuring)."""
import hashlib, json
from pathlib import Path

PLUR = [("muslims", "muslims"), ("immigrants", "immigrants"), ("refugees", "refugees"), ("trans people", "lgbt"),
        ("gay people", "lgbt"), ("black people", "black_people"), ("women", "women"), ("disabled people", "disabled"),
        ("jews", "jews"), ("mexicans", "immigrants"), ("asians", "asians"), ("foreigners", "immigrants")]
SING = [("a muslim", "muslims"), ("an immigrant", "immigrants"), ("a refugee", "refugees"), ("a woman", "women"),
        ("gay", "lgbt"), ("a jew", "jews"), ("trans", "lgbt"), ("a mexican", "immigrants")]
NEG = ["filthy", "disgusting", "vile", "scum", "parasites", "savages", "pathetic", "vermin", "lazy", "stupid"]
TRAIT = ["lazy", "stupid", "dirty", "dishonest", "useless", "violent", "greedy", "thieves", "liars"]

T = [
 # referring phrases in the next sentence / clause
 ("ref_phrase", 1, "a family of {p} moved in next door. such people are {n}."),
 ("ref_phrase", 1, "the council keeps housing {p} here. people like that are {n}"),
 ("ref_phrase", 1, "my cousin married one of those {p}. their kind are {n}"),
 ("ref_phrase", 1, "we have {p} working at the shop now, and honestly people like them are {n}"),
 ("ref_phrase", 1, "there were {p} all over the beach today. i can't stand people like that"),
 ("ref_phrase", 1, "{p} are opening businesses on my street. that lot are {n}, every one of them"),
 # pronoun as the object of removal in the next sentence
 ("ref_removal", 1, "more {p} arrived in our town this week. send them back."),
 ("ref_removal", 1, "so many {p} in this country now. kick them out"),
 ("ref_removal", 1, "i keep seeing {p} at the park. i want them gone"),
 ("ref_removal", 1, "{p} are moving into our neighbourhood. we need to get them out of here"),
 ("ref_removal", 1, "look at all these {p}. it's time we got rid of them"),
 # a trait explained by membership
 ("explained", 1, "of course they are {t}. they are {p} after all."),
 ("explained", 1, "no surprise they're {t}, they're {p}"),
 ("explained", 1, "he's {t} because he's {s}."),
 ("explained", 1, "she is so {t}. what do you expect, she is {s}"),
 ("explained", 1, "they are {t} and they will always be {t}, because they are {p}"),
 # hate asked as a question
 ("question", 1, "why do {p} even exist?"),
 ("question", 1, "what is wrong with {p}?"),
 ("question", 1, "what the hell is wrong with {p}?"),
 ("question", 1, "what the fuck is wrong with {p}??"),
 ("question", 1, "isn't it time we got rid of {p}?"),
 ("question", 1, "how many more {p} do we have to put up with?"),
 ("question", 1, "why should we have to tolerate {p} at all?"),
 ("question", 1, "seriously, why do {p} have to exist?"),
 ("question", 1, "can someone explain why {p} deserve rights?"),
 ("question", 1, "wouldn't it be great if we got rid of all the {p}?"),
 # controls: the same shapes, not hateful
 ("ref_control", 0, "a family of {p} moved in next door. such people are a blessing."),
 ("ref_control", 0, "{p} were attacked by thugs last night. people like that should be locked up"),
 ("ref_control", 0, "my cousin married one of those {p}. their kind hearts won us all over"),
 ("ref_control", 0, "we have {p} working at the shop now, and honestly people like them are great"),
 ("ref_control", 0, "more {p} arrived in our town this week. send them a warm welcome."),
 ("ref_control", 0, "the landlord kicked the {p} out. i want him gone"),
 ("ref_control", 0, "{p} are moving into our neighbourhood. we need to get them some furniture"),
 ("ref_control", 0, "racists keep harassing {p}. it's time we got rid of them"),
 ("explained_control", 0, "of course they are welcome. they are {p} after all."),
 ("explained_control", 0, "people say they are {t} because they are {p}. that is plain racism"),
 ("explained_control", 0, "he's not {t}, he's {s} and he works two jobs."),
 ("explained_control", 0, "they are tired because they are {p} who work night shifts"),
 ("explained_control", 0, "my neighbour is {t}. he is also {s}, which has nothing to do with it"),
 ("question_control", 0, "what is wrong with {p} getting married?"),
 ("question_control", 0, "what is wrong with people who hate {p}?"),
 ("question_control", 0, "why do {p} face so much hate?"),
 ("question_control", 0, "why do some people want to get rid of {p}?"),
 ("question_control", 0, "how many more {p} have to die before we act?"),
 ("question_control", 0, "why should we tolerate attacks on {p}?"),
 ("question_control", 0, "what the hell is wrong with this country, why are {p} treated like this?"),
 ("question_control", 0, "isn't it time we welcomed {p} properly?"),
 ("question_control", 0, "can someone explain why {p} deserve less than the rest of us? they don't."),
]


def fill(skel, i):
    p, g = PLUR[i % len(PLUR)]
    s, gs = SING[i % len(SING)]
    if "{s}" in skel:
        g = gs
    return skel.format(p=p, s=s, n=NEG[i % len(NEG)], t=TRAIT[i % len(TRAIT)]), g


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
out = Path(__file__).resolve().parents[1] / "training/data/comments_authored/probes/s20_coref_questions.jsonl"
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
print(len(rows), sum(r["split"] == "dev" for r in rows))

"""Writes probes/s22_negation_reference.jsonl (helper nh4, session 22). Invented lines; no eval set opened.
Split by skeleton hash: dev when int(sha1(skeleton), 16) % 100 < 60, else check."""
import hashlib
import json
import random

GROUPS = [("women", "woman", "women"), ("trans people", "trans person", "trans_people"),
          ("gay men", "gay man", "lgbt"), ("black people", "black person", "black_people"),
          ("disabled people", "disabled person", "disabled_people"), ("muslims", "muslim", "muslims"),
          ("immigrants", "immigrant", "immigrants"), ("jews", "jew", "jews"), ("refugees", "refugee", "immigrants"),
          ("asians", "asian", "asians")]

# (kind, identity_attack, skeleton)
T = [
    # negated hate: the hateful statement negated (not hateful)
    ("negated_hate", 0, "no one wants to hurt {g}"),
    ("negated_hate", 0, "no one should ever hurt {g}"),
    ("negated_hate", 0, "not one of us wants to harm {g}"),
    ("negated_hate", 0, "none of us want to hurt {g}"),
    ("negated_hate", 0, "i don't find {g} repulsive"),
    ("negated_hate", 0, "i do not consider {g} subhuman"),
    ("negated_hate", 0, "i would never call {g} animals"),
    ("negated_hate", 0, "{g} don't belong in a zoo"),
    ("negated_hate", 0, "{g} do not belong in cages"),
    ("negated_hate", 0, "{g} don't disgust me at all"),
    ("negated_hate", 0, "honestly {g} don't make my skin crawl"),
    ("negated_hate", 0, "i have nothing against {g}"),
    ("negated_hate", 0, "i don't see {g} as a threat"),
    # their hateful contrasts (same surface, no negation)
    ("negated_control", 1, "everyone wants to hurt {g}"),
    ("negated_control", 1, "we should all hurt {g}"),
    ("negated_control", 1, "i find {g} repulsive"),
    ("negated_control", 1, "i consider {g} subhuman"),
    ("negated_control", 1, "{g} belong in a zoo"),
    ("negated_control", 1, "{g} disgust me"),
    ("negated_control", 1, "{g} make my skin crawl"),
    ("negated_control", 1, "i have nothing but contempt for {g}"),
    ("negated_control", 1, "i don't find {g} human"),
    ("negated_control", 1, "{g} don't belong in this country"),
    # hate condemned as an act (not hateful)
    ("condemned_act", 0, "hating {g} is wrong"),
    ("condemned_act", 0, "hating {g} is just plain stupid"),
    ("condemned_act", 0, "it's wrong to hate {g}"),
    ("condemned_act", 0, "it is disgusting to despise {g} like that"),
    ("condemned_act", 0, "wanting to hurt {g} is evil"),
    ("condemned_act", 0, "despising {g} is pathetic"),
    ("condemned_act", 0, "it's cruel to hate {g} for who they are"),
    # the act approved (hateful)
    ("approved_act", 1, "hating {g} is natural"),
    ("approved_act", 1, "hating {g} is not wrong"),
    ("approved_act", 1, "it's right to hate {g}"),
    ("approved_act", 1, "it's only natural to despise {g}"),
    ("approved_act", 1, "despising {g} is completely justified"),
    # holder of hate condemned (not hateful)
    ("holder_condemned", 0, "people who hate {g} are pathetic"),
    ("holder_condemned", 0, "anyone who hates {g} is an idiot"),
    ("holder_condemned", 0, "those who despise {g} are cowards"),
    ("holder_condemned", 0, "people who want to hurt {g} are monsters"),
    ("holder_condemned", 0, "people like you who hate {g} disgust me"),
    ("holder_condemned", 0, "anyone who says {g} should die is a monster"),
    ("holder_condemned", 0, "people who say {g} are vermin are idiots"),
    ("holder_condemned", 0, "someone who thinks {g} are subhuman needs help"),
    ("holder_condemned", 0, "guys who call {g} animals are the real problem"),
    # holder endorsed, or the group itself judged (hateful)
    ("holder_endorsed", 1, "people who hate {g} are right"),
    ("holder_endorsed", 1, "anyone who says {g} should die is correct"),
    ("holder_endorsed", 1, "people who hate {g} are pathetic, but {g} are still vermin"),
    ("holder_endorsed", 1, "people who are {g} are pathetic"),
    ("holder_endorsed", 1, "those who despise {g} are smart"),
    ("holder_endorsed", 1, "people who say {g} are vermin are telling the truth"),
    # others' hate reported (not hateful)
    ("others_hate", 0, "some people hate {g}"),
    ("others_hate", 0, "a lot of people hate {g} and it's sad"),
    ("others_hate", 0, "many people still hate {g}, which is terrible"),
    ("others_hate", 0, "so many racists hate {g}"),
    ("others_hate", 0, "some bigots really despise {g}"),
    ("others_hate", 0, "there's so much hate towards {g} online"),
    ("others_hate", 0, "your hatred of {g} makes me sick"),
    # others' hate endorsed or own (hateful)
    ("others_hate_endorsed", 1, "some people hate {g} for a reason"),
    ("others_hate_endorsed", 1, "many people hate {g} and i don't blame them"),
    ("others_hate_endorsed", 1, "a lot of people hate {g}, me included"),
    ("others_hate_endorsed", 1, "everyone hates {g}"),
    ("others_hate_endorsed", 1, "most people hate {g} and rightly so"),
    ("others_hate_endorsed", 1, "i hate {g} like some people do"),
    # a report condemned (not hateful); a bare report (judged hateful, see the .md)
    ("report_condemned", 0, "she thinks {g} should all be deported, which is horrifying"),
    ("report_condemned", 0, "it's disgusting how people talk about {g} as if they were vermin"),
    ("report_condemned", 0, "he said {g} are vermin, which is appalling"),
    ("report_condemned", 0, "my uncle says {g} are parasites and it makes me so angry"),
    ("report_bare", 1, "he said {g} are vermin"),
    ("report_bare", 1, "{g} are vermin, as he rightly said"),
    ("report_bare", 1, "my dad always said {g} are parasites"),
    ("report_bare", 1, "he said {g} are vermin, which is true"),
]


def main() -> None:
    rng = random.Random(22)
    out = []
    for kind, lab, sk in T:
        split = "dev" if int(hashlib.sha1(sk.encode()).hexdigest(), 16) % 100 < 60 else "check"
        for p, s, key in rng.sample(GROUPS, 4):
            text = sk.replace("{g}", p).replace("{s}", s)
            if rng.random() < 0.3:
                text = text[0].upper() + text[1:] + "."
            out.append({"text": text, "lang": "en", "identity_attack": lab, "kind": kind, "target": key,
                        "skeleton": sk, "split": split})
    with open("training/data/comments_authored/probes/s22_negation_reference.jsonl", "w", encoding="utf-8") as f:
        f.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in out)
    print(len(out), sum(r["split"] == "dev" for r in out))


if __name__ == "__main__":
    main()

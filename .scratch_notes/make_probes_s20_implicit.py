"""Generate probes/s20_implicit.jsonl (session 20, helper "implicit"). Authored templates from general knowledge of how
implicit and dehumanising hate is written (stereotype predicates, dehumanising metaphor, demographic threat,
conspiracy, exclusion), and non-hateful look-alikes. Not from any eval set.
Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else "check" (fixed before any measurement)."""
import collections, hashlib, json, random
from pathlib import Path

rng = random.Random(20)
GROUPS = [("muslims", "muslims"), ("immigrants", "immigrants"), ("jews", "jews"), ("black people", "black_people"),
          ("gay people", "lgbt"), ("refugees", "immigrants"), ("mexicans", "immigrants"), ("gypsies", "roma"),
          ("trans people", "trans_people"), ("women", "women"), ("asians", "asians"), ("arabs", "arabs")]

# (kind, identity_attack, skeleton); {g} = group
T = [
 # stereotype predicates asserted of the whole group
 ("stereotype", 1, "{g} are all on welfare"),
 ("stereotype", 1, "{g} just live off benefits and never work a day"),
 ("stereotype", 1, "{g} breed like rabbits"),
 ("stereotype", 1, "typical, {g} sponging off the taxpayer again"),
 ("stereotype", 1, "{g} can't be trusted with money"),
 ("stereotype", 1, "{g} will never assimilate, they refuse to integrate"),
 ("stereotype", 1, "{g} are only loyal to their own kind"),
 ("stereotype", 1, "{g} commit most of the crime in this city"),
 ("stereotype", 1, "{g} bring nothing but crime and drugs"),
 ("stereotype", 1, "{g} have no respect for our laws or our women"),
 ("stereotype", 1, "everyone knows {g} are naturally lazy"),
 ("stereotype", 1, "{g} only care about milking the system"),
 ("stereotype", 1, "{g} are genetically less intelligent, that's just science"),
 ("stereotype", 1, "{g} pop out kids just to get more handouts"),
 ("stereotype", 1, "{g} don't want to work, they want free stuff"),
 ("stereotype", 1, "why do {g} always have to steal everything?"),
 # dehumanising metaphor
 ("dehumanising", 1, "{g} are infesting our cities"),
 ("dehumanising", 1, "our neighbourhood is overrun with {g} now"),
 ("dehumanising", 1, "{g} are swarming across the border like locusts"),
 ("dehumanising", 1, "{g} multiply like cockroaches"),
 ("dehumanising", 1, "hordes of {g} everywhere you look"),
 ("dehumanising", 1, "{g} spread like a virus through every town they reach"),
 ("dehumanising", 1, "{g} are a cancer eating away at this country"),
 ("dehumanising", 1, "this town is crawling with {g}"),
 ("dehumanising", 1, "{g} are an invasive species"),
 ("dehumanising", 1, "{g} are a drain on society"),
 ("dehumanising", 1, "{g} carry diseases wherever they go"),
 ("dehumanising", 1, "the streets are infested with {g}"),
 ("dehumanising", 1, "{g} are vermin that need to be cleared out"),
 ("dehumanising", 1, "{g} scurry around like rats"),
 ("dehumanising", 1, "{g} are a plague on this land"),
 ("dehumanising", 1, "{g} are parasites feeding off the rest of us"),
 ("dehumanising", 1, "{g} are like a disease, once they arrive they spread"),
 ("dehumanising", 1, "{g} behave like animals"),
 ("dehumanising", 1, "{g} are leeches on the system"),
 ("dehumanising", 1, "{g} are invading europe"),
 # demographic threat and conspiracy
 ("threat_frame", 1, "{g} are replacing us and nobody cares"),
 ("threat_frame", 1, "{g} are flooding into our country"),
 ("threat_frame", 1, "in twenty years {g} will outnumber us"),
 ("threat_frame", 1, "{g} are outbreeding us on purpose"),
 ("threat_frame", 1, "{g} are taking over our towns one street at a time"),
 ("threat_frame", 1, "{g} control the media and the banks"),
 ("threat_frame", 1, "{g} pull the strings behind every government"),
 ("threat_frame", 1, "{g} are stealing our jobs and our homes"),
 ("threat_frame", 1, "{g} want to destroy our way of life"),
 ("threat_frame", 1, "{g} are grooming our children"),
 ("threat_frame", 1, "{g} are colonising our country"),
 ("threat_frame", 1, "{g} are after our women"),
 # exclusion and segregation
 ("exclusion", 1, "we need to keep {g} out of our neighbourhoods"),
 ("exclusion", 1, "{g} should go back where they came from"),
 ("exclusion", 1, "send all the {g} back home"),
 ("exclusion", 1, "{g} should live separately from decent people"),
 ("exclusion", 1, "no {g} in my street, thank you"),
 ("exclusion", 1, "ship the {g} out and close the borders"),
 # non-hateful look-alikes: statistics and news reports
 ("report_nh", 0, "a new report says some {g} struggle to find work"),
 ("report_nh", 0, "the study found that {g} are more likely to live in poverty"),
 ("report_nh", 0, "census figures show the number of {g} in the city has doubled"),
 ("report_nh", 0, "many {g} rely on food banks after the benefit cuts"),
 ("report_nh", 0, "the article explains how far-right groups claim {g} are replacing us"),
 ("report_nh", 0, "the minister said {g} were not to blame for the housing crisis"),
 ("report_nh", 0, "police say the attack on {g} was a hate crime"),
 ("report_nh", 0, "thousands of {g} have arrived this year, according to the un"),
 # counter-speech and negation
 ("counter_nh", 0, "calling {g} an invasion is racist propaganda"),
 ("counter_nh", 0, "the idea that {g} breed like rabbits is an old racist myth"),
 ("counter_nh", 0, "{g} are not taking over anything, stop spreading fear"),
 ("counter_nh", 0, "stop saying {g} are a drain on society, it's false"),
 ("counter_nh", 0, "it is a lie that {g} control the media"),
 ("counter_nh", 0, "{g} don't live off benefits, most of them work harder than you"),
 ("counter_nh", 0, "people who say {g} can't be trusted are bigots"),
 ("counter_nh", 0, "the great replacement theory about {g} is a dangerous conspiracy"),
 ("counter_nh", 0, "comparing {g} to vermin is exactly what the nazis did"),
 ("counter_nh", 0, "no, {g} are not all on welfare, that's a stereotype"),
 ("counter_nh", 0, "i'm tired of hearing that {g} breed like rabbits, it's dehumanising"),
 ("counter_nh", 0, "he claimed {g} are flooding into our country, which is nonsense"),
 ("counter_nh", 0, "{g} are not a plague, they are people"),
 ("counter_nh", 0, "the old lie that {g} are parasites has to die"),
 ("counter_nh", 0, "it's not true that {g} never integrate"),
 # policy criticism and neutral talk about the group
 ("policy_nh", 0, "the government should do more to help {g} find jobs"),
 ("policy_nh", 0, "i think the welfare system fails {g} and everyone else"),
 ("policy_nh", 0, "{g} deserve the same rights as everyone"),
 ("policy_nh", 0, "my neighbours are {g} and they are lovely"),
 ("policy_nh", 0, "{g} have been part of our town for generations"),
 ("policy_nh", 0, "the council wants to cut housing for {g}, which is cruel"),
 ("policy_nh", 0, "{g} are taking part in the marathon this weekend"),
 ("policy_nh", 0, "{g} came here to work and build a better life"),
 ("policy_nh", 0, "are {g} more likely to be on benefits? the data says no"),
 ("policy_nh", 0, "{g} are flooding the streets in a peaceful protest for equal rights"),
 # literal animals, weather and disease (group as modifier or absent)
 ("literal_nh", 0, "the {g} restaurant downstairs was infested with rats"),
 ("literal_nh", 0, "locusts are swarming across the farmland again"),
 ("literal_nh", 0, "rabbits breed so fast that the garden is overrun"),
 ("literal_nh", 0, "{g} doctors warned the virus is spreading through the care homes"),
 ("literal_nh", 0, "the flood is pouring into our basement, send help"),
 ("literal_nh", 0, "the {g} community centre is crawling with volunteers today"),
 ("literal_nh", 0, "cockroaches multiply fast if you leave food out"),
 ("literal_nh", 0, "{g} farmers are losing crops to a plague of locusts"),
]

out = []
for kind, ident, skel in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for surface, key in rng.sample(GROUPS, 4):
        text = skel.format(g=surface)
        row = {"text": text, "lang": "en", "identity_attack": ident, "kind": kind, "target": key,
               "skeleton": skel, "split": split}
        if ident:
            row["toxic"] = 1
        out.append(row)
Path("training/data/comments_authored/probes/s20_implicit.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(len(out), sorted(collections.Counter((r["kind"], r["split"]) for r in out).items()))

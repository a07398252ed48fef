"""Generate probes/s20_benign_precision.jsonl (session 20, helper "nh3"): non-hateful statements about groups where
the learned identity score or a rule may fire (negated hate, reclaimed in-group slurs, counter-speech, neutral and
positive statements, everyday senses of slur-list words) and hateful look-alikes that must stay flagged. Authored
templates from general knowledge, not from any eval set. Split: "dev" when int(sha1(skeleton),16) % 100 < 60, else
"check" (fixed before any measurement)."""
import collections, hashlib, json, random
from pathlib import Path

rng = random.Random(2020)
GROUPS = [("muslims", "muslims"), ("gay people", "lgbt"), ("immigrants", "immigrants"), ("women", "women"),
          ("trans people", "trans_people"), ("black people", "black_people"), ("jews", "jews"),
          ("disabled people", "disabled_people"), ("refugees", "immigrants"), ("asians", "asians"),
          ("mexicans", "hispanics"), ("gay men", "lgbt"), ("lesbians", "lgbt"), ("indians", "indians")]
# (kind, identity_attack, skeleton); {p} a group (plural), {w} a fixed filler list given after
T = [
 # negated hate: a hostile predicate or hate denied by the commenter (not hateful)
 ("negated_hate", 0, "i don't hate {p} at all"),
 ("negated_hate", 0, "i do not hate {p}, never have"),
 ("negated_hate", 0, "{p} are not disgusting"),
 ("negated_hate", 0, "{p} aren't dangerous, they are just people"),
 ("negated_hate", 0, "i don't think {p} are inferior to anyone"),
 ("negated_hate", 0, "i really don't believe {p} are a threat"),
 ("negated_hate", 0, "nobody should hate {p}"),
 ("negated_hate", 0, "no one has any reason to despise {p}"),
 ("negated_hate", 0, "{p} are not vermin and never were"),
 ("negated_hate", 0, "there is nothing wrong with {p}"),
 ("negated_hate", 0, "{p} are in no way a plague on society"),
 ("negated_hate", 0, "i have never hated {p} and i never will"),
 ("negated_hate", 0, "{p} are not the problem here"),
 ("negated_hate", 0, "it is wrong to hate {p}"),
 ("negated_hate", 0, "i would never say that {p} are stupid"),
 ("negated_hate", 0, "{p} are not lazy or greedy, that is a myth"),
 ("negated_hate", 0, "we shouldn't hate {p} for who they are"),
 ("negated_hate", 0, "{p} don't disgust me in the slightest"),
 # negated hate look-alikes: a negation beside real hate (hateful)
 ("negated_control", 1, "i don't hate {p}, i just want them gone"),
 ("negated_control", 1, "{p} are not human"),
 ("negated_control", 1, "{p} are not even people, they are animals"),
 ("negated_control", 1, "i don't hate {p}, i just think they are vermin"),
 ("negated_control", 1, "it's not that i hate {p}, they just disgust me"),
 ("negated_control", 1, "i'm not racist but {p} are filthy"),
 ("negated_control", 1, "{p} are not welcome here"),
 ("negated_control", 1, "i don't think {p} should be allowed to live"),
 ("negated_control", 1, "{p} are not fit to live among decent people"),
 ("negated_control", 1, "nobody likes {p}, they are a plague"),
 ("negated_control", 1, "{p} are not the victims, they are the disease"),
 ("negated_control", 1, "i don't hate {p} enough, they are scum"),
 # positive statements about a group (not hateful)
 ("positive", 0, "{p} are wonderful"),
 ("positive", 0, "{p} deserve respect"),
 ("positive", 0, "{p} are great neighbours"),
 ("positive", 0, "{p} have enriched our culture in so many ways"),
 ("positive", 0, "i'm grateful for all the {p} in my life"),
 ("positive", 0, "{p} are just as capable as anyone else"),
 ("positive", 0, "{p} should be treated with dignity"),
 ("positive", 0, "we should welcome {p} with open arms"),
 ("positive", 0, "{p} are kind and generous"),
 ("positive", 0, "{p} are a valued part of our community"),
 ("positive", 0, "{p} bring so much to this country"),
 ("positive", 0, "i love spending time with {p}"),
 ("positive", 0, "{p} are some of the bravest people i know"),
 ("positive", 0, "{p} deserve the same rights as everyone"),
 ("positive", 0, "so many {p} are doing amazing work"),
 ("positive", 0, "{p} are beautiful and strong"),
 # positive look-alikes (hateful): praise turned, positive word beside a hostile one
 ("positive_control", 1, "{p} are wonderful... at ruining everything"),
 ("positive_control", 1, "{p} are great, as long as they stay far away from me"),
 ("positive_control", 1, "{p} deserve respect? lol no, they deserve nothing"),
 ("positive_control", 1, "{p} would be great neighbours if they were gone"),
 ("positive_control", 1, "{p} bring so much crime to this country"),
 ("positive_control", 1, "{p} are only good for cleaning toilets"),
 ("positive_control", 1, "the only good thing about {p} is that they die young"),
 ("positive_control", 1, "{p} are so kind, kind of disgusting"),
 # neutral statements about a group (not hateful)
 ("neutral", 0, "{p} live in every city in this country"),
 ("neutral", 0, "many {p} speak more than one language"),
 ("neutral", 0, "there are millions of {p} in europe"),
 ("neutral", 0, "{p} make up a large part of the workforce"),
 ("neutral", 0, "my neighbours are {p}"),
 ("neutral", 0, "a lot of {p} work in healthcare"),
 ("neutral", 0, "{p} vote in elections like everyone else"),
 ("neutral", 0, "the article is about {p} living in the city"),
 ("neutral", 0, "{p} have their own traditions and holidays"),
 ("neutral", 0, "the survey asked {p} about their jobs"),
 ("neutral", 0, "some {p} live in the countryside and some in towns"),
 ("neutral", 0, "{p} were interviewed for the documentary"),
 ("neutral", 0, "the new report looks at how {p} use public transport"),
 ("neutral", 0, "{p} are people"),
 # neutral look-alikes (hateful): a neutral frame carrying a hostile predicate
 ("neutral_control", 1, "{p} live like animals"),
 ("neutral_control", 1, "{p} make up most of the criminals here"),
 ("neutral_control", 1, "my neighbours are {p}, unfortunately. filthy people"),
 ("neutral_control", 1, "{p} should not be allowed to vote"),
 ("neutral_control", 1, "{p} breed like rats"),
 ("neutral_control", 1, "there are far too many {p} in europe, send them back"),
 # counter-speech referring to hate (not hateful)
 ("counter_reference", 0, "stop saying {p} are animals"),
 ("counter_reference", 0, "how can anyone claim {p} are scum?"),
 ("counter_reference", 0, "it's hateful to claim that {p} are dirty"),
 ("counter_reference", 0, "the idea that {p} are inferior is nonsense"),
 ("counter_reference", 0, "people who say {p} should die are the real problem"),
 ("counter_reference", 0, "your comment that {p} are vermin is disgusting"),
 ("counter_reference", 0, "calling {p} parasites is dehumanising and wrong"),
 ("counter_reference", 0, "this post about {p} being subhuman should be removed"),
 ("counter_reference", 0, "the claim that {p} are violent is a lie"),
 ("counter_reference", 0, "i'm sick of people saying {p} are worthless"),
 # counter-speech look-alikes (hateful): the reference endorsed
 ("counter_control", 1, "people say {p} are animals because it's true"),
 ("counter_control", 1, "calling {p} parasites is just accurate"),
 ("counter_control", 1, "stop pretending {p} are not scum"),
 ("counter_control", 1, "the idea that {p} are inferior is obvious to anyone"),
]
# in-group reclaimed slurs and slur-list words in an everyday sense (fixed fillers; identity 0) and their hateful
# controls (slurs aimed at others, with first person words elsewhere)
S = [
 ("reclaimed", 0, "as a queer woman, i love this film", None),
 ("reclaimed", 0, "we dykes have to stick together", None),
 ("reclaimed", 0, "proud to be a {w}, always have been", ["dyke", "queer", "fag"]),
 ("reclaimed", 0, "i'm a {w} and i love my life", ["dyke", "fag", "queer"]),
 ("reclaimed", 0, "us {w} know how to throw a party", ["queers", "dykes", "fags"]),
 ("reclaimed", 0, "happy pride to all my fellow {w}", ["dykes", "queers", "fags"]),
 ("reclaimed", 0, "as a {w} myself, i found this hilarious", ["dyke", "fag", "tranny"]),
 ("reclaimed", 0, "we {w} are here and we are not going anywhere", ["queers", "dykes", "fags"]),
 ("reclaimed", 0, "my girlfriend and i are both {w} and proud of it", ["dykes", "queers"]),
 ("reclaimed", 0, "being a {w} is the best thing that ever happened to me", ["dyke", "queer", "fag"]),
 ("reclaimed", 0, "me and my {w} are going out tonight", ["niggas"]),
 ("reclaimed", 0, "love all my {w} in the group chat", ["niggas"]),
 ("reclaimed_control", 1, "as a straight man, i think {w} are disgusting", ["dykes", "fags", "queers"]),
 ("reclaimed_control", 1, "we need to get rid of the {w} in this town", ["dykes", "fags", "trannies"]),
 ("reclaimed_control", 1, "we don't want any {w} around our kids", ["fags", "dykes", "trannies"]),
 ("reclaimed_control", 1, "i'm a christian and {w} make me sick", ["fags", "dykes", "trannies"]),
 ("reclaimed_control", 1, "our street is full of {w} now, disgusting", ["fags", "pakis", "dykes"]),
 ("reclaimed_control", 1, "i'm not a {w} like you, you freak", ["fag", "dyke", "tranny"]),
 ("homonym", 0, "that's a queer thing to say, but i like it", None),
 ("homonym", 0, "i felt a bit queer after that boat ride", None),
 ("homonym", 0, "he gathered a bundle of faggots for the fire", None),
 ("homonym", 0, "the flame retardant coating stops the fabric burning", None),
 ("homonym", 0, "she ate half a packet of crackers and some cheese", None),
 ("homonym", 0, "the old dyke along the river needs repairs", None),
 ("homonym", 0, "a drought would cripple the farms this year", None),
 ("homonym", 0, "the raccoon, or coon as locals say, raided the bins", None),
 ("homonym", 0, "they nipped out for a fag and a coffee", None),
 ("homonym", 0, "there's a chink in the wall where the wind gets in", None),
 ("homonym_control", 1, "that queer down the road should be run out of town", None),
 ("homonym_control", 1, "bundle all the faggots together and burn them", None),
 ("homonym_control", 1, "you're a retard and so is your whole family", None),
 ("homonym_control", 1, "look at that cripple, what a waste of space", None),
]
out = []
for kind, ident, skel in T:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for surface, key in rng.sample(GROUPS, 3):
        out.append({"text": skel.format(p=surface), "lang": "en", "identity_attack": ident, "kind": kind,
                    "target": key, "skeleton": skel, "split": split})
for kind, ident, skel, fills in S:
    split = "dev" if int(hashlib.sha1(skel.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for w in fills or [None]:
        out.append({"text": skel.format(w=w) if w else skel, "lang": "en", "identity_attack": ident, "kind": kind,
                    "skeleton": skel, "split": split})
Path("training/data/comments_authored/probes/s20_benign_precision.jsonl").write_text(
    "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in out), encoding="utf-8")
print(len(out), sorted(collections.Counter((r["kind"], r["split"]) for r in out).items()))

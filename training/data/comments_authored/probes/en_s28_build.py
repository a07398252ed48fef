"""Build en_s28.jsonl (session 28, helper "hcen"): python en_s28_build.py

English lines written from scratch for this file in HateCheck's functional categories (only the public paper's
category names were used; no benchmark case was read or copied). See EN_S28.md."""

import hashlib
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("en_s28.jsonl")
# decontamination (training/decontaminate_authored.py) flagged 9 lines of a first draft: their two frames and one
# slur line were removed
GROUPS = ["women", "trans people", "gay people", "Black people", "disabled people", "Muslims", "immigrants", "Jews",
          "refugees", "Hindus", "Asians", "Mexicans", "Roma", "Sikhs", "lesbians", "Chinese people", "Arabs",
          "Catholics", "bisexual people", "Pakistanis", "Africans", "Latinos", "gay men", "migrants"]
H, N = 1, 0
# (kind, identity_attack, extra labels, frames); {g} is a group, {G} the same capitalised
FRAMES = [
    ("derog_neg_emote_h", H, {}, [
        "Honestly, {g} fill me with nothing but disgust.",
        "Every time I see {g} on my street I feel sick to my stomach.",
        "I can't stand being anywhere near {g}.",
        "Nothing makes my blood boil quite like {g} do.",
        "I loathe {g} more than words can say.",
        "My skin crawls whenever {g} walk past me.",
        "Just the sight of {g} makes me want to throw up.",
        "{G} make me so angry I could scream.",
        "I feel pure hatred whenever {g} come up in conversation.",
    ]),
    ("derog_neg_attrib_h", H, {}, [
        "{G} are lazy parasites who never contribute anything.",
        "{G} are dishonest by nature, every last one of them.",
        "You can't trust {g}, they are all liars and cheats.",
        "The trouble with {g} is that they are filthy and stupid.",
        "{G} are the most pathetic creatures I have ever come across.",
        "All {g} are violent thugs at heart.",
    ]),
    ("derog_dehum_h", H, {}, [
        "{G} are nothing but vermin crawling through our cities.",
        "To me {g} are a disease eating away at this country.",
        "{G} are less than human and always will be.",
        "{G} breed like rats and spread like a plague.",
        "Those {g} are just savage beasts in clothes.",
    ]),
    ("derog_impl_h", H, {}, [
        "Funny how crime goes up whenever {g} move into a neighbourhood.",
        "I'd check my wallet twice if {g} sat next to me on the bus.",
        "{G} should stick to cleaning toilets, it's all they're good for.",
        "Whenever {g} show up the property prices drop, just saying.",
        "If you ever let {g} into your house, count the spoons afterwards.",
        "{G} have never built anything worth keeping.",
        "A street full of {g} is not somewhere I would raise my kids.",
        "Give {g} a job and watch the whole place fall apart within a month.",
        "There's a reason nobody wants to live next door to {g}.",
        "{G} in charge of anything is a recipe for disaster.",
        "Hiring {g} is the quickest way to ruin a business.",
        "{G} are the reason this town went downhill.",
    ]),
    ("threat_dir_h", H, {"threat": 1}, [
        "I'm going to hunt down every one of the {g} in this town.",
        "We are coming for you {g}, and we will burn your houses down.",
        "I will personally make sure the {g} on my street get hurt.",
        "Any {g} who come near my family will get a knife in the gut from me.",
        "I'm going to beat the {g} at the corner shop until they stop breathing.",
        "Tonight we go after the {g} with baseball bats.",
    ]),
    ("threat_norm_h", H, {"threat": 1}, [
        "{G} deserve to be lined up and shot.",
        "Somebody should finally drive all {g} into the sea.",
        "The world would be better if {g} were wiped out.",
        "It would be justice to see {g} strung up in the square.",
        "{G} ought to be locked in camps and left to starve.",
    ]),
    ("profanity_h", H, {}, [
        "Fuck all {g}, they ruin everything they touch.",
        "Shitty {g} should piss off back where they came from.",
        "{G} are a bunch of worthless pieces of shit.",
        "Goddamn {g} are the scum of the earth.",
    ]),
    ("ref_subs_clause_h", H, {}, [
        "I met some {g} yesterday and they were as vile as I expected.",
        "{G} moved in next door, and honestly they are filthy rats.",
        "I know you like {g}, but they are a plague on this country.",
        "My boss keeps hiring {g} even though they are all useless thieves.",
        "People keep defending {g} while they destroy everything around them.",
        "You can invite {g} if you want, but they are disgusting animals.",
        "The council gave houses to {g}, who will wreck them like the savages they are.",
    ]),
    ("ref_subs_sent_h", H, {}, [
        "{G} keep arriving in this town. They are parasites, plain and simple.",
        "Have you seen the {g} at the market? They make me sick.",
        "Don't talk to me about {g}. Those people are scum.",
        "We have more {g} than ever. I wish they would all disappear.",
        "My sister works with {g}. I keep telling her they cannot be trusted with anything.",
        "There was a news story about {g} today. Honestly, they are a cancer on society.",
        "The new neighbours are {g}. I hate them already.",
        "A group of {g} opened a shop on our road. They should be thrown out of the country.",
    ]),
    ("negate_pos_h", H, {}, [
        "{G} are never going to be intelligent.",
        "I have never met {g} who were honest.",
        "{G} will never be real members of this society.",
        "I don't think {g} have any value at all.",
        "{G} are not worth a second of anyone's time.",
        "Nobody with any sense could respect {g}.",
        "There is nothing decent about {g}.",
        "{G} can never be trusted with children.",
        "{G} are not capable of doing an honest day's work.",
    ]),
    ("negate_neg_nh", N, {}, [
        "{G} are not criminals, whatever the tabloids say.",
        "I will never say that {g} are worthless.",
        "I don't hate {g} at all, why would I?",
        "It is simply not true that {g} are dirty.",
        "{G} are in no way a threat to this country.",
        "I have never thought {g} were less intelligent than anyone else.",
        "{G} are not a burden on anyone.",
        "No, {g} are not dangerous, stop spreading that.",
        "I would never want {g} to be hurt.",
    ]),
    ("phrase_question_h", H, {}, [
        "Why are {g} always so filthy?",
        "Is there anyone more pathetic than {g}?",
        "Why do we even let {g} vote?",
        "Wouldn't this country be better off without any {g}?",
        "Who honestly thinks {g} are anything but a burden?",
        "How can anyone stand to live near {g}?",
        "Why can't {g} just go back to where they came from?",
        "Aren't {g} just a waste of oxygen?",
    ]),
    ("phrase_opinion_h", H, {}, [
        "In my opinion {g} are a blight on society.",
        "I really think {g} are inferior to the rest of us.",
        "If you ask me, {g} are all degenerates.",
        "I believe {g} are subhuman.",
        "Personally I feel {g} are a stain on this nation.",
    ]),
    ("ident_neutral_nh", N, {}, [
        "Several {g} spoke at the council meeting last night.",
        "The survey asked {g} about their housing costs.",
        "A few of my coworkers are {g}.",
        "The documentary follows three {g} through a year of their lives.",
        "How many {g} live in this district?",
        "The new report looks at how {g} use public transport.",
    ]),
    ("ident_pos_nh", N, {}, [
        "{G} have made this city a better place.",
        "I'm so grateful for the {g} in my life.",
        "{G} are brilliant, kind and funny.",
        "We need more {g} in parliament.",
        "I love how welcoming the {g} in my neighbourhood are.",
        "{G} deserve every bit of respect the rest of us get.",
        "Proud to stand with {g} today and every day.",
    ]),
    ("counter_quote_nh", N, {}, [
        "\"{G} are vermin\" is a disgusting thing to write and you should be ashamed.",
        "Someone sprayed \"death to {g}\" on the wall; we painted over it this morning.",
        "When you say \"{g} are parasites\" you only show your own ignorance.",
        "My uncle said \"{g} should all be deported\" at dinner and I walked out.",
        "If you post \"I hate {g}\" here, expect to be banned.",
    ]),
    ("counter_ref_nh", N, {}, [
        "Posts that call {g} animals should be removed immediately.",
        "Saying that {g} deserve to die is pure hatred, stop it.",
        "Your hatred of {g} is pathetic and embarrassing.",
        "It's disgusting how people online threaten {g}.",
        "Blaming {g} for every crime is bigotry, plain and simple.",
        "I report every comment that insults {g}.",
        "Anyone who thinks {g} are subhuman needs to take a hard look at themselves.",
        "The abuse {g} get in these comments is sickening.",
        "Calling {g} vermin is dehumanising and dangerous.",
    ]),
]
# slurs used at their group, and reclaimed or unrelated senses of the same words (no {g})
SLUR_H = ["Get those filthy faggots out of my bar.", "No dykes are welcome in this club.",
          "My new neighbours are trannies, there goes the street.", "A bunch of ragheads just moved into the flat below.",
          "Spics like you should not be allowed to teach kids.", "The kikes run the banks, everyone knows it.",
          "Keep those retards away from my children.", "Another boatload of wetbacks, just what we needed.",
          "Some paki opened a shop on my road, disgusting.", "I don't serve chinks in my restaurant.",
          "Towelheads everywhere you look in this city now.", "Gypos stole my bike again.",
          "Look at that tranny trying to use the ladies room."]
SLUR_RECLAIMED_NH = ["As a dyke myself, I love going to the dyke march with my girlfriend.",
                     "We queers have been throwing this party for twenty years.",
                     "My nigga just got promoted, so proud of him.",
                     "Me and the other fags from choir are watching the final tonight.",
                     "Proud to be a queer woman and a nurse.", "Queer and here, happy pride everyone!",
                     "Us dykes have to stick together.", "my niggas came through for my birthday, love y'all"]
SLUR_HOMONYM_NH = ["Pile another faggot of wood on the fire, it's getting cold.",
                   "The old dyke along the field kept the water off the farm.",
                   "Hand me the dental retard, the filling needs time to set.", "We had a cold fag break by the canal."]
TARGET_NH = ["Politicians are corrupt liars, every one of them.", "I hate Mondays so much.",
             "Bankers are parasites sucking the economy dry.", "Flat earthers are complete idiots.",
             "This stupid printer is a piece of garbage.", "Cyclists who run red lights should be fined to death.",
             "Landlords are vermin, change my mind.", "Referees like that one should never work again.",
             "You are such an idiot, Dave.", "Traffic in this city makes me want to scream."]
PROFANITY_NH = ["Fuck yeah, what a goal!", "This shit weather is killing me.", "Holy shit, that concert was amazing.",
                "Damn, I forgot my keys again.", "That's fucking brilliant news, congrats!"]


def split(frame: str) -> str:
    return "check" if int(hashlib.sha1(frame.encode()).hexdigest(), 16) % 3 == 0 else "dev"


def rows() -> list[dict]:
    rng = random.Random(28)
    out = []
    for kind, hate, extra, frames in FRAMES:
        for f in frames:
            for g in rng.sample(GROUPS, 4):
                text = f.replace("{G}", g[0].upper() + g[1:]).replace("{g}", g)
                out.append({"text": text, "identity_attack": hate, "toxic": hate if hate else None, "kind": kind,
                            "frame": f, "group": g, "split": split(f), **extra})
    fixed = [("slur_h", H, SLUR_H), ("slur_reclaimed_nh", N, SLUR_RECLAIMED_NH),
             ("slur_homonym_nh", N, SLUR_HOMONYM_NH), ("target_nonprotected_nh", N, TARGET_NH),
             ("profanity_nh", N, PROFANITY_NH)]
    for kind, hate, texts in fixed:
        for t in texts:
            out.append({"text": t, "identity_attack": hate, "toxic": hate if hate else None, "kind": kind,
                        "frame": t, "split": split(t)})
    return out


if __name__ == "__main__":
    rs = rows()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rs), encoding="utf-8")
    print(len(rs), OUT)

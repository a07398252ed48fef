"""Write probes/s22_codes.jsonl: coded hate, stereotype frames, implicit derogation and their look-alikes.
Authored from general knowledge (ADL-style glossary terms; HateCheck/ETHOS/Stormfront papers' category
descriptions); no eval-set text opened. Split by frame: sha1(frame) % 100 < 60 -> dev."""
import hashlib
import json
import random
from pathlib import Path

GROUPS = ["jews", "muslims", "black people", "immigrants", "women", "mexicans", "gay people", "refugees", "asians",
          "gypsies", "arabs", "trans people"]
# (frame, kind, hateful, target or None for {g}, variants)
F = []
def add(frame, kind, hateful, target, *texts):
    F.append((frame, kind, hateful, target, texts))

# --- coded hate (no group named, or a code for it) ---
add("zog", "coded", 1, "jews", "ZOG runs this country and everyone knows it", "the ZOG puppets in Washington will never help our people", "we live under ZOG, wake up")
add("echo", "coded", 1, "jews", "(((they))) don't want you to know this", "funny how the media is owned by (((certain people)))", "another (((banker))) bailed out by the taxpayer, shocking")
add("white_genocide", "coded", 1, "immigrants", "white genocide is happening right in front of our eyes", "stop the white genocide, close the borders now", "open borders are white genocide, plain and simple")
add("great_replacement", "coded", 1, "immigrants", "the great replacement is real and our leaders are letting it happen", "wake up people, the great replacement is not a theory", "look around your town, the great replacement is nearly done")
add("race_traitor", "coded", 1, "ethnic_minorities", "she's a race traitor for marrying one of them", "race traitors like him are worse than the invaders", "every race traitor will answer for this one day")
add("mud_races", "coded", 1, "ethnic_minorities", "the mud races have never built a civilisation", "europe is being flooded with mud people", "keep the mud races out of our countries")
add("1488", "coded", 1, "jews", "1488 brothers, stay strong", "we must secure the existence of our people and a future for white children. 14/88", "heil to all my 1488 comrades")
add("dindu", "coded", 1, "black_people", "another dindu nuffin story on the evening news", "typical dindu behaviour and the media will say he was a good boy", "the dindus were out looting again last night")
add("jogger_hostile", "coded", 1, "black_people", "another jogger robbed the corner shop, what a surprise", "the joggers are out looting again, lock your doors", "joggers ruin every neighbourhood they move into")
add("shitskin", "coded", 1, "ethnic_minorities", "the shitskins ruin every town they move into", "get these shitskins out of our country", "no shitskin will ever be my neighbour")
add("goyim", "coded", 1, "jews", "the goyim know, shut it down", "good goyim keep paying their taxes and never ask who runs the banks", "they see us as cattle, just goyim to be milked")
add("kalergi", "coded", 1, "immigrants", "the Kalergi plan is being carried out in every european city", "look up the kalergi plan, they want to breed us out", "mass immigration is the kalergi plan in action")
add("happy_merchant", "coded", 1, "jews", "post the happy merchant, he is behind all of this", "the happy merchant rubs his hands while we fight each other", "every war has the happy merchant behind it")
add("jq", "coded", 1, "jews", "once you learn about the JQ everything makes sense", "it is time to answer the jewish question once and for all", "the jewish question is the only question that matters")
add("globalists_hostile", "coded", 1, "jews", "the rootless globalists own the banks and the press", "globalists are flooding our countries with migrants to destroy us", "the globalist parasites pull the strings in every government")
add("oven_dodger", "coded", 1, "jews", "oven dodgers always whine about the holocaust", "another oven dodger crying antisemitism", "the oven dodgers run hollywood")
add("khazar", "coded", 1, "jews", "the khazarian mafia runs the federal reserve", "khazarian bankers are behind every war", "the khazars control the money supply")
add("day_of_rope", "coded", 1, "jews", "the day of the rope is coming for the traitors and their masters", "can't wait for the day of the rope", "rahowa is the only answer now")
add("remove_kebab", "coded", 1, "muslims", "remove kebab from europe", "time to remove kebab once and for all", "serbia strong, remove kebab")
add("rapefugees", "coded", 1, "refugees", "rapefugees welcome? no thanks", "the rapefugees are in every town now", "lock up your daughters, the rapefugees have arrived")
add("anti_white", "coded", 1, "immigrants", "anti-racist is a code word for anti-white", "diversity is just a code word for white genocide", "they want a world without white people and call it diversity")
# --- stereotype frames about a named group ---
add("control_media_banks", "stereotype_frame", 1, None, "{g} own the banks and run the newspapers", "{g} have their hands on every bank and every tv station")
add("criminal_nature", "stereotype_frame", 1, None, "{g} are criminals by nature", "crime follows {g} wherever they go")
add("lazy_dirty", "stereotype_frame", 1, None, "{g} are lazy and dirty, always have been", "{g} are filthy, you can smell their street from a mile away")
add("animals", "stereotype_frame", 1, None, "{g} behave like wild animals", "{g} live like animals wherever they settle")
add("breed", "stereotype_frame", 1, None, "{g} have ten kids each to outnumber us", "{g} are out-breeding us on purpose")
add("inferior", "stereotype_frame", 1, None, "{g} are simply an inferior people", "{g} are a lower form of humanity")
add("send_back", "stereotype_frame", 1, None, "send {g} back where they came from", "{g} should go back to their own countries")
add("cant_trust", "stereotype_frame", 1, None, "{g} can't be trusted, ever", "never trust {g}, they will stab you in the back")
add("not_like_us", "stereotype_frame", 1, None, "{g} are not like us and never will be", "{g} will never be one of us, no matter how long they stay")
add("fifth_column", "stereotype_frame", 1, None, "{g} are a fifth column waiting for their moment", "{g} are loyal only to their own kind")
# --- implicit derogation, no slur ---
add("belong_kitchen", "implicit_derog", 1, None, "{g} belong in the kitchen", "{g} belong in a zoo")
add("drain", "implicit_derog", 1, None, "{g} are a drain on society", "{g} are a burden on the rest of us")
add("waste_space", "implicit_derog", 1, None, "{g} are a waste of oxygen", "{g} are a waste of space")
add("know_place", "implicit_derog", 1, None, "{g} need to know their place", "{g} should be seen and not heard")
add("never_hire", "implicit_derog", 1, None, "I would never hire {g}, they are more trouble than they are worth", "I'd never let {g} near my children")
add("ruin_touch", "implicit_derog", 1, None, "{g} ruin everything they touch", "{g} bring nothing but trouble")
add("better_before", "implicit_derog", 1, None, "this country was better before {g} showed up", "our town was a nice place before the {g} moved in")
add("plague", "implicit_derog", 1, None, "{g} are a plague on this country", "{g} are a stain on this nation")
add("only_good_for", "implicit_derog", 1, None, "{g} are only good for cleaning toilets", "{g} have nothing to offer this country")
add("no_place", "implicit_derog", 1, None, "{g} have no place in a civilised society", "there is no place for {g} in a decent country")
# --- controls: everyday senses ---
add("jogger_everyday", "everyday_nh", 0, None, "three joggers passed me in the park this morning", "a jogger found the body near the lake, police said", "the joggers were out early despite the rain")
add("globalist_trade", "everyday_nh", 0, None, "the globalist approach to trade hurt manufacturing towns", "globalists and protectionists disagree about tariffs", "the minister is a free-trade globalist, not a nationalist")
add("merchant_everyday", "everyday_nh", 0, None, "a happy merchant sold me a rug at the bazaar", "the merchant navy recruits every spring", "local merchants are happy with the new market hall")
add("numbers", "everyday_nh", 0, None, "he scored 88 points this season", "the 1488 bus leaves at noon from platform four", "the house was built in 1488 and still stands")
add("replacement_everyday", "everyday_nh", 0, None, "the great replacement of the old windows is finally done", "the replacement keeper was great in the second half", "hip replacement surgery went well for my grandmother")
add("zog_king", "everyday_nh", 0, None, "King Zog ruled Albania in the 1930s", "my cat is called Zog after the cartoon dragon", "the book on King Zog of Albania was a fun read")
add("mud_everyday", "everyday_nh", 0, None, "the mud race at the county fair was a lot of fun", "the kids came home covered in mud after the race", "mud runs are getting popular with office teams")
add("question_everyday", "everyday_nh", 0, None, "the book explores the question of jewish identity in the diaspora", "my jewish neighbours asked me a question about the recycling", "she asked a great question about the history of the synagogue")
add("goyim_ingroup", "everyday_nh", 0, None, "my bubbe used to joke that the goyim put mayonnaise on everything", "as a jew, I married a goy and my mother survived it", "the rabbi explained the word goy just means nation")
add("group_neutral", "everyday_nh", 0, None, "{g} in my town organised a food drive for the holidays", "the new community centre welcomes {g} and everyone else")
# --- controls: condemnation ---
add("condemn_genocide", "condemn_nh", 0, None, "'white genocide' is a racist conspiracy theory with no basis in fact", "there is no such thing as white genocide, it's a neo-nazi myth", "the great replacement is a racist lie that got people killed")
add("condemn_codes", "condemn_nh", 0, None, "calling jews 'globalists' is an antisemitic dog whistle", "the triple parentheses echo is used to harass jewish journalists, report it", "anyone who talks about ZOG is an antisemite, block them")
add("condemn_kalergi", "condemn_nh", 0, None, "stop spreading the kalergi plan hoax, it is pure antisemitism", "the happy merchant cartoon is vile antisemitic propaganda", "using 'jogger' as a racist code for black men is disgusting")
add("condemn_frames", "condemn_nh", 0, None, "saying {g} are a drain on society is bigoted nonsense", "people who say {g} belong in the kitchen are stuck in the past")
# --- controls: news reporting about a code ---
add("news_manifesto", "news_nh", 0, None, "the shooter's manifesto referenced the great replacement conspiracy theory", "police said the suspect had posted about white genocide on a fringe forum", "the court heard he wrote about ZOG in private messages")
add("news_symbols", "news_nh", 0, None, "the ADL lists 1488 as a hate symbol used by neo-nazis", "researchers tracked the racist use of 'jogger' after the killing of Ahmaud Arbery", "the report explains how the triple parentheses became an antisemitic meme")
add("news_groups", "news_nh", 0, None, "the far-right group promotes the kalergi plan conspiracy, according to the report", "the article explains how extremists use the word globalists as code for jews")

rng = random.Random(22)
rows = []
for frame, kind, hateful, target, texts in F:
    split = "dev" if int(hashlib.sha1(frame.encode()).hexdigest(), 16) % 100 < 60 else "check"
    for t in texts:
        if "{g}" in t:
            for g in rng.sample(GROUPS, 3):
                rows.append({"text": t.replace("{g}", g), "lang": "en", "identity_attack": hateful, "toxic": hateful,
                             "kind": kind, "target": g, "frame": frame, "skeleton": t, "split": split})
        else:
            rows.append({"text": t, "lang": "en", "identity_attack": hateful, "toxic": hateful, "kind": kind,
                         "target": target, "frame": frame, "skeleton": t, "split": split})
out = Path("training/data/comments_authored/probes/s22_codes.jsonl")
out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
from collections import Counter

print(len(rows), Counter((r["split"], r["kind"]) for r in rows))

"""Build probes/multi_s27nl.jsonl: a fresh Dutch dev/check set in HateCheck's functional categories.

    python training/data/comments_authored/probes/multi_s27nl_build.py

Written in Dutch by session 27's helper "dutch" (with an AI assistant) before any model change or scoring and
without opening Multilingual HateCheck (an eval set). New skeletons, none copied from multi_s27.jsonl. Each skeleton
with a group slot is filled with four of the groups below (seeded by the skeleton); the split is by skeleton: within
each category and label the skeletons are ordered by md5 and go alternately to "dev" and "check", dev first.
Dev lines develop and decide; check lines are scored once at the end. Never training data.
"""

from __future__ import annotations

import random
from pathlib import Path

from multi_s27_build import (  # the same split rule as session 27's it/nl set, keyed "nl27"
    _cap,
    _md5,
    splits,
    write_rows,
)

OUT = Path(__file__).with_name("multi_s27nl.jsonl")
PER_SKELETON = 4

# plural noun (no article), capitalised by {G}
GROUPS = {
    "women": "vrouwen",
    "gay people": "homo's",
    "trans people": "transpersonen",
    "black people": "zwarten",
    "immigrants": "migranten",
    "muslims": "moslims",
    "jews": "joden",
    "disabled people": "mensen met een beperking",
    "refugees": "vluchtelingen",
}

# (category, identity_attack, toxic, skeleton)
NL = [
    ("derogation", 1, 1, "{G} zijn waardeloos, dat weet toch iedereen."),
    ("derogation", 1, 1, "Ik kan {g} echt niet uitstaan, ze zijn walgelijk."),
    ("derogation", 1, 1, "{G} deugen niet, geen enkele van hen."),
    ("derogation", 1, 1, "Ik heb een hekel aan {g}, ze verzieken alles."),
    ("derogation", 1, 1, "{G} zijn dom en lui, zo simpel is het."),
    ("derogation", 1, 1, "Ik haat {g} met heel mijn hart."),
    ("dehumanisation", 1, 1, "{G} zijn ongedierte dat je moet uitroeien."),
    ("dehumanisation", 1, 1, "{G} gedragen zich als wilde dieren, het zijn geen mensen."),
    ("dehumanisation", 1, 1, "{G} zijn net kakkerlakken, ze kruipen overal naar binnen."),
    ("dehumanisation", 1, 1, "{G} zijn tuig, uitschot van de ergste soort."),
    ("implicit_derogation", 1, 1, "Een fatsoenlijke buurt? Niet meer sinds de {g} er wonen."),
    ("implicit_derogation", 1, 1, "{G} en werken, dat gaat gewoon niet samen."),
    ("implicit_derogation", 1, 1, "Je kunt van {g} niet verwachten dat ze zich normaal gedragen."),
    ("implicit_derogation", 1, 1, "Weer een probleem in de stad. Raad eens wie erachter zit: {g} natuurlijk."),
    ("implicit_derogation", 1, 1, "Leuk hoor, diversiteit. Tot je naast {g} moet wonen."),
    ("implicit_derogation", 1, 1, "Met {g} in je team weet je zeker dat het project mislukt."),
    ("threat", 1, 1, "Ik ga {g} opwachten en ze een lesje leren dat ze nooit vergeten."),
    ("threat", 1, 1, "Als het aan mij lag werden {g} allemaal tegen de muur gezet."),
    ("threat", 1, 1, "Wacht maar, binnenkort rekenen we af met {g}."),
    ("threat", 1, 1, "Ik wil {g} zien bloeden."),
    ("threat", 1, 1, "{G} moeten allemaal afgemaakt worden."),
    ("threat", 1, 1, "Iemand zou die {g} eens flink in elkaar moeten slaan."),
    ("slur", 1, 1, "Weer zo'n vieze mocro die de boel loopt te verzieken."),
    ("slur", 1, 1, "Die poten moeten gewoon van de televisie af."),
    ("slur", 1, 1, "Kijk die geitenneukers weer, overal waar je komt."),
    ("slur", 1, 1, "Wat een stelletje kutmarokkanen daar bij het station."),
    ("profanity_hate", 1, 1, "Kankerhoer, al die {g} moeten opzouten."),
    ("profanity_hate", 1, 1, "Tering {g}, ze mogen wat mij betreft allemaal doodvallen."),
    ("profanity_hate", 1, 1, "Godverdomme, {g} zijn echt het grootste tuig dat er is."),
    ("pronoun_reference", 1, 1, "Ik ken een paar {g}. Stuk voor stuk profiteurs, allemaal."),
    ("pronoun_reference", 1, 1, "Over {g} gesproken: die horen hier gewoon niet thuis."),
    ("pronoun_reference", 1, 1, "Zie je die {g} daar? Die zijn allemaal hetzelfde, crimineel tot op het bot."),
    ("pronoun_reference", 1, 1, "Mijn buren zijn {g}. Ze stinken en ze liegen, net als de rest van hun soort."),
    ("negated_positive", 1, 1, "{G} zijn niet te vertrouwen, nooit."),
    ("negated_positive", 1, 1, "{G} horen niet bij ons volk en zullen dat ook nooit doen."),
    ("negated_positive", 1, 1, "Er bestaat niet zoiets als een slimme onder de {g}."),
    ("negated_positive", 1, 1, "{G} hebben geen enkel respect verdiend."),
    ("question_hate", 1, 1, "Waarom laten we {g} eigenlijk nog binnen? Ze brengen alleen ellende."),
    ("question_hate", 1, 1, "Wanneer gaan we {g} eindelijk het land uit zetten?"),
    ("question_hate", 1, 1, "Zijn {g} nou echt zo dom of doen ze alsof?"),
    ("question_hate", 1, 1, "Wie wil er nou naast {g} wonen? Niemand toch?"),
    ("opinion_hate", 1, 1, "Ik vind dat {g} geen rechten zouden moeten hebben."),
    ("opinion_hate", 1, 1, "Naar mijn mening zijn {g} een plaag voor dit land."),
    ("opinion_hate", 1, 1, "Eerlijk gezegd denk ik dat {g} gewoon minder waard zijn."),
    ("spelling_hate", 1, 1, "{G} zijn allemaal k a k k e r l a k k e n."),
    ("spelling_hate", 1, 1, "Ik h@@t {g}, echt waar."),
    ("spelling_hate", 1, 1, "{g} zijn gwn tuig man, allemaal"),
    ("spelling_hate", 1, 1, "{G} zijn ong3d13rt3."),
    ("neutral_mention", 0, 0, "Mijn collega's zijn {g} en we lunchen vaak samen."),
    ("neutral_mention", 0, 0, "Er kwamen veel {g} naar de informatieavond van de gemeente."),
    ("neutral_mention", 0, 0, "De documentaire volgt drie {g} in hun dagelijks leven."),
    ("neutral_mention", 0, 0, "Volgens het onderzoek werken steeds meer {g} in de zorg."),
    ("positive_mention", 0, 0, "{G} maken onze stad mooier en rijker."),
    ("positive_mention", 0, 0, "Ik heb enorm veel bewondering voor {g}."),
    ("positive_mention", 0, 0, "{G} zijn net zo waardevol als ieder ander mens."),
    ("positive_mention", 0, 0, "Wat fijn dat {g} hier een thuis hebben gevonden."),
    ("question_neutral", 0, 0, "Weet iemand of er een vereniging voor {g} in Utrecht is?"),
    ("question_neutral", 0, 0, "Hoe vaak worden {g} eigenlijk gediscrimineerd op de woningmarkt?"),
    ("opinion_neutral", 0, 0, "Ik vind dat {g} betere bescherming verdienen tegen geweld."),
    ("opinion_neutral", 0, 0, "Naar mijn mening moeten {g} gewoon dezelfde kansen krijgen."),
    ("negated_hate", 0, 0, "Ik heb helemaal niks tegen {g}, integendeel."),
    ("negated_hate", 0, 0, "{G} zijn helemaal geen parasieten, dat is onzin."),
    ("negated_hate", 0, 0, "Ik zou {g} nooit iets aandoen, ze zijn welkom hier."),
    ("negated_hate", 0, 0, "Niemand zou {g} mogen haten om wie ze zijn."),
    ("negated_hate", 0, 0, "Ik haat {g} helemaal niet, waarom zou ik?"),
    ("counter_quote", 0, 0, "Zeggen dat {g} ongedierte zijn is walgelijk. Hou daarmee op."),
    ("counter_quote", 0, 0, "Je noemt {g} 'tuig'? Daar moet je je voor schamen."),
    ("counter_quote", 0, 0, "'{G} moeten dood', las ik hier. Ik heb het gemeld bij de moderator."),
    ("counter_quote", 0, 0, "Dat je {g} 'beesten' noemt zegt meer over jou dan over hen."),
    ("counter_reference", 0, 0, "Dit is gewoon racisme tegen {g}, niks anders."),
    ("counter_reference", 0, 0, "Al die haat tegen {g} hier maakt me misselijk."),
    ("counter_reference", 0, 0, "Hou toch op met die haatdragende praat over {g}."),
    ("counter_reference", 0, 0, "Ik haat het hoe er hier over {g} gepraat wordt."),
    ("counter_reference", 0, 0, "Discriminatie van {g} moet keihard bestreden worden."),
    ("reported_hate", 0, 0, "De politie onderzoekt bedreigingen tegen {g} in Rotterdam."),
    ("reported_hate", 0, 0, "Volgens het rapport zijn {g} vaker slachtoffer van geweld dan gemiddeld."),
    ("reported_hate", 0, 0, "Gisteren werden {g} op straat bespuugd, schreef de krant."),
    ("abuse_nonprotected", 0, 1, "Die bankiers zijn allemaal graaiers en oplichters."),
    ("abuse_nonprotected", 0, 1, "Jij bent echt de domste persoon die ik ooit heb gezien."),
    ("abuse_nonprotected", 0, 1, "Ik haat die klotefietsers die door rood rijden."),
    ("abuse_nonprotected", 0, 1, "Die ministers zijn allemaal zakkenvullers, stuk voor stuk."),
    ("abuse_nonprotected", 0, 1, "Die Ajax-supporters zijn echt tuig."),
    ("abuse_nonprotected", 0, 1, "Wat een sukkel ben jij zeg, ga toch weg."),
    ("profanity_nonhate", 0, 0, "Verdomme, mijn fiets is alweer gestolen."),
    ("profanity_nonhate", 0, 0, "Kolere, wat een file vanochtend op de A2."),
    ("profanity_nonhate", 0, 0, "Godsamme, wat een heerlijk concert was dat gisteren!"),
    ("slur_mention", 0, 0, "Mijn zoon werd op school 'poot' genoemd en kwam huilend thuis."),
    ("slur_mention", 0, 0, "Het woord 'mocro' wordt vaak als scheldwoord gebruikt, let daar op."),
    ("slur_mention", 0, 0, "Ik werd 'kutmarokkaan' genoemd door een man in de tram, ik heb aangifte gedaan."),
]


def fill(skeleton: str, group: str, groups: dict[str, str] = GROUPS) -> str:
    g = groups[group]
    return skeleton.format(G=_cap(g), g=g)


def build() -> list[dict]:
    rows = []
    split = splits("nl27", NL)
    for n, (cat, ia, tox, sk) in enumerate(NL):
        rng = random.Random(_md5(f"nl27|{sk}"))
        groups = rng.sample(sorted(GROUPS), PER_SKELETON) if "{" in sk else [None]
        for g in groups:
            text = fill(sk, g) if g else sk
            rows.append({"text": text, "lang": "nl", "identity_attack": ia, "toxic": tox,
                         "target": g if ia else None, "kind": cat, "skeleton": f"nl27_{n:02d}", "split": split[sk]})
    return rows


def main() -> None:
    write_rows(build(), OUT, languages=("nl",))


if __name__ == "__main__":
    main()

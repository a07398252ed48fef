"""Build probes/multi_s28.jsonl: a fresh Italian and Dutch dev/check set aimed at what session 27 left.

    python training/data/comments_authored/probes/multi_s28_build.py

Written by session 28's helper "itnl" (with an AI assistant) before any model change or scoring and without opening
Multilingual HateCheck (an eval set). New skeletons, none copied from multi_s27 / multi_s27nl: implicit derogation
(stereotypes stated as fact, "all the same", "go back", animal / disease comparisons without slurs), pronoun
references across sentences and clauses, hateful questions and opinions, negation scope ("non odio solo",
"niet alleen"), and their hate-free contrasts (neutral / positive mentions, counter-speech, benign pronoun
references). Each skeleton with a group slot is filled with four groups (seeded by the skeleton); the split is by
skeleton (frame hash): within each language, category and label the skeletons are ordered by md5 and go
alternately to "dev" and "check", dev first. Dev lines develop and decide; check lines are scored once at the end.
Never training data.
"""

from __future__ import annotations

import random
from pathlib import Path

from multi_s27_build import IT_GROUPS, _md5, fill_it, splits, write_rows
from multi_s27nl_build import GROUPS
from multi_s27nl_build import fill as fill_dutch

OUT = Path(__file__).with_name("multi_s28.jsonl")
PER_SKELETON = 4

NL_GROUPS = {**GROUPS, "disabled people": "gehandicapten"}  # session 27's Dutch groups, one name changed

# (category, identity_attack, toxic, skeleton). Italian slots: {G} definite plural, {aG} "a"+article, {dG}
# "di"+article, {g} bare plural, {e} plural ending (i / e), {T} tutti / tutte, {li} li / le.
IT = [
    ("stereotype_fact", 1, 1, "{G} sono tutt{e} uguali: vivono di sussidi e non lavorano mai."),
    ("stereotype_fact", 1, 1, "Si sa che {G} non sanno tenere pulita una casa."),
    ("stereotype_fact", 1, 1, "Dove arrivano {G} il quartiere va in rovina, è un dato di fatto."),
    ("stereotype_fact", 1, 1, "{G} sono un peso per tutti noi, lo sanno anche i bambini."),
    ("stereotype_fact", 1, 1, "Ogni volta che c'è un furto, indovina un po' chi è stato: {G}."),
    ("go_back", 1, 1, "Che {G} se ne tornino da dove sono venut{e}."),
    ("go_back", 1, 1, "Rimandiamo{li} {T} a casa loro, {G}, e subito."),
    ("go_back", 1, 1, "Ma perché {G} non se ne tornano al loro paese?"),
    ("animal_disease", 1, 1, "{G} si moltiplicano come topi."),
    ("animal_disease", 1, 1, "{G} sono come un cancro per la nostra società."),
    ("animal_disease", 1, 1, "{G} sono come una malattia che si diffonde ovunque."),
    ("animal_disease", 1, 1, "Vivono come bestie, {G}, e non cambieranno mai."),
    ("pronoun_reference", 1, 1, "Ieri ho visto un gruppo di {g} in piazza. Feccia, {T} quant{e}."),
    ("pronoun_reference", 1, 1, "Parlavamo {dG} a cena: loro non meritano di vivere qui."),
    ("pronoun_reference", 1, 1, "Nel mio palazzo abitano {g}, e loro sporcano tutto e rubano."),
    ("pronoun_reference", 1, 1, "Conosco bene {G}: quell{e} lì non cambieranno mai, sono marc{e} dentro."),
    ("pronoun_reference", 1, 1, "Hai visto {G} al telegiornale? Gente così andrebbe rinchiusa."),
    ("pronoun_reference", 1, 1, "{G} chiedono diritti, ma sono solo parassiti."),
    ("question_hate", 1, 1, "Perché dobbiamo sopportare {G}? Non portano altro che degrado."),
    ("question_hate", 1, 1, "Ma {G} sono capaci di fare qualcosa oltre a lamentarsi?"),
    ("question_hate", 1, 1, "Chi vorrebbe mai {g} come vicini di casa? Nessuno sano di mente."),
    ("opinion_hate", 1, 1, "Secondo me {G} sono inferiori, punto."),
    ("opinion_hate", 1, 1, "Personalmente penso che {G} non dovrebbero avere il diritto di voto."),
    ("opinion_hate", 1, 1, "Io credo che il mondo starebbe meglio senza {G}."),
    ("negation_scope_hate", 1, 1, "Non odio solo {G}, {li} disprezzo proprio."),
    ("negation_scope_hate", 1, 1, "Non è che {G} siano solo pigr{e}: sono anche disonest{e}."),
    ("negation_scope_hate", 1, 1, "Non dico che {G} siano {T} criminali, dico che lo sono quasi {T}."),
    ("negation_scope_hate", 1, 1, "Non mi fido {dG}, e non me ne fiderò mai."),
    ("negation_scope_hate", 1, 1, "Non sopporto {G}, nemmeno per un minuto."),
    ("neutral_mention", 0, 0, "Nel mio palazzo abitano {g} e ci salutiamo ogni mattina."),
    ("neutral_mention", 0, 0, "{G} del quartiere hanno organizzato una festa in piazza."),
    ("neutral_mention", 0, 0, "Tant{e} {g} tornano a casa per le feste, i treni sono pieni."),
    ("neutral_mention", 0, 0, "Secondo lo studio {G} sono stat{e} colpit{e} dalla malattia più di altri."),
    ("pronoun_benign", 0, 0, "Ieri ho conosciuto un gruppo di {g} in piazza. Sono stat{e} gentilissim{e}."),
    ("pronoun_benign", 0, 0, "Parlavamo {dG} a cena: loro hanno gli stessi diritti di tutti."),
    ("pronoun_benign", 0, 0, "{G} chiedono diritti, e hanno ragione a farlo."),
    ("pronoun_benign", 0, 0, "Conosco bene {G}: sono persone come tutte le altre."),
    ("pronoun_benign", 0, 0, "Ho letto commenti orribili contro {G}. Loro non meritano tutto questo odio."),
    ("counter_speech", 0, 0, "Dire che {G} sono tutt{e} uguali è puro pregiudizio."),
    ("counter_speech", 0, 0, "Chi paragona {G} agli animali dovrebbe vergognarsi."),
    ("counter_speech", 0, 0, "'Tornatevene a casa vostra', hanno urlato {aG}. Vergognoso."),
    ("counter_speech", 0, 0, "Si dice che {G} siano pigr{e}, ma è una stupidaggine."),
    ("negation_scope_benign", 0, 0, "Non odio {G}, odio chi {li} discrimina."),
    ("negation_scope_benign", 0, 0, "Non è vero che {G} vivono di sussidi: la maggior parte lavora."),
    ("negation_scope_benign", 0, 0, "Non odio solo le discriminazioni contro {G}: le combatto ogni giorno."),
    ("question_neutral", 0, 0, "Perché {G} vengono ancora discriminat{e} sul lavoro?"),
    ("question_neutral", 0, 0, "Qualcuno sa se c'è un'associazione per {G} qui in città?"),
    ("opinion_neutral", 0, 0, "Secondo me {G} meritano più rispetto di quanto ne ricevono."),
    ("opinion_neutral", 0, 0, "Personalmente penso che {G} dovrebbero avere più voce in politica."),
    ("reported_hate", 0, 0, "Il giornale riporta che {G} sono stat{e} insultat{e} allo stadio."),
]

NL = [
    ("stereotype_fact", 1, 1, "{G} zijn allemaal hetzelfde: lui en onbetrouwbaar."),
    ("stereotype_fact", 1, 1, "Het is gewoon een feit dat {g} niet met geld kunnen omgaan."),
    ("stereotype_fact", 1, 1, "Waar {g} komen wonen, gaat de buurt achteruit. Zo gaat het altijd."),
    ("stereotype_fact", 1, 1, "{G} zijn een last voor de samenleving, dat weet elk kind."),
    ("stereotype_fact", 1, 1, "Weer een inbraak. Drie keer raden wie: {g}."),
    ("go_back", 1, 1, "{G} moeten terug naar waar ze vandaan komen."),
    ("go_back", 1, 1, "Stuur ze allemaal terug, die {g}."),
    ("go_back", 1, 1, "Waarom gaan {g} niet gewoon terug naar hun eigen land?"),
    ("animal_disease", 1, 1, "{G} vermenigvuldigen zich als ratten."),
    ("animal_disease", 1, 1, "{G} zijn als een ziekte die zich door het land verspreidt."),
    ("animal_disease", 1, 1, "{G} leven als beesten, daar verandert niks aan."),
    ("animal_disease", 1, 1, "{G} zijn een kankergezwel in onze samenleving."),
    ("pronoun_reference", 1, 1, "Gisteren stond er een groep {g} bij de supermarkt. Echt uitschot, allemaal."),
    ("pronoun_reference", 1, 1, "We hadden het over {g}. Die horen hier niet, punt."),
    ("pronoun_reference", 1, 1, "In mijn straat wonen {g}, en zij maken er een zooitje van."),
    ("pronoun_reference", 1, 1, "Ik ken {g} goed genoeg: ze veranderen nooit, rot tot in de kern."),
    ("pronoun_reference", 1, 1, "Zag je die {g} op het nieuws? Zulke mensen moet je opsluiten."),
    ("pronoun_reference", 1, 1, "{G} eisen rechten, maar het zijn gewoon parasieten."),
    ("question_hate", 1, 1, "Waarom moeten wij {g} nog langer tolereren? Ze brengen alleen maar overlast."),
    ("question_hate", 1, 1, "Kunnen {g} eigenlijk iets anders dan klagen?"),
    ("question_hate", 1, 1, "Wie neemt er nou vrijwillig {g} aan op zijn werk? Niemand met verstand."),
    ("opinion_hate", 1, 1, "Volgens mij zijn {g} gewoon minderwaardig."),
    ("opinion_hate", 1, 1, "Ik vind dat {g} geen stemrecht zouden moeten hebben."),
    ("opinion_hate", 1, 1, "De wereld zou beter af zijn zonder {g}."),
    ("negation_scope_hate", 1, 1, "Ik haat {g} niet alleen, ik walg van ze."),
    ("negation_scope_hate", 1, 1, "Ik haat niet alleen {g}, ik veracht ze ook nog."),
    ("negation_scope_hate", 1, 1, "{G} zijn niet alleen lui, ze zijn ook nog oneerlijk."),
    ("negation_scope_hate", 1, 1, "Ik zeg niet dat alle {g} criminelen zijn, maar bijna allemaal wel."),
    ("negation_scope_hate", 1, 1, "Ik vertrouw {g} niet, en dat zal ik ook nooit doen."),
    ("negation_scope_hate", 1, 1, "Ik kan {g} geen minuut verdragen."),
    ("neutral_mention", 0, 0, "In mijn straat wonen {g} en we groeten elkaar elke ochtend."),
    ("neutral_mention", 0, 0, "{G} uit de buurt organiseerden een feest op het plein."),
    ("neutral_mention", 0, 0, "Veel {g} gaan met kerst terug naar hun familie, de treinen zitten vol."),
    ("neutral_mention", 0, 0, "Volgens het onderzoek werden {g} harder getroffen door de ziekte dan anderen."),
    ("pronoun_benign", 0, 0, "Gisteren leerde ik een groep {g} kennen. Ze waren ontzettend aardig."),
    ("pronoun_benign", 0, 0, "We hadden het over {g}. Zij hebben dezelfde rechten als iedereen."),
    ("pronoun_benign", 0, 0, "{G} eisen rechten, en daar hebben ze groot gelijk in."),
    ("pronoun_benign", 0, 0, "Ik ken {g} goed: het zijn mensen zoals iedereen."),
    ("pronoun_benign", 0, 0, "Ik las vreselijke reacties over {g}. Zij verdienen al die haat niet."),
    ("counter_speech", 0, 0, "Zeggen dat {g} allemaal hetzelfde zijn is puur vooroordeel."),
    ("counter_speech", 0, 0, "Wie {g} met dieren vergelijkt, moet zich schamen."),
    ("counter_speech", 0, 0, "'Ga terug naar je eigen land', riepen ze naar {g}. Schandalig."),
    ("counter_speech", 0, 0, "Men zegt dat {g} lui zijn, maar dat is onzin."),
    ("negation_scope_benign", 0, 0, "Ik haat {g} niet, ik haat mensen die hen discrimineren."),
    ("negation_scope_benign", 0, 0, "Het is niet waar dat {g} van uitkeringen leven: de meesten werken."),
    ("negation_scope_benign", 0, 0, "Ik haat niet alleen racisme tegen {g}, ik bestrijd het ook."),
    ("question_neutral", 0, 0, "Waarom worden {g} nog steeds gediscrimineerd op het werk?"),
    ("question_neutral", 0, 0, "Weet iemand of er in Amsterdam een steunpunt voor {g} is?"),
    ("opinion_neutral", 0, 0, "Volgens mij verdienen {g} meer respect dan ze krijgen."),
    ("opinion_neutral", 0, 0, "Ik vind dat {g} meer stem in de politiek zouden moeten krijgen."),
    ("reported_hate", 0, 0, "De krant meldt dat {g} in het stadion zijn uitgescholden."),
]


def fill_nl(skeleton: str, group: str) -> str:
    return fill_dutch(skeleton, group, NL_GROUPS)


def build() -> list[dict]:
    rows = []
    for lang, skeletons, fill, groups_of in (("it", IT, fill_it, IT_GROUPS), ("nl", NL, fill_nl, NL_GROUPS)):
        key = f"{lang}28"
        split = splits(key, skeletons)
        for n, (cat, ia, tox, sk) in enumerate(skeletons):
            rng = random.Random(_md5(f"{key}|{sk}"))
            for g in rng.sample(sorted(groups_of), PER_SKELETON):
                rows.append({"text": fill(sk, g), "lang": lang, "identity_attack": ia, "toxic": tox,
                             "target": g if ia else None, "kind": cat, "skeleton": f"{key}_{n:02d}",
                             "split": split[sk]})
    return rows


def main() -> None:
    write_rows(build(), OUT)


if __name__ == "__main__":
    main()

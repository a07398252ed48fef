"""Build probes/multi_s27.jsonl: Italian and Dutch comment probes in the functional categories of HateCheck.

    python training/data/comments_authored/probes/multi_s27_build.py

Written in the languages by session 27's helper "mhc" (with an AI assistant) before any model change and without
opening Multilingual HateCheck (an eval set). Each skeleton (a frame with a group slot, or a fixed line) is filled
with six of the groups below (seeded by the skeleton); the dev/check split is by skeleton: within each language, category and
label the skeletons are ordered by the md5 of their text and they go alternately to "dev" and "check", dev first (all
fillings of a skeleton share a split). Dev lines develop and decide; check lines are scored once at the end.
Never training data (``comment_data.load_authored`` does not read probes/).
"""

from __future__ import annotations

import hashlib
import json
import random
from pathlib import Path

OUT = Path(__file__).with_name("multi_s27.jsonl")
PER_SKELETON = 6

# Italian groups: definite plural, with "a", with "di", bare plural, plural adjective ending, "tutti/tutte"
IT_GROUPS = {
    "women": ("le donne", "alle donne", "delle donne", "donne", "e", "tutte"),
    "gay people": ("i gay", "ai gay", "dei gay", "gay", "i", "tutti"),
    "trans people": ("le persone trans", "alle persone trans", "delle persone trans", "persone trans", "e", "tutte"),
    "black people": ("i neri", "ai neri", "dei neri", "neri", "i", "tutti"),
    "immigrants": ("gli immigrati", "agli immigrati", "degli immigrati", "immigrati", "i", "tutti"),
    "muslims": ("i musulmani", "ai musulmani", "dei musulmani", "musulmani", "i", "tutti"),
    "jews": ("gli ebrei", "agli ebrei", "degli ebrei", "ebrei", "i", "tutti"),
    "disabled people": ("i disabili", "ai disabili", "dei disabili", "disabili", "i", "tutti"),
}

# Dutch groups: plural noun (no article), capitalised at a line start by the filler
NL_GROUPS = {
    "women": "vrouwen",
    "gay people": "homo's",
    "trans people": "transpersonen",
    "black people": "zwarte mensen",
    "immigrants": "immigranten",
    "muslims": "moslims",
    "jews": "joden",
    "disabled people": "gehandicapten",
}

# (category, identity_attack, toxic, skeleton). Italian slots: {G} definite, {aG} with "a", {dG} with "di",
# {g} bare, {e} adjective ending, {T} tutti/tutte. A skeleton with no slot is a fixed line (one filling).
IT = [
    # derogation
    ("derogation", 1, 1, "{G} sono inferiori, punto. Non serve girarci intorno."),
    ("derogation", 1, 1, "Non sopporto {G}, mi fanno proprio schifo."),
    ("derogation", 1, 1, "{G} sono la rovina di questo paese, {T} quant{e}."),
    ("derogation", 1, 1, "Ogni volta che vedo {G} al telegiornale mi sale il disgusto."),
    # dehumanisation
    ("dehumanisation", 1, 1, "{G} sono bestie, non persone."),
    ("dehumanisation", 1, 1, "{G} si moltiplicano come i ratti nelle fogne."),
    ("dehumanisation", 1, 1, "Per me {G} sono spazzatura umana e basta."),
    # implicit derogation
    ("implicit_derogation", 1, 1, "Un lavoro onesto? Per {G} è un concetto sconosciuto."),
    ("implicit_derogation", 1, 1, "Da quando sono arrivat{e} {G} nel quartiere non si esce più la sera."),
    ("implicit_derogation", 1, 1, "Dare un lavoro vero {aG}? Tanto vale buttare i soldi dalla finestra."),
    # threats
    ("threat", 1, 1, "Prima o poi qualcuno farà fuori {G}, e farà bene."),
    ("threat", 1, 1, "Se becco {G} sotto casa mia giuro che finisce male, molto male."),
    ("threat", 1, 1, "Bisognerebbe bruciare le case {dG}, così capiscono."),
    # slurs
    ("slur", 1, 1, "Questi froci dovrebbero sparire dalle nostre strade."),
    ("slur", 1, 1, "Un altro negro che spaccia alla stazione, che novità."),
    ("slur", 1, 1, "Gli zingari rubano i bambini, lo sanno tutti."),
    # profanity with a group
    ("profanity_hate", 1, 1, "{G} sono dei fottuti parassiti del cazzo."),
    ("profanity_hate", 1, 1, "Che schifo {G}, vadano tutt{e} a fare in culo."),
    # pronoun reference
    ("pronoun_reference", 1, 1, "Ho lavorato con tant{e} {g}. Sono tutt{e} bugiard{e} e sfaticat{e}."),
    ("pronoun_reference", 1, 1, "Mi chiedi cosa penso {dG}? Che {li} chiuderei {T} in un recinto."),
    # negation of a positive
    ("negated_positive", 1, 1, "{G} non sono esseri umani come noi."),
    ("negated_positive", 1, 1, "Non ho mai conosciuto {g} onest{e}, neanche per sbaglio."),
    # phrased as a question or an opinion
    ("question_hate", 1, 1, "Perché {G} devono sempre essere così sporch{e} e rumoros{e}?"),
    ("question_hate", 1, 1, "Ma {G} non si vergognano di vivere sulle spalle degli altri?"),
    ("opinion_hate", 1, 1, "Secondo me {G} sono una malattia per la società."),
    ("opinion_hate", 1, 1, "Penso proprio che {G} non dovrebbero avere il diritto di votare."),
    # spelling variants
    ("spelling_hate", 1, 1, "{G} sono tutt{e} f e c c i a."),
    ("spelling_hate", 1, 1, "Odio {G}, sono dei p4r4ss1t1."),
    ("spelling_hate", 1, 1, "Qst {g} schifos{e} nn {li} voglio vedere + qui"),
    # --- non-hateful ---
    # neutral and positive group mentions
    ("neutral_mention", 0, 0, "Nel mio condominio abitano anche alcun{e} {g}, ci salutiamo sempre."),
    ("neutral_mention", 0, 0, "L'articolo parla della situazione {dG} nelle grandi città."),
    ("neutral_mention", 0, 0, "Il comune ha aperto uno sportello di ascolto dedicato {aG}."),
    ("positive_mention", 0, 0, "{G} meritano rispetto come chiunque altro."),
    ("positive_mention", 0, 0, "Ho tant{e} {amic} tra {G} e sono persone splendide."),
    ("positive_mention", 0, 0, "Sono orgoglioso di vivere in una città che accoglie {G}."),
    # non-hateful questions and opinions
    ("question_neutral", 0, 0, "Quant{e} {g} vivono in Italia oggi? Qualcuno ha i numeri?"),
    ("opinion_neutral", 0, 0, "Secondo me {G} dovrebbero avere più voce in parlamento."),
    # negated hate
    ("negated_hate", 0, 0, "{G} non sono un pericolo, sono persone come noi."),
    ("negated_hate", 0, 0, "Non odio {G}, anzi, non ho mai capito chi lo fa."),
    # counter-speech quoting or referencing hate
    ("counter_quote", 0, 0, "\"{G} sono bestie\"? Ma ti rendi conto di cosa scrivi? Vergognati."),
    ("counter_quote", 0, 0, "Chi scrive che {G} sono parassiti dovrebbe solo vergognarsi."),
    ("counter_reference", 0, 0, "Il tuo commento {sulG} è puro odio, e l'odio non è un'opinione."),
    ("counter_reference", 0, 0, "Leggere certi commenti contro {G} mi fa stare male, basta con questo odio."),
    # reported hate
    ("reported_hate", 0, 0, "Un gruppo di ragazzi ha aggredito {G} fuori dalla stazione urlando insulti."),
    # abuse at non-protected targets
    ("abuse_nonprotected", 0, 1, "I politici sono tutti ladri e parassiti, nessuno escluso."),
    ("abuse_nonprotected", 0, 1, "Sei un idiota totale, non capisci niente di calcio."),
    ("abuse_nonprotected", 0, 1, "Gli arbitri di ieri sera erano dei veri incapaci, vergognosi."),
    ("abuse_nonprotected", 0, 1, "Odio i lunedì mattina, sono una schifezza."),
    ("abuse_nonprotected", 0, 1, "Questi pendolari che spingono in metro sono bestie."),
    # profanity not aimed at a group
    ("profanity_nonhate", 0, 0, "Cazzo, che partita ieri sera! Non ci credo ancora."),
    ("profanity_nonhate", 0, 0, "Porca miseria, ho perso di nuovo il treno delle otto."),
    ("profanity_nonhate", 0, 0, "Minchia che caldo oggi, non si respira."),
    # slur mentioned, not used
    ("slur_mention", 0, 0, "Mi hanno chiamato frocio per strada e ho denunciato tutto."),
    ("slur_mention", 0, 0, "La parola 'zingari' è offensiva, meglio dire rom e sinti."),
]

# Dutch: {G} the plural (capitalised at a line start), {g} the same in the middle of a line
NL = [
    ("derogation", 1, 1, "{G} zijn gewoon minderwaardig, dat is een feit."),
    ("derogation", 1, 1, "Ik walg van {g}, ze zijn echt verschrikkelijk."),
    ("derogation", 1, 1, "{G} zijn de ondergang van dit land, stuk voor stuk."),
    ("derogation", 1, 1, "Elke keer als ik {g} op tv zie word ik misselijk."),
    ("dehumanisation", 1, 1, "{G} zijn beesten, geen mensen."),
    ("dehumanisation", 1, 1, "{G} vermenigvuldigen zich als ratten in het riool."),
    ("dehumanisation", 1, 1, "Voor mij zijn {g} gewoon menselijk afval."),
    ("implicit_derogation", 1, 1, "Eerlijk werk? Voor {g} is dat een onbekend begrip."),
    ("implicit_derogation", 1, 1, "Sinds er {g} in de wijk wonen durf je 's avonds niet meer naar buiten."),
    ("implicit_derogation", 1, 1, "Een echte baan geven aan {g}? Dan kun je het geld net zo goed weggooien."),
    ("threat", 1, 1, "Vroeg of laat gaat iemand {g} een kopje kleiner maken, en terecht."),
    ("threat", 1, 1, "Als ik {g} bij mij in de straat tegenkom sla ik ze helemaal in elkaar."),
    ("threat", 1, 1, "Ze zouden de huizen van {g} in de fik moeten steken, dan leren ze het wel."),
    ("slur", 1, 1, "Die vuile flikkers moeten van onze straten verdwijnen."),
    ("slur", 1, 1, "Weer een nikker die op het station staat te dealen, wat een verrassing."),
    ("slur", 1, 1, "Die zandnegers verpesten elke buurt waar ze komen."),
    ("profanity_hate", 1, 1, "{G} zijn kankerparasieten, allemaal."),
    ("profanity_hate", 1, 1, "Die {g} kunnen allemaal de klere krijgen, vuile teringlijers."),
    ("pronoun_reference", 1, 1, "Ik heb met veel {g} gewerkt. Het zijn allemaal leugenaars en luilakken."),
    ("pronoun_reference", 1, 1, "Wat ik van {g} vind? Ik zou ze allemaal achter een hek zetten."),
    ("negated_positive", 1, 1, "{G} zijn geen mensen zoals wij."),
    ("negated_positive", 1, 1, "Ik heb nog nooit één eerlijke tussen al die {g} gezien."),
    ("question_hate", 1, 1, "Waarom moeten {g} altijd zo vies en luidruchtig zijn?"),
    ("question_hate", 1, 1, "Schamen {g} zich niet om op andermans zak te leven?"),
    ("opinion_hate", 1, 1, "Volgens mij zijn {g} een ziekte voor de samenleving."),
    ("opinion_hate", 1, 1, "Ik vind echt dat {g} geen stemrecht zouden moeten hebben."),
    ("spelling_hate", 1, 1, "{G} zijn allemaal t u f t e r s."),
    ("spelling_hate", 1, 1, "Ik haat {g}, het zijn p4r4s13t3n."),
    ("spelling_hate", 1, 1, "die vieze {g} wil ik hier nie meer zien zeg"),
    ("neutral_mention", 0, 0, "In mijn flat wonen ook {g}, we groeten elkaar altijd."),
    ("neutral_mention", 0, 0, "Het artikel gaat over de situatie van {g} in de grote steden."),
    ("neutral_mention", 0, 0, "De gemeente heeft een speciaal loket voor {g} geopend."),
    ("positive_mention", 0, 0, "{G} verdienen net zoveel respect als ieder ander."),
    ("positive_mention", 0, 0, "Ik heb veel vrienden onder {g} en het zijn geweldige mensen."),
    ("positive_mention", 0, 0, "Ik ben trots op een stad die {g} met open armen ontvangt."),
    ("question_neutral", 0, 0, "Hoeveel {g} wonen er eigenlijk in Nederland? Heeft iemand cijfers?"),
    ("opinion_neutral", 0, 0, "Volgens mij zouden {g} meer stem moeten krijgen in de politiek."),
    ("negated_hate", 0, 0, "{G} zijn geen gevaar, het zijn mensen zoals wij."),
    ("negated_hate", 0, 0, "Ik haat {g} niet, ik snap ook niet waarom mensen dat wel doen."),
    ("counter_quote", 0, 0, "\"{G} zijn beesten\"? Besef je wel wat je schrijft? Schaam je."),
    ("counter_quote", 0, 0, "Wie schrijft dat {g} parasieten zijn, moet zich diep schamen."),
    ("counter_reference", 0, 0, "Jouw reactie over {g} is pure haat, en haat is geen mening."),
    ("counter_reference", 0, 0, "Ik word echt verdrietig van al die reacties tegen {g}, stop met die haat."),
    ("reported_hate", 0, 0, "Een groep jongens heeft {g} bij het station aangevallen en uitgescholden."),
    ("abuse_nonprotected", 0, 1, "Politici zijn allemaal dieven en parasieten, zonder uitzondering."),
    ("abuse_nonprotected", 0, 1, "Je bent een complete idioot, je snapt niks van voetbal."),
    ("abuse_nonprotected", 0, 1, "Die scheidsrechters van gisteren waren echt prutsers, schandalig."),
    ("abuse_nonprotected", 0, 1, "Ik haat maandagochtenden, wat een ellende."),
    ("abuse_nonprotected", 0, 1, "Die forenzen die in de trein duwen zijn echt beesten."),
    ("profanity_nonhate", 0, 0, "Godverdomme, wat een wedstrijd gisteravond! Ik geloof het nog steeds niet."),
    ("profanity_nonhate", 0, 0, "Shit, ik heb alweer de trein van acht uur gemist."),
    ("profanity_nonhate", 0, 0, "Kut, wat is het heet vandaag, je kunt niet eens ademen."),
    ("slur_mention", 0, 0, "Ik werd op straat voor flikker uitgescholden en heb aangifte gedaan."),
    ("slur_mention", 0, 0, "Het woord 'zigeuners' is kwetsend, zeg liever Roma en Sinti."),
]

_IT_SUL = {"le": "sulle", "i": "sui", "gli": "sugli"}


def _cap(s: str) -> str:
    return s[:1].upper() + s[1:]


def fill_it(skeleton: str, group: str) -> str:
    g_def, g_a, g_di, g_bare, e, tutti = IT_GROUPS[group]
    article, _, noun = g_def.partition(" ")
    slots = {"G": g_def, "aG": g_a, "dG": g_di, "g": g_bare, "e": e, "T": tutti, "li": "l" + e, "amic": "amici" if e == "i" else "amiche", "sulG": f"{_IT_SUL[article]} {noun}"}
    text = skeleton.format(**slots)
    if skeleton.startswith('"{'):
        return '"' + _cap(text[1:])
    return _cap(text) if skeleton.startswith("{") else text


def fill_nl(skeleton: str, group: str) -> str:
    text = skeleton.format(G=_cap(NL_GROUPS[group]), g=NL_GROUPS[group])
    return text


def _md5(s: str) -> str:
    return hashlib.md5(s.encode("utf-8")).hexdigest()


def splits(lang: str, skeletons: list[tuple[str, int, int, str]]) -> dict[str, str]:
    """skeleton -> "dev" or "check": per category and label, ordered by md5, alternately dev and check (dev first)."""
    by_cell: dict[tuple[str, int], list[str]] = {}
    for cat, ia, _, sk in skeletons:
        by_cell.setdefault((cat, ia), []).append(sk)
    out = {}
    for sks in by_cell.values():
        ranked = sorted(sks, key=lambda s: _md5(f"{lang}|{s}"))
        for k, sk in enumerate(ranked):
            out[sk] = "dev" if k % 2 == 0 else "check"
    return out


def build() -> list[dict]:
    rows = []
    for lang, skeletons, fill in (("it", IT, fill_it), ("nl", NL, fill_nl)):
        split = splits(lang, skeletons)
        for n, (cat, ia, tox, sk) in enumerate(skeletons):
            rng = random.Random(_md5(f"{lang}|{sk}"))
            if "{" in sk:
                groups = rng.sample(sorted(IT_GROUPS if lang == "it" else NL_GROUPS), PER_SKELETON)
            else:
                groups = [None]
            for g in groups:
                text = fill(sk, g) if g else sk
                rows.append({"text": text, "lang": lang, "identity_attack": ia, "toxic": tox,
                             "target": g if ia else None, "kind": cat, "skeleton": f"{lang}{n:02d}",
                             "split": split[sk]})
    return rows


def write_rows(rows: list[dict], out: Path, languages: tuple[str, ...] = ("it", "nl")) -> None:
    """Write the probe lines as JSONL and print the size of each language's dev and check split."""
    with out.open("w", encoding="utf-8") as fh:
        for r in rows:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    for lang in languages:
        for sp in ("dev", "check"):
            sel = [r for r in rows if r["lang"] == lang and r["split"] == sp]
            print(lang, sp, len(sel), "hateful", sum(r["identity_attack"] for r in sel))


def main() -> None:
    write_rows(build(), OUT)


if __name__ == "__main__":
    main()

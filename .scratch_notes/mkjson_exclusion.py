import json
W = r"[^\W\d_]+"          # one word
G = r"(?:[^\W\d_]+[ '-]){0,3}"  # up to three words (a group phrase)
d = {
 "_about": ("Exclusion, denial of rights and hate questions in non-English comments (_multi_exclusion.py; session "
            "19). Regular expressions over the lower-cased comment (apostrophes as '), written by the project from "
            "the languages' grammar and what commenters write; a comment counts only where it also names a group of "
            "multilingual.json. exclusion: the group told to leave, kept out or unwelcome; rights: a right or an "
            "everyday freedom denied; question: a question that presupposes a negative trait of the group (a "
            "generaliser: always, all, so ...; an ordinary question has none); problem: the group named as the "
            "problem, a danger or a burden."),
 "exclusion": {
  "nl": [
   r"\bhoren (?:hier|in (?:nederland|belgi[eë]|europa|ons land|onze? " + W + r"))(?: (?:helemaal|echt|gewoon|dus))? niet\b",
   r"\bhoren (?:hier |echt |gewoon )?niet (?:thuis|hier|in (?:nederland|belgi[eë]|europa|ons land|onze? " + W + r"))",
   r"\b(?:hier|in (?:nederland|belgi[eë]|europa|ons land)) (?:helemaal |echt |gewoon )?niet (?:thuis ?)?horen\b",
   r"\bhebben (?:hier|in (?:nederland|belgi[eë]|europa|ons land|onze? " + W + r")) (?:niets|niks|helemaal niets|helemaal niks) te (?:zoeken|doen|maken)\b",
   r"\b(?:zijn |is )?(?:hier )?niet welkom\b",
   r"\bnaar (?:hun|hun eigen|je|je eigen|jullie|jullie eigen) (?:eigen )?land\b",
   r"\bterug naar (?:hun|waar ze vandaan komen|afrika|marokko|turkije|het midden-oosten)\b",
   r"\b(?:stuur|stuurt|sturen|zet|zetten|gooi|gooien|pleur|pleuren|flikker|flikkeren|schop|schoppen) (?:ze|die|al die|alle|de|deze)\b[^.!?]{0,40}\b(?:terug|eruit|het land uit|de grens over)\b",
   r"\b(?:moeten|mogen|kunnen) (?:allemaal |gewoon |maar )?(?:oprotten|ophoepelen|opdonderen|opkrassen|terug naar)\b",
   r"\b(?:het land|nederland|belgi[eë]|europa) uit\b",
   r"\bweg met (?:de|die|al die|alle|deze)\b",
   r"\b(?:eruit|buiten) met (?:de|die|al die|alle|deze)\b",
   r"\bgeen (?:" + W + r" ){1,2}(?:meer )?(?:in|op|bij|naast) (?:mijn|onze|ons|deze|dit|m'n)\b",
   r"(?:^|[.!?:;,]\s*)geen (?:" + W + r" ){1,2}(?:meer )?(?:in|op|bij|naast) ",
   r"\b(?:ik|wij|we) (?:wil|willen) (?:hier )?geen\b",
   r"\bwil(?:len)? (?:ik|we|wij) (?:hier )?(?:niet|nooit)\b",
   r"\b(?:huur|verhuur|verhuren|neem|nemen) (?:ik|we|wij)? ?(?:niet|nooit) (?:aan |meer )?(?:aan|in dienst)\b",
   r"\bniet (?:aannemen|toelaten|binnenlaten|binnen laten|inlaten)\b",
   r"\bhoren (?:niet|nooit) (?:in|op|bij|thuis in|thuis op) (?:de|het|een|onze?) " + W + r"\b",
  ],
  "it": [
   r"\bfuori (?:gli|i|le|tutti gli|tutti i|tutte le|questi|queste)\b",
   r"\bfuori dall'(?:italia|europa)\b",
   r"\bfuori dal (?:nostro|mio) " + W + r"\b",
   r"\bvia (?:gli|i|le|tutti gli|tutti i|tutte le|questi|queste) [^.!?]{0,30}\bda(?:l|lla|ll'|i|gli)?\b",
   r"\bvia dall'(?:italia|europa)\b",
   r"\b(?:tornino|tornassero|se ne tornino|se ne vadano|tornate|tornatevene|andatevene|sparite)\b",
   r"\b(?:tornare|tornarsene|stare|restare|rimanere|andare) (?:a casa loro|al loro paese|nel loro paese|a casa propria)\b",
   r"\b(?:rimandiamoli|rimandateli|rispediamoli|rispediteli|cacciamoli|cacciateli|rimpatriamoli|espelliamoli|buttiamoli fuori)\b",
   r"\b(?:rimandare|rispedire|cacciare|espellere|rimpatriare|buttare fuori|mandare via) (?:tutti )?(?:gli|i|le|questi|queste)\b",
   r"\b(?:vanno|devono essere|dovrebbero essere|andrebbero) (?:tutti |tutte )?(?:rimandat|rispedit|cacciat|espuls|rimpatriat|allontanat|esclus|buttat)",
   r"\bnon (?:sono|siete) (?:i |le )?benvenut",
   r"\bnon (?:c'è|ci deve essere|dovrebbe esserci|ci dovrebbe essere) posto per\b",
   r"\bnon (?:li|le|ne) vogliamo\b",
   r"\bqui non (?:li |le |ne )?(?:vogliamo|voglio)\b",
   r"\bnon (?:voglio|vogliamo) (?:" + W + r" ){1,2}(?:nel|nella|nei|in|come|vicino)\b",
   r"\b(?:niente|nessun|nessuno|nessuna|basta) (?:" + W + r" ){1,2}(?:nel|nella|nei|nelle|in|a) (?:mio|mia|miei|nostro|nostra|nostri|questo|questa)\b",
   r"(?:^|[.!?:;,]\s*)(?:niente|basta|nessun|nessuno|nessuna) (?:" + W + r" ){1,2}(?:nel|nella|nei|nelle|negli|in|sul|sui|sulle) ",
   r"\bnon (?:hanno|ha) (?:niente|nulla) (?:da fare|a che fare) (?:qui|in italia|da noi)\b",
   r"\bnon (?:dovrebbero|devono|possono) (?:stare|vivere|entrare|venire|restare|rimanere|abitare) (?:qui|in italia|in europa|da noi|nel|nella|nei)\b",
   r"\bnon (?:affitto|affittiamo|assumo|assumiamo|affitterei|assumerei)\b",
  ],
  "fr": [
   r"\bdehors (?:les|tous les|toutes les|ces)\b",
   r"\b(?:hors de|dehors de) (?:france|chez nous|notre pays|nos " + W + r"|mon " + W + r"|ma " + W + r")\b",
   r"\bpas d(?:e |')(?:" + W + r" ){0,1}" + W + r" (?:dans|chez|en france|ici|sur|à) ",
   r"\b(?:je|on|nous) n'en (?:veux|veut|voulons) (?:pas|plus|aucun)\b",
   r"\b(?:je|on|nous) ne (?:veux|veut|voulons) (?:pas|plus|aucun) d(?:e |es |')",
   r"\bn'(?:ont|a) rien à faire (?:ici|en france|chez nous|en europe|dans (?:ce|cette|notre|nos|mon|ma|le|la|les))\b",
   r"\bn'(?:ont|a) pas (?:leur|sa) place (?:ici|en france|chez nous|en europe|dans|parmi)\b",
   r"\bpas (?:les )?(?:bienvenu|bienvenus|bienvenue|bienvenues)\b",
   r"\b(?:retournez|rentrez|repartez|dégagez|degagez|cassez-vous|barrez-vous|foutez le camp)\b",
   r"\bqu'(?:ils|elles) (?:retournent|rentrent|repartent|dégagent|degagent|restent|aillent) (?:chez (?:eux|elles)|dans leur pays|au bled|d'où)\b",
   r"\b(?:renvoyer|renvoyez|renvoyons|expulser|expulsez|expulsons|virer|virez|virons|chasser|chassez|chassons|foutre dehors|mettre dehors|foutez|mettez) (?:-les |les |tous |toutes )?(?:tous |toutes )?(?:chez (?:eux|elles)|dans leur pays|au bled|dehors|hors de)\b",
   r"\b(?:renvoyez|renvoyons|expulsez|expulsons|virez|virons|chassez|chassons)-les\b",
   r"\b(?:il faut|faudrait|on doit|on devrait|doivent être|devraient être) (?:tous |toutes )?(?:les )?(?:renvoy|expuls|vir[eé]|chass|foutre dehors|mettre dehors|exclu|interdi)",
   r"\bne (?:loue|louerai|louerais|embauche|embaucherai|embaucherais) (?:jamais|pas|plus|rien)\b",
  ],
 },
 "rights": {
  "nl": [
   r"\b(?:zouden|moeten|mogen|horen|hoeven|verdienen) (?:" + W + r" ){0,2}geen (?:" + W + r" ){0,1}(?:stemrecht|rechten|recht|uitkering|uitkeringen|paspoort|nationaliteit|toegang|huis|huizen|woning|woningen|baan|banen|werk|kinderen|zorg|onderwijs|subsidie|gelijke)\b",
   r"\b(?:zouden|moeten|mogen|horen) (?:" + W + r" ){0,2}niet (?:mogen |meer |langer )?(?:stemmen|werken|trouwen|adopteren|studeren|lesgeven|wonen|rijden|sporten|meedoen|kiezen|leiden|regeren|stemrecht|kinderen)\b",
   r"\bgeen stemrecht\b",
   r"\b(?:stemrecht|rechten|uitkering|paspoort|nationaliteit)(?: [^\W\d_]+){0,2} (?:afpakken|afnemen|ontnemen|intrekken|afgepakt|ontnomen|ingetrokken)\b",
   r"\b(?:minder|geen gelijke) rechten\b",
   r"\bhoren (?:niet|nooit) (?:in de politiek|achter het stuur|in het leger|op de universiteit|op een school|op school|in de regering)\b",
  ],
  "it": [
   r"\bnon (?:dovrebbero|devono|dovrebbe|deve|meritano|merita|possono|potrebbero) (?:mai |più |neanche )?(?:avere|ottenere|ricevere|godere) (?:il |i |la |lo |gli |le |alcun |nessun |dei |degli )?(?:diritt|voto|cittadinanza|permess|lavoro|casa|case|sussidi|stessi diritti|assegn|aiut|figli|bambini)",
   r"\bnon (?:dovrebbero|devono|dovrebbe|deve|possono|potrebbero) (?:mai |più |neanche )?(?:poter |potere )?(?:votare|lavorare|sposarsi|sposare|adottare|insegnare|guidare|studiare|candidarsi|essere elett|essere assunt|fare politica|comandare)\b",
   r"\bnon (?:dovrebbe|deve) essere (?:permesso|concesso|consentito) (?:di |a |agli |ai |alle )?(?:" + W + r" ){0,2}(?:votare|lavorare|sposarsi|sposare|adottare|insegnare|guidare|avere|entrare|candidarsi)\b",
   r"\b(?:togliere|togliamo|toglietegli|togliergli|toglierei|negare|neghiamo|negargli|vietare|vietiamo) (?:" + W + r" ){0,2}(?:il |i |la )?(?:diritt|voto|cittadinanza|permess|matrimoni|adozion)",
   r"\bnon meritano (?:" + W + r" ){0,1}(?:rispetto|diritti|niente|nulla|la cittadinanza|aiuto|di votare|di lavorare)\b",
   r"\bil loro posto è (?:in cucina|a casa|ai fornelli)\b",
   r"\bniente (?:diritto di voto|diritti|cittadinanza)\b",
  ],
  "fr": [
   r"\bne (?:devraient|doivent|devrait|doit|méritent|mérite|peuvent|pourront) (?:pas|plus|jamais) (?:" + W + r" ){0,1}(?:avoir (?:le droit|des droits|les mêmes droits|accès|la nationalité|de papiers|d'enfants|le vote)|pouvoir (?:voter|travailler|se marier|adopter|enseigner|entrer|vivre|habiter|conduire)|voter|travailler|se marier|adopter|enseigner|conduire|être (?:élu|élus|élue|élues|embauch|naturalis|admis|accept|autoris))",
   r"\b(?:supprimer|retirer|enlever|interdire|refuser|supprimons|retirons|interdisons) (?:" + W + r" ){0,2}(?:le |les |la )?(?:droit|droits|nationalité|allocations|papiers|vote|mariage|adoption)\b",
   r"\b(?:pas|plus|aucun) (?:le )?droit de (?:vote|voter|se marier|travailler|adopter|vivre ici)\b",
   r"\b(?:leur|sa) place est (?:à la cuisine|à la maison|au foyer|dans la cuisine)\b",
   r"\binterdire (?:aux|les|à tous les) " + W + r"\b",
  ],
 },
 "rhetorical": {
  "nl": [r"\bwaarom\b", r"\bik zie niet in\b", r"\bsnap (?:ik )?niet\b", r"\bbegrijp (?:ik )?niet\b"],
  "it": [r"\bperch[eé]\b", r"\bcome mai\b", r"\bnon vedo\b", r"\bnon capisco\b"],
  "fr": [r"\bpourquoi\b", r"\bje ne vois pas\b", r"\bje ne comprends pas\b"],
 },
 "question": {
  "nl": [
   r"\bwaarom\b[^.?!]{0,60}\b(?:altijd(?! nog)|allemaal|(?<!nog )steeds|nooit|zo (?!veel\b|weinig\b|lang\b|vaak\b|duur\b)" + W + r"|zulke)\b[^.!?]{0,60}\?",
   r"\bwaarom (?:zijn|doen|moeten|willen|kunnen) (?:bijna )?alle\b[^.!?]{0,80}\?",
   r"\bhoe komt het dat\b[^.?!]{0,60}\b(?:altijd|allemaal|steeds|nooit|zo (?!veel\b|weinig\b)" + W + r")\b",
   r"\bwaarom (?:moeten|zouden|moet) (?:wij|we|ik|de belastingbetaler|nederland) (?:" + W + r" ){0,3}(?:betalen voor|opdraaien voor|opdraaien|onderhouden|tolereren|accepteren|pikken|slikken|dulden|binnenlaten|opvangen|toelaten)\b",
   r"\bwaarom (?:tolereren|accepteren|pikken|dulden|onderhouden|betalen) (?:wij|we)\b",
   r"\bwaarom kunnen\b[^.?!]{0,40}\b(?:niet|nooit) (?:gewoon|eens|normaal)\b",
  ],
  "it": [
   r"\b(?:perch[eé]|come mai)\b[^.?!]{0,60}\b(?:sempre(?! (?:meno|più|piu)\b)|tutti|tutte|così(?! poc)|cosi(?! poc)|tanto(?! poc)|mai)\b[^.!?]{0,60}\?",
   r"\bperch[eé] (?:mai )?(?:dobbiamo|dovremmo|devo|dovrei|deve|dovrebbe) (?:noi |l'italia |lo stato )?(?:" + W + r" ){0,2}(?:mantenere|pagare|sopportare|tollerare|accettare|accogliere|sfamare|ospitare|subire|far entrare)\b",
   r"\b(?:perch[eé]|come mai) (?:non )?(?:riescono|sanno|possono) mai\b",
   r"\bcome mai\b[^.?!]{0,40}\bnon (?:si integrano|lavorano|imparano|rispettano)\b",
  ],
  "fr": [
   r"\bpourquoi\b[^.?!]{0,60}\b(?:toujours(?! pas)|tous(?! les jours)|toutes|si(?! peu)|aussi(?! peu)|autant|jamais|tellement(?! peu))\b[^.!?]{0,60}\?",
   r"\bcomment (?:ça|cela) se fait(?:-il)? que\b[^.?!]{0,60}\b(?:toujours|tous|toutes|si|aussi|jamais|tellement)\b",
   r"\bpourquoi (?:devrait-on|devrions-nous|doit-on|on doit|on devrait|faut-il|il faut|je dois|la france doit|la france devrait) (?:" + W + r" ){0,2}(?:payer pour|payer|entretenir|supporter|tolérer|tolerer|accepter|accueillir|nourrir|héberger|subir|faire entrer|laisser entrer)\b",
   r"\bpourquoi\b[^.?!]{0,40}\bne (?:peuvent|savent|veulent)(?:-ils|-elles)? (?:pas|jamais) (?:simplement|juste)\b",
  ],
 },
 "problem": {
  "nl": [
   r"\b(?:zijn|is) (?:toch |gewoon |echt |nou eenmaal |allemaal )*(?:het|een) (?:probleem|gevaar|bedreiging|last|plaag|kankergezwel)\b",
   r"\b(?:zijn|is) (?:toch |gewoon |echt |nou eenmaal )*allemaal (?:hetzelfde|gelijk)\b",
  ],
  "it": [
   r"(?<!non )\bsono (?:tutti |tutte |solo |proprio |davvero )*(?:il|un) (?:problema|pericolo|peso|cancro)\b",
   r"(?<!non )\bsono (?:tutti |tutte |solo |proprio |davvero )*(?:una) (?:minaccia|piaga|rovina|zavorra)\b",
   r"\bsono tutti uguali\b",
  ],
  "fr": [
   r"\bsont (?:tous |toutes |juste |vraiment |bien )*(?:le|un) (?:problème|danger|fardeau|poids|cancer|fléau)\b",
   r"\bsont (?:tous |toutes |juste |vraiment |bien )*(?:une) (?:menace|plaie|charge)\b",
   r"\bsont tous (?:pareils|les mêmes)\b",
  ],
 },
}
import re
for k, v in d.items():
    if isinstance(v, dict):
        for l, ps in v.items():
            for p in ps: re.compile(p)
json.dump(d, open('/tmp/s19/wt/multi2/src/storytrace/data/lexicons/comments/multilingual_exclusion.json', 'w', encoding='utf-8'), ensure_ascii=False, indent=1)
print("ok")

import sys
from storytrace.comments import CommentModel, score_texts
m = CommentModel.load(sys.argv[1] if len(sys.argv) > 1 else None)
T = [("it", "Gli ebrei non sono persone oneste."), ("it", "I musulmani non saranno mai veri italiani."),
     ("it", "Dei rom non ci si può fidare."), ("it", "I gay non sono normali."), ("it", "Le donne non sono capaci di guidare un paese."),
     ("it", "Non è normale che i disabili aspettino due anni per una visita."), ("it", "Le donne non sono meno intelligenti degli uomini."),
     ("it", "Chi dice che i gay non sono normali dovrebbe vergognarsi."), ("it", "I neri non sono nemmeno esseri umani."),
     ("nl", "Moslims zijn niet te vertrouwen."), ("nl", "Homo's zijn niet normaal."), ("nl", "Een transvrouw wordt nooit een echte vrouw."),
     ("nl", "Vrouwen zijn niet minder slim dan mannen."), ("nl", "Het is niet normaal dat gehandicapten zo lang moeten wachten."),
     ("nl", "Zwarten zijn geen mensen."), ("nl", "Marokkanen verdienen geen respect."), ("nl", "Wie zegt dat moslims niet te vertrouwen zijn, is een racist.")]
out = score_texts([t for _, t in T], m, languages=[l for l, _ in T])
for (l, t), o in zip(T, out):
    print(l, o["scores"]["identity_attack"], t)

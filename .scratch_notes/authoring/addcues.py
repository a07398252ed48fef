import json
from pathlib import Path
p = Path("/tmp/s20/wt/multi3/src/storytrace/data/lexicons/comments/multilingual_exclusion.json")
d = json.loads(p.read_text(encoding="utf-8"))
IT_POS = (r"(?:normal[ei]|intelligent[ei]|onest[aeio]|brav[aeio]|capac[ei]|affidabil[ei]|civil[ei]|civilizzat[aeio]|"
          r"uman[aeio]|degn[aeio]|sincer[aeio]|pulit[aeio]|rispettabil[ei]|competent[ei]|leal[ei]|integrat[aeio]|"
          r"integrabil[ei]|ver[aeio] [^\W\d_]+)")
IT_NOUN = r"(?:(?:delle |dei |degli |una |un |uno )?(?:persone |gente |cittadini |cittadine |lavoratori |genitori |madri |padri |donne |uomini |esseri )?)"
NL_POS = (r"(?:normaal|normale|intelligent|intelligente|slim|slimme|eerlijk|eerlijke|betrouwbaar|betrouwbare|beschaafd|"
          r"beschaafde|menselijk|te vertrouwen|te integreren|geïntegreerd|capabel|bekwaam|gelijkwaardig|fatsoenlijk|"
          r"(?:een )?(?:echte |normale |fatsoenlijke |volwaardige )?(?:mensen|mens|vrouw|vrouwen|man|mannen|nederlanders|"
          r"nederlander|burgers|ouders)(?!\s+(?:die|dat|om|van|uit|met|in)\b))")
d["negated_positive"] = {
    "it": [
        r"\bnon (?:sono|è|saranno|sarà|sarebbero|diventeranno|diventerà) (?:mai |proprio |affatto |per niente |nemmeno |"
        r"neanche |neppure |davvero |certo |tutti |tutte |state |stati )*" + IT_NOUN + IT_POS + r"\b(?!\s+che\b)",
        r"\bnon (?:sono|è|saranno|sarà) (?:nemmeno |neanche |neppure |davvero )?(?:persone|esseri umani|umani)(?=\s*(?:[.,!?;]|$|ma\b|come noi\b))",
        r"\bnon meritano (?:alcun |nessun |nessuna |il nostro |la nostra )?(?:rispetto|fiducia|pietà|di vivere|di esistere|"
        r"niente|nulla|diritti)\b",
    ],
    "nl": [
        r"(?<!het )(?<!dat )(?<!wat )\b(?:zijn|is|worden|wordt|zullen|zal|blijven|blijft) (?:ook |toch |gewoon |echt |allemaal |"
        r"helemaal |eenmaal )*(?:nooit|niet|geen)(?: ooit| echt| eens| helemaal| meer)* " + NL_POS + r"\b(?!\s+dat\b)",
        r"\bverdienen (?:helemaal )?geen (?:respect|vertrouwen|medelijden|rechten)\b",
        r"\bverdienen het niet om te (?:leven|bestaan)\b",
    ],
}
d["distrust"] = {
    "it": [
        r"\bnon (?:ci )?si (?:può|puo|deve|dovrebbe) (?:mai )?fidar(?:e|si)\b",
        r"\bnon (?:mi )?fiderei mai\b",
        r"\b(?:mai|non bisogna mai|non devi mai) fidar(?:si|ti)\b",
        r"\bnessun[oa]? [^\W\d_]+(?: [^\W\d_]+)? (?:è|sarà) (?:mai |davvero |veramente )*(?:onest[oa]|affidabil[ei]|"
        r"intelligent[ei]|normal[ei]|brav[oa]|capac[ei]|pulit[oa]|civil[ei])\b",
        r"\bmai (?:visto|conosciuto|incontrato) (?:un|una|uno) [^\W\d_]+ (?:onest[oa]|affidabil[ei]|intelligent[ei]|"
        r"brav[oa]|capac[ei]|pulit[oa]|civil[ei])\b",
    ],
    "nl": [
        r"\b(?:kun|kan|moet) je (?:ze |die )?(?:nooit|niet) vertrouwen\b",
        r"\bvertrouw (?:ik )?(?:nooit|geen enkele)\b",
        r"\bgeen enkele [^\W\d_]+ is (?:ooit |echt )*(?:eerlijk|betrouwbaar|te vertrouwen|normaal|slim)\b",
        r"\bnog nooit een (?:eerlijke|betrouwbare|slimme|normale|fatsoenlijke|intelligente) [^\W\d_]+ (?:gezien|ontmoet|gekend)\b",
    ],
}
d["_about"] += (" negated_positive (session 20): a quality or humanity denied to the group named before it in its sentence"
                " (never normal, honest, intelligent, trustworthy, real women / Dutch people, not human; deserve no respect);"
                " distrust (session 20): never trust them, no X is honest, never seen an honest X (the group anywhere in"
                " the sentence).")
p.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")

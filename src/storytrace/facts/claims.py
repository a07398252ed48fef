"""Claims: one per main clause of a parsed sentence (the root verb and verbs coordinated with it).

subject   the nominal subject's subtree (inherited from the first clause for "X did A and did B")
predicate auxiliaries + negation + verb (its lemma, or its own form after an auxiliary: "was finalized")
          + particle + an xcomp verb ("agree to dispatch")
object    direct object / attribute / complement / clausal complement / first prepositional phrase
modality  negated > reported > hedged > planned > asserted, from these cues:
          negated   "not", "never", "no longer" on the predicate; a negative subject ("No one", "Nobody"); "yet to"; content a speaker denies ("X denied that ...",
                    "X rejected claims that ...")
          reported  "reportedly", "allegedly", "according to ...", a speech verb with a source
                    ("X said / told / reported / claimed that ..."), a finding ("a study found / showed that ...")
          hedged    may, might, could, likely, possibly, perhaps, appear, seem, "it looks like", suggest, potential; a condition
                    ("if" / "unless" clause); a question (nothing is asserted or reported: "Did X say ...?"
                    has no attribution); content a speaker does not confirm ("X has not confirmed that ...")
          planned   will, shall, 'll, going to, plan / intend / aim / expect / schedule / "is set to"
attribution  the "according to ..." phrase, the adverb ("reportedly"), or the source of a speech verb; the phrase
          and the adverb count only on a main clause (or what it reports), not inside a clause of their own
          ("arrested after he allegedly fled" is asserted)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storytrace.facts.lemmas import lemma


def with_typographic(words: set[str]) -> frozenset[str]:
    """``words`` with each contraction also written with a typographic apostrophe ("'ll" and "’ll"): news sites
    print ’, and spaCy's lemmatizer leaves "’ll" as it is, so only the written form can be matched."""
    return frozenset(words | {w.replace("'", "’") for w in words})


SPEECH = {"say", "tell", "report", "claim", "announce", "state", "add", "confirm", "allege", "insist", "deny",
          "note", "write", "declare", "reveal", "suggest", "argue", "warn", "explain", "acknowledge", "admit"}
# verbs of finding report their content only as "X found that Y" ("found the car abandoned" finds a thing)
FINDING = {"find", "show", "conclude", "estimate", "indicate", "determine", "establish", "demonstrate", "discover",
           "calculate"}
REPORTED_ADV = {"reportedly", "allegedly", "purportedly", "supposedly", "apparently", "ostensibly"}
HEDGE = {"may", "might", "could", "likely", "possibly", "perhaps", "probably", "appear", "seem", "potential",
         "potentially", "suggest", "unclear", "maybe", "would"}
PLAN_AUX = with_typographic({"will", "shall", "'ll", "wo"})
PLAN_VERBS = {"plan", "intend", "aim", "schedule", "expect", "prepare", "propose", "vow", "pledge", "promise",
              "seek", "hope"}
CONDITION = {"if", "unless"}
DENY = {"deny", "reject", "dismiss", "refute", "rebut", "dispute"}  # the speaker says the content is false
CLAIM_NOUNS = {"claim", "report", "allegation", "suggestion", "accusation", "rumour", "rumor", "assertion"}
NEG_SUBJECTS = {"nobody", "none", "nothing", "noone", "no-one"}
NEG = with_typographic({"not", "n't", "never", "no", "neither", "nor"})
SUBJ = ("nsubj", "nsubjpass", "csubj", "csubjpass", "expl")
OBJ = ("dobj", "attr", "acomp", "oprd", "ccomp", "xcomp", "dative", "obj")


@dataclass(slots=True)
class RawClaim:
    start: int  # char offsets in the sentence doc
    end: int
    text: str
    subject: str | None
    predicate: str | None
    object: str | None
    modality: str
    attribution: str | None
    cues: list[str] = field(default_factory=list)


def _subtree_text(t: Token, stop: set[int] | None = None) -> str:
    toks = [x for x in t.subtree if not stop or x.i not in stop]
    if not toks:
        return ""
    return t.doc[toks[0].i : toks[-1].i + 1].text


def _clauses(sent: SpacySpan) -> list[Token]:
    root = sent.root
    verbs = [root]
    for c in root.children:
        if c.dep_ == "conj" and c.pos_ in ("VERB", "AUX"):
            verbs.append(c)
    return verbs


_WHEN_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
               "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year"}


def _speaker_text(speaker: Token) -> str:
    """The speaker's phrase without the time it spoke ("Northwind on Tuesday announced": "Northwind") and without
    an appositive's closing comma ("Jane Fox, the firm's finance chief,")."""
    when = {t.i for c in speaker.children if c.dep_ in ("prep", "npadvmod") and _tells_when(c) for t in c.subtree}
    text = _subtree_text(speaker, when)
    return text.rstrip(" ,")


def _tells_when(t: Token) -> bool:
    """"on Tuesday", "Monday", "last week": a phrase saying when, not who."""
    words = [x.lower_ for x in t.subtree]
    return bool(words) and words[-1] in _WHEN_WORDS and (t.dep_ == "npadvmod" or words[0] in ("on", "in", "at", "last",
                                                                                                "this", "earlier"))


def claims_in(sent: SpacySpan, doc_text: str | None = None) -> list[RawClaim]:
    """The claims of a parsed sentence (see the module docstring); ``doc_text``: its doc's text when the caller has
    it (``Doc.text`` re-joins every token on each access)."""
    out = []
    verbs = _clauses(sent)
    root = verbs[0]
    sent_cues = _sentence_cues(sent, _clause_heads(verbs))
    root_subj = next((c for c in root.children if c.dep_ in SUBJ), None)
    doc_text = sent.doc.text if doc_text is None else doc_text  # once per sentence, not per clause
    question = sent.text.rstrip(" \"'”’»)").endswith("?")
    for k, verb in enumerate(verbs):
        # a speech verb with a ccomp: the claim is the reported content, attributed to the speaker
        attribution, cues = sent_cues["attribution"], list(sent_cues["cues"])
        content = verb
        comp = _reported_content(verb)
        if comp is not None:
            speaker = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if comp is not None and speaker is not None:
                attribution = attribution or f"{_speaker_text(speaker)} ({verb.text})"
                cues.append(verb.text)
                content = comp
        subj = next((c for c in content.children if c.dep_ in SUBJ), None)
        if subj is None and content is verb and k > 0:
            subj = root_subj
        pred = _predicate(content)
        obj = _object(content)
        clause_tokens = list(content.subtree) if k > 0 or content is not verb else list(sent)
        if k == 0 and len(verbs) > 1:
            later = {t.i for v in verbs[1:] for t in v.subtree}
            clause_tokens = [t for t in sent if t.i not in later]
        clause_tokens = [t for t in clause_tokens if not t.is_space]  # a blanked headline is no part of it
        start = min(t.idx for t in clause_tokens) if clause_tokens else sent.start_char
        end = max(t.idx + len(t) for t in clause_tokens) if clause_tokens else sent.end_char
        modality, mcues = _modality(content, verb, sent_cues, attribution)
        verb_neg = [c for c in verb.children if c.dep_ == "neg" or c.lower_ in NEG]
        if content is not verb and lemma(verb) in DENY and not verb_neg:
            modality, mcues = "negated", [verb.lower_]  # "The ministry denied that 300 soldiers had crossed"
        elif content is not verb and verb_neg and not any(c.dep_ == "neg" or c.lower_ in NEG for c in content.children):
            # "Police have not confirmed that 12 people were arrested": unconfirmed, not denied
            modality, mcues = "hedged", [verb_neg[0].lower_, verb.lower_]
        elif content is verb and lemma(verb) in DENY and not verb_neg:
            claim_obj = next((c for c in verb.children if c.dep_ == "dobj" and lemma(c).lower() in CLAIM_NOUNS), None)
            speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if claim_obj is not None and speaker is not None:  # "The army rejected claims that 50 civilians ..."
                modality, mcues = "negated", [verb.lower_]
                attribution = attribution or f"{_speaker_text(speaker)} ({verb.text})"
        if question and modality != "negated":
            modality, mcues, attribution = "hedged", ["?"], None
            cues = [c for c in cues if c != verb.text]
        out.append(RawClaim(start, end, doc_text[start:end], _subtree_text(subj) if subj is not None else None,
                            pred, obj, modality, attribution, sorted(set(cues + mcues))))
    return out


def _reported_content(verb: Token) -> Token | None:
    """The clause a speech verb reports ("X said [Y]", "[Y], X said") or a verb of finding reports with "that"
    ("a study found that [Y]", not the sourceless "it was shown that Y"); None for any other verb."""
    if lemma(verb) in SPEECH:
        return next((c for c in verb.children if c.dep_ in ("ccomp", "parataxis")), None)
    if lemma(verb) in FINDING and any(c.dep_ == "nsubj" and c.lower_ != "it" for c in verb.children):
        return next((c for c in verb.children if c.dep_ == "ccomp"
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    return None


def _clause_heads(verbs: list[Token]) -> set[int]:
    """Token indices of the main clauses' verbs and of what a reporting verb among them reports ("X said [Y]")."""
    heads = {v.i for v in verbs}
    heads |= {c.i for v in verbs if (c := _reported_content(v)) is not None}
    return heads


def _on_main_clause(t: Token, heads: set[int]) -> bool:
    """Whether ``t`` modifies a main clause, not a clause of its own ("arrested after he allegedly fled",
    "the man who had reportedly left", "tools which, according to Smith, are"): the path up its heads reaches a
    main-clause verb before any other verb (an auxiliary is part of its verb)."""
    while t.i not in heads:
        if t.head is t:
            return False
        t = t.head
        if t.pos_ in ("VERB", "AUX") and t.dep_ not in ("aux", "auxpass") and t.i not in heads:
            return False
    return True


def _sentence_cues(sent: SpacySpan, heads: set[int]) -> dict:
    attribution, cues = None, []
    for t in sent:
        word = t.lower_
        if (word != "according" and word not in REPORTED_ADV) or not _on_main_clause(t, heads):
            continue  # the cheap test first: most tokens are no cue, and the walk up their heads costs
        if word == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            pobj = next((c for c in t.doc[t.i + 1].children if c.dep_ == "pobj"), None)
            if pobj is None:
                pobj = next((c for c in t.children if c.dep_ == "pobj"), None)
            end = max(x.i for x in pobj.subtree) + 1 if pobj is not None else t.i + 2
            attribution = t.doc[t.i : end].text
            cues.append("according to")
        elif word in REPORTED_ADV:
            attribution = attribution or t.text
            cues.append(word)
    return {"attribution": attribution, "cues": cues}


def _predicate(v: Token) -> str:
    parts = [c for c in v.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < v.i]
    auxiliaries = any(c.dep_ != "neg" for c in parts)
    # after an auxiliary the verb keeps its own form ("was finalized", "has agreed"): its lemma would not read
    words = [c.lower_ for c in sorted(parts, key=lambda x: x.i)] + [v.lower_ if auxiliaries else lemma(v).lower()]
    prt = [c for c in v.children if c.dep_ == "prt"]
    words += [c.lower_ for c in prt]
    x = next((c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if x is not None:
        words += ["to", lemma(x).lower()] if any(c.lower_ == "to" for c in x.children) else [lemma(x).lower()]
    return " ".join(words)


def _object(v: Token) -> str | None:
    x = next((c for c in v.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    head = x if x is not None else v
    for dep in OBJ:
        for c in head.children:
            if c.dep_ == dep and c is not x:
                return _subtree_text(c)
    for c in head.children:
        if c.dep_ in ("prep", "agent") and c.i > head.i:
            return _subtree_text(c)
    return None


def _modality(content: Token, verb: Token, sent_cues: dict, attribution: str | None) -> tuple[str, list[str]]:
    scope = {content, verb} | set(content.children) | set(verb.children)
    x = next((c for c in content.children if c.dep_ == "xcomp"), None)
    if x is not None:
        scope |= set(x.children)
    scope = sorted(scope, key=lambda t: t.i)  # a set of Tokens iterates in memory order: cues in text order
    cues: list[str] = []
    subj = next((c for c in content.children if c.dep_ in SUBJ), None)
    if subj is not None and (subj.lower_ in NEG_SUBJECTS or any(c.lower_ == "no" for c in subj.children)):
        return "negated", [subj.lower_ if subj.lower_ in NEG_SUBJECTS else "no"]  # "No one was hurt"
    if x is not None and any(t.lower_ == "yet" for t in scope) and any(c.lower_ == "to" for c in x.children):
        return "negated", ["yet"]  # "has yet to confirm": not confirmed
    if any(t.lower_ in NEG or (t.dep_ == "neg") for t in scope if t is not content):
        cues.append(next(t.lower_ for t in scope if t.lower_ in NEG or t.dep_ == "neg"))
        return "negated", cues
    if attribution or sent_cues["cues"]:
        return "reported", cues
    hedge = [t.lower_ for t in scope if t.lower_ in HEDGE or t.pos_ == "VERB" and lemma(t).lower() in HEDGE]
    # a condition on the clause: "If the talks fail, 2,000 workers will strike"
    hedge += [m.lower_ for c in scope if c.dep_ == "advcl" and c.head in (content, verb)
              for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITION]
    if _it_looks_like(content, subj):
        hedge.append("looks like")
    if hedge:
        return "hedged", hedge
    set_to = lemma(content).lower() == "set" and x is not None and any(c.lower_ == "to" for c in x.children)
    if any(t.lower_ in PLAN_AUX for t in scope) or lemma(content).lower() in PLAN_VERBS or set_to or \
            (any(t.lower_ == "going" for t in scope) and x is not None):
        return "planned", [t.lower_ for t in scope if t.lower_ in PLAN_AUX] or [lemma(content).lower()]
    return "asserted", cues


def _it_looks_like(verb: Token, subj: Token | None) -> bool:
    """"It looks like / as if ...": an impression, hedged like "seem" (not "The tower looks like a needle")."""
    after = verb.doc[verb.i + 1 : verb.i + 3]
    return lemma(verb).lower() in ("look", "sound") and subj is not None and subj.lower_ == "it" and \
        len(after) > 0 and (after[0].lower_ == "like" or after.text.lower() in ("as if", "as though"))


# an unparsed sentence (no entity, number or date) has no tree: its modality comes from words alone, the speech
# verbs in the forms that report ("said", "told"; not "claims", also a noun) and the hedges of HEDGE that are no
# other word class too ("would" and "suggest" read as the parsed branch's, "may" is a month only capitalised)
_UNPARSED_REPORTED = re.compile(r"\b(said|says|told|according to|" + "|".join(sorted(REPORTED_ADV)) + r")\b",
                                re.IGNORECASE)
_FINDING_THAT = re.compile(r"\b(?:found|finds|shows?|showed|shown|concluded|concludes|estimated|estimates|"
                           r"indicated|indicates|determined|established|demonstrated|demonstrates|discovered|"
                           r"calculated)\s+that\b", re.IGNORECASE)
_UNPARSED_YET_TO = re.compile(r"\b(?:is|are|was|were|has|have|had|remains?|remained)\s+(?:still\s+)?yet\s+to\b",
                             re.IGNORECASE)
_UNPARSED_HEDGED = re.compile(r"\b(may|might|could|likely|possibly|perhaps|probably|unclear|maybe)\b")


def worth_parsing(text: str) -> bool:
    """Whether a sentence with no entity, number or date is parsed all the same: one that reports ("she said",
    "according to police", "reportedly") needs the tree for its source, what it reports and that content's
    negation ("Prosecutors said the allegations could not be proven"); so does a finding ("a study found that ...")."""
    return bool(_UNPARSED_REPORTED.search(text) or _FINDING_THAT.search(text))


# without a tree, the main clause is read as the words before the first clause boundary (a comma, colon, dash or a
# word that opens another clause), after a short opening phrase ("In fact,") or an opening subordinate clause
_CLAUSE_BOUNDARY = re.compile(r"[,;:()\[\]—–]|\s-\s|\b(?:which|who|whom|whose|that|if|unless|when|whenever|because|"
                              r"but|and|or|while|although|though|since|after|before|as|until|so|where|once)\b",
                              re.IGNORECASE)
_OPENS_SUBORDINATE = re.compile(r"\W*(?:when|whenever|while|although|though|because|since|after|before|as|once|"
                                r"until|whether)\b", re.IGNORECASE)
_OPENING_PHRASE_WORDS = 4
_UNPARSED_CONDITION = re.compile(r"\W*(if|unless)\b", re.IGNORECASE)
_UNPARSED_NEGATION = re.compile(r"\b(not|never|cannot|no longer)\b|\w(n['’]t)\b", re.IGNORECASE)
_UNPARSED_PLANNED = re.compile(r"(?<!\bthe )(?<!\bfree )\b(will|shall|going to)\b|\w(['’]ll)\b", re.IGNORECASE)


def _main_clause_words(text: str) -> str:
    """The words of an unparsed sentence's main clause, as far as punctuation and clause-opening words tell: an
    opening subordinate clause ("When it rains, ...") is skipped, a short opening phrase is kept with what follows
    ("In fact, ...", "This may seem odd, that ..."), and the clause ends at the next boundary after its first word
    ("But it will ...")."""
    head = re.match(r"([^,;:]*),\s*", text)
    prefix = ""
    if head and _OPENS_SUBORDINATE.match(text):
        text = text[head.end():]
    elif head and len(head.group(1).split()) <= _OPENING_PHRASE_WORDS:
        prefix, text = head.group(1) + " ", text[head.end():]
    first = re.match(r"\W*\w+", text)
    end = _CLAUSE_BOUNDARY.search(text, first.end() if first else 0)
    return prefix + (text[:end.start()] if end else text)


def unparsed_modality(text: str) -> tuple[str, list[str]]:
    """(modality, cues) of a sentence the parser did not read (a reporting one is parsed, see :func:`worth_parsing`):
    "is yet to" anywhere (it has not happened, whoever says so), then a sentence opening with a condition ("If the
    talks fail, ..."), then negated > hedged > planned read on its main clause (:func:`_main_clause_words`: "It
    keeps the dough from tearing, which means the bread will be soft" plans nothing)."""
    if _UNPARSED_YET_TO.search(text):
        return "negated", ["yet to"]
    if m := _UNPARSED_REPORTED.search(text):
        return "reported", [m.group(1).lower()]
    if m := _UNPARSED_CONDITION.match(text):
        return "hedged", [m.group(1).lower()]
    main = _main_clause_words(text)
    if m := _UNPARSED_NEGATION.search(main):
        return "negated", [(m.group(1) or m.group(2)).lower()]
    if m := _UNPARSED_HEDGED.search(main):
        return "hedged", [m.group(1)]
    if m := _UNPARSED_PLANNED.search(main):
        return "planned", [(m.group(1) or m.group(2)).lower()]
    return "asserted", []

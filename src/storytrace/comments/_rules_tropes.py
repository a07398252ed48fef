"""English implicit derogation and threats at a named group in words no lexicon list holds (session 28, "hcen").

Called from ``_rules._attacks`` (one-line hooks) for English comments; each reading returns the indices of evidence
words for the group at ``gi`` .. ``end``, which ``_attacks`` then checks as usual (quotation, report, condemnation).

* ``nearness_refused``: being near the group refused or asked about as unbearable ("nobody wants to live next door
  to X", "how can anyone stand to live near X?", "i'd never let my kids near X"); not "nobody wants to live next
  door to X who are being harassed" (the group must end its clause).
* ``decline_on_arrival``: a decline said to follow the group's arrival ("crime goes up whenever X move in",
  "whenever X show up the property prices drop").
* ``guarded_valuables``: guarding one's valuables in the group's presence ("i'd check my wallet twice if X sat next
  to me", "count the spoons after X visit").
* ``disastrous_rule``: the group in charge said to be a disaster ("X in charge of anything is a recipe for
  disaster").
* ``unfit_for_children``: a place full of the group refused for one's children ("a street full of X is not
  somewhere i would raise my kids").
* ``needed_no_more``: more of the group refused ("do we really need more X?", "we don't need any more X").
* ``pointless_question``: the group's existence asked to be justified ("what's the point of X?").
* ``too_many_hated``: hate at the group's number ("i hate that there are so many X here").
* ``belonging_denied``: the group denied to be what it is or belongs to ("X aren't real women", "X will never be
  real members of this society").
* ``weapon_threat``: the group pursued with a weapon ("tonight we go after the X with baseball bats") or promised a
  weapon's blow ("any X who come near will get a knife in the gut").
Each reading is dropped when a negation word stands in the frame it needs ("crime does not go up when X move in").
"""

from __future__ import annotations

from storytrace.comments._tokens import _bridged, seq_at

_DETS = frozenset(["the", "these", "those", "all", "any", "some", "a", "few", "of", "them", "more", "lots", "bunch",
                   "group", "load", "loads", "many"])

# --- nearness_refused ---------------------------------------------------------------------------------------------
_NEAR = (("live", "next", "door", "to"), ("live", "next", "to"), ("live", "near"), ("live", "around"),
         ("live", "among"), ("live", "with"), ("sit", "next", "to"), ("be", "around"), ("be", "near"),
         ("share", "a", "street", "with"), ("move", "next", "to"), ("work", "with"), ("rent", "to"))
_REFUSERS = (("nobody",), ("noone",), ("no", "one"), ("who",), ("anyone",), ("never",))
_REFUSE_FILL = frozenset(["wants", "want", "would", "will", "could", "can", "ever", "in", "their", "right", "mind",
                          "honestly", "really", "to", "stand", "bear", "like", "likes", "choose", "chooses", "i'd", "id",
                          "i", "want", "wanna", "with", "any", "sense", "reason", "a", "is", "there", "that", "why",
                          "the", "reason"])
_KIDS = (("my", "kids"), ("my", "children"), ("my", "daughter"), ("my", "son"), ("my", "family"), ("our", "kids"),
         ("our", "children"))


def _group_ends_clause(toks: list[str], clause: list[int], gi: int, end: int) -> bool:
    return end >= len(toks) or clause[end] != clause[gi] or toks[end] in ("anymore", "ever", "again", "lol", "on", "in", "at", "here", "there")


def nearness_refused(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the nearness verb refused before the group; -1 if none."""
    if not _group_ends_clause(toks, clause, gi, end):
        return -1
    for j in range(max(0, gi - 7), gi):
        size = seq_at(toks, j, _NEAR)
        if not size or not _bridged(toks, j + size, gi, _DETS, most=2):
            continue
        lead = [k for k in range(max(0, j - 8), j) if clause[k] == clause[j]]
        refuser = next((k for k in lead if seq_at(toks, k, _REFUSERS)), -1)
        if refuser < 0 or not _bridged(toks, refuser + 1 + (toks[refuser] == "no"), j, _REFUSE_FILL, most=7):
            continue
        if toks[refuser] in ("who", "anyone") and not any(t in ("would", "could", "can", "wants") for t in toks[max(0, refuser - 2) : j]):
            continue  # "anyone who lives near X knows ...": a description, not a refusal
        if any(neg[k] for k in range(refuser + 1, j)):
            continue  # "nobody doesn't want to ...": too tangled to read
        if refuser > 0 and toks[refuser - 1] in ("whether", "if"):
            continue  # "the study asked whether anyone would live near X": a question reported, no refusal
        return j
    return -1


# --- decline_on_arrival -------------------------------------------------------------------------------------------
_WHEN = (("whenever",), ("when",), ("every", "time"), ("once",), ("as", "soon", "as"), ("after",))
_ARRIVE = frozenset(["move", "moves", "moved", "show", "shows", "come", "comes", "arrive", "arrives", "settle",
                     "settles", "turn", "turns", "take", "appear", "appears", "start", "get"])
_DECLINE = (("crime", "goes", "up"), ("crime", "go", "up"), ("crime", "rises"), ("crime", "rates", "go", "up"),
            ("crime", "rate", "goes", "up"), ("crime", "skyrockets"), ("crime", "soars"), ("crime", "follows"),
            ("prices", "drop"), ("prices", "fall"), ("values", "drop"), ("values", "fall"), ("prices", "go", "down"),
            ("values", "go", "down"), ("goes", "downhill"), ("go", "downhill"), ("went", "downhill"),
            ("goes", "to", "hell"), ("go", "to", "hell"), ("goes", "to", "shit"), ("falls", "apart"),
            ("fall", "apart"), ("the", "rot", "sets", "in"), ("standards", "drop"), ("standards", "slip"))


def decline_on_arrival(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the decline that follows the group's arrival; -1 if none."""
    n = len(toks)
    if not any(seq_at(toks, j, _WHEN) and _bridged(toks, j + seq_at(toks, j, _WHEN), gi, _DETS, most=2)
               for j in range(max(0, gi - 4), gi)):
        return -1
    k = end + (end < n and toks[end] in ("just", "all", "finally"))
    if k >= n or toks[k] not in _ARRIVE:
        return -1
    window = [m for m in range(max(0, gi - 12), min(n, end + 14)) if abs(clause[m] - clause[gi]) <= 1]
    for m in window:
        size = seq_at(toks, m, _DECLINE)
        if size and not any(neg[max(0, m - 3) : m + size]):
            return m
    return -1


# --- guarded_valuables --------------------------------------------------------------------------------------------
_GUARD = (("check", "my", "wallet"), ("check", "your", "wallet"), ("hold", "my", "purse"), ("hold", "on", "to", "my"),
          ("hide", "your", "valuables"), ("hide", "my", "valuables"), ("hide", "the", "silverware"),
          ("count", "the", "spoons"), ("count", "your", "spoons"), ("count", "the", "silverware"),
          ("lock", "your", "car"), ("lock", "my", "car"), ("clutch", "my", "bag"), ("clutch", "my", "purse"),
          ("lock", "up", "your", "valuables"), ("watch", "your", "wallet"), ("watch", "your", "pockets"),
          ("check", "my", "pockets"), ("hide", "your", "wallet"), ("keep", "an", "eye", "on", "your", "wallet"))


def guarded_valuables(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the guarding phrase in the group's sentence (the clause before, its own or the next); -1 if none."""
    for m in range(max(0, gi - 12), min(len(toks), end + 12)):
        if abs(clause[m] - clause[gi]) > 1:
            continue
        if seq_at(toks, m, _GUARD) and not any(neg[max(0, m - 3) : m]):
            return m
    return -1


# --- disastrous_rule ----------------------------------------------------------------------------------------------
_IN_CHARGE = (("in", "charge"), ("running",), ("leading",), ("in", "power"), ("in", "government"), ("as", "leaders"),
              ("as", "bosses"), ("in", "office"), ("at", "the", "top"))
_DISASTER = (("recipe", "for", "disaster"), ("disaster",), ("catastrophe",), ("nightmare",), ("joke",),
             ("train", "wreck"), ("trainwreck",), ("shitshow",))


def disastrous_rule(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the disaster word said of the group in charge; -1 if none."""
    n = len(toks)
    size = seq_at(toks, end, _IN_CHARGE) if end < n else 0
    if not size:
        return -1
    for m in range(end + size, min(n, end + size + 8)):
        if toks[m] in ("is", "would", "will", "means", "was") and not any(neg[m : m + 3]):
            for k in range(m + 1, min(n, m + 5)):
                if seq_at(toks, k, _DISASTER):
                    return k
    return -1


# --- unfit_for_children -------------------------------------------------------------------------------------------
_PLACES = frozenset(["street", "neighbourhood", "neighborhood", "area", "town", "city", "school", "estate", "block",
                     "building", "country", "class", "classroom", "suburb", "village", "road"])
_RAISE = frozenset(["raise", "bring", "send", "let", "take", "put", "want"])


def unfit_for_children(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the children phrase when a place full of the group is refused for them; -1 if none."""
    if gi < 2 or toks[gi - 1] not in ("of", "with") or toks[gi - 2] not in ("full", "filled", "packed"):
        return -1
    if not any(toks[k] in _PLACES for k in range(max(0, gi - 5), gi - 2)):
        return -1
    n = len(toks)
    for m in range(end, min(n, end + 12)):
        if seq_at(toks, m, _KIDS) and any(t in _RAISE for t in toks[max(end, m - 4) : m]) and \
                any(neg[k] or toks[k] in ("never",) for k in range(end, m)):
            return m
    return -1


# --- weapon_threat ------------------------------------------------------------------------------------------------
_PURSUE = (("go", "after"), ("going", "after"), ("come", "after"), ("coming", "after"), ("hunt", "down"),
           ("hunt",), ("chase",), ("chase", "down"), ("visit",), ("pay", "a", "visit", "to"), ("round", "up"),
           ("deal", "with"), ("greet",), ("meet",), ("welcome",))
_WEAPONS = frozenset(["bat", "bats", "knife", "knives", "gun", "guns", "machete", "machetes", "club", "clubs",
                      "crowbar", "crowbars", "pitchfork", "pitchforks", "torches", "axe", "axes", "hammer", "hammers",
                      "rifle", "rifles", "bullets", "bricks", "chains", "shotgun", "shotguns", "pipes"])
_WEAPON_FILL = frozenset(["baseball", "our", "my", "some", "a", "the", "big", "loaded", "sharp", "iron", "lead",
                          "cricket", "golf", "their", "few", "kitchen"])
_BLOW = (("a", "knife", "in"), ("a", "knife", "to"), ("a", "bullet", "in"), ("a", "bullet", "to"),
         ("a", "bullet", "through"), ("a", "brick", "through"), ("a", "boot", "in"), ("a", "bat", "to"),
         ("my", "fist", "in"), ("a", "fist", "in"), ("a", "blade", "in"), ("lead", "in"))
_RECEIVE = frozenset(["get", "gets", "getting", "catch", "catches", "earn", "earns", "receive"])


# a harm made to befall the group ("i'm going to make every X suffer"), one it needs ("X like you need a good
# beating"), a building burnt with the group inside
_INTENT = frozenset(["will", "gonna", "going", "i'll", "we'll", "ill", "let's", "lets", "should", "must", "shall",
                     "want", "wanna", "to"])
_SUFFER = frozenset(["suffer", "bleed", "scream", "beg", "regret", "disappear", "vanish", "cry", "hurt", "squeal",
                     "weep", "pay"])
_MAKE_BRIDGE = _DETS | frozenset(["every", "last", "one", "single", "in", "this", "town", "country", "city", "here",
                                  "damn", "fucking", "filthy", "of"])
_BLOWS = frozenset(["beating", "kicking", "hiding", "thrashing", "slap", "punch", "whipping", "lynching", "bullet",
                    "shoeing", "kicking", "smack"])
_BURN = frozenset(["burn", "torch", "bomb", "firebomb", "blow"])


def _made_to_suffer(toks: list[str], gi: int, end: int) -> int:
    n = len(toks)
    j = next((k for k in range(max(0, gi - 3), gi) if toks[k] in ("make", "making") and
              _bridged(toks, k + 1, gi, _MAKE_BRIDGE, most=2)), -1)
    if j < 0 or not _INTENT & set(toks[max(0, j - 3) : j]):
        return -1
    m = end
    while m < n and m - end < 4 and toks[m] in _MAKE_BRIDGE:
        m += 1
    if m < n and toks[m] in _SUFFER and (toks[m] != "pay" or m + 1 >= n or toks[m + 1] in ("for", "dearly")):
        return j
    return -1


def _blow_needed(toks: list[str], gi: int, end: int) -> int:
    n = len(toks)
    k = end + 2 if toks[end : end + 2] in (["like", "you"], ["like", "them"], ["like", "that"]) else end
    if k < n and toks[k] in ("need", "needs", "deserve", "deserves"):
        for m in range(k + 1, min(n, k + 5)):
            if toks[m] in _BLOWS:
                return m
    return -1


def _burnt_inside(toks: list[str], neg: list[bool], gi: int, end: int) -> int:
    n = len(toks)
    if end >= n or toks[end] not in ("inside", "in", "still") or toks[gi - 1 : gi] != ["with"] and \
            toks[gi - 2 : gi - 1] != ["with"]:
        return -1
    j = next((k for k in range(max(0, gi - 10), gi) if toks[k] in _BURN), -1)
    return j if j >= 0 and _INTENT & set(toks[max(0, j - 3) : j]) and not any(neg[max(0, j - 3) : j]) else -1


def weapon_threat(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """Index of the pursuit or the blow at the group; -1 if none."""
    n = len(toks)
    for found in (_made_to_suffer(toks, gi, end), _blow_needed(toks, gi, end), _burnt_inside(toks, neg, gi, end)):
        if found >= 0 and not any(neg[max(0, found - 3) : found]):
            return found
    for j in range(max(0, gi - 5), gi):
        size = seq_at(toks, j, _PURSUE)
        if size and _bridged(toks, j + size, gi, _DETS, most=2) and not any(neg[max(0, j - 3) : j]):
            for m in range(end, min(n, end + 3)):
                if toks[m] == "with" and any(toks[k] in _WEAPONS for k in range(m + 1, min(n, m + 4)))\
                        and _bridged(toks, m + 1, next(k for k in range(m + 1, n) if toks[k] in _WEAPONS),
                                     _WEAPON_FILL, most=2):
                    return j
    for m in range(end, min(n, end + 14)):
        if seq_at(toks, m, _BLOW) and m > 0 and (toks[m - 1] in _RECEIVE or toks[m - 2 : m] == ["will", "get"]) \
                and toks[m - 1] not in ("got",) and not any(neg[max(0, m - 4) : m]):
            return m
    return -1


# --- needed_no_more ------------------------------------------------------------------------------------------------
_NEED_SUBJECTS = frozenset(["we", "country", "town", "city", "nation", "britain", "england", "america", "europe",
                            "society", "anyone", "anybody", "world", "uk", "us"])
_NEED_INTENSE = frozenset(["really", "even", "honestly", "seriously", "truly"])


def needed_no_more(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int, asked: bool) -> int:
    """"do we really need more X?", "we don't need any more X (here)": index of "need"; -1 if none."""
    if gi < 2:
        return -1
    k = gi - 1
    while k > 0 and toks[k] in ("more", "any", "even", "the", "these", "those", "of", "all"):
        k -= 1
    if toks[k] != "need" or not {"more", "any"} & set(toks[k + 1 : gi]):
        return -1
    if end < len(toks) and toks[end] in _HARMED:
        return -1  # "we don't need any more refugees dying in the Channel": harm to the group refused
    lead = toks[max(0, k - 4) : k]
    if not _NEED_SUBJECTS & set(lead):
        return -1
    negated = any(neg[max(0, k - 3) : k])
    questioned = asked and any(t in ("do", "does", "why") for t in lead) and (_NEED_INTENSE & set(lead) or
                                                                               "any" in toks[k + 1 : gi])
    return k if negated or questioned else -1


# --- pointless_question -------------------------------------------------------------------------------------------
_POINT = (("what's", "the", "point", "of"), ("whats", "the", "point", "of"), ("what", "is", "the", "point", "of"),
          ("what", "even", "is", "the", "point", "of"), ("what's", "even", "the", "point", "of"),
          ("what", "use", "are"), ("what", "good", "are"))


def pointless_question(toks: list[str], clause: list[int], gi: int, end: int) -> int:
    """"what's the point of X?" with the group ending the clause: index of the question's first word; -1 if none."""
    if not _group_ends_clause(toks, clause, gi, end) or (end < len(toks) and toks[end] in ("in", "on", "at")):
        return -1
    for j in range(max(0, gi - 7), gi):
        size = seq_at(toks, j, _POINT)
        if size and _bridged(toks, j + size, gi, _DETS, most=2):
            return j
    return -1


# --- too_many_hated -----------------------------------------------------------------------------------------------
_HATE = (("hate",), ("hates",), ("despise",), ("loathe",), ("detest",), ("can't", "stand"), ("cannot", "stand"),
         ("cant", "stand"), ("dislike",), ("sick", "of"), ("tired", "of"), ("fed", "up", "with"))
_MANY = (("so", "many"), ("too", "many"), ("more", "and", "more"), ("all", "these"), ("all", "those"))
_MANY_FILL = frozenset(["that", "there", "are", "is", "how", "it", "seeing", "having", "we", "have", "now", "here",
                        "the", "fact", "when", "see", "i"])


_SUFFER_TAIL = frozenset(["without", "in", "are", "who", "that", "have", "being", "still", "living", "dying", "homeless",
                          "hungry", "poor", "killed", "hurt", "left", "stuck", "forced", "on", "at", "under",
                          # harm done to the group: "so many X persecuted abroad", "more X drowned" (review s28b)
                          "persecuted", "displaced", "murdered", "jailed", "abused", "attacked", "targeted", "harassed",
                          "oppressed", "injured", "trapped", "detained", "imprisoned", "evicted", "deported",
                          "drowned", "drowning", "starving", "suffering", "struggling"])


_HARMED = _SUFFER_TAIL - {"without", "in", "are", "who", "that", "have", "being", "still", "on", "at", "under", "left"}


def too_many_hated(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"i hate that there are so many X here", "sick of seeing more and more X": index of the hate word; -1 if
    none (not negated: "i don't hate that ...")."""
    m = next((k for k in range(max(0, gi - 3), gi) if (size := seq_at(toks, k, _MANY)) and k + size == gi), -1)
    if m < 0 or (end < len(toks) and (toks[end].endswith("ing") or toks[end] in _SUFFER_TAIL)):
        return -1  # "... so many X suffering", "... so many X without homes": for them
        return -1
    for j in range(max(0, m - 7), m):
        size = seq_at(toks, j, _HATE)
        if size and _bridged(toks, j + size, m, _MANY_FILL, most=5) and not any(neg[max(0, j - 3) : j]):
            return j
    return -1


# --- belonging_denied ----------------------------------------------------------------------------------------------
_REAL = frozenset(["real", "true", "proper", "actual", "genuine"])
_BELONGING = frozenset(["women", "men", "woman", "man", "citizens", "citizen", "members", "humans", "americans",
                        "britons", "brits", "english", "patriots", "parents", "mothers", "fathers", "neighbours",
                        "neighbors", "part"])
_DENYING = frozenset(["not", "never", "aren't", "arent", "isn't", "isnt", "won't", "wont", "can't", "cant", "cannot",
                      "will", "are", "is", "be", "ever", "can", "could", "and", "never"])


def belonging_denied(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int) -> int:
    """"X aren't real women", "X will never be real members of this society": index of the qualifier; -1 if none.
    The group is the subject; a negation, then "real" and a noun of belonging."""
    n = len(toks)
    k = end
    while k < n and k - end < 4 and toks[k] in _DENYING:
        k += 1
    if k + 1 < n and toks[k] in _REAL and toks[k + 1] in _BELONGING and any(neg[end:k]) and \
            sum(neg[end:k]) == 1:
        return k
    return -1


def readings(toks: list[str], neg: list[bool], clause: list[int], gi: int, end: int, asked: bool = False) -> list[int]:
    """Evidence words of the implicit readings above for the group at ``gi`` .. ``end``."""
    found = [nearness_refused(toks, neg, clause, gi, end), decline_on_arrival(toks, neg, clause, gi, end),
             guarded_valuables(toks, neg, clause, gi, end), disastrous_rule(toks, neg, clause, gi, end),
             unfit_for_children(toks, neg, clause, gi, end), needed_no_more(toks, neg, clause, gi, end, asked),
             pointless_question(toks, clause, gi, end), too_many_hated(toks, neg, clause, gi, end),
             belonging_denied(toks, neg, clause, gi, end)]
    return [j for j in found if j >= 0]

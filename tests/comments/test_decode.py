"""Decoding generalises: none of these words or disguises occur in the seed page."""

from __future__ import annotations

import pytest

from storytrace.comments._decode import Decoder, damerau1
from storytrace.comments._lexicon import load_lexicon, phonetic_key


@pytest.fixture(scope="module")
def decoder():
    return Decoder(load_lexicon(known_words=frozenset(["news", "few", "new", "guy", "troops", "were", "wore"])))


@pytest.mark.parametrize("text,span,decoded,kind", [
    ("those m0zl3ms again", "m0zl3ms", "muslim", "leetspeak"),
    ("typical mυslims", "mυslims", "muslims", "homoglyph"),
    ("all the f a g s", "f a g s", "fags", "inserted_spaces"),
    ("what a f*cking joke", "f*cking", "fucking", "inserted_symbols"),
    ("you stuuuupid mooooron", "mooooron", "moron", "repeated_letters"),
    ("sh1t", "sh1t", "shit", "leetspeak"),
    ("i hate wmoen", "wmoen", "women", "misspelling"),
    ("muzlimz everywhere", "muzlimz", "muslim", "misspelling"),
    ("the kremlim lies", "kremlim", "kremlin", "misspelling"),
    ("trumpler strikes again", "trumpler", "trump+hitler", "blend"),
    ("go back to yankeestan", "yankeestan", "america", "compound"),
    ("i hate blackpeople", "blackpeople", "black people", None),
])
def test_decode_generalises(decoder, text, span, decoded, kind):
    found, hits = decoder.decode(text)
    got = {d.span: d for d in found}
    if kind is None:  # plain lexicon hit (deleted space is indexed)
        assert any(t.text == decoded for _, _, t in hits)
        return
    assert span in got, [d.as_dict() for d in found]
    assert got[span].decoded == decoded
    assert kind in got[span].kind
    assert text[got[span].start : got[span].end] == span


@pytest.mark.parametrize("text", ["the news today", "a few new troops were sent", "that guy wore a hat", "2020 was 10x worse"])
def test_decode_leaves_ordinary_words(decoder, text):
    found, _ = decoder.decode(text)
    assert found == []


@pytest.mark.parametrize("a,b,same", [("jooz", "jews", True), ("ghey", "gay", True), ("phaggot", "faggot", True),
                                      ("news", "jews", False)])
def test_phonetic_key(a, b, same):
    assert (phonetic_key(a) == phonetic_key(b)) is same


@pytest.mark.parametrize("a,b,ok", [("jewsa", "jews", True), ("wmoen", "women", True), ("abc", "xyz", False),
                                    ("wmen", "women", True), ("woomen", "women", True), ("wmn", "women", False)])
def test_damerau1(a, b, ok):
    assert damerau1(a, b) is ok


@pytest.mark.parametrize("text,fuzzy_span,script_span", [
    ("ceci est un commentaire sur la famille, sh1t", "ceci", "sh1t"),
    ("la serie agli esso f*cking", "agli", "f*cking"),
])
def test_decode_without_fuzzy_keeps_script_level_only(decoder, text, fuzzy_span, script_span):
    # English spelling rules read foreign words as slurs ("ceci" sounds like "kike"); fuzzy=False is for
    # comments in other languages and keeps only disguises that do not depend on English spelling
    with_fuzzy = {d.span for d in decoder.decode(text)[0]}
    without = {d.span for d in decoder.decode(text, fuzzy=False)[0]}
    assert fuzzy_span in with_fuzzy and fuzzy_span not in without
    assert script_span in without


@pytest.mark.parametrize("text,word", [("we queers are here", "queers"), ("those kikes", "kikes")])
def test_decode_plural_is_not_a_disguise(decoder, text, word):
    decoded, hits = decoder.decode(text)
    assert word not in {d.span for d in decoded}
    assert word in {text[s:e] for s, e, _ in hits}


def test_clitics_are_spelling_not_disguise():
    from storytrace.comments._rules import analyse

    lex = load_lexicon(known_words=frozenset(["they", "the", "team"]))
    old, new = Decoder(lex), Decoder(lex, clitics=True)
    found, _ = old.decode("the women's team")
    assert [(d.decoded, d.kind) for d in found] == [("women", "inserted_symbols")]  # revision 3.1 and before
    found, hits = new.decode("the women's team")
    assert found == [] and [t.text for _, _, t in hits] == ["women"]
    assert new.decode("they've gone and it doesn't matter")[0] == []
    a = analyse("the women's football final sold out", new)
    assert "women" in a.groups and not a.disguised_groups and not a.attack
    assert analyse("fag's", new).slurs  # a slur with a clitic is still a slur
    assert analyse("w0men's brains are too small", new).disguised_groups  # a disguise keeps its clitic


def test_names_and_truncations_are_not_disguises():
    # revision 3.3 (``names``): a capitalised name that only sounds like a slur or a hostile word is a name, and a
    # word is not a disguise of a longer word it begins; the older reading stays for the older models
    lex = load_lexicon(known_words=frozenset(["came", "where", "money", "visited"]))
    old, new = Decoder(lex, clitics=True), Decoder(lex, clitics=True, names=True)
    for text, word in [("Lisa visited Kent", "Lisa"), ("Lisa visited Kent", "Kent"), ("Nike came by", "Nike"),
                       ("where do you hide the money", "hide")]:
        assert word in {d.span for d in old.decode(text)[0]}
        assert word not in {d.span for d in new.decode(text)[0]}
    # a capitalised sound-alike of a group's name is still a disguise; so are edits and leetspeak of a slur
    assert [d.term.group for d in new.decode("the Jooz again")[0]] == ["jews"]
    assert {d.decoded for d in new.decode("Muzlimz everywhere")[0]} == {"muslim"}
    assert {d.decoded for d in new.decode("those K1kes")[0]} == {"kikes"}
    assert {d.decoded for d in new.decode("stupid Morron")[0]} == {"moron"}  # one edit, not only a sound
    assert new.decode("Hamas fired rockets again")[0] == []  # a political entity of the lexicon, not "homo"


def test_sikhs_are_a_group_not_a_disguise():
    from storytrace.comments._rules import analyse

    dec = Decoder(load_lexicon(), clitics=True, names=True)
    a = analyse("The Sikhs in our town run a free kitchen", dec)
    assert a.decoded == [] and "sikhs" in a.groups and not a.attack


def test_frequent_real_words_are_not_disguises():
    # revision 3.4 (``freq``): a word at least as frequent as a Zipf floor and well above a term is a real word
    # ("homes" 4.7 is not "homos" 2.3); rare spellings still decode, and the older reading stays for older models
    from storytrace.comments._lexicon import load_word_frequencies

    lex = load_lexicon(known_words=frozenset(["the", "came", "again", "those", "everywhere"]))
    old = Decoder(lex, clitics=True, names=True)
    new = Decoder(lex, clitics=True, names=True, freq=load_word_frequencies(), freq_floor=3.0, freq_margin=0.5)
    for word in ("homes", "chunk", "spies", "regarded", "chunks"):
        assert old.decode(word)[0], word  # one edit from a slur: revision 3.3 decoded it
        assert new.decode(f"the {word} again")[0] == [], word
    for text, decoded in [("the jooz again", "jew"), ("z10n1st", "zionist"), ("so ghey", "gay"),
                          ("those fagots", "faggot"), ("those k1kes", "kikes"), ("jewsa everywhere", "jews"),
                          ("muzlimz everywhere", "muslim"), ("stupid morron", "moron")]:
        assert decoded in {d.decoded for d in new.decode(text)[0]}, text
    # a word a term inflects is still read as the term ("criminal" / "criminals"), whatever its frequency
    assert new._real("criminal", lex.terms["criminals"]) is False
    assert new._real("homes", lex.terms["homos"]) is True


def test_word_frequency_table_covers_the_lexicon():
    # rebuild with training/build_word_frequencies.py after the lexicon changes
    from storytrace.comments._lexicon import load_word_frequencies

    table, lex = load_word_frequencies(), load_lexicon()
    slurs = [t.text for t in lex.terms.values() if t.kind == "slur" and " " not in t.text and t.text.isalpha()]
    missing = [s for s in slurs if s not in table]
    assert not missing, missing
    assert 0 < table["homos"] < table["homes"]
    assert table.get("fagots", 0.0) < 2.5  # rare: a disguise of "faggots"


def test_shipped_model_reads_frequent_words_as_themselves(model):
    # the shipped model (revision 3.4 on) decodes with word frequencies
    assert model.meta.get("decode_freq") and model.decoder.freq is not None
    for text in ("my homes are chunky", "a chunk of the spies", "they regarded it"):
        assert model.decoder.decode(text)[0] == [], text
    for text, decoded in [("the jooz", "jew"), ("z10n1st", "zionist"), ("so ghey", "gay"), ("those fagots", "faggot"),
                          ("those k1kes", "kikes")]:
        assert decoded in {d.decoded for d in model.decoder.decode(text)[0]}, text


def _context_decoder(known: frozenset[str] = frozenset()) -> Decoder:
    from storytrace.comments._lexicon import load_word_frequencies

    return Decoder(load_lexicon(known_words=known), clitics=True, names=True, freq=load_word_frequencies(),
                   freq_floor=2.5, freq_margin=0.5, context_floor=2.0)


@pytest.mark.parametrize("text,word", [
    ("i love to cook pasta", "cook"), ("a fairly good article", "fairly"), ("you were rewarded for that", "rewarded"),
    ("that is slang for money", "slang"), ("nigh on ten years", "nigh"), ("he was tardy again", "tardy"),
    ("the skunk got in the bins", "skunk"), ("burn the dead foliage", "foliage"),
])
def test_common_real_words_need_a_hostile_comment(text, word):
    # revision 3.5 (``context_floor``): a common word that fuzzy decoding could read as a term (by sound or one
    # edit) is itself in a comment that is not hostile elsewhere; the same word without the check is decoded
    from storytrace.comments._lexicon import load_word_frequencies

    lex = load_lexicon(known_words=frozenset())
    without = Decoder(lex, clitics=True, names=True, freq=load_word_frequencies(), freq_floor=2.5, freq_margin=0.5)
    with_context = _context_decoder()
    if word != "foliage":  # not near a term at all: a control
        assert word in {d.span for d in without.decode(text)[0]}, text
    assert word not in {d.span for d in with_context.decode(text)[0]}, text


@pytest.mark.parametrize("text,word,decoded", [
    ("you fucking rewarded idiot", "rewarded", "retarded"),  # a swear word and an insult written out
    ("the jooz cook up lies", "cook", "cock"),  # another disguise makes the comment hostile
])
def test_common_real_words_in_a_hostile_comment_still_decode(text, word, decoded):
    got = {d.span: d.decoded for d in _context_decoder().decode(text)[0]}
    assert got.get(word) == decoded, got


@pytest.mark.parametrize("text,decoded", [
    ("the jooz own the banks", "jew"), ("jewsa everywhere", "jews"), ("love to the ghey couple", "gay"),
    ("z10n1st media", "zionist"), ("those k1kes", "kikes"), ("those fagots", "faggot"), ("vladolf again", "vlad"),
    ("the krimlin says", "kremlin"), ("hatemuslims club", "hate muslims"),
])
def test_disguises_decode_without_a_hostile_context(text, decoded):
    # rare or unseen spellings are not common words: they decode in any comment ("ukro" is a lexicon slur)
    got = [d.decoded for d in _context_decoder().decode(text)[0]]
    assert any(decoded in g for g in got), got
    assert [t.text for _, _, t in _context_decoder().decode("ukro soldiers")[1]] == ["ukro"]


@pytest.mark.parametrize("text,word", [
    ("i ordered a cheeseburger", "cheeseburger"), ("rhubarb and custard", "custard"),
    ("she bought a leotard", "leotard"), ("homophones are fun", "homophones"), ("the transaction failed", "transaction"),
    ("a nutcracker", "nutcracker"),
])
def test_compounds_are_words_not_deleted_spaces(model, text, word):
    # revision 3.5: a word wordfreq has seen (Zipf >= 1.5) is not split into a group name or slur and another word;
    # with the model's known words ("cheese", "nut") the decoder without the check splits it
    known = model.lexicon.known_words
    assert word not in {d.span for d in _context_decoder(known).decode(text)[0]}
    assert word in {d.span for d in Decoder(load_lexicon(known_words=known), clitics=True, names=True).decode(text)[0]}


def test_compounds_with_a_swear_word_or_two_terms_still_split(model):
    # swear words and hostile words keep their sense in compounds more often than not ("bullshit"), so those
    # splits stay (known cost: "cocktail", "therapists"); a compound of two terms is still read ("fucktards")
    dec = _context_decoder(model.lexicon.known_words)
    assert {d.decoded for d in dec.decode("total batshit")[0]} == {"bat shit"}
    assert {d.decoded for d in dec.decode("those fucktards")[0]} == {"fuck tards"}


def test_shipped_model_reads_common_words_in_context(model):
    # the shipped model (revision 3.5 on) decodes with the context check and keeps compounds whole
    assert model.decoder.context_floor is not None
    for text in ("i love to cook pasta", "a fairly good article", "you were rewarded for that",
                 "that is slang for money", "i ordered a cheeseburger"):
        assert model.decoder.decode(text)[0] == [], text
    scores = model.score(["i ordered a cheeseburger", "that is slang for money"], ["en", "en"])
    assert all(s["scores"]["identity_attack"] < 0.5 for s in scores), scores

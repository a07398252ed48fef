"""Session 28 (harden), item 1: a Western text saved in the DOS code page cp850 is read as cp850, not as the Baltic
DOS page cp775 the detector ties it with ("Crue ģ Évreux" for "Crue à Évreux", box lines as other signs)."""

from __future__ import annotations

from storytrace.ingest.encoding import decode_bytes

FRENCH = ("Crue à Évreux : 300 habitants évacués\n\n"
          + "De fortes pluies ont inondé la ville d'Évreux lundi, et 300 habitants ont été évacués vers des abris, "
            "ont déclaré les autorités mardi. " * 3)
GERMAN_TABLE = ("Hochwasser in Görlitz: Pegelstände steigen\n\n"
                + "Die Behörden in Görlitz meldeten am Montag, dass die Neiße über die Ufer getreten ist. Straßen "
                  "wurden gesperrt, Schüler blieben zu Hause. " * 2
                + "\n┌──────────┬────────┐\n│ Messstelle │ Pegel │\n├──────────┼────────┤\n"
                  "│ Görlitz  │ 5,80 m │\n│ Zittau   │ 4,10 m │\n└──────────┴────────┘\n")
SPANISH = ("Inundación en Córdoba: cientos de vecinos evacuados\n\n"
           + "Las lluvias torrenciales anegaron el lunes varios barrios de Córdoba; según el ayuntamiento, más de "
             "trescientas personas pasaron la noche en albergues. " * 3)


def test_french_text_in_cp850_is_read_as_cp850():
    decoded = decode_bytes(FRENCH.encode("cp850"))
    assert decoded.text == FRENCH
    assert decoded.encoding == "cp850"


def test_german_text_with_a_box_drawn_table_in_cp850_keeps_its_letters_and_lines():
    decoded = decode_bytes(GERMAN_TABLE.encode("cp850"))
    assert decoded.text == GERMAN_TABLE


def test_spanish_text_in_cp850_is_read_as_cp850():
    assert decode_bytes(SPANISH.encode("cp850")).text == SPANISH


def test_the_same_texts_in_windows_1252_are_still_read_as_windows_1252():
    for text in (FRENCH, SPANISH):
        decoded = decode_bytes(text.encode("cp1252"))
        assert decoded.text == text and decoded.encoding == "cp1252"

from hypothesis import given
from hypothesis import strategies as st

from bot.text import fold, normalise_typography


def test_typography_variants_are_unified():
    # spaces around quotation marks go, so « x » and "x" compare equal
    assert normalise_typography("l’OTAN — « la paix »\u00a0!") == 'l\'OTAN -"la paix"!'
    assert normalise_typography("« la paix »") == normalise_typography('"la paix"')
    assert normalise_typography("a \n\t b…") == "a b..."


def test_typography_keeps_letters_and_accents():
    assert normalise_typography("Azerbaïdjan œuvre") == "Azerbaïdjan œuvre"


def test_fold_removes_accents_case_and_punctuation():
    assert fold("États-Unis") == "etats unis"
    assert fold("Türkiye") == "turkiye"
    assert fold("Manœuvres") == "manoeuvres"
    assert fold("Douma d’État") == "douma d etat"


@given(st.text())
def test_normalisation_is_idempotent(text):
    once = normalise_typography(text)
    assert normalise_typography(once) == once


@given(st.text())
def test_fold_yields_only_ascii_words(text):
    folded = fold(text)
    assert all(ch.isascii() and (ch.isalnum() or ch == " ") for ch in folded)
    assert "  " not in folded

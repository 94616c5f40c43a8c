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


def test_counts_agree_and_group_thousands_as_french_does():
    from bot.text import count

    assert count(0, "accord") == "0 accord"
    assert count(1, "événement") == "1 événement"
    assert count(2, "événement") == "2 événements"
    assert count(999, "article") == "999 articles"
    assert count(5000, "article") == "5\u202f000 articles"
    assert count(1_234_567, "citation") == "1\u202f234\u202f567 citations"

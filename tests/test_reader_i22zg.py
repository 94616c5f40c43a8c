"""Issue 22, classes of the eleventh blind set's misses (pass i22zg), on cases of our own over
the frozen five-article base (``tests/fixtures/five``):

- a short follow-up pointing back with a demonstrative (« cette signature ») after a search
  stays on the subject just shown, even when the noun names no line of it; « rendu (cette
  signature) publique » is read « annoncé » with its object kept (``questions``, ``idioms``).
"""

from __future__ import annotations

from bot.engine.idioms import without_idioms
from bot.engine.index import Index
from bot.engine.questions import follow_up
from bot.engine.thread import Asked
from tests.chat import TODAY, chat
from tests.chat import reply_text as _text


def test_made_public_with_its_object_between_is_read_announced():
    assert without_idioms("qui a rendu ce plan public ?") == "qui a annoncé ce plan ?"
    assert without_idioms("qui a rendu publique la signature ?") == "qui a annoncé la signature ?"
    assert "publique" in without_idioms("la liste rendue très longue et publique")


def test_a_short_pointing_follow_up_after_a_search_stays_on_its_subject(five_base):
    index = Index(five_base)
    searched = Asked("/cherche plan defense londres", "/cherche plan defense londres")
    for asked in ("qui était présent à ce sommet ?", "qui a rendu cette signature publique ?"):
        found = follow_up(index, asked, searched, TODAY)
        assert found is not None and found.said.startswith("suite de"), asked
    # a long question pointing back keeps its own words: it stands alone
    long = "quels domaines couvre ce plan de coopération signé entre les deux pays cette année ?"
    assert follow_up(index, long, searched, TODAY) is None


def test_a_pointed_follow_up_keeps_the_subject_in_a_chat(five_base):
    first, reply = chat(
        five_base,
        "Quel texte de défense Bakou a-t-il conclu avec Londres, et pour quelle durée ?",
        "Qui a rendu ce document public ?",
    )
    assert "Royaume-Uni" in _text(first)
    text = _text(reply)
    assert "suite de" in text
    assert "britannique" in text and "Zatulin" not in text

"""Issue 22, phone readers of the seventh blind set, point 1: a fact-check on a wrong premise
gets a frank « Non : d'après l'article, … » on top, the value taken from the quote shown right
below; « Oui » when the quote says all that is asked; and no « Non » the quote does not prove.
Cases of our own on the frozen five-article base (``tests/fixtures/five``)."""

from __future__ import annotations

from bot.engine.fact_check import contradicted, fact_check_set_aside
from bot.engine.reply import Para, Quote, QuoteGroup, Reply
from tests.chat import chat
from tests.chat import reply_text as _text


def _top(reply: Reply) -> str:
    first = reply.blocks[0]
    return first.text if isinstance(first, Para) else ""


def _quotes(reply: Reply) -> list[str]:
    found: list[str] = []
    for block in reply.blocks:
        if isinstance(block, Quote):
            found.append(block.text)
        elif isinstance(block, QuoteGroup):
            found.extend(quote.text for _, quote in block.quotes)
    return found


def test_the_frame_of_a_fact_check_is_set_aside_and_the_claim_asked_yes_or_no():
    assert fact_check_set_aside("c'est vrai que le sommet a réuni 40 pays ?") == (
        "Le sommet a réuni 40 pays ?",
        True,
    )
    assert fact_check_set_aside(
        "Ma cheffe écrit que le traité est signé à Riga, c'est exact ?"
    ) == (
        "Le traité est signé à Riga ?",
        True,
    )
    said, checked = fact_check_set_aside(
        "Dans la dépêche c'est écrit que X a signé. Je peux laisser ?"
    )
    assert checked and said == "X a signé ?"
    said, checked = fact_check_set_aside("le sommet a réuni 40 pays ? une consœur écrit 40")
    assert checked and said == "Le sommet a réuni 40 pays ?"
    # a speaker named in the question is what is asked about, never a frame
    assert fact_check_set_aside("le ministre a dit que le traité était signé ?")[1] is False
    assert fact_check_set_aside("qui a signé le traité ?") == ("qui a signé le traité ?", False)


def test_a_different_value_of_the_same_slot_is_said_from_the_quote():
    quote = "En mars, la ministre a inauguré à Gdansk le nouveau port militaire."
    assert contradicted("la ministre a inauguré le port militaire en mai ?", quote) == (
        "Non : d'après l'article, « En mars », pas en mai."
    )
    assert contradicted("la ministre a inauguré le port militaire à Riga ?", quote) == (
        "Non : d'après l'article, « à Gdansk », pas « à Riga »."
    )
    counted = "La conférence a rassemblé plus de 60 délégations."
    assert contradicted("la conférence a rassemblé plus de 90 délégations ?", counted) == (
        "Non : d'après l'article, « plus de 60 délégations », pas plus de 90 délégations."
    )


def test_no_non_the_quote_does_not_prove():
    quote = "En mars, la ministre a inauguré à Gdansk le nouveau port militaire."
    # another subject: the quote's month says nothing of the treaty
    assert contradicted("le traité a été ratifié en mai ?", quote) == ""
    # the asked value is the quote's
    assert contradicted("la ministre a inauguré le port militaire en mars ?", quote) == ""
    # « 90 délégations » over « plus de 60 »: may be right, no « Non »
    counted = "La conférence a rassemblé plus de 60 délégations."
    assert contradicted("la conférence a rassemblé 90 délégations ?", counted) == ""


def test_wrong_place_of_a_signing_gets_a_frank_non_on_top(five_base):
    (reply,) = chat(
        five_base,
        "Ma collègue écrit que l'accord avec les États-Unis a été signé à Washington, c'est "
        "juste ?",
    )
    assert _top(reply) == "Non : d'après l'article, « à Bakou », pas « à Washington »."
    assert any("à Bakou" in quote for quote in _quotes(reply))


def test_wrong_month_and_wrong_count_get_a_frank_non(five_base):
    (month,) = chat(
        five_base, "c'est vrai qu'Aliyev a dit en juillet qu'il préparait le pays à la guerre ?"
    )
    assert _top(month).startswith("Non : d'après l'article, « En août »"), _text(month)
    assert any(quote.startswith("En août") for quote in _quotes(month))
    (count,) = chat(
        five_base,
        "c'est vrai que le forum de Bakou 2025 a réuni plus de 100 pays ? un confrère écrit 100",
    )
    assert _top(count).startswith("Non : d'après l'article, « plus de 80 pays »"), _text(count)


def test_membership_asked_of_a_partner_is_corrected_from_the_line_s_quote(five_base):
    from bot.engine.cards import visible

    (reply,) = chat(
        five_base,
        "Dans le papier c'est écrit que l'Azerbaïdjan est membre de l'OTAN. Je peux laisser ?",
    )
    top = reply.blocks[0]
    assert isinstance(top, Para) and top.text.startswith("Non : d'après l'article, « membre du")
    below = reply.blocks[1]
    if isinstance(below, Quote):  # moved right below when the screen holds it
        assert below.open and "membre du programme" in below.text
    else:  # else the « Non » names the line whose quote says it
        number = int(top.text.split("citation de la ligne ")[1].split()[0])
        groups = [b for b in reply.blocks if isinstance(b, QuoteGroup)]
        assert any(
            n == number and "membre du programme" in q.text for g in groups for n, q in g.quotes
        )
    assert visible(list(reply.blocks)) <= 1200  # the first-screen rule


def test_a_later_quote_saying_non_moves_open_right_under_it():
    from bot.engine.questions import _frank_no
    from bot.engine.reply import Item

    other = Quote("Le pays a noué des liens avec l'Alliance en 1992.", "source")
    member = Quote("Le pays est devenu membre du programme Horizon de l'Alliance.", "source")
    reply = Reply((Item("1994", "Le pays et l'Alliance", 1), QuoteGroup(((1, other), (1, member)))))
    said = _frank_no(reply, "le pays est membre de l'OTAN ?")
    assert said is not None
    top, below = said.blocks[0], said.blocks[1]
    assert isinstance(top, Para) and top.text == (
        "Non : d'après l'article, « membre du programme Horizon de l'Alliance », pas membre de "
        "l'OTAN."
    )
    assert isinstance(below, Quote) and below.open and below.text == member.text
    groups = [b for b in said.blocks if isinstance(b, QuoteGroup)]
    assert all(q.text != member.text for g in groups for _, q in g.quotes)  # shown once


def test_a_true_claim_gets_no_non(five_base):
    for question in (
        "c'est vrai que l'accord avec les États-Unis a été signé à Bakou ?",
        "le forum de Bakou 2025 a réuni 100 pays ?",  # « plus de 80 »: may be right
    ):
        (reply,) = chat(five_base, question)
        assert not any(isinstance(b, Para) and b.text.startswith("Non") for b in reply.blocks), (
            question
        )


def test_a_follow_up_typed_without_accents_is_asked_yes_or_no(five_base):
    _, reply = chat(
        five_base, "qui était à la réunion avec l'OTAN ?", "et la france ils etaient la ?"
    )
    assert any(isinstance(b, Para) and b.text.startswith("Oui") for b in reply.blocks), _text(reply)

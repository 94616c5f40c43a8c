"""Issue 22, phone readers of the seventh blind set, point 2: a short follow-up asking a slot
(where next, function, theme, what he says of X, how many) of the subject just shown is
answered from that subject's passages (its entry, its quotes, its article's next sentence),
never by a fresh search or the same view again; courtesy (« Merci. », « s'il vous plaît »,
« pourriez-vous me dire ») is no word to search and never breaks the thread. Cases of our own
on the frozen five-article base (``tests/fixtures/five``)."""

from __future__ import annotations

from bot.engine.courtesy import without_courtesy
from bot.engine.detail import asked_detail
from bot.engine.reply import Para, Quote, QuoteGroup, Reply
from tests.chat import chat
from tests.chat import reply_text as _text

FORUM = "à quelle date s'est ouvert le Forum international de sécurité de Bakou en 2025 ?"
ZATULIN = "qui a dit que l'Azerbaïdjan et la Turquie ont « une armée et un commandement communs » ?"


def _open_quotes(reply: Reply) -> list[str]:
    return [b.text for b in reply.blocks if isinstance(b, Quote)]


def _all_quotes(reply: Reply) -> list[str]:
    found = _open_quotes(reply)
    for block in reply.blocks:
        if isinstance(block, QuoteGroup):
            found.extend(quote.text for _, quote in block.quotes)
    return found


def _understood(reply: Reply) -> str:
    return next(
        b.text for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Compris")
    )


def test_courtesy_is_set_aside_and_a_message_of_courtesy_alone_is_kept():
    assert without_courtesy("Merci. Combien de délégations y étaient, s'il vous plaît ?") == (
        "Combien de délégations y étaient ?"
    )
    assert without_courtesy("Bonjour, pourriez-vous me dire qui préside le sommet ?") == (
        "Qui préside le sommet ?"
    )
    assert without_courtesy("merci !") == "merci !"
    assert without_courtesy("et FR ? plan def aussi ?") == "et FR ? plan def aussi ?"


def test_a_polite_follow_up_keeps_the_thread(five_base):
    _, reply = chat(five_base, FORUM, "Merci. Combien de pays y ont participé, s'il vous plaît ?")
    assert _understood(reply).startswith("Compris : suite de"), _text(reply)
    assert any("plus de 80" in quote for quote in _open_quotes(reply)), _text(reply)
    assert "plaît" not in _text(reply)


def test_the_theme_of_this_edition_is_the_subject_s_theme_not_the_same_view(five_base):
    first, reply = chat(five_base, FORUM, "Et quel était le thème officiel de cette édition ?")
    quotes = _open_quotes(reply)
    assert quotes and "prévention des conflits" in quotes[0], _text(reply)
    assert "thème" in _understood(reply)  # the slot asked, said as understood
    assert not any(isinstance(b, Para) and b.text.startswith("Chronologie") for b in reply.blocks)
    assert _text(reply) != _text(first)


def test_where_next_after_a_place_is_the_article_s_next_step(five_base):
    assert asked_detail("et après Makhatchkala ça part où ?").after == "makhatchkala"
    *_, reply = chat(
        five_base,
        "combien de tonnes en novembre ?",
        "et à partir de décembre ?",
        "et après Makhatchkala ça part où ?",
    )
    quotes = _open_quotes(reply)
    assert quotes and "vers Novorossiysk" in quotes[0], _text(reply)


def test_his_function_is_read_from_the_subject_s_passages(five_base):
    for follow_up in ("il a quelle fonction exactement ce monsieur ?", "et sa fonction ?"):
        _, reply = chat(five_base, ZATULIN, follow_up)
        assert any(
            "premier vice-président de la commission de la CEI" in quote
            for quote in _open_quotes(reply)
        ), (follow_up, _text(reply))
        assert "Zatulin" in _understood(reply)


def test_what_he_says_of_a_topic_is_the_subject_s_quote_naming_it(five_base):
    _, reply = chat(five_base, "zatulin c qui", "il dit quoi sur azerbaidjan et turkey")
    assert _understood(reply).startswith("Compris : suite de"), _text(reply)
    quotes = _open_quotes(reply)
    assert quotes and "commandement communs" in quotes[0], _text(reply)


def test_where_typed_without_accent_is_no_yes_no_question(five_base):
    from bot.engine.yesno import verdict_set_aside

    assert verdict_set_aside("Vers ou ce pétrole sera-t-il redirigé ?")[1] is False
    assert verdict_set_aside("le pétrole sera-t-il redirigé ou exporté ?")[1] is True
    _, reply = chat(
        five_base,
        "à partir de quelle date Lukoil cessera-t-il de fournir du pétrole à l'Azerbaïdjan ?",
        "Vers ou ce pétrole sera-t-il redirigé ?",
    )
    assert not any(isinstance(b, Para) and b.text.startswith("Oui") for b in reply.blocks)
    assert any("vers Makhatchala" in quote for quote in _open_quotes(reply)), _text(reply)


def test_his_words_word_for_word_are_the_ones_in_quotation_marks(five_base):
    from bot.engine.detail import _speaks

    assert _speaks("« Nous n'accepterons aucune menace », a-t-il dit.")
    assert not _speaks("une « nouvelle unité spéciale de surveillance » dans le Caucase")
    _, reply = chat(
        five_base,
        "Aliyev a dit en août qu'il préparait le pays à la guerre ?",
        "il a dit quoi mot pour mot ?",
    )
    quotes = _open_quotes(reply)
    assert quotes and "« Nous déconseillons" in quotes[0], _text(reply)
    assert not any("En août, Aliyev annonça" in quote for quote in quotes)  # a paraphrase


def test_when_an_act_was_done_is_the_act_s_date_not_its_object_s(five_base):
    from bot.engine.detail import Detail, Found, _act_dated

    asked = Detail("quand", "la date", act="sign")
    dated = Found(
        "Selon le journal, le 4 mai, les deux ministres ont signé un pacte pour 2030.", "s", None
    )
    assert _act_dated(asked, [dated]) == "le 4 mai, les deux ministres ont signé"
    undated = Found("Les deux ministres ont signé un pacte pour 2030.", "s", None)
    assert _act_dated(asked, [undated]) == ""
    _, reply = chat(five_base, "manoeuvres OTS prevues en 2026 ?", "proposé par qui et quand")
    top = reply.blocks[0]
    assert isinstance(top, Para) and "début octobre, le président azéri a proposé" in top.text
    assert not any(
        isinstance(b, Para) and b.text.startswith("Les articles ne donnent pas le jour exact")
        for b in reply.blocks
    ), _text(reply)


def test_where_it_goes_instead_is_the_subject_s_destination(five_base):
    for follow_up in ("ça part où ?", "il part où à la place ?"):
        _, reply = chat(five_base, "lukoil bakou quand", follow_up)
        assert "où" in _understood(reply), (follow_up, _text(reply))
        assert any("vers Makhatchala" in quote for quote in _open_quotes(reply)), (
            follow_up,
            _text(reply),
        )

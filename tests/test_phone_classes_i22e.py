"""Issue 22, sixth pass (the classes the phone readers of the fifth blind set reported), on
the frozen five-article base (``tests/fixtures/five``), with questions of our own:

1. follow-ups: a follow-up asked in two questions (« et le montant ? combien … dans ce
   deal ? », « signé par qui ? ministre ou à quel niveau ? ») answers the detail its first
   question asks, of the subject just shown; a longer one pointing back (« cet accord ») too;
   a rank (« c'est le combientième ? »), the act's own date (« proposé quand ? »: the whole
   sentence when the quote was cut before it), the next edition, « pourquoi ? » (what the
   article writes just before, never called the reason);
2. frank absences: no amount invested, nobody who presided, no next edition, no signatory of
   a text only « approuvé » — said on top with what was searched, then the nearest facts; never
   when the articles say it (« les deux pays ont signé »); a footnote is never an answer;
3. yes/no: « Oui, d'après … » over the line of a list or a card whose quote states every word
   asked — never over a proposal, a forecast or an attribution the question lacks, never when
   a word asked (« membre ») is missing; « en cours de finalisation » answers « signés ? »;
   « oui non », « yes/no » are yes/no tags, « jusqu'où » asks a place;
4. the answer on top: a detail named of an agreement's card (« priorités du plan … ») opens on
   the sentence naming it; « quels domaines ? » lists what the talks bore on;
5. reading: « lieu », « canal », « titre », « objet », « but » are read as the aspect asked,
   never « laissé de côté », its sentence on top; « depuis quand » of a pair finds when the
   link began (« depuis 1992 »); « sur le plan militaire » names no plan; « les États-Unis »
   never reads as the states present;
6. first messages: a detail answer shows the subject's next line only when it fits.
"""

from __future__ import annotations

from datetime import date

from bot.engine.index import Index
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from tests.chat import chat as _chat
from tests.chat import reply_text as _text
from tests.conftest import FIVE  # noqa: F401  (the base the fixtures load)

TODAY = date(2026, 12, 6)


def _opening(reply: Reply) -> str:
    first = reply.blocks[0]
    assert isinstance(first, Para)
    return first.text


def _open_quotes(reply: Reply) -> list[str]:
    return [block.text for block in reply.blocks if isinstance(block, Quote) and block.open]


# 1. a follow-up in two questions asks the detail of its first one


def test_a_cost_asked_then_rephrased_is_said_missing_of_the_subject(five_base):
    card, cost = _chat(
        five_base,
        "accord de partenariat avec les États-Unis",
        "et le budget ? combien de dollars sont prévus dans ce texte ?",
    )
    assert cost.blocks != card.blocks
    assert _opening(cost).startswith("Les articles ne donnent pas le coût")
    assert "États-Unis" in _text(cost)


def test_who_signed_then_rephrased_names_the_signatories_of_the_subject(five_base):
    _, who = _chat(
        five_base,
        "plan de défense avec le Royaume-Uni, pour quelle période ?",
        "signé par qui ? un ministre ou quelqu'un d'autre ?",
    )
    assert any("ministères de la Défense" in quote for quote in _open_quotes(who))
    assert "États-Unis" not in _text(who)


def test_a_second_question_naming_another_country_starts_afresh(five_base):
    _, other = _chat(
        five_base,
        "accord de partenariat avec les États-Unis",
        "et le coût ? et celui avec le Royaume-Uni ?",
    )
    assert "Royaume-Uni" in _text(other)


# 5. aspects asked are read, and their sentence goes on top


def test_objet_of_a_memorandum_is_read_and_its_purpose_is_on_top(five_base):
    (reply,) = _chat(five_base, "objet du mémorandum avec la Turquie ?")
    assert "Laissé de côté" not in _text(reply)
    quotes = [block for block in reply.blocks if isinstance(block, Quote)]
    assert quotes and "visant à renforcer leur sécurité militaire mutuelle" in quotes[0].text
    assert not reply.fold_quotes


def test_canal_titre_lieu_are_never_left_aside(five_base):
    for question in (
        "sur quel canal le plan avec le Royaume-Uni a-t-il été annoncé ?",
        "à quel titre la Hongrie est-elle dans l'OTS ?",
        "lieu de signature de l'accord avec les États-Unis ?",
        "dans quel but la feuille de route cyber ?",
    ):
        (reply,) = _chat(five_base, question)
        text = _text(reply)
        assert "Laissé de côté" not in text, question
        for word in ("canal", "titre", "lieu", "« but"):
            assert f"« {word.strip('« ')} »" not in text, (question, word)


def test_a_folded_page_opens_the_sentence_giving_the_aspect_asked(five_base):
    # a status asked of a page whose line does not say it: the sentence saying it opens on top
    from bot.engine.group_answer import answer_opened
    from bot.engine.passage import asked_aspects, carries

    assert asked_aspects("à quel titre la Hongrie ?") == ["titre"]
    assert asked_aspects("sur quel canal ?") == ["canal"]
    assert asked_aspects("objet du MoU ?") == ["objet"]
    assert carries("titre", "La Hongrie en est devenue membre observateur en 2018")
    assert carries("canal", "a indiqué la représentation sur le réseau social X.")
    assert carries("objet", "un mémorandum d'entente visant à renforcer leur sécurité")
    assert not carries("objet", "Le 21 septembre 2025, Bakou a ouvert son forum.")
    index = Index(five_base)
    from bot.engine.commands import answer

    page = answer(index, "/timeline Turquie mémorandums d'entente", TODAY)
    opened = answer_opened(index, page, "dans quel but, ce mémorandum avec la Turquie ?")
    shown = [b for b in opened.blocks if isinstance(b, Quote) and b.open]
    assert shown and "visant à" in shown[0].text
    assert not opened.fold_quotes


# 3. yes/no questions answered by a list or a card get « Oui » on top, only when settled


def test_a_yes_no_answered_by_a_list_says_oui_over_the_stating_quote(five_base):
    (reply,) = _chat(five_base, "la Grèce était présente à la réunion avec l'OTAN ?")
    said = [b for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Oui")]
    assert said, _text(reply)
    at = reply.blocks.index(said[0])
    assert isinstance(reply.blocks[at + 1], Item)  # right over the line it stands on
    assert at < min(n for n, b in enumerate(reply.blocks) if isinstance(b, (Quote, QuoteGroup)))


def test_no_oui_when_a_word_asked_is_not_in_the_quote(five_base):
    # « membre » is asked: the quotes say the country joined a council and a partnership
    for question in (
        "l'Azerbaïdjan est membre de l'OTAN ?",
        "l'Italie était présente à la réunion avec l'OTAN ?",
    ):
        (reply,) = _chat(five_base, question)
        oui = [b for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Oui")]
        assert not oui, question


def test_no_oui_over_a_proposal_a_forecast_or_an_attribution():
    from bot.engine.yes_on_top import yes_on_top

    proposed = Quote(
        "le président a proposé que les pays membres mènent des manoeuvres en 2026", "x", "s"
    )
    line = Item("2026", "Manœuvres proposées", ref=0, entry="e")
    reply = Reply((Para("Compris : …", "note"), line, proposed))
    assert yes_on_top(reply, "les pays membres mènent des manoeuvres en 2026 ?") is reply
    plain = Quote("les pays membres ont mené des manoeuvres en 2026", "x", "s")
    said = yes_on_top(Reply((line, plain)), "les pays membres ont mené des manoeuvres en 2026 ?")
    assert isinstance(said.blocks[0], Para) and said.blocks[0].text.startswith("Oui")


# 5. reading: « depuis quand » asks when a link began; « yes/no » is no Norway


def test_depuis_quand_of_a_pair_finds_when_the_link_began(five_base):
    # the date is in the organisation's card (« relations … depuis 1992 »), not a search hit
    for question in ("azerbaidjan otan depuis quand", "depuis quand l'Azerbaïdjan et l'OTAN ?"):
        (reply,) = _chat(five_base, question)
        assert "1992" in _text(reply), question
        assert "depuis 2009" not in _text(reply), question
        assert "« depuis »" not in _text(reply), question


def test_yes_no_tags_are_set_aside_never_read_as_a_country(five_base):
    from bot.engine.yesno import verdict_set_aside

    assert verdict_set_aside("Bakou a stoppé le pétrole russe ? yes/no") == (
        "Bakou a stoppé le pétrole russe ?",
        True,
    )
    (reply,) = _chat(five_base, "Bakou a bien arrêté les importations de pétrole russe ? yes/no")
    assert "Norvège" not in _text(reply) and "norvege" not in _text(reply)


# 1. follow-ups: the act's own date, a longer question pointing back, a rank


def test_when_proposed_shows_the_whole_sentence_with_the_acts_date(five_base):
    # the quote starts at « le président azéri a proposé … »; the article's sentence opens on
    # « Notamment, début octobre, »: asked « quand ? », that date is the answer
    _, when = _chat(five_base, "manoeuvres de l'OTS prévues en 2026", "proposé quand ?")
    shown = " ".join(_open_quotes(when))
    assert "début octobre" in shown, _text(when)
    assert "mènent des manoeuvres militaires conjointes en 2026" in shown


def test_a_longer_follow_up_pointing_back_asks_its_detail(five_base):
    listed, who = _chat(
        five_base,
        "quoi de neuf entre bakou et washington ?",
        "qui a signé cet accord avec aliyev côté américain ?",
    )
    assert who.blocks != listed.blocks
    assert any("JD Vance" in quote for quote in _open_quotes(who))


def test_a_rank_asked_after_the_forum_gives_its_edition_or_says_it_missing(five_base):
    _, rank = _chat(five_base, "forum de Bakou", "c'est le combientième ?")
    assert any("3ᵉ Forum" in quote for quote in _open_quotes(rank)), _text(rank)
    assert "son rang" in _text(rank)
    _, none = _chat(
        five_base, "plan de défense avec le Royaume-Uni", "c'est la quantième édition ?"
    )
    assert _opening(none).startswith("Les articles ne donnent pas le rang")


# 2. a frank absence of what is asked: an amount invested, who presided


def test_how_much_invested_is_said_missing_when_no_amount_is_given(five_base):
    (reply,) = _chat(five_base, "les USA investissent combien en Azerbaïdjan ?")
    assert _opening(reply).startswith("Les articles ne donnent pas le coût")


def test_who_presided_is_said_missing_and_what_was_searched(five_base):
    (reply,) = _chat(five_base, "qui présidait le forum de Bakou ?")
    opening = _opening(reply)
    assert opening.startswith("Les articles ne disent pas qui présidait")
    assert "sous la présidence de" in opening  # what was searched
    assert any("3ᵉ Forum" in quote for quote in _open_quotes(reply))  # then what they say


def test_who_presided_never_takes_a_title_for_the_office(five_base):
    from bot.engine.detail import Detail, _gives

    index = Index(five_base)
    office = Detail("office", "qui présidait", "présidait")
    assert not _gives(index, office, "Le président Ilham Aliyev a ouvert le forum.")
    assert _gives(index, office, "La session, présidée par Ilham Aliyev, a réuni les délégations.")


def test_the_next_edition_asked_is_said_missing_not_the_last_one_again(five_base):
    forum, following = _chat(
        five_base, "forum de Bakou, c'était quel jour ?", "et le prochain, il est prévu quand ?"
    )
    assert following.blocks != forum.blocks
    assert _opening(following).startswith("Les articles ne donnent pas de date pour une prochaine")


def test_who_signed_a_text_never_said_signed_is_said_missing(five_base):
    _, who = _chat(five_base, "la feuille de route cyber approuvée au forum ?", "signée par qui ?")
    assert _opening(who).startswith("Les articles ne donnent pas de signataire")
    # « les deux pays ont signé »: the articles say it signed; no absence is claimed
    _, signed = _chat(five_base, "mémorandum avec la Turquie", "signé par qui ?")
    assert "Les articles ne" not in _text(signed)
    assert any("ont récemment signé" in quote for quote in _open_quotes(signed))


def test_a_footnote_reference_is_never_the_answer(five_base):
    _, who = _chat(
        five_base,
        "qui a servi de médiateur entre l'Arménie et l'Azerbaïdjan en août 2025 ?",
        "et par qui côté arménien ?",
    )
    assert not any(quote.lstrip().startswith("(2)") for quote in _open_quotes(who)), _text(who)


# 3. yes/no tags


def test_oui_non_at_the_end_is_a_yes_no_tag():
    from bot.engine.yesno import verdict_set_aside

    assert verdict_set_aside("aze veut entrer dans l otan oui non") == (
        "aze veut entrer dans l otan",
        True,
    )


def test_jusqu_ou_asks_a_place_not_yes_or_no():
    from bot.engine.yesno import asked_as_statement

    assert not asked_as_statement("le pipeline depuis le daghestan il va jusqu'ou ?")
    assert asked_as_statement("le pipeline va jusqu'à Novorossiisk ?")


def test_oui_over_a_long_open_quote_keeps_it_as_shown(five_base):
    (reply,) = _chat(five_base, "les Pays-Bas étaient présents à la réunion avec l'OTAN ?")
    said = [b for b in reply.blocks if isinstance(b, Para) and b.text.startswith("Oui")]
    assert said
    after = reply.blocks[reply.blocks.index(said[0]) + 1 :]
    first_quote = next(b for b in after if isinstance(b, Quote))  # the first: shown unfolded
    assert "des Pays-Bas" in first_quote.text
    assert not any(isinstance(b, Quote) for b in reply.blocks[: reply.blocks.index(said[0])])


def test_a_quel_moment_asks_when_of_the_subject(five_base):
    _, when = _chat(
        five_base, "qu'est-ce qui est prévu en 2026 ?", "les manœuvres, proposées à quel moment ?"
    )
    assert any("début octobre" in quote for quote in _open_quotes(when)), _text(when)


def test_signed_asked_of_a_text_in_finalisation_is_answered_not_yet():
    from bot.engine.verdicts import otherwise

    said = otherwise(
        "les accords UE-Inde sont signés ?",
        "Des accords sont en cours de finalisation pour développer la coopération.",
    )
    assert said.startswith("ils le disent « en cours de finalisation »")
    assert not otherwise(
        "les accords sont signés ?", "Des accords en cours de finalisation ont été signés."
    )


def test_sur_le_plan_militaire_names_no_plan(five_base):
    from bot.engine.idioms import without_idioms

    assert without_idioms("ce qui lie Bakou et Ankara sur le plan militaire ?") == (
        "ce qui lie Bakou et Ankara militaire ?"
    )
    assert without_idioms("le plan de défense avec Londres") == "le plan de défense avec Londres"
    (reply,) = _chat(
        five_base, "qu'est-ce qui lie l'Azerbaïdjan et la Turquie sur le plan militaire ?"
    )
    assert "Royaume-Uni" not in _text(reply)
    assert "Turquie" in _text(reply)


# 4. the answer on top: a detail named of an agreement answered by its card


def test_a_named_detail_of_an_agreement_card_opens_on_its_sentence(five_base):
    (reply,) = _chat(five_base, "priorités du plan de défense britannique ?")
    quotes = _open_quotes(reply)
    assert quotes and "priorités partagées" in quotes[0], _text(reply)
    assert "formation militaire" in quotes[0]


def test_pourquoi_shows_what_the_article_writes_just_before_never_calls_it_the_reason(five_base):
    _, why = _chat(
        five_base,
        "Lukoil arrête de fournir du pétrole à l'Azerbaïdjan à partir de quand ?",
        "et pourquoi ?",
    )
    text = _text(why)
    assert "Ce que l'article écrit juste avant, pour le contexte :" in text
    assert "ne donnent pas" not in text  # a reason needs no « parce que »: never said missing
    assert any("sanctions contre Moscou" in quote for quote in _open_quotes(why))
    assert "parce que" not in text and "raison :" not in text


def test_quels_domaines_lists_what_the_talks_bore_on_after_the_sentence_naming_them(five_base):
    (reply,) = _chat(five_base, "l'accord avec les États-Unis porte sur quels domaines ?")
    quotes = _open_quotes(reply)
    assert "intelligence artificielle" in quotes[0]  # the sentence naming « domaines » first
    assert any("infrastructures énergétiques" in quote for quote in quotes[1:]), _text(reply)


# 6. first messages: a detail answer shows the subject's next line only when it fits


def test_a_detail_answer_keeps_its_first_message_near_one_screen(five_base):
    from bot.render.html import render_html, visible_length

    for chat in (
        ("qui dirigeait la délégation de l'OTAN reçue par Aliyev ?",),
        ("Lukoil arrête de fournir du pétrole à partir de quand ?", "et pourquoi ?"),
    ):
        reply = _chat(five_base, *chat)[-1]
        assert visible_length(render_html(reply)[0]) <= 1000, chat


def test_les_etats_unis_never_reads_as_the_states_present():
    from bot.engine.detail import asked_detail

    detail = asked_detail("l'accord avec les États-Unis, lequel est venu d'abord ?")
    assert detail is None or detail.kind != "presents"
    found = asked_detail("quels États étaient présents ?")
    assert found is not None and found.kind == "presents"


def test_a_plan_asked_when_shows_the_acts_own_date(five_base):
    (reply,) = _chat(five_base, "manœuvres OTS prévues en 2026 : qui les a proposées et quand ?")
    quotes = [b.text for b in reply.blocks if isinstance(b, Quote)]
    assert quotes and "début octobre" in quotes[0], _text(reply)
    (plain,) = _chat(five_base, "qu'est-ce qui est prévu en 2026 ?")  # no « quand »: as cut
    assert not any("Notamment" in b.text for b in plain.blocks if isinstance(b, Quote))


def test_c_qui_les_membres_after_a_plan_lists_the_organisations_members(five_base):
    _, members = _chat(five_base, "qu'est-ce qui est prévu en 2026 ?", "c qui les membres ?")
    shown = " ".join(_open_quotes(members))
    assert "Kazakhstan" in shown and "Ouzbékistan" in shown, _text(members)
    assert "ses membres" in _text(members)


def test_a_chronology_asked_politely_of_a_pair_is_that_pairs_timeline(five_base):
    from bot.engine.idioms import without_idioms

    assert without_idioms(
        "tu peux me faire une chronologie depuis le début jusqu'à aujourd'hui"
    ) == ("une chronologie")
    (reply,) = _chat(
        five_base,
        "tu peux me faire une chronologie des relations azerbaïdjan-OTAN depuis le début "
        "jusqu'a aujourd'hui stp",
    )
    assert "Compris : chronologie" in _text(reply)
    lines = [b for b in reply.blocks if isinstance(b, Item)]
    assert lines and lines[0].label.startswith("1992")


def test_no_oui_over_a_stop_or_a_ban_the_question_does_not_ask_about():
    from bot.engine.yes_on_top import _settles

    stopped = (
        "Pour répondre aux demandes de sanctions contre Moscou, l'Azerbaïdjan a arrêté ses "
        "importations de pétrole russe et a interdit aux pétroliers russes d'utiliser le port de "
        "Bakou."
    )
    assert not _settles(stopped, "est-ce que Bakou importe encore du pétrole russe ?")
    assert not _settles(stopped, "l'Azerbaïdjan importe du pétrole russe ?")
    only = "l'Azerbaïdjan a arrêté ses importations de pétrole russe."
    assert _settles(only, "l'Azerbaïdjan a arrêté d'importer du pétrole russe ?")
    assert not _settles(stopped, "l'Azerbaïdjan a arrêté d'importer du pétrole russe ?")


def test_pourquoi_of_a_search_adds_the_next_sentence_when_it_gives_a_reason(five_base):
    (reply,) = _chat(five_base, "pourquoi le Kremlin est irrité par le rapprochement avec l'OTAN ?")
    texts = [b.text for b in reply.blocks if isinstance(b, (Para, Quote))]
    at = texts.index("Ce que l'article écrit juste après, pour le contexte :")
    assert "la raison principale" in texts[at + 1] and "Ukraine" in texts[at + 1]
    (plain,) = _chat(five_base, "le Kremlin est irrité par le rapprochement avec l'OTAN")
    assert "pour le contexte" not in _text(plain)  # only when « pourquoi » is asked

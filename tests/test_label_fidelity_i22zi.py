"""Issue 22, fidelity of labels, dates and attributions (outside phone readers of the twelfth
blind set): each test fails on the code before its fix, on the frozen five-article base or a
copy of it."""

from __future__ import annotations

import re

from bot.content.model import Event, FactBase
from bot.engine.common import attribution, brief_when, other_article, when
from bot.engine.reply import Quote
from tests.chat import chat, reply_text
from tests.conftest import ContentCopy

ARMY = (
    "Le vice-président a toutefois souligné que l'Azerbaïdjan et la Turquie partagent de fait "
    "« une armée et un commandement communs, une alliance militaro-politique », ce qui rend "
    "cette situation peu surprenante."
)

DOUMA = (
    "La Douma d'État a réagi à cet événement. Selon Konstantin Zatulin, premier vice-président "
    "de la commission de la CEI"
)

ZATULIN_OLD = """    label: "Aliyev reconnaît une défense indépendante des intérêts russes\""""

ZATULIN_SPLIT = """  - id: zatulin-armee-commune-az-tr
    label: "L'Azerbaïdjan et la Turquie ont de fait une armée et un commandement communs"
    date: "2025-11-06"
    date_label: rapporté le 6 novembre 2025
    date_basis: rapporté
    date_anchor: otan-delegation
    date_note: Le propos n'est pas daté ; l'article qui le rapporte est daté du 6 novembre 2025.
    type: declaration
    actors: [RU, douma, AZ, TR]
    topics: [defense]
    hedge: selon Konstantin Zatulin
    summary: >-
      Réaction de la Douma d'État : Konstantin Zatulin, premier vice-président de la
      commission de la CEI, souligne que l'Azerbaïdjan et la Turquie partagent de fait « une
      armée et un commandement communs, une alliance militaro-politique », ce qui rend selon
      lui cette situation peu surprenante.
    evidence:
      - source: otan-delegation
        key: true
        quote: "{ARMY}"
      - source: otan-delegation
        key: true
        quote: "{DOUMA}"

  - id: lukoil-novembre-2025""".replace("{ARMY}", ARMY).replace("{DOUMA}", DOUMA)

ZATULIN_SECOND_QUOTE = """
      - source: otan-delegation
        key: true
        quote: "{ARMY}"

  - id: lukoil-novembre-2025""".replace("{ARMY}", ARMY)


def test_a_reprint_says_where_it_comes_from(five_base: FactBase) -> None:
    """The Belgium Times page ends with « Source: europeantimes.news »: every citation of it
    says it is a reprint, and a source without ``relayed_from`` says nothing of the kind."""
    for source in five_base.sources.values():
        cited = attribution(source)
        if source.relayed_from:
            assert f"repris de {source.relayed_from}" in cited
        else:
            assert "repris de" not in cited
    (reply,) = chat(five_base, "accord de partenariat stratégique avec Washington")
    cited = [block.attribution for block in reply.blocks if isinstance(block, Quote)]
    assert "The Belgium Times, repris de europeantimes.news, article non daté" in cited


def test_a_reported_date_has_one_wording(five_base: FactBase) -> None:
    """« rapporté le 6 novembre 2025 (non daté ; date de l'article du 6 novembre 2025) » read
    as dated and undated at once: a date that is only the reporting article's says so once,
    and never « non daté » of what it dates."""
    reported = [
        entry
        for entry in five_base.entries()
        if isinstance(entry, Event)
        and entry.date_basis == "rapporté"
        and not entry.date_text
        and entry.date is not None
    ]
    assert reported
    for entry in reported:
        shown = when(five_base, entry)
        assert "non daté" not in shown
        assert shown.endswith("(date de l'article ; l'événement n'y est pas daté)"), shown
        short = brief_when(five_base, entry, 10)  # a heading's or a button's short form
        assert short.endswith(", non de l'événement)"), short


def test_an_article_reference_is_never_in_french_quotes(five_base: FactBase) -> None:
    """The editors' name of an untitled article is the bot's words: never between « », which
    reads as the article's own (« Phrase d'un autre article (« L'Azerbaïdjan, l'OTAN et
    l'OTS », non daté) »)."""
    notes = [
        other_article(five_base, entry, item.source)
        for entry in five_base.entries()
        for item in entry.evidence
    ]
    notes = [note for note in notes if note]
    assert notes
    for note in notes:
        assert "«" not in note and "réf. :" in note


def test_the_understood_subject_is_not_put_in_french_quotes(five_base: FactBase) -> None:
    """« Compris : « Pendant la visite qui a précédé … » — son objet »: the subject line is the
    bot's own summary, shown without « », so that it never passes for a quote."""
    (reply,) = chat(
        five_base,
        "c'est quoi ce nouvel accord entre l'Azerbaïdjan et les États-Unis ? ça change quoi "
        "concrètement pour eux ?",
    )
    first = reply_text(reply)
    understood = re.search(r"Compris : (.*?) — son objet", first)
    assert understood is not None, first
    assert "«" not in understood.group(1)


def test_a_speakers_other_claim_answers_before_any_absence(copy: ContentCopy) -> None:
    """Zatulin's own words (« une armée et un commandement communs ») split from what he says
    Aliyev recognised: « et il dit quoi de l'axe Bakou–Ankara ? » after the first finds them
    in his other entry (same ``hedge``), never « Les citations de ce sujet ne parlent pas »."""
    copy.edit("events.yaml", ZATULIN_OLD, ZATULIN_OLD.replace("reconnaît", "a reconnu"))
    copy.edit("events.yaml", ZATULIN_SECOND_QUOTE, "\n\n" + ZATULIN_SPLIT)
    base = copy.load()
    _, reply = chat(
        base,
        "Réaction russe à la rencontre OTAN : qui s'est exprimé à la Douma ?",
        "et il dit quoi de l'axe Bakou–Ankara ?",
    )
    text = reply_text(reply)
    assert "ne parlent pas" not in text
    assert "une armée et un commandement communs" in text


def test_a_period_asked_is_not_confirmed_by_a_plan_of_another_period(five_base: FactBase) -> None:
    """« le plan … porte sur 2025-2026 ? »: the plan « pour 2026/27 » is found by its signing
    date (2025), and the list says on top that its period is another one, never seeming to
    confirm the period asked; a period that is the plan's own says nothing of the kind."""
    (reply,) = chat(five_base, "/accord 2025-2026 Royaume-Uni")
    text = reply_text(reply)
    note = "couvre la période 2026 – 2027, pas 2025-2026"
    assert note in text
    assert text.index(note) < text.index("Azerbaïdjan et Royaume-Uni")
    (same,) = chat(five_base, "/accord 2026-2027 Royaume-Uni")
    assert "pas 2026-2027" not in reply_text(same)


def test_a_theme_asked_reads_as_a_theme(five_base: FactBase) -> None:
    """« Accords — août 2025 · … · paix · signés » read as « a peace treaty signed » (the
    agreement engages a peace process): a topic of the filter is titled as a theme."""
    (reply,) = chat(five_base, "/accord paix")
    title = reply_text(reply)
    assert "thème paix" in title
    assert "· paix ·" not in title


def test_who_after_a_passage_names_the_person(copy: ContentCopy) -> None:
    """« C'est qui, ce Zatulin ? » after an answer about his words: the sentence naming him
    (« Selon Konstantin Zatulin, premier vice-président de la commission de la CEI »), even
    when it was shown just before — a new sentence naming nobody (« Le vice-président a
    toutefois souligné … ») is no answer to « qui »."""
    copy.edit("events.yaml", ZATULIN_SECOND_QUOTE, "\n\n" + ZATULIN_SPLIT)
    base = copy.load()
    *_, reply = chat(
        base,
        "Comment la Douma a-t-elle commenté le rapprochement avec Ankara ?",
        "C'est qui, ce Zatulin ?",
    )
    assert "premier vice-président de la commission de la CEI" in reply_text(reply)


def test_which_day_asks_a_date_and_never_searches_day(five_base: FactBase) -> None:
    """« Le forum, il s'est ouvert quel jour ? »: « quel jour » asks a date; « jour » is not
    searched (it found « l'ordre du jour » of the NATO meeting, whose date was then given as
    the forum's). The forum's own date answers."""
    (reply,) = chat(five_base, "Le forum, il s'est ouvert quel jour ?")
    text = reply_text(reply)
    assert "21 septembre 2025" in text.split("Aussi")[0]
    assert "OTAN" not in text.split("Aussi")[0]


def test_an_order_of_size_for_two_countries_is_said_joint(five_base: FactBase) -> None:
    """« combien de drones israéliens ? »: « matériels israéliens et turcs, en particuliers des
    centaines de drones de combat » gives the order of size for both together — said, so it is
    never read as Israel's count; a question naming no country gets the plain note."""
    (reply,) = chat(five_base, "combien de drones israéliens ?")
    assert "qui le donne pour Israël et Turquie ensemble" in reply_text(reply)
    (plain,) = chat(five_base, "combien de drones ?")
    assert "ensemble" not in reply_text(plain).split("Combien")[0]

"""Issue 22, phone readers of the tenth blind set (pass i22zd): what a phone reader sees first.
A check put in a word or two (« …, correct ? », « …, non ? », « je confirme ? ») gets the
frank « Non » its quote proves, and never one the quote does not (class 2). Cases of our own on
the frozen five-article base (``tests/fixtures/five``).
The sentence that answers is shown open, not its lead or the headline (class 1); a line with no
date carries no « date non indiquée » label where no date is asked (class 4)."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.asked_absent import MOST_SAID, search_asked
from bot.engine.cards import visible
from bot.engine.fact_check import contradicted, fact_check_set_aside
from bot.engine.index import Index
from bot.engine.passage import carries, headline
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.engine.signer_untold import asks_signer
from bot.engine.undated_label import NO_DATE, without_undated_labels
from bot.engine.unsaid import verb_form
from tests.chat import chat


def _top(reply: Reply) -> str:
    first = reply.blocks[0]
    return first.text if isinstance(first, Para) else ""


def test_a_check_put_in_a_word_or_two_is_set_aside_and_asked_yes_or_no() -> None:
    for typed, claim in (
        ("le sommet a réuni 40 pays, correct ?", "Le sommet a réuni 40 pays ?"),
        ("le traité court jusqu'en 2031, c'est bien ca ?", "Le traité court jusqu'en 2031 ?"),
        ("l'armée est surtout équipée en France, non ?", "L'armée est surtout équipée en France ?"),
        ("le sommet = une trentaine de pays, je confirme ?", "Le sommet = une trentaine de pays ?"),
        ("J'ai lu que le port ferme. Tu confirmes ?", "Le port ferme ?"),
        ("Un expert m'explique que le port ferme. C'est juste ?", "Le port ferme ?"),
        ("La Lettonie, si je ne me trompe pas, a signé en 2019 ?", "La Lettonie a signé en 2019 ?"),
    ):
        assert fact_check_set_aside(typed) == (claim, True), typed
    # « oui ou non », « ou non » and a question word are no check of a claim
    assert fact_check_set_aside("il a signé ou non ?")[1] is False
    assert fact_check_set_aside("et ça ?")[1] is False


def test_a_rough_count_a_status_and_a_span_are_contradicted_only_for_the_same_subject() -> None:
    quote = "Le sommet de Riga réunit plus de 80 pays pour aborder la sécurité."
    said = contradicted("Le sommet de Riga = une quarantaine de pays ?", quote)
    assert said.startswith("Non : d'après l'article, « plus de 80 pays »")
    assert contradicted("Le sommet de Riga = une quatre-vingtaine de pays ?", quote) == ""
    assert contradicted("Le sommet de Vilnius = une quarantaine de pays ?", quote) == ""
    assert contradicted("Le sommet de Riga = une quarantaine de villes ?", quote) == ""
    member = "La Lettonie en est devenue membre observateur en 2018."
    assert "« membre observateur »" in contradicted(
        "La Lettonie est membre à part entière depuis 2009 ?", member
    )
    assert contradicted("L'Estonie est membre à part entière ?", member) == ""
    assert contradicted("La Lettonie est membre observateur ?", member) == ""
    plan = "Les deux ministères ont signé un plan de coopération pour la période 2026-2027."
    said = contradicted(
        "Le plan de coopération court jusqu'en 2030 ?", plan, "", True, frozenset({"court"})
    )
    assert said == "Non : d'après l'article, « pour la période 2026-2027 », pas jusqu'en 2030."


def test_a_wrong_premise_checked_in_a_word_gets_a_frank_non_on_top(five_base: FactBase) -> None:
    (count,) = chat(five_base, "forum secu bakou 2025 = une quarantaine de pays, je confirme ?")
    assert _top(count).startswith(  # « secu » read « sécurité » (i22zm): the forum's theme
        ("Non : d'après l'article, « plus de 80 pays »", "Pas d'après les articles : ils donnent")
    )
    assert "plus de 80" in _top(count)
    (status,) = chat(
        five_base,
        "Le Turkménistan est membre à part entière de l'OTS depuis sa création, c'est ça ?",
    )
    assert (
        _top(status)
        == "Non : d'après l'article, « membre observateur », pas membre à part entière."
    )
    assert not any(
        isinstance(b, Para) and b.text.startswith("Aucune phrase") for b in status.blocks
    )  # the verdict is said once, never under a « nothing found »
    (span,) = chat(five_base, "le plan defense uk-aze court jusqu'en 2030, c'est bien ca ?")
    assert _top(span).startswith("Non : d'après l'article, « pour ") and "2026" in _top(span)
    assert _top(span).endswith("pas jusqu'en 2030.")


def test_no_non_when_the_claim_holds_or_the_quotes_are_about_another_subject(
    five_base: FactBase,
) -> None:
    (true,) = chat(five_base, "Le Turkménistan est membre observateur de l'OTS, c'est ça ?")
    assert not _top(true).startswith("Non")
    (other,) = chat(five_base, "La France est membre à part entière de l'OTS, c'est ça ?")
    assert not _top(other).startswith("Non")


def _open_quotes(reply: Reply) -> list[str]:
    return [b.text for b in reply.blocks if isinstance(b, Quote)]


def test_the_next_sentence_that_answers_comes_open_under_the_lead(five_base: FactBase) -> None:
    """Class 1: the lead sentence (« L'aspect technologique de l'accord illustre … ») is
    followed, open, by the article's next sentence that gives what was asked (the domains);
    a sentence referring back (« … contre ce projet ») comes under the one it refers to."""
    (domains,) = chat(five_base, "volet techno accord usa c koi les domaines")
    shown = _open_quotes(domains)
    assert any("transformation numérique" in quote for quote in shown[:2])
    (corridor,) = chat(five_base, "corridor de zanguezour : qui soutient, qui s'oppose ?")
    shown = _open_quotes(corridor)
    assert any("arqueboutés contre ce projet" in quote for quote in shown[:2])
    assert visible(list(corridor.blocks)) <= 800  # still a short first bubble


def test_a_headline_in_capitals_is_never_the_only_sentence_shown_when_a_body_one_answers(
    five_base: FactBase,
) -> None:
    (reply,) = chat(five_base, "qui a rendu publique la signature du plan uk, et via quel canal ?")
    shown = _open_quotes(reply) or [  # a timeline's quotes come gathered, folded, at the end
        quote.text for b in reply.blocks if isinstance(b, QuoteGroup) for _, quote in b.quotes
    ]
    first = shown[0]
    assert not headline(first)
    assert headline("L'AZERBAÏDJAN ET LE ROYAUME-UNI SIGNENT UN PLAN DE COOPERATION")
    assert not headline("L'OTAN et l'UE")


def test_no_date_non_indiquee_label_unless_the_question_asks_when(five_base: FactBase) -> None:
    """Class 4: a line the articles give no date for shows no « date non indiquée » label in
    the answer to a question that asks no date; the label stays where a date is asked."""
    undated = Item(NO_DATE, "Partenariat de long terme", 2, "x")
    dated = Item("2025", "Plan", 1, "y")
    reply = Reply((dated, undated))
    assert [b.label for b in without_undated_labels(reply, False).blocks] == ["2025", "•"]
    assert without_undated_labels(reply, True) == reply
    for question in (
        "PAIP bakou-otan : porte sur quoi ?",  # the PAIP is undated in the articles
        "Sur quels chantiers Bakou et Londres comptent-ils travailler ensemble dans ce plan ?",
    ):
        (asked,) = chat(five_base, question)
        labels = [b.label for b in asked.blocks if isinstance(b, Item)]
        assert labels and NO_DATE not in labels, question


def test_a_claim_that_something_grows_over_a_quote_saying_it_stops_gets_non() -> None:
    quote = "À partir du 20 novembre, Gazco cessera de fournir du gaz à la Lettonie."
    said = contradicted("Gazco va augmenter ses livraisons de gaz à la Lettonie ?", quote)
    assert said == "Non : d'après l'article, « cessera de fournir du gaz », pas « augmenter »."
    assert contradicted("Gazco va cesser de fournir du gaz ?", quote) == ""  # it holds
    assert contradicted("Gazco ne va pas augmenter ses livraisons de gaz ?", quote) == ""
    assert contradicted("Naftco allait augmenter ses livraisons de pétrole ?", quote) == ""


def test_a_name_no_article_holds_is_said_plainly_on_top(five_base: FactBase) -> None:
    """Class 3: « c'était Mark Rutte ? » — no article names him: said first, on the full
    text, then the nearest passage; a name the articles hold (« Vance ») is never said
    absent, nor one the index reads as an actor."""
    (rutte,) = chat(
        five_base,
        "Qui conduisait cette délégation de l'OTAN ? On m'a dit que c'était Mark Rutte, tu "
        "peux confirmer ?",
    )
    assert _top(rutte).startswith("Les articles ne nomment pas « Mark Rutte » (recherche")
    assert any(isinstance(b, Quote) for b in rutte.blocks)  # the nearest passage follows
    (vance,) = chat(five_base, "Le Président Aliyev a-t-il rencontré Vance ?")
    assert not any("ne nomment pas" in getattr(b, "text", "") for b in vance.blocks)


def test_the_speaker_s_verb_and_a_date_s_qualifier_are_never_the_asked_thing(
    five_base: FactBase,
) -> None:
    index = Index(five_base)
    searched = search_asked(
        index, "Je cherche un angle : la France avait une délégation au forum, fin 2025 ?"
    )
    assert searched is not None
    assert "France" in searched.said and "délégation" in searched.said
    assert not {"cherche", "fin"} & set(searched.said)
    (lukoil,) = chat(
        five_base,
        "J'ai lu que Lukoil allait au contraire augmenter ses livraisons de pétrole via Bakou à "
        "partir de fin novembre. Tu confirmes ?",
    )
    assert _top(lukoil).startswith("Non : d'après l'article, « cessera de fournir du pétrole »")


def test_a_place_typed_without_capital_or_accent_is_checked_against_the_quote(
    five_base: FactBase,
) -> None:
    """« pour la note : … signe par trump a washington fin 2025, correct ? »: the purpose
    before the colon is no word of the claim, « a washington » is the place checked (the
    year, another value, does not hide it), « trump » is in no article."""
    assert fact_check_set_aside("pour la note : le sommet a eu lieu a riga, correct ?") == (
        "Le sommet a eu lieu a riga ?",
        True,
    )
    quote = "Le 3 mai 2024, à Vilnius, les deux pays ont officiellement signé un accord de défense."
    said = contradicted(
        "Accord de défense signé par Smith a Riga fin 2023 ?", quote, "", True, frozenset({"smith"})
    )
    assert said == "Non : d'après l'article, « à Vilnius », pas « à Riga »."
    (reply,) = chat(
        five_base,
        "pour la note : partenariat strategique signe par Vance a washington fin 2025, correct ?",
    )  # (with « trump », a name no article holds, the reader now shows another sentence)
    assert _top(reply) == "Non : d'après l'article, « à Bakou », pas « à Washington »."


def test_a_headline_gives_no_name_to_a_who_question() -> None:
    title = "L'AZERBAÏDJAN ET LE ROYAUME-UNI SIGNENT UN PLAN DE COOPERATION EN MATIERE DE DEFENSE"
    assert not carries("qui", title)
    assert carries("qui", "Selon l'ambassade britannique, le ministre Pierre Durand a signé.")


def test_who_was_met_at_a_signing_is_no_question_of_who_signed() -> None:
    """« au moment de la signature …, Aliyev a rencontré qui ? » asks whom he met: never
    « Les articles ne nomment pas de signataire »."""
    assert asks_signer("qui a signé l'accord côté américain ?")
    assert asks_signer("signé par qui, côté américain ?")
    assert not asks_signer("au moment de la signature de l'accord, Aliyev a rencontré qui ?")
    assert not asks_signer("qui a reçu le ministre lors de la signature ?")


def test_a_place_after_la_or_au_and_a_frame_around_the_claim(five_base: FactBase) -> None:
    """« Petite vérification : sur un canal X, on affirme que … à la Maison Blanche, en
    présence de … C'est bien ce que disent nos sources ? »: the claim is checked, the place is
    « à la Maison Blanche », and the names no article holds come right under the « Non »."""
    claim, checked = fact_check_set_aside(
        "Petite vérification : sur un canal Telegram, on affirme que le traité a été signé au "
        "Kremlin. C'est bien ce que disent nos sources ?"
    )
    assert (claim, checked) == ("Le traité a été signé au Kremlin ?", True)
    quote = "Le 3 mai 2024, à Vilnius, les deux pays ont signé le traité de défense."
    assert contradicted("Le traité a été signé au Kremlin ?", quote).endswith(
        "« à Vilnius », pas « au Kremlin »."
    )
    (reply,) = chat(
        five_base,
        "Petite vérification : sur un canal Telegram, on affirme que l'accord stratégique "
        "Azerbaïdjan–États-Unis a été signé à la Maison Blanche, en présence de Donald Trump. "
        "C'est bien ce que disent nos sources ?",
    )
    top = [b.text for b in reply.blocks[:2] if isinstance(b, Para)]
    assert top[0] == "Non : d'après l'article, « à Bakou », pas « à la Maison Blanche »."
    assert top[1].startswith("Les articles ne nomment pas « Maison Blanche » ni « Donald Trump »")


def test_the_articles_own_verb_is_never_the_asked_thing(five_base: FactBase) -> None:
    searched = search_asked(
        Index(five_base), "Est-ce qu'un des articles parle d'un accord de défense avec la Turquie ?"
    )
    assert searched is not None and "défense" in searched.said
    assert "parle" not in searched.said


def test_a_verb_no_article_uses_is_not_said_absent_on_top(five_base: FactBase) -> None:
    """Class 3: « pourquoi Téhéran se méfie de Bakou ? » — « méfie » is in no article, but the
    feeling is (« l'Iran qui a toujours craint … »): no « Les articles ne mentionnent pas » on
    top; the word is noted in the « Compris » line, and the answer shows what they say."""
    assert verb_form("mefie") and verb_form("signees") and not verb_form("budget")
    (reply,) = chat(five_base, "pourquoi teheran se mefie de bakou ?")
    assert not _top(reply).startswith("Les articles ne mentionnent pas")
    assert "craint" in " ".join(getattr(b, "text", "") for b in reply.blocks)
    (budget,) = chat(five_base, "quel est le budget de la marine azerbaidjanaise ?")
    assert any("budget" in getattr(b, "text", "") for b in budget.blocks[:2])  # a noun: said


def test_no_nothing_found_line_over_a_long_question_s_many_words(five_base: FactBase) -> None:
    """Class 3: a long question's eight words rarely meet in one sentence whatever the
    articles say; the « Aucune phrase … ne réunit » line over them read as « not found »."""
    (reply,) = chat(
        five_base,
        "Est-ce que l'accord américain met en place quelque chose de concret, genre des "
        "rencontres régulières entre administrations, ou c'est juste une belle déclaration "
        "d'intention ?",
    )
    assert not any(isinstance(b, Para) and b.text.startswith("Aucune phrase") for b in reply.blocks)
    index = Index(five_base)
    few = search_asked(index, "La Géorgie est-elle décrite comme un appui pour Bakou ?")
    assert few is not None and len(few.said) <= MOST_SAID  # a short one still checked


def test_a_sentence_opening_on_de_la_refers_back_and_follows_its_passage(
    five_base: FactBase,
) -> None:
    """Class 1: « De là, le pétrole sera pompé … vers Novorossiysk » goes on from the sentence
    naming the Daghestan: a question on where it goes next gets it open, under it."""
    (reply,) = chat(five_base, "Une fois au Daghestan, par où ce pétrole est-il exporté ?")
    assert any("Novorossiysk" in quote for quote in _open_quotes(reply)[:2])


def test_a_conclusion_put_to_the_bot_is_checked(five_base: FactBase) -> None:
    """« Donc le plan … court jusqu'en 2030 ? »: the speaker's conclusion, asked yes or no;
    « donc, qui … ? » still asks who."""
    assert fact_check_set_aside("Donc le traité court jusqu'en 2031 ?") == (
        "Le traité court jusqu'en 2031 ?",
        True,
    )
    (span,) = chat(five_base, "Donc le plan de défense avec le Royaume-Uni court jusqu'en 2030 ?")
    assert _top(span).startswith("Non : d'après l'article, « pour ") and "2026" in _top(span)
    (who,) = chat(five_base, "Donc, qui a signé l'accord avec les USA ?")
    assert not _top(who).startswith(("Non", "Oui"))

"""Issue 22, task i22zm (outside readers of the thirteenth blind set): the question's words are
read, never dropped nor turned into a statement that the articles lack them. Questions of our
own on the frozen five-article base."""

from __future__ import annotations

import pytest

from bot.content.model import FactBase
from tests.chat import chat, reply_text


def _reading(text: str) -> str:
    return text.split("Compris :", 1)[1].split("\n", 1)[0] if "Compris :" in text else ""


@pytest.mark.parametrize(
    ("question", "never"),
    [
        ("le deal entre Bakou et Washington, signé quand ?", "pour « deal »"),
        ("cest quoi le ncca exactement ?", "pour « cest »"),
        ("le pact de défense avec la Turquie ?", "pour « pact »"),
    ],
)
def test_a_typo_is_never_read_as_a_little_word_nor_a_loan_word(
    five_base: FactBase, question: str, never: str
) -> None:
    """A fuzzy correction never turns a word into a stop word (« deal » → « delà », « cest » →
    « ces »), nor corrects a common English word (« pact » is not « part »)."""
    text = reply_text(chat(five_base, question)[0])
    assert never not in text


def test_a_typo_is_still_read_as_the_word_meant(five_base: FactBase) -> None:
    """The rule keeps real typos read: « accrod », « qand », and the English spelling of a
    French word (« member » → « membre »)."""
    text = reply_text(chat(five_base, "qand l'accrod avec les USA ?")[0])
    assert "pour « accrod »" in text
    text = reply_text(chat(five_base, "azerbaidjan member otan ?")[0])
    assert "membre (pour « member »)" in text


_CLAIMS = (
    "aucun article n'emploie",
    "aucun article ne l'emploie",
    "n'emploient pas",
    "n'emploie pas",
)


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        ("forum de Bakou, côté cyber, une décision concrète ?", "« concrète »"),
        (
            "Relations Azerbaïdjan–OTAN ont commencé quand, et avec quelle structure ?",
            "« structure »",
        ),
        ("où a été signé l'accord usa azerbaïdjan ? quel bâtiment", "« bâtiment »"),
    ],
)
def test_a_word_the_answer_does_not_use_is_said_neutrally_after_it(
    five_base: FactBase, question: str, aside: str
) -> None:
    """Never « aucun article n'emploie … » in the reading line nor a note on top: the words
    left aside follow the answer, in one neutral line."""
    reply = chat(five_base, question)[0]
    text = reply_text(reply)
    assert not any(claim in text for claim in _CLAIMS)
    notes = [getattr(block, "text", "") for block in reply.blocks]
    last = notes[-1]
    assert last.startswith("Laissé de côté :") and aside in last
    assert sum("Laissé de côté" in note for note in notes) == 1


def test_a_word_left_aside_is_said_once(five_base: FactBase) -> None:
    """« deal » and « deal entre » read aside by two readers: « Laissé de côté : « deal ». »."""
    question = "Explique-moi le deal entre Bakou et Washington : signé quand, et avec qui ?"
    last = getattr(chat(five_base, question)[0].blocks[-1], "text", "")
    assert last == "Laissé de côté : « deal ».", last


@pytest.mark.parametrize(
    ("question", "read", "quoted"),
    [
        ("accord US, volet techno ?", "technologique (pour « techno »)", "technologique"),
        ("l'Arménie aussi appuie les opés OTAN ?", "opérations (pour « opés »)", "opérations"),
        ("la coop avec l'OTAN a débuté quand ?", "coopération (pour « coop »)", "1992"),
    ],
)
def test_a_clipped_word_is_read_as_the_articles_whole_word(
    five_base: FactBase, question: str, read: str, quoted: str
) -> None:
    """« techno », « opés », « coop »: read as the word of the articles they start, said so,
    never said unused nor absent."""
    text = reply_text(chat(five_base, question)[0])
    assert read in text
    assert quoted in text
    assert "sans effet sur ce filtre" not in text
    assert "ne mentionnent pas" not in text


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("le NCCA a été remplacé par quoi ?", "succédé"),
        ("ce conseil existe toujours ? remplacé par quoi ?", "succède"),
        ("l'Arménie aussi aide les opés OTAN ?", "comme l'Arménie"),
    ],
)
def test_an_act_put_in_other_words_is_not_said_absent_on_top(
    five_base: FactBase, question: str, answer: str
) -> None:
    """« remplacé » (the articles: « a succédé »), « aide » (« fournissant un appui »): a verb
    the articles put in other words is never said missing above the passage that answers."""
    reply = chat(five_base, question)[0]
    text = reply_text(reply)
    assert "ne mentionnent pas" not in text
    assert answer in text


@pytest.mark.parametrize(
    "question",
    [
        "Dans ce partenariat Azerbaïdjan–États-Unis, c'est quoi le volet stratégique, en "
        "résumé, signé par aliyev ?",
        "mémorandums d'entente signés entre la Turquie et l'Azerbaïdjan, volet sécurité militaire "
        "mutuelle, ça couvre quoi ?",
    ],
)
def test_a_button_built_from_the_question_ends_on_a_whole_word(
    five_base: FactBase, question: str
) -> None:
    """« ▶ /accord … signé er »: a label cut to fit ends on a whole word of the command."""
    from bot.engine.index import Index
    from bot.engine.questions import understand
    from tests.chat import TODAY

    found = understand(Index(five_base), question, TODAY)
    assert found is not None
    full = f"▶ {found.command}"
    labels = [b.label for row in chat(five_base, question)[0].buttons for b in row]
    for label in (label for label in labels if label.startswith("▶")):
        shown = label.removesuffix("…")
        assert full.startswith(shown), label
        assert shown == full or full[len(shown)] == " ", label


@pytest.mark.parametrize(
    ("question", "asks_who"),
    [
        ("C'est Aliyev qui a prononcé le discours d'ouverture du forum de septembre ?", False),
        ("c'était la Turquie qui a signé un mémorandum avec Bakou ?", False),
        ("c'est qui qui a ouvert le forum de Bakou ?", True),
        ("qui a ouvert le forum de Bakou ?", True),
    ],
)
def test_a_cleft_sentence_is_a_closed_question_not_a_who(
    five_base: FactBase, question: str, asks_who: bool
) -> None:
    """« C'est X qui a … ? » checks X: its « qui » is a relative pronoun, never « qui ? »."""
    from bot.engine.passage import asked_types

    assert ("qui" in asked_types(question)) is asks_who
    if not asks_who:
        assert "« qui ? »" not in reply_text(chat(five_base, question)[0])


def test_a_follow_up_naming_what_no_article_names_says_so_on_top(five_base: FactBase) -> None:
    """« et ces drones turcs, c'est des Bayraktar ? » after another question: the name no
    article holds is said on top, as for a first question, never only « Laissé de côté »."""
    _, follow = chat(
        five_base, "armement azerbaidjanais ?", "et ces drones turcs, c'est des Bayraktar ?"
    )
    first = getattr(follow.blocks[0], "text", "")
    assert first.startswith("Les articles ne nomment pas « Bayraktar »"), first
    assert "Laissé de côté : « Bayraktar »" not in reply_text(follow)


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("l'Allemagne était représentée à la réunion avec la délégation de l'OTAN ?", "Allemagne"),
        ("Et l'Islande, elle était représentée à la réunion de l'OTAN ?", "Islande"),
    ],
)
def test_a_name_after_an_elided_word_is_a_name_even_first(
    five_base: FactBase, question: str, name: str
) -> None:
    """« l'Allemagne … ? »: the capital after « l' » marks a name even as the first word; no
    article holds it, said on top (never only « Laissé de côté »)."""
    text = reply_text(chat(five_base, question)[0])
    assert f"ne nomment pas « {name} »" in text or f"« {name} » n'apparaît" in text, text
    assert f"Laissé de côté : « {name} »" not in text


@pytest.mark.parametrize(
    "question", ["volet tech de l'accord us : quels domaines", "démo au forum ?"]
)
def test_a_clip_of_several_families_is_searched_as_typed(
    five_base: FactBase, question: str
) -> None:
    """« tech » starts technique and technologique, « démo » démontré and démonstrations: no
    guess, the word is searched as typed."""
    assert "Lu :" not in reply_text(chat(five_base, question)[0])


@pytest.mark.parametrize("question", ["pq l iran", "pourquoi l'Iran ?"])
def test_a_why_about_one_actor_says_why_in_its_reading(five_base: FactBase, question: str) -> None:
    """« pq l iran » answered by the card of Iran: the reading says the « pourquoi », never a
    plain card request (« Compris : fiche — Iran »)."""
    assert _reading(reply_text(chat(five_base, question)[0])).startswith(" « pourquoi ? »")

"""Issue 22, task i22zs: what the last passes left. A count or a greater share that the
articles contradict is denied on top, whatever the claim's verb (« c'était », a tag « non, »
inside the sentence); an arsenal is its weapons. Questions of our own on the frozen
five-article base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.detail_head import role_untold
from bot.engine.index import Index
from bot.engine.parties_first import asked_parties, of_other_parties, parties_first
from bot.engine.reply import Para
from bot.engine.yesno import asked_as_statement, verdict_set_aside
from tests.chat import chat


def _first(reply: object) -> str:
    return next(b.text for b in reply.blocks if isinstance(b, Para))  # type: ignore[attr-defined]


def test_a_count_put_with_c_etait_is_checked(five_base: FactBase) -> None:
    assert asked_as_statement("à ce forum, c'était une quinzaine de délégations ?")
    assert not asked_as_statement("c'était quand, ce forum ?")
    reply = chat(five_base, "à Bakou le forum de sécurité, c'était une trentaine de pays ?")[0]
    first = _first(reply)
    assert first.startswith("Pas d'après les articles")
    assert "80" in first


def test_a_tag_non_inside_the_sentence_asks_yes_or_no() -> None:
    text, asked = verdict_set_aside("le forum était modeste non, environ quinze pays ?")
    assert asked
    assert "non" not in text.split()
    assert not verdict_set_aside("signé ou non, cet accord compte ?")[1]


def test_a_greater_share_the_quote_gives_another_country_is_denied(
    five_base: FactBase,
) -> None:
    reply = chat(five_base, "l'arsenal de l'Azerbaïdjan est principalement israélien ?")[0]
    first = _first(reply)
    assert first.startswith("Pas d'après les articles")
    assert "d'origine russe" in first
    assert "« arsenal » lu « armements »" in " ".join(
        b.text for b in reply.blocks if isinstance(b, Para)
    )


def test_a_greater_share_the_quote_confirms_gets_no_denial(five_base: FactBase) -> None:
    reply = chat(five_base, "les armements de l'Azerbaïdjan sont surtout russes ?")[0]
    assert not _first(reply).startswith(("Pas d'après", "Non"))


def _compris(reply: object) -> str:
    return next(
        b.text
        for b in reply.blocks  # type: ignore[attr-defined]
        if isinstance(b, Para) and b.text.startswith("Compris")
    )


def test_a_follow_up_of_a_command_says_its_subject_in_words(five_base: FactBase) -> None:
    replies = chat(five_base, "/accord Royaume-Uni", "et c'était signé quand ?")
    compris = _compris(replies[1])
    assert "/accord" not in compris
    assert "suite de votre question sur les accords (🇬🇧 Royaume-Uni)" in compris
    replies = chat(five_base, "/timeline 2025", "et avec la Turquie ?")
    compris = _compris(replies[1])
    assert "/timeline" not in compris
    assert "la chronologie (2025)" in compris


def test_a_follow_up_read_as_a_command_never_shows_its_search_words(
    five_base: FactBase,
) -> None:
    replies = chat(
        five_base, "l'accord de partenariat des États-Unis a été signé quand ?", "et où ?"
    )
    compris = _compris(replies[1])
    assert "/" not in compris.split("—")[0]
    assert "suite de votre question sur « Accord de partenariat stratégique" in compris


def test_an_office_the_article_never_names_is_said_unnamed(five_base: FactBase) -> None:
    replies = chat(five_base, "/accord États-Unis", "et le nom du négociateur ?")
    text = " ".join(b.text for b in replies[1].blocks if isinstance(b, Para))
    assert "l'article n'en nomme aucun — le mot « négociateur »" in text
    # an article that writes the office may name its holder elsewhere: no such line
    quote = "Étaient présents à la réunion les représentants permanents de la Turquie"
    assert role_untold(Index(five_base), "et le nom du représentant ?", [quote]) == ""
    assert role_untold(Index(five_base), "et le nom du ministre ?", [quote])


def test_a_date_asked_with_the_members_is_no_members_card(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "Aliyev a proposé des manœuvres aux pays membres de l'OTS ?",
        "depuis quand cette organisation existe, et quels pays en font partie ?",
    )
    assert "(ses membres)" not in _compris(replies[1])


def test_members_asked_after_an_organisation_are_its_members(five_base: FactBase) -> None:
    replies = chat(five_base, "l'OTS, elle date de quand ?", "et qui en sont les membres ?")
    text = " ".join(b.text for b in replies[1].blocks if isinstance(b, Para))
    assert "la Turquie, le Kazakhstan, la Kirghizie et l'Ouzbékistan" in text
    assert "pas forcément tous" in text
    assert "Chronologie" not in text


def test_which_member_countries_opens_the_organisation_card(five_base: FactBase) -> None:
    reply = chat(five_base, "quels sont les États membres de l'OTS ?")[0]
    assert "(ses membres)" in _compris(reply)


def test_the_agreement_of_both_parties_asked_goes_first(five_base: FactBase) -> None:
    index = Index(five_base)
    accords = {a.id: a for a in five_base.agreements}
    peace, turkey = accords["accord-paix-az-am-2025"], accords["memorandum-az-tr-securite"]
    query = "le médiateur de l'accord conclu entre l'Arménie et l'Azerbaïdjan"
    assert asked_parties(index, query) == {"AM", "AZ"}
    rows = [(9.0, 0, turkey, "…"), (2.0, -1, peace, "…")]
    assert [row[2] for row in parties_first(index, query, rows)] == [peace, turkey]
    assert parties_first(index, "le mémorandum avec la Turquie", rows) == rows
    assert of_other_parties(index, query, peace, turkey)
    assert not of_other_parties(index, query, turkey, peace)
    # an agreement of the home country alone, asked with NATO (the PPP): no other party
    ppp, paip = accords["partenariat-pour-la-paix"], accords["paip-az-otan"]
    rows = [(9.0, 0, ppp, "…"), (2.0, -1, paip, "…")]
    assert parties_first(index, "et le partenariat pour la paix de l'OTAN ?", rows) == rows


def test_a_figure_of_another_subject_is_no_figure_of_the_one_asked(
    five_base: FactBase,
) -> None:
    # « plus de 80 pays » counts the forum's countries, not the exercise's
    reply = chat(five_base, "combien de pays ont participé à l'exercice Agile Spirit ?")[0]
    first = _first(reply)
    assert first.startswith("Les articles ne donnent pas de chiffre de « pays »")
    assert "sur « Agile Spirit »" in first
    reply = chat(five_base, "combien de pays ont participé au forum de Bakou ?")[0]
    assert "ne donnent pas de chiffre de « pays »" not in _first(reply)
    # a common word (« dernier ») names no subject: nothing narrowed on it
    reply = chat(five_base, "combien de drones l'Azerbaïdjan a acheté le mois dernier ?")[0]
    assert "sur « dernier »" not in _first(reply)


def test_a_capital_opening_a_sentence_names_no_subject(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "que va faire Lukoil avec son pétrole ?",
        "Et ça fait combien de tonnes en décembre ? Ordre de grandeur, je ne suis pas expert.",
    )
    assert "sur « Ordre »" not in " ".join(b.text for b in replies[1].blocks if isinstance(b, Para))


def test_a_follow_up_sets_aside_only_its_own_words(five_base: FactBase) -> None:
    replies = chat(
        five_base,
        "/accord Royaume-Uni défense plans de coopération cooperation court",
        "et le lieu ?",
    )
    later = " ".join(b.text for b in replies[1].blocks if isinstance(b, Para))
    assert "« court »" not in later

"""An explicit verdict on top of a checked claim (issue 22, task i22zq, phone readers of the
fourteenth blind set): the claim framed by the asker's own reading (« J'ai vu dans un rapport
que … : le texte le confirme-t-il ? », « Il me semble que … Pouvez-vous le vérifier ? »), an
actor named for a role the quote gives another (« c'est la Russie qui a assuré la
médiation ? »), a claim of exclusivity the quote goes beyond (« uniquement militaire ? »).
Questions written here, on the frozen five-article base."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.fact_check import asked_only, contradicted, fact_check_set_aside
from bot.engine.index import Index
from bot.engine.other_actor import other_actor
from bot.render.text import render_text
from tests.chat import chat

MEDIATION = (
    "De plus, en août 2025, l'Azerbaïdjan et l'Arménie, avec la médiation des États-Unis, ont "
    "signé un accord pour engager un processus de paix(2) Washington empiétant un peu plus dans "
    "la zone d'influence de Moscou."
)


def _first_line(base: FactBase, question: str) -> str:
    return render_text(chat(base, question)[0]).splitlines()[0]


def test_the_askers_own_reading_frames_a_claim() -> None:
    for framed, claim in (
        (
            "J'ai vu dans un rapport que la Hongrie était membre à part entière de l'OTS : le "
            "texte le confirme-t-il ?",
            "La Hongrie était membre à part entière de l'OTS ?",
        ),
        (
            "Il me semble que le plan avec Londres court jusqu'en 2029. Pouvez-vous le vérifier ?",
            "Le plan avec Londres court jusqu'en 2029 ?",
        ),
        (
            "Si je comprends bien, le forum a réuni une vingtaine de pays ?",
            "Le forum a réuni une vingtaine de pays ?",
        ),
        (
            "Le forum a réuni une vingtaine de pays, sauf erreur de ma part ?",
            "Le forum a réuni une vingtaine de pays ?",
        ),
    ):
        assert fact_check_set_aside(framed) == (claim, True), framed
    # what another says is the claim itself, never a frame
    assert not fact_check_set_aside("Le ministre affirme que la Turquie est alliée ?")[1]


def test_a_framed_claim_gets_its_no_on_top(five_base: FactBase) -> None:
    first = _first_line(
        five_base,
        "J'ai vu dans un rapport que la Hongrie était membre à part entière de l'OTS : le texte "
        "le confirme-t-il ?",
    )
    assert first.startswith("(Non : d'après l'article, « membre observateur »"), first
    first = _first_line(
        five_base,
        "Il me semble que le plan de défense avec Londres court jusqu'en 2029. Pouvez-vous le "
        "vérifier ?",
    )
    assert first.startswith("Non : d'après l'article, « pour la période 2026-2027 »"), first


def test_another_actor_in_the_role_is_a_no(five_base: FactBase) -> None:
    index = Index(five_base)
    said = other_actor(index, "L'accord de paix a été obtenu sous médiation turque ?", MEDIATION)
    assert (
        said
        == "Non : d'après l'article, « la médiation des États-Unis », pas « médiation turque »."
    )
    cleft = "C'est la Russie qui a assuré la médiation de l'accord de paix avec l'Arménie ?"
    assert "pas « Russie »" in other_actor(index, cleft, MEDIATION)
    # both actors named by the claim: no « Non »
    assert (
        other_actor(index, "La Russie a critiqué la médiation américaine de la paix ?", MEDIATION)
        == ""
    )
    # the same actor: no « Non »
    assert other_actor(index, "Accord de paix sous médiation américaine ?", MEDIATION) == ""
    # another subject than the quote's: no « Non »
    assert other_actor(index, "Le corridor de Zanguezour sous médiation turque ?", MEDIATION) == ""


def test_a_cleft_claim_gets_its_no_on_top(five_base: FactBase) -> None:
    first = _first_line(
        five_base,
        "c'est la Russie qui a assuré la médiation de l'accord de paix entre l'Arménie et "
        "l'Azerbaïdjan, non ?",
    )
    assert first == "(Non : d'après l'article, « la médiation des États-Unis », pas « Russie ».)"


def test_a_claim_of_exclusivity_the_quote_goes_beyond() -> None:
    quote = (
        "Le président a ajouté que les relations de l'Azerbaïdjan avec l'OTAN dépassent le cadre "
        "militaire : la coopération en matière de développement régional, de sécurité "
        "énergétique et dans d'autres domaines figure également à l'ordre du jour."
    )
    line = "Aliyev annonce vouloir renforcer la coopération militaire avec l'OTAN"
    said = contradicted("Les relations avec l'OTAN sont purement militaires ?", quote, line)
    assert said.startswith("Non : d'après l'article, « dépassent le cadre militaire"), said
    # « not only » asked: no « Non »
    assert not contradicted(
        "Les relations avec l'OTAN sont pas seulement militaires ?", quote, line
    )
    # the « only » is about something the quote does not go beyond
    assert not contradicted("Les relations avec l'OTAN sont uniquement énergétiques ?", quote, line)
    assert asked_only("Aliyev évoque uniquement la défense avec l'OTAN ?")
    assert not asked_only("Quels pays évoquent uniquement la défense ?")


def test_an_exclusive_claim_with_any_verb_is_answered_no(five_base: FactBase) -> None:
    text = render_text(
        chat(five_base, "Aliyev dit-il que la coopération avec l'OTAN est uniquement militaire ?")[
            0
        ]
    )
    assert text.startswith("(Non : d'après l'article, « dépassent le cadre militaire"), text


def test_a_word_said_absent_is_no_verdict_on_the_claim(five_base: FactBase) -> None:
    """« Les articles ne mentionnent pas « définitif » » tells a word, not the claim: the
    verdict the quote gives (« en cours de finalisation ») still opens the answer (AC13)."""
    text = render_text(
        chat(
            five_base,
            "Il me semble que l'UE et l'Inde ont abouti à Bakou à la signature d'un accord "
            "définitif sur le commerce. Vous pouvez me le confirmer ?",
        )[0]
    )
    assert text.startswith("(Pas d'après les articles : ils le disent « en cours de finalisation »")


ATTENDANCE = (
    "Étaient présents à la réunion les représentants permanents de la Turquie, de la Grèce, de "
    "la Hongrie auprès de l'OTAN, ainsi que les représentants permanents adjoints des "
    "États-Unis et de la France."
)


def test_no_no_when_the_claims_actor_holds_the_role_too(five_base: FactBase) -> None:
    """The quote names the claim's actor right after the role elsewhere (« permanents adjoints
    des États-Unis »): never « Non : … « permanents de la Turquie » » (blind12 XX27)."""
    index = Index(five_base)
    claim = "Les représentants permanents des États-Unis étaient-ils à la réunion de l'OTAN ?"
    assert other_actor(index, claim, ATTENDANCE) == ""


def test_an_alternative_is_no_claim_of_exclusivity() -> None:
    quote = (
        "Le président a ajouté que les relations de l'Azerbaïdjan avec l'OTAN dépassent le cadre "
        "militaire : la coopération en matière de développement régional figure à l'ordre du jour."
    )
    asked = "A-t-il annoncé une adhésion à l'OTAN, ou seulement une coopération militaire ?"
    assert not contradicted(asked, quote, "Aliyev et l'OTAN")


def test_a_place_named_otherwise_is_no_other_place(five_base: FactBase) -> None:
    """« à Baku » is « à Bakou »: never « ils disent « à Bakou », non « à Baku » » (blind6 V28)."""
    text = render_text(
        chat(five_base, "Londres va livrer des hélicoptères a Baku avec ce plan de défense ?")[0]
    )
    assert "non « à Baku »" not in text, text

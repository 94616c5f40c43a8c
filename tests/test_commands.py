"""Each command, through the same dispatch the console and Telegram use."""

import re

import pytest

from bot.engine.commands import COMMANDS, answer, callback
from bot.engine.common import line_text
from bot.engine.index import Index
from bot.engine.own_evidence import own_key_evidence
from bot.engine.reply import Item, Para, Quote, QuoteGroup
from bot.render.text import render_text
from tests.computed import absent_countries


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def text_of(reply):
    return render_text(reply)


def buttons(reply):
    return [button for row in reply.buttons for button in row]


def test_start_and_help_list_every_command(index):
    for command in ("/start", "/aide", "/help"):
        text = text_of(answer(index, command))
        for known in COMMANDS:
            assert f"/{known.name}" in text


def test_country_card_has_flag_role_facts_agreements_and_quotes(index):
    reply = answer(index, "/pays Turquie")
    text = text_of(reply)
    assert "🇹🇷" in text and "TURQUIE" in text
    assert reply.quotes >= 2
    assert all(q.attribution for q in reply.blocks if isinstance(q, Quote))
    assert {b.data for b in buttons(reply)} >= {"ac:TR", "cx:TR:1"}
    # the buttons, counted as they count: the footer's figures are the buttons' figures
    counts = {
        b.data.split(":")[0]: int(re.search(r"\((\d+)\)", b.label).group(1))  # type: ignore[union-attr]
        for b in buttons(reply)
        if b.data.startswith(("tl", "ac:", "cx:"))
    }
    accords, context = counts["ac"], counts["cx"]
    assert (
        f"accords ({accords} accord{'s' if accords > 1 else ''}) et contexte "
        f"({context} constat{'s' if context > 1 else ''})"
    ) in " ".join(text.split())
    behind = callback(index, "ac:TR")  # the Accords button: a new message, the memorandum
    titles = " ".join(b.text for b in behind.blocks if isinstance(b, Item))
    memorandum = next(a for a in index.base.agreements if a.id == "memorandum-az-tr-securite")
    assert line_text(index.base, memorandum) in titles and not behind.edit


def test_card_via_bot_suffix_and_english_name(index):
    assert text_of(answer(index, "/pays@AzSecBot Turkey")) == text_of(
        answer(index, "/pays turquie")
    )


def test_country_without_argument_lists_the_countries(index, base):
    first = answer(index, "/pays")
    cited = [actor.id for actor in base.actors.values() if actor.is_country]
    assert f"PAYS CITÉS ({len(cited)})" in text_of(first)
    assert first.page is not None
    pages = [first] + [callback(index, f"~lp:{n}") for n in range(2, first.page.total + 1)]
    labels = [b.label for page in pages for b in buttons(page) if b.data.startswith("p:")]
    assert len(labels) == len(cited) and any("Royaume-Uni" in label for label in labels)
    # flag, name, and how many entries cite it
    assert f"🇬🇧 Royaume-Uni · {len(index.links.entries_of('GB'))}" in labels
    assert all(len(row) <= 2 for page in pages for row in page.buttons)  # two columns
    assert pages[1].edit and not any("OTAN" in label for label in labels)


def test_org_card_and_listing(index):
    reply = answer(index, "/org OTAN")
    # named as the articles write it: « NATO » is only a search alias
    assert "NATO" not in text_of(reply) and reply.quotes >= 2
    listing = answer(index, "/org")
    ots = [b for b in buttons(listing) if b.data == "o:ots"]
    card = callback(index, ots[0].data).blocks[0]
    assert ots and isinstance(card, Para) and "Organisation des États turciques" in card.text


def test_cross_kind_queries_still_get_the_card(index):
    assert "OTAN — ALLIANCE ATLANTIQUE" in text_of(answer(index, "/pays OTAN"))
    assert "ROYAUME-UNI" in text_of(answer(index, "/org Royaume-Uni"))


def test_ots_card_lists_members_and_observers(index):
    text = text_of(answer(index, "/org OTS"))
    assert "Membres cités" in text and "Kazakhstan" in text
    assert "Observateurs" in text and "Turkménistan" in text


def test_unknown_country_says_so_and_suggests(index):
    reply = answer(index, "/pays Kasakstane")
    assert not reply.found
    assert "Je ne connais aucun pays nommé « Kasakstane »" in text_of(reply)
    assert buttons(reply)[0].data == "p:KZ"
    assert reply.quotes == 0  # never a card for a wrong country


def test_real_countries_absent_from_the_articles_are_said_absent(index, base):
    # computed: five real countries this base lacks (and « Iraq », an English spelling, while
    # the base has no Iraq), never a list that a new article could make wrong
    names = absent_countries(base) + (["Iraq"] if "IQ" not in base.actors else [])
    assert len(names) >= 5
    for name in names:
        reply = answer(index, f"/pays {name}")
        assert not reply.found and reply.quotes == 0, name
        assert f"« {name} » n'apparaît dans aucun des articles" in text_of(reply)


def test_accord_without_argument_lists_every_agreement(index, base):
    reply = answer(index, "/accord")
    assert f"({len(base.agreements)})" in text_of(reply)
    quotes = reply.quotes
    shown = {b.data for b in buttons(reply) if b.data.startswith("a:")}
    while reply.page and reply.page.number < reply.page.total:
        following = next(b.data for b in buttons(reply) if b.label.startswith("Suivant"))
        reply = callback(index, following)
        quotes += reply.quotes
        shown |= {b.data for b in buttons(reply) if b.data.startswith("a:")}
    # every agreement is shown with each key quote its summary rests on (its own: another
    # entry's dated sentence is not shown under its line, issue 22 A.1)
    own = sum(len(own_key_evidence(base, agreement)) for agreement in base.agreements)
    assert quotes == own
    assert shown == {f"a:{agreement.id}" for agreement in base.agreements}


@pytest.mark.parametrize(
    ("term", "expected"),
    [
        ("Royaume-Uni", "GB"),  # an actor: every agreement it is party to
        ("UK", "GB"),
        ("paix", {"accord-paix-az-am-2025", "partenariat-pour-la-paix"}),
        (
            "partenariat stratégique",
            {
                "partenariat-strategique-az-us",
                # its scope: « partenariat stratégique » (the long-term UK partnership is the
                # plan's frame, a fact, not an agreement: issue 22, i22zh)
                "plan-defense-az-gb-2026-2027",
            },
        ),
    ],
)
def test_accord_with_a_term(index, term, expected):
    if isinstance(expected, str):  # an actor's code: computed from the base
        expected = {a.id for a in index.base.agreements if expected in a.parties}
        assert expected
    reply = answer(index, f"/accord {term}")
    shown: set[str] = set()
    while True:  # every page (a page holds what fits one screen)
        shown |= {b.data.removeprefix("a:") for b in buttons(reply) if b.data.startswith("a:")}
        turn = [b.data for b in buttons(reply) if b.label.startswith("Suivant")]
        if not turn:
            break
        reply = callback(index, turn[0])
    assert shown == expected


def test_accord_with_defense_finds_the_uk_plan(index):
    reply = answer(index, "/accord défense")
    titles = " ".join(b.text for b in reply.blocks if isinstance(b, Item))
    plan = next(a for a in index.base.agreements if a.id == "plan-defense-az-gb-2026-2027")
    assert line_text(index.base, plan) in titles  # one line: its short label, marked


def test_accord_single_match_opens_the_card(index):
    reply = answer(index, "/accord feuille de route")
    items = {b.label: b.text for b in reply.blocks if isinstance(b, Item)}
    assert items["Approbation"].startswith("pendant le forum ouvert le 21 septembre 2025 (déduit")
    # the article does not say who approved it: the card says so, and names nobody
    assert items["Parties"] == "L'article ne dit pas qui l'a approuvée"


def test_accord_unknown_term(index):
    reply = answer(index, "/accord licorne")
    assert not reply.found and "Aucun accord ne correspond à ce filtre : « licorne »" in text_of(
        reply
    )


def test_uk_agreement_card_shows_period_and_inferred_date(five_base):
    index = Index(five_base)  # the frozen five articles: the shipped label may be reworded
    reply = callback(index, "a:plan-defense-az-gb-2026-2027")
    text = text_of(reply)
    assert "Période — 2026 – 2027" in text
    items = {b.label: b.text for b in reply.blocks if isinstance(b, Item)}
    assert items["Signature"].startswith("vers le 30 octobre 2025 (déduit : « Hier », dans un")
    assert "Azerbaïdjan (signataire) et 🇬🇧 Royaume-Uni (signataire)" in items["Parties"]
    assert "Lagazette, article du 31 octobre 2025" in text  # Caliber.Az: cited for one sentence


def test_cherche_ranks_and_quotes(index):
    reply = answer(index, "/cherche drones")
    items = [b for b in reply.blocks if isinstance(b, Item)]
    # each hit shows the quotes its text rests on (at least one each)
    assert items and reply.quotes >= len(items)
    groups = [b for b in reply.blocks if isinstance(b, QuoteGroup)]
    assert any("drone" in q.text.lower() for _, q in groups[0].quotes)  # the best hit's
    # quotes say what was asked (computed: which article ranks first depends on the base)


def test_cherche_tolerates_typos_and_accents(index):
    assert "Lukoil" in text_of(answer(index, "/cherche petrole"))
    assert "Lukoil" in text_of(answer(index, "/cherche Lukoill"))


def test_cherche_without_text_explains(index):
    reply = answer(index, "/cherche")
    assert not reply.found and "Que faut-il chercher" in text_of(reply)


def test_sources_lists_every_article_without_inventing(index, base):
    first = answer(index, "/sources")
    total = first.page.total if first.page else 1
    pages = [first] + [callback(index, f"~so:{n}") for n in range(2, total + 1)]
    text = "\n".join(text_of(page) for page in pages)
    assert f"LES {len(base.sources)} ARTICLES" in text_of(first)
    assert "Lagazette, article du 31 octobre 2025" in text
    assert "The Belgium Times, article non daté" in text
    sources = base.sources.values()
    flat = " ".join(text.split())  # a long source line wraps anywhere, even inside « sans titre »
    assert flat.count("média non indiqué") == sum(s.outlet is None for s in sources)
    assert flat.count("sans titre") == sum(s.title is None for s in sources)
    # an untitled article is named by the editors' reference, never in « » as a title
    items = [b.text for page in pages for b in page.blocks if isinstance(b, Item)]
    assert "sans titre (réf. : Aliyev et la délégation de l'OTAN)" in items
    assert "« Aliyev et la délégation de l'OTAN »" not in text


def test_unknown_command_suggests_the_closest(index):
    reply = answer(index, "/timline 2025")
    assert not reply.found and "/timeline" in text_of(reply)


def test_plain_text_points_to_help(index):
    assert "/aide" in text_of(answer(index, "bonjour"))


@pytest.mark.parametrize("argument", ["<b>Turquie</b>", "<script>alert(1)</script>", "&amp;"])
def test_html_looking_input_is_just_text(index, argument):
    reply = answer(index, f"/pays {argument}")
    assert not reply.found


def test_very_long_input_gets_a_clear_message(index):
    reply = answer(index, "/cherche " + "a" * 5000)
    assert not reply.found and "trop longue (5000 caractères" in text_of(reply)


def test_every_fact_answer_carries_a_quote(index):
    for question in ("/pays Turquie", "/org OTS", "/accord", "/timeline", "/cherche OTAN"):
        reply = answer(index, question)
        assert reply.quotes >= 1, question
        assert all(
            isinstance(block, Para) or block.attribution
            for block in reply.blocks
            if isinstance(block, Quote)
        )


def test_stale_callbacks_are_answered_politely(index):
    for data in (
        "p:XX",
        "a:inconnu",
        "tl:x:y",
        "tl:1:zz",
        "tl:1:-/QQ/",
        "",
        "zz:1",
        "tl:1:-/TR/zz",
    ):
        reply = callback(index, data)
        assert not reply.found and "n'est plus valable" in text_of(reply)


def test_the_azerbaijani_spelling_opens_the_card(index):
    text = text_of(answer(index, "/pays Azərbaycan"))
    assert "AZERBAÏDJAN" in text

"""Issue 22, A.1–A.3 (fidelity defects an outside reader found): a quote shown under a line is
that entry's own evidence, never another entry's dated sentence or a sentence about other
actors; a which/where question opens on the sentence holding the place asked, not on one that
only shares the word naming the slot (« port »); an « Aussi » passage shares the answer's
subject. On a fixture base: the shipped copy plus one article of our own (a Georgian protocol
signed « Hier », the partnership it belongs to, an oil route, a Turkish naval proposal)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from bot.engine.cards import accord, agreement_card
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, own_key_evidence
from bot.engine.passage import asked_type, passage_reply, same_subject
from bot.engine.questions import respond
from bot.engine.reply import Item, Para, Quote, QuoteGroup, Reply
from bot.paths import PROJECT_ROOT
from tests.conftest import ContentCopy

TODAY = date(2026, 11, 23)
SIGNED = (
    "Hier, les ministres de la Défense géorgien et azerbaïdjanais ont signé un protocole de "
    "coopération militaire pour 2027, a fait savoir l'ambassade de Géorgie."
)
BELONGS = (
    "Selon l'ambassade, ce protocole s'inscrit dans le partenariat stratégique que Tbilissi et "
    "Bakou entretiennent depuis longtemps."
)
ROUTE = (
    "Le brut de la Caspienne sera pompé par un oléoduc jusqu'à Batoumi, d'où il sera exporté "
    "vers l'Europe par tankers."
)
BANNED = (
    "La Géorgie a interdit aux pétroliers étrangers d'utiliser le port de Poti pour le brut "
    "de la Caspienne."
)
NAVAL = "En 2024, le ministre turc avait proposé un exercice naval commun en mer Noire."


def _append(copy: ContentCopy, file: str, text: str) -> None:
    path = copy.content / file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


@pytest.fixture
def grown(tmp_path: Path) -> Index:
    """The shipped base plus the fixture article and five entries quoting it."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(PROJECT_ROOT / "content", content)
    shutil.copytree(PROJECT_ROOT / "seeds", seeds)
    copy = ContentCopy(content, seeds)
    (seeds / "fixture-tbilissi.txt").write_text(
        f"{SIGNED} {BELONGS}\n{ROUTE} {BANNED}\n{NAVAL}\n", "utf-8"
    )
    _append(
        copy,
        "sources.yaml",
        "  - id: fixture-tbilissi\n"
        "    label: 'Tbilissi et Bakou'\n"
        "    outlet: null\n"
        "    title: null\n"
        "    published: '2026-03-14'\n"
        "    published_text: null\n"
        "    seed: fixture-tbilissi.txt\n",
    )
    _append(
        copy,
        "agreements.yaml",
        "  - id: fixture-protocole-ge\n"
        "    title: Protocole de coopération militaire Azerbaïdjan – Géorgie pour 2027\n"
        "    kind: plan\n"
        "    act: signe\n"
        "    parties: [AZ, GE]\n"
        '    date: "2026-03-13"\n'
        "    date_text: Hier\n"
        "    date_basis: déduit\n"
        "    date_anchor: fixture-tbilissi\n"
        "    date_note: « Hier » dans l'article du 14 mars 2026.\n"
        "    topics: [defense]\n"
        "    summary: Les ministres de la Défense géorgien et azerbaïdjanais signent un "
        "protocole de coopération militaire pour 2027.\n"
        "    evidence:\n"
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{SIGNED}"\n'
        "  - id: fixture-partenariat-ge\n"
        "    title: Partenariat stratégique Azerbaïdjan – Géorgie\n"
        "    kind: partenariat\n"
        "    act: null\n"
        "    parties: [AZ, GE]\n"
        "    date: null\n"
        "    topics: [defense]\n"
        "    summary: Selon l'ambassade, le protocole signé par les ministres de la Défense "
        "géorgien et azerbaïdjanais s'inscrit dans le partenariat stratégique de Tbilissi et "
        "Bakou.\n"
        "    evidence:\n"
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{SIGNED}"\n'
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{BELONGS}"\n',
    )
    _append(
        copy,
        "events.yaml",
        "  - id: fixture-oleoduc-batoumi\n"
        '    date: "2026-03-14"\n'
        "    date_basis: rapporté\n"
        "    date_anchor: fixture-tbilissi\n"
        "    date_note: La date est celle de l'article qui le rapporte.\n"
        "    type: mesure\n"
        "    actors: [GE, AZ]\n"
        "    topics: [energie]\n"
        "    tense: futur\n"
        "    summary: Le brut de la Caspienne sera pompé par un oléoduc jusqu'à Batoumi, puis "
        "exporté vers l'Europe ; la Géorgie interdit le port de Poti aux pétroliers étrangers.\n"
        "    evidence:\n"
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{BANNED}"\n'
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{ROUTE}"\n'
        "  - id: fixture-exercice-naval\n"
        '    date: "2024"\n'
        "    date_text: En 2024\n"
        "    type: proposition\n"
        "    actors: [TR]\n"
        "    topics: [defense]\n"
        "    summary: En 2024, le ministre turc avait proposé un exercice naval commun en mer "
        "Noire.\n"
        "    evidence:\n"
        "      - source: fixture-tbilissi\n"
        "        key: true\n"
        f'        quote: "{NAVAL}"\n',
    )
    return Index(copy.load())


def _shown_under(reply: Reply) -> list[tuple[str, str]]:
    """(entry id of the line, quote text) for each quote shown unfolded under a line, and
    for each quote of the folded group, by the line number it names."""
    pairs: list[tuple[str, str]] = []
    current = ""
    numbered = {b.ref: b.entry for b in reply.blocks if isinstance(b, Item) and b.ref}
    for block in reply.blocks:
        if isinstance(block, Item) and block.entry:
            current = block.entry
        elif isinstance(block, Para):
            current = ""  # « Aussi, d'après l'article : » and the like end a line's quotes
        elif isinstance(block, Quote) and current:
            pairs.append((current, block.text))
        elif isinstance(block, QuoteGroup):
            for number, quote in block.quotes:
                if number in numbered:
                    pairs.append((numbered[number], quote.text))
    return pairs


def test_a_dated_act_sentence_is_its_signing_s_own_not_the_undated_partnership_s(grown):
    partnership = grown.entries["fixture-partenariat-ge"]
    protocol = grown.entries["fixture-protocole-ge"]
    assert is_foreign(grown.base, partnership, SIGNED)  # « Hier … ont signé » dates the protocol
    assert not is_foreign(grown.base, protocol, SIGNED)
    assert not is_foreign(grown.base, partnership, BELONGS)
    assert [item.quote for item in own_key_evidence(grown.base, partnership)] == [BELONGS]


def test_no_list_shows_another_entry_s_dated_sentence_under_a_line(grown):
    reply = accord(grown, "Géorgie")
    pairs = _shown_under(reply)
    assert ("fixture-protocole-ge", SIGNED) in pairs
    assert ("fixture-partenariat-ge", SIGNED) not in pairs
    assert ("fixture-partenariat-ge", BELONGS) in pairs


def test_a_searched_question_shows_the_dated_sentence_under_the_entry_it_dates(grown):
    for question in (
        "qu'ont signé hier les ministres de la Défense géorgien et azerbaïdjanais ?",
        "ministres défense géorgien azerbaïdjanais protocole",
        "partenariat stratégique Géorgie ministres signé",
    ):
        reply = passage_reply(grown, question, asked_type(question))
        assert reply is not None
        pairs = _shown_under(reply)
        assert ("fixture-partenariat-ge", SIGNED) not in pairs, question
        if "protocole" in question or "hier" in question:  # the signing asked: on top
            assert pairs[0] == ("fixture-protocole-ge", SIGNED), question


def test_a_card_labels_another_entry_s_sentence_as_context(grown):
    reply = agreement_card(grown, grown.entries["fixture-partenariat-ge"], full=True)
    blocks = list(reply.blocks)
    at = blocks.index(next(b for b in blocks if isinstance(b, Quote) and b.text == SIGNED))
    assert any(isinstance(b, Para) and b.text.startswith("Contexte") for b in blocks[:at]), (
        "the sentence dating another entry is shown on a card only labelled as context"
    )


def test_which_port_opens_on_the_sentence_holding_the_place_of_export(grown):
    question = "par quel port le brut de la Caspienne sera exporté ?"
    assert asked_type(question) == "ou"
    reply = respond(grown, question, TODAY)
    top = next(b for b in reply.blocks if isinstance(b, Quote))
    assert top.text == ROUTE  # « … jusqu'à Batoumi, d'où il sera exporté », not « le port de Poti »


def test_an_aussi_passage_shares_the_answer_s_subject(grown):
    route = grown.entries["fixture-oleoduc-batoumi"]
    naval = grown.entries["fixture-exercice-naval"]
    protocol = grown.entries["fixture-protocole-ge"]
    assert not same_subject(grown, naval, protocol)  # Turkey's proposal, Georgia's protocol
    assert same_subject(grown, route, protocol)  # both Georgia's
    assert same_subject(grown, naval, protocol, ("protocole georgie",))  # the question names it
    for question in (
        "qui a proposé un exercice naval commun en mer Noire, et le protocole pour 2027 ?",
        "exercice naval commun mer Noire ministre protocole",
    ):
        reply = passage_reply(grown, question, asked_type(question), parts=())
        assert reply is not None
        shown = {entry for entry, _ in _shown_under(reply)}
        lines = {b.entry for b in reply.blocks if isinstance(b, Item) and b.entry}
        assert "fixture-exercice-naval" in lines | shown, question
        assert "fixture-protocole-ge" not in lines, question

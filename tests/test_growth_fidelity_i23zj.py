"""Issue 23 (twenty-fifth newcomer): the quote that carries an entry's attribution
(« Selon M. Karimov, … ») is never withheld from it, even when another entry quoting the
same sentence claims it; an entry's shown quotes do not depend on unrelated entries; and a
quote completed with its sentence's end keeps its guillemets balanced, or its cut says so.

On a fixture base: the frozen five-article base plus one article of our own, in which one
sentence two entries share carries the speaker's attribution; the second entry's other quote
(« Il a souligné … ») names no speaker."""

from __future__ import annotations

from bot.content.model import FactBase
from bot.engine.common import attribution
from bot.engine.index import Index
from bot.engine.own_evidence import is_foreign, own_key_evidence
from bot.engine.reply import Quote
from bot.engine.whole_clauses import balanced, whole_quote
from tests.conftest import ContentCopy

SHARED = (
    "Selon M. Karimov, l'Azerbaïdjan « a atteint son objectif » face à l'Arménie et "
    "poursuivra sa modernisation navale."
)
OTHER = "Il a souligné que la coopération navale avec l'Iran se poursuivrait à l'avenir."
UNRELATED = "Le Kazakhstan a organisé un exercice de déminage à Almaty."


def _append(copy: ContentCopy, file: str, text: str) -> None:
    path = copy.content / file
    path.write_text(path.read_text(encoding="utf-8").rstrip("\n") + "\n" + text, encoding="utf-8")


def _source(copy: ContentCopy, source_id: str, text: str) -> None:
    (copy.seeds / f"{source_id}.txt").write_text(f"14 mars 2026\n\n{text}\n", "utf-8")
    _append(
        copy,
        "sources.yaml",
        f"  - id: {source_id}\n"
        "    label: 'Article de test'\n"
        "    outlet: null\n"
        "    title: null\n"
        "    published: '2026-03-14'\n"
        "    published_text: '14 mars 2026'\n"
        f"    seed: {source_id}.txt\n",
    )


def _event(entry_id: str, actors: str, summary: str, quotes: list[tuple[str, str]]) -> str:
    lines = [
        f"  - id: {entry_id}\n",
        '    date: "2026-03-14"\n',
        "    date_basis: rapporté\n",
        f"    date_anchor: {quotes[0][0]}\n",
        "    date_note: Propos non datés, rangés à la date de l'article.\n",
        "    type: declaration\n",
        f"    actors: [{actors}]\n",
        "    topics: [defense]\n",
        f'    summary: "{summary}"\n',
        "    evidence:\n",
    ]
    for source, quote in quotes:
        lines += [f"      - source: {source}\n", "        key: true\n"]
        lines.append(f'        quote: "{quote}"\n')
    return "".join(lines)


def _karimov(copy: ContentCopy) -> FactBase:
    _source(copy, "fixture-karimov", f"{SHARED} {OTHER}")
    _append(
        copy,
        "events.yaml",
        _event(
            "fixture-karimov-objectif",
            "AZ, AM",
            "Selon M. Karimov, l'Azerbaïdjan a atteint son objectif face à l'Arménie.",
            [("fixture-karimov", SHARED)],
        )
        + _event(
            "fixture-karimov-modernisation",
            "AZ, IR",
            "Selon M. Karimov, l'Azerbaïdjan poursuivra sa modernisation ; il a souligné "
            "que la coopération avec l'Iran se poursuivrait.",
            [("fixture-karimov", SHARED), ("fixture-karimov", OTHER)],
        ),
    )
    return copy.load()


def _entry(base: FactBase, entry_id: str):  # type: ignore[no-untyped-def]
    return next(entry for entry in base.entries() if entry.id == entry_id)


def test_the_quote_carrying_the_summary_s_attribution_is_never_withheld(copy):
    base = _karimov(copy)
    entry = _entry(base, "fixture-karimov-modernisation")
    shown = [item.quote for item in own_key_evidence(base, entry)]
    assert SHARED in shown, shown  # « Selon M. Karimov » : the summary's attribution
    assert OTHER in shown
    assert not is_foreign(base, entry, SHARED)


def test_a_shared_sentence_without_the_summary_s_attribution_stays_another_s(copy):
    """The rule keeps what the summary attributes, not every shared sentence: the same entry
    summarised without « Selon M. Karimov » leaves the Armenian sentence to its owner."""
    base = _karimov(copy)
    entry = _entry(base, "fixture-karimov-modernisation")
    copy.edit(
        "events.yaml",
        "    summary: \"Selon M. Karimov, l'Azerbaïdjan poursuivra sa modernisation ; il",
        "    summary: \"L'Azerbaïdjan poursuivra sa modernisation ; il",
    )
    base = copy.load()
    entry = _entry(base, "fixture-karimov-modernisation")
    assert is_foreign(base, entry, SHARED)
    assert [item.quote for item in own_key_evidence(base, entry)] == [OTHER]


def test_an_unrelated_article_changes_no_entry_s_shown_quotes(copy):
    base = _karimov(copy)
    before = {entry.id: own_key_evidence(base, entry) for entry in base.entries()}
    _source(copy, "fixture-almaty", UNRELATED)
    _append(
        copy,
        "events.yaml",
        _event(
            "fixture-almaty-deminage",
            "KZ",
            "Le Kazakhstan a organisé un exercice de déminage à Almaty.",
            [("fixture-almaty", UNRELATED)],
        ),
    )
    grown = copy.load()
    after = {entry.id: own_key_evidence(grown, entry) for entry in grown.entries()}
    assert {entry_id: after[entry_id] for entry_id in before} == before


SAID = (
    "«Le premier document renforce la coopération navale. Le second document sert à renforcer "
    "la sécurité entre les deux pays», a-t-il dit."
)
PIECE = "Le second document sert à renforcer la sécurité entre les deux pays"
CLOSED = "Le second accord a été signé à Bakou, a-t-il ajouté."


def test_a_completed_quote_never_shows_an_unbalanced_guillemet(copy):
    """A piece of a quotation (« … deux pays», a-t-il dit. ») is not completed with the
    sentence's end that would show a lone « » »: the cut is marked instead; a piece whose
    end is balanced is still completed."""
    _source(copy, "fixture-asgarov", f"{SAID} {CLOSED}")
    _append(
        copy,
        "events.yaml",
        _event(
            "fixture-asgarov-second",
            "AZ, TR",
            "Le second document sert à renforcer la sécurité entre les deux pays.",
            [("fixture-asgarov", PIECE)],
        )
        + _event(
            "fixture-asgarov-bakou",
            "AZ, TR",
            "Le second accord a été signé à Bakou.",
            [("fixture-asgarov", "Le second accord a été signé à Bakou")],
        ),
    )
    index = Index(copy.load())
    source = index.base.sources["fixture-asgarov"]
    shown = whole_quote(index, Quote(PIECE, attribution(source), source.id), {})
    assert balanced(shown.text), shown.text
    assert shown.text == PIECE and shown.cut_after  # « … » says the sentence goes on
    said = "Le second accord a été signé à Bakou"
    whole = whole_quote(index, Quote(said, attribution(source), source.id), {})
    assert whole.text == CLOSED and not whole.cut_after

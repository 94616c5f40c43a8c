"""Every view shows an entry's date with its basis, and its summary with the quotes it rests on.

The views are the timeline pages, the actor cards, the agreement lists and cards, the search
results, the inline offers and the channel posts; each is walked over the whole shipped base.
"""

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bot.engine.commands import answer, callback
from bot.engine.common import brief_when, claim, entry_text, line_text, when
from bot.engine.index import Index
from bot.engine.inline import inline_offers
from bot.engine.own_evidence import own_key_evidence
from bot.engine.reply import Item, Quote, QuoteGroup
from bot.push.compose import compose, digest_post


@pytest.fixture(scope="module")
def index(base):
    return Index(base)


def pages(index, first):
    """A reply and the pages its ◀ ▶ buttons lead to."""
    replies = [first]
    while first.page and first.page.number < first.page.total:
        data = next(b.data for row in first.buttons for b in row if b.label.startswith("Suivant"))
        first = callback(index, data)
        replies.append(first)
    return replies


def every_reply(index, base):
    replies = pages(index, answer(index, "/timeline"))
    replies += pages(index, answer(index, "/accord"))
    for actor in base.actors.values():
        replies.append(answer(index, f"/pays {actor.name}"))
    for agreement in base.agreements:
        replies.append(callback(index, f"a:{agreement.id}"))
    for word in ("pétrole", "menace", "forum", "accord", "OTAN", "signal politique", "paix"):
        replies.append(answer(index, f"/cherche {word}"))
    announced: set[str] = set()
    for request in (
        "timeline",
        "timeline 2025",
        "pays Turquie",
        "pays OTAN",
        "accord",
        "nouveautés",
    ):
        replies.append(compose(index, request, date(2026, 11, 23), announced).reply)
    return replies


def test_every_entry_line_carries_its_marked_date_and_its_key_quotes(index, base):
    entries = [*base.events, *base.agreements]
    lines = {entry_text(base, entry): entry for entry in entries}
    lines |= {line_text(base, entry): entry for entry in entries}  # an overview's short line
    checked = 0
    for reply in every_reply(index, base):
        blocks = list(reply.blocks)
        items = [block for block in blocks if isinstance(block, Item)]
        for position, block in enumerate(blocks):
            if not isinstance(block, Item) or block.text not in lines:
                continue
            entry = lines[block.text]
            assert block.label == when(base, entry), (entry.id, block.label)
            following = [b.text for b in blocks[position + 1 :] if isinstance(b, Quote)]
            number = items.index(block) + 1  # an overview numbers its quotes by line
            for group in blocks[position + 1 :]:
                if isinstance(group, QuoteGroup):
                    following += [quote.text for n, quote in group.quotes if n == number]
            for evidence in own_key_evidence(base, entry):  # its own (issue 22 A.1)
                # shown whole, or within its sentence completed (i22zf: ``whole_clauses``)
                shown = any(evidence.quote in text for text in following)
                assert shown, (entry.id, evidence.quote[:40])
            checked += 1
    assert checked > 100


def test_inferred_dates_never_appear_bare(index, base):
    inferred = [e for e in [*base.events, *base.agreements] if e.date and e.date_basis != "texte"]
    assert len(inferred) >= 8
    for entry in inferred:
        shown = when(base, entry)
        assert shown.startswith(entry.date_label or entry.date.label())
        marks = ("(déduit", "(l'article du", "(date de l'article", "(rapporté : ")
        assert any(mark in shown for mark in marks), shown
        if entry.date_anchor:
            anchor = base.sources[entry.date_anchor].published
            assert anchor is not None and anchor.label() in shown
        else:
            assert entry.date_reason and entry.date_reason in shown


def test_relative_and_reported_dates_say_where_they_come_from(five_base):
    base = five_base  # the frozen five articles: the shipped label may be reworded
    entries = {e.id: e for e in [*base.events, *base.agreements]}
    assert when(base, entries["plan-defense-az-gb-2026-2027"]) == (
        "vers le 30 octobre 2025 (déduit : « Hier », dans un message de l'ambassade britannique"
        " sur X, cité le 31 octobre 2025)"
    )
    assert when(base, entries["aliyev-prepare-guerre"]) == (
        "août 2025 (déduit : « En août » dans l'article du 6 novembre 2025)"
    )
    assert when(base, entries["memorandum-az-tr-securite"]) == (
        "avant le 6 novembre 2025 (l'article du 6 novembre 2025 dit « récemment »)"
    )
    assert when(base, entries["proposition-manoeuvres-ots"]) == (
        "début octobre 2025 (déduit : « début octobre », année absente ; l'article non daté "
        "renvoie à des articles de juillet à septembre 2025)"
    )
    assert when(base, entries["rencontre-delegation-otan"]) == (
        "rapporté le 6 novembre 2025 (date de l'article ; l'événement n'y est pas daté)"
    )
    assert when(base, entries["partenariat-strategique-az-us"]) == "10 février 2026"
    assert when(base, entries["paip-az-otan"]) == "date non indiquée"


def test_inline_offers_show_marked_dates(index, base):
    entries = {e.id: e for e in [*base.events, *base.agreements]}
    seen = 0
    for query in ("", "lukoil", "royaume-uni", "turquie", "otan"):
        for offer in inline_offers(index, query):
            kind, _, entry_id = offer.id.partition(":")
            if kind in ("e", "a"):
                # the description starts with the marked date: whole, or with a short mark of
                # its basis when its origin would not fit (never cut inside the origin)
                entry = entries[entry_id]
                marked = when(base, entry)
                brief = brief_when(base, entry, 50 if kind == "a" else 120)
                assert offer.description.startswith(brief), offer.description
                assert brief == marked or brief.endswith(")"), brief
                if brief != marked:  # a short origin: never « sur la fiche »
                    assert "fiche" not in brief and brief.startswith(
                        entry.date_label or entry.date.label()
                    )
                seen += 1
    assert seen >= 10


def test_forecasts_and_attributions_are_rendered(base):
    entries = {e.id: e for e in base.entries()}
    tonnes = claim(entries["lukoil-30000-tonnes-novembre"])
    assert tonnes.startswith("Selon la presse, la société (Lukoil) livrera")
    assert tonnes.endswith("(au futur dans l'article)")
    uk = claim(entries["plan-defense-az-gb-2026-2027"])
    assert "selon l'ambassade britannique" in uk.lower()


def test_a_hedge_missing_from_the_summary_is_put_before_it(base):
    entry = next(e for e in base.events if e.id == "lukoil-30000-tonnes-novembre")
    bare = replace(entry, summary="La société livrera environ 30 000 tonnes.")
    assert claim(bare).startswith("Selon la presse : La société livrera")


def test_agreements_say_what_was_done_and_who_did_what(index, base):
    peace = callback(index, "a:accord-paix-az-am-2025")
    items = {b.label: b.text for b in peace.blocks if isinstance(b, Item)}
    assert items["Parties"].endswith("médiation : 🇺🇸 États-Unis")
    assert "(signataire)" in items["Parties"] and "États-Unis (signataire)" not in items["Parties"]
    pfp = callback(index, "a:partenariat-pour-la-paix")
    items = {b.label: b.text for b in pfp.blocks if isinstance(b, Item)}
    assert items["Adhésion"] == "1994" and "Signature" not in items
    assert "Azerbaïdjan (membre)" in items["Parties"]


def test_accord_ppp_finds_the_partnership_for_peace(index):
    reply = answer(index, "/accord PPP")
    assert reply.found
    shown = {b.data for row in reply.buttons for b in row}
    assert "a:partenariat-pour-la-paix" in shown


@pytest.mark.parametrize(
    ("query", "entry"),
    [
        ("menace terroriste", "menace-terroriste"),
        ("signal politique", "accord-us-signal-politique"),
    ],
)
def test_search_finds_what_the_articles_say(index, base, query, entry):
    reply = answer(index, f"/cherche {query}")
    wanted = next(e for e in base.entries() if e.id == entry)
    texts = [b.text for b in reply.blocks if isinstance(b, Item)]
    assert entry_text(base, wanted) in texts[:3]


def test_digest_never_presents_a_year_or_a_proposal_as_this_week(index, base):
    everything = {entry.id for entry in base.entries()}
    # early 2026: the whole-year 2026 items (proposed manoeuvres) overlap the window but are
    # never listed; what is listed is exactly what is dated to a short span in it (computed)
    day = date(2026, 1, 10)
    first, last = day - timedelta(days=7), day + timedelta(days=30)
    overlapping = [i for i in index.timeline.dated if i.span.start <= last and i.span.end >= first]
    loose = [
        item.entry
        for item in overlapping
        if item.span.open
        or (item.span.end - item.span.start).days >= 31
        or item.entry.tense in ("futur", "conditionnel")
        or getattr(item.entry, "type", None) == "proposition"
    ]
    short = [item.entry for item in overlapping if item.entry not in loose]
    assert loose, "the 2026 proposals should overlap early 2026"
    early = digest_post(index, day, everything)
    listed = [b.text for b in early.reply.blocks if isinstance(b, Item)] if early else []
    assert len(listed) == len(short)
    for entry in loose:
        assert not any(claim(entry) in line for line in listed), entry.id
    for entry in short:
        assert any(claim(entry) in line for line in listed), entry.id
    # around 10 February 2026: the signature of that day is listed
    post = digest_post(index, date(2026, 2, 12), everything)
    assert post is not None
    lines = [b.text for b in post.reply.blocks if isinstance(b, Item)]
    assert any("partenariat stratégique" in line for line in lines)
    assert not any("Manœuvres" in line for line in lines)

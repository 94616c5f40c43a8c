"""What phone readers of an outside question set found (issue 22, follow-up): an agreement
asked of an actor the articles never tie to one is said absent, after reading their full text;
the Turkic states read as the organisation, not as Turkey; an actor's agreement list that says
when the actor only mediated; words of the articles never called unread; no two buttons
alike."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from bot.content.model import Actor
from bot.engine.cards import agreements_of
from bot.engine.index import Index
from bot.engine.questions import respond, understand
from bot.engine.reply import Button, Para, Reply, distinct_buttons
from bot.engine.timeline import split_aside
from bot.engine.unsigned import agreeing_in_seeds
from bot.render.text import render_text
from bot.text import fold

TODAY = date(2026, 12, 6)


def _turkic(index: Index) -> str:
    """The organisation whose full name names the Turkic states (found, not pinned)."""
    return next(
        actor.id
        for actor in index.base.actors.values()
        if not actor.is_country and "turciques" in fold(actor.full_name or "")
    )


def test_the_turkic_states_are_the_organisation_not_turkey(base):
    index = Index(base)
    turkic = _turkic(index)
    for said in ("les États turciques", "pays turciques", "Etats turciques"):
        match = index.names.find_actor(said)
        assert match is not None and match.actor.id == turkic, said
    found = understand(index, "qu'a proposé le président azéri aux pays turciques ?", TODAY)
    assert found is not None and turkic in found.data.split() and "TR" not in found.data.split()
    text = render_text(
        respond(index, "qu'a proposé le président azéri aux pays turciques ?", TODAY)
    )
    shown = re.findall(r"« (?:… )?([^«»]{30,})", text)  # « … » says a cut (i22zf)
    holders = [e for e in base.entries() if turkic in getattr(e, "actors", ())]
    assert any(s[:30] in q.quote for s in shown for e in holders for q in e.evidence)


def test_an_actor_that_only_mediated_is_said_to_be_the_mediator(base):
    """On a base of the test's own (an agreement given a mediator that is not its party), the
    mediator's list says « médiateur » on that line and nothing of the sort on the others."""
    agreement = next(a for a in base.agreements if len(a.parties) >= 2)
    mediator = next(
        actor.id
        for actor in base.actors.values()
        if actor.is_country and actor.id not in agreement.parties
    )
    changed = replace(agreement, mediators=(mediator,))
    own = replace(base, agreements=tuple(changed if a is agreement else a for a in base.agreements))
    index = Index(own)
    lines = render_text(agreements_of(index, mediator)).splitlines()
    name = base.actors[mediator].name
    marked = [line for line in lines if f"{name} : médiateur" in line]
    assert len(marked) == 1
    party = agreement.parties[0]
    others = render_text(agreements_of(index, party)).splitlines()
    assert not any(" : médiateur" in line for line in others)


def _a_seed_word(base) -> str:
    """A long accented word of the articles, found in their quotes (a sentence set aside in
    coverage_skips, such as a kicker, is not searched)."""
    text = " ".join(e.quote for entry in base.entries() for e in entry.evidence)
    return next(w for w in re.findall(r"\w{9,}", text) if fold(w) != w.lower())


def test_words_the_articles_hold_are_never_called_unread(base):
    index = Index(base)
    word = _a_seed_word(base)
    for variant in (fold(word), fold(word)[:-1] + "x"):  # without accents; a typo
        unknown, held = split_aside(index, [variant])
        assert held == [variant] and not unknown, variant
        text = render_text(respond(index, f"/timeline 2025 {variant}", TODAY))
        unread = [line for line in text.splitlines() if "Laissé de côté" in line]
        assert not any(variant in line for line in unread), text[:400]
    unknown, held = split_aside(index, ["zzqxw"])
    assert unknown == ["zzqxw"] and not held


def test_a_reply_never_shows_two_buttons_alike():
    rows = (
        (Button("Au futur : Lukoil…", "e:1"), Button("Au futur : Lukoil…", "e:2")),
        (Button("Au futur : Lukoil…", "e:1"),),
        (Button("🔎 Tous", "s:x"),),
    )
    reply = Reply((Para("x"),), rows)
    labels = [button.label for row in reply.buttons for button in row]
    assert len(labels) == len(set(labels)) == 3
    assert [b.data for row in reply.buttons for b in row] == ["e:1", "e:2", "s:x"]
    assert distinct_buttons(reply.buttons) == reply.buttons


def _unagreed(index: Index) -> list[Actor]:
    return [
        actor
        for actor in index.base.actors.values()
        if actor.is_country and actor.id != "AZ" and not index.deals.involving(actor.id)
    ]


def test_an_agreement_asked_of_an_actor_the_articles_never_tie_to_one_is_said_absent(base):
    """« X a signé un accord avec l'Azerbaïdjan ? »: the first line says the articles cite none
    exactly when neither the base nor any sentence of the articles ties X to an agreement —
    never for an actor that has one (no false denial)."""
    index = Index(base)
    for actor in index.base.actors.values():
        if actor.id == "AZ":
            continue
        text = render_text(respond(index, f"{actor.name} a signé un accord avec Bakou ?", TODAY))
        said = text.splitlines()[0].startswith("(Les articles ne citent aucun accord")
        absent = not index.deals.involving(actor.id) and not agreeing_in_seeds(index, actor)
        assert said == absent, (actor.name, text[:300])
    assert any(not agreeing_in_seeds(index, actor) for actor in _unagreed(index))


def test_the_full_text_of_the_articles_is_read_before_saying_no_agreement(base):
    """On a base of the test's own: the same actor, with a seed sentence that ties it to an
    agreement or one that does not."""
    actor = _unagreed(Index(base))[0]
    first = next(iter(base.seeds))
    for sentence, tied in (
        (f"Le pays {actor.name} a signé un mémorandum avec Bakou.", True),
        (f"Le pays {actor.name} assistait à la réunion.", False),
    ):
        seeds = {source: "Rien ici." for source in base.seeds} | {first: sentence}
        index = Index(replace(base, seeds=seeds))
        assert agreeing_in_seeds(index, actor) == tied
        found = understand(index, f"{actor.name} a signé un accord ?", TODAY)
        assert found is not None and (actor.id in found.unsigned) == (not tied)

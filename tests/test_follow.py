"""Subscriptions without Telegram: what /suivre resolves to, which entries match, and the alert
lane of the outbox (baseline, exactly once per chat and entry, /oublier, blocked chats)."""

from __future__ import annotations

import time
from types import SimpleNamespace

from bot.engine.index import Index
from bot.push import alert_outbox as alert_outbox_module
from bot.push import outbox as outbox_module
from bot.push.alert_outbox import AlertOutbox
from bot.push.database import Database
from bot.push.follow import (
    Unknown,
    alert_buttons,
    alert_reply,
    candidates,
    label,
    matches,
    resolve,
)
from bot.push.migrations import LATEST, MIGRATIONS, VERSION_0, _subscriptions
from bot.push.outbox import Outbox
from bot.render.html import render_html
from tests.harness import assert_sendable


def test_actors_and_topics_resolve_to_canonical_ids_fuzzily(base):
    index = Index(base)
    assert resolve(index, "Turquie") == "acteur:TR"
    assert resolve(index, "turqie") == "acteur:TR"  # a typo, like /pays
    assert resolve(index, "l'OTAN") == "acteur:otan"
    assert resolve(index, "cybersécurité") == "theme:cyber"
    assert resolve(index, "cybersecurit") == "theme:cyber"  # fuzzy topic
    assert resolve(index, "  défense ") == "theme:defense"


def test_unknown_words_get_a_french_explanation(base):
    index = Index(base)
    empty = resolve(index, "")
    assert isinstance(empty, Unknown) and "/suivre Turquie" in empty.message
    absent = resolve(index, "Japon")
    assert isinstance(absent, Unknown) and "aucun des articles" in absent.message
    nonsense = resolve(index, "zzzz qqqq")
    assert isinstance(nonsense, Unknown) and "Thèmes possibles" in nonsense.message


def test_an_agreement_matches_its_parties_mediators_related_and_topics(base):
    index = Index(base)
    targets = candidates(index)
    agreement = next(a for a in base.agreements if a.mediators)
    found = targets[agreement.id]
    for actor in (*agreement.parties, *agreement.mediators, *agreement.related):
        assert f"acteur:{actor}" in found
    for topic in agreement.topics:
        assert f"theme:{topic}" in found
    event = base.events[0]
    assert targets[event.id] == frozenset(
        [f"acteur:{a}" for a in event.actors] + [f"theme:{t}" for t in event.topics]
    )


def test_matches_keeps_order_and_says_what_matched():
    targets = {
        "e1": frozenset({"acteur:TR", "theme:defense"}),
        "e2": frozenset({"acteur:FR"}),
        "e3": frozenset({"theme:defense"}),
    }
    assert matches(["e1", "e2", "e3"], targets, {"theme:defense"}) == (
        ["e1", "e3"],
        ["theme:defense"],
    )
    assert matches(["e2"], targets, {"acteur:TR"}) == ([], [])


def test_the_alert_dates_each_entry_with_its_basis_quotes_and_sources(base):
    index = Index(base)
    inferred = next(e for e in base.events if e.date_basis == "déduit")
    plain = next(e for e in base.events if e.date_basis == "texte")
    reply = alert_reply(index, [plain.id, inferred.id], ["acteur:AZ"])
    assert_sendable(reply)
    text = "\n".join(render_html(reply))
    assert "2 nouveaux faits" in text and "vous suivez" in text
    assert "déduit" in text  # the inferred date says so, through when()
    assert text.count("<blockquote") >= 2 and "des citations : " in text
    buttons = [b.data for row in alert_buttons(index, [plain.id, inferred.id]) for b in row]
    assert buttons == [f"e:{plain.id}", f"e:{inferred.id}"]
    assert label(index, "theme:cyber") == "le thème « cybersécurité »"


def _store(state, owner: str = "ici:1:a") -> AlertOutbox:
    """An alert store on ``state`` (the fixture: a SQLite file, then a PostgreSQL URL)."""
    return AlertOutbox(state, owner=owner)


def _compose(entries: list[str], hit: list[str]) -> list[str]:
    return [f"alerte {','.join(entries)} ({','.join(hit)})"]


TARGETS = {"e1": frozenset({"acteur:TR"}), "e2": frozenset({"theme:cyber"})}


def test_first_pass_is_a_baseline_then_only_new_matching_entries_are_alerted(state):
    store = _store(state)
    store.subscribe(1, "acteur:TR")
    store.subscribe(2, "theme:cyber")
    store.subscribe(3, "acteur:FR")
    assert store.record_alerts(TARGETS, _compose) == 0  # the base in service: no alert
    grown = {**TARGETS, "e3": frozenset({"acteur:TR", "theme:cyber"})}
    assert store.record_alerts(grown, _compose) == 2
    assert store.record_alerts(grown, _compose) == 0  # the same pass again: nothing
    pending = store.pending()
    assert sorted((i.chat_id, i.text) for i in pending) == [
        ("1", "alerte e3 (acteur:TR)"),
        ("2", "alerte e3 (theme:cyber)"),
    ]
    assert store.entries_of(pending[0].post) == ["e3"]
    # the alert lane and the channel lane never see each other's messages
    assert Outbox(state).pending() == []
    assert Outbox(state).claim() is None


def test_two_processes_recording_the_same_batch_queue_it_once(state):
    first, second = _store(state, "h:1:a"), _store(state, "h:2:b")
    first.subscribe(1, "acteur:TR")
    first.record_alerts({}, _compose)
    assert first.record_alerts(TARGETS, _compose) == 1
    assert second.record_alerts(TARGETS, _compose) == 0
    assert len(second.pending()) == 1


def test_alerts_to_one_chat_are_a_second_apart_others_go_on(state, monkeypatch):
    later = [0.0]  # seconds added to a frozen clock: the gap passes without a sleep, and a
    # loaded machine's real time between two steps never counts (it did: 0.1 s is the margin)
    start = time.time()
    clock = SimpleNamespace(time=lambda: start + later[0])
    monkeypatch.setattr(outbox_module, "time", clock)
    monkeypatch.setattr(alert_outbox_module, "time", clock)
    store = _store(state)
    store.subscribe(1, "acteur:TR")
    store.subscribe(2, "acteur:TR")
    store.record_alerts({}, _compose)
    store.record_alerts({"e1": frozenset({"acteur:TR"})}, _compose)
    store.record_alerts({"e2": frozenset({"acteur:TR"})}, _compose)
    first = store.claim()
    assert first is not None and first.chat_id == "1"
    store.mark_sent(first.id, 10)
    second = store.claim()
    assert second is not None and second.chat_id == "2"  # chat 1 waits for its gap
    store.mark_sent(second.id, 11)
    assert store.claim() is None and store.next_wait() is not None
    later[0] = store.CHAT_GAP * 0.9
    assert store.claim() is None  # not yet a second after the first
    later[0] = store.CHAT_GAP + 0.05
    third = store.claim()
    assert third is not None and third.chat_id == "1"


def test_forget_deletes_everything_about_a_chat_and_blocked_drops_its_alerts(state):
    store = _store(state)
    store.subscribe(1, "acteur:TR")
    store.subscribe(1, "theme:cyber")
    store.subscribe(2, "acteur:TR")
    store.record_alerts({}, _compose)
    store.record_alerts(TARGETS, _compose)
    assert store.forget(1) == 2 + 2 + 1  # subscriptions, alerted rows, its alert
    assert store.subscriptions(1) == [] and store.forget(1) == 0
    assert [i.chat_id for i in store.pending()] == ["2"]
    assert store.blocked(2) == 1
    assert store.pending() == [] and store.subscriber_count() == 0


def test_subscribe_is_idempotent_and_listed_in_order(state):
    store = _store(state)
    assert store.subscribe(-100, "acteur:TR") and not store.subscribe(-100, "acteur:TR")
    store.subscribe(-100, "theme:cyber")
    assert store.subscriptions(-100) == ["acteur:TR", "theme:cyber"]
    assert store.unsubscribe(-100, "acteur:TR") and not store.unsubscribe(-100, "acteur:TR")


def test_a_channel_only_state_file_gains_the_subscription_tables(tmp_path):
    path = tmp_path / "ancien.sqlite3"
    mine = MIGRATIONS.index(_subscriptions)  # the file as the migrations before ours left it
    db = Database(path)
    for statement in VERSION_0.split(";"):
        if statement.strip():
            db.execute(statement)
    for step in MIGRATIONS[:mine]:
        step(db)
    db.set_version(mine)
    db.execute(
        "INSERT INTO outbox (post, part, chat_id, text, created) VALUES ('vieux', 0, '-100',"
        " 'en attente', ?)",
        (time.time(),),
    )
    db.close()
    store = AlertOutbox(path)
    assert store.version() == LATEST
    assert store.subscribe(5, "acteur:TR") and store.subscriptions(5) == ["acteur:TR"]
    assert store.pending() == []  # the channel's post stays in the channel's lane
    assert [i.post for i in Outbox(path).pending()] == ["vieux"]


def test_the_readme_and_the_menu_document_every_subscription_command():
    from bot.paths import PROJECT_ROOT
    from bot.telegram.app import MENU
    from bot.telegram.follow import MENU as FOLLOW_MENU

    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    names = [command.command for command in FOLLOW_MENU]
    assert names == ["suivre", "suivis", "arreter", "oublier"]
    for name in names:
        assert f"`/{name}" in readme, f"/{name} manque dans le README"
        assert name in [command.command for command in MENU]


def test_stopping_a_subscription_cancels_the_alerts_queued_for_it_only(state):
    store = _store(state)
    store.subscribe(1, "acteur:TR")
    store.subscribe(1, "theme:cyber")
    store.subscribe(2, "acteur:TR")
    store.record_alerts({}, _compose)
    grown = {**TARGETS, "e3": frozenset({"acteur:TR"})}
    store.record_alerts(grown, _compose)  # chat 1: e1, e2, e3 in one alert; chat 2: e1, e3
    store.record_alerts({**grown, "e4": frozenset({"acteur:TR"})}, _compose)  # e4 for both
    assert store.unsubscribe(1, "acteur:TR")
    assert store.cancel_unfollowed(1, {**grown, "e4": frozenset({"acteur:TR"})}) == 1
    left = sorted((i.chat_id, i.text) for i in store.pending())
    assert left == [  # chat 1 keeps the alert that also holds cyber; chat 2 keeps both
        ("1", "alerte e1,e2,e3 (acteur:TR,theme:cyber)"),
        ("2", "alerte e1,e3 (acteur:TR)"),
        ("2", "alerte e4 (acteur:TR)"),
    ]

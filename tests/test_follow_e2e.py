"""Subscriptions end to end against the local Bot API server: /suivre, alerts after a reload,
exactly once across restarts and crashes, blocked chats, groups, /oublier, « 🔔 Suivre »."""

from __future__ import annotations

import asyncio
import logging
import signal
import time
from collections import Counter
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

from bot.config import Settings
from bot.engine.commands import answer
from bot.engine.index import Index
from bot.push.alert_outbox import AlertOutbox
from bot.push.follow import candidates
from bot.render.html import render_html
from bot.telegram.app import build_application
from bot.telegram.follow import GROUP_REFUSAL
from bot.telegram.state import SUBSCRIPTIONS_UNAVAILABLE
from tests.conftest import ContentCopy, state_env, state_settings
from tests.fake_bot_api import ApiError, FakeBotApi
from tests.harness import bot_env, confirm_preview, polling, spawn_bot

ADMIN = 42
CHANNEL = -1001234567890
NEW_ENTRY = """
  - id: test-alerte-turquie
    date: "2025-09-21"
    date_text: Le 21 septembre 2025
    type: forum
    actors: [AZ, TR]
    topics: [securite]
    summary: Entrée ajoutée par le test pour vérifier l'alerte unique.
    evidence:
      - source: forum-bakou
        quote: "Le 21 septembre 2025, la capitale azerbaïdjanaise Bakou a ouvert les portes"
"""


def settings_for(api: FakeBotApi, state: Path | str, **extra: object) -> Settings:
    values: dict[str, object] = {
        "token": api.token,
        "api_url": api.url,
        "admin_ids": frozenset({ADMIN}),
        "push_backoff": 0.05,
        **state_settings(state),
    }  # no channel: subscriptions work without one
    values.update(extra)
    return Settings(**values)  # type: ignore[arg-type]


@asynccontextmanager
async def running(settings: Settings, copy: ContentCopy) -> AsyncIterator[None]:
    """The real Application on a copy of the content; start-up jobs get time to run."""
    application = build_application(settings, Index(copy.load()), copy.content, copy.seeds)
    async with polling(application):
        for _ in range(200):
            names = {job.name for job in application.job_queue.jobs()}  # type: ignore[union-attr]
            if not names & {"alertes-au-demarrage", "annonces-au-demarrage"}:
                break
            await asyncio.sleep(0.05)
        yield


def to_chat(api: FakeBotApi, chat: int) -> list[dict]:
    return [p for p in api.sent() if int(p["chat_id"]) == chat]


async def said(api: FakeBotApi, chat: int, count: int = 1, timeout: float = 10.0) -> list[dict]:
    """Wait until ``chat`` got ``count`` messages; return them."""
    for _ in range(int(timeout / 0.05)):
        if len(to_chat(api, chat)) >= count:
            break
        await asyncio.sleep(0.05)
    found = to_chat(api, chat)
    assert len(found) >= count, [m["text"][:80] for m in found]
    return found


def shown(chat: int) -> dict:
    """A message of the bot's in a private chat, as a button's update carries it."""
    return {"message_id": 7, "date": int(time.time()), "chat": {"id": chat, "type": "private"}}


def add_entry(copy: ContentCopy) -> None:
    events = copy.content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + NEW_ENTRY, encoding="utf-8")


async def test_subscribe_reload_one_alert_for_a_match_none_for_others(api, copy, tmp_path):
    settings = settings_for(api, tmp_path / "etat.sqlite3")
    async with running(settings, copy):
        await api.push(api.message_update("/suivre turqie", user_id=101))  # fuzzy
        await api.push(api.message_update("/suivre cybersécurité", user_id=102))
        first = await said(api, 101)
        assert "Vous suivez désormais 🇹🇷 Turquie" in first[0]["text"]
        assert "cybersécurité" in (await said(api, 102))[0]["text"]
        add_entry(copy)
        await api.push(api.message_update("/recharger", user_id=ADMIN))
        report = (await said(api, ADMIN))[0]["text"]
        assert "Base rechargée" in report and "1 alerte d'abonnés en file" in report
        alert = (await said(api, 101, 2))[1]
        await api.push(api.message_update("/recharger", user_id=ADMIN))  # nothing new now
        assert "0 alerte d'abonnés" in (await said(api, ADMIN, 2))[1]["text"]
        await asyncio.sleep(0.5)
    async with running(settings, copy):  # a restart does not alert again
        await asyncio.sleep(0.5)
    assert len(to_chat(api, 101)) == 2 and len(to_chat(api, 102)) == 1
    text = alert["text"]
    assert "Entrée ajoutée par le test" in text and "vous suivez 🇹🇷 Turquie" in text
    assert "21 septembre 2025" in text and "<blockquote>" in text and "Source" in text
    buttons = [b for row in alert["reply_markup"]["inline_keyboard"] for b in row]
    assert [b["callback_data"] for b in buttons] == ["e:test-alerte-turquie"]


async def test_a_restart_in_the_middle_of_a_batch_sends_no_duplicate(api, copy, state):
    chats = list(range(1000, 1030))
    store = AlertOutbox(state)
    for chat in chats:
        store.subscribe(chat, "acteur:TR")
    store.record_alerts(candidates(Index(copy.load())), lambda e, h: ["-"])  # the baseline
    store.close()
    add_entry(copy)
    slow = settings_for(api, state, rate_limit=4)  # 2 alerts a second: stopped mid-batch
    async with running(slow, copy):
        await api.wait_for("sendMessage", 3)
    first_run = len(api.sent())
    assert 3 <= first_run < len(chats)
    async with running(settings_for(api, state), copy):
        for _ in range(200):
            if len(api.sent()) >= len(chats):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(0.3)
    per_chat = Counter(int(p["chat_id"]) for p in api.sent())
    assert per_chat == Counter(chats)  # every chat exactly once
    assert all("Entrée ajoutée par le test" in p["text"] for p in api.sent())


async def test_a_killed_process_never_sends_an_alert_twice(api, base, state):
    chats = list(range(2000, 2040))
    store = AlertOutbox(state)
    for chat in chats:
        store.subscribe(chat, "acteur:TR")
    targets = candidates(Index(base))
    store.record_alerts(targets, lambda e, h: ["-"])  # the baseline: the shipped base
    grown = {**targets, "fait-hors-base": frozenset({"acteur:TR"})}
    assert store.record_alerts(grown, lambda e, h: ["Alerte déjà en file"]) == len(chats)
    store.close()
    env = bot_env(api, **state_env(state), TELEGRAM_RATE_LIMIT="4")
    process = await spawn_bot("run", env=env)
    try:
        await api.wait_for("sendMessage", 4, timeout=30)
    finally:
        process.send_signal(signal.SIGKILL)  # no clean-up at all
        await process.communicate()
    killed_after = len(api.sent())
    env = bot_env(api, **state_env(state))
    process = await spawn_bot("run", env=env)
    try:
        for _ in range(400):
            if len(api.sent()) >= len(chats) - 1:
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.5)
    finally:
        process.send_signal(signal.SIGTERM)
        _out, err = await asyncio.wait_for(process.communicate(), 20)
    assert "Traceback" not in err.decode()
    per_chat = Counter(int(p["chat_id"]) for p in api.sent())
    assert max(per_chat.values()) == 1  # never twice
    # at most the one message in flight at the kill is left uncertain, never re-sent
    assert len(per_chat) >= len(chats) - 1 and killed_after < len(chats)
    statuses = Counter(i.status for i in AlertOutbox(state)._select("1 = 1"))
    assert statuses["pending"] == 0 and statuses["uncertain"] <= 1
    assert statuses["sent"] <= len(per_chat) <= statuses["sent"] + statuses["uncertain"]


async def test_a_chat_that_blocked_the_bot_is_unsubscribed_with_a_log_line(
    api, copy, tmp_path, caplog
):
    settings = settings_for(api, tmp_path / "etat.sqlite3")
    async with running(settings, copy):
        await api.push(api.message_update("/suivre Turquie", user_id=103))
        await said(api, 103)
        api.blocked.add(103)
        add_entry(copy)
        await api.push(api.message_update("/recharger", user_id=ADMIN))
        await said(api, ADMIN)
        await api.wait_for("!sendMessage")
        await asyncio.sleep(0.3)
    assert AlertOutbox(tmp_path / "etat.sqlite3").subscriptions(103) == []
    assert any(
        "103" in r.getMessage() and "bloqué" in r.getMessage()
        for r in caplog.records
        if r.levelno >= logging.WARNING
    )
    assert not any("n° " in m["text"] for m in to_chat(api, ADMIN))  # admins not spammed


async def test_in_a_group_only_administrators_subscribe_it(api, copy, tmp_path):
    group = -100777
    api.chat_admins[group] = {ADMIN}
    settings = settings_for(api, tmp_path / "etat.sqlite3")
    async with running(settings, copy):
        await api.push(
            api.message_update("/suivre OTAN", user_id=104, chat_id=group, chat_type="supergroup")
        )
        refused = (await said(api, group))[0]["text"]
        await api.push(
            api.message_update("/suivre OTAN", user_id=ADMIN, chat_id=group, chat_type="supergroup")
        )
        accepted = (await said(api, group, 2))[1]["text"]
    assert refused == GROUP_REFUSAL
    assert accepted.startswith("🔔 Ce groupe suit désormais OTAN")
    assert AlertOutbox(tmp_path / "etat.sqlite3").subscriptions(group) == ["acteur:otan"]


async def test_suivis_buttons_arreter_and_oublier(api, copy, tmp_path):
    settings = settings_for(api, tmp_path / "etat.sqlite3")
    async with running(settings, copy):
        for number, text in enumerate(
            ("/suivre Turquie", "/suivre défense", "/suivre Japon", "/suivis"), start=1
        ):
            await api.push(api.message_update(text, user_id=105))
            await said(api, 105, number)  # one at a time: answers come in order
        listing = to_chat(api, 105)[3]
        assert "aucun des articles" in to_chat(api, 105)[2]["text"]
        assert "Abonnements de cette conversation (2)" in listing["text"]
        rows = listing["reply_markup"]["inline_keyboard"]
        assert [r[0]["callback_data"] for r in rows] == ["sv:x:acteur:TR", "sv:x:theme:defense"]
        await api.push(api.callback_update("sv:x:acteur:TR", message=shown(105), user_id=105))
        edited = await api.wait_for("editMessageText")
        assert "(1)" in edited[0]["text"] and "Turquie" not in edited[0]["text"]
        await api.push(api.message_update("/arreter défense", user_id=105))
        assert "Abonnement arrêté : le thème « défense »" in (await said(api, 105, 5))[4]["text"]
        await api.push(api.message_update("/suivre OTAN", user_id=105))
        await said(api, 105, 6)
        await api.push(api.message_update("/oublier", user_id=105))
        forgot = (await said(api, 105, 7))[6]["text"]
    assert "ne garde plus rien" in forgot
    assert AlertOutbox(tmp_path / "etat.sqlite3").subscriptions(105) == []


async def test_cards_and_channel_posts_offer_to_follow(api, copy, tmp_path):
    settings = settings_for(api, tmp_path / "etat.sqlite3", channel_id=CHANNEL)
    async with running(settings, copy):
        parts = len(render_html(answer(Index(copy.load()), "/pays Turquie")))
        await api.push(api.message_update("/pays Turquie", user_id=106))
        card = (await said(api, 106, parts))[-1]
        follow = [b for row in card["reply_markup"]["inline_keyboard"] for b in row][-1]
        assert follow == {"text": "🔔 Suivre", "callback_data": "sv:f:acteur:TR"}
        await api.push(
            api.callback_update(follow["callback_data"], message=shown(106), user_id=106)
        )
        assert "Vous suivez désormais 🇹🇷 Turquie" in (await said(api, 106, parts + 1))[-1]["text"]
        await api.push(api.message_update("/publier accord paix", user_id=ADMIN))
        await confirm_preview(api, ADMIN)
        post = (await said(api, CHANNEL))[-1]
        link = post["reply_markup"]["inline_keyboard"][0][0]
        assert link["text"] == "🔔 Suivre" and link["url"].endswith("?start=suivre")
        await api.push(api.message_update("/start suivre-t-cyber", user_id=107))
        assert "cybersécurité" in (await said(api, 107))[0]["text"]
    store = AlertOutbox(tmp_path / "etat.sqlite3")
    assert store.subscriptions(106) == ["acteur:TR"] and store.subscriptions(107) == ["theme:cyber"]


async def test_two_processes_on_one_state_file_send_each_alert_once(api, base, state):
    chats = list(range(3000, 3030))
    store = AlertOutbox(state)
    for chat in chats:
        store.subscribe(chat, "theme:cyber")
    targets = candidates(Index(base))
    store.record_alerts(targets, lambda e, h: ["-"])
    grown = {**targets, "fait-hors-base": frozenset({"theme:cyber"})}
    store.record_alerts(grown, lambda e, h: ["Alerte partagée"])
    store.close()
    env = bot_env(api, **state_env(state))
    first, second = await asyncio.gather(spawn_bot("run", env=env), spawn_bot("run", env=env))
    try:
        for _ in range(400):
            if len(api.sent()) >= len(chats):
                break
            await asyncio.sleep(0.05)
        await asyncio.sleep(1.0)
    finally:
        for process in (first, second):
            process.send_signal(signal.SIGTERM)
        outputs = await asyncio.wait_for(
            asyncio.gather(first.communicate(), second.communicate()), 20
        )
    for _out, err in outputs:
        assert "Traceback" not in err.decode()
    assert Counter(int(p["chat_id"]) for p in api.sent()) == Counter(chats)


async def test_an_unusable_state_file_turns_subscriptions_off_not_the_bot(api, copy, tmp_path):
    unusable = tmp_path / "dossier"
    unusable.mkdir()  # a directory cannot be opened as a SQLite file
    settings = settings_for(api, unusable)
    async with running(settings, copy):
        await api.push(api.message_update("/suivre Turquie", user_id=108))
        refused = (await said(api, 108))[0]["text"]
        await api.push(api.message_update("/org OTAN", user_id=109))
        await said(api, 109)  # the rest of the bot answers
    assert refused == SUBSCRIPTIONS_UNAVAILABLE  # issue 24: no path, no library message
    assert str(tmp_path) not in refused and "unable" not in refused


async def test_a_follow_button_pressed_by_a_group_member_is_refused(api, copy, tmp_path):
    group = -100888
    settings = settings_for(api, tmp_path / "etat.sqlite3")
    message = {"message_id": 9, "date": int(time.time()), "chat": {"id": group, "type": "group"}}
    async with running(settings, copy):
        await api.push(api.callback_update("sv:f:acteur:TR", message=message, user_id=110))
        answered = await api.wait_for("answerCallbackQuery")
    assert answered[0]["text"] == GROUP_REFUSAL and to_chat(api, group) == []
    assert AlertOutbox(tmp_path / "etat.sqlite3").subscriptions(group) == []


async def test_an_announcement_offers_to_follow_its_actors_in_one_tap(api, copy, tmp_path):
    settings = settings_for(api, tmp_path / "etat.sqlite3", channel_id=CHANNEL)
    async with running(settings, copy):
        pass  # first deployment: the baseline
    add_entry(copy)
    async with running(settings, copy):
        post = (await said(api, CHANNEL))[-1]
        links = [row[0] for row in post["reply_markup"]["inline_keyboard"]]
        assert [link["text"] for link in links] == ["🔔 Suivre 🇹🇷 Turquie"]  # not Azerbaijan
        assert links[0]["url"] == f"https://t.me/{api.username}?start=suivre-a-TR"
        await api.push(api.message_update("/start suivre-a-TR", user_id=111))
        assert "Vous suivez désormais 🇹🇷 Turquie" in (await said(api, 111))[0]["text"]
    assert AlertOutbox(tmp_path / "etat.sqlite3").subscriptions(111) == ["acteur:TR"]


async def test_arreter_cancels_an_alert_already_queued_and_oublier_the_rest(api, copy, tmp_path):
    state = tmp_path / "etat.sqlite3"
    targets = candidates(Index(copy.load()))
    turkey = next(k for k, t in targets.items() if "acteur:TR" in t and "theme:defense" not in t)
    defence = next(k for k, t in targets.items() if "theme:defense" in t and "acteur:TR" not in t)
    store = AlertOutbox(state)
    store.subscribe(110, "acteur:TR")
    store.subscribe(110, "theme:defense")
    older = {k: t for k, t in targets.items() if k not in (turkey, defence)}
    store.record_alerts(older, lambda entries, hit: ["?"])  # the baseline
    for entry in (turkey, defence):  # two entries arrive, one alert each
        older[entry] = targets[entry]
        store.record_alerts(older, lambda entries, hit: [f"Alerte {' '.join(entries)}"])
    store.close()
    # Telegram refuses the first send for now: both alerts wait for their back-off
    api.fail_in(110, "sendMessage", *[ApiError(500, "Internal Server Error")] * 2)
    settings = settings_for(api, state, push_backoff=60.0)
    async with running(settings, copy):
        await api.wait_arrived("sendMessage", 2, chat_id=110)
        await asyncio.sleep(0.3)
        await api.push(api.message_update("/arreter Turquie", user_id=110))
        assert "Abonnement arrêté" in (await said(api, 110))[0]["text"]
        after_stop = {i.text: i.status for i in AlertOutbox(state)._select("1 = 1")}
        await api.push(api.message_update("/oublier", user_id=110))
        await said(api, 110, 2)
        after_forget = AlertOutbox(state)._select("chat_id = '110'")
    assert after_stop == {f"Alerte {turkey}": "dropped", f"Alerte {defence}": "pending"}
    assert after_forget == []
    assert [p["text"] for p in to_chat(api, 110) if p["text"].startswith("Alerte")] == []


MARKS = "\u202e\u2066\u2069\u200b\u200f\u061c\u00ad\ufeff\x07\U000e0041"


async def test_bidi_and_invisible_marks_are_never_echoed_back(api, copy, tmp_path):
    import unicodedata

    settings = settings_for(api, tmp_path / "etat.sqlite3")
    sent = [
        f"/suivre {MARKS[:3]}Zorg{MARKS[3:6]}lub{MARKS[6:]}",
        f"/arreter Zorg{MARKS}lub",
        f"/start {MARKS}Zorglub",
        f"/pays Zorg{MARKS}lub",
        f"/suivre Tur{MARKS}quie",
    ]
    async with running(settings, copy):
        for number, text in enumerate(sent, start=1):
            await api.push(api.message_update(text, user_id=111))
            await said(api, 111, number)
    answers = [p["text"] for p in to_chat(api, 111)]
    for answer_text in answers:
        hidden = [c for c in answer_text if unicodedata.category(c) in ("Cf", "Cc") and c != "\n"]
        assert hidden == [], (answer_text, hidden)
    assert sum("Zorglub" in text for text in answers[:2]) == 2  # the cleaned word, echoed
    assert "désormais" in answers[-1]  # « Tur…quie » read as Turquie once cleaned

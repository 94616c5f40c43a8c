"""Issue 27: the state in PostgreSQL by DATABASE_URL — the sender role on both backends, the
SQLite → PostgreSQL copy, and a database that is unreachable or lost (against a real server)."""

from __future__ import annotations

import subprocess
import sys

import psycopg
import pytest

from bot.config import ConfigError, load_settings
from bot.paths import PROJECT_ROOT
from bot.push.alert_outbox import AlertOutbox
from bot.push.database import StateUnavailable, describe, masked_url, password_of
from bot.push.outbox import INTERRUPTED, Outbox
from tests.postgres import PASSWORD, free_port

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ"


# --- the sender role, on both backends ----------------------------------------------------


def test_one_instance_holds_the_sender_role_until_its_lease_runs_out(state):
    first, second = Outbox(state, owner="a:1:x"), Outbox(state, owner="b:2:y")
    assert first.hold_role(15) == (True, None)
    assert second.hold_role(15) == (False, None)  # held and renewed: the other waits
    assert first.hold_role(15) == (True, None)
    holder = second.role_holder()
    assert holder is not None and holder[0] == "a:1:x"
    first.record("p1", -100, None, ["un"])
    assert first.claim() is not None  # in flight when the sender dies (kill -9) …
    first.hold_role(-1)  # … so its lease is not renewed any more
    assert second.hold_role(15) == (True, "a:1:x")
    [item] = second.open_items()
    assert item.status == "uncertain" and item.last_error == INTERRUPTED  # never re-sent
    assert second.claim() is None
    assert [i.id for i in second.to_notify()] == [item.id]
    assert second.claim_notice(item.id, INTERRUPTED) and not first.claim_notice(
        item.id, INTERRUPTED
    )  # reported once
    assert first.hold_role(15) == (False, None)  # the old sender, back, does not take it again


def test_a_clean_stop_gives_the_role_up_at_once(state):
    first, second = Outbox(state, owner="a:1:x"), Outbox(state, owner="b:2:y")
    assert first.hold_role(15)[0]
    first.resign_role()
    assert second.hold_role(15) == (True, None)  # nothing was in flight: nobody to blame


def test_each_alert_at_most_once_per_chat_and_entry_across_instances(state):
    first, second = AlertOutbox(state, owner="a:1:x"), AlertOutbox(state, owner="b:2:y")
    first.subscribe(7, "acteur:TR")
    targets = {"e1": frozenset({"acteur:TR"})}

    def compose(entries: list[str], hit: list[str]) -> list[str]:
        return [f"alerte {entries}"]

    assert first.record_alerts(targets, compose) == 0  # baseline
    more = {**targets, "e2": frozenset({"acteur:TR"})}
    assert first.record_alerts(more, compose) == 1
    assert second.record_alerts(more, compose) == 0  # the other instance sees it done
    assert [i.text for i in second.pending()] == ["alerte ['e2']"]
    assert first.entries_of(first.pending()[0].post) == ["e2"]


# --- moving a SQLite state into PostgreSQL ------------------------------------------------


def _everything(channel: Outbox, alerts: AlertOutbox) -> list:
    return sorted(
        (i.id, i.post, i.part, i.status, i.message_id, i.text)
        for i in channel._select("1 = 1") + alerts._select("1 = 1")
    )


def _sqlite_state(path) -> dict[str, object]:
    """A state file with something in every table; what PostgreSQL must hold afterwards."""
    channel, alerts = Outbox(path, owner="vieux:1:a"), AlertOutbox(path, owner="vieux:1:a")
    channel.take_baseline("2026-01-01", ["base1", "base2"])
    channel.record("annonce:1", -100, None, ["partie 1", "partie 2"], ["e1", "e0"])
    sent = channel.claim()
    assert sent is not None
    channel.mark_sent(sent.id, 501)
    channel.record("p:incertaine", -100, None, ["perdu ?"])
    channel.record_photo("p:photo", -100, 3, ["légende"], b"\x89PNG-donnees")
    alerts.subscribe(7, "acteur:TR")
    alerts.subscribe(-200, "theme:cyber")
    alerts.record_alerts({"x": frozenset({"acteur:TR"})}, lambda e, h: ["a"])
    alerts.record_alerts(
        {"x": frozenset({"acteur:TR"}), "y": frozenset({"acteur:TR", "theme:cyber"})},
        lambda entries, hit: [f"alerte {entries}"],
    )
    second = alerts.claim()
    assert second is not None
    alerts.mark_sent(second.id, 502)
    third = channel.claim()
    assert third is not None and third.text == "partie 2"
    channel.mark_uncertain(third.id, "réponse perdue")
    photo = next(i.id for i in channel._select("1 = 1") if i.post == "p:photo")
    expected = {
        "items": _everything(channel, alerts),
        "announced": channel.announced(),
        "entries": channel.entries_of_post("annonce:1"),
        "subs": (alerts.subscriptions(7), alerts.subscriptions(-200)),
        "photo": (photo, channel.photo(photo)),
        "baseline": channel.get_meta("baseline"),
    }
    assert {i[3] for i in expected["items"]} >= {"sent", "uncertain", "pending"}
    channel.close()
    alerts.close()
    return expected


def _migrate(path, url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "state", "migrate", "--to", url, "--from", str(path)],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_state_migrate_copies_every_table_checks_counts_and_is_safe_twice(tmp_path, pg_url):
    path = tmp_path / "etat.sqlite3"
    expected = _sqlite_state(path)
    first = _migrate(path, pg_url)
    assert first.returncode == 0, first.stderr
    assert "Copie vérifiée" in first.stdout and "MANQUE" not in first.stdout
    second = _migrate(path, pg_url)  # run again: nothing added, still complete
    assert second.returncode == 0, second.stderr
    assert "0 ajoutée(s)" in second.stdout and " 1 ajoutée" not in second.stdout
    for run in (first, second):
        assert PASSWORD not in run.stdout + run.stderr
    moved, channel = AlertOutbox(pg_url), Outbox(pg_url)
    assert _everything(channel, moved) == expected["items"]
    assert channel.announced() == expected["announced"]
    assert channel.entries_of_post("annonce:1") == expected["entries"] == ["e1", "e0"]
    assert (moved.subscriptions(7), moved.subscriptions(-200)) == expected["subs"]
    assert channel.get_meta("baseline") == expected["baseline"] == "2026-01-01"
    photo_id, png = expected["photo"]
    assert channel.photo(photo_id) == png == b"\x89PNG-donnees"
    # the alerts already queued are not queued again, and a new post gets a fresh id
    assert moved.record_alerts({"x": frozenset(), "y": frozenset()}, lambda e, h: ["b"]) == 0
    assert channel.record("nouveau", -100, None, ["après la copie"])
    assert moved.of_post("nouveau") == []  # a channel post: not in the alert lane
    assert channel.of_post("nouveau")[0].id > max(i[0] for i in expected["items"])


def test_state_migrate_refuses_a_missing_file_and_an_unreachable_server(tmp_path):
    missing = _migrate(tmp_path / "absent.sqlite3", "postgres://u:x@127.0.0.1:1/b")
    assert missing.returncode == 2 and "introuvable" in missing.stderr
    _sqlite_state(tmp_path / "etat.sqlite3")
    url = f"postgresql://bot:{PASSWORD}@127.0.0.1:{free_port()}/base"
    down = _migrate(tmp_path / "etat.sqlite3", url)
    assert down.returncode == 2 and "DATABASE_URL" in down.stderr
    assert PASSWORD not in down.stdout + down.stderr and "Traceback" not in down.stderr


# --- configuration and bad conditions --------------------------------------------------


def test_database_url_is_read_as_platforms_write_it_and_its_password_is_a_secret():
    url = f"postgres://bot:{PASSWORD}@db.example:5432/azsec"
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": url})
    assert settings.state == url and PASSWORD in settings.secrets()
    assert PASSWORD not in repr(settings) and PASSWORD not in str(settings)
    assert PASSWORD not in settings.state_label and "DATABASE_URL" in settings.state_label
    assert masked_url(url) == "postgres://bot:***@db.example:5432/azsec"
    assert (
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).state
        == load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).state_path
    )  # SQLite stays the default
    with pytest.raises(ConfigError, match="DATABASE_URL"):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "DATABASE_URL": "mysql://a:b@h/c"})


def test_an_unreachable_database_names_the_setting_never_the_password():
    url = f"postgresql://bot:{PASSWORD}@127.0.0.1:{free_port()}/azsec"
    with pytest.raises(StateUnavailable) as caught:
        Outbox(url)
    text = f"{caught.value} {caught.value!r}"
    assert "DATABASE_URL" in text and "127.0.0.1" in text and PASSWORD not in text
    assert PASSWORD not in describe(url)


def test_a_lost_connection_is_opened_again_by_itself(pg_url, pg_server):
    outbox = Outbox(pg_url)
    outbox.record("p1", -100, None, ["un"])
    name = pg_url.rsplit("/", 1)[1]
    with psycopg.connect(pg_server, autocommit=True) as admin:  # the server drops us
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s", (name,)
        )
    with pytest.raises(StateUnavailable) as caught:
        outbox.pending()
    assert PASSWORD not in str(caught.value) and "DATABASE_URL" in str(caught.value)
    assert [i.text for i in outbox.pending()] == ["un"]  # the next call reconnects


# --- end to end: the bot with a database that is missing, then lost ------------------------


async def test_the_bot_answers_without_its_database_and_takes_it_back_by_itself(
    api, base, pg_server, caplog, monkeypatch
):
    import asyncio
    import logging

    from bot.config import Settings
    from bot.engine.index import Index
    from bot.telegram import state as state_module
    from bot.telegram.app import build_application
    from tests.harness import polling
    from tests.postgres import with_database

    # The bot's own timings, shortened: it tries a state it could not open again every RETRY
    # seconds (30 in production) and looks at the role and the state every third of its sender
    # lease (BOT_SENDER_LEASE, 15 s by default).
    monkeypatch.setattr(state_module, "RETRY", 0.5)
    caplog.set_level(logging.INFO)
    name = f"t_absente_{free_port()}"
    url = with_database(pg_server, name)  # no such database yet: unreachable at start
    settings = Settings(
        token=api.token,
        api_url=api.url,
        channel_id=-1001234567890,
        admin_ids=frozenset({42}),
        database_url=url,
        push_backoff=0.05,
        sender_lease=1.5,
    )

    def texts(chat: int) -> list[str]:
        return [p["text"] for p in api.sent() if int(p["chat_id"]) == chat]

    async def ask(chat: int, text: str) -> str:
        before = len(texts(chat))
        await api.push(api.message_update(text, user_id=chat))
        for _ in range(200):
            if len(texts(chat)) > before:
                break
            await asyncio.sleep(0.05)
        return texts(chat)[-1]

    def admin(sql: str) -> None:
        with psycopg.connect(pg_server, autocommit=True) as connection:
            connection.execute(sql)

    async with polling(build_application(settings, Index(base))):
        notice = (await api.wait_for("sendMessage"))[0]["text"]
        assert "DATABASE_URL" in notice and "désactivée" in notice
        assert "TURQUIE" in (await ask(7, "/pays Turquie")).upper()  # answers go on
        refused = await ask(8, "/suivre Turquie")
        assert refused.startswith("Abonnements indisponibles") and "DATABASE_URL" in refused
        assert "127.0.0.1" not in refused  # users read the setting, not the host
        refused = await ask(42, "/publier pays Turquie")
        assert "Publication désactivée" in refused and "DATABASE_URL" in refused
        admin(f'CREATE DATABASE "{name}"')  # the add-on comes up
        for attempt in range(360):  # the state is tried again every RETRY seconds
            answer = await ask(1000 + attempt, "/suivre Turquie")  # new chats: no flood guard
            if "indisponible" not in answer:
                break
            await asyncio.sleep(0.25)
        assert "désormais" in answer, answer
        # lost while running: the database refuses connections and drops the bot's sessions
        admin(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS false')
        admin(f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'")
        for attempt in range(240):
            answer = await ask(2000 + attempt, "/suivre OTAN")
            if "indisponible" in answer:
                break
            await asyncio.sleep(0.25)
        assert "Abonnements" in answer and "DATABASE_URL" in answer  # busy, then off
        publish = await ask(42, "/publier pays Turquie")
        assert "indisponible" in publish and "DATABASE_URL" in publish
        assert "TURQUIE" in (await ask(7, "/pays Turquie")).upper()  # answers go on
        admin(f'ALTER DATABASE "{name}" WITH ALLOW_CONNECTIONS true')  # back
        for attempt in range(240):
            answer = await ask(3000 + attempt, "/suivre OTAN")
            if "indisponible" not in answer:
                break
            await asyncio.sleep(0.25)
        assert "désormais" in answer, answer
    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    everything = caplog.text + " ".join(str(p) for p in api.sent())
    secret = password_of(url)
    assert secret, "the test server's URL should hold a password"
    assert "DATABASE_URL" in caplog.text and secret not in everything

"""The Telegram adapter in PTB's idioms (issue 28, point 2): a typed context, the admin and
flood gates as handler groups that stop refused updates, button families chosen by whole-data
patterns with the match handed over, and an error handler that tells the admins once per kind
of crash. Each test watches what reaches a feature handler, against the fake Bot API."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import Any

import pytest

from bot.config import Settings
from bot.engine import routes
from bot.engine.index import Index
from bot.telegram import admin, answers, gates, publishing
from bot.telegram.app import build_application
from bot.telegram.button_patterns import fields, route_pattern
from bot.telegram.context import BotContext, BotData
from bot.telegram.errors import APOLOGY, admin_notice, crash_kind
from bot.telegram.replying import STALE_BUTTON
from bot.telegram.services import PRIVATE_LIMIT, Services
from tests.harness import polling
from tests.test_routes import SAMPLES

ADMIN = 42
OTHER = 43
SHOWN = {"message_id": 77, "date": 0, "chat": {"id": ADMIN, "type": "private"}, "text": "x"}


def settings_for(api: Any, **extra: Any) -> Settings:
    return Settings(token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}), **extra)


async def until(predicate: Callable[[], bool], timeout: float = 30.0) -> None:
    for _ in range(int(timeout / 0.05)):
        if predicate():
            return
        await asyncio.sleep(0.05)
    raise AssertionError("condition jamais remplie")


class Spy:
    """Stands for a feature callback: records the user and what the context carried."""

    def __init__(self) -> None:
        self.calls: list[tuple[int | None, BotContext]] = []

    async def __call__(self, update: Any, context: BotContext) -> None:
        user = update.effective_user
        self.calls.append((user.id if user else None, context))
        if update.callback_query is not None:
            await update.callback_query.answer()


def to(api: Any, chat: int) -> list[str]:
    return [p["text"] for p in api.sent() if int(p["chat_id"]) == chat]


# 1. The typed context -------------------------------------------------------------------


async def test_handlers_get_the_typed_context_and_bot_data_has_no_string_keys(
    api, base, monkeypatch
):
    spy = Spy()
    monkeypatch.setattr(answers, "on_command", spy)
    application = build_application(settings_for(api), Index(base))
    assert isinstance(application.bot_data, BotData)
    with pytest.raises(TypeError):  # not a dictionary: services live behind an attribute
        application.bot_data["services"] = None  # type: ignore[index]
    async with polling(application):
        await api.push(api.message_update("/sources", user_id=OTHER))
        await until(lambda: len(spy.calls) == 1)
    context = spy.calls[0][1]
    assert isinstance(context, BotContext)
    assert isinstance(context.services, Services)
    assert context.services is application.bot_data.services


def test_services_before_start_up_are_a_clear_error():
    with pytest.raises(RuntimeError, match="post_init"):
        _ = BotData().services
    assert BotData().started is None


# 2. The admin gate and the flood gate ---------------------------------------------------


async def test_a_refused_admin_command_never_reaches_its_handler(api, base, monkeypatch, caplog):
    spy = Spy()
    monkeypatch.setattr(publishing, "on_publier", spy)
    async with polling(build_application(settings_for(api), Index(base))):
        await api.push(api.message_update("/publier accord paix", user_id=OTHER))
        await until(lambda: gates.REFUSAL in to(api, OTHER))
        await api.push(api.message_update("/publier accord paix", user_id=ADMIN))
        await until(lambda: len(spy.calls) == 1)
        await asyncio.sleep(0.3)
    assert [user for user, _context in spy.calls] == [ADMIN]
    assert to(api, OTHER) == [gates.REFUSAL]
    assert any("refusé pour l'utilisateur 43" in r.getMessage() for r in caplog.records)


async def test_a_refused_admin_button_never_reaches_its_handler(api, base, monkeypatch):
    spy = Spy()
    monkeypatch.setattr(admin, "on_outbox_button", spy)
    async with polling(build_application(settings_for(api), Index(base))):
        await api.push(api.callback_update("ob:r:5", message=SHOWN, user_id=OTHER))
        answered = (await api.wait_for("answerCallbackQuery"))[0]
        await api.push(api.callback_update("ob:r:5", message=SHOWN, user_id=ADMIN))
        await until(lambda: len(spy.calls) == 1)
    assert answered["text"] == gates.REFUSAL
    assert [user for user, _context in spy.calls] == [ADMIN]


async def test_a_flood_refused_update_stops_in_the_guard_group(api, base, monkeypatch):
    spy = Spy()
    monkeypatch.setattr(answers, "on_command", spy)
    async with polling(build_application(settings_for(api), Index(base))):
        for _ in range(PRIVATE_LIMIT + 5):
            await api.push(api.message_update("/sources", user_id=9))
        await until(lambda: gates.FLOOD_NOTICE in to(api, 9))
        await api.push(api.message_update("/sources", user_id=10))  # someone else goes on
        await until(lambda: any(user == 10 for user, _context in spy.calls))
        await asyncio.sleep(0.3)
    reached = [user for user, _context in spy.calls]
    assert reached.count(9) == PRIVATE_LIMIT and reached.count(10) == 1
    assert to(api, 9) == [gates.FLOOD_NOTICE]  # the only answer: the handler never ran


async def test_the_flood_gate_watches_only_what_its_features_take(api, base, monkeypatch):
    """An admin command is not counted by the flood guard, even from a flooding admin, and
    the gates follow PTB's choice: /publier is taken by its own handler, not by the private
    text handler (which the flood gate watches)."""
    spy = Spy()
    monkeypatch.setattr(publishing, "on_publier", spy)
    async with polling(build_application(settings_for(api), Index(base))):
        for _ in range(PRIVATE_LIMIT + 3):
            await api.push(api.message_update("/publier accord paix", user_id=ADMIN))
        await until(lambda: len(spy.calls) == PRIVATE_LIMIT + 3)
    assert gates.FLOOD_NOTICE not in to(api, ADMIN)


# 3. Button families chosen by whole-data patterns, the match handed over -----------------


@pytest.mark.parametrize("route", list(routes.BUTTONS), ids=lambda route: route.prefix)
def test_each_route_pattern_reads_the_fields_as_the_route_table_does(route):
    data = route.build(*SAMPLES[route])
    assert route_pattern(route).match(data) is not None
    for probe in (data, data + "\n", data + ":x", routes.EDIT + data, data[:-1]):
        match = route_pattern(route).match(probe)
        assert (fields(match) if match else None) == route.parse(probe), probe


async def test_a_button_callback_gets_its_fields_from_the_match(api, base, monkeypatch):
    spy = Spy()
    monkeypatch.setattr(admin, "on_outbox_button", spy)
    async with polling(build_application(settings_for(api), Index(base))):
        await api.push(api.callback_update("ob:x:5", message=SHOWN))  # no such action
        stale = (await api.wait_for("answerCallbackQuery"))[0]
        await api.push(api.callback_update("ob:d:12", message=SHOWN))
        await until(lambda: len(spy.calls) == 1)
    assert stale["text"] == STALE_BUTTON  # forged data never reaches the family's callback
    context = spy.calls[0][1]
    assert context.matches is not None and fields(context.matches[0]) == ("d", "12")


# 5. The error handler ---------------------------------------------------------------------


async def test_admins_are_told_once_per_kind_of_crash(api, base, monkeypatch, caplog):
    kinds = iter([RuntimeError, RuntimeError, ValueError, ValueError])

    def broken(index, text, today=None, previous=None):
        raise next(kinds)("panne simulée : Turquie secrète")

    monkeypatch.setattr(answers, "respond_in_thread", broken)
    caplog.set_level(logging.ERROR)
    async with polling(build_application(settings_for(api), Index(base))):
        for crash in range(1, 5):
            await api.push(api.message_update("/pays Turquie secrète", user_id=OTHER))
            await until(lambda crash=crash: to(api, OTHER).count(APOLOGY) == crash)
            await until(lambda crash=crash: len(to(api, ADMIN)) == (crash + 1) // 2)
        await asyncio.sleep(0.3)
    notices = to(api, ADMIN)
    assert len(notices) == 2  # two crashes of each kind: each kind told once
    assert "RuntimeError dans bot/telegram/answers.py" in notices[0]
    assert "ValueError dans bot/telegram/answers.py" in notices[1]
    assert all("Erreur inattendue" in n and "secrète" not in n for n in notices)
    lines = [r.getMessage() for r in caplog.records if "Échec du traitement" in r.getMessage()]
    assert len(lines) == 4 and not any("secrète" in line for line in lines)


def test_the_kind_of_a_crash_is_its_type_and_place_in_our_code():
    def inner() -> None:
        raise KeyError("texte de l'utilisateur")

    try:
        inner()
    except KeyError as error:
        kind = crash_kind(error)
    assert kind.startswith("KeyError dans tests/test_adapter_idioms.py:")
    assert kind.endswith("(inner)") and "utilisateur" not in kind
    assert "mise à jour 7" in admin_notice(kind, 7)


class _Bot:
    def __init__(self) -> None:
        self.sent: list[tuple[int, str]] = []

    async def send_message(self, chat_id: int, text: str, **_options: Any) -> None:
        self.sent.append((chat_id, text))


class _Context:
    """What on_error reads of PTB's context for an error outside any update (a job's)."""

    def __init__(self, application: Any, error: BaseException) -> None:
        self.application, self.error = application, error


async def test_a_job_crash_is_told_once_per_kind_in_memory(base):
    from types import SimpleNamespace

    from bot.telegram.errors import on_error

    bot, data = _Bot(), BotData()
    data.services = Services(Index(base), Settings(token="1:x", admin_ids=frozenset({ADMIN, 7})))
    application = SimpleNamespace(bot=bot, bot_data=data)

    def crash(kind: type[Exception]) -> BaseException:
        try:
            raise kind("détail")
        except Exception as error:
            return error

    for kind in (OSError, OSError, LookupError):
        await on_error(None, _Context(application, crash(kind)))  # type: ignore[arg-type]
    told = [text for _chat, text in bot.sent]
    assert [chat for chat, _text in bot.sent] == [7, ADMIN, 7, ADMIN]  # every admin, in order
    assert sum("OSError" in text for text in told) == 2  # once per admin, not per crash
    assert sum("LookupError" in text for text in told) == 2
    assert not any("détail" in text for text in told)
    assert len(data.crashes_told) == 2

"""A small Bot API server on 127.0.0.1 for end-to-end tests: stricter than Telegram, never looser.

It queues updates for ``getUpdates``, records every request the bot makes, validates what it
sends (HTML entities, 4096 characters, callback data ≤ 64 bytes, ≤ 50 inline results, known
methods only) and can be told to fail a method a few times (for fault-injection tests).
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from tests.telegram_html import html_errors

JSON_FIELDS = {
    "reply_markup",
    "results",
    "commands",
    "scope",
    "reply_parameters",
    "link_preview_options",
    "allowed_updates",
    "entities",
    "button",
    "media",
}


_WAITED: contextvars.ContextVar[float] = contextvars.ContextVar("waited", default=0.0)
"""Seconds the current request spent long-polling (not server work)."""


class ApiError(Exception):
    """An error answer, as Telegram shapes it."""

    def __init__(self, code: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.code, self.description, self.retry_after = code, description, retry_after


class Drop(ApiError):
    """Close the connection without answering (the request is not processed)."""

    def __init__(self) -> None:
        super().__init__(0, "connexion coupée")


class Lost(ApiError):
    """Process the request (the message is posted), then close the connection unanswered."""

    def __init__(self) -> None:
        super().__init__(0, "traité, réponse perdue")


class Slow(ApiError):
    """Wait ``seconds`` before processing and answering normally."""

    def __init__(self, seconds: float) -> None:
        super().__init__(0, f"lent ({seconds} s)")
        self.seconds = seconds


class HtmlPage(ApiError):
    """Answer with an HTML error page (a proxy's, or a server's that echoes the path)."""

    def __init__(self, code: int, body: str) -> None:
        super().__init__(code, "page d'erreur HTML")
        self.body = body


@dataclass
class Call:
    """One request the bot made: method and decoded parameters."""

    method: str
    params: dict[str, Any]


@dataclass
class FakeBotApi:
    token: str = "123456:TEST-token-abcdefghijklmnopqrstuvwxyz"
    username: str = "AzSecTestBot"
    bot_id: int = 123456
    calls: list[Call] = field(default_factory=list)
    updates: list[dict[str, Any]] = field(default_factory=list)
    faults: dict[str, list[ApiError]] = field(default_factory=dict)
    webhook: dict[str, Any] = field(default_factory=dict)
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _messages: itertools.count[int] = field(default_factory=lambda: itertools.count(1000))
    _changed: asyncio.Condition | None = None
    _runner: web.AppRunner | None = None
    url: str = ""
    validate: bool = True
    """False only for benchmarks: skip the HTML and length checks (the bot's output is tested)."""
    handler_ms: dict[str, list[float]] = field(default_factory=dict)
    """Time the server itself spent on each successful call, by method (waits excluded)."""
    first_poll_at: float | None = None
    """time.perf_counter() of the first getUpdates (the bot is then ready)."""
    chat_admins: dict[int, set[int]] = field(default_factory=dict)
    """Group id → ids of its administrators, for getChatMember (others are members)."""
    blocked: set[int] = field(default_factory=set)
    """Chats whose user blocked the bot: sendMessage there answers 403."""
    files: dict[str, bytes] = field(default_factory=dict)
    """Documents users sent, by file_id (served by getFile and the file download route)."""
    arrived: list[Call] = field(default_factory=list)
    """Every request as it arrives (before faults and waits), getUpdates excepted."""
    chat_faults: dict[tuple[str, str], list[ApiError]] = field(default_factory=dict)
    """(method, chat id) → errors for the next calls of that method to that chat."""

    # --- life cycle ---------------------------------------------------------------------

    async def start(self) -> str:
        self._changed = asyncio.Condition()
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._handle)
        app.router.add_get("/bot{token}/{method}", self._handle)
        app.router.add_get("/file/bot{token}/{path:.+}", self._download)
        # At stop, after the test's assertions: a handler still in a Slow wait or a long poll
        # is cancelled after 0.1 s instead of being waited for (aiohttp's 60 s).
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        self.url = f"http://127.0.0.1:{port}"
        return self.url

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    # --- what the tests do as users -----------------------------------------------------

    def _user(self, user_id: int) -> dict[str, Any]:
        return {
            "id": user_id,
            "is_bot": False,
            "first_name": f"Utilisateur {user_id}",
            "language_code": "fr",
        }

    def _chat(self, chat_id: int, chat_type: str) -> dict[str, Any]:
        chat: dict[str, Any] = {"id": chat_id, "type": chat_type}
        if chat_type != "private":
            chat["title"] = "Groupe de veille"
            if chat_type == "supergroup":
                chat["is_forum"] = True
        return chat

    def message_update(
        self,
        text: str,
        *,
        user_id: int = 42,
        chat_id: int | None = None,
        chat_type: str = "private",
        thread_id: int | None = None,
    ) -> dict[str, Any]:
        message: dict[str, Any] = {
            "message_id": next(self._messages),
            "date": int(time.time()),
            "chat": self._chat(chat_id if chat_id is not None else user_id, chat_type),
            "from": self._user(user_id),
            "text": text,
        }
        if text.startswith("/"):
            command = text.split(" ", 1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        if thread_id is not None:
            message["message_thread_id"] = thread_id
            message["is_topic_message"] = True
        return {"update_id": next(self._ids), "message": message}

    def document_update(
        self,
        content: bytes,
        file_name: str = "article.txt",
        *,
        mime_type: str = "text/plain",
        user_id: int = 42,
        chat_type: str = "private",
        file_size: int | None = None,
    ) -> dict[str, Any]:
        """A message carrying a document; its bytes are served by getFile and the file URL."""
        file_id = f"doc{len(self.files) + 1}"
        self.files[file_id] = content
        chat_id = user_id if chat_type == "private" else -1001
        message: dict[str, Any] = {
            "message_id": next(self._messages),
            "date": int(time.time()),
            "chat": self._chat(chat_id, chat_type),
            "from": self._user(user_id),
            "document": {
                "file_id": file_id,
                "file_unique_id": f"u{file_id}",
                "file_name": file_name,
                "mime_type": mime_type,
                "file_size": len(content) if file_size is None else file_size,
            },
        }
        return {"update_id": next(self._ids), "message": message}

    def edited_update(self, original: dict[str, Any], text: str) -> dict[str, Any]:
        """The user edits the message of ``original`` (an update from message_update)."""
        message = dict(original["message"], text=text, edit_date=int(time.time()))
        if text.startswith("/"):
            command = text.split(" ", 1)[0]
            message["entities"] = [{"type": "bot_command", "offset": 0, "length": len(command)}]
        return {"update_id": next(self._ids), "edited_message": message}

    def callback_update(
        self, data: str, *, message: dict[str, Any], user_id: int = 42
    ) -> dict[str, Any]:
        return {
            "update_id": next(self._ids),
            "callback_query": {
                "id": f"cb{next(self._messages)}",
                "from": self._user(user_id),
                "chat_instance": "ci1",
                "data": data,
                "message": message,
            },
        }

    def inline_update(self, query: str, *, user_id: int = 42) -> dict[str, Any]:
        return {
            "update_id": next(self._ids),
            "inline_query": {
                "id": f"iq{next(self._messages)}",
                "from": self._user(user_id),
                "query": query,
                "offset": "",
            },
        }

    async def push(self, update: dict[str, Any]) -> dict[str, Any]:
        """Queue an update for getUpdates."""
        assert self._changed is not None
        async with self._changed:
            self.updates.append(update)
            self._changed.notify_all()
        return update

    def sent(self, method: str = "sendMessage") -> list[dict[str, Any]]:
        return [call.params for call in self.calls if call.method == method]

    async def wait_for(
        self, method: str, count: int = 1, timeout: float = 45.0
    ) -> list[dict[str, Any]]:
        """Wait until the bot has called ``method`` at least ``count`` times (returns at once
        when it has: the generous default only matters under load, e.g. a picture process
        starting at nice 10 while the parallel suite keeps both cores busy)."""
        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(
                self._changed.wait_for(lambda: len(self.sent(method)) >= count), timeout
            )
        return self.sent(method)

    def fail(self, method: str, *errors: ApiError) -> None:
        """Answer the next calls of ``method`` with these errors, in order."""
        self.faults.setdefault(method, []).extend(errors)

    def fail_in(self, chat_id: int | str, method: str, *errors: ApiError) -> None:
        """Answer the next calls of ``method`` to ``chat_id`` with these errors, in order
        (before any fault set by :meth:`fail`)."""
        self.chat_faults.setdefault((method, str(chat_id)), []).extend(errors)

    async def wait_arrived(
        self, method: str, count: int = 1, timeout: float = 10.0, chat_id: int | None = None
    ) -> None:
        """Wait until ``count`` requests of ``method`` (to ``chat_id`` when given) arrived,
        whether or not they were answered yet."""

        def enough() -> bool:
            found = [
                c
                for c in self.arrived
                if c.method == method
                and (chat_id is None or str(c.params.get("chat_id")) == str(chat_id))
            ]
            return len(found) >= count

        assert self._changed is not None
        async with self._changed:
            await asyncio.wait_for(self._changed.wait_for(enough), timeout)

    # --- the server -------------------------------------------------------------------

    async def _params(self, request: web.Request) -> dict[str, Any]:
        if request.content_type == "application/json":
            raw: dict[str, Any] = await request.json()
        else:
            raw = {key: value for key, value in (await request.post()).items()}
        params: dict[str, Any] = {}
        for key, value in raw.items():
            if key in JSON_FIELDS and isinstance(value, str):
                value = json.loads(value)
            params[key] = value
        return params

    async def _handle(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return web.json_response(
                {"ok": False, "error_code": 401, "description": "Unauthorized"}, status=401
            )
        method = request.match_info["method"]
        started = time.perf_counter()
        params = await self._params(request)
        assert self._changed is not None
        try:
            handler = getattr(self, f"_m_{method}", None)
            if handler is None:
                raise ApiError(404, "Not Found: method not found")
            if method != "getUpdates":
                async with self._changed:
                    self.arrived.append(Call(method, params))
                    self._changed.notify_all()
            pending = self.chat_faults.get((method, str(params.get("chat_id"))))
            if not pending:
                pending = self.faults.get(method)
            fault = pending.pop(0) if pending else None
            if isinstance(fault, Slow):
                await asyncio.sleep(fault.seconds)
            elif isinstance(fault, Drop):
                async with self._changed:
                    self.calls.append(Call(f"!{method}", params))
                    self._changed.notify_all()
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=500)
            elif isinstance(fault, Lost):
                await handler(params)
                async with self._changed:
                    self.calls.append(Call(method, params))
                    self._changed.notify_all()
                if request.transport is not None:
                    request.transport.close()
                return web.Response(status=500)
            elif isinstance(fault, HtmlPage):
                async with self._changed:
                    self.calls.append(Call(f"!{method}", params))
                    self._changed.notify_all()
                return web.Response(status=fault.code, text=fault.body, content_type="text/html")
            elif fault is not None:
                raise fault
            result = await handler(params)
        except ApiError as error:
            async with self._changed:
                self.calls.append(Call(f"!{method}", params))
                self._changed.notify_all()
            body: dict[str, Any] = {
                "ok": False,
                "error_code": error.code,
                "description": error.description,
            }
            if error.retry_after is not None:
                body["parameters"] = {"retry_after": error.retry_after}
            return web.json_response(body, status=error.code)
        spent = (time.perf_counter() - started - _WAITED.get()) * 1000
        if method != "getUpdates" or result:
            self.handler_ms.setdefault(method, []).append(spent)
        if method != "getUpdates":
            async with self._changed:
                self.calls.append(Call(method, params))
                self._changed.notify_all()
        return web.json_response({"ok": True, "result": result})

    # --- validation shared by methods ---------------------------------------------------

    def _check_text(self, text: Any, parse_mode: Any) -> None:
        if not self.validate:
            return
        if not isinstance(text, str) or not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > 4096:
            raise ApiError(400, "Bad Request: message is too long")
        if parse_mode == "HTML":
            errors = html_errors(text)
            if errors:
                raise ApiError(400, f"Bad Request: can't parse entities: {errors[0]}")

    @staticmethod
    def _check_markup(markup: Any) -> None:
        if markup is None:
            return
        for row in markup.get("inline_keyboard", []):
            for button in row:
                if not button.get("text"):
                    raise ApiError(
                        400, "Bad Request: text buttons are unallowed in the inline keyboard"
                    )
                data = button.get("callback_data")
                if data is not None and not 1 <= len(data.encode("utf-8")) <= 64:
                    raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")

    def _message(self, params: dict[str, Any], text: str) -> dict[str, Any]:
        chat_id = int(params["chat_id"])
        message: dict[str, Any] = {
            "message_id": next(self._messages),
            "date": int(time.time()),
            "chat": self._chat(chat_id, "private" if chat_id > 0 else "supergroup"),
            "from": {
                "id": self.bot_id,
                "is_bot": True,
                "first_name": "AzSec",
                "username": self.username,
            },
            "text": text,
        }
        if "message_thread_id" in params:
            message["message_thread_id"] = int(params["message_thread_id"])
            message["is_topic_message"] = True
        if "reply_markup" in params:
            message["reply_markup"] = params["reply_markup"]
        return message

    # --- methods ----------------------------------------------------------------------

    async def _download(self, request: web.Request) -> web.Response:
        """GET /file/bot<token>/documents/<file_id>: the bytes of a document users sent."""
        if request.match_info["token"] != self.token:
            return web.Response(status=401)
        file_id = request.match_info["path"].rsplit("/", 1)[-1]
        if file_id not in self.files:
            return web.Response(status=404)
        return web.Response(body=self.files[file_id])

    async def _m_getFile(self, params: dict[str, Any]) -> dict[str, Any]:
        file_id = str(params.get("file_id"))
        if file_id not in self.files:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": file_id,
            "file_unique_id": f"u{file_id}",
            "file_size": len(self.files[file_id]),
            "file_path": f"documents/{file_id}",
        }

    async def _m_sendDocument(self, params: dict[str, Any]) -> dict[str, Any]:
        """Keeps the uploaded file as params["document"] = {"filename", "content"}."""
        upload = params.get("document")
        if not hasattr(upload, "file"):
            raise ApiError(400, "Bad Request: there is no document in the request")
        content = upload.file.read()  # type: ignore[union-attr]
        if not content:
            raise ApiError(400, "Bad Request: file must be non-empty")
        params["document"] = {"filename": upload.filename, "content": content}  # type: ignore[union-attr]
        caption = params.get("caption")
        if caption is not None:
            self._check_text(caption, params.get("parse_mode"))
        message = self._message(params, "")
        del message["text"]
        message["document"] = {"file_id": "sent", "file_unique_id": "usent"}
        return message

    async def _m_getMe(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "id": self.bot_id,
            "is_bot": True,
            "first_name": "AzSec",
            "username": self.username,
            "can_join_groups": True,
            "can_read_all_group_messages": False,
            "supports_inline_queries": True,
        }

    async def _m_getUpdates(self, params: dict[str, Any]) -> list[dict[str, Any]]:
        if self.first_poll_at is None:
            self.first_poll_at = time.perf_counter()
        offset = int(params.get("offset", 0) or 0)
        limit = min(max(int(params.get("limit", 100) or 100), 1), 100)
        timeout = min(float(params.get("timeout", 0) or 0), 2.0)
        assert self._changed is not None
        async with self._changed:
            self.updates = [u for u in self.updates if u["update_id"] >= offset]
            if not self.updates and timeout:
                waiting = time.perf_counter()
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(
                        self._changed.wait_for(lambda: bool(self.updates)), timeout
                    )
                _WAITED.set(time.perf_counter() - waiting)
            return list(self.updates[:limit])

    async def _m_sendMessage(self, params: dict[str, Any]) -> dict[str, Any]:
        if "chat_id" not in params:
            raise ApiError(400, "Bad Request: chat_id is empty")
        if int(params["chat_id"]) in self.blocked:
            raise ApiError(403, "Forbidden: bot was blocked by the user")
        self._check_text(params.get("text"), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        return self._message(params, params["text"])

    async def _m_editMessageText(self, params: dict[str, Any]) -> dict[str, Any]:
        if "message_id" not in params or "chat_id" not in params:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        self._check_text(params.get("text"), params.get("parse_mode"))
        self._check_markup(params.get("reply_markup"))
        message = self._message(params, params["text"])
        message["message_id"] = int(params["message_id"])
        return message

    async def _m_answerCallbackQuery(self, params: dict[str, Any]) -> bool:
        query_id = params.get("callback_query_id")
        answered = {
            c.params.get("callback_query_id")
            for c in self.calls
            if c.method == "answerCallbackQuery"
        }
        if not query_id or query_id in answered:
            raise ApiError(
                400,
                "Bad Request: query is too old and response timeout expired or query ID is invalid",
            )
        if len(params.get("text", "") or "") > 200:
            raise ApiError(400, "Bad Request: text is too long")
        return True

    async def _m_answerInlineQuery(self, params: dict[str, Any]) -> bool:
        results = params.get("results", [])
        if len(results) > 50:
            raise ApiError(400, "Bad Request: RESULTS_TOO_MUCH")
        ids = [result.get("id", "") for result in results]
        if len(set(ids)) != len(ids) or any(not 1 <= len(i.encode()) <= 64 for i in ids):
            raise ApiError(400, "Bad Request: RESULT_ID_INVALID")
        for result in results:
            content = result.get("input_message_content", {})
            self._check_text(content.get("message_text"), content.get("parse_mode"))
        return True

    async def _m_setMyCommands(self, params: dict[str, Any]) -> bool:
        for command in params.get("commands", []):
            name, description = command.get("command", ""), command.get("description", "")
            if (
                not (
                    1 <= len(name) <= 32
                    and name.isascii()
                    and name.replace("_", "").isalnum()
                    and name.islower()
                )
                or not 1 <= len(description) <= 256
            ):
                raise ApiError(400, "Bad Request: BOT_COMMAND_INVALID")
        return True

    async def _m_deleteWebhook(self, params: dict[str, Any]) -> bool:
        self.webhook = {}
        return True

    async def _m_setWebhook(self, params: dict[str, Any]) -> bool:
        if not str(params.get("url", "")).startswith(("http://", "https://")):
            raise ApiError(400, "Bad Request: bad webhook: invalid URL")
        self.webhook = params
        return True

    async def _m_getWebhookInfo(self, params: dict[str, Any]) -> dict[str, Any]:
        return {
            "url": self.webhook.get("url", ""),
            "has_custom_certificate": False,
            "pending_update_count": 0,
        }

    async def _m_getChatMember(self, params: dict[str, Any]) -> dict[str, Any]:
        chat_id, user_id = int(params["chat_id"]), int(params["user_id"])
        user = self._user(user_id)
        if user_id not in self.chat_admins.get(chat_id, set()):
            return {"status": "member", "user": user}
        rights = [
            "can_be_edited",
            "can_manage_chat",
            "can_delete_messages",
            "can_manage_video_chats",
            "can_restrict_members",
            "can_promote_members",
            "can_change_info",
            "can_invite_users",
            "can_post_stories",
            "can_edit_stories",
            "can_delete_stories",
        ]
        return {"status": "administrator", "user": user, "is_anonymous": False} | dict.fromkeys(
            rights, False
        )

    # --- photos (issue 15: /carte, /frise) ---------------------------------------------

    async def _m_editMessageMedia(self, params: dict[str, Any]) -> dict[str, Any]:
        """A photo replaced in place (◀ ▶ under /frise): the new PNG is kept as ``photo``."""
        if "message_id" not in params or "chat_id" not in params:
            raise ApiError(400, "Bad Request: message identifier is not specified")
        media = params.get("media")
        if not isinstance(media, dict) or media.get("type") != "photo":
            raise ApiError(400, "Bad Request: can't parse InputMedia")
        reference = str(media.get("media", ""))
        upload = params.get(reference.removeprefix("attach://"))
        data = upload.file.read() if isinstance(upload, web.FileField) else None
        if not isinstance(data, bytes) or not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        params["photo"] = data
        caption = media.get("caption", "")
        params["caption"] = caption
        if self.validate and len(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        if self.validate and caption and media.get("parse_mode") == "HTML":
            errors = html_errors(caption)
            if errors:
                raise ApiError(400, f"Bad Request: can't parse entities: {errors[0]}")
        self._check_markup(params.get("reply_markup"))
        message = self._message(params, "")
        del message["text"]
        message["message_id"] = int(params["message_id"])
        message["caption"] = caption
        message["photo"] = [{"file_id": "edited", "file_unique_id": "e", "width": 1, "height": 1}]
        return message

    async def _m_sendPhoto(self, params: dict[str, Any]) -> dict[str, Any]:
        """A photo uploaded as multipart: kept as bytes in the recorded call (``photo``)."""
        if "chat_id" not in params:
            raise ApiError(400, "Bad Request: chat_id is empty")
        photo = params.get("photo")
        if isinstance(photo, web.FileField):
            params["photo"] = photo.file.read()
        data = params.get("photo")
        if not isinstance(data, bytes) or not data.startswith(b"\x89PNG\r\n\x1a\n"):
            raise ApiError(400, "Bad Request: IMAGE_PROCESS_FAILED")
        caption = params.get("caption", "")
        if self.validate and len(caption) > 1024:
            raise ApiError(400, "Bad Request: message caption is too long")
        if self.validate and caption and params.get("parse_mode") == "HTML":
            errors = html_errors(caption)
            if errors:
                raise ApiError(400, f"Bad Request: can't parse entities: {errors[0]}")
        self._check_markup(params.get("reply_markup"))
        message = self._message(params, "")
        del message["text"]
        message["caption"] = caption
        message["photo"] = [
            {
                "file_id": f"photo-{message['message_id']}",
                "file_unique_id": "p",
                "width": 1280,
                "height": 1000,
                "file_size": len(data),
            }
        ]
        return message

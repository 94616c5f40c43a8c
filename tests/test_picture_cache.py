"""Issue 25, point 2: a picture request is prepared once per served index (specification,
caption, buttons, PNG key), never shown from a base that is no longer served."""

from __future__ import annotations

import asyncio
import threading
from types import SimpleNamespace
from typing import Any

import pytest
from telegram.constants import ChatType

from bot.content.model import FactBase
from bot.engine.index import Index
from bot.engine.pictures import Picture, picture
from bot.engine.reply import Reply
from bot.image.render import key
from bot.telegram import picture_cache, pictures
from bot.telegram.picture_cache import PictureCache, Prepared


def _get(cache: PictureCache, *args: Any) -> Any:
    return asyncio.run(cache.get(*args))


class Counted:
    """``picture`` of the engine, counting its calls."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, index: Index, kind: str, argument: str, page: int = 1) -> Any:
        self.calls += 1
        return picture(index, kind, argument, page)


def test_the_same_request_on_the_same_index_is_prepared_once(base: FactBase) -> None:
    index, cache, made = Index(base), PictureCache(), Counted()
    first = _get(cache, index, ("carte", ""), lambda: made(index, "carte", ""))
    again = _get(cache, index, ("carte", ""), lambda: made(index, "carte", ""))
    assert made.calls == 1 and again is first
    assert isinstance(first, Prepared)
    fresh = picture(index, "carte", "")
    assert isinstance(fresh, Picture)
    caption, rest = pictures.caption_and_rest(fresh.caption)
    # what is kept is exactly what would be built anew
    assert (first.caption, list(first.rest)) == (caption, rest)
    assert first.digest == key(fresh.spec) and first.found == fresh


def test_another_index_empties_the_cache(base: FactBase) -> None:
    old, new, cache, made = Index(base), Index(base), PictureCache(), Counted()
    _get(cache, old, ("frise", "2025"), lambda: made(old, "frise", "2025"))
    kept = _get(cache, new, ("frise", "2025"), lambda: made(new, "frise", "2025"))
    assert made.calls == 2
    assert isinstance(kept, Prepared)
    _get(cache, old, ("frise", "2025"), lambda: made(old, "frise", "2025"))
    assert made.calls == 3  # the old base's picture was not kept for it either


def test_a_refusal_is_kept_as_the_engine_said_it_and_the_cache_is_bounded(
    base: FactBase,
) -> None:
    index, cache, made = Index(base), PictureCache(size=2), Counted()
    refused = _get(cache, index, ("carte", "zzqx"), lambda: made(index, "carte", "zzqx"))
    assert isinstance(refused, Reply) and refused == picture(index, "carte", "zzqx")
    for argument in ("2025", "2024"):
        _get(cache, index, ("carte", argument), lambda a=argument: made(index, "carte", a))
    assert made.calls == 3
    _get(cache, index, ("carte", "zzqx"), lambda: made(index, "carte", "zzqx"))
    assert made.calls == 4  # pushed out by the two later requests


class FakeMessage:
    def __init__(self, text: str) -> None:
        self.text = text
        self.chat = SimpleNamespace(type=ChatType.PRIVATE)
        self.photos: list[dict[str, Any]] = []

    async def reply_photo(self, **kwargs: Any) -> None:
        self.photos.append(kwargs)

    async def reply_text(self, text: str, **kwargs: Any) -> None:
        self.photos.append({"text": text})


class FakeDrawer:
    def __init__(self) -> None:
        self.asked: list[str | None] = []

    async def png(self, spec: object, digest: str | None = None) -> bytes:
        self.asked.append(digest)
        return b"\x89PNG"


def test_carte_twice_builds_the_picture_once_and_again_after_a_reload(
    base: FactBase, monkeypatch: pytest.MonkeyPatch
) -> None:
    made = Counted()
    monkeypatch.setattr(pictures, "picture", made)
    monkeypatch.setattr(picture_cache, "CACHE", PictureCache())
    monkeypatch.setattr(pictures, "CACHE", picture_cache.CACHE)
    monkeypatch.setattr(pictures, "release_memory", lambda: None)
    served, drawer = Index(base), FakeDrawer()
    sent = []
    for index in (served, served, Index(base)):  # the third: a reloaded base
        message = FakeMessage("/carte 2025")
        asyncio.run(pictures.answer_picture(message, index, drawer))  # type: ignore[arg-type]
        sent.append(next(photo for photo in message.photos if "caption" in photo))
    assert made.calls == 2
    expected = picture(served, "carte", "2025")
    assert isinstance(expected, Picture)
    caption, _ = pictures.caption_and_rest(expected.caption)
    assert all(photo["caption"] == caption for photo in sent)
    assert drawer.asked == [key(expected.spec)] * 3  # the key handed over, not hashed again


def test_a_picture_is_prepared_off_the_answering_loop_once_for_concurrent_requests(
    base: FactBase,
) -> None:
    index, cache, threads = Index(base), PictureCache(), []

    def make() -> Picture | Reply:
        threads.append(threading.current_thread())
        return picture(index, "carte", "")

    async def both() -> list[Any]:
        return list(
            await asyncio.gather(
                cache.get(index, ("carte", ""), make), cache.get(index, ("carte", ""), make)
            )
        )

    first, second = asyncio.run(both())
    assert isinstance(first, Prepared) and second is first
    assert len(threads) == 1 and threads[0] is not threading.main_thread()

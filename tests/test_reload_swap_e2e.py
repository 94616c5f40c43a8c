"""Issue 25, point 1, end to end: /recharger after one changed file revalidates that file
only, serves the new base, and takes the replaced index apart (freed piece by piece)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.content.filecache import SUFFIX
from bot.engine.index import Index
from bot.startup import VALIDATION_CACHE
from bot.telegram.app import build_application
from bot.telegram.services import Services
from tests.conftest import ContentCopy
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling

ADMIN = 42
NEW_EVENT = """
  - id: rechargement-un-fichier
    date: "2022"
    date_text: en 2022
    type: reunion
    actors: [AZ, otan]
    topics: [defense]
    summary: Fait ajouté par le test du rechargement d'un seul fichier.
    evidence:
      - source: otan-ots
        quote: "La Hongrie en est devenue membre observateur en 2018 et le Turkménistan en 2022."
"""


@pytest.fixture
async def served(
    api: FakeBotApi, copy: ContentCopy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Services]:
    monkeypatch.setenv("SNAPSHOT_DIR", str(tmp_path / "cache"))  # the child inherits it
    settings = Settings(  # type: ignore[call-arg]
        token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}), rate_limit=0
    )
    application = build_application(settings, Index(copy.load()), copy.content, copy.seeds)
    async with polling(application):
        yield application.bot_data.services


async def _reload(api: FakeBotApi) -> str:
    before = len(api.sent())
    await api.push(api.message_update("/recharger", user_id=ADMIN))
    sent = await api.wait_for("sendMessage", before + 1, timeout=60)
    return str(sent[before]["text"])


async def test_a_reload_serves_the_edit_and_takes_the_old_index_apart(
    api: FakeBotApi, copy: ContentCopy, tmp_path: Path, served: Services
) -> None:
    old_state = vars(served.index)  # not the index itself: that would keep it alive
    assert "Base rechargée" in await _reload(api)
    assert old_state == {}  # freed table by table, nobody else held it
    records = sorted((tmp_path / "cache" / VALIDATION_CACHE).glob("*" + SUFFIX))
    assert len(records) == len(list(copy.content.glob("*.yaml")))
    events = copy.content / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8") + NEW_EVENT, encoding="utf-8")
    assert "Base rechargée" in await _reload(api)
    after = sorted((tmp_path / "cache" / VALIDATION_CACHE).glob("*" + SUFFIX))
    assert len(set(after) - set(records)) == 1  # one file validated again, one new record
    assert any(e.id == "rechargement-un-fichier" for e in served.index.base.events)

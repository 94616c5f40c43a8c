"""The draft tool on Telegram, end to end against the fake Bot API on 127.0.0.1."""

from __future__ import annotations

import asyncio
import hashlib
import subprocess
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.content.loader import load_factbase
from bot.content.yamlread import read_yaml
from bot.draft.intake import MAX_ARTICLE_BYTES
from bot.engine.index import Index
from bot.paths import CONTENT_DIR, PROJECT_ROOT
from bot.telegram.app import build_application
from bot.telegram.drafting import ASK_TEXT, NOT_TXT, PRIVATE_ONLY, TOO_BIG
from bot.telegram.gates import REFUSAL
from tests.fake_bot_api import FakeBotApi
from tests.harness import polling as running

ADMIN = 42
OTHER = 77
CHARTE = Path(__file__).parent / "articles" / "courrier-am-charte-etats-unis.txt"
JF17C = Path(__file__).parent / "articles" / "gagadget-jf17c-pakistan.txt"
REUTERS = Path(__file__).parent / "draft_articles" / "depeche-reuters-traite.txt"


@pytest.fixture
async def bot(api: FakeBotApi, base) -> AsyncIterator[FakeBotApi]:
    settings = Settings(token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}))  # type: ignore[call-arg]
    async with running(build_application(settings, Index(base))):
        yield api


def _tree_hash(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(str(path).encode() + path.read_bytes())
    return digest.hexdigest()


async def test_admin_document_gets_a_summary_and_the_draft_yaml(bot):
    before = _tree_hash(CONTENT_DIR)
    article = CHARTE.read_bytes()
    await bot.push(bot.document_update(article, CHARTE.name, user_id=ADMIN))
    documents = await bot.wait_for("sendDocument")
    summary = bot.sent()[0]["text"]
    assert "entrées candidates" in summary
    assert "partenariat-strategique-az-us" in summary  # the repeated fact, pointed at
    sent = documents[0]["document"]
    assert sent["filename"] == "courrier-am-charte-etats-unis.yaml"
    data = read_yaml(sent["content"].decode("utf-8"))
    text = article.decode("utf-8")
    for section in ("events", "agreements", "facts"):
        for entry in data.get(section) or []:
            assert entry["summary"] is None
            for item in entry["evidence"]:
                assert item["quote"] in text
    assert _tree_hash(CONTENT_DIR) == before


@pytest.fixture
async def small_bot(api: FakeBotApi) -> AsyncIterator[FakeBotApi]:
    """The bot on the fixture base of tests/fixtures/draft_base/ (no Pakistan in it)."""
    fixture = Path(__file__).parent / "fixtures" / "draft_base"
    small = load_factbase(fixture / "content", fixture / "seeds")
    settings = Settings(token=api.token, api_url=api.url, admin_ids=frozenset({ADMIN}))  # type: ignore[call-arg]
    async with running(build_application(settings, Index(small))):
        yield api


async def test_new_country_is_named_in_the_summary(small_bot):
    await small_bot.push(small_bot.document_update(JF17C.read_bytes(), JF17C.name, user_id=ADMIN))
    await small_bot.wait_for("sendDocument")
    line = next(x for x in small_bot.sent()[0]["text"].splitlines() if "Nouveaux pays" in x)
    assert "Pakistan (PK)" in line and "Chine (CN)" in line  # « sino-pakistanais »


async def test_non_admin_is_refused_and_gets_no_document(bot):
    await bot.push(bot.document_update(CHARTE.read_bytes(), CHARTE.name, user_id=OTHER))
    await bot.push(bot.message_update("/brouillon Un texte", user_id=OTHER))
    sent = await bot.wait_for("sendMessage", 2)
    assert [message["text"] for message in sent] == [REFUSAL, REFUSAL]
    await asyncio.sleep(0.3)
    assert bot.sent("sendDocument") == []
    assert bot.sent("getFile") == []  # the file is not even fetched


async def test_limits_get_clear_french_messages(bot):
    await bot.push(
        bot.document_update(b"x", "gros.txt", user_id=ADMIN, file_size=MAX_ARTICLE_BYTES + 1)
    )
    await bot.wait_for("sendMessage")
    await bot.push(bot.document_update(b"%PDF-1.4", "article.pdf", mime_type="application/pdf"))
    await bot.wait_for("sendMessage", 2)
    undecodable = "L'Azerbaïdjan ".encode("utf-16") * 20
    await bot.push(bot.document_update(undecodable, "utf16.txt", user_id=ADMIN))
    sent = await bot.wait_for("sendMessage", 3)
    assert sent[0]["text"] == TOO_BIG
    assert sent[1]["text"] == NOT_TXT
    assert sent[2]["text"].startswith("Impossible de faire le brouillon : ")
    assert "UTF-8" in sent[2]["text"]
    assert bot.sent("sendDocument") == []


async def test_cp1252_article_is_read_with_a_note(bot):
    latin = CHARTE.read_text(encoding="utf-8").replace("’", "'").encode("cp1252")
    await bot.push(bot.document_update(latin, "charte.txt", user_id=ADMIN))
    await bot.wait_for("sendDocument")
    assert "Windows-1252" in bot.sent()[0]["text"]


async def test_brouillon_then_pasted_text_in_the_next_message(bot):
    text = CHARTE.read_text(encoding="utf-8")
    await bot.push(bot.message_update("/brouillon", user_id=ADMIN))
    await bot.wait_for("sendMessage")
    assert bot.sent()[0]["text"] == ASK_TEXT
    await bot.push(bot.message_update(text, user_id=ADMIN))
    documents = await bot.wait_for("sendDocument")
    assert documents[0]["document"]["filename"] == "article-colle.yaml"
    # Only one answer to the pasted text: the generic private handler did not answer too.
    await asyncio.sleep(0.3)
    assert len(bot.sent()) == 2
    # The next plain text is an ordinary message again (the help or a card).
    await bot.push(bot.message_update("Turquie", user_id=ADMIN))
    await bot.wait_for("sendMessage", 3)
    assert len(bot.sent("sendDocument")) == 1


async def test_brouillon_with_text_and_in_a_group(bot):
    text = CHARTE.read_text(encoding="utf-8")
    update = bot.message_update(f"/brouillon\n{text}", user_id=ADMIN)
    update["message"]["entities"][0]["length"] = len("/brouillon")  # as Telegram marks it
    await bot.push(update)
    sent = await bot.wait_for("sendDocument")
    content = sent[0]["document"]["content"].decode("utf-8")
    assert "probablement le même fait que partenariat-strategique-az-us" in content
    await bot.push(
        bot.message_update("/brouillon texte", user_id=ADMIN, chat_id=-100, chat_type="group")
    )
    sent = await bot.wait_for("sendMessage", 2)
    assert sent[-1]["text"] == PRIVATE_ONLY


def test_a_long_summary_is_cut_at_a_line_and_says_so():
    from bot.telegram.drafting import SUMMARY_LIMIT, _fit

    summary = "\n".join(f"Ligne {n} : " + "x" * 90 for n in range(100))
    fitted = _fit(summary)
    assert len(fitted) <= SUMMARY_LIMIT
    assert fitted.endswith("… le reste du résumé est dans le brouillon joint.")
    assert all(line in summary.splitlines() for line in fitted.splitlines()[:-1])


async def test_a_lone_brouillon_is_forgotten_after_a_while(bot, monkeypatch):
    import bot.telegram.drafting as drafting

    await bot.push(bot.message_update("/brouillon", user_id=ADMIN))
    await bot.wait_for("sendMessage")
    monkeypatch.setattr(drafting, "AWAIT_SECONDS", -1.0)  # the wait is over
    await bot.push(bot.message_update(CHARTE.read_text(encoding="utf-8"), user_id=ADMIN))
    await bot.wait_for("sendMessage", 2)  # the ordinary answer to plain text
    await asyncio.sleep(0.3)
    assert bot.sent("sendDocument") == []


def _without_path(rendered: str) -> dict[str, object]:
    data = read_yaml(rendered)
    assert isinstance(data, dict)
    data["draft"].pop("article")
    return data


async def test_brouillon_gives_the_same_draft_as_the_command_line(bot, tmp_path):
    # What the text lacks is given by « # Date : » / « # URL : » lines, as --date / --url do.
    text = "# Date : 23 octobre 2025\n# URL : https://example.org/traite\n" + REUTERS.read_text(
        encoding="utf-8"
    )
    article = tmp_path / "depeche-traite.txt"
    article.write_text(text, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "draft", str(article), "--out", str(tmp_path / "out")],
        cwd=PROJECT_ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    command_line = (tmp_path / "out" / "depeche-traite.yaml").read_text(encoding="utf-8")
    await bot.push(bot.document_update(text.encode("utf-8"), article.name, user_id=ADMIN))
    sent = await bot.wait_for("sendDocument")
    telegram = sent[0]["document"]["content"].decode("utf-8")
    assert _without_path(telegram) == _without_path(command_line)
    data = _without_path(telegram)
    said = next(e for e in data["events"] if "a déclaré samedi" in e["evidence"][0]["quote"])
    assert said["date"] == "2025-10-18" and "curateur" in said["date_reason"]
    summary = bot.sent()[0]["text"]
    assert summary.splitlines()[0] in done.stdout  # the same summary, first line and all

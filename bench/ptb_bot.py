"""The least a python-telegram-bot bot can do: the same canned answers, through PTB.

    python bench/ptb_bot.py API_URL TOKEN ANSWERS.json [PICTURE.png]

A second reference for the end-to-end bench, between the bare httpx bot and the real bot:
PTB's own cost per update (parse the update, run a handler, ``reply_text``, parse the sent
message) with nothing of ours in it, on the same fake server and the same answers
(bench/bare_bot.py describes ANSWERS). Same concurrency as the real bot, no rate limiter.
With PICTURE.png, « /carte … » and « /frise … » get those very bytes as a photo
(``reply_photo``): the floor of the bot's own work per picture (bench/bench_pictures.py).
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from telegram import Update
from telegram.constants import ParseMode
from telegram.ext import Application, ContextTypes, MessageHandler, filters


def main() -> None:
    api_url, token, answers_file = sys.argv[1:4]
    answers: dict[str, list[str]] = json.loads(Path(answers_file).read_text(encoding="utf-8"))
    picture = Path(sys.argv[4]).read_bytes() if len(sys.argv) > 4 else None

    async def reply(update: Update, _context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        if message is None:
            return
        if picture is not None and (message.text or "").startswith(("/carte", "/frise")):
            await message.reply_photo(picture)
            return
        for text in answers.get(message.text or "", ()):
            await message.reply_text(text, parse_mode=ParseMode.HTML)

    application = (
        Application.builder().token(token).base_url(f"{api_url}/bot").concurrent_updates(4).build()
    )
    application.add_handler(MessageHandler(filters.TEXT, reply))
    application.run_polling()


if __name__ == "__main__":
    main()

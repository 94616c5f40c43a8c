"""Configuration from the environment, and secrets never reaching a log line."""

import io
import logging

import pytest

from bot.config import DEFAULT_API_URL, ConfigError, load_settings
from bot.logs import REDACTED, RedactSecrets

TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ_abc-def"


def test_defaults():
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN})
    assert settings.api_url == DEFAULT_API_URL
    assert settings.webhook_url is None and settings.port == 8080
    assert settings.admin_ids == frozenset() and settings.log_level == "INFO"


def test_every_variable_is_read():
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "TELEGRAM_API_URL": "http://127.0.0.1:8081/",
            "WEBHOOK_URL": "https://bot.example.org/telegram/hook",
            "WEBHOOK_SECRET": "s3cret_ok",
            "PORT": "9000",
            "BOT_ADMIN_IDS": "1, 22;333",
            "LOG_LEVEL": "debug",
        }
    )
    assert settings.api_url == "http://127.0.0.1:8081"
    assert settings.webhook_path == "telegram/hook"
    assert settings.port == 9000 and settings.admin_ids == {1, 22, 333}
    assert settings.log_level == "DEBUG"
    assert settings.secrets() == (TOKEN, "s3cret_ok")


@pytest.mark.parametrize(
    ("env", "fragment"),
    [
        ({}, "TELEGRAM_BOT_TOKEN n'est pas défini"),
        ({"TELEGRAM_BOT_TOKEN": "abc"}, "forme d'un jeton"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "TELEGRAM_API_URL": "localhost:8081"}, "TELEGRAM_API_URL"),
        (
            {"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_URL": "https://x.org/h"},
            "WEBHOOK_SECRET est obligatoire",
        ),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "PORT": "http"}, "PORT"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_ADMIN_IDS": "12,moi"}, "« moi »"),
        ({"TELEGRAM_BOT_TOKEN": TOKEN, "LOG_LEVEL": "bavard"}, "LOG_LEVEL"),
    ],
)
def test_bad_values_fail_fast_in_french(env, fragment):
    with pytest.raises(ConfigError, match=fragment):
        load_settings(env)


def test_redaction_covers_messages_arguments_and_tracebacks():
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RedactSecrets([TOKEN]))
    logger = logging.getLogger("test.redaction")
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    logger.propagate = False
    try:
        logger.debug("POST https://api.telegram.org/bot%s/getMe", TOKEN)
        logger.info(f"direct {TOKEN}")
        try:
            raise RuntimeError(f"échec pour https://api.telegram.org/bot{TOKEN}/sendMessage")
        except RuntimeError:
            logger.exception("avec trace")
    finally:
        logger.removeHandler(handler)
    output = stream.getvalue()
    assert TOKEN not in output
    assert output.count(REDACTED) == 3


def test_secrets_never_show_in_repr_str_or_format():
    settings = load_settings(
        {
            "TELEGRAM_BOT_TOKEN": TOKEN,
            "WEBHOOK_URL": "https://bot.example.org/hook",
            "WEBHOOK_SECRET": "s3cret_ok",
        }
    )
    for shown in (repr(settings), str(settings), f"{settings}", repr(settings.token)):
        assert TOKEN not in shown and "s3cret_ok" not in shown
    assert settings.token.get_secret_value() == TOKEN


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("BOT_ADMIN_IDS", "²"),
        ("BOT_ADMIN_IDS", "12,٣"),
        ("BOT_TIMEZONE", "Mars/Olympus"),
        ("BOT_TIMEZONE", "../etc/passwd"),
        ("PORT", "８０"),
        ("TELEGRAM_RATE_LIMIT", "³"),
        ("TELEGRAM_CHANNEL_THREAD_ID", "¹"),
        ("WEBHOOK_LISTEN", "tout le monde"),
        ("BOT_SENDER_LEASE", "1"),
        ("BOT_SENDER_LEASE", "quinze"),
        ("BOT_SENDER_LEASE", "5.5"),
    ],
)
def test_unusual_bad_values_give_a_french_message_naming_the_variable(variable, value):
    with pytest.raises(ConfigError, match=variable):
        load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, variable: value})


def test_listen_address_is_a_setting():
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).listen == "0.0.0.0"
    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "WEBHOOK_LISTEN": "127.0.0.1"}).listen == (
        "127.0.0.1"
    )


def test_the_sender_lease_is_a_setting_and_its_tick_a_third_of_it():
    from bot.telegram import sender

    assert load_settings({"TELEGRAM_BOT_TOKEN": TOKEN}).sender_lease == sender.LEASE == 15
    settings = load_settings({"TELEGRAM_BOT_TOKEN": TOKEN, "BOT_SENDER_LEASE": "6"})
    assert settings.sender_lease == 6.0

    every: list[float] = []

    class Jobs:
        def run_repeating(self, callback, interval, first, name):
            every.extend([interval, first])

    sender.schedule(Jobs(), settings.sender_lease)  # type: ignore[arg-type]
    assert every == [2.0, 2.0]
    every.clear()
    sender.schedule(Jobs())  # type: ignore[arg-type]
    assert every == [sender.TICK, sender.TICK] == [5.0, 5.0]

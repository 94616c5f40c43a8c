"""The Telegram adapter: thin handlers over the engine, built into one Application."""

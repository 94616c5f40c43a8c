"""Channel push: composing posts (pure), the SQLite outbox, and sending (Telegram I/O)."""

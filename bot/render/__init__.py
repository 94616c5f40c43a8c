"""Renderers of engine replies: Telegram HTML and terminal text."""

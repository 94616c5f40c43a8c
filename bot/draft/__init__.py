"""The curator's draft tool: from a new article to candidate entries for review.

Pure core (no ``telegram`` import): the command line and the Telegram adapter call
``draft_article`` and write what ``render_draft`` returns.
"""

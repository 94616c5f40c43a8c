"""Names vulture cannot see used: hooks that the standard library or a framework calls.

Read by `vulture bot tests bench tools` (see .ci/run); never imported by the bot.
"""

from bot.content.snapshot import _Pickler
from bot.push.outbox import Item
from bot.telegram.updates import UpdateQueue
from bot.telegram.webhook import UpdateHandler

_Pickler.reducer_override  # pickle.Pickler calls it for every object
Item.notified_error  # a column of the outbox row, filled from SELECT
UpdateQueue._init  # asyncio.Queue builds its storage with it
UpdateHandler.SUPPORTED_METHODS  # tornado.web.RequestHandler
UpdateHandler.data_received  # tornado, for @stream_request_body
UpdateHandler.log_exception  # tornado
UpdateHandler.log_request  # tornado

"""The answer engine: an index over the fact base and one pure function per command.

Nothing in this package imports ``telegram``; adapters render its Reply values.
"""

"""The fact base: its model, its loader and validator, and its coverage report.

Nothing in this package imports ``telegram``.
"""

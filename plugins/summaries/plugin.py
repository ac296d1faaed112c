"""Pelican glue for the summaries plugin."""


def register() -> None:
    """Connect the handlers."""

"""Pelican glue for the newsmeta plugin."""


def register() -> None:
    """Connect the handlers."""

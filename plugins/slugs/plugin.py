"""Pelican glue for the slugs plugin."""


def register() -> None:
    """Connect the handlers."""

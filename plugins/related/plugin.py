"""Pelican glue for the related plugin."""


def register() -> None:
    """Connect the handlers."""

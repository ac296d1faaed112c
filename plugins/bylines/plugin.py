"""Pelican glue for the bylines plugin."""


def register() -> None:
    """Connect the handlers."""

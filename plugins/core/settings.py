"""A plugin's settings: its defaults merged into Pelican's, checked once at start-up."""

from collections.abc import Callable

from .errors import bad_setting


def settings_check(merged: Callable[[dict], dict]) -> Callable[[object], None]:
    """An `initialized` handler that stops the build on a bad value: `merged(settings)` raised
    ValueError. Keep it in a module-level name: Pelican's signals hold handlers weakly."""

    def check_settings(pelican) -> None:
        try:
            merged(pelican.settings)
        except ValueError as error:
            raise bad_setting(error) from None

    return check_settings

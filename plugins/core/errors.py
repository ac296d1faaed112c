"""The one way a plugin stops a build: raise BuildError with a line for the editor.

Pelican logs any exception that ends a build with its traceback; a BuildError is logged as its
message alone (pelican_api.quiet_build_errors), and the build exits with status 1.
"""


class BuildError(Exception):
    """A problem that stops the build, said in one line: Chinese first, English beside, what to fix."""

    exitcode = 1  # what Pelican's main exits with


def bad_setting(error: ValueError) -> BuildError:
    """The BuildError for a setting a plugin's `merged` refused."""
    return BuildError(f"设置有误 (bad setting): {error}")

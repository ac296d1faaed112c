"""The build's "now": SOURCE_DATE_EPOCH when it is set, so a build can be repeated, else the clock."""

from collections.abc import Callable, Mapping
from datetime import datetime, timezone


def utc_now() -> datetime:
    """The clock, in UTC."""
    return datetime.now(timezone.utc)


def build_time(environ: Mapping[str, str], clock: Callable[[], datetime] = utc_now) -> datetime:
    """The time the build stands at, timezone-aware; raise ValueError on a bad SOURCE_DATE_EPOCH.

    reproducible-builds.org/specs/source-date-epoch: an integer count of seconds since
    1970-01-01 UTC; a value that is set but not such a number is an error, not ignored.
    """
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return clock()
    if not value.isdigit():
        raise ValueError(
            f"环境变量 SOURCE_DATE_EPOCH 应是自 1970-01-01 起的整秒数，而不是 {value!r} "
            "(must be a whole number of seconds since the epoch)"
        )
    return datetime.fromtimestamp(int(value), timezone.utc)

"""Stories as they were read, kept between builds, so an unchanged file is not read again.

An item is kept just as reading left it (Markdown converted, every per-story plugin run), before a
generator or a later plugin changes it. It is pickled without the build's settings and shared
context, which are this build's own when it is loaded. It is used again only when the salt
(plugins, settings, packages) is the same and its file, and each file its reading looked at
(`read_also`: its photos), has the stamp it had (kept.py: the same file, or the same bytes). One
SQLite file holds them all: a build reads the stories it needs and writes the ones it read, in one
transaction.
"""

import io
import json
import logging
import pickle
import sqlite3
from pathlib import Path

from .kept import file_stamp, unchanged_file
from .utf8 import text_of, utf8_of

logger = logging.getLogger(__name__)
FORMAT = 1


class Pickler(pickle.Pickler):
    """Leaves out the shared objects (settings, context), naming each instead; writes text as UTF-8
    bytes of its own (utf8.py)."""

    def __init__(self, file, shared: dict[str, object]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.names = {id(value): name for name, value in shared.items()}

    def persistent_id(self, obj):
        return self.names.get(id(obj)) or utf8_of(obj)


class Unpickler(pickle.Unpickler):
    """Puts this build's shared objects where the pickle names them."""

    def __init__(self, file, shared: dict[str, object]) -> None:
        super().__init__(file)
        self.shared = shared

    def persistent_load(self, name):
        return text_of(name) if isinstance(name, bytes) else self.shared[name]


def stamps_of(paths) -> list[list]:
    """[path, stamp] for each path; a missing file's stamp is None."""
    return [[str(path), file_stamp(Path(path))] for path in paths]


def unchanged(stamps: list[list]) -> bool:
    """True when every file has the stamp it had (a file that was missing is missing still)."""
    try:
        return all(unchanged_file(Path(path), stamp) for path, stamp in stamps)
    except (TypeError, ValueError):  # a record in another shape: only a cache
        return False


class Shelf:
    """The kept stories in one SQLite file: key → (stamps of the files read, pickled item).

    The file is only a cache: when it cannot be opened, read or written (another build holds it,
    the disk is full), the build reads every story as if it were empty, and says so once."""

    def __init__(self, path: Path, salt: str, shared: dict[str, object]) -> None:
        self.shared = shared
        self.seen: set[str] = set()
        self.db: sqlite3.Connection | None = None
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path, timeout=5)
            self.db.execute("PRAGMA journal_mode=WAL")  # a second build reads while the first writes
            self.db.execute("CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value TEXT)")
            self.db.execute("CREATE TABLE IF NOT EXISTS stories (key TEXT PRIMARY KEY, stamps TEXT, item BLOB)")
            if self.db.execute("SELECT value FROM meta WHERE name = 'salt'").fetchone() != (f"{FORMAT}:{salt}",):
                self.db.execute("DELETE FROM stories")
                self.db.execute("INSERT OR REPLACE INTO meta VALUES ('salt', ?)", (f"{FORMAT}:{salt}",))
        except (OSError, sqlite3.Error) as error:
            self.give_up(error)

    def give_up(self, error: Exception) -> None:
        logger.info("不再使用上次读取的稿件 (stories kept from the last build not used): %s", error)
        if self.db is not None:
            self.db.close()
        self.db = None

    def get(self, key: str):
        """The item kept under `key` if none of the files it was read from changed since; else None."""
        self.seen.add(key)
        if self.db is None:
            return None
        try:
            row = self.db.execute("SELECT stamps, item FROM stories WHERE key = ?", (key,)).fetchone()
        except sqlite3.Error as error:
            self.give_up(error)
            return None
        if row is None or not unchanged(json.loads(row[0])):
            return None
        return self.unpickled(row[1])

    def stale(self, keys: list[str]) -> list[str]:
        """The keys whose item is not kept, or was read from files changed since."""
        if self.db is None:
            return keys
        try:
            kept = dict(self.db.execute("SELECT key, stamps FROM stories"))
        except sqlite3.Error:
            return keys
        return [key for key in keys if key not in kept or not unchanged(json.loads(kept[key]))]

    def put(self, key: str, stamps: list[list], item) -> None:
        """Keep `item`, read from the files with these stamps (an item that cannot be pickled is not kept)."""
        data = self.pickled(item)
        if data is not None:
            self.put_pickled(key, stamps, data)

    def put_pickled(self, key: str, stamps: list[list], data: bytes) -> None:
        """Keep an item already pickled by `pickled`."""
        if self.db is None:
            return
        try:
            self.db.execute("INSERT OR REPLACE INTO stories VALUES (?, ?, ?)", (key, json.dumps(stamps), data))
        except sqlite3.Error as error:
            self.give_up(error)

    def pickled(self, item) -> bytes | None:
        """The item as kept: pickled, the shared objects named; None for an item that cannot be pickled."""
        data = io.BytesIO()
        try:
            Pickler(data, self.shared).dump(item)
        except (pickle.PicklingError, TypeError, AttributeError):
            return None
        return data.getvalue()

    def unpickled(self, data: bytes):
        """A kept item, with this build's shared objects; None when it cannot be loaded."""
        try:
            return Unpickler(io.BytesIO(data), self.shared).load()
        except Exception:  # a class renamed or moved since: read the story again
            return None

    def close(self) -> None:
        """Forget the stories this build did not ask for (deleted or renamed files), and write."""
        if self.db is None:
            return
        try:
            self.db.execute("CREATE TEMP TABLE seen (key TEXT PRIMARY KEY)")
            self.db.executemany("INSERT INTO seen VALUES (?)", ((key,) for key in self.seen))
            self.db.execute("DELETE FROM stories WHERE key NOT IN (SELECT key FROM seen)")
            self.db.commit()
            self.db.close()
            self.db = None
        except sqlite3.Error as error:
            self.give_up(error)

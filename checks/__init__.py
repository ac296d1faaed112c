"""`invoke check`: find editors' mistakes in content/ before publishing, and fix the safe ones.

Modules that read content/ and pelicanconf.py and never build: `source` reads a file, `rules`
finds mistakes, `fixes` mends the safe ones, `report` formats them, `cli` runs it all. Where the
build decides something, the checks ask the build's own code rather than a copy of it: Pelican's
settings reader and defaults (`settings`), its slugify and the slugs plugin's pinyin
(`collisions`), Python-Markdown's meta extension for the header (`source`), and the plugins' own
pure helpers (fields, bylines, captions, images).
"""

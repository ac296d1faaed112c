"""`invoke check`: find editors' mistakes in content/ before publishing, and fix the safe ones.

Pure modules that never import Pelican: `source` reads a file, `rules` finds mistakes, `fixes`
mends the safe ones, `report` formats them, `cli` runs it all. The plugins' own pure helpers
(fields, bylines, captions, images, pinyin) are imported from the `plugins` package.
"""

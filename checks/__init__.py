"""`invoke check`: find editors' mistakes in content/ before publishing, and fix the safe ones.

Pure modules that never import Pelican: `source` reads a file, `rules` finds mistakes, `fixes`
mends the safe ones, `report` formats them, `cli` runs it all. The plugins' own pure helpers
(fields, bylines, captions, images, pinyin) are reused from plugins/, put on sys.path here.
"""

import sys
from pathlib import Path

PLUGINS = str(Path(__file__).resolve().parent.parent / "plugins")
if PLUGINS not in sys.path:
    sys.path.insert(0, PLUGINS)

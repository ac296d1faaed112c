"""The order the plugins must be listed in, stated once and checked at start-up.

Pelican runs a signal's handlers in the order the plugins are listed. These orders are what the
data flow needs (pelicanconf.py says why each plugin is where it is).
"""

# Each tuple: the plugins, where listed, in this order. fixedurls works each story's address out
# once, before related and newsmeta use it; the editorial fields and bylines come before the slugs
# made of them, the photos' figures before the summaries made of the body.
BEFORE = (
    ("plugins.editorial", "plugins.slugs", "plugins.photos", "plugins.summaries"),
    ("plugins.fixedurls", "plugins.related"),
    ("plugins.fixedurls", "plugins.newsmeta"),
    # strict fails a build that logged problems before incremental records it and atomic publishes it.
    ("plugins.strict", "plugins.incremental", "plugins.atomic"),
)
# atomic replaces the output on `finalized`: whatever a plugin listed after it does then is lost.
LAST = "plugins.atomic"


def order_problems(listed: list[str]) -> list[str]:
    """What is out of order among the plugins `listed` (Pelican's names for them), one line each."""
    places = {name: place for place, name in enumerate(listed)}
    problems = []
    for chain in BEFORE:
        present = [name for name in chain if name in places]
        for first, second in zip(present, present[1:]):
            if places[first] > places[second]:
                problems.append(f"{first} 应排在 {second} 之前 ({first} must be listed before {second})")
    if LAST in places and places[LAST] != len(listed) - 1:
        problems.append(f"{LAST} 应排在最后，现在在它之后的有 {', '.join(listed[places[LAST] + 1:])} ({LAST} must be listed last)")
    return problems

"""Which names of the context a template can show: its own and those of every template it extends,
includes or imports (Jinja's meta API over the theme's sources)."""

import jinja2
from jinja2 import meta


def names_used(env: jinja2.Environment, name: str) -> frozenset[str] | None:
    """The context names the template `name` and those it uses refer to; None when it picks a
    template by a value only known at render time (its inputs cannot be told then)."""
    names: set[str] = set()
    seen: set[str] = set()
    waiting = [name]
    while waiting:
        current = waiting.pop()
        if current in seen:
            continue
        seen.add(current)
        source = env.loader.get_source(env, current)[0]
        tree = env.parse(source)
        names |= meta.find_undeclared_variables(tree)
        for used in meta.find_referenced_templates(tree):
            if used is None:
                return None
            waiting.append(used)
    return frozenset(names)

"""Give every name of one kind (sections, tags or authors) a unique slug that never moves.

Names are taken in order of (first use, name); the first takes the plain pinyin slug. A later
name whose plain slug is taken (法制 after 法治, both `fazhi`) gets `-` and the first four hex
digits of its own SHA-1 (`fazhi-1a2b`; more digits in the unlikely case those are taken too),
so a newer homophone never moves an older name's URL. Tone numbers would not do: 法治 and 法制
are both fa3zhi4. Names that differ only in width or case (G20峰会, Ｇ２０峰会) share a slug.
"""

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from .pinyin import normalise, pinyin_slug, short_hash

Sortable = TypeVar("Sortable")


def earliest(uses: Iterable[tuple[str, Sortable]]) -> dict[str, Sortable]:
    """Each name's first use, from (name, date) pairs."""
    first: dict[str, Sortable] = {}
    for name, when in uses:
        if name not in first or when < first[name]:
            first[name] = when
    return first


def assign_slugs(first_use: Mapping[str, Any], overrides: Mapping[str, str] | None = None) -> dict[str, str]:
    """A unique slug per name, overrides as given; ValueError if one takes an older name's slug."""
    fixed = {normalise(name): slug for name, slug in (overrides or {}).items()}
    names_of: dict[str, list[str]] = {}
    for name in sorted(first_use):
        names_of.setdefault(normalise(name), []).append(name)
    when = {key: min(first_use[name] for name in names) for key, names in names_of.items()}

    owner: dict[str, str] = {}  # slug → the normalised name holding it
    for key in sorted(names_of, key=lambda key: (when[key], key)):
        if key in fixed:
            slug = fixed[key]
            if slug in owner:
                name, older = names_of[key][0], names_of[owner[slug]][0]
                raise ValueError(
                    f"SLUGS_OVERRIDES 为“{name}”指定的网址 {slug} 已被“{older}”使用"
                    f" (the override for {name!r} collides with the slug of {older!r})"
                )
        else:
            slug = free_slug(pinyin_slug(key), key, owner)
        owner[slug] = key
    return {name: slug for slug, key in owner.items() for name in names_of[key]}


def free_slug(plain: str, key: str, taken: Mapping[str, str]) -> str:
    """`plain` if no one has it, else `plain-` and the shortest free prefix (4+) of key's SHA-1."""
    if plain not in taken:
        return plain
    digest = short_hash(key, length=40)
    for length in range(4, len(digest) + 1):
        if f"{plain}-{digest[:length]}" not in taken:
            return f"{plain}-{digest[:length]}"
    raise ValueError(f"无法为“{key}”生成唯一网址 (no free slug for {key!r})")

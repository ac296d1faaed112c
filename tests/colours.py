"""Colours as a reader sees them: WCAG contrast between two colours, and a node's computed style in chromium."""

import re


def rgb(colour: str) -> tuple[int, int, int]:
    """The red, green and blue of `#b3121b` or of a computed `rgb(179, 18, 27)`."""
    if colour.startswith("#"):
        return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return tuple(int(part) for part in re.findall(r"\d+", colour)[:3])


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance."""

    def linear(channel: int) -> float:
        c = channel / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = rgb(colour)
    return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio, 1 to 21."""
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def style(locator, prop: str, pseudo: str | None = None) -> str:
    """A Playwright locator's computed value of a CSS property (of `::before` and the like with `pseudo`)."""
    return locator.evaluate("(node, [prop, pseudo]) => getComputedStyle(node, pseudo).getPropertyValue(prop)", [prop, pseudo])

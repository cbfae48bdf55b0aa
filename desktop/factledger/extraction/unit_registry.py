"""Measure words from Pint's maintained unit definitions (`default_en.txt`, shipped with the `pint` package).

FactLedger's own table (units.py) keeps the short symbols news writes ("ft", "km", "MW"); every other physical
unit a text may measure in ("kelvin", "microlitres", "pascals", "nautical miles") is read from Pint's
definitions file, with its plural and SI prefixes, the first time one is asked for. Only the file is read (not
Pint's registry, which takes seconds to build), and only quantities of the physical world: lengths, masses,
areas, volumes, temperatures, energy, power, pressure, speed and flow, never time (durations are no
statistics), angles, information or dimensionless ratios.
"""

from __future__ import annotations

import importlib.util
import re
from functools import cache
from pathlib import Path

_KEPT_SECTIONS = frozenset(
    [
        "length",
        "mass",
        "temperature",
        "area",
        "volume",
        "energy",
        "power",
        "pressure",
        "velocity",
        "volumetric flow rate",
        "force",
    ]
)
_KEPT_GROUPS = ("USCS", "Avoirdupois", "Imperial", "Troy")
# Unit names that are everyday countable nouns or words in news text: they are counted, not measured.
_HOMONYMS = frozenset(
    [
        "point",
        "hand",
        "cup",
        "stone",
        "line",
        "pica",
        "bag",
        "barn",
        "are",
        "at",
        "a",
        "gill",
        "drop",
        "pinch",
        "dash",
        "block",
        "cord",
        "link",
        "rod",
        "chain",
        "span",
        "mil",
        "thou",
        "pound_force",
        "ton_force",
        "bushel",
        "peck",
        "board",
        "quad",
        "therm",
        "shot",
        "fifth",
        "tablespoon",
        "teaspoon",
        "grain",
        "dram",
        "scruple",
        "pennyweight",
        "slug",
        "poise",
        "finger",
        "ell",
        "league",
        "furlong",
        "fathom",
        "knot",
        "barrel_oil",
        "square",
        "perch",
        "pole",
        "hundredweight",
        "quarter",
        "carat",
        "atmosphere",
    ]
)
_PREFIXES = ("nano", "micro", "milli", "centi", "deci", "kilo", "mega", "giga", "tera")
# Units that take SI prefixes in ordinary prose ("microlitres", "kilopascals", "gigajoules").
_SI = frozenset(["meter", "metre", "gram", "liter", "litre", "watt", "joule", "pascal", "kelvin", "newton"])
_DEFINITION = re.compile(r"^\s*([A-Za-z_]+)\s*=\s*([^=#]+?)(?:\s*=\s*([^#]*))?(?:#.*)?$")


@cache
def measure_words() -> dict[str, str]:
    """Surface form (lower case, plural and prefixed forms included) -> Pint's canonical unit name."""
    path = _definitions_file()
    if path is None:
        return {}
    words: dict[str, str] = {}
    section = ""
    group_kept = False
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("@group"):
            group_kept = line.split()[1].startswith(_KEPT_GROUPS)
            continue
        if line.startswith("@end"):
            group_kept = False
            continue
        if line.startswith("# ") and not line.startswith("# The"):
            section = line[2:].strip().lower()
            continue
        if not (
            section in _KEPT_SECTIONS
            or group_kept
            or "[length]" in line
            or "[mass]" in line
            or "[temperature]" in line
        ):
            continue
        match = _DEFINITION.match(line)
        if match is None or "[time]" in line:
            continue
        name = match.group(1)
        if name in _HOMONYMS or name.endswith("_force"):
            continue
        aliases = [a.strip() for a in (match.group(3) or "").split("=") if a.strip()]
        for surface in [name, *aliases]:
            if len(surface) < 4 or not re.fullmatch(r"[A-Za-z_]+", surface) or surface in _HOMONYMS:
                continue  # symbols ("m", "ft") stay in units.py, which knows news usage
            _add(words, surface.replace("_", " ").lower(), name)
            if surface in _SI:
                for prefix in _PREFIXES:
                    _add(words, prefix + surface, prefix + name)
    return words


def measure_of(word: str) -> str | None:
    """Pint's canonical unit for a measure word or two-word phrase ("kelvins" -> "kelvin"), else None."""
    unit = measure_words().get(word.lower())
    return None if unit is None else unit.replace("_", " ")


def _add(words: dict[str, str], surface: str, canonical: str) -> None:
    words.setdefault(surface, canonical)
    if not surface.endswith("s"):
        words.setdefault(surface + "s", canonical)  # Pint's own plural rule: add "s"


def _definitions_file() -> Path | None:
    """Pint's definitions file, found without importing Pint (its import alone takes over a second)."""
    spec = importlib.util.find_spec("pint")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "default_en.txt"
    return path if path.is_file() else None

"""Statistics in text: money, percentages, measures, counts, multipliers and ranges, with qualifiers."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from factledger.domain import Qualifier

from . import numbers, units
from .count_nouns import counted_noun, noun_from_context, noun_in_brackets
from .magnitudes import find_magnitudes
from .unit_registry import measure_of

_WORD_NUMBER = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
    r"thousand|million|billion|trillion|dozen)"
)
# "two and a half", "half a million", "a dozen", "one hundred and five".
_SPELLED = (
    rf"(?:half[\s-]+an?\s+(?:million|billion|trillion|dozen)|(?:(?:a|an)\s+)?{_WORD_NUMBER}"
    rf"(?:[\s-]+(?:and\s+)?{_WORD_NUMBER})*(?:[\s-]+and[\s-]+an?[\s-]+(?:half|quarter))?)"
)
# A number does not start inside a word, a number, an exponent ("1e-5", "2^10") or after a slash; a minus
# sign right before the digits makes it negative ("-18 °C", "$-5").
NUMBER_PATTERN = (
    rf"(?<![\w.,$€£¥/^])(?<![A-Za-z]-)(?:(?P<cur>{units.CURRENCY_PREFIX_RE})\s?)?"
    rf"(?:(?P<frac>{numbers.FRACTION})|"
    rf"(?P<sign>[-−](?=\d))?(?P<digits>{numbers.DIGITS})(?P<scale>{numbers.SCALE_AFTER_DIGITS})?(?![\w.,/]\d)|"
    rf"(?P<words>\b(?i:{_SPELLED})\b))"
)
# Each pattern below is led by a look-ahead naming the characters its matches can start with (a currency
# prefix's first letter or sign, a digit, ".", a fraction, a minus, a number word's initial): the regex engine
# then rejects most positions of a text with one test instead of trying every alternative there.
_NUMBER = re.compile(r"(?=[\d.½⅓⅔¼¾⅛\-−$€£¥₩₹₽₺UCANHSRMEGJKI]|(?i:[zotfsenhmbda]))" + NUMBER_PATTERN)
_SHARE_OF = re.compile(r"\s+of\b")
FRACTION_PATTERN = (
    r"\b(?i:(?P<frac>half|one[- ]half|a third|one[- ]third|two[- ]thirds|a quarter|one[- ]quarter|"
    r"three[- ]quarters))\s+of\b"
)
_FRACTION = re.compile(r"(?=(?i:[hoat]))" + FRACTION_PATTERN)
_FRACTION_VALUES = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0, "quarters": 75.0}
MULTIPLIER_PATTERN = (
    r"\b(?i:(?P<fold>two|three|four|five|six|seven|eight|nine|ten|twenty|hundred|\d+(?:\.\d+)?)[- ]?fold|"
    r"(?P<times>\d+(?:\.\d+)?|two|three|four|five|six|seven|eight|nine|ten)\s?(?:x|times)\s+"
    r"(?:more|less|larger|higher|greater|bigger|faster|smaller|lower|as\s+(?:much|many|large|high|big))|"
    r"(?P<twice>twice)\s+(?:as\s+(?:much|many|large|high|big)|the)|(?P<doubled>doubled|tripled|quadrupled)|"
    r"(?P<double>double|triple|quadruple)(?=\s+(?:the|its|their|that|what|our|his|her)\b))\b"
)
_MULTIPLIER = re.compile(r"(?=(?i:[\dtfsenhdq]))" + MULTIPLIER_PATTERN)
_SUFFIX = re.compile(
    rf"(?P<wscale>\s(?i:hundred|thousand|million|billion|trillion)\b)?"
    rf"(?:(?P<pct>\s?%|\s(?i:percent|per\s?cent|percentage\s+points?|pct)\b)|"
    rf"\s(?P<curname>{units.CURRENCY_NAME_RE})|"
    rf"[\s-]?(?P<measure>{units.MEASURE_RE}))"
)
_QUALIFIERS: list[tuple[str, Qualifier]] = [
    (
        r"at\s+least|at\s+or\s+(?:over|above|more\s+than)|no\s+(?:less|fewer)\s+than|not\s+less\s+than|"
        r"a\s+minimum\s+of|upwards\s+of",
        Qualifier.AT_LEAST,
    ),
    (
        r"no\s+more\s+than|not\s+more\s+than|at\s+most|a\s+maximum\s+of|at\s+or\s+(?:below|under)",
        Qualifier.AT_MOST,
    ),
    (
        r"more\s+than|greater\s+than|over|above|exceeding|in\s+excess\s+of|just\s+over|better\s+than",
        Qualifier.MORE_THAN,
    ),
    (r"less\s+than|fewer\s+than|under|below|just\s+under|shy\s+of|lower\s+than", Qualifier.LESS_THAN),
    (r"up\s+to|as\s+(?:much|many|high)\s+as", Qualifier.UP_TO),
    (r"nearly|almost|close\s+to|just\s+shy\s+of", Qualifier.NEARLY),
    (
        r"about|approximately|approx\.|around|roughly|some|an\s+estimated|estimated|circa|an\s+approximate",
        Qualifier.APPROXIMATELY,
    ),
]
_QUALIFIER_BEFORE = [
    (re.compile(rf"(?i:\b(?:{pattern}))\s+$"), qualifier) for pattern, qualifier in _QUALIFIERS
]
_QUALIFIER_AFTER = re.compile(
    r"\s+(?i:(?P<more>or\s+more|or\s+higher|plus)|(?P<less>or\s+less|or\s+fewer))\b"
)
# "2 to 3", "$6- or $7 billion" (an alternative read as a range), "between 2 and 3".
_RANGE_JOIN = re.compile(r"\s*(?:-\s*)?(?:to|and|or|-|–|—)\s*$")
# "8 out of the 10 countries": the count is the first number, of the noun after the second.
_OUT_OF = re.compile(rf"\s+(?:out\s+)?of\s+(?:the\s+)?(?:{numbers.DIGITS}|(?i:{_SPELLED}))(?=\s)")
_BARE_SCALE = frozenset(["hundred", "thousand", "million", "billion", "dozen"])
_RANGE_LEAD = re.compile(r"(?i:\b(?:between|from))\s+$")
# A small spelled number after a determiner or "between" refers to known things ("the two sides", "between
# two countries"); after a naming noun it is a label ("pillar two", "phase three").
_DEFINITE = re.compile(
    r"(?i:\b(?:the|our|their|its|these|those|both|his|her|your|my|between|among|"
    r"phase|pillar|stage|level|tier|round|part|chapter|section|article|title|step|option|number)|[’']s)\s+$"
)
_INDEX_LEVEL = re.compile(r"(?:%|\b(?i:percent|points?))(?:\s+(?i:higher|lower))?\s+(?i:at|to)\s+$")
_UNIT_WORDS = re.compile(r"[\s-]?([A-Za-z]{4,})(?:\s([A-Za-z]{3,}))?")
_PERSON = re.compile(r"\b(?:I|[Ww]e|[Yy]ou)\b")
_AGE_OR_RANK = re.compile(r"^[\s-]*(?:year|yr)s?[\s-]+old|^(?:st|nd|rd|th)\b")


@dataclass(frozen=True, slots=True)
class Quantity:
    """One statistic: its span, normalized value and unit, and why it was recognized."""

    start: int
    end: int
    value: float
    unit: str | None
    kind: str  # money, percent, measure, count, multiplier
    qualifier: Qualifier | None
    cue: str
    upper: float | None = None  # the top of a range, when the figure is one


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    value: float
    scaled: bool
    fraction: bool = False


def _qualifier(text: str, start: int) -> tuple[int, Qualifier | None]:
    window = text[max(0, start - 30) : start]
    for pattern, qualifier in _QUALIFIER_BEFORE:
        match = pattern.search(window)
        if match:
            return start - (len(window) - match.start()), qualifier
    return start, None


def text_before_is_digit(match: re.Match[str]) -> bool:
    """Whether the number follows a digit and a space, as the second group of "10 000" does."""
    before = match.string[max(0, match.start() - 2) : match.start()]
    return len(before) == 2 and before[0].isdigit() and before[1] == " "


def _number_value(match: re.Match[str]) -> _Token | None:
    if match.group("frac"):
        fraction = numbers.fraction_value(match.group("frac"))
        return (
            None if fraction is None else _Token(match.start(), match.end(), fraction, False, fraction=True)
        )
    if match.group("digits"):
        if match.group("digits").startswith("0") and text_before_is_digit(match):
            return None  # the tail of "10 000": a thousands group written with a space
        value = numbers.digits_value(match.group("digits"))
        scale = match.group("scale")
        if scale:
            letter = scale.strip()
            if len(letter) == 1 and letter not in "kK" and not match.group("cur"):
                # "20m" or "5B" without a currency is too ambiguous to read as a scale; "m" may be metres
                return _Token(match.start(), match.start("scale"), _signed(match, value), False)
            value *= numbers.scale_value(letter)
        return _Token(match.start(), match.end(), _signed(match, value), bool(scale))
    words = match.group("words")
    if words.lower() in _BARE_SCALE:
        return None  # "several hundred of those trees", "thousands": no figure of their own
    spelled = numbers.words_value(words)
    if spelled is None:
        return None
    value = spelled
    scaled = any(w in words.lower() for w in ("thousand", "million", "billion", "trillion"))
    return _Token(match.start(), match.end(), value, scaled)


def _signed(match: re.Match[str], value: float) -> float:
    return -value if match.group("sign") else value


@dataclass(frozen=True, slots=True)
class _Excluded:
    """Excluded spans sorted by start, with the longest length, so a lookup only visits nearby spans."""

    spans: list[tuple[int, int]]
    starts: list[int]
    longest: int

    @classmethod
    def of(cls, spans: list[tuple[int, int]]) -> _Excluded:
        ordered = sorted(spans)
        return cls(ordered, [a for a, _ in ordered], max((b - a for a, b in ordered), default=0))


def _inside(excluded: _Excluded, start: int, end: int) -> bool:
    """Whether a span holding `start` or `end` overlaps the figure (spans only inside the figure do not count)."""
    low = bisect.bisect_left(excluded.starts, start - excluded.longest)
    high = bisect.bisect_left(excluded.starts, end)
    return any(a <= start < b or a < end <= b for a, b in excluded.spans[low:high] if a < end and start < b)


def find_quantities(text: str, *, excluded: list[tuple[int, int]], china_context: bool) -> list[Quantity]:
    """Every statistic in `text`, in text order, skipping numbers inside `excluded` spans (dates, ids)."""
    found: list[Quantity] = []
    pending: _Token | None = None
    skip = _Excluded.of(excluded)
    for match in _NUMBER.finditer(text):
        token = _number_value(match)
        if token is None or _inside(skip, token.start, token.end):
            continue
        quantity = _classify(text, match, token, china_context=china_context)
        if quantity is None:
            pending = token
            continue
        merged = _merge_range(text, found, pending, quantity)
        if merged is not None:
            quantity = merged
        pending = None
        found.append(quantity)
    found.extend(_fractions(text, skip))
    found.extend(_multipliers(text, skip))
    for start, end, value, unit, cue in find_magnitudes(text):
        if not _inside(skip, start, end):
            kind = "money" if len(unit) == 3 and unit.isupper() else "count"
            found.append(Quantity(start, end, value, unit, kind, None, cue))
    found.sort(key=lambda q: (q.start, -q.end))
    return _drop_overlaps(found)


def _classify(text: str, match: re.Match[str], token: _Token, *, china_context: bool) -> Quantity | None:
    start = token.start
    end = token.end
    value = token.value
    currency = match.group("cur")
    if _AGE_OR_RANK.match(text, end):
        return None
    suffix = _SUFFIX.match(text, end)
    if suffix and suffix.group("wscale") and not token.scaled:
        value *= numbers.scale_value(suffix.group("wscale"))
    unit: str | None
    if currency:
        kind, unit = "money", units.currency_code_for_prefix(currency, china_context=china_context)
        if suffix and suffix.group("wscale"):
            end = suffix.start("wscale") + len(suffix.group("wscale"))
    elif suffix and suffix.group("pct"):
        kind, unit, end = "percent", "%", suffix.end()
        if "point" in suffix.group("pct"):
            unit = "percentage points"
    elif suffix and suffix.group("curname"):
        name = suffix.group("curname")
        kind, unit, end = "money", units.currency_code_for_name(name), suffix.end()
        if name.lower().startswith(("cent", "pence")):
            value /= 100
    elif suffix and suffix.group("measure"):
        measure = suffix.group("measure")
        if measure.lower() in ("pound", "pounds") and (token.scaled or value >= 1e5):
            kind, unit = "money", "GBP"
        else:
            kind, unit = "measure", units.measure_unit(measure)
            if unit == "points" and (match.group("words") or currency):
                return None  # "three points" in a speech; a poll's or an index's points are written in digits
        end = suffix.end()
    elif token.fraction:
        if _SHARE_OF.match(text, end) is None:
            return None  # "1/40" alone: a ratio, not a figure a reader counts
        kind, unit, value = (
            "percent",
            "%",
            value * 100,
        )  # "3/4 of the plants" is a share, as "three quarters of"
    elif (registered := _registered_measure(text, end)) is not None:
        kind, unit, end = "measure", registered[0], registered[1]
    else:
        out_of = _OUT_OF.match(text, end)
        noun = counted_noun(text, out_of.end() if out_of else end)
        or_more = _QUALIFIER_AFTER.match(text, end) if noun is None else None
        if or_more is not None:
            noun = counted_noun(text, or_more.end())  # "two or more contested campaigns"
        if noun is not None:
            kind, unit, end = "count", noun[0], noun[1]
        else:
            inferred = noun_from_context(text, end, start) or noun_in_brackets(text, end, start)
            if inferred is None and _INDEX_LEVEL.search(text, max(0, start - 40), start):
                inferred = "points"  # "DOWN 0.4 percent at 17,959.64": a market index's level
            if inferred is None or (match.group("words") and not token.scaled):
                return None
            kind, unit = ("measure" if inferred == "points" else "count"), inferred
        if _small_reference(text, match, token, start, out_of is not None):
            return None  # "one senior official", "the two sides": references, not statistics
    q_start, qualifier = _qualifier(text, start)
    after = _QUALIFIER_AFTER.match(text, end)
    if after is None and kind == "count":
        after = _QUALIFIER_AFTER.match(text, token.end)  # "two or more campaigns": before the noun
        end = max(end, after.end()) if after else end
    if after and qualifier is None:
        qualifier = Qualifier.AT_LEAST if after.group("more") else Qualifier.AT_MOST
        end = after.end()
    cue = _cue(kind, unit, qualifier)
    return Quantity(q_start, end, value, unit, kind, qualifier, cue)


def _small_reference(text: str, match: re.Match[str], token: _Token, start: int, out_of: bool) -> bool:
    """Whether a small spelled count refers rather than counts: "one senior official", "the two sides",
    "pillar two", or a first/second-person remark."""
    if not match.group("words") or token.scaled or out_of:
        return False
    if token.value < 2:
        return True
    return token.value < 10 and bool(
        _DEFINITE.search(text, max(0, start - 12), start) or _spoken(text, start)
    )


def _registered_measure(text: str, end: int) -> tuple[str, int] | None:
    """A unit from Pint's definitions written after the number ("4 kelvin", "250 microlitres", "3 nautical
    miles"), as (canonical unit, end of its words)."""
    match = _UNIT_WORDS.match(text, end)
    if match is None:
        return None
    if match.group(2):
        unit = measure_of(f"{match.group(1)} {match.group(2)}")
        if unit is not None:
            return unit, match.end(2)
    unit = measure_of(match.group(1))
    return (unit, match.end(1)) if unit is not None else None


def _spoken(text: str, position: int) -> bool:
    """Whether the sentence around `position` speaks in the first or second person ("I have two questions").

    A small spelled count in conversation ("we’re two strong democracies") is rhetoric, not a statistic.
    """
    left = max(text.rfind(c, max(0, position - 300), position) for c in ".!?\n") + 1
    right_ends = [i for i in (text.find(c, position, position + 300) for c in ".!?\n") if i >= 0]
    right = min(right_ends) if right_ends else min(len(text), position + 300)
    return _PERSON.search(text, left, right) is not None


def _cue(kind: str, unit: str | None, qualifier: Qualifier | None) -> str:
    what = {
        "money": f"an amount of money ({unit})",
        "percent": "a percentage",
        "measure": f"a measurement in {unit}",
        "count": f"a count of {unit}",
        "multiplier": "a multiplier",
    }[kind]
    return f"{what} qualified as “{qualifier.value}”" if qualifier else what


def _merge_range(text: str, found: list[Quantity], pending: _Token | None, high: Quantity) -> Quantity | None:
    """Join "between $2 and $3 billion" or "2 to 3 percent" into one figure running low to high."""
    low_start: int
    low_value: float
    if found and found[-1].kind == high.kind and found[-1].unit == high.unit:
        previous = found[-1]
        low_start, low_end, low_value = previous.start, previous.end, previous.value
        scaled_low = previous.value >= 1000 or high.value < 1000
    elif pending is not None:
        low_start, low_end, low_value, scaled_low = pending.start, pending.end, pending.value, pending.scaled
    else:
        return None
    gap = text[low_end : high.start]
    if len(gap) > 6 or (not _RANGE_JOIN.fullmatch(gap) and not _RANGE_JOIN.match(gap)):
        return None
    lead = _RANGE_LEAD.search(text[max(0, low_start - 12) : low_start])
    if "and" in gap and (lead is None or not lead.group(0).lower().startswith("between")):
        return None  # "45 and 50 cases" are two figures; only "between 45 and 50" is a range
    change = high.kind == "percent" and lead is not None and lead.group(0).lower().startswith("from")
    if change and found and found[-1].start == low_start:
        return None  # "from 4.9 percent to 5 percent": a change between two figures, each its own
    if low_value < 0 and high.value < low_value:
        low_value, high = high.value, replace(high, value=low_value)  # "from -18 °C to -34 °C"
    if not scaled_low and low_value < high.value and high.value >= 1000:
        scale = 10 ** (len(str(int(high.value))) - len(str(int(low_value))))
        low_value = low_value * scale if low_value * scale <= high.value else low_value
    if low_value >= high.value:
        return None
    start = low_start - (12 if low_start >= 12 else low_start) + lead.start() if lead else low_start
    if found and found[-1].start == low_start:
        found.pop()
    cue = f"a range from {low_value:g} to {high.value:g} {high.unit or ''}".rstrip()
    return Quantity(start, high.end, low_value, high.unit, high.kind, high.qualifier, cue, upper=high.value)


def _fractions(text: str, excluded: _Excluded) -> list[Quantity]:
    found = []
    for match in _FRACTION.finditer(text):
        if _inside(excluded, match.start(), match.end()):
            continue
        last = re.split(r"[\s-]", match.group("frac").lower())[-1]
        value = _FRACTION_VALUES.get(last, 50.0)
        q_start, qualifier = _qualifier(text, match.start())
        found.append(
            Quantity(
                q_start,
                match.end("frac"),
                value,
                "%",
                "percent",
                qualifier,
                f"a fraction (“{match.group('frac')}”) read as a share",
            )
        )
    return found


def _multipliers(text: str, excluded: _Excluded) -> list[Quantity]:
    found = []
    for match in _MULTIPLIER.finditer(text):
        if _inside(excluded, match.start(), match.end()):
            continue
        raw = match.group("fold") or match.group("times")
        if raw:
            value = float(raw) if raw[0].isdigit() else (numbers.words_value(raw) or 0.0)
        elif match.group("twice"):
            value = 2.0
        elif match.group("double"):
            value = {"double": 2.0, "triple": 3.0, "quadruple": 4.0}[match.group("double").lower()]
        else:
            value = {"doubled": 2.0, "tripled": 3.0, "quadrupled": 4.0}[match.group("doubled").lower()]
        if value <= 0:
            continue
        found.append(Quantity(match.start(), match.end(), value, "x", "multiplier", None, "a multiplier"))
    return found


def _drop_overlaps(found: list[Quantity]) -> list[Quantity]:
    kept: list[Quantity] = []
    for quantity in found:
        if kept and quantity.start < kept[-1].end:
            continue
        kept.append(quantity)
    return kept

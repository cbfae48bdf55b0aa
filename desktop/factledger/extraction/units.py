"""The unit vocabulary: currency symbols and names as ISO codes, measures, and countable nouns."""

from __future__ import annotations

import re

# Symbols and codes written before the number. "$" alone is the US dollar unless the text says otherwise;
# "¥" is the yen unless the surrounding text is about China.
CURRENCY_PREFIXES: dict[str, str] = {
    "us$": "USD",
    "u.s.$": "USD",
    "u.s. $": "USD",
    "usd": "USD",
    "$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "cad": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "aud": "AUD",
    "nz$": "NZD",
    "hk$": "HKD",
    "s$": "SGD",
    "r$": "BRL",
    "mx$": "MXN",
    "€": "EUR",
    "eur": "EUR",
    "£": "GBP",
    "gbp": "GBP",
    "¥": "JPY",
    "jpy": "JPY",
    "cn¥": "CNY",
    "rmb": "CNY",
    "cny": "CNY",
    "₩": "KRW",
    "krw": "KRW",
    "₹": "INR",
    "inr": "INR",
    "rs.": "INR",
    "rs": "INR",
    "chf": "CHF",
    "₽": "RUB",
    "₺": "TRY",
}
CURRENCY_PREFIX_RE = (
    r"(?:US\$|U\.S\.\s?\$|CA\$|C\$|AU\$|A\$|NZ\$|HK\$|S\$|R\$|MX\$|CN¥|\$|€|£|¥|₩|₹|₽|₺|"
    r"(?:USD|EUR|GBP|JPY|CNY|RMB|KRW|INR|CHF|CAD|AUD|Rs\.?)\s?)"
)
# Names written after the number ("48 million dollars", "1.2 trillion yen").
CURRENCY_NAMES: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "u.s. dollars": "USD",
    "us dollars": "USD",
    "usd": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "eur": "EUR",
    "pound sterling": "GBP",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "gbp": "GBP",
    "yen": "JPY",
    "jpy": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "cny": "CNY",
    "won": "KRW",
    "krw": "KRW",
    "rupee": "INR",
    "rupees": "INR",
    "inr": "INR",
    "swiss francs": "CHF",
    "francs": "CHF",
    "peso": "MXN",
    "pesos": "MXN",
    "pence": "GBP",
    "cents": "USD",
    "cent": "USD",
    "bucks": "USD",
}
CURRENCY_NAME_RE = (
    r"(?:(?:U\.S\.|US|Canadian|Australian|Hong Kong|Singapore|New Zealand)\s)?"
    r"(?:(?i:dollars?|euros?|pounds? sterling|sterling|rupees?)|yen|yuan|renminbi|won|Swiss francs|USD|EUR|"
    r"GBP|JPY|CNY|KRW|INR|cents?|bucks|pesos?|pence)\b"
)
_NAMED_DOLLARS = {
    "canadian": "CAD",
    "australian": "AUD",
    "hong kong": "HKD",
    "singapore": "SGD",
    "new zealand": "NZD",
}

# Measures: surface form -> canonical unit.
MEASURES: dict[str, str] = {
    "feet": "ft",
    "foot": "ft",
    "ft": "ft",
    "inches": "in",
    "inch": "in",
    "miles": "mi",
    "mile": "mi",
    "mi": "mi",
    "yards": "yd",
    "yard": "yd",
    "kilometres": "km",
    "kilometers": "km",
    "kilometre": "km",
    "kilometer": "km",
    "km": "km",
    "metres": "m",
    "meters": "m",
    "metre": "m",
    "meter": "m",
    "centimetres": "cm",
    "centimeters": "cm",
    "cm": "cm",
    "millimetres": "mm",
    "millimeters": "mm",
    "mm": "mm",
    "kilograms": "kg",
    "kilogram": "kg",
    "kg": "kg",
    "grams": "g",
    "gram": "g",
    "pounds": "lb",
    "pound": "lb",
    "lbs": "lb",
    "lb": "lb",
    "ounces": "oz",
    "ounce": "oz",
    "oz": "oz",
    "tons": "t",
    "ton": "t",
    "tonnes": "t",
    "tonne": "t",
    "metric tons": "t",
    "barrels": "bbl",
    "barrel": "bbl",
    "bbl": "bbl",
    "gallons": "gal",
    "gallon": "gal",
    "L": "l",
    "litres": "l",
    "liters": "l",
    "litre": "l",
    "liter": "l",
    "millilitres": "ml",
    "milliliters": "ml",
    "ml": "ml",
    "acres": "acre",
    "acre": "acre",
    "hectares": "ha",
    "hectare": "ha",
    "square feet": "sq ft",
    "square foot": "sq ft",
    "square miles": "sq mi",
    "square mile": "sq mi",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square metres": "m2",
    "km²": "km2",
    "m²": "m2",
    "sq mi": "sq mi",
    "sq km": "km2",
    "square meters": "m2",
    "sq ft": "sq ft",
    "milligrams": "mg",
    "milligram": "mg",
    "mg": "mg",
    "micrograms": "µg",
    "nanometres": "nm",
    "nanometers": "nm",
    "cubic feet": "cu ft",
    "cubic foot": "cu ft",
    "cubic metres": "m3",
    "cubic meters": "m3",
    "cubic kilometres": "km3",
    "cubic kilometers": "km3",
    "m³": "m3",
    "km³": "km3",
    "mph": "mph",
    "miles per hour": "mph",
    "miles an hour": "mph",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "kilometres an hour": "km/h",
    "kilometers an hour": "km/h",
    "degrees celsius": "°C",
    "degrees centigrade": "°C",
    "degrees fahrenheit": "°F",
    "°c": "°C",
    "°f": "°F",
    "wh": "Wh",
    "petabytes": "PB",
    "exabytes": "EB",
    "km/h": "km/h",
    "kph": "km/h",
    "megawatts": "MW",
    "megawatt": "MW",
    "mw": "MW",
    "gigawatts": "GW",
    "gigawatt": "GW",
    "gw": "GW",
    "kilowatts": "kW",
    "kilowatt": "kW",
    "kw": "kW",
    "kwh": "kWh",
    "mwh": "MWh",
    "gwh": "GWh",
    "twh": "TWh",
    "gigawatt-hours": "GWh",
    "degrees": "deg",
    "degree": "deg",
    "gb": "GB",
    "tb": "TB",
    "mb": "MB",
    "gigabytes": "GB",
    "terabytes": "TB",
    "megabytes": "MB",
    "bytes": "B",
    "point": "points",
    "points": "points",
}
MEASURE_RE = (
    r"(?:(?i:degrees? (?:Celsius|centigrade|Fahrenheit))|°\s?[CF]|"
    r"(?:miles|kilomet(?:re|er)s) (?:per|an) hour|cubic (?:feet|foot|met(?:re|er)s|kilomet(?:re|er)s)|m³|km³|"
    r"milligrams?|micrograms|nanomet(?:re|er)s|mg|petabytes|exabytes|Wh|L|km2|km²|m2|m²|sq mi|sq km|"
    r"square (?:feet|foot|miles?|kilomet(?:re|er)s?|met(?:re|er)s?)|metric tons|sq ft|"
    r"kilomet(?:re|er)s?|centimet(?:re|er)s?|millimet(?:re|er)s?|met(?:re|er)s?|feet|foot|ft|inch(?:es)?|"
    r"miles?|mi|yards?|km/h|kph|km|cm|mm|kilograms?|kg|grams?|pounds?|lbs?|ounces?|oz|tons|ton|tonnes?|"
    r"barrels?|bbl|gallons?|lit(?:re|er)s?|millilit(?:re|er)s?|ml|acres?|hectares?|mph|"
    r"megawatts?|gigawatts?|kilowatts?|gigawatt-hours|MW|GW|kW|kWh|MWh|GWh|TWh|degrees?|"
    r"gigabytes|terabytes|megabytes|bytes|GB|TB|MB|points?)(?![A-Za-z])"
)

# Plural nouns that name things people count in this genre; used to recover the counted noun when the
# number stands alone ("Only 16,707 were exported" after a sentence about vehicles).
COUNTABLE = frozenset(
    [
        "vehicles",
        "cars",
        "trucks",
        "pickups",
        "suvs",
        "jobs",
        "workers",
        "employees",
        "people",
        "units",
        "homes",
        "houses",
        "plants",
        "factories",
        "facilities",
        "companies",
        "firms",
        "members",
        "students",
        "patients",
        "cases",
        "deaths",
        "visitors",
        "tourists",
        "passengers",
        "barrels",
        "shares",
        "votes",
        "voters",
        "households",
        "families",
        "children",
        "schools",
        "hospitals",
        "projects",
        "stores",
        "dealers",
        "dealerships",
        "aircraft",
        "planes",
        "ships",
        "chips",
        "devices",
        "phones",
        "batteries",
        "tonnes",
        "tons",
    ]
)
# Nouns that make a number a duration, an age, or a rank rather than a statistic.
NOT_COUNTED = frozenset(
    [
        "years",
        "year",
        "months",
        "month",
        "weeks",
        "week",
        "days",
        "day",
        "hours",
        "hour",
        "minutes",
        "minute",
        "seconds",
        "second",
        "decades",
        "decade",
        "centuries",
        "century",
        "times",
        "time",
        "hrs",
        "hr",
        "mins",
        "secs",
        "a.m.",
        "p.m.",
        "am",
        "pm",
        "o'clock",
        "percent",
        "per",
        "cent",
        "st",
        "nd",
        "rd",
        "th",
    ]
)
# Synonyms folded into one counted unit so that "9,633 Jeeps" and "16,707 vehicles" compare.
_VEHICLE_WORDS = frozenset(
    [
        "vehicles",
        "vehicle",
        "cars",
        "car",
        "trucks",
        "truck",
        "pickups",
        "pickup",
        "suvs",
        "suv",
        "sedans",
        "vans",
        "jeeps",
        "automobiles",
    ]
)


def currency_code_for_prefix(raw: str, *, china_context: bool) -> str:
    """ISO code of a currency written before the number; "¥" is CNY only in a Chinese context."""
    key = re.sub(r"\s+", " ", raw.strip().lower())
    code = CURRENCY_PREFIXES.get(key, CURRENCY_PREFIXES.get(key.replace(" ", ""), "USD"))
    if code == "JPY" and key == "¥" and china_context:
        return "CNY"
    return code


def currency_code_for_name(raw: str) -> str:
    """ISO code of a currency named after the number ("Canadian dollars" is CAD, "dollars" is USD)."""
    key = re.sub(r"\s+", " ", raw.strip().lower())
    for country, code in _NAMED_DOLLARS.items():
        if key.startswith(country):
            return code
    key = key.removeprefix("u.s. ").removeprefix("us ")
    return CURRENCY_NAMES.get(key, "USD")


def measure_unit(raw: str) -> str:
    """Canonical symbol of a measure word ("degrees  Celsius" and "° C" read as "°C")."""
    key = re.sub(r"\s+", " ", raw.strip()).replace("° ", "°")
    return MEASURES.get(key.lower(), MEASURES.get(key, key))


def count_unit(noun: str, *, after_brand: bool = False) -> str:
    """The counted noun as a unit: lower-case plural, vehicle words folded to "vehicles".

    "models" after brand names ("Cadillac and Chevrolet models") are vehicles in this genre.
    """
    word = noun.strip().lower()
    if word in _VEHICLE_WORDS or (after_brand and word in ("models", "model")):
        return "vehicles"
    return word

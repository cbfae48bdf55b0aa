"""Quantity forms found missing against peer suites: fractions, signs, temperatures, speeds, spelled forms."""

from factledger.domain import ClaimKind, Document
from factledger.extraction import suggest


def found(text: str) -> list[tuple[str, float | None, str | None]]:
    return [(s.quote, s.value, s.unit) for s in suggest(Document(text=text)) if s.kind is ClaimKind.STATISTIC]


def test_a_digit_fraction_before_a_measure_is_its_value() -> None:
    """ "3/4 inch" is 0.75 in, never "4 inch"; "2 1/2 miles" is 2.5 mi."""
    assert found("Hail the size of 3/4 inch fell over 2 1/2 miles of road.") == [
        ("3/4 inch", 0.75, "in"),
        ("over 2 1/2 miles", 2.5, "mi"),
    ]


def test_a_digit_fraction_of_a_whole_is_a_share_and_24_7_is_not_a_figure() -> None:
    """A digit fraction such as "3/4 of" reads as a 75% share, while "24/7" is not a figure."""
    assert found("About 3/4 of the clinics now open 24/7 for walk-in visits.") == [("About 3/4", 75.0, "%")]


def test_temperatures_keep_their_scale_and_sign() -> None:
    """Temperatures keep their Celsius or Fahrenheit scale and a minus sign."""
    assert found("Lows reached -12 °C in the valley, or about 10 degrees Fahrenheit.") == [
        ("-12 °C", -12.0, "°C"),
        ("about 10 degrees Fahrenheit", 10.0, "°F"),
    ]


def test_a_negative_percentage_keeps_its_sign() -> None:
    """A negative percentage keeps its minus sign."""
    assert found("Output growth slowed to -0.4% in the quarter.") == [("-0.4%", -0.4, "%")]


def test_a_hyphenated_range_is_not_a_negative_number() -> None:
    """In a hyphenated range such as "10-20 cm" the second number is not read as negative."""
    found_range = found("The storm dumped 10-20 cm of snow on the passes.")
    assert found_range == [("10-20 cm", 10.0, "cm")]


def test_speeds_and_volumes_spelled_out() -> None:
    """Speeds and volumes with spelled-out units read as miles per hour and cubic metres."""
    assert found("Winds of 90 miles per hour pushed 3 million cubic metres of water inland.") == [
        ("90 miles per hour", 90.0, "mph"),
        ("3 million cubic metres", 3e6, "m3"),
    ]


def test_spelled_halves_and_dozens() -> None:
    """Spelled forms such as "half a million", "a dozen" and "two and a half" read as numbers."""
    assert found("Half a million voters skipped it; a dozen mayors and two and a half miles of queue.") == [
        ("Half a million voters", 5e5, "voters"),
        ("a dozen mayors", 12.0, "mayors"),
        ("two and a half miles", 2.5, "mi"),
    ]


def test_a_k_after_digits_is_thousands_before_a_counted_noun() -> None:
    """A "k" after digits before a counted noun means thousands."""
    assert found("Organizers expected 20k runners on Sunday.") == [("20k runners", 20000.0, "runners")]


def test_two_numbers_joined_by_and_are_two_figures_unless_between() -> None:
    """ "12 and 15 schools" is not a range; "between 12 and 15 schools" is."""
    assert found("Inspectors closed 12 and 15 schools.") == [("15 schools", 15.0, "schools")]
    assert found("Inspectors closed between 12 and 15 schools.") == [
        ("between 12 and 15 schools", 12.0, "schools")
    ]


def test_an_exponent_is_not_a_figure() -> None:
    """A number in exponent notation such as "2e-6" is not suggested as a figure."""
    assert found("The error was 2e-6 km at most.") == []


def test_doses_in_milligrams_and_abbreviated_hours() -> None:
    """A dose in milligrams is a figure, and a duration in "hrs" is not."""
    assert found("Patients took 40 mg daily for 3 hrs of relief.") == [("40 mg", 40.0, "mg")]


def test_a_currency_name_is_read_in_any_case() -> None:
    """A currency written as a capitalised name, such as "Euros", reads as its currency code."""
    assert found("Tickets cost 20 Euros each.") == [("20 Euros", 20.0, "EUR")]

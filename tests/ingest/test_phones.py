"""The shortcut for ``+digits`` phone numbers gives exactly what phonenumbers' parser gives."""

from __future__ import annotations

import phonenumbers
import pytest
from hypothesis import given
from hypothesis import strategies as st
from phonenumbers import COUNTRY_CODE_TO_REGION_CODE, PhoneNumberFormat, PhoneNumberType

from accord.ingest.invalid import Invalid
from accord.ingest.phones import phone_cleaner, plain_international

_TYPES = (PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.TOLL_FREE,
          PhoneNumberType.PREMIUM_RATE, PhoneNumberType.VOIP, PhoneNumberType.UAN)  # fmt: skip


def _examples() -> list[str]:
    """An example number of each type for every region phonenumbers knows, as +digits."""
    found = []
    for regions in COUNTRY_CODE_TO_REGION_CODE.values():
        for region in regions:
            for kind in _TYPES:
                number = phonenumbers.example_number_for_type(region, kind)
                if number is not None:
                    found.append(phonenumbers.format_number(number, PhoneNumberFormat.E164))
    return found


def _full(raw: str, region: str | None) -> str:
    """The check without the shortcut: parse, validate, format."""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return "unparsable"
    if not phonenumbers.is_valid_number(number):
        return "invalid"
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def _shortcut(raw: str, region: str | None) -> str | None:
    number = plain_international(raw)
    if number is None:
        return None
    assert number == phonenumbers.parse(raw, region)
    if not phonenumbers.is_valid_number(number):
        return "invalid"
    return phonenumbers.format_number(number, PhoneNumberFormat.E164)


def test_every_example_number_takes_the_shortcut_or_the_parser_with_the_same_result() -> None:
    examples = _examples()
    taken = 0
    for raw in examples:
        short = _shortcut(raw, "RS")
        if short is not None:
            taken += 1
            assert short == _full(raw, "RS") == raw
    # Most of the world's numbers are written without a national prefix after +cc.
    assert taken > len(examples) // 2


@given(
    country=st.sampled_from(sorted(COUNTRY_CODE_TO_REGION_CODE)),
    national=st.text("0123456789", min_size=1, max_size=19),
    region=st.sampled_from(["RS", "AL", "GB", None]),
)
def test_random_digits_give_what_the_parser_gives(
    country: int, national: str, region: str | None
) -> None:
    raw = f"+{country}{national}"
    short = _shortcut(raw, region)
    if short is not None:
        assert short == _full(raw, region)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("+381 61 234 5678", "+381612345678"),  # spaces: the parser
        ("+381612345678", "+381612345678"),  # the shortcut
        ("061 234 5678", "+381612345678"),  # national form, region RS
        ("+44 07911 123456", "+447911123456"),  # national prefix after +44: the parser strips it
        ("+390612345678", "+390612345678"),  # Italian leading zero kept
    ],
)
def test_cleaner_accepts_the_usual_forms(raw: str, expected: str) -> None:
    assert phone_cleaner("RS")(raw) == expected


@pytest.mark.parametrize("raw", ["+3810", "+381 1", "+99912345678", "phone", "+38161234567890123"])
def test_cleaner_refuses_with_a_reason(raw: str) -> None:
    with pytest.raises(Invalid, match="phone number"):
        phone_cleaner("RS")(raw)

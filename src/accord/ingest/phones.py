"""Phone numbers, checked with ``phonenumbers``.

Most numbers in a file are already written the international way, ``+`` and digits. For those
the number that :func:`phonenumbers.parse` would build can be read off directly, and parsing
(two thirds of the cost of a check) is skipped; the number is still judged by
:func:`phonenumbers.is_valid_number` and written by :func:`phonenumbers.format_number`. Any
other form, and any ``+digits`` number where parsing could change the digits (a national
prefix to strip, leading zeros to keep), goes through the full parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

import phonenumbers
from phonenumbers import (
    COUNTRY_CODE_TO_REGION_CODE,
    PhoneMetadata,
    PhoneNumber,
    PhoneNumberFormat,
    region_code_for_country_code,
)

from accord.ingest.invalid import Invalid

__all__ = ["phone_cleaner", "plain_international"]

#: "+", a country code and a national number; the parser accepts 2 to 17 national digits.
_PLAIN = re.compile(r"\+[1-9][0-9]{2,19}")
_MIN_NATIONAL, _MAX_NATIONAL = 2, 17
_COUNTRY_CODES = {str(code): code for code in COUNTRY_CODE_TO_REGION_CODE}


@cache
def _national_prefix(country_code: int) -> re.Pattern[str] | None:
    """The pattern of the national prefix the parser strips for a country code, if any."""
    region = region_code_for_country_code(country_code)
    metadata = PhoneMetadata.metadata_for_region_or_calling_code(country_code, region)
    if metadata is None:  # no metadata, no shortcut: an empty pattern matches every number
        return re.compile("")
    prefix = metadata.national_prefix_for_parsing
    return re.compile(prefix) if prefix else None


def plain_international(raw: str) -> PhoneNumber | None:
    """The number ``phonenumbers.parse(raw)`` gives, where ``raw`` is ``+`` and digits and
    parsing would keep every digit after the country code; otherwise None."""
    if _PLAIN.fullmatch(raw) is None:
        return None
    digits = raw[1:]
    # Like the parser, take the first 1-3 digit prefix that is a country code (none is 0).
    country_code = (
        _COUNTRY_CODES.get(digits[:1])
        or _COUNTRY_CODES.get(digits[:2])
        or _COUNTRY_CODES.get(digits[:3])
    )
    if country_code is None:
        return None
    national = digits[len(str(country_code)) :]
    if not _MIN_NATIONAL <= len(national) <= _MAX_NATIONAL or national[0] == "0":
        return None  # too short or long (the parser's error says which), or leading zeros
    prefix = _national_prefix(country_code)
    if prefix is not None and prefix.match(national) is not None:
        return None  # the parser may strip a national prefix here
    return PhoneNumber(country_code=country_code, national_number=int(national))


def phone_cleaner(region: str | None) -> Callable[[str], str]:
    """Phone numbers in E.164; ``region`` is where numbers without a country code are from."""

    def clean(raw: str) -> str:
        number = plain_international(raw)
        if number is None:
            try:
                number = phonenumbers.parse(raw, region)
            except phonenumbers.NumberParseException as exc:
                raise Invalid(
                    "not a phone number; write it with its country code (+381...)"
                ) from exc
        if not phonenumbers.is_valid_number(number):
            raise Invalid("not a valid phone number for its country")
        return phonenumbers.format_number(number, PhoneNumberFormat.E164)

    return clean

"""TOTP against the RFC 6238 test vectors, the window of accepted steps, and the URI."""

from __future__ import annotations

import base64

from accord.web.totp import code_at, matching_step, new_secret, otpauth_uri, secret_bytes

RFC_SECRET = base64.b32encode(b"12345678901234567890").decode()


def test_codes_match_the_rfc_6238_sha1_vectors_in_six_digits() -> None:
    # RFC 6238 Appendix B gives 8 digits; a 6-digit code is their last six.
    vectors = {
        59: "94287082",
        1111111109: "07081804",
        1111111111: "14050471",
        1234567890: "89005924",
        2000000000: "69279037",
        20000000000: "65353130",
    }
    for unix_time, eight in vectors.items():
        assert code_at(RFC_SECRET, unix_time) == eight[-6:]


def test_one_step_either_side_is_accepted_and_no_further() -> None:
    now = 1_800_000_000
    for offset, accepted in ((-60, False), (-30, True), (0, True), (30, True), (60, False)):
        code = code_at(RFC_SECRET, now + offset)
        assert (matching_step(RFC_SECRET, code, now) is not None) is accepted


def test_malformed_codes_never_match() -> None:
    now = 1_800_000_000
    good = code_at(RFC_SECRET, now)
    for typed in ("", "12345", "1234567", "abcdef", "١٢٣٤٥٦", good + "0", " " * 6):
        assert matching_step(RFC_SECRET, typed, now) is None
    assert matching_step(RFC_SECRET, f"{good[:3]} {good[3:]}", now) is not None


def test_new_secrets_are_160_bit_base32_and_differ() -> None:
    first, second = new_secret(), new_secret()
    assert first != second and len(first) == 32
    assert len(secret_bytes(first)) == 20
    assert secret_bytes(first.lower()) == secret_bytes(first)


def test_otpauth_uri_names_issuer_account_and_parameters() -> None:
    uri = otpauth_uri("ABCDEFGH", "rs.officer")
    assert uri.startswith("otpauth://totp/Accord:rs.officer?")
    for part in ("secret=ABCDEFGH", "issuer=Accord", "digits=6", "period=30", "algorithm=SHA1"):
        assert part in uri

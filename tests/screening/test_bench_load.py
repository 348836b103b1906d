"""The load generator of the API benchmark: its authenticator codes are the site's, and its
figures are computed from every latency it kept."""

from __future__ import annotations

from accord.cli.bench_api_load import Load, authenticator_code
from accord.web.totp import code_at, new_secret


def test_authenticator_codes_are_the_ones_the_site_accepts() -> None:
    for number in range(20):
        secret = new_secret()
        moment = 1_750_000_000 + number * 977.5
        assert authenticator_code(secret, moment) == code_at(secret, moment)


def test_load_figures() -> None:
    load = Load(requests=95, errors=5, seconds=10.0, latencies_ms=[float(n) for n in range(1, 101)])
    load.statuses = {200: 95, 429: 5}
    figures = load.to_dict()
    assert load.rps == 9.5
    assert figures["p50_ms"] == 51.0 and figures["p95_ms"] == 96.0 and figures["p99_ms"] == 100.0
    assert figures["statuses"] == {"200": 95, "429": 5}
    assert Load().percentile(0.95) == 0.0 and Load().rps == 0.0

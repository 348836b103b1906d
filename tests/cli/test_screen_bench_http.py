"""The screening bench's HTTP load sends each query once: a share for each client."""

from accord.cli.screen_bench_http import CLIENTS, shares


def _bodies(count: int) -> list[dict[str, object]]:
    return [
        {"purpose": "border-management", "query": {"name": f"Person {n}"}} for n in range(count)
    ]


def test_no_query_in_two_shares() -> None:
    ones, twenties = shares(_bodies(8_000))
    assert len(ones) == len(twenties) == CLIENTS
    single = [body["query"]["name"] for share in ones for body in share]
    batched = [q["name"] for share in twenties for body in share for q in body["queries"]]
    assert len(single) == len(set(single)) == 4_000
    assert len(batched) == len(set(batched)) == 4_000
    assert not set(single) & set(batched)
    assert all(len(body["queries"]) == 20 for share in twenties for body in share)


def test_fewer_bodies_than_clients_still_gives_every_client_some() -> None:
    ones, twenties = shares(_bodies(6))
    assert all(ones) and all(twenties)

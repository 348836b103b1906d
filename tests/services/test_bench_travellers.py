"""The API benchmark's arrival-list queries: one per stored person, valid screening requests."""

from __future__ import annotations

from accord.cli.bench_api_travellers import traveller_bodies
from accord.screening import ScreenQuery
from accord.screening.evaluation import checked
from accord.services import Services


def test_travellers_are_distinct_valid_queries_of_stored_persons(svc: Services) -> None:
    bodies = traveller_bodies(svc, 1000)
    assert bodies, "the fixture's persons give queries"
    refs = [body["query"]["ref"] for body in bodies]
    assert len(set(refs)) == len(refs)
    for body in bodies:
        assert body["purpose"] == "border-management"
        query = ScreenQuery.from_dict(body["query"])
        assert query.first_name or query.last_name or query.name
        assert checked(query) is not None, body  # the server accepts it
    assert len(traveller_bodies(svc, 2)) == 2
    # The same region gives the same order: runs are comparable.
    assert traveller_bodies(svc, 1000) == bodies

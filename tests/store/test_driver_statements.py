"""Fixed statements run on the driver's cursor: the same rows as through SQLAlchemy, inside the
caller's transaction (rolled back with it), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from sqlalchemy import bindparam, func, insert, select, update

from accord.store import Store
from accord.store.driver_statements import MAX_ROWS, DriverStatement
from accord.store.tables import audit_entries, screening_usage

_ADD = DriverStatement(
    update(screening_usage)
    .where(screening_usage.c.username == bindparam("who"), screening_usage.c.day == "2026-01-01")
    .values(queries=screening_usage.c.queries + bindparam("added"))
)
_NEW = DriverStatement(insert(screening_usage))
_READ = DriverStatement(
    select(screening_usage.c.username, screening_usage.c.queries)
    .where(screening_usage.c.day == "2026-01-01")
    .order_by(screening_usage.c.username)
)


def _rows(n: int) -> list[dict[str, object]]:
    return [{"username": f"user{i}", "day": "2026-01-01", "queries": i} for i in range(n)]


def test_statements_write_and_read_in_the_callers_transaction(store: Store) -> None:
    with store.write() as conn:
        _NEW.run_many(conn, _rows(3))
        assert _ADD.run(conn, {"who": "user2", "added": 5}) == 1
        assert _ADD.run(conn, {"who": "nobody", "added": 5}) == 0
        assert _READ.rows(conn) == [("user0", 0), ("user1", 1), ("user2", 7)]
    with store.read() as conn:  # committed with the transaction, seen by another connection
        found = conn.execute(select(screening_usage.c.username, screening_usage.c.queries))
        assert sorted(tuple(row) for row in found) == [("user0", 0), ("user1", 1), ("user2", 7)]


def test_a_rolled_back_transaction_takes_their_writes_with_it(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as conn:
        _NEW.run_many(conn, _rows(2))
        raise RuntimeError("the unit failed")
    with store.read() as conn:
        count = conn.execute(select(func.count()).select_from(screening_usage)).scalar_one()
    assert count == 0


def test_an_insert_must_give_every_column_it_writes(store: Store) -> None:
    # legal_basis has a default in SQLAlchemy only; the driver would store NULL: refused
    entries = DriverStatement(insert(audit_entries))
    with pytest.raises(ValueError, match="legal_basis"), store.write() as conn:
        entries.run(conn, {"seq": 1, "at": "2026-01-01T00:00:00"})


@pytest.mark.parametrize("count", [1, 3, 7, 300])
def test_many_rows_are_each_written_once(store: Store, count: int) -> None:
    with store.write() as conn:
        _NEW.run_many(conn, _rows(count))
    with store.read() as conn:
        found = conn.execute(select(screening_usage.c.username, screening_usage.c.queries))
        stored = sorted(tuple(row) for row in found)
    assert stored == sorted((f"user{i}", i) for i in range(count))


def test_sqlite_inserts_many_rows_a_statement(store: Store) -> None:
    if store.dialect != "sqlite":
        pytest.skip("the driver's executemany writes the rows on other dialects")
    statements: list[str] = []
    with store.write() as conn:
        driver = conn.connection.driver_connection
        assert driver is not None
        driver.set_trace_callback(statements.append)
        try:
            _NEW.run_many(conn, _rows(300))  # 256 + 32 + 8 + 4
        finally:
            driver.set_trace_callback(None)
    inserts = [sql for sql in statements if sql.startswith("INSERT")]
    assert [sql.count("), (") + 1 for sql in inserts] == [MAX_ROWS, 32, 8, 4]

"""A new embedded store is laid out in 16 KiB pages; a store created before keeps its own."""

from __future__ import annotations

import dataclasses
import sqlite3
from pathlib import Path

from sqlalchemy import func, select

from accord.settings import Settings
from accord.store import open_store
from accord.store.sqlite import PAGE_SIZE
from accord.store.tables import users


def _page_size(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        return int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()


def test_a_new_store_uses_the_larger_pages(accord_env: Settings) -> None:
    store = open_store(accord_env)
    try:
        with store.read() as conn:
            assert conn.exec_driver_sql("PRAGMA page_size").scalar() == PAGE_SIZE == 16_384
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    finally:
        store.close()


def test_a_store_made_with_smaller_pages_keeps_them_and_works(
    accord_env: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "older.db"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA page_size=4096")
    conn.execute("PRAGMA journal_mode=WAL")  # fixes the page size, as an older store's did
    conn.close()
    settings = dataclasses.replace(accord_env, database_url=f"sqlite:///{path}")
    store = open_store(settings)  # migrates the empty file: tables in 4 KiB pages
    try:
        with store.read() as conn2:
            assert conn2.exec_driver_sql("PRAGMA page_size").scalar() == 4096
            assert conn2.execute(select(func.count()).select_from(users)).scalar() == 0
    finally:
        store.close()
    assert _page_size(path) == 4096

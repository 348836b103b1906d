"""Bring a database to the newest schema with Alembic."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Engine

__all__ = ["migrate"]


def migrate(engine: Engine) -> None:
    """Apply every migration not yet applied. Safe to call on every start."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("accord.store") / "migrations"))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")

"""Bring a database to the newest schema with Alembic."""

from __future__ import annotations

from importlib import resources

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection, Engine

__all__ = ["alembic_config", "migrate"]


def alembic_config(connection: Connection) -> Config:
    """Alembic's configuration for the store's migrations, run on ``connection``."""
    config = Config()
    config.set_main_option("script_location", str(resources.files("accord.store") / "migrations"))
    config.attributes["connection"] = connection
    return config


def migrate(engine: Engine) -> None:
    """Apply every migration not yet applied. Safe to call on every start."""
    with engine.begin() as connection:
        command.upgrade(alembic_config(connection), "head")

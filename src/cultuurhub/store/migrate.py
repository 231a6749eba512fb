"""Run the shipped Alembic migrations on a database."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine


def upgrade(engine: Engine, revision: str = "head") -> None:
    """Bring the database behind ``engine`` up to ``revision`` (a no-op when it is there)."""
    config = Config()
    config.set_main_option("script_location", "cultuurhub.store:migrations")
    with engine.connect() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, revision)
        connection.commit()

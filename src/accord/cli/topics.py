"""Imports every topic module so that its commands attach to the root app. One line a topic."""

from accord.cli import names as _names  # noqa: F401

"""The objects a use case needs, built once per process from the settings."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from accord.model.reference import RetentionTable, retention_table
from accord.settings import Settings, get_settings
from accord.store import Store, open_store
from accord.store.accounts import Accounts
from accord.store.agreement_book import AgreementBook
from accord.store.audit_writer import close_process
from accord.store.gate import Gate

__all__ = ["Services", "open_services"]


@dataclass
class Services:
    settings: Settings
    store: Store

    @cached_property
    def gate(self) -> Gate:
        return Gate(self.store)

    @cached_property
    def accounts(self) -> Accounts:
        return Accounts(self.store)

    @cached_property
    def agreements(self) -> AgreementBook:
        return AgreementBook(self.store)

    @cached_property
    def retention(self) -> RetentionTable:
        return retention_table(self.settings.retention_file)

    def close(self) -> None:
        close_process(self.store)
        self.store.close()


def open_services(settings: Settings | None = None) -> Services:
    settings = settings or get_settings()
    return Services(settings=settings, store=open_store(settings))

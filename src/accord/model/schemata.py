"""The entity model: the installed FollowTheMoney schemata merged with Accord's own.

FtM's schemata are read from the installed package, never copied; Accord's YAML files (in
``model/schemata``) add what FtM lacks. The merged model is built once per process.
"""

from __future__ import annotations

import os
from functools import lru_cache
from importlib import resources
from typing import Any

from followthemoney.model import Model
from followthemoney.proxy import EntityProxy
from followthemoney.schema import Schema
from followthemoney.settings import MODEL_PATH

from accord.errors import InputError

__all__ = ["ACCORD_SCHEMATA", "get_model", "get_schema", "make_entity"]

#: The schemata that Accord adds to FollowTheMoney's.
ACCORD_SCHEMATA = (
    "AssetDeclaration",
    "AssetDeclarationItem",
    "BorderCrossing",
    "Firearm",
    "ReturnCase",
    "Visa",
)


class _MergedModel(Model):
    """A FollowTheMoney model built from several schema folders."""

    def __init__(self, *paths: str) -> None:
        self.path = paths[0]
        self.schemata: dict[str, Schema] = {}
        self.properties = set()
        self.qnames = {}
        for path in paths:
            for dirpath, _, filenames in sorted(os.walk(path)):
                for filename in sorted(filenames):
                    if filename.endswith((".yaml", ".yml")):
                        self._load(os.path.join(dirpath, filename))
        self.generate()


@lru_cache(maxsize=1)
def get_model() -> Model:
    """FtM's installed schemata plus Accord's."""
    own = resources.files("accord.model").joinpath("schemata")
    return _MergedModel(MODEL_PATH, str(own))


def get_schema(name: str) -> Schema:
    schema = get_model().get(name)
    if schema is None:
        raise InputError(
            f"Unknown schema {name!r}.",
            hint="Use a FollowTheMoney schema (Person, Company, Passport...) or one of Accord's: "
            + ", ".join(ACCORD_SCHEMATA)
            + ".",
        )
    return schema


def make_entity(schema: str, entity_id: str, properties: dict[str, Any]) -> EntityProxy:
    """Build an FtM entity proxy of the merged model (for export and interchange)."""
    proxy = EntityProxy(get_schema(schema), {"id": entity_id})
    for prop, values in properties.items():
        proxy.add(prop, values, cleaned=True, quiet=True)
    return proxy

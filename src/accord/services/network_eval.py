"""Network analytics against the planted truth of a generated region, loaded through the ingest.

The region is ingested into a fresh embedded store, its persons linked into identities, and the
network read as the system actor ``network-eval`` (who sees everything, as the linkage job does).
Each planted node of ``truth/networks.csv`` is found in the network through its records
(``truth/identities.csv`` for persons, ``truth/entities.csv`` for things) or its identifier
(phones, containers). Community recovery compares the Leiden communities of the planted nodes
with the planted networks (normalised mutual information and adjusted Rand index, igraph's
``compare_communities``), beside connected components as the baseline of the same run.
"""

from __future__ import annotations

import csv
import dataclasses
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import igraph as ig
import numpy as np
import polars as pl

from accord.errors import InputError
from accord.model.ids import keyed_hash, record_id
from accord.network.targets import rank_targets
from accord.policy import system_actor
from accord.services.context import Services, open_services
from accord.services.identities import IdentityDesk
from accord.services.network import NetworkDesk, NetworkView
from accord.services.network_keys import phone_key
from accord.services.region import default_agreements, load_agreements, load_region

__all__ = ["evaluate_network_region", "planted_nodes"]

EVAL_ACTOR = "network-eval"


def _rows(folder: Path, name: str) -> list[dict[str, str]]:
    path = folder / "truth" / name
    if not path.exists():
        raise InputError(
            f"{path} is missing.", hint="Point at the output folder of `accord scenario generate`."
        )
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def planted_nodes(folder: Path, view: NetworkView, id_key: bytes) -> dict[str, str]:
    """Each planted node uid (persons, things, phones, containers) -> its node in the network."""
    node_of_record = view.tables.node_of
    found: dict[str, str] = {}
    for name, column in (("identities.csv", "person_uid"), ("entities.csv", "entity_uid")):
        for row in _rows(folder, name):
            rid = record_id(
                id_key, row["participant"], row["authority"], row["dataset"], row["key"]
            )
            node = node_of_record.get(rid)
            if node is not None:
                found.setdefault(row[column], node)
    ids = set(view.network.ids)
    for row in _rows(folder, "networks.csv"):
        uid = row["node_uid"]
        kind, _sep, value = uid.partition(":")
        key = None
        if kind == "PHONE":
            key = phone_key(value)
        elif kind == "CONTAINER":
            key = f"container:{value.upper()}"
        if key is not None:
            kind_name = "phone" if kind == "PHONE" else "shipment"
            node = f"{kind_name}-" + keyed_hash(id_key, "node", key)[:20]
            if node in ids:
                found[uid] = node
    return found


def _compare(truth: list[int], found: list[int]) -> dict[str, float]:
    return {
        "nmi": round(float(ig.compare_communities(truth, found, method="nmi")), 4),
        "adjusted_rand": round(
            float(ig.compare_communities(truth, found, method="adjusted_rand")), 4
        ),
    }


def _recovery(
    folder: Path, view: NetworkView, planted: dict[str, str], membership: np.ndarray[Any, Any]
) -> dict[str, Any]:
    components = np.asarray(view.network.simple.graph.connected_components().membership)
    networks: dict[str, str] = {}
    for row in _rows(folder, "networks.csv"):
        networks.setdefault(row["node_uid"], row["network_id"])  # in two networks: its first
    # each planted node found counts once, with the community of its node (two planted nodes
    # merged into one node share it, which counts against the merge where they differ)
    found = [uid for uid in networks if uid in planted]
    vertices = [view.network.index(planted[uid]) for uid in found]
    labels = {name: number for number, name in enumerate(sorted(set(networks.values())))}
    truth = [labels[networks[uid]] for uid in found]
    return {
        "planted_nodes": len(networks),
        "planted_nodes_found": len(found),
        "networks": len(labels),
        "leiden": _compare(truth, [int(membership[v]) for v in vertices]),
        "baseline_components": _compare(truth, [int(components[v]) for v in vertices]),
    }


def _targets(folder: Path, view: NetworkView, planted: dict[str, str]) -> dict[str, Any]:
    """Precision at k of the ranked targets (k = the number of planted targets), beside the
    persons ranked by their number of distinct neighbours as the baseline."""
    wanted = {planted[r["person_uid"]] for r in _rows(folder, "high_value_targets.csv")
              if r["person_uid"] in planted}  # fmt: skip
    k = len(wanted)
    degree = view.network.simple.graph.degree()
    persons = view.network.nodes.with_columns(pl.Series("degree", degree)).filter(
        pl.col("kind") == "person"
    )
    by_degree = persons.sort(["degree", "id"], descending=[True, False])["id"].head(k).to_list()
    result: dict[str, Any] = {
        "k": k,
        "baseline_degree_precision_at_k": round(len(wanted & set(by_degree)) / k, 4) if k else None,
    }
    ranked = rank_targets(view.network, kinds=("person",), limit=max(k, 1))
    top = {t.node_id for t in ranked[:k]}
    result["precision_at_k"] = round(len(wanted & top) / k, 4) if k else None
    return result


def evaluate_network_region(
    folder: Path,
    services: Services | None = None,
    *,
    resolution: float = 1.0,
    on_stage: Callable[[str], None] | None = None,
) -> dict[str, Any]:
    """Load the region (into a fresh embedded store unless ``services`` is given), link, build
    the network and score it against the truth (see the module)."""
    with tempfile.TemporaryDirectory(prefix="accord-network-") as tmp:
        opened = services or _scratch_services(Path(tmp))
        try:
            return _evaluate(folder, opened, resolution, on_stage or (lambda _stage: None))
        finally:
            if services is None:
                opened.close()


def _scratch_services(folder: Path) -> Services:
    base = open_services().settings
    settings = dataclasses.replace(
        base,
        data_dir=folder,
        database_url=f"sqlite:///{folder / 'accord.db'}",
        key_file=folder / "keys" / "accord.keys",
    )
    return open_services(settings)


def _evaluate(
    folder: Path, services: Services, resolution: float, stage: Callable[[str], None]
) -> dict[str, Any]:
    seconds: dict[str, float] = {}
    started = time.perf_counter()
    stage("loading the region")
    load_agreements(services, default_agreements(), EVAL_ACTOR)
    loaded = load_region(services, folder, EVAL_ACTOR)
    seconds["load"] = round(time.perf_counter() - started, 2)
    stage("linking identities")
    mark = time.perf_counter()
    IdentityDesk(services).run_linkage()
    seconds["linkage"] = round(time.perf_counter() - mark, 2)
    stage("building the network")
    mark = time.perf_counter()
    view = NetworkDesk(services).view(system_actor(EVAL_ACTOR), "serious-crime", "evaluation")
    seconds["network"] = round(time.perf_counter() - mark, 2)
    seconds |= {f"network_{stage}": value for stage, value in view.tables.seconds.items()}
    stage("finding communities")
    mark = time.perf_counter()
    partition = view.partition(resolution=resolution)
    seconds["communities"] = round(time.perf_counter() - mark, 2)
    planted = planted_nodes(folder, view, services.settings.id_key)
    return {
        "records": loaded.stored,
        "network": view.summary() | {"user": f"system:{EVAL_ACTOR}"},
        "communities": {
            "count": partition.count,
            "modularity": round(partition.modularity, 4),
            **_recovery(folder, view, planted, partition.membership),
        },
        "targets": _targets(folder, view, planted),
        "seconds": seconds,
    }

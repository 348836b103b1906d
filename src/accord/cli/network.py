"""``accord network ...``: a user's network of persons, things and relations, read through the
policy; ``accord eval network``: the analytics against a generated region's planted networks."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from accord.cli.common import console, err_console, handle_errors, print_json
from accord.cli.context import acting_user, services
from accord.cli.groups import eval_app
from accord.cli.registry import app as root
from accord.services.network import NetworkDesk, NetworkView

__all__ = ["network_app"]

network_app = typer.Typer(
    help="Networks of persons, companies, phones, vehicles, accounts and their relations, "
    "built from what you may see.",
    no_args_is_help=True,
)

UserOpt = Annotated[str, typer.Option("--user", help="The Accord user on whose behalf to read.")]
PurposeOpt = Annotated[
    str, typer.Option("--purpose", help="Why: serious-crime, migrant-smuggling, ...")
]
WhyOpt = Annotated[str, typer.Option(help="The reason in words (logged with the combination).")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
ResolutionOpt = Annotated[
    float, typer.Option(help="Community resolution: higher gives smaller communities.", min=0.01)
]


def _view(user: str, purpose: str, justification: str) -> NetworkView:
    with services() as svc:
        return NetworkDesk(svc).view(acting_user(svc, user), purpose, justification)


@network_app.command("build")
@handle_errors
def build_command(
    user: UserOpt, purpose: PurposeOpt, justification: WhyOpt = "", json_output: JsonOpt = False
) -> None:
    """Build your network and print what it holds (nodes and edges by kind)."""
    summary = _view(user, purpose, justification).summary()
    if json_output:
        print_json(summary)
        return
    console.print(
        f"{summary['nodes']:,} nodes and {summary['edges']:,} edges from the records "
        f"{summary['user']} may see for {summary['purpose']}.",
        highlight=False,
    )
    table = Table("node kind", "count", "edge kind", "count")
    nodes, edges = list(summary["nodes_by_kind"].items()), list(summary["edges_by_kind"].items())
    for index in range(max(len(nodes), len(edges))):
        left = nodes[index] if index < len(nodes) else ("", "")
        right = edges[index] if index < len(edges) else ("", "")
        table.add_row(left[0], str(left[1]), right[0], str(right[1]))
    console.print(table)


@network_app.command("communities")
@handle_errors
def communities_command(
    user: UserOpt,
    purpose: PurposeOpt,
    resolution: ResolutionOpt = 1.0,
    min_size: Annotated[int, typer.Option(help="Smallest community shown.", min=1)] = 3,
    limit: Annotated[int, typer.Option(help="At most this many communities.", min=1)] = 20,
    justification: WhyOpt = "",
    json_output: JsonOpt = False,
) -> None:
    """Communities (Leiden, modularity) of your network, largest first."""
    found = _view(user, purpose, justification).communities(
        resolution=resolution, min_size=min_size, limit=limit
    )
    if json_output:
        print_json(found)
        return
    console.print(f"Modularity {found['modularity']:.3f}", highlight=False)
    table = Table("community", "size", "persons", "members (first ten)")
    for community in found["communities"]:
        members = community["members"]
        persons = sum(m["kind"] == "person" for m in members)
        names = ", ".join(f"{m['label']} ({m['kind']})" for m in members[:10])
        table.add_row(str(community["id"]), str(community["size"]), str(persons), names)
    console.print(table)


@network_app.command("targets")
@handle_errors
def targets_command(
    user: UserOpt,
    purpose: PurposeOpt,
    limit: Annotated[int, typer.Option(help="At most this many targets.", min=1, max=1000)] = 20,
    resolution: ResolutionOpt = 1.0,
    justification: WhyOpt = "",
    json_output: JsonOpt = False,
) -> None:
    """High-value targets of your network, ranked, each with its reasons."""
    found = _view(user, purpose, justification).targets(limit=limit, resolution=resolution)
    if json_output:
        print_json(found)
        return
    table = Table("rank", "name", "kind", "score", "community", "why")
    for target in found:
        table.add_row(
            str(target["rank"]), target["label"], target["kind"], f"{target['score']:.3f}",
            str(target["community"]), "; ".join(target["reasons"]),
        )  # fmt: skip
    console.print(table)
    console.print("A ranking is a lead to check, not a finding.")


@network_app.command("trace")
@handle_errors
def trace_command(
    node: Annotated[str, typer.Argument(help="A node id of your network (person, company...).")],
    user: UserOpt,
    purpose: PurposeOpt,
    direction: Annotated[
        str, typer.Option(help="out: where its money went; in: where from.")
    ] = "out",
    max_hops: Annotated[int, typer.Option(help="Payments in a row at most.", min=1, max=10)] = 4,
    min_amount: Annotated[float, typer.Option(help="Only payments of at least this (EUR).")] = 0.0,
    justification: WhyOpt = "",
    json_output: JsonOpt = False,
) -> None:
    """Money-flow tracing: payment paths out of (or into) a node and what it controls."""
    found = _view(user, purpose, justification).trace(
        node, direction=direction, max_hops=max_hops, min_amount=min_amount
    )
    if json_output:
        print_json(found)
        return
    table = Table("path", "payments", "EUR", "from", "to", "through")
    for number, path in enumerate(found["paths"], start=1):
        table.add_row(
            str(number), str(len(path["edges"])), f"{path['total_amount']:,.0f}",
            (path["first"] or "")[:10], (path["last"] or "")[:10],
            " -> ".join(found["labels"].get(n, n) for n in path["nodes"]),
        )  # fmt: skip
    console.print(table)
    if found["truncated"]:
        console.print("More paths exist: narrow the trace (--min-amount, --max-hops).")


@network_app.command("path")
@handle_errors
def path_command(
    source: Annotated[str, typer.Argument(help="The node to start from.")],
    target: Annotated[str, typer.Argument(help="The node to reach.")],
    user: UserOpt,
    purpose: PurposeOpt,
    max_hops: Annotated[int, typer.Option(help="Relations in a row at most.", min=1)] = 6,
    justification: WhyOpt = "",
    json_output: JsonOpt = False,
) -> None:
    """A shortest chain of relations between two nodes, each link with the record behind it."""
    found = _view(user, purpose, justification).path(source, target, max_hops=max_hops)
    if json_output:
        print_json(found)
        return
    if found is None:
        console.print(f"No chain of at most {max_hops} relations that you may see.")
        return
    labels = found["labels"]
    table = Table("from", "relation", "to", "when", "record")
    for edge in found["edges"]:
        table.add_row(
            labels.get(edge["source"], edge["source"]), edge["kind"],
            labels.get(edge["target"], edge["target"]), (edge["time"] or "")[:10],
            edge["record_id"] or "",
        )  # fmt: skip
    console.print(table)


@network_app.command("export")
@handle_errors
def export_command(
    user: UserOpt,
    purpose: PurposeOpt,
    out: Annotated[Path, typer.Option("--out", help="The file to write.")],
    fmt: Annotated[
        str, typer.Option("--format", help="ftm (Aleph), graphml, gexf (Gephi) or cytoscape.")
    ] = "graphml",
    justification: WhyOpt = "",
    json_output: JsonOpt = False,
) -> None:
    """Export the network you may export, marked with you and every restriction it carries."""
    from accord.errors import InputError
    from accord.services.network_export import export_network

    with services() as svc:
        principal = acting_user(svc, user)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            with out.open("w", encoding="utf-8") as fh:
                marking, _text = export_network(svc, principal, purpose, fmt, fh, justification)
        except OSError as exc:
            raise InputError(f"{out}: cannot write ({exc.strerror}).") from exc
    marking_path = out.with_name(out.name + ".marking.json")
    marking_path.write_text(json.dumps(marking, indent=2, ensure_ascii=False) + "\n", "utf-8")
    result = {**marking, "file": str(out), "marking_file": str(marking_path)}
    if json_output:
        print_json(result)
        return
    console.print(
        f"Written {out}: {marking['nodes']:,} nodes, {marking['edges']:,} edges; restrictions "
        f"{marking['handling'] or 'none'} (see {marking_path.name}).",
        highlight=False,
    )


def _print_eval(report: dict[str, Any]) -> None:
    com, targets = report["communities"], report["targets"]
    console.print(
        f"Seed {report['seed']}, scale {report['scale']}: {report['records']:,} records -> "
        f"{report['network']['nodes']:,} nodes, {report['network']['edges']:,} edges; "
        f"{com['planted_nodes_found']} of {com['planted_nodes']} planted nodes found in "
        f"{com['networks']} planted networks.",
        style="bold",
        highlight=False,
    )
    table = Table("", "NMI", "adjusted Rand", title="community recovery of the planted networks")
    table.add_row("Leiden", f"{com['leiden']['nmi']:.4f}", f"{com['leiden']['adjusted_rand']:.4f}")
    base = com["baseline_components"]
    table.add_row("baseline: components", f"{base['nmi']:.4f}", f"{base['adjusted_rand']:.4f}")
    console.print(table)
    if "precision_at_k" in targets:
        console.print(
            f"High-value targets: precision@{targets['k']} {targets['precision_at_k']:.4f} "
            f"(baseline by degree {targets['baseline_degree_precision_at_k']:.4f}).",
            highlight=False,
        )
    else:
        console.print(f"High-value targets: {targets.get('targets')}.", highlight=False)
    console.print(f"Seconds: {json.dumps(report['seconds'])}", highlight=False)


@eval_app.command("network")
@handle_errors
def eval_network(
    seed: Annotated[int, typer.Option(help="Scenario seed.")] = 2025,
    scale: Annotated[int, typer.Option(help="About the number of person records.", min=300)] = 3000,
    resolution: ResolutionOpt = 1.0,
    json_output: JsonOpt = False,
) -> None:
    """Community recovery and target precision@k against a generated region's planted truth."""
    from accord.scenario import generate
    from accord.services.network_eval import evaluate_network_region

    with tempfile.TemporaryDirectory(prefix="accord-network-region-") as tmp:
        folder = Path(tmp) / "region"
        generate(seed, scale, folder, progress=False)
        report = evaluate_network_region(
            folder,
            resolution=resolution,
            on_stage=None if json_output else lambda s: err_console.print(f"{s}..."),
        )
    report = {"seed": seed, "scale": scale, **report}
    if json_output:
        print_json(report)
        return
    _print_eval(report)


root.add_typer(network_app, name="network")
